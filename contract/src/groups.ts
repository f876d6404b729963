import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { Locale } from './settings.js';
import { Email, ImageUrls, UserSummary } from './users.js';

export const GroupVisibility = Type.Union([Type.Literal('public'), Type.Literal('private'), Type.Literal('secret')]);
export type GroupVisibility = Static<typeof GroupVisibility>;
export const JoinPolicy = Type.Union([Type.Literal('open'), Type.Literal('request'), Type.Literal('invite')]);
export type JoinPolicy = Static<typeof JoinPolicy>;
export const GroupRole = Type.Union([Type.Literal('owner'), Type.Literal('moderator'), Type.Literal('member')]);
export type GroupRole = Static<typeof GroupRole>;

export const GroupAbilities = Type.Object({
  readContent: Type.Boolean(),
  join: Type.Boolean(),
  request: Type.Boolean(),
  leave: Type.Boolean(),
  invite: Type.Boolean(),
  inviteGuests: Type.Boolean(),
  manageMembers: Type.Boolean(),
  changeRoles: Type.Boolean(),
  update: Type.Boolean(),
  /** Visibility and joining (owners and admins). */
  updatePrivacy: Type.Boolean(),
  archive: Type.Boolean(),
  delete: Type.Boolean(),
  post: Type.Boolean(),
  /** Post announcements with read confirmation (owners and moderators). */
  announce: Type.Boolean(),
});
export type GroupAbilities = Static<typeof GroupAbilities>;

/** The caller's relation to a group. */
export const GroupMembership = Type.Object({
  role: Type.Union([GroupRole, Type.Null()]),
  /** An open join request of the caller. */
  requested: Type.Boolean(),
  /** An open invitation for the caller (id to accept or decline). */
  invitationId: Type.Union([Id, Type.Null()]),
});

export const GroupSummary = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  visibility: GroupVisibility,
  joinPolicy: JoinPolicy,
  cover: ImageUrls,
  memberCount: Type.Integer(),
  hasGuests: Type.Boolean(),
  archived: Type.Boolean(),
  membership: GroupMembership,
  abilities: GroupAbilities,
});
export type GroupSummary = Static<typeof GroupSummary>;

export const Group = Type.Object({
  ...GroupSummary.properties,
  welcomeText: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  archivedAt: Type.Union([Timestamp, Type.Null()]),
  /** The group's chat room (members only), or null when it has none. */
  chatId: Type.Union([Id, Type.Null()]),
});
export type Group = Static<typeof Group>;

const GroupName = Type.String({ minLength: 1, maxLength: Limits.groupNameMax, pattern: '\\S' });
const Description = Type.String({ maxLength: Limits.groupDescriptionMax });
const WelcomeText = Type.Union([Type.String({ maxLength: Limits.groupDescriptionMax }), Type.Null()]);

export const CreateGroup = Type.Object(
  {
    name: GroupName,
    description: Type.Optional(Description),
    visibility: GroupVisibility,
    joinPolicy: JoinPolicy,
    welcomeText: Type.Optional(WelcomeText),
  },
  { additionalProperties: false },
);
export type CreateGroup = Static<typeof CreateGroup>;

export const UpdateGroup = Type.Object(
  {
    name: Type.Optional(GroupName),
    description: Type.Optional(Description),
    visibility: Type.Optional(GroupVisibility),
    joinPolicy: Type.Optional(JoinPolicy),
    welcomeText: Type.Optional(WelcomeText),
  },
  { additionalProperties: false },
);
export type UpdateGroup = Static<typeof UpdateGroup>;

export const DeleteGroup = Type.Object({ confirmName: Type.String({ maxLength: Limits.groupNameMax }) }, { additionalProperties: false });

export const GroupListQuery = Type.Object({
  filter: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('suggested'), Type.Literal('all')])),
  q: Type.Optional(Type.String({ maxLength: Limits.searchMax })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
});
export type GroupListQuery = Static<typeof GroupListQuery>;

export const GroupMember = Type.Object({
  user: UserSummary,
  role: GroupRole,
  joinedAt: Timestamp,
  /** What the caller may do with this membership. */
  abilities: Type.Object({ remove: Type.Boolean(), changeRole: Type.Boolean() }),
});
export type GroupMember = Static<typeof GroupMember>;

export const GroupMemberQuery = Type.Object({
  role: Type.Optional(GroupRole),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
});

export const ChangeMemberRole = Type.Object({ role: GroupRole }, { additionalProperties: false });
export const TransferOwnership = Type.Object({ userId: Id }, { additionalProperties: false });

export const JoinRequestBody = Type.Object({ message: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const JoinRequest = Type.Object({
  id: Id,
  user: UserSummary,
  message: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type JoinRequest = Static<typeof JoinRequest>;

export const InviteMembers = Type.Object({ userIds: Type.Array(Id, { minItems: 1, maxItems: Limits.groupInviteBatchMax }) }, { additionalProperties: false });
export const InviteMembersResult = Type.Object({
  invited: Type.Array(Id),
  alreadyMembers: Type.Array(Id),
  alreadyInvited: Type.Array(Id),
});

export const GroupInvitation = Type.Object({
  id: Id,
  group: GroupSummary,
  invitedBy: Type.Union([UserSummary, Type.Null()]),
  createdAt: Timestamp,
});
export type GroupInvitation = Static<typeof GroupInvitation>;

export const InviteGuest = Type.Object({ email: Email, locale: Type.Optional(Locale) }, { additionalProperties: false });

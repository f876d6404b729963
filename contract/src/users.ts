import { Type, type Static } from 'typebox';
import { Id, Timestamp } from './common.js';
import { Limits } from './limits.js';
import { Locale } from './settings.js';

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('member'), Type.Literal('guest')]);
export type Role = Static<typeof Role>;
export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('deactivated')]);
export type UserStatus = Static<typeof UserStatus>;
export const Theme = Type.Union([Type.Literal('system'), Type.Literal('light'), Type.Literal('dark')]);
export type Theme = Static<typeof Theme>;

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: Limits.emailMax });
export const Password = Type.String({ minLength: Limits.passwordMin, maxLength: Limits.passwordMax });
export const PersonName = Type.String({ minLength: 1, maxLength: Limits.nameMax, pattern: '\\S' });

/** Image variants, as URLs served by the app (null when none uploaded). */
export const ImageUrls = Type.Union([Type.Object({ small: Type.String(), large: Type.String() }), Type.Null()]);

export const UserAbilities = Type.Object({
  update: Type.Boolean(),
  updateRole: Type.Boolean(),
  deactivate: Type.Boolean(),
});
export type UserAbilities = Static<typeof UserAbilities>;

/** A person as the directory lists them. */
export const UserSummary = Type.Object({
  id: Id,
  name: Type.String(),
  jobTitle: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  location: Type.Union([Type.String(), Type.Null()]),
  role: Role,
  status: UserStatus,
  avatar: ImageUrls,
  /** Generated SVG initials avatar, always present. */
  initialsAvatarUrl: Type.String(),
  /** When the account was created ("new colleagues"). */
  createdAt: Timestamp,
});
export type UserSummary = Static<typeof UserSummary>;

export const UserProfile = Type.Object({
  ...UserSummary.properties,
  email: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  about: Type.Union([Type.String(), Type.Null()]),
  skills: Type.Array(Type.String()),
  cover: ImageUrls,
  manager: Type.Union([UserSummary, Type.Null()]),
  reports: Type.Array(UserSummary),
  abilities: UserAbilities,
});
export type UserProfile = Static<typeof UserProfile>;

/** The logged-in user, with personal preferences. */
/** What the logged-in user may do across the instance (for navigation and buttons). */
export const InstanceAbilities = Type.Object({
  viewDirectory: Type.Boolean(),
  createGroups: Type.Boolean(),
  administer: Type.Boolean(),
  /** Post company-wide announcements (admins and the communications team). */
  announce: Type.Boolean(),
});
export type InstanceAbilities = Static<typeof InstanceAbilities>;

export const Me = Type.Object({
  user: UserProfile,
  abilities: InstanceAbilities,
  locale: Type.Union([Locale, Type.Null()]),
  theme: Theme,
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const UpdateUser = Type.Object(
  {
    name: Type.Optional(PersonName),
    jobTitle: Type.Optional(Nullable(Type.String({ maxLength: Limits.jobTitleMax }))),
    department: Type.Optional(Nullable(Type.String({ maxLength: Limits.departmentMax }))),
    location: Type.Optional(Nullable(Type.String({ maxLength: Limits.locationMax }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: Limits.phoneMax, pattern: '^[0-9+()./\\- ]*$' }))),
    about: Type.Optional(Nullable(Type.String({ maxLength: Limits.aboutMax }))),
    skills: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: Limits.skillMax }), { maxItems: Limits.skillsMax })),
    managerId: Type.Optional(Nullable(Id)),
    role: Type.Optional(Role),
    locale: Type.Optional(Nullable(Locale)),
    theme: Type.Optional(Theme),
  },
  { additionalProperties: false },
);
export type UpdateUser = Static<typeof UpdateUser>;

export const CreateUser = Type.Object(
  {
    name: PersonName,
    email: Email,
    password: Password,
    role: Type.Optional(Role),
  },
  { additionalProperties: false },
);
export type CreateUser = Static<typeof CreateUser>;

export const UserListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: Limits.searchMax })),
  department: Type.Optional(Type.String({ maxLength: Limits.departmentMax })),
  location: Type.Optional(Type.String({ maxLength: Limits.locationMax })),
  status: Type.Optional(Type.Union([UserStatus, Type.Literal('all')])),
  /** `name` (default, A–Z) or `newest` (most recently joined first). */
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('newest')])),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })),
});
export type UserListQuery = Static<typeof UserListQuery>;

export const Facets = Type.Object({
  departments: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
  locations: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
});
export type Facets = Static<typeof Facets>;

/** Org chart node: a person with their manager and how many report to them. */
export const OrgNode = Type.Object({
  ...UserSummary.properties,
  managerId: Type.Union([Id, Type.Null()]),
  reportCount: Type.Integer(),
});
export type OrgNode = Static<typeof OrgNode>;
export const OrgChartQuery = Type.Object({ managerId: Type.Optional(Id) });
export const OrgChart = Type.Object({ items: Type.Array(OrgNode), chain: Type.Array(OrgNode) });
export type OrgChart = Static<typeof OrgChart>;

export const PresenceStatus = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]);
export const Presence = Type.Object({
  userId: Id,
  status: PresenceStatus,
  /** When the person was last connected (null: never, or online now). */
  lastSeenAt: Type.Union([Timestamp, Type.Null()]),
});
export type Presence = Static<typeof Presence>;

/** A colleague who is connected now (the right column's "online" list, the chat dock). */
export const OnlineColleague = Type.Object({ user: UserSummary, status: Type.Union([Type.Literal('online'), Type.Literal('away')]) });
export type OnlineColleague = Static<typeof OnlineColleague>;
export const PresenceQuery = Type.Object({
  /** Comma-separated user ids, at most 100. */
  userIds: Type.String({ minLength: 1, maxLength: 100 * 65, pattern: '^[^,]+(,[^,]+){0,99}$' }),
});

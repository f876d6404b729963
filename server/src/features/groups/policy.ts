import { type Actor, defineRules } from '../../core/policy/index.js';

export type GroupRole = 'owner' | 'moderator' | 'member';

/** Facts about a group and the actor's relation to it: all a group rule may look at. */
export interface GroupFacts {
  id: string;
  visibility: 'public' | 'private' | 'secret';
  joinPolicy: 'open' | 'request' | 'invite';
  archived: boolean;
  /** The actor's role in the group, or null when not a member. */
  role: GroupRole | null;
  /** The actor has an open invitation to the group. */
  invited: boolean;
  /** The actor has an open join request. */
  requested: boolean;
  /** The instance allows guests (admin setting). */
  guestsAllowed: boolean;
}

/** Instance facts for creating groups. */
export interface GroupCreationFacts {
  groupCreation: 'everyone' | 'admins';
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'group.read': GroupFacts;
    'group.read_content': GroupFacts;
    'group.join': GroupFacts;
    'group.request': GroupFacts;
    'group.leave': GroupFacts;
    'group.invite': GroupFacts;
    'group.invite_guest': GroupFacts;
    'group.manage_members': GroupFacts;
    'group.change_role': GroupFacts;
    'group.update': GroupFacts;
    'group.update_privacy': GroupFacts;
    'group.archive': GroupFacts;
    'group.delete': GroupFacts;
    'group.post': GroupFacts;
    'group.announce': GroupFacts;
    'groups.create': GroupCreationFacts;
  }
}

const admin = (a: Actor) => a.role === 'admin';
const employee = (a: Actor) => a.role !== 'guest';
const member = (g: GroupFacts) => g.role !== null;
const mod = (g: GroupFacts) => g.role === 'owner' || g.role === 'moderator';
const owner = (g: GroupFacts) => g.role === 'owner';

/**
 * Who may do what with a group. Secret groups exist only for members, invitees and admins; guests see only
 * their own groups; an archived group is read-only for everybody (only unarchiving and deleting remain).
 */
export const groupRules = {
  'group.read': (a: Actor, g: GroupFacts) => admin(a) || member(g) || (employee(a) && (g.invited || g.visibility !== 'secret')),
  'group.read_content': (a: Actor, g: GroupFacts) => admin(a) || member(g) || (employee(a) && g.visibility === 'public'),
  'group.join': (a: Actor, g: GroupFacts) => !member(g) && !g.archived && employee(a) && (g.invited || (g.joinPolicy === 'open' && g.visibility !== 'secret')),
  'group.request': (a: Actor, g: GroupFacts) =>
    !member(g) && !g.archived && employee(a) && !g.invited && !g.requested && g.joinPolicy === 'request' && g.visibility !== 'secret',
  'group.leave': (_a: Actor, g: GroupFacts) => member(g),
  'group.invite': (a: Actor, g: GroupFacts) => !g.archived && (admin(a) || mod(g) || (member(g) && employee(a) && g.joinPolicy !== 'invite')),
  'group.invite_guest': (a: Actor, g: GroupFacts) => !g.archived && g.guestsAllowed && (admin(a) || owner(g)),
  'group.manage_members': (a: Actor, g: GroupFacts) => !g.archived && (admin(a) || mod(g)),
  'group.change_role': (a: Actor, g: GroupFacts) => !g.archived && (admin(a) || owner(g)),
  'group.update': (a: Actor, g: GroupFacts) => !g.archived && (admin(a) || mod(g)),
  'group.update_privacy': (a: Actor, g: GroupFacts) => !g.archived && (admin(a) || owner(g)),
  'group.archive': (a: Actor, g: GroupFacts) => admin(a) || owner(g),
  'group.delete': (a: Actor, g: GroupFacts) => admin(a) || owner(g),
  'group.post': (_a: Actor, g: GroupFacts) => member(g) && !g.archived,
  // Announcements in a group (with read confirmation): its owners and moderators.
  'group.announce': (_a: Actor, g: GroupFacts) => mod(g) && !g.archived,
  'groups.create': (a: Actor, s: GroupCreationFacts) => admin(a) || (s.groupCreation === 'everyone' && a.role === 'member'),
};

defineRules(groupRules);

import { type Actor, defineRules } from '../../core/policy/index.js';

/** The facts user rules need. */
export interface UserFacts {
  id: string;
  role: 'admin' | 'member' | 'guest';
  status: 'active' | 'deactivated';
  /** Actor and person share a group (only asked when a guest is involved). */
  sharesGroup?: boolean;
}

/** Instance-wide resources (the directory, admin areas) have no facts. */
export const INSTANCE = { kind: 'instance' } as const;
export type InstanceFacts = typeof INSTANCE;

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'user.read': UserFacts;
    'user.update': UserFacts;
    'user.update_role': UserFacts;
    'user.update_preferences': UserFacts;
    'user.deactivate': UserFacts;
    'directory.list': InstanceFacts;
    'directory.list_deactivated': InstanceFacts;
    'accounts.create': InstanceFacts;
  }
}

const isAdmin = (a: Actor) => a.role === 'admin';
const isSelf = (a: Actor, u: UserFacts) => a.id === u.id;

defineRules({
  // Employees see active colleagues, and guests of their own groups; guests see only the people of their
  // groups; admins see everyone, deactivated accounts too.
  'user.read': (a, u) => isSelf(a, u) || isAdmin(a) || (u.status === 'active' && (u.sharesGroup === true || (a.role === 'member' && u.role !== 'guest'))),
  'user.update': (a, u) => isSelf(a, u) || isAdmin(a),
  // Nobody changes their own role: an admin cannot lock the company out by demoting the last admin (themself).
  'user.update_role': (a, u) => isAdmin(a) && !isSelf(a, u),
  'user.update_preferences': (a, u) => isSelf(a, u),
  'user.deactivate': (a, u) => isAdmin(a) && !isSelf(a, u),
  'directory.list': (a) => a.role !== 'guest',
  'directory.list_deactivated': (a) => isAdmin(a),
  'accounts.create': (a) => isAdmin(a),
});

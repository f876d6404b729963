import { type Actor, defineRules } from '../../core/policy/index.js';

/** The facts user rules need. */
export interface UserFacts {
  id: string;
  role: 'admin' | 'member' | 'guest';
  status: 'active' | 'deactivated';
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
    'user.list': InstanceFacts;
    'user.list_deactivated': InstanceFacts;
    'user.create': InstanceFacts;
  }
}

const isAdmin = (a: Actor) => a.role === 'admin';
const isSelf = (a: Actor, u: UserFacts) => a.id === u.id;

defineRules({
  // Employees see active colleagues; admins see everyone. Guests (groups issue) see only themselves for now.
  'user.read': (a, u) => isSelf(a, u) || isAdmin(a) || (a.role === 'member' && u.status === 'active'),
  'user.update': (a, u) => isSelf(a, u) || isAdmin(a),
  // Nobody changes their own role: an admin cannot lock the company out by demoting the last admin (themself).
  'user.update_role': (a, u) => isAdmin(a) && !isSelf(a, u),
  'user.update_preferences': (a, u) => isSelf(a, u),
  'user.deactivate': (a, u) => isAdmin(a) && !isSelf(a, u),
  'user.list': (a) => a.role !== 'guest',
  'user.list_deactivated': (a) => isAdmin(a),
  'user.create': (a) => isAdmin(a),
});

import { ForbiddenError, NotFoundError } from '../errors.js';

export type ActorRole = 'admin' | 'member' | 'guest';

/** Who is acting: a logged-in, active user. */
export interface Actor {
  id: string;
  role: ActorRole;
  status: 'active' | 'deactivated';
}

/**
 * Every action and the facts its rule needs. Features add their actions by declaration merging in their
 * own policy.ts (`declare module '../../core/policy/index.js' { interface PolicyResources { … } }`), so the
 * `Action` union is complete at compile time and a typo does not compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by features through declaration merging
export interface PolicyResources {}

export type Action = keyof PolicyResources;
export type Rule<A extends Action> = (actor: Actor, resource: PolicyResources[A]) => boolean;
export type RuleSet = { [A in Action]?: Rule<A> };

const rules: RuleSet = {};

/** Registers a feature's rules (done once at import of the feature's policy module). */
export function defineRules(set: RuleSet): void {
  Object.assign(rules, set);
}

function rule<A extends Action>(action: A): Rule<A> {
  const r = rules[action] as Rule<A> | undefined;
  if (!r) throw new Error(`no policy rule for ${action}`);
  return r;
}

/** Whether the actor may do the action. A deactivated actor may do nothing. */
export function can<A extends Action>(actor: Actor | null, action: A, resource: PolicyResources[A]): boolean {
  if (!actor || actor.status !== 'active') return false;
  return rule(action)(actor, resource);
}

/**
 * The read action of a resource type: `group.update` → `group.read`. Instance-wide actions are named with
 * a prefix that has no read action (`directory.list`, `groups.create`), so they are never checked against one.
 */
function readActionOf(action: string): Action | null {
  const read = `${action.split('.')[0]}.read`;
  return read in rules ? (read as Action) : null;
}

/**
 * Asserts the actor may do the action on the resource, and that the resource exists.
 * Not visible (or missing) → NotFoundError, exactly like a resource that does not exist; visible but not
 * allowed → ForbiddenError. A failed read action is always "not found": it must not tell that the thing exists.
 */
export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  resource: PolicyResources[A] | null | undefined,
  what = 'Resource',
): asserts resource is PolicyResources[A] {
  if (resource === null || resource === undefined) throw new NotFoundError(what);
  const read = readActionOf(action);
  if (read && !can(actor, read, resource as never)) throw new NotFoundError(what);
  if (!can(actor, action, resource)) throw new ForbiddenError();
}

/** The abilities object presenters attach, so the web app never re-derives a rule. */
export function abilities<K extends string, A extends Action>(actor: Actor | null, resource: PolicyResources[A], map: Record<K, A>): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const [key, action] of Object.entries(map) as Array<[K, A]>) out[key] = can(actor, action, resource);
  return out;
}

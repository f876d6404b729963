import { type Actor, defineRules } from '../../core/policy/index.js';

/** A topic and the actor's relation to the directory. */
export interface EscalationTopicFacts {
  archived: boolean;
  /** The actor is a directory editor appointed by an admin. */
  editor: boolean;
}

/** The directory as a whole (creating topics, appointing editors, holidays). */
export interface EscalationDirectoryFacts {
  editor: boolean;
}

/** An escalation and the actor's place in it. */
export interface EscalationFacts {
  raiserId: string | null;
  /** The person of each level, fixed when it was raised (index 0 = level 1). */
  chainIds: string[];
  /** Current level, 1-based. */
  level: number;
  status: 'open' | 'acknowledged' | 'unacknowledged_at_top';
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'escalationTopic.read': EscalationTopicFacts;
    'escalationTopic.update': EscalationTopicFacts;
    'escalationTopic.archive': EscalationTopicFacts;
    'escalationTopic.escalate': EscalationTopicFacts;
    'escalationTopic.versions': EscalationTopicFacts;
    'escalationTopics.create': EscalationDirectoryFacts;
    'escalationDirectory.manage': EscalationDirectoryFacts;
    'escalation.read': EscalationFacts;
    'escalation.acknowledge': EscalationFacts;
  }
}

const employee = (a: Actor) => a.role !== 'guest';
const admin = (a: Actor) => a.role === 'admin';
const edits = (a: Actor, f: { editor: boolean }) => admin(a) || (employee(a) && f.editor);

/**
 * Every employee reads and searches the directory; guests (external people) do not — it lists internal
 * phone numbers and on-call duties. Archived topics only their editors see. Editing: admins and the
 * directory editors they appoint.
 */
export const escalationRules = {
  'escalationTopic.read': (a: Actor, t: EscalationTopicFacts) => employee(a) && (!t.archived || edits(a, t)),
  'escalationTopic.update': (a: Actor, t: EscalationTopicFacts) => edits(a, t) && !t.archived,
  'escalationTopic.archive': (a: Actor, t: EscalationTopicFacts) => edits(a, t),
  'escalationTopic.escalate': (a: Actor, t: EscalationTopicFacts) => employee(a) && !t.archived,
  'escalationTopic.versions': (a: Actor, t: EscalationTopicFacts) => employee(a) && (!t.archived || edits(a, t)),
  'escalationTopics.create': (a: Actor, d: EscalationDirectoryFacts) => edits(a, d),
  'escalationDirectory.manage': (a: Actor) => admin(a),
  // The raiser, everyone in its chain, and admins.
  'escalation.read': (a: Actor, e: EscalationFacts) => admin(a) || e.raiserId === a.id || e.chainIds.includes(a.id),
  // The current assignee or a person of a later level (even at the top, and again after: the service says 409 then).
  'escalation.acknowledge': (a: Actor, e: EscalationFacts) => e.chainIds.slice(e.level - 1).includes(a.id),
};

defineRules(escalationRules);

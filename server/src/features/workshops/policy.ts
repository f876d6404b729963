import { type Actor, defineRules } from '../../core/policy/index.js';

/** What the scenario rules need: built-in or custom, its author, whether it is shared. */
export interface WorkshopScenarioFacts {
  source: 'builtin' | 'custom';
  authorId: string | null;
  shared: boolean;
}

/** What the session rules need: who runs it, the actor's role in it (null: not a participant), and whether that role only watches. */
export interface WorkshopSessionFacts {
  facilitatorId: string | null;
  roleKey: string | null;
  observer: boolean;
  state: 'draft' | 'running' | 'paused' | 'ended';
  /** Participants may score each other and comment on messages. */
  peerScoring: boolean;
}

declare module '../../core/policy/index.js' {
  interface PolicyResources {
    'workshopScenario.read': WorkshopScenarioFacts;
    'workshopScenario.update': WorkshopScenarioFacts;
    'workshopScenario.delete': WorkshopScenarioFacts;
    /** Its secret briefings (the author writes them). */
    'workshopScenario.readBriefings': WorkshopScenarioFacts;
    'workshopScenario.copy': WorkshopScenarioFacts;
    'workshopScenarios.create': Record<string, never>;
    'workshopSession.read': WorkshopSessionFacts;
    /** The stage, the transcript, the briefings: the people in the session only (admins neither). */
    'workshopSession.readContent': WorkshopSessionFacts;
    'workshopSession.readAllBriefings': WorkshopSessionFacts;
    /** Start, pause, resume, injects. */
    'workshopSession.run': WorkshopSessionFacts;
    'workshopSession.end': WorkshopSessionFacts;
    'workshopSession.delete': WorkshopSessionFacts;
    /** Write on the stage and escalate in the exercise. */
    'workshopSession.post': WorkshopSessionFacts;
    /** Evaluation, after the end: read the report (one's own scores only), score (the kind follows from who rates whom), comment on messages. */
    'workshopSession.report': WorkshopSessionFacts;
    'workshopSession.score': WorkshopSessionFacts;
    'workshopSession.comment': WorkshopSessionFacts;
    'workshopSessions.create': Record<string, never>;
    /** See every session's existence (title, facilitator, state, head count) — never its content. */
    'workshopSessions.listAll': Record<string, never>;
  }
}

const employee = (a: Actor) => a.role !== 'guest';
const admin = (a: Actor) => a.role === 'admin';
const facilitates = (a: Actor, s: WorkshopSessionFacts) => s.facilitatorId === a.id;
const takesPart = (a: Actor, s: WorkshopSessionFacts) => facilitates(a, s) || s.roleKey !== null;
const authored = (a: Actor, s: WorkshopScenarioFacts) => s.source === 'custom' && s.authorId === a.id;

/** Built-ins: every employee; custom: the author, and every employee when shared. Guests: no workshops at all. */
export function scenarioReadable(a: Actor, s: WorkshopScenarioFacts): boolean {
  if (!employee(a)) return false;
  return s.source === 'builtin' || s.shared || s.authorId === a.id;
}

/**
 * Sessions: the facilitator and the participants see them. Admins see that a session exists (and may end or
 * delete it, e.g. when a facilitator left the company) but not its content — stage, transcript, briefings and
 * scores stay with the people in the room (documented in docs/workshops.md for works councils).
 */
export function sessionReadable(a: Actor, s: WorkshopSessionFacts): boolean {
  return takesPart(a, s) || admin(a);
}

export const workshopRules = {
  'workshopScenario.read': scenarioReadable,
  'workshopScenario.update': (a: Actor, s: WorkshopScenarioFacts) => scenarioReadable(a, s) && authored(a, s),
  'workshopScenario.delete': (a: Actor, s: WorkshopScenarioFacts) => scenarioReadable(a, s) && (authored(a, s) || (s.source === 'custom' && admin(a))),
  'workshopScenario.readBriefings': (a: Actor, s: WorkshopScenarioFacts) => scenarioReadable(a, s) && authored(a, s),
  'workshopScenario.copy': scenarioReadable,
  'workshopScenarios.create': (a: Actor) => employee(a),
  'workshopSession.read': sessionReadable,
  'workshopSession.readContent': takesPart,
  'workshopSession.readAllBriefings': facilitates,
  'workshopSession.run': facilitates,
  'workshopSession.end': (a: Actor, s: WorkshopSessionFacts) => facilitates(a, s) || admin(a),
  'workshopSession.delete': (a: Actor, s: WorkshopSessionFacts) => facilitates(a, s) || admin(a),
  'workshopSession.post': (_a: Actor, s: WorkshopSessionFacts) => s.roleKey !== null && !s.observer,
  'workshopSession.report': takesPart,
  'workshopSession.score': takesPart,
  'workshopSession.comment': (a: Actor, s: WorkshopSessionFacts) => facilitates(a, s) || (s.peerScoring && s.roleKey !== null),
  'workshopSessions.create': (a: Actor) => employee(a),
  'workshopSessions.listAll': (a: Actor) => admin(a),
};

defineRules(workshopRules);

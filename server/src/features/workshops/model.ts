/**
 * Plain types for role-play workshops: the scenario definition (built-in and custom scenarios share it),
 * the transcript a session records, and the evaluation inputs (scores, message comments).
 * No database, no HTTP: the service, the built-in scenarios and the report all speak these types.
 *
 * @NOTE Changes here are additive only; C1's service and contract depend on the shape.
 */
import { DateTime } from 'luxon';

export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's `weekday`). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A moment on the scenario's simulated clock, as wall-clock time in a zone: "Saturday 22:00 in Europe/Berlin".
 * Scenarios are reusable, so they name a weekday, not a date; `resolveSimulatedMoment` turns it into an instant.
 */
export interface SimulatedMoment {
  weekday: IsoWeekday;
  /** 24-hour wall-clock time, `HH:mm`. */
  time: string;
  /** IANA zone, e.g. `Europe/Berlin`. Optional on injects: then the scenario's `simulatedStart.zone`. */
  zone?: string;
}

/**
 * Which side of the conversation a role plays. The report measures response times from `customer` messages to the
 * next `company` message in the same thread. Default when absent: `company` (observers never post).
 */
export type RoleSide = 'customer' | 'company';

export interface RoleDef {
  /** Stable key, lower-case `[a-z0-9-]`, the same in every language of a built-in scenario. */
  key: string;
  name: string;
  /** Observers see the stage and may score (if peers are enabled) but never post. */
  observer?: boolean;
  side?: RoleSide;
  /** Secret markdown: what this role wants, knows and how far it escalates. Only this role and the facilitator see it. */
  briefing: string;
}

/**
 * The escalation that counts as correct in the exercise. Built-in scenarios cannot know a company's topic ids, so they
 * name the topic by `topicHints` (matched case-insensitively as substrings of the directory's topic titles); custom
 * scenarios may also use `linkedTopicIds` on the definition. The right contact is whoever the escalation directory's
 * `contactNow(topic, holidays, simulatedTime)` names at the simulated time of the escalation.
 */
export interface ExpectedEscalation {
  topicHints: string[];
  /** Escalation level expected (1 = the topic's current responsible). Default 1. */
  level?: number;
  /** Explanation for the debrief, e.g. "Saturday 22:00: the press topic says wait until Monday 09:00". */
  note: string;
}

export interface InjectDef {
  /** Stable within the scenario (and across its languages), e.g. `video-threat`. */
  id: string;
  /** Suggested minute after the start; the facilitator sends injects by hand and may ignore the timing. */
  afterMinutes: number;
  text: string;
  /** If set, the simulated clock jumps to the next occurrence of this moment (see `resolveSimulatedMoment`). */
  simulatedTime?: SimulatedMoment;
  /** Visible only to this role (and the facilitator); absent = everybody in the session. */
  targetRoleKey?: string;
}

/** The 1–5 scale: a description for each value. */
export type RubricScale = Record<1 | 2 | 3 | 4 | 5, string>;
export const SCALE_VALUES = [1, 2, 3, 4, 5] as const;

export interface Criterion {
  /** Stable key; built-ins share `tone`, `speed`, `accuracy`, `deescalation`, `escalation` so progress spans scenarios. */
  key: string;
  name: string;
  description: string;
  scale: RubricScale;
}

export interface ScenarioDefinition {
  title: string;
  /** Public markdown description of the situation (all participants see it). */
  situation: string;
  /** The public-style brand post the conversation happens under. */
  stage: { brandName: string; postText: string };
  roles: RoleDef[];
  goals: string[];
  /** Escalation-directory topic ids (custom scenarios of this company). */
  linkedTopicIds?: string[];
  expectedEscalation?: ExpectedEscalation;
  injects: InjectDef[];
  rubric: Criterion[];
  /** The simulated clock at the start of a session. */
  simulatedStart: Required<SimulatedMoment>;
}

export type LocalizedScenario = Record<Language, ScenarioDefinition>;

// --- Transcript and evaluation ----------------------------------------------------------------------------------

export type TranscriptKind = 'message' | 'inject' | 'escalation' | 'state';
export type StageChannel = 'comment' | 'reply' | 'dm';
export type SessionState = 'draft' | 'running' | 'paused' | 'ended';

export interface TranscriptEntry {
  id: string;
  /** Real time, ISO 8601 with offset/Z. */
  at: string;
  /** Simulated clock at that moment, ISO 8601 with offset. */
  simulatedAt: string;
  kind: TranscriptKind;
  /** Author role for messages and escalations; absent for injects and state changes (the facilitator). */
  roleKey?: string;
  userId?: string;
  channel?: StageChannel;
  /** For replies: the comment (or reply) answered. */
  parentId?: string;
  /**
   * For direct messages: which DM thread (e.g. one per pair of roles). Absent = the session's single DM thread.
   * The report measures response times per thread (see report.ts).
   */
  threadId?: string;
  body?: string;
  /** kind 'inject': which scenario inject (absent for an ad-hoc one) and its target role. */
  injectId?: string;
  targetRoleKey?: string;
  /** kind 'state': the state entered. */
  state?: SessionState;
  /** kind 'escalation': `correct` is null when it could not be judged (e.g. no directory topic matched). */
  escalation?: { correct: boolean | null; topicId?: string; level?: number };
}

export type ScoreKind = 'facilitator' | 'peer' | 'self';

export interface Score {
  raterUserId: string;
  ratedRoleKey: string;
  criterionKey: string;
  /** 1..5 */
  value: number;
  kind: ScoreKind;
}

export interface MessageComment {
  id: string;
  /** The transcript entry (message) commented on. */
  messageId: string;
  authorUserId: string;
  body: string;
  /** Real time, ISO 8601. */
  at: string;
}

export interface Participant {
  userId: string;
  roleKey: string;
  displayName?: string;
}

/** Role side with the documented default applied. */
export function roleSide(role: Pick<RoleDef, 'side' | 'observer'>): RoleSide | 'observer' {
  if (role.observer) return 'observer';
  return role.side ?? 'company';
}

/**
 * The instant of the next occurrence (at or after `notBefore`) of a weekday + wall-clock time in its zone.
 * A session's clock starts at `resolveSimulatedMoment(scenario.simulatedStart, realStart)`; an inject with
 * `simulatedTime` sets it to `resolveSimulatedMoment(inject.simulatedTime, currentSimulated, scenario.simulatedStart.zone)`,
 * so "Saturday 22:00" after "Saturday 18:00" stays on the same day. Invalid wall-clock times (DST gap) shift forward.
 */
export function resolveSimulatedMoment(moment: SimulatedMoment, notBefore: Date, defaultZone = 'Europe/Berlin'): Date {
  const zone = moment.zone ?? defaultZone;
  const match = /^(\d{1,2}):(\d{2})$/.exec(moment.time);
  if (!match) throw new Error(`invalid simulated time "${moment.time}", expected HH:mm`);
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  const from = DateTime.fromJSDate(notBefore, { zone });
  if (!from.isValid) throw new Error(`invalid zone "${zone}"`);
  for (let day = 0; day <= 7; day++) {
    const candidate = from.startOf('day').plus({ days: day }).set({ hour, minute, second: 0, millisecond: 0 });
    if (candidate.weekday === moment.weekday && candidate.toMillis() >= from.toMillis()) return candidate.toJSDate();
  }
  throw new Error('unreachable: a weekday recurs within 8 days');
}

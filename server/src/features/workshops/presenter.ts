import type { StageEntry, WorkshopScenario, WorkshopSession, WorkshopSessionSummary } from '@innenhof/contract';
import { abilities, type Actor, can } from '../../core/policy/index.js';
import { presentSummary } from '../users/presenter.js';
import type { UserRow } from '../users/repository.js';
import type { Language, ScenarioDefinition } from './model.js';
import type { WorkshopScenarioFacts, WorkshopSessionFacts } from './policy.js';
import './policy.js';
import type { EntryRow, ParticipantRow, SessionRow } from './repository.js';

/** A scenario as loaded: a built-in one in a language, or a custom one from the database. */
export interface LoadedScenario {
  id: string;
  source: 'builtin' | 'custom';
  language: Language;
  definition: ScenarioDefinition;
  facts: WorkshopScenarioFacts;
  authorId: string | null;
  copiedFrom: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/**
 * A scenario for a reader: the briefings only for its author (they write them) — built-in scenarios' never
 * (facilitators read them in a session, or copy the scenario).
 */
export function presentScenario(actor: Actor, s: LoadedScenario, author: UserRow | undefined, options: { briefings?: boolean } = {}): WorkshopScenario {
  const d = s.definition;
  const briefings = options.briefings !== false && can(actor, 'workshopScenario.readBriefings', s.facts);
  return {
    id: s.id,
    source: s.source,
    language: s.language,
    title: d.title,
    situation: d.situation,
    stage: { brandName: d.stage.brandName, postText: d.stage.postText },
    roles: d.roles.map((r) => ({
      key: r.key,
      name: r.name,
      observer: r.observer === true,
      side: r.side ?? 'company',
      briefing: briefings ? r.briefing : null,
    })),
    goals: [...d.goals],
    linkedTopicIds: [...(d.linkedTopicIds ?? [])],
    expectedEscalation: expectedOf(d),
    injects: injectsOf(d),
    rubric: rubricOf(d),
    simulatedStart: { weekday: d.simulatedStart.weekday, time: d.simulatedStart.time, zone: d.simulatedStart.zone },
    author: author ? presentSummary(author) : null,
    shared: s.facts.shared,
    copiedFrom: s.copiedFrom,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    abilities: {
      ...abilities(actor, s.facts, { update: 'workshopScenario.update', delete: 'workshopScenario.delete', copy: 'workshopScenario.copy' }),
      createSession: can(actor, 'workshopSessions.create', {}),
    },
  };
}

function expectedOf(d: ScenarioDefinition): WorkshopScenario['expectedEscalation'] {
  const e = d.expectedEscalation;
  return e ? { topicHints: [...e.topicHints], level: e.level ?? 1, note: e.note } : null;
}

function injectsOf(d: ScenarioDefinition): WorkshopScenario['injects'] {
  return d.injects.map((i) => ({
    id: i.id,
    afterMinutes: i.afterMinutes,
    text: i.text,
    simulatedTime: i.simulatedTime
      ? { weekday: i.simulatedTime.weekday, time: i.simulatedTime.time, ...(i.simulatedTime.zone ? { zone: i.simulatedTime.zone } : {}) }
      : null,
    targetRoleKey: i.targetRoleKey ?? null,
  }));
}

function rubricOf(d: ScenarioDefinition): WorkshopScenario['rubric'] {
  return d.rubric.map((c) => ({
    key: c.key,
    name: c.name,
    description: c.description,
    scale: { 1: c.scale[1], 2: c.scale[2], 3: c.scale[3], 4: c.scale[4], 5: c.scale[5] },
  }));
}

/** The simulated clock now: it runs with real time from its anchor while the session runs, else stands still. */
export function simulatedNow(row: Pick<SessionRow, 'sim_anchor' | 'sim_anchor_real_at'>, atMs = Date.now()): string | null {
  if (!row.sim_anchor) return null;
  if (!row.sim_anchor_real_at) return row.sim_anchor;
  return new Date(Date.parse(row.sim_anchor) + Math.max(0, atMs - Date.parse(row.sim_anchor_real_at))).toISOString();
}

export function clockOf(row: SessionRow, atMs = Date.now()): WorkshopSession['clock'] {
  return { simulatedNow: simulatedNow(row, atMs), timeZone: row.time_zone, running: row.state === 'running' && row.sim_anchor_real_at !== null };
}

/** The actor's relation to a session. */
export function sessionFacts(actor: Actor, row: SessionRow, definition: ScenarioDefinition, participants: readonly ParticipantRow[]): WorkshopSessionFacts {
  const mine = participants.find((p) => p.user_id === actor.id && p.session_id === row.id);
  const role = mine ? definition.roles.find((r) => r.key === mine.role_key) : undefined;
  return {
    facilitatorId: row.facilitator_id,
    roleKey: mine?.role_key ?? null,
    observer: role?.observer === true,
    state: row.state,
    peerScoring: row.peer_scoring === 1,
  };
}

export const sessionAbilities = (actor: Actor, facts: WorkshopSessionFacts): WorkshopSession['abilities'] =>
  abilities(actor, facts, {
    run: 'workshopSession.run',
    end: 'workshopSession.end',
    viewStage: 'workshopSession.readContent',
    post: 'workshopSession.post',
    delete: 'workshopSession.delete',
    score: 'workshopSession.score',
    comment: 'workshopSession.comment',
    report: 'workshopSession.report',
  });

/**
 * A session for the viewer: the scenario's public parts, participants with roles, and exactly one briefing —
 * the viewer's own (`myBriefing`). Only the facilitator gets every briefing, the injects to send and the
 * expected escalation.
 */
export function presentSession(
  actor: Actor,
  row: SessionRow,
  definition: ScenarioDefinition,
  participants: readonly ParticipantRow[],
  people: ReadonlyMap<string, UserRow>,
): WorkshopSession {
  const facts = sessionFacts(actor, row, definition, participants);
  const facilitator = row.facilitator_id ? people.get(row.facilitator_id) : undefined;
  const leads = can(actor, 'workshopSession.readAllBriefings', facts);
  const myRole = facts.roleKey ? definition.roles.find((r) => r.key === facts.roleKey) : undefined;
  return {
    simulation: true,
    id: row.id,
    title: row.title,
    language: row.language,
    scenarioId: row.scenario_id,
    round: row.round,
    previousSessionId: row.previous_session_id,
    peerScoring: row.peer_scoring === 1,
    state: row.state,
    facilitator: facilitator ? presentSummary(facilitator) : null,
    scenario: {
      title: definition.title,
      situation: definition.situation,
      stage: { brandName: definition.stage.brandName, postText: definition.stage.postText },
      goals: [...definition.goals],
      roles: definition.roles.map((r) => ({ key: r.key, name: r.name, observer: r.observer === true, side: r.side ?? 'company' })),
      rubric: rubricOf(definition),
      injects: leads ? injectsOf(definition) : null,
      expectedEscalation: leads ? expectedOf(definition) : null,
    },
    participants: participants.flatMap((p) => {
      const u = people.get(p.user_id);
      return u ? [{ user: presentSummary(u), roleKey: p.role_key }] : [];
    }),
    myRoleKey: facts.roleKey,
    myBriefing: myRole ? myRole.briefing : null,
    briefings: leads ? definition.roles.map((r) => ({ roleKey: r.key, briefing: r.briefing })) : null,
    clock: clockOf(row),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
    abilities: sessionAbilities(actor, facts),
  };
}

export function presentSummaryOf(
  actor: Actor,
  row: SessionRow,
  participants: readonly ParticipantRow[],
  people: ReadonlyMap<string, UserRow>,
): WorkshopSessionSummary {
  const facilitator = row.facilitator_id ? people.get(row.facilitator_id) : undefined;
  const mine = participants.find((p) => p.session_id === row.id && p.user_id === actor.id);
  return {
    simulation: true,
    id: row.id,
    title: row.title,
    language: row.language,
    scenarioId: row.scenario_id,
    round: row.round,
    state: row.state,
    facilitator: facilitator ? presentSummary(facilitator) : null,
    myRoleKey: mine?.role_key ?? null,
    participantCount: participants.filter((p) => p.session_id === row.id).length,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
  };
}

/** What an escalation entry stores (JSON in `data`). */
export interface EscalationData {
  topicId: string;
  topicTitle: string | null;
  level: number;
  contactUserId: string | null;
  /** What would have been right (null: could not be judged). */
  expectedContactUserId?: string | null;
  expectedLevel?: number | null;
  topicCorrect?: boolean | null;
  levelCorrect?: boolean | null;
  contactCorrect?: boolean | null;
}

/**
 * One transcript entry. An escalation's correctness is shown when `reveal` (the facilitator; everyone once the
 * session ended); otherwise `correct` is null and `revealed` false.
 */
export function presentEntry(e: EntryRow, people: ReadonlyMap<string, UserRow>, reveal: boolean): StageEntry {
  const author = e.user_id ? people.get(e.user_id) : undefined;
  const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
  let escalation: StageEntry['escalation'] = null;
  if (e.kind === 'escalation' && data) {
    const d = data as unknown as EscalationData;
    const contact = d.contactUserId ? people.get(d.contactUserId) : undefined;
    escalation = {
      topicId: d.topicId,
      topicTitle: d.topicTitle,
      level: d.level,
      contact: contact ? presentSummary(contact) : null,
      correct: reveal && e.correct !== null ? e.correct === 1 : null,
      revealed: reveal,
    };
  }
  return {
    simulation: true,
    id: e.id,
    kind: e.kind,
    at: e.at,
    simulatedAt: e.simulated_at,
    author: author ? presentSummary(author) : null,
    roleKey: e.role_key,
    channel: e.channel,
    parentId: e.parent_id,
    body: e.body,
    injectId: e.inject_id,
    targetRoleKey: e.target_role_key,
    state: e.kind === 'state' && data && typeof data.state === 'string' ? (data.state as StageEntry['state']) : null,
    escalation,
  };
}

/** The people an entry names (author, escalation contact), for one batch load. */
export function peopleOfEntries(entries: readonly EntryRow[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.user_id) ids.add(e.user_id);
    if (e.kind === 'escalation' && e.data) {
      const c = (JSON.parse(e.data) as EscalationData).contactUserId;
      if (c) ids.add(c);
    }
  }
  return [...ids];
}

import crypto from 'node:crypto';
import type {
  CreateScenario,
  CreateWorkshopSession,
  ExerciseEscalation,
  PostStageMessage,
  SendInject,
  StageEntry,
  UpdateScenario,
  WorkshopScenario,
  WorkshopSession,
  WorkshopSessionState,
  WorkshopSessionSummary,
  WorkshopStage,
} from '@innenhof/contract';
import { IANAZone } from 'luxon';
import type { Executor, Tx } from '../../core/db/index.js';
import { AppError, ConflictError, fieldError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Action, type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as users from '../users/repository.js';
import { BUILTIN_SCENARIO_IDS, builtinScenario } from './builtin/index.js';
import { judgeEscalation } from './judge.js';
import { LANGUAGES, type Language, resolveSimulatedMoment, type ScenarioDefinition, type SimulatedMoment } from './model.js';
import type { WorkshopSessionFacts } from './policy.js';
import './policy.js';
import {
  type LoadedScenario,
  peopleOfEntries,
  presentEntry,
  presentScenario,
  presentSession,
  presentSummaryOf,
  sessionFacts,
  simulatedNow,
  clockOf,
} from './presenter.js';
import * as repo from './repository.js';

const SCENARIO = 'Scenario';
const SESSION = 'Workshop session';
const BUILTIN_PREFIX = 'builtin:';

/** The language the viewer reads in: asked for, else their profile's, else German. */
async function languageOf(db: Executor, actor: Actor, asked: Language | undefined): Promise<Language> {
  if (asked) return asked;
  const me = await users.findById(db, actor.id);
  return me?.locale && LANGUAGES.includes(me.locale) ? me.locale : 'de';
}

// --- Scenarios ------------------------------------------------------------------------------------------------

function builtinLoaded(key: string, language: Language): LoadedScenario | null {
  const definition = builtinScenario(key, language);
  if (!definition) return null;
  return {
    id: `${BUILTIN_PREFIX}${key}`,
    source: 'builtin',
    language,
    definition,
    facts: { source: 'builtin', authorId: null, shared: true },
    authorId: null,
    copiedFrom: null,
    createdAt: null,
    updatedAt: null,
  };
}

function customLoaded(row: repo.ScenarioRow): LoadedScenario {
  return {
    id: row.id,
    source: 'custom',
    language: row.language,
    definition: JSON.parse(row.definition) as ScenarioDefinition,
    facts: { source: 'custom', authorId: row.author_id, shared: row.shared === 1 },
    authorId: row.author_id,
    copiedFrom: row.copied_from,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A scenario by id (`builtin:<key>` in `language`, or a custom one), or null when there is none. */
async function findScenario(db: Executor, id: string, language: Language): Promise<LoadedScenario | null> {
  if (id.startsWith(BUILTIN_PREFIX)) return builtinLoaded(id.slice(BUILTIN_PREFIX.length), language);
  const row = await repo.findScenario(db, id);
  return row ? customLoaded(row) : null;
}

/** A scenario the actor may read (404 otherwise, as for one that does not exist); then `action` (403). */
async function loadScenario(
  db: Executor,
  actor: Actor,
  id: string,
  language: Language,
  action?: 'workshopScenario.update' | 'workshopScenario.delete' | 'workshopScenario.copy',
): Promise<LoadedScenario> {
  const s = await findScenario(db, id, language);
  authorize(actor, 'workshopScenario.read', s?.facts, SCENARIO);
  if (action) authorize(actor, action, s?.facts, SCENARIO);
  return s as LoadedScenario;
}

const validZone = (zone: string) => IANAZone.isValidZone(zone);

/**
 * What the schema cannot say: keys unique, at least one playing role, injects aimed at roles that exist,
 * real time zones. 400 naming the field.
 */
export function checkDefinition(d: ScenarioDefinition, field = 'definition'): void {
  const roleKeys = new Set<string>();
  for (const [i, r] of d.roles.entries()) {
    if (roleKeys.has(r.key)) throw fieldError(`${field}.roles.${i}.key`, 'is used by another role');
    roleKeys.add(r.key);
  }
  if (!d.roles.some((r) => !r.observer)) throw fieldError(`${field}.roles`, 'needs at least one role that plays (not an observer)');
  const injectIds = new Set<string>();
  for (const [i, inj] of d.injects.entries()) {
    if (injectIds.has(inj.id)) throw fieldError(`${field}.injects.${i}.id`, 'is used by another inject');
    injectIds.add(inj.id);
    if (inj.targetRoleKey !== undefined && !roleKeys.has(inj.targetRoleKey))
      throw fieldError(`${field}.injects.${i}.targetRoleKey`, 'is not a role of this scenario');
    if (inj.simulatedTime?.zone !== undefined && !validZone(inj.simulatedTime.zone))
      throw fieldError(`${field}.injects.${i}.simulatedTime.zone`, 'is not a time zone');
  }
  const criteria = new Set<string>();
  for (const [i, c] of d.rubric.entries()) {
    if (criteria.has(c.key)) throw fieldError(`${field}.rubric.${i}.key`, 'is used by another criterion');
    criteria.add(c.key);
  }
  if (!validZone(d.simulatedStart.zone)) throw fieldError(`${field}.simulatedStart.zone`, 'is not a time zone');
}

/** Built-in scenarios (in the viewer's language) first, then custom ones the viewer may read: their own and shared ones. */
export async function listScenarios(
  ctx: AppContext,
  actor: Actor,
  q: { language?: Language; source?: 'builtin' | 'custom'; cursor?: string; limit?: number },
): Promise<{ items: WorkshopScenario[]; nextCursor: string | null }> {
  const db = ctx.db.db;
  // The library is for employees (whoever may write scenarios); guests have no workshops.
  authorize(actor, 'workshopScenarios.create', {});
  const language = await languageOf(db, actor, q.language);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const builtins =
    q.source === 'custom' || after
      ? []
      : BUILTIN_SCENARIO_IDS.flatMap((key) => {
          const s = builtinLoaded(key, language);
          return s ? [s] : [];
        });
  const rows = q.source === 'builtin' ? [] : await repo.visibleScenarios(db, actor.id, limit + 1, after);
  const page = rows.slice(0, limit);
  const authors = await users.findByIds(
    db,
    page.flatMap((r) => (r.author_id ? [r.author_id] : [])),
  );
  const items = [...builtins, ...page.map(customLoaded)]
    .filter((s) => can(actor, 'workshopScenario.read', s.facts))
    // Lists never carry briefings (the author reads them on the scenario itself).
    .map((s) => presentScenario(actor, s, s.authorId ? authors.get(s.authorId) : undefined, { briefings: false }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.updated_at, last.id]) : null };
}

export async function getScenario(ctx: AppContext, actor: Actor, id: string, language?: Language): Promise<WorkshopScenario> {
  const db = ctx.db.db;
  const s = await loadScenario(db, actor, id, await languageOf(db, actor, language));
  const author = s.authorId ? await users.findById(db, s.authorId) : undefined;
  return presentScenario(actor, s, author);
}

/** A new custom scenario: written from scratch, or a copy (of a built-in in a language, or of a readable custom one). */
export async function createScenario(ctx: AppContext, actor: Actor, input: CreateScenario): Promise<WorkshopScenario> {
  const db = ctx.db.db;
  authorize(actor, 'workshopScenarios.create', {});
  // The schema bounds weekdays to 1–7 (model.ts types them as literals).
  let definition = input.definition as ScenarioDefinition | undefined;
  let language = input.language;
  let copiedFrom: string | null = null;
  if (input.copyFrom !== undefined) {
    const lang = await languageOf(db, actor, input.language);
    const source = await findScenario(db, input.copyFrom, lang);
    if (!source || !can(actor, 'workshopScenario.copy', source.facts)) throw fieldError('copyFrom', 'no such scenario');
    definition ??= structuredClone(source.definition);
    language ??= source.language;
    copiedFrom = source.id;
  }
  if (!definition) throw fieldError('definition', 'is required (or copy a scenario with copyFrom)');
  checkDefinition(definition);
  const at = now();
  const row: repo.ScenarioRow = {
    id: newId(),
    author_id: actor.id,
    title: definition.title.trim(),
    language: language ?? (await languageOf(db, actor, undefined)),
    shared: input.shared ? 1 : 0,
    definition: JSON.stringify(definition),
    copied_from: copiedFrom,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('workshop_scenarios').values(row).execute();
  return getScenario(ctx, actor, row.id);
}

/** Changes a custom scenario (its author). Sessions already created keep the snapshot they were made with. */
export async function updateScenario(ctx: AppContext, actor: Actor, id: string, input: UpdateScenario): Promise<WorkshopScenario> {
  const db = ctx.db.db;
  const s = await loadScenario(db, actor, id, 'de', 'workshopScenario.update');
  const definition = (input.definition as ScenarioDefinition | undefined) ?? s.definition;
  if (input.definition) checkDefinition(definition);
  await db
    .updateTable('workshop_scenarios')
    .set({
      title: definition.title.trim(),
      definition: JSON.stringify(definition),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.shared !== undefined ? { shared: input.shared ? 1 : 0 } : {}),
      updated_at: now(),
    })
    .where('id', '=', s.id)
    .execute();
  return getScenario(ctx, actor, s.id);
}

export async function deleteScenario(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const db = ctx.db.db;
  const s = await loadScenario(db, actor, id, 'de', 'workshopScenario.delete');
  await db.deleteFrom('workshop_scenarios').where('id', '=', s.id).execute();
}

// --- Sessions -------------------------------------------------------------------------------------------------

interface LoadedSession {
  row: repo.SessionRow;
  definition: ScenarioDefinition;
  participants: repo.ParticipantRow[];
  facts: WorkshopSessionFacts;
}

type SessionAction = Exclude<Extract<Action, `workshopSession.${string}`>, 'workshopSession.read'>;

/**
 * A session the actor may see — the facilitator, a participant, an admin (existence only) — or 404 exactly
 * as for one that does not exist; then `action` (403).
 */
export async function loadSession(db: Executor, actor: Actor, id: string, action?: SessionAction): Promise<LoadedSession> {
  const row = await repo.findSession(db, id);
  const definition = row ? (JSON.parse(row.snapshot) as ScenarioDefinition) : null;
  const participants = row ? await repo.participantsOf(db, [row.id]) : [];
  const facts = row && definition ? sessionFacts(actor, row, definition, participants) : null;
  authorize(actor, 'workshopSession.read', facts, SESSION);
  if (action) authorize(actor, action, facts, SESSION);
  return { row: row as repo.SessionRow, definition: definition as ScenarioDefinition, participants, facts };
}

/** Everyone who hears of the session live: the facilitator and every participant. */
const peopleOf = (row: repo.SessionRow, participants: readonly repo.ParticipantRow[]) => [
  ...new Set([...(row.facilitator_id ? [row.facilitator_id] : []), ...participants.map((p) => p.user_id)]),
];

async function appendSessionEvent(ctx: AppContext, tx: Tx, type: string, actorId: string, sessionId: string, payload: Record<string, unknown>) {
  await appendEvent(tx, { type, actorId, subjectId: sessionId, payload }, ctx.outbox);
}

/** Random roles: every playing role gets someone first (in the scenario's order), the rest watch (or play along). */
export function assignRandomly(definition: ScenarioDefinition, userIds: readonly string[]): Array<{ userId: string; roleKey: string }> {
  const people = [...userIds];
  for (let i = people.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [people[i], people[j]] = [people[j] as string, people[i] as string];
  }
  const playing = definition.roles.filter((r) => !r.observer);
  const observer = definition.roles.find((r) => r.observer);
  return people.map((userId, i) => ({
    userId,
    roleKey: i < playing.length ? (playing[i]?.key as string) : observer ? observer.key : (playing[i % playing.length]?.key as string),
  }));
}

/**
 * A new session in `draft`: the scenario is copied into it (later edits of the scenario do not change it),
 * roles are assigned by name or at random, and the invited participants are notified (only they).
 */
export async function createSession(ctx: AppContext, actor: Actor, input: CreateWorkshopSession): Promise<WorkshopSession> {
  const db = ctx.db.db;
  authorize(actor, 'workshopSessions.create', {});
  const language = await languageOf(db, actor, input.language);
  const scenario = await findScenario(db, input.scenarioId, language);
  if (!scenario || !can(actor, 'workshopScenario.read', scenario.facts)) throw fieldError('scenarioId', 'no such scenario');
  const definition = scenario.definition;
  let assignments: Array<{ userId: string; roleKey: string }>;
  let field: (i: number) => string;
  if (input.random) {
    if (!input.userIds?.length) throw fieldError('userIds', 'name the people to assign at random');
    const playing = definition.roles.filter((r) => !r.observer).length;
    if (input.userIds.length < playing) throw fieldError('userIds', `needs at least ${playing} people, one for each playing role`);
    assignments = assignRandomly(definition, input.userIds);
    field = (i) => `userIds.${input.userIds?.indexOf(assignments[i]?.userId ?? '')}`;
  } else {
    if (!input.participants?.length) throw fieldError('participants', 'assign at least one person a role (or use random with userIds)');
    assignments = input.participants.map((p) => ({ userId: p.userId, roleKey: p.roleKey }));
    field = (i) => `participants.${i}.userId`;
    const seen = new Set<string>();
    for (const [i, p] of assignments.entries()) {
      if (!definition.roles.some((r) => r.key === p.roleKey)) throw fieldError(`participants.${i}.roleKey`, 'is not a role of this scenario');
      if (seen.has(p.userId)) throw fieldError(`participants.${i}.userId`, 'has a role already');
      seen.add(p.userId);
    }
  }
  const people = await users.findByIds(
    db,
    assignments.map((a) => a.userId),
  );
  for (const [i, a] of assignments.entries()) {
    const p = people.get(a.userId);
    if (!p || p.status !== 'active' || p.role === 'guest') throw fieldError(field(i), 'no such colleague');
  }
  const at = now();
  const row: repo.SessionRow = {
    id: newId(),
    scenario_id: scenario.id,
    facilitator_id: actor.id,
    title: input.title?.trim() || definition.title,
    language: scenario.language,
    snapshot: JSON.stringify(definition),
    state: 'draft',
    time_zone: definition.simulatedStart.zone,
    sim_anchor: null,
    sim_anchor_real_at: null,
    previous_session_id: null,
    round: 1,
    peer_scoring: input.peerScoring ? 1 : 0,
    started_at: null,
    ended_at: null,
    created_at: at,
    updated_at: at,
  };
  await insertSession(ctx, actor, row, assignments);
  return getSession(ctx, actor, row.id);
}

async function insertSession(ctx: AppContext, actor: Actor, row: repo.SessionRow, assignments: ReadonlyArray<{ userId: string; roleKey: string }>) {
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('workshop_sessions').values(row).execute();
    await tx.db
      .insertInto('workshop_participants')
      .values(assignments.map((a) => ({ session_id: row.id, user_id: a.userId, role_key: a.roleKey })))
      .execute();
    const participants = assignments.map((a) => a.userId);
    await appendSessionEvent(ctx, tx, 'workshop.session_created', actor.id, row.id, {
      people: [...new Set([actor.id, ...participants])],
      invitees: participants.filter((id) => id !== actor.id),
    });
  });
}

/**
 * Role swap: the same scenario again as a new draft round, the playing roles rotated one place among the
 * people who played (observers keep watching). Only the facilitator, after the round ended.
 */
export async function nextRound(ctx: AppContext, actor: Actor, id: string): Promise<WorkshopSession> {
  const db = ctx.db.db;
  const { row, definition, participants } = await loadSession(db, actor, id, 'workshopSession.run');
  if (row.state !== 'ended') throw new ConflictError('workshop_state_conflict', 'A new round starts after this one ended', { state: row.state });
  const observers = new Set(definition.roles.filter((r) => r.observer).map((r) => r.key));
  const players = participants.filter((p) => !observers.has(p.role_key));
  const roles = players.map((p) => p.role_key);
  const assignments = participants.map((p) => {
    const i = players.indexOf(p);
    return { userId: p.user_id, roleKey: i < 0 ? p.role_key : (roles[(i + 1) % roles.length] as string) };
  });
  const at = now();
  const next: repo.SessionRow = {
    ...row,
    id: newId(),
    state: 'draft',
    facilitator_id: actor.id,
    sim_anchor: null,
    sim_anchor_real_at: null,
    previous_session_id: row.id,
    round: row.round + 1,
    started_at: null,
    ended_at: null,
    created_at: at,
    updated_at: at,
  };
  await insertSession(ctx, actor, next, assignments);
  return getSession(ctx, actor, next.id);
}

export async function getSession(ctx: AppContext, actor: Actor, id: string): Promise<WorkshopSession> {
  const db = ctx.db.db;
  const { row, definition, participants } = await loadSession(db, actor, id);
  const people = await users.findByIds(db, peopleOf(row, participants));
  return presentSession(actor, row, definition, participants, people);
}

/** My sessions (as facilitator or participant); `all`: every session's existence, for admins. */
export async function listSessions(
  ctx: AppContext,
  actor: Actor,
  q: { scope?: 'mine' | 'all'; state?: WorkshopSessionState; cursor?: string; limit?: number },
): Promise<{ simulation: true; items: WorkshopSessionSummary[]; nextCursor: string | null }> {
  const db = ctx.db.db;
  if (q.scope === 'all') authorize(actor, 'workshopSessions.listAll', {});
  // Employees only (whoever may run a session); guests have no workshops.
  else authorize(actor, 'workshopSessions.create', {});
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await repo.sessionsOf(db, q.scope === 'all' ? null : actor.id, { state: q.state, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const participants = await repo.participantsOf(
    db,
    page.map((r) => r.id),
  );
  const people = await users.findByIds(
    db,
    page.flatMap((r) => (r.facilitator_id ? [r.facilitator_id] : [])),
  );
  const last = page[page.length - 1];
  return {
    simulation: true,
    items: page.map((r) => presentSummaryOf(actor, r, participants, people)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}

type Transition = 'start' | 'pause' | 'resume' | 'end';
const TRANSITIONS: Record<Transition, { from: WorkshopSessionState[]; to: WorkshopSessionState }> = {
  start: { from: ['draft'], to: 'running' },
  pause: { from: ['running'], to: 'paused' },
  resume: { from: ['paused'], to: 'running' },
  end: { from: ['running', 'paused'], to: 'ended' },
};

/**
 * draft → running ↔ paused → ended (the facilitator; an admin may end). A wrong transition is 409
 * `workshop_state_conflict`. The simulated clock starts at the scenario's start moment (the next such
 * weekday and time from now), stands still while paused, and stops at the end.
 */
export async function transition(ctx: AppContext, actor: Actor, id: string, change: Transition): Promise<WorkshopSession> {
  const db = ctx.db.db;
  const { row, definition, participants } = await loadSession(db, actor, id, change === 'end' ? 'workshopSession.end' : 'workshopSession.run');
  const t = TRANSITIONS[change];
  const conflict = (state: WorkshopSessionState) =>
    new ConflictError('workshop_state_conflict', `Cannot ${change} a session that is ${state}`, { state, action: change });
  if (!t.from.includes(row.state)) throw conflict(row.state);
  const atMs = Date.now();
  const at = new Date(atMs).toISOString();
  const sim = simulatedNow(row, atMs);
  let anchor: { sim_anchor: string | null; sim_anchor_real_at: string | null };
  if (change === 'start') anchor = { sim_anchor: resolveSimulatedMoment(definition.simulatedStart, new Date(atMs)).toISOString(), sim_anchor_real_at: at };
  else if (change === 'resume') anchor = { sim_anchor: sim, sim_anchor_real_at: at };
  else anchor = { sim_anchor: sim, sim_anchor_real_at: null };
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('workshop_sessions')
      .set({
        state: t.to,
        ...anchor,
        ...(change === 'start' ? { started_at: at } : {}),
        ...(change === 'end' ? { ended_at: at } : {}),
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where('state', '=', row.state)
      .executeTakeFirst();
    // Someone else changed the state in between.
    if (Number(r.numUpdatedRows) !== 1) throw conflict((await repo.findSession(tx.db, row.id))?.state ?? row.state);
    const entry: repo.EntryRow = {
      id: newId(),
      session_id: row.id,
      kind: 'state',
      user_id: actor.id,
      role_key: null,
      channel: null,
      parent_id: null,
      body: '',
      inject_id: null,
      target_role_key: null,
      data: JSON.stringify({ state: t.to }),
      correct: null,
      at,
      simulated_at: anchor.sim_anchor,
    };
    await tx.db.insertInto('workshop_entries').values(entry).execute();
    await appendSessionEvent(ctx, tx, 'workshop.state', actor.id, row.id, {
      people: peopleOf(row, participants),
      data: { sessionId: row.id, state: t.to, clock: clockOf({ ...row, ...anchor, state: t.to }, atMs) },
    });
  });
  return getSession(ctx, actor, row.id);
}

/** Deletes a session with its transcript (the facilitator, or an admin — without reading it). */
export async function deleteSession(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const db = ctx.db.db;
  const { row, participants } = await loadSession(db, actor, id, 'workshopSession.delete');
  await ctx.db.transaction(async (tx) => {
    await tx.db.deleteFrom('workshop_sessions').where('id', '=', row.id).execute();
    await appendSessionEvent(ctx, tx, 'workshop.deleted', actor.id, row.id, { people: peopleOf(row, participants) });
  });
}

// --- The practice stage ---------------------------------------------------------------------------------------

/** Whether the viewer sees an entry: targeted injects only their role and the facilitator. */
function entryVisible(e: repo.EntryRow, facts: WorkshopSessionFacts, actor: Actor): boolean {
  if (e.kind !== 'inject' || e.target_role_key === null) return true;
  return facts.facilitatorId === actor.id || facts.roleKey === e.target_role_key;
}

/** Escalation verdicts: the facilitator sees them at once, everyone else after the end. */
const reveals = (actor: Actor, row: repo.SessionRow) => row.facilitator_id === actor.id || row.state === 'ended';

/** The stage: the brand post and the transcript so far as the viewer may see it (one query per relation). */
export async function getStage(ctx: AppContext, actor: Actor, id: string): Promise<WorkshopStage> {
  const db = ctx.db.db;
  const { row, definition, facts } = await loadSession(db, actor, id, 'workshopSession.readContent');
  const entries = (await repo.entriesOf(db, row.id)).filter((e) => entryVisible(e, facts, actor));
  const people = await users.findByIds(db, peopleOfEntries(entries));
  const reveal = reveals(actor, row);
  return {
    simulation: true,
    sessionId: row.id,
    state: row.state,
    clock: clockOf(row),
    post: {
      brandName: definition.stage.brandName,
      text: definition.stage.postText,
      at: row.started_at,
      simulatedAt: row.started_at ? ((await firstSimulated(db, row.id)) ?? null) : null,
    },
    entries: entries.map((e) => presentEntry(e, people, reveal)),
  };
}

/** The simulated time the session started at (its first `running` state entry). */
async function firstSimulated(db: Executor, sessionId: string): Promise<string | null | undefined> {
  const first = await db
    .selectFrom('workshop_entries')
    .select('simulated_at')
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'state')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return first?.simulated_at;
}

function requireRunning(row: repo.SessionRow): void {
  if (row.state !== 'running') throw new AppError(409, 'workshop_not_running', `The session is ${row.state}, not running`, { state: row.state });
}

async function presentOne(db: Executor, e: repo.EntryRow, reveal: boolean): Promise<StageEntry> {
  return presentEntry(e, await users.findByIds(db, peopleOfEntries([e])), reveal);
}

/**
 * A comment under the brand post, a reply to one, or a direct message — by a participant with a playing
 * role while the session runs. It carries real and simulated time.
 */
export async function postMessage(ctx: AppContext, actor: Actor, id: string, input: PostStageMessage): Promise<StageEntry> {
  const db = ctx.db.db;
  const { row, participants, facts } = await loadSession(db, actor, id, 'workshopSession.post');
  requireRunning(row);
  if (input.channel === 'reply') {
    if (!input.parentId) throw fieldError('parentId', 'a reply names the comment it answers');
    const parent = await repo.findEntry(db, row.id, input.parentId);
    if (!parent || parent.kind !== 'message' || (parent.channel !== 'comment' && parent.channel !== 'reply'))
      throw fieldError('parentId', 'no such comment on this stage');
  } else if (input.parentId) throw fieldError('parentId', 'only replies answer a comment');
  const atMs = Date.now();
  const entry: repo.EntryRow = {
    id: newId(),
    session_id: row.id,
    kind: 'message',
    user_id: actor.id,
    role_key: facts.roleKey,
    channel: input.channel,
    parent_id: input.channel === 'reply' ? (input.parentId ?? null) : null,
    body: input.body,
    inject_id: null,
    target_role_key: null,
    data: null,
    correct: null,
    at: new Date(atMs).toISOString(),
    simulated_at: simulatedNow(row, atMs),
  };
  const shown = await presentOne(db, entry, false);
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('workshop_entries').values(entry).execute();
    await appendSessionEvent(ctx, tx, 'workshop.message', actor.id, row.id, { people: peopleOf(row, participants), data: shown });
  });
  return shown;
}

/**
 * The facilitator sends an inject: one of the scenario's (`injectId`) or one written on the spot. It is logged
 * in the transcript; a targeted one is seen only by that role and the facilitator. A simulated time moves
 * the scenario clock (to the next such weekday and time from the current simulated time).
 */
export async function sendInject(ctx: AppContext, actor: Actor, id: string, input: SendInject): Promise<StageEntry> {
  const db = ctx.db.db;
  const { row, definition, participants } = await loadSession(db, actor, id, 'workshopSession.run');
  requireRunning(row);
  let text: string;
  let moment: SimulatedMoment | undefined;
  let target: string | undefined;
  let injectId: string | null = null;
  if (input.injectId !== undefined) {
    const inj = definition.injects.find((i) => i.id === input.injectId);
    if (!inj) throw fieldError('injectId', 'is not an inject of this scenario');
    ({ text, simulatedTime: moment, targetRoleKey: target } = inj);
    injectId = inj.id;
  } else {
    if (!input.text) throw fieldError('text', 'write the inject (or send one of the scenario’s with injectId)');
    text = input.text;
    moment = input.simulatedTime as SimulatedMoment | undefined;
    target = input.targetRoleKey;
    if (target !== undefined && !definition.roles.some((r) => r.key === target)) throw fieldError('targetRoleKey', 'is not a role of this scenario');
    if (moment?.zone !== undefined && !validZone(moment.zone)) throw fieldError('simulatedTime.zone', 'is not a time zone');
  }
  const atMs = Date.now();
  const at = new Date(atMs).toISOString();
  const current = simulatedNow(row, atMs);
  const moved = moment ? resolveSimulatedMoment(moment, new Date(current ?? at), definition.simulatedStart.zone).toISOString() : null;
  const entry: repo.EntryRow = {
    id: newId(),
    session_id: row.id,
    kind: 'inject',
    user_id: actor.id,
    role_key: null,
    channel: null,
    parent_id: null,
    body: text,
    inject_id: injectId,
    target_role_key: target ?? null,
    data: moved ? JSON.stringify({ simulatedTime: moment }) : null,
    correct: null,
    at,
    simulated_at: moved ?? current,
  };
  const shown = await presentOne(db, entry, false);
  const people = peopleOf(row, participants);
  // A targeted inject goes to its role's people and the facilitator only — never to the session's room.
  const audience =
    target !== undefined
      ? [...new Set([...(row.facilitator_id ? [row.facilitator_id] : []), ...participants.filter((p) => p.role_key === target).map((p) => p.user_id)])]
      : null;
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('workshop_entries').values(entry).execute();
    if (moved)
      await tx.db.updateTable('workshop_sessions').set({ sim_anchor: moved, sim_anchor_real_at: at, updated_at: at }).where('id', '=', row.id).execute();
    await appendSessionEvent(ctx, tx, 'workshop.inject', actor.id, row.id, audience ? { people, audience, data: shown } : { people, data: shown });
    // Everyone's clock moved, even when only one role reads why.
    if (moved) {
      await appendSessionEvent(ctx, tx, 'workshop.state', actor.id, row.id, {
        people,
        data: { sessionId: row.id, state: row.state, clock: clockOf({ ...row, sim_anchor: moved, sim_anchor_real_at: at }, atMs) },
      });
    }
  });
  return shown;
}

/**
 * An escalation inside the exercise: recorded in the transcript at the simulated time and judged against
 * the escalation directory (see judge.ts). It never raises a real escalation or notification.
 */
export async function escalate(ctx: AppContext, actor: Actor, id: string, input: ExerciseEscalation): Promise<StageEntry> {
  const db = ctx.db.db;
  const { row, definition, participants, facts } = await loadSession(db, actor, id, 'workshopSession.post');
  requireRunning(row);
  const atMs = Date.now();
  const simulatedAt = simulatedNow(row, atMs) ?? new Date(atMs).toISOString();
  if (input.contactUserId) {
    const contact = await users.findById(db, input.contactUserId);
    if (!contact || contact.status !== 'active') throw fieldError('contactUserId', 'no such colleague');
  }
  const verdict = await judgeEscalation(db, actor, definition, input, simulatedAt);
  const entry: repo.EntryRow = {
    id: newId(),
    session_id: row.id,
    kind: 'escalation',
    user_id: actor.id,
    role_key: facts.roleKey,
    channel: null,
    parent_id: null,
    body: input.note,
    inject_id: null,
    target_role_key: null,
    data: JSON.stringify(verdict.data),
    correct: verdict.correct === null ? null : verdict.correct ? 1 : 0,
    at: new Date(atMs).toISOString(),
    simulated_at: simulatedAt,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('workshop_entries').values(entry).execute();
    // The room hears of it without the verdict (the facilitator's page refetches to see it).
    await appendSessionEvent(ctx, tx, 'workshop.escalation', actor.id, row.id, {
      people: peopleOf(row, participants),
      data: await presentOne(tx.db, entry, false),
    });
  });
  return presentOne(db, entry, reveals(actor, row));
}

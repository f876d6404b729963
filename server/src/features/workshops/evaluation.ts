import type {
  AddWorkshopComment,
  MyWorkshopScores,
  SetWorkshopScores,
  WorkshopComment,
  WorkshopProgress,
  WorkshopReport,
  WorkshopRoundComparison,
} from '@innenhof/contract';
import type { Static } from 'typebox';
import type { Executor } from '../../core/db/index.js';
import { AppError, ForbiddenError, fieldError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { type Actor, authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import type { MessageComment, Participant, ScenarioDefinition, Score, TranscriptEntry } from './model.js';
import type { EscalationData } from './presenter.js';
import { buildReport, compareRounds, progressOf, reportForViewer, type SessionReport } from './report.js';
import type * as repo from './repository.js';
import { loadSession } from './service.js';

/**
 * Evaluation after the end (issue 9, points 8–10): scores against the rubric, comments on messages, the report
 * (computed by report.ts from the transcript), the role-swap comparison and one's own progress. Individual scores
 * are seen only by the person scored and the session's facilitator (`reportForViewer`); admins see none.
 */

function requireEnded(row: repo.SessionRow): void {
  if (row.state !== 'ended')
    throw new AppError(409, 'workshop_not_ended', `The evaluation opens when the session has ended (it is ${row.state})`, { state: row.state });
}

/** The transcript in the report's terms. */
export function transcriptOf(entries: readonly repo.EntryRow[]): TranscriptEntry[] {
  return entries.map((e) => {
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
    const escalation = e.kind === 'escalation' && data ? (data as unknown as EscalationData) : null;
    return {
      id: e.id,
      at: e.at,
      simulatedAt: e.simulated_at ?? e.at,
      kind: e.kind,
      ...(e.role_key ? { roleKey: e.role_key } : {}),
      ...(e.user_id ? { userId: e.user_id } : {}),
      ...(e.channel ? { channel: e.channel } : {}),
      ...(e.parent_id ? { parentId: e.parent_id } : {}),
      body: e.body,
      ...(e.inject_id ? { injectId: e.inject_id } : {}),
      ...(e.target_role_key ? { targetRoleKey: e.target_role_key } : {}),
      ...(e.kind === 'state' && data && typeof data.state === 'string' ? { state: data.state as TranscriptEntry['state'] } : {}),
      ...(escalation ? { escalation: { correct: e.correct === null ? null : e.correct === 1, topicId: escalation.topicId, level: escalation.level } } : {}),
    };
  });
}

/** The full report of sessions (one query per relation for any number of sessions). */
async function reportsOf(db: Executor, rows: readonly repo.SessionRow[]): Promise<Map<string, SessionReport>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const [entries, participants, scores, comments] = await Promise.all([
    db.selectFrom('workshop_entries').selectAll().where('session_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('workshop_participants').selectAll().where('session_id', 'in', ids).execute(),
    db.selectFrom('workshop_scores').selectAll().where('session_id', 'in', ids).execute(),
    db.selectFrom('workshop_comments').selectAll().where('session_id', 'in', ids).orderBy('id').execute(),
  ]);
  const people = await users.findByIds(
    db,
    participants.map((p) => p.user_id),
  );
  const out = new Map<string, SessionReport>();
  for (const row of rows) {
    const definition = JSON.parse(row.snapshot) as ScenarioDefinition;
    const cast: Participant[] = participants
      .filter((p) => p.session_id === row.id)
      .map((p) => ({ userId: p.user_id, roleKey: p.role_key, ...(people.get(p.user_id) ? { displayName: people.get(p.user_id)?.name } : {}) }));
    const given: Score[] = scores
      .filter((s) => s.session_id === row.id)
      .map((s) => ({ raterUserId: s.rater_id, ratedRoleKey: s.rated_role_key, criterionKey: s.criterion_key, value: s.value, kind: s.kind }));
    const notes: MessageComment[] = comments
      .filter((c) => c.session_id === row.id)
      .map((c) => ({ id: c.id, messageId: c.entry_id, authorUserId: c.author_id, body: c.body, at: c.created_at }));
    const transcript = transcriptOf(entries.filter((e) => e.session_id === row.id));
    out.set(row.id, buildReport(definition, transcript, given, notes, cast, { sessionId: row.id, round: row.round }));
  }
  return out;
}

/**
 * The report as one viewer may see it: scores only of their own role(s) unless they facilitate, and the text of a
 * targeted inject only for its role (the same rule as on the stage).
 */
function forViewer(report: SessionReport, row: repo.SessionRow, actor: Actor): SessionReport {
  const facilitator = row.facilitator_id === actor.id;
  const shown = reportForViewer(report, { userId: actor.id, facilitator });
  if (facilitator) return shown;
  const mine = new Set(report.participants.filter((p) => p.userId === actor.id).map((p) => p.roleKey));
  return { ...shown, injects: shown.injects.map((i) => (i.targetRoleKey && !mine.has(i.targetRoleKey) ? { ...i, text: null } : i)) };
}

/** `GET …/sessions/:id/report`: for the facilitator and the participants, once the session ended. */
export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<WorkshopReport> {
  const db = ctx.db.db;
  const { row } = await loadSession(db, actor, id, 'workshopSession.report');
  requireEnded(row);
  const report = (await reportsOf(db, [row])).get(row.id) as SessionReport;
  return { simulation: true, ...forViewer(report, row, actor) };
}

/**
 * My scores for one role: the facilitator's scores, a self-assessment of my own role, or (peer scoring on) a
 * peer's score of another role; anything else is 403. Each criterion's new value replaces my old one.
 */
export async function setScores(ctx: AppContext, actor: Actor, id: string, input: SetWorkshopScores): Promise<Static<typeof MyWorkshopScores>> {
  const db = ctx.db.db;
  const { row, definition, facts } = await loadSession(db, actor, id, 'workshopSession.score');
  requireEnded(row);
  if (!definition.roles.some((r) => r.key === input.ratedRoleKey)) throw fieldError('ratedRoleKey', 'is not a role of this scenario');
  const kind: Score['kind'] | null =
    row.facilitator_id === actor.id
      ? 'facilitator'
      : facts.roleKey === input.ratedRoleKey
        ? 'self'
        : facts.peerScoring && facts.roleKey !== null
          ? 'peer'
          : null;
  if (!kind) throw new ForbiddenError('Only the facilitator scores other roles in this session (peer scoring is off)');
  const seen = new Set<string>();
  for (const [i, s] of input.scores.entries()) {
    if (!definition.rubric.some((c) => c.key === s.criterionKey)) throw fieldError(`scores.${i}.criterionKey`, 'is not a criterion of this rubric');
    if (seen.has(s.criterionKey)) throw fieldError(`scores.${i}.criterionKey`, 'is scored twice');
    seen.add(s.criterionKey);
  }
  const at = now();
  await ctx.db.transaction(async (tx) => {
    await tx.db
      .deleteFrom('workshop_scores')
      .where('session_id', '=', row.id)
      .where('rater_id', '=', actor.id)
      .where('rated_role_key', '=', input.ratedRoleKey)
      .where(
        'criterion_key',
        'in',
        input.scores.map((s) => s.criterionKey),
      )
      .execute();
    await tx.db
      .insertInto('workshop_scores')
      .values(
        input.scores.map((s) => ({
          session_id: row.id,
          rater_id: actor.id,
          rated_role_key: input.ratedRoleKey,
          criterion_key: s.criterionKey,
          kind,
          value: s.value,
          updated_at: at,
        })),
      )
      .execute();
  });
  return myScores(ctx, actor, id);
}

/** The scores I gave in a session. */
export async function myScores(ctx: AppContext, actor: Actor, id: string): Promise<Static<typeof MyWorkshopScores>> {
  const db = ctx.db.db;
  const { row } = await loadSession(db, actor, id, 'workshopSession.score');
  const rows = await db
    .selectFrom('workshop_scores')
    .selectAll()
    .where('session_id', '=', row.id)
    .where('rater_id', '=', actor.id)
    .orderBy('rated_role_key')
    .orderBy('criterion_key')
    .execute();
  return {
    simulation: true,
    items: rows.map((s) => ({ ratedRoleKey: s.rated_role_key, criterionKey: s.criterion_key, value: s.value, kind: s.kind, updatedAt: s.updated_at })),
  };
}

/** A comment on one stage message (the facilitator; participants too with peer scoring on). */
export async function addComment(ctx: AppContext, actor: Actor, id: string, input: AddWorkshopComment): Promise<WorkshopComment> {
  const db = ctx.db.db;
  const { row } = await loadSession(db, actor, id, 'workshopSession.comment');
  requireEnded(row);
  const entry = await db
    .selectFrom('workshop_entries')
    .select(['id', 'kind'])
    .where('session_id', '=', row.id)
    .where('id', '=', input.messageId)
    .executeTakeFirst();
  if (!entry || entry.kind !== 'message') throw fieldError('messageId', 'no such message in this session');
  const comment = { id: newId(), session_id: row.id, entry_id: entry.id, author_id: actor.id, body: input.body, created_at: now() };
  await db.insertInto('workshop_comments').values(comment).execute();
  const me = await users.findById(db, actor.id);
  return {
    simulation: true,
    id: comment.id,
    messageId: comment.entry_id,
    author: me ? presentSummary(me) : null,
    body: comment.body,
    createdAt: comment.created_at,
  };
}

/**
 * Role swap: this round against the one before, per person. Only the facilitator sees everyone's row; a
 * participant sees their own.
 */
export async function compareWithPrevious(ctx: AppContext, actor: Actor, id: string): Promise<Static<typeof WorkshopRoundComparison>> {
  const db = ctx.db.db;
  const { row } = await loadSession(db, actor, id, 'workshopSession.report');
  requireEnded(row);
  const previous = row.previous_session_id ? await loadSession(db, actor, row.previous_session_id, 'workshopSession.report').catch(() => null) : null;
  if (!previous) throw new AppError(409, 'workshop_state_conflict', 'This session is not a new round of an earlier one you took part in');
  requireEnded(previous.row);
  const reports = await reportsOf(db, [previous.row, row]);
  const a = forViewer(reports.get(previous.row.id) as SessionReport, previous.row, actor);
  const b = forViewer(reports.get(row.id) as SessionReport, row, actor);
  const comparison = compareRounds(a, b);
  const leads = row.facilitator_id === actor.id && previous.row.facilitator_id === actor.id;
  return { simulation: true, ...comparison, people: leads ? comparison.people : comparison.people.filter((p) => p.userId === actor.id) };
}

/** My progress per rubric criterion across the ended sessions I took part in (as a participant). */
export async function myProgress(ctx: AppContext, actor: Actor): Promise<Static<typeof WorkshopProgress>> {
  const db = ctx.db.db;
  authorize(actor, 'workshopSessions.create', {});
  const rows = await db
    .selectFrom('workshop_sessions')
    .selectAll()
    .where('state', '=', 'ended')
    .where('id', 'in', (eb) => eb.selectFrom('workshop_participants').select('session_id').where('user_id', '=', actor.id))
    .orderBy('ended_at')
    .limit(500)
    .execute();
  const reports = await reportsOf(db, rows);
  const mine = rows.map((r) => forViewer(reports.get(r.id) as SessionReport, r, actor));
  return { simulation: true, criteria: progressOf(actor.id, mine) };
}

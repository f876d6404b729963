import type { Escalation, EscalationPage, EscalationsQuery, RaiseEscalation } from '@innenhof/contract';
import type { Tx } from '../../core/db/index.js';
import { ConflictError } from '../../core/errors.js';
import { newId, now } from '../../core/ids.js';
import { enqueue } from '../../core/jobs.js';
import { logger } from '../../core/logger.js';
import { type MailLocale, mailTranslator } from '../../core/mail/templates.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, encodeCursor } from '../../core/pagination.js';
import { type Actor, authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { createConversation } from '../chat/service.js';
import { sendMessage } from '../chat/messages.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';
import { contactNow } from './contact-now.js';
import './policy.js';
import { escalationFacts, presentEscalations } from './presenter.js';
import * as repo from './repository.js';
import { loadTopic } from './service.js';
import { storedOf } from './topics.js';

/** The job that moves one escalation on when its timeout passes (`{escalationId}`, run at `escalates_at`). */
export const ESCALATION_TIMEOUT_JOB = 'escalation.timeout';

const NOT_FOUND = 'Escalation';
const log = logger('escalation');

type StepKind = repo.StepRow['kind'];

async function step(tx: Tx, escalationId: string, kind: StepKind, level: number, userId: string | null, at: string): Promise<void> {
  await tx.db.insertInto('escalation_steps').values({ id: newId(), escalation_id: escalationId, kind, level, user_id: userId, at }).execute();
}

/** The outbox event: real-time to everyone involved; `notify` makes the urgent notification for the assignee. */
async function changed(
  ctx: AppContext,
  tx: Tx,
  type: string,
  row: { id: string; raiser_id: string | null; chain_ids: string },
  extra: Record<string, unknown>,
  actorId: string | null,
) {
  const people = [...new Set([...(row.raiser_id ? [row.raiser_id] : []), ...(JSON.parse(row.chain_ids) as string[])])];
  await appendEvent(tx, { type, actorId, subjectId: row.id, payload: { people, ...extra } }, ctx.outbox);
}

/**
 * The chat part of the urgent notification: a direct message from the raiser to the assignee with the
 * message and a link, through the chat service (so it is a normal chat, pushed and badged as any other).
 * A chat that cannot be made (the raiser is the assignee, or the assignee left) is logged, not fatal:
 * the in-app notification and the e-mail carry the escalation anyway.
 */
async function chatToAssignee(ctx: AppContext, escalationId: string, level: number): Promise<void> {
  const db = ctx.db.db;
  const row = await repo.findEscalation(db, escalationId);
  if (!row?.raiser_id || !row.assignee_id || row.raiser_id === row.assignee_id) return;
  try {
    const people = await users.findByIds(db, [row.raiser_id, row.assignee_id]);
    const raiser = people.get(row.raiser_id);
    const assignee = people.get(row.assignee_id);
    if (!raiser || raiser.status !== 'active' || !assignee || assignee.status !== 'active') return;
    const actor: Actor = { id: raiser.id, role: raiser.role, status: raiser.status };
    const topic = await repo.findTopic(db, row.topic_id);
    const locale: MailLocale = assignee.locale ?? (await settings.getCompany(db)).defaultLocale;
    const t = await mailTranslator(locale);
    const body = t('escalation.chat', {
      topic: topic?.title ?? '',
      level,
      message: row.message,
      url: `${ctx.config.publicUrl}/escalations/${row.id}`,
    });
    const { conversation } = await createConversation(ctx, actor, { userIds: [assignee.id] });
    await sendMessage(ctx, actor, conversation.id, { clientId: `esc-${row.id}-${level}`, body });
    await db.updateTable('escalations').set({ conversation_id: conversation.id }).where('id', '=', row.id).execute();
  } catch (err) {
    log.warn({ err, escalationId }, 'escalation chat message not sent');
  }
}

/**
 * Raises an urgent escalation on a topic (any employee). Level 1 is whoever `contactNow` names now (the
 * responsible in hours, the on-call or rota person after hours); with "next business day" after hours it
 * still goes to level 1 of the chain (else the responsible) — the response says it is outside hours and
 * when the topic opens. The levels after it are the chain's levels 2 and 3, fixed now.
 */
export async function raise(ctx: AppContext, actor: Actor, topicId: string, input: RaiseEscalation, at: Date = new Date()): Promise<Escalation> {
  const db = ctx.db.db;
  const topicRow = await loadTopic(db, actor, topicId, 'escalationTopic.escalate');
  const topic = storedOf(topicRow);
  const cn = contactNow(topic, await repo.holidays(db), at);
  // Level 1: the contact now (after hours with "wait": the chain's level 1, else the responsible); when that
  // person has left (deactivated), the next reachable of responsible, deputy, chain level 1.
  const candidates = [cn.contact, ...(cn.via === 'wait' ? [topic.chain[0]?.userId] : []), topic.responsibleId, topic.deputyId, topic.chain[0]?.userId].filter(
    (x): x is string => Boolean(x),
  );
  const people = await users.findByIds(db, [...candidates, ...topic.chain.map((c) => c.userId)]);
  const reachable = (id: string) => people.get(id)?.status === 'active';
  const level1 = candidates.find(reachable);
  if (!level1) throw new ConflictError('conflict', 'This topic names nobody reachable to escalate to');
  // Later levels: the chain's levels 2 and 3, without people who have left or are level 1 already.
  const chainIds = [
    level1,
    ...topic.chain
      .slice(1)
      .map((c) => c.userId)
      .filter((id) => reachable(id) && id !== level1),
  ];
  const id = newId();
  const t = at.toISOString();
  const escalatesAt = new Date(at.getTime() + topic.ackTimeoutMinutes * 60_000).toISOString();
  const row: repo.EscalationRow = {
    id,
    topic_id: topicRow.id,
    raiser_id: actor.id,
    message: input.message.trim(),
    status: 'open',
    level: 1,
    chain_ids: JSON.stringify(chainIds),
    assignee_id: level1,
    out_of_hours: cn.inHours ? 0 : 1,
    via: cn.via,
    next_opening: cn.inHours ? null : cn.nextOpening,
    escalates_at: escalatesAt,
    acknowledged_at: null,
    acknowledged_by: null,
    conversation_id: null,
    created_at: t,
    updated_at: t,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.db.insertInto('escalations').values(row).execute();
    await step(tx, id, 'raised', 1, actor.id, t);
    await step(tx, id, 'notified', 1, level1, t);
    await enqueue(tx.db, ESCALATION_TIMEOUT_JOB, { escalationId: id }, { runAt: escalatesAt });
    await changed(ctx, tx, 'escalation.raised', row, { assigneeId: level1, level: 1, notify: true }, actor.id);
  });
  await chatToAssignee(ctx, id, 1);
  return getEscalation(ctx, actor, id);
}

/**
 * Moves an open escalation whose timeout passed at `at` to the next level (notifying that person), or,
 * past the last level, marks it `unacknowledged_at_top` (it stays open to acknowledge). Claimed by a
 * conditional update, so two workers (or a job and a test's tick) never move it twice. Returns whether it moved.
 */
export async function escalateIfDue(ctx: AppContext, id: string, at: Date = new Date()): Promise<boolean> {
  const db = ctx.db.db;
  const row = await repo.findEscalation(db, id);
  const t = at.toISOString();
  if (!row || row.status !== 'open' || !row.escalates_at || row.escalates_at > t) return false;
  const chainIds = JSON.parse(row.chain_ids) as string[];
  const topic = await repo.findTopic(db, row.topic_id);
  const timeout = (topic?.ack_timeout_minutes ?? 30) * 60_000;
  const top = row.level >= chainIds.length;
  const level = top ? row.level : row.level + 1;
  const assignee = top ? row.assignee_id : (chainIds[level - 1] ?? null);
  const next = top ? null : new Date(at.getTime() + timeout).toISOString();
  const moved = await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('escalations')
      .set({ level, assignee_id: assignee, status: top ? 'unacknowledged_at_top' : 'open', escalates_at: next, updated_at: t })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('level', '=', row.level)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (top) {
      await step(tx, id, 'unacknowledged_at_top', level, null, t);
      await changed(ctx, tx, 'escalation.escalated', row, { level, top: true, notify: false }, null);
    } else {
      await step(tx, id, 'escalated', level, assignee, t);
      await step(tx, id, 'notified', level, assignee, t);
      await enqueue(tx.db, ESCALATION_TIMEOUT_JOB, { escalationId: id }, { runAt: next as string });
      // The raiser is the notification's actor ("Rita escalates … to you"), at every level.
      await changed(ctx, tx, 'escalation.escalated', row, { assigneeId: assignee, level, notify: true }, row.raiser_id);
    }
    return true;
  });
  if (moved && !top) await chatToAssignee(ctx, id, level);
  return moved;
}

/** Every open escalation due at `at` moves on (the jobs do this one by one; tests pass a later clock). */
export async function runEscalationTimeouts(ctx: AppContext, at: Date = new Date()): Promise<number> {
  let n = 0;
  for (const id of await repo.dueEscalationIds(ctx.db.db, at.toISOString())) if (await escalateIfDue(ctx, id, at)) n++;
  return n;
}

async function loadEscalation(ctx: AppContext, actor: Actor, id: string): Promise<repo.EscalationRow> {
  const row = await repo.findEscalation(ctx.db.db, id);
  authorize(actor, 'escalation.read', row ? escalationFacts(row) : null, NOT_FOUND);
  return row as repo.EscalationRow;
}

/** Acknowledges (the current assignee or a person of a later level). Already acknowledged → 409 `escalation_acknowledged`. */
export async function acknowledge(ctx: AppContext, actor: Actor, id: string): Promise<Escalation> {
  const row = await loadEscalation(ctx, actor, id);
  authorize(actor, 'escalation.acknowledge', escalationFacts(row), NOT_FOUND);
  if (row.status === 'acknowledged') throw new ConflictError('escalation_acknowledged', 'This escalation was already acknowledged');
  const t = now();
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('escalations')
      .set({ status: 'acknowledged', acknowledged_at: t, acknowledged_by: actor.id, escalates_at: null, updated_at: t })
      .where('id', '=', id)
      .where('status', '!=', 'acknowledged')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('escalation_acknowledged', 'This escalation was already acknowledged');
    await step(tx, id, 'acknowledged', row.level, actor.id, t);
    await changed(ctx, tx, 'escalation.acknowledged', row, { level: row.level, notify: false }, actor.id);
  });
  return getEscalation(ctx, actor, id);
}

export async function getEscalation(ctx: AppContext, actor: Actor, id: string): Promise<Escalation> {
  const row = await loadEscalation(ctx, actor, id);
  const [e] = await presentEscalations(ctx, actor, [row]);
  return e as Escalation;
}

/** `mine`: raised by me; `assigned` (default): I was notified at some level. Newest first. */
export async function listEscalations(ctx: AppContext, actor: Actor, q: EscalationsQuery): Promise<EscalationPage> {
  const db = ctx.db.db;
  const limit = q.limit ?? 20;
  const after = decodeCursor(q.cursor, 2);
  let query = db.selectFrom('escalations').selectAll();
  query =
    q.scope === 'mine'
      ? query.where('raiser_id', '=', actor.id)
      : query.where('id', 'in', db.selectFrom('escalation_steps').select('escalation_id').where('user_id', '=', actor.id).where('kind', '=', 'notified'));
  if (q.status) query = query.where('status', '=', q.status);
  if (after) {
    const [c, i] = after.map(String) as [string, string];
    query = query.where((eb) => eb.or([eb('created_at', '<', c), eb.and([eb('created_at', '=', c), eb('id', '<', i)])]));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: await presentEscalations(ctx, actor, page), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
}

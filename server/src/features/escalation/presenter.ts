import type { Escalation, EscalationPerson, EscalationTopic, EscalationTopicVersion } from '@innenhof/contract';
import { DateTime } from 'luxon';
import type { Executor } from '../../core/db/index.js';
import type { PresenceStatus } from '../../core/realtime/presence.js';
import { abilities, type Actor, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import * as users from '../users/repository.js';
import { contactNow, rotaIndex } from './contact-now.js';
import type { EscalationFacts, EscalationTopicFacts } from './policy.js';
import * as repo from './repository.js';
import { peopleOf, type StoredTopic, storedOf } from './topics.js';

type UserRow = users.UserRow;

/** Loads people and their presence once for a whole page. */
export async function peopleWithPresence(ctx: AppContext, ids: readonly string[]): Promise<(id: string | null) => EscalationPerson | null> {
  const people = await users.findByIds(ctx.db.db, ids);
  const presence = ctx.realtime ? await ctx.realtime.presence.status([...people.keys()]) : new Map<string, PresenceStatus>();
  return (id) => {
    const u = id ? people.get(id) : undefined;
    return u ? personOf(u, presence.get(u.id) ?? 'offline') : null;
  };
}

export function personOf(u: UserRow, presence: PresenceStatus): EscalationPerson {
  return { ...presentSummary(u), phone: u.phone, email: u.email, presence };
}

export function topicFacts(row: repo.TopicRow, editor: boolean): EscalationTopicFacts {
  return { archived: row.archived_at !== null, editor };
}

/** Topics with their "who now" at `at`, people (with phone and presence), and the viewer's abilities. */
export async function presentTopics(ctx: AppContext, actor: Actor, rows: repo.TopicRow[], at: Date = new Date()): Promise<EscalationTopic[]> {
  const db = ctx.db.db;
  const [holidays, editor] = await Promise.all([repo.holidays(db), repo.isEditor(db, actor.id)]);
  const stored = rows.map((r) => storedOf(r));
  const person = await peopleWithPresence(ctx, stored.flatMap(peopleOf));
  return rows.map((row, i) => {
    const t = stored[i] as StoredTopic;
    const now = contactNow(t, holidays, at);
    const o = t.outOfHours;
    const local = DateTime.fromJSDate(at, { zone: t.timeZone });
    return {
      id: row.id,
      title: t.title,
      description: t.description,
      keywords: t.keywords,
      responsible: person(t.responsibleId),
      deputy: person(t.deputyId),
      timeZone: t.timeZone,
      businessHours: t.businessHours,
      chain: t.chain.map((c, k) => ({ level: k + 1, person: person(c.userId), condition: c.condition })),
      ackTimeoutMinutes: t.ackTimeoutMinutes,
      outOfHours:
        o.kind === 'on_call'
          ? { kind: 'on_call' as const, person: person(o.userId) }
          : o.kind === 'rota'
            ? {
                kind: 'rota' as const,
                people: o.userIds.map((id) => person(id)).filter((p): p is EscalationPerson => p !== null),
                startWeek: o.startWeek,
                currentIndex: rotaIndex(o.startWeek, local, o.userIds.length),
              }
            : { kind: 'next_business_day' as const },
      now: {
        at: at.toISOString(),
        inHours: now.inHours,
        contact: person(now.contact),
        deputy: person(now.deputy),
        via: now.via,
        nextOpening: now.nextOpening,
        holiday: now.holiday,
      },
      version: row.version,
      archivedAt: row.archived_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      abilities: abilities(actor, topicFacts(row, editor), {
        update: 'escalationTopic.update',
        archive: 'escalationTopic.archive',
        escalate: 'escalationTopic.escalate',
      }),
    };
  });
}

export async function presentVersions(db: Executor, rows: repo.VersionRow[]): Promise<EscalationTopicVersion[]> {
  const people = await users.findByIds(
    db,
    rows.map((r) => r.author_id).filter((x): x is string => Boolean(x)),
  );
  return rows.map((r) => {
    const author = r.author_id ? people.get(r.author_id) : undefined;
    return {
      id: r.id,
      version: r.version,
      author: author ? presentSummary(author) : null,
      createdAt: r.created_at,
      summary: r.summary,
      changes: JSON.parse(r.changes) as EscalationTopicVersion['changes'],
      snapshot: JSON.parse(r.snapshot) as Record<string, unknown>,
    };
  });
}

export function escalationFacts(row: repo.EscalationRow): EscalationFacts {
  return { raiserId: row.raiser_id, chainIds: JSON.parse(row.chain_ids) as string[], level: row.level, status: row.status };
}

/** Escalations with topic title, people, the step log and whether the viewer may acknowledge. */
export async function presentEscalations(ctx: AppContext, actor: Actor, rows: repo.EscalationRow[]): Promise<Escalation[]> {
  const db = ctx.db.db;
  const [topics, steps] = await Promise.all([
    repo.findTopics(
      db,
      rows.map((r) => r.topic_id),
    ),
    repo.stepsOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const ids = rows.flatMap((r) => [r.raiser_id, r.assignee_id, r.acknowledged_by, ...(steps.get(r.id) ?? []).map((s) => s.user_id)]);
  const person = await peopleWithPresence(
    ctx,
    ids.filter((x): x is string => Boolean(x)),
  );
  const summary = (id: string | null) => {
    const p = person(id);
    if (!p) return null;
    const { phone: _phone, email: _email, presence: _presence, ...rest } = p;
    return rest;
  };
  return rows.map((r) => {
    const facts = escalationFacts(r);
    return {
      id: r.id,
      topic: { id: r.topic_id, title: topics.get(r.topic_id)?.title ?? '' },
      message: r.message,
      raiser: summary(r.raiser_id),
      status: r.status,
      level: r.level,
      levels: facts.chainIds.length,
      assignee: person(r.assignee_id),
      outOfHours: r.out_of_hours === 1,
      via: r.via,
      nextOpening: r.next_opening,
      escalatesAt: r.escalates_at,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: summary(r.acknowledged_by),
      conversationId: r.conversation_id,
      steps: (steps.get(r.id) ?? []).map((s) => ({ kind: s.kind, level: s.level, user: summary(s.user_id), at: s.at })),
      createdAt: r.created_at,
      abilities: { acknowledge: r.status !== 'acknowledged' && can(actor, 'escalation.acknowledge', facts) },
    };
  });
}

import type { Db, Executor, Tx } from './db/index.js';
import { newId, now } from './ids.js';
import { enqueue } from './jobs.js';
import { logger } from './logger.js';
import { Pump } from './pump.js';

/** A domain event, named in the past tense (`user.created`). */
export interface DomainEvent<P = Record<string, unknown>> {
  type: string;
  actorId?: string | null;
  subjectId?: string | null;
  payload?: P;
}

export interface StoredEvent {
  id: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type EventHandler = (event: StoredEvent) => Promise<void>;

/** Event type → job kinds enqueued with every such event (`{eventId}`), in the event's own transaction. */
const eventJobs = new Map<string, Set<string>>();

/**
 * Declares that every event of `type` also makes a durable job of `jobKind` (payload `{eventId}`), enqueued
 * in the same transaction as the event: the work it stands for (notifications, e-mails) is never lost
 * and never done for a rolled-back write. Declared once, at module load.
 */
export function enqueueWithEvent(type: string, jobKind: string): void {
  const kinds = eventJobs.get(type) ?? new Set<string>();
  kinds.add(jobKind);
  eventJobs.set(type, kinds);
}

/**
 * Appends an event to the outbox inside the caller's transaction. Handlers run only after commit,
 * so nothing is pushed, mailed or indexed for a rolled-back write.
 */
export async function appendEvent(tx: Tx, event: DomainEvent, dispatcher?: OutboxDispatcher): Promise<string> {
  const id = newId();
  await tx.db
    .insertInto('outbox_events')
    .values({
      id,
      type: event.type,
      actor_id: event.actorId ?? null,
      subject_id: event.subjectId ?? null,
      payload: JSON.stringify(event.payload ?? {}),
      created_at: now(),
      processed_at: null,
    })
    .execute();
  for (const kind of eventJobs.get(event.type) ?? []) await enqueue(tx.db, kind, { eventId: id });
  if (dispatcher) tx.onCommit(() => dispatcher.kick());
  return id;
}

/**
 * Delivers committed outbox events to their handlers, in order, at least once.
 * On PostgreSQL several instances may run it: rows are claimed with FOR UPDATE SKIP LOCKED.
 */
export class OutboxDispatcher {
  private readonly handlers = new Map<string, EventHandler[]>();
  private readonly pump = new Pump(() => this.drain(), logger('outbox'), 'outbox dispatch');

  constructor(private readonly db: Db) {}

  on(type: string, handler: EventHandler): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler);
    this.handlers.set(type, list);
  }

  private pruneTimer: NodeJS.Timeout | null = null;

  start(intervalMs = 1000): void {
    this.pump.start(intervalMs);
    this.pruneTimer = setInterval(() => {
      this.prune().catch(() => undefined);
    }, 3600_000);
    this.pruneTimer.unref();
  }

  stop(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    return this.pump.stop();
  }

  /** Delivered events are kept a week (real-time replay needs 24 h), then dropped. */
  async prune(keepMs = 7 * 24 * 3600_000): Promise<number> {
    const before = new Date(Date.now() - keepMs).toISOString();
    const r = await this.db.db.deleteFrom('outbox_events').where('processed_at', 'is not', null).where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Asks for a round soon; concurrent requests coalesce. */
  kick(): void {
    this.pump.kick();
  }

  /** Processes every pending event; returns how many. Exposed for tests. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        let q = tx.db.selectFrom('outbox_events').selectAll().where('processed_at', 'is', null).orderBy('id').limit(100);
        if (tx.dialect === 'pg') q = q.forUpdate().skipLocked();
        const rows = await q.execute();
        for (const row of rows) {
          const event: StoredEvent = {
            id: row.id,
            type: row.type,
            actorId: row.actor_id,
            subjectId: row.subject_id,
            payload: JSON.parse(row.payload) as Record<string, unknown>,
            createdAt: row.created_at,
          };
          for (const handler of this.handlers.get(row.type) ?? []) await handler(event);
          await markProcessed(tx.db, row.id);
        }
        return rows.length;
      });
      total += n;
      if (n < 100) return total;
    }
  }
}

async function markProcessed(db: Executor, id: string): Promise<void> {
  await db.updateTable('outbox_events').set({ processed_at: now() }).where('id', '=', id).execute();
}

import os from 'node:os';
import type { Db, Executor } from './db/index.js';
import { addMs, newId, now } from './ids.js';
import { logger } from './logger.js';
import { Pump } from './pump.js';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/** Adds a durable job; call inside the transaction that makes it necessary. */
export async function enqueue(
  db: Executor,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: string; maxAttempts?: number } = {},
): Promise<string> {
  const id = newId();
  await db
    .insertInto('jobs')
    .values({
      id,
      kind,
      payload: JSON.stringify(payload),
      run_at: options.runAt ?? now(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? 8,
      locked_by: null,
      locked_until: null,
      last_error: null,
      done_at: null,
      failed_at: null,
      created_at: now(),
    })
    .execute();
  return id;
}

const LOCK_MS = 5 * 60 * 1000;

/**
 * Works due jobs from the jobs table. Each job is claimed with a lease (`locked_until`), so a crashed
 * worker's job is retried after the lease ends; failures back off exponentially up to max_attempts.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${os.hostname()}:${process.pid}:${newId().slice(-6)}`;
  private readonly log = logger('jobs');
  private readonly pump = new Pump(() => this.drain(), this.log, 'job round');

  constructor(private readonly db: Db) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(intervalMs = 1000): void {
    this.pump.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.pump.stop();
  }

  /** Asks for a round soon; concurrent requests coalesce. */
  kick(): void {
    this.pump.kick();
  }

  private async claim(): Promise<{ id: string; kind: string; payload: string; attempts: number; max_attempts: number } | null> {
    return this.db.transaction(async (tx) => {
      const t = now();
      let q = tx.db
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
        .where('done_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('run_at', '<=', t)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', t)]))
        .orderBy('run_at')
        .limit(1);
      if (tx.dialect === 'pg') q = q.forUpdate().skipLocked();
      const job = await q.executeTakeFirst();
      if (!job) return null;
      await tx.db
        .updateTable('jobs')
        .set({ locked_by: this.workerId, locked_until: addMs(t, LOCK_MS), attempts: job.attempts + 1 })
        .where('id', '=', job.id)
        .execute();
      return { ...job, attempts: job.attempts + 1 };
    });
  }

  /** Runs every due job; returns how many ran. Exposed for tests. */
  async drain(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return count;
      count++;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(job.payload) as Record<string, unknown>);
        await this.db.db.updateTable('jobs').set({ done_at: now(), locked_until: null, last_error: null }).where('id', '=', job.id).execute();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const final = job.attempts >= job.max_attempts;
        this.log.warn({ err, jobId: job.id, kind: job.kind, attempt: job.attempts, final }, 'job failed');
        await this.db.db
          .updateTable('jobs')
          .set({
            last_error: message.slice(0, 2000),
            locked_until: null,
            run_at: addMs(now(), Math.min(2 ** job.attempts * 1000, 60 * 60 * 1000)),
            failed_at: final ? now() : null,
          })
          .where('id', '=', job.id)
          .execute();
      }
    }
  }
}

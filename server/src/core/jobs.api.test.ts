import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { addMs, now } from './ids.js';
import { enqueue, JobWorker } from './jobs.js';
import { appendEvent } from './outbox.js';

describe('durable jobs and the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('retries a failing job with back-off and gives up after max_attempts', async () => {
    let calls = 0;
    t.ctx.jobs.register('test.flaky', async () => {
      calls++;
      throw new Error('SMTP server said no');
    });
    const id = await enqueue(t.ctx.db.db, 'test.flaky', {}, { maxAttempts: 2 });
    await t.ctx.jobs.drain();
    let row = await t.ctx.db.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(calls).toBe(1);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('SMTP server said no');
    expect(row.failed_at).toBeNull();
    expect(row.run_at > now()).toBe(true);

    // Not due yet: nothing runs.
    await t.ctx.jobs.drain();
    expect(calls).toBe(1);

    await t.ctx.db.db.updateTable('jobs').set({ run_at: now() }).where('id', '=', id).execute();
    await t.ctx.jobs.drain();
    row = await t.ctx.db.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(calls).toBe(2);
    expect(row.failed_at).not.toBeNull();
  });

  it('lets two workers share one queue without running a job twice (cluster mode: FOR UPDATE SKIP LOCKED)', async () => {
    const runs: string[] = [];
    const handler = async (payload: Record<string, unknown>) => {
      await new Promise((r) => setTimeout(r, 2));
      runs.push(String(payload.n));
    };
    const other = new JobWorker(t.ctx.db);
    t.ctx.jobs.register('test.shared', handler);
    other.register('test.shared', handler);
    for (let n = 0; n < 40; n++) await enqueue(t.ctx.db.db, 'test.shared', { n });
    const [a, b] = await Promise.all([t.ctx.jobs.drain(), other.drain()]);
    expect(a + b).toBe(40);
    expect(runs.length).toBe(40);
    expect(new Set(runs).size).toBe(40);
  });

  it('takes over a job whose worker died (its lease ran out)', async () => {
    const seen: unknown[] = [];
    t.ctx.jobs.register('test.ok', async (payload) => {
      seen.push(payload);
    });
    const id = await enqueue(t.ctx.db.db, 'test.ok', { n: 1 });
    // A worker claimed it, then crashed: the lease is still running, so nobody else takes it.
    await t.ctx.db.db
      .updateTable('jobs')
      .set({ locked_by: 'dead-worker', locked_until: addMs(now(), 60_000), attempts: 1 })
      .where('id', '=', id)
      .execute();
    await t.ctx.jobs.drain();
    expect(seen).toEqual([]);
    // The lease ends: the job runs once, and is done.
    await t.ctx.db.db
      .updateTable('jobs')
      .set({ locked_until: addMs(now(), -1) })
      .where('id', '=', id)
      .execute();
    await t.ctx.jobs.drain();
    expect(seen).toEqual([{ n: 1 }]);
    const row = await t.ctx.db.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.done_at).not.toBeNull();
  });

  it('delivers outbox events only after commit, never for a rolled-back write', async () => {
    const delivered: string[] = [];
    t.ctx.outbox.on('test.happened', async (e) => {
      delivered.push(String(e.payload.what));
    });
    await t.ctx.db.transaction(async (tx) => {
      await appendEvent(tx, { type: 'test.happened', payload: { what: 'committed' } });
    });
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await appendEvent(tx, { type: 'test.happened', payload: { what: 'rolled back' } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await t.ctx.outbox.drain();
    expect(delivered).toEqual(['committed']);
    await t.ctx.outbox.drain();
    expect(delivered).toEqual(['committed']);
  });
});

import { enqueue } from '../../core/jobs.js';
import { now } from '../../core/ids.js';
import { appendEvent } from '../../core/outbox.js';
import type { AppContext } from '../../context.js';
import { instanceOf } from './presenter.js';
import * as repo from './repository.js';
import { occurrencesOf } from './time.js';

export const EVENT_REMINDER_TICK_JOB = 'events.reminder_tick';
const TICK_MS = 5 * 60_000;
const MAX_REMINDER_MS = 7 * 24 * 3600_000;

/**
 * Reminds those going (and maybe) to each occurrence starting within its reminder window — exactly once
 * per occurrence, whichever instance runs the tick: a row in event_reminders (unique per occurrence) is
 * the claim, written in the same transaction as the outbox event that notifies. A late tick still
 * reminds, as long as the occurrence has not started. Returns how many occurrences it reminded of.
 */
export async function runReminders(ctx: AppContext, at: Date = new Date()): Promise<number> {
  const db = ctx.db.db;
  const t = at.toISOString();
  const horizon = new Date(at.getTime() + MAX_REMINDER_MS).toISOString();
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('cancelled_at', 'is', null)
    .where('reminder_minutes', 'is not', null)
    .where('starts_at', '<=', horizon)
    .where((eb) => eb.or([eb('starts_at', '>', t), eb('recurrence', 'is not', null)]))
    .execute();
  const overrides = await repo.overridesOf(
    db,
    rows.filter((r) => r.recurrence).map((r) => r.id),
  );
  let sent = 0;
  for (const row of rows) {
    const window = new Date(at.getTime() + (row.reminder_minutes ?? 0) * 60_000).toISOString();
    const due = occurrencesOf(row, t, new Date(Date.parse(window) + 1).toISOString(), 50)
      .map((o) => instanceOf(row, o, overrides.get(row.id)?.get(o.occurrence)))
      .filter((i) => i.cancelledAt === null && i.startsAt > t && i.startsAt <= window);
    for (const i of due) {
      const claimed = await ctx.db.transaction(async (tx) => {
        const r = await tx.db
          .insertInto('event_reminders')
          .values({ event_id: row.id, occurrence: i.occurrence, sent_at: now() })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        await appendEvent(
          tx,
          {
            type: 'event.reminder',
            subjectId: row.id,
            payload: { occurrence: i.occurrence, startsAt: i.startsAt, groupId: row.group_id, audience: row.audience },
          },
          ctx.outbox,
        );
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}

/** The tick: reminders now, and the next tick in five minutes. */
export async function reminderTick(ctx: AppContext): Promise<void> {
  await runReminders(ctx);
  await scheduleReminderTick(ctx);
}

/** Makes sure one tick is waiting (at start-up and after each tick). */
export async function scheduleReminderTick(ctx: AppContext): Promise<void> {
  const waiting = await ctx.db.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', EVENT_REMINDER_TICK_JOB)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('locked_by', 'is', null)
    .executeTakeFirst();
  if (waiting) return;
  await enqueue(ctx.db.db, EVENT_REMINDER_TICK_JOB, {}, { runAt: new Date(Math.ceil((Date.now() + 1) / TICK_MS) * TICK_MS).toISOString() });
}

import type { Event } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { type Actor, can } from '../../core/policy/index.js';
import type { EventFacts } from './policy.js';
import { factsOf, type Instance, presentInstances } from './presenter.js';
import * as repo from './repository.js';
import { defaultInstance } from './service.js';

/**
 * The events announced by these posts, as this reader sees them (batch-loaded; called by the feed's
 * presenter). A recurring event shows its next occurrence.
 */
export async function eventsForPosts(db: Executor, actor: Actor, postIds: string[]): Promise<Map<string, Event>> {
  const rows = await repo.eventsByPostIds(db, postIds);
  if (rows.length === 0) return new Map();
  const facts = await factsOf(db, actor, rows);
  const visible = rows.filter((r) => can(actor, 'event.read', facts.get(r.id) as EventFacts));
  const overrides = await repo.overridesOf(
    db,
    visible.map((r) => r.id),
  );
  const instances: Instance[] = visible.map((row) => defaultInstance(row, overrides.get(row.id)));
  const events = await presentInstances(db, actor, instances);
  return new Map(events.flatMap((e, i) => (visible[i]?.post_id ? [[visible[i].post_id, e] as const] : [])));
}

import type { Event } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import type { Actor } from '../../core/policy/index.js';

/** The events announced by these posts, as this reader sees them (batch-loaded; called by the feed's presenter). */
export async function eventsForPosts(_db: Executor, _actor: Actor, _postIds: string[]): Promise<Map<string, Event>> {
  return new Map();
}

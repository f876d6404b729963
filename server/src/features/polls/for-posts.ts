import type { Poll } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import type { Actor } from '../../core/policy/index.js';

/** The polls of these posts, as this reader sees them (batch-loaded; called by the feed's presenter). */
export async function pollsForPosts(_db: Executor, _actor: Actor, _postIds: string[]): Promise<Map<string, Poll>> {
  return new Map();
}

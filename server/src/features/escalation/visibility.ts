import type { Executor } from '../../core/db/index.js';
import { type Actor, can } from '../../core/policy/index.js';
import './policy.js';
import * as repo from './repository.js';

/**
 * Topic titles of the escalations the actor may read now (raiser, anyone in its chain, admins): the bell
 * and the e-mail show a notification only while this holds. Kept apart from the service, so the
 * notifications feature imports no chat or mail code through it.
 */
export async function visibleEscalationTitles(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('escalations')
    .select(['id', 'topic_id', 'raiser_id', 'chain_ids', 'level', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const topics = await repo.findTopics(
    db,
    rows.map((r) => r.topic_id),
  );
  for (const r of rows) {
    const facts = { raiserId: r.raiser_id, chainIds: JSON.parse(r.chain_ids) as string[], level: r.level, status: r.status };
    if (can(actor, 'escalation.read', facts)) out.set(r.id, topics.get(r.topic_id)?.title ?? '');
  }
  return out;
}

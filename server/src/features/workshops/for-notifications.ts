import type { Executor } from '../../core/db/index.js';
import type { Actor } from '../../core/policy/index.js';

/**
 * The titles of the sessions the person runs or takes part in, among `ids` (for the bell and e-mails:
 * checked when shown, so a deleted session or a removed participant takes the notification with it).
 * Admins are not included: a session's notifications are for the people in it.
 */
export async function visibleWorkshopTitles(db: Executor, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || actor.role === 'guest') return new Map();
  const rows = await db
    .selectFrom('workshop_sessions as s')
    .select(['s.id', 's.title'])
    .where('s.id', 'in', unique)
    .where((eb) =>
      eb.or([
        eb('s.facilitator_id', '=', actor.id),
        eb.exists(eb.selectFrom('workshop_participants as p').select('p.user_id').whereRef('p.session_id', '=', 's.id').where('p.user_id', '=', actor.id)),
      ]),
    )
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

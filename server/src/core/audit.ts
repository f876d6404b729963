import type { Executor } from './db/index.js';
import { newId, now } from './ids.js';

/** Records an admin or security event (who did what to whom). Never include secrets in details. */
export async function audit(
  db: Executor,
  entry: { actorId: string | null; action: string; targetType?: string; targetId?: string; details?: Record<string, unknown>; ip?: string | null },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
      created_at: now(),
    })
    .execute();
}

import type { StoredEvent } from '../../core/outbox.js';
import type { NotificationDraft } from '../notifications/registry.js';
import { notifyOn, onlyThoseWho } from '../notifications/registry.js';

/**
 * The urgent notification (type `escalation`, texts: locales/*\/notifications.json and mail.json →
 * notification): the person of the level an escalation is raised or escalated to. One row per level
 * (never folded into an older one), always in the app and mailed at once (registry URGENT_TYPES).
 */
function assigneeDraft(event: StoredEvent): NotificationDraft[] {
  const p = event.payload;
  if (p.notify !== true || typeof p.assigneeId !== 'string' || !event.subjectId) return [];
  const level = typeof p.level === 'number' ? p.level : 1;
  return [
    {
      userId: p.assigneeId,
      type: 'escalation',
      groupKey: `escalation:${event.subjectId}:${level}`,
      target: { kind: 'escalation', id: event.subjectId },
      detail: String(level),
    },
  ];
}

// The assignee is in the escalation's chain, so may read it; only active people are kept.
notifyOn('escalation.raised', async (db, event) => onlyThoseWho(db, assigneeDraft(event), async () => true));
notifyOn('escalation.escalated', async (db, event) => onlyThoseWho(db, assigneeDraft(event), async () => true));

/** Loaded for its declarations. */
export const escalationNotifications = true;

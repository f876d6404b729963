import type { NotificationDraft } from '../notifications/registry.js';
import { notifyOn, onlyThoseWho } from '../notifications/registry.js';
import { visibleWorkshopTitles } from './for-notifications.js';

/**
 * What workshops notify about (texts: locales/*\/notifications.json and mail.json → notification): the
 * invitation to a session, to the invited participants only — never the facilitator, never anyone else.
 * The notification names the session's title; never a role or a briefing.
 */
notifyOn('workshop.session_created', async (db, event) => {
  const sessionId = event.subjectId;
  const invitees = Array.isArray(event.payload.invitees) ? event.payload.invitees.filter((x): x is string => typeof x === 'string') : [];
  if (!sessionId || invitees.length === 0) return [];
  const drafts: NotificationDraft[] = invitees.map((userId) => ({
    userId,
    type: 'workshop_invitation',
    groupKey: `workshop_invitation:${sessionId}`,
    target: { kind: 'workshop', id: sessionId },
  }));
  return onlyThoseWho(db, drafts, async (actor) => (await visibleWorkshopTitles(db, actor, [sessionId])).has(sessionId));
});

/** Loaded for its declarations. */
export const workshopNotifications = true;

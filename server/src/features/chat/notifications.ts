import { notifyOn } from '../notifications/registry.js';

/**
 * Chat messages are mailed to people who did not read them: one row per person and conversation (not in
 * the bell — the chat has its own badges), its first e-mail due 15 minutes later (FIRST_EMAIL_DELAY_MS),
 * sent only if the person is offline then and the conversation still unread and not muted.
 */
notifyOn('message.created', async (db, event, ctx) => {
  const conversationId = event.subjectId;
  const message = event.payload.message as { system?: unknown } | undefined;
  if (!conversationId || !message || message.system) return [];
  const members = await db
    .selectFrom('conversation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.conversation_id', '=', conversationId)
    .where('m.muted', '=', 0)
    .where('u.status', '=', 'active')
    .execute();
  const ids = members.map((m) => m.user_id).filter((id) => id !== event.actorId);
  // Someone connected right now reads it in the app; they are asked again when the e-mail would be due.
  const status = ctx.realtime ? await ctx.realtime.presence.status(ids) : new Map<string, string>();
  return ids
    .filter((id) => (status.get(id) ?? 'offline') === 'offline')
    .map((userId) => ({
      userId,
      type: 'chat_message' as const,
      groupKey: `chat:${conversationId}`,
      target: { kind: 'conversation' as const, id: conversationId },
    }));
});

/** Loaded for its declarations. */
export const chatNotifications = true;

import type { Conversation, Message } from '@innenhof/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCK_MAX, dockAvailable, dockWindows, openDockWindow } from '../../../lib/chat-dock.ts';
import { mayNotify } from '../../../lib/chat-notifications.ts';
import { type RealtimeMessage, subscribeRealtime } from '../../../lib/realtime.ts';
import { conversationQueryOptions } from '../api/get-conversation.ts';
import { conversationTitle } from '../components/conversation-info.ts';

function isMessage(data: unknown): data is Message {
  const m = data as Partial<Message> | null;
  return Boolean(m && typeof m.id === 'string' && typeof m.conversationId === 'string' && typeof m.body === 'string');
}

/** Plain text for a notification: markdown marks dropped, whitespace folded, cut at ~120 characters. */
function excerpt(body: string): string {
  const text = body
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * What a chat message from someone else does outside its conversation: on wide screens it pops the
 * conversation's docked window up as a minimised bar with its unread count (when no window or page of it
 * is open and there is room), and while the tab is hidden it shows a browser notification (when allowed,
 * switched on and the conversation is not muted). One instance, in the shell.
 */
export function useChatAlerts(meId: string | undefined): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const router = useRouter();
  const { t } = useTranslation('dock');
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    if (!meId) return;
    const onMessage = (message: RealtimeMessage) => {
      if (message.kind !== 'event' || message.event.type !== 'message.created') return;
      const data = message.event.data;
      if (!isMessage(data) || data.system || !data.author || data.author.id === meId) return;
      const conversationId = data.conversationId;
      const pathname = router.state.location.pathname;
      const onChatPage = pathname === '/chat' || pathname.startsWith('/chat/');
      const onThisConversation = pathname === `/chat/${conversationId}`;
      void queryClient
        .fetchQuery({ ...conversationQueryOptions(conversationId), staleTime: 10_000 })
        .then((conversation: Conversation) => {
          if (conversation.muted) return;
          if (!onChatPage && dockAvailable()) {
            const windows = dockWindows(meId);
            if (!windows.some((w) => w.conversationId === conversationId) && windows.length < DOCK_MAX) {
              openDockWindow(meId, conversationId, { minimised: true });
            }
          }
          if (document.visibilityState !== 'hidden' || !mayNotify()) return;
          const tr = tRef.current;
          const first = data.attachments[0];
          const author = data.author?.name ?? '';
          const text = data.body.trim()
            ? excerpt(data.body)
            : first?.kind === 'image'
              ? tr('notifications.sentPhoto', { name: author })
              : first
                ? tr('notifications.sentFile', { name: author })
                : '';
          // Direct chats: the person is the title; group chats and rooms: the chat, and who wrote.
          const direct = conversation.kind === 'direct';
          const title = direct ? author : conversationTitle(conversation, meId);
          const body = direct || !data.body.trim() ? text : `${author}: ${text}`;
          const notification = new Notification(title, {
            body,
            tag: `innenhof-chat-${conversationId}`,
            icon: data.author?.avatar?.small ?? data.author?.initialsAvatarUrl,
          });
          notification.onclick = () => {
            window.focus();
            notification.close();
            if (!onThisConversation) void navigate({ to: '/chat/$conversationId', params: { conversationId } });
          };
        })
        .catch(() => {
          // Not readable any more (left, removed): nothing to show.
        });
    };
    return subscribeRealtime(onMessage);
  }, [meId, queryClient, navigate, router]);
}

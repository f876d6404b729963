import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { connectRealtime, disconnectRealtime, type RealtimeMessage, subscribeRealtime } from '../lib/realtime.ts';
import { sessionKeys } from '../lib/session.ts';

/** Which cached answers an event makes stale (the keys of the features that show them). */
function keysFor(type: string): QueryKey[] {
  if (type.startsWith('group.') || type.startsWith('member.')) return [['groups']];
  if (type.startsWith('user.')) return [['users'], sessionKeys.me];
  if (type.startsWith('message.') || type.startsWith('conversation.')) return [['chat']];
  if (type.startsWith('event.')) return [['events']];
  // Urgent escalations: the status pages, the lists and the banner of the people involved.
  if (type.startsWith('escalation.')) return [['escalation', 'cases']];
  if (type.startsWith('escalation_topic.')) return [['escalation']];
  return [];
}

/**
 * Live updates for the logged-in app: connects once per tab while `userId` is set and turns the server's
 * events into query invalidations (the pages refetch, so the server's authorization applies again).
 * Events that arrive close together are handled in one go.
 */
export function useLiveUpdates(userId: string | null | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    const pending = new Map<string, QueryKey>();
    let reloadAll = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (reloadAll) {
        reloadAll = false;
        pending.clear();
        void queryClient.invalidateQueries();
        return;
      }
      for (const queryKey of pending.values()) void queryClient.invalidateQueries({ queryKey });
      pending.clear();
    };
    const onMessage = (message: RealtimeMessage) => {
      if (message.kind === 'reload') reloadAll = true;
      else for (const key of keysFor(message.event.type)) pending.set(JSON.stringify(key), key);
      if ((reloadAll || pending.size) && !timer) timer = setTimeout(flush, 50);
    };
    const unsubscribe = subscribeRealtime(onMessage);
    connectRealtime();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      disconnectRealtime();
    };
  }, [userId, queryClient]);
}

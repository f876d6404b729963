import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeRealtime } from '../../../lib/realtime.ts';
import { workshopKeys } from './keys.ts';

/**
 * Live updates of the workshops pages: every `workshop.*` event (a new session, a state change, a stage message,
 * an inject, an exercise escalation) refetches the workshop queries, so the server's authorization applies again
 * (targeted injects and briefings are never taken from the event itself).
 */
export function useWorkshopLive(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribeRealtime((message) => {
        if (message.kind === 'reload' || message.event.type.startsWith('workshop.')) void queryClient.invalidateQueries({ queryKey: workshopKeys.all });
      }),
    [queryClient],
  );
}

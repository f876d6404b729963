import type { Locale, Me, Theme, UserProfile } from '@innenhof/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { sessionKeys } from '../../../lib/session.ts';

export interface Preferences {
  locale?: Locale | null;
  theme?: Theme;
}

/** Language and theme are saved on the user (`PATCH /users/:meId`). */
export function updatePreferences(userId: string, body: Preferences) {
  return api<UserProfile>(`/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body });
}

export function useUpdatePreferences(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Preferences) => updatePreferences(userId, body),
    onMutate: (body) => {
      // Optimistic: the choice applies at once; /me is refetched afterwards.
      queryClient.setQueryData<Me | null>(sessionKeys.me, (me) => (me ? ({ ...me, ...body } as Me) : me));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.me }),
  });
}

import type { UserSummary } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';

/** "Guest": external people are marked wherever they appear (member lists, profiles, search results). */
export function GuestBadge({ user }: { user: Pick<UserSummary, 'role'> }) {
  const { t } = useTranslation('common');
  if (user.role !== 'guest') return null;
  return <span className="badge badge--guest">{t('roles.guest')}</span>;
}

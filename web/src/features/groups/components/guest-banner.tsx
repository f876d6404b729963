import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../../components/ui/icons.tsx';

/** Shown on every tab of a group that has external guests, so nobody shares internals by mistake. */
export function GuestBanner() {
  const { t } = useTranslation('groups');
  return (
    <div className="guest-banner" role="note">
      <IconAlert width={20} height={20} />
      <span>
        {t('guestBanner.title')} <span className="guest-banner__sub">{t('guestBanner.text')}</span>
      </span>
    </div>
  );
}

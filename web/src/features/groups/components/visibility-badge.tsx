import type { GroupVisibility } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { IconEyeOff, IconGlobe, IconLock } from '../../../components/ui/icons.tsx';

const icons = { public: IconGlobe, private: IconLock, secret: IconEyeOff } as const;

/** "Public" / "Private" / "Secret", with an icon (decorative: the word carries the meaning). */
export function VisibilityBadge({ visibility }: { visibility: GroupVisibility }) {
  const { t } = useTranslation('groups');
  const Icon = icons[visibility];
  return (
    <span className="badge badge--visibility">
      <Icon width={13} height={13} className="badge__icon" /> {t(`visibility.${visibility}.label`)}
    </span>
  );
}

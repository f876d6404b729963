import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { CompleteProfileHint, WelcomeCard } from './welcome-card.tsx';

/** Home. The feed arrives in a later issue; `aside` lets the app add cards from other features (phones only). */
export function HomePage({ aside }: { aside?: ReactNode }) {
  const { t } = useTranslation('home');
  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      <WelcomeCard />
      <CompleteProfileHint />
      {aside ? <div className="mobile-only">{aside}</div> : null}
    </div>
  );
}

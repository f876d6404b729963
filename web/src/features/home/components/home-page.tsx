import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { CompleteProfileHint, WelcomeCard } from './welcome-card.tsx';

/**
 * Home. `main` (the feed) and `aside` let the app add cards from other features
 * (`aside` on phones only, the shell shows its own right column).
 */
export function HomePage({ aside, main }: { aside?: ReactNode; main?: ReactNode }) {
  const { t } = useTranslation('home');
  return (
    <div className="stack">
      <PageHeader title={t('title')} />
      <WelcomeCard />
      <CompleteProfileHint />
      {main}
      {aside ? <div className="mobile-only">{aside}</div> : null}
    </div>
  );
}

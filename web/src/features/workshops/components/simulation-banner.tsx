import { useTranslation } from 'react-i18next';

/**
 * The "Simulation / Übung" marker on every screen of a session: sticky at the top, also on phones, never
 * dismissible — nobody should take the practice brand page for a real one.
 */
export function SimulationBanner() {
  const { t } = useTranslation('workshops');
  return (
    <div className="ws-sim-banner" role="note" aria-label={t('simulation.label')}>
      <strong className="ws-sim-banner__tag">{t('simulation.tag')}</strong>
      <span>{t('simulation.text')}</span>
    </div>
  );
}

/** The state of a session as a badge. */
export function StateBadge({ state }: { state: 'draft' | 'running' | 'paused' | 'ended' }) {
  const { t } = useTranslation('workshops');
  return <span className={`badge ws-state ws-state--${state}`}>{t(`state.${state}`)}</span>;
}

import type { WorkshopSession } from '@innenhof/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshopFormat } from '../lib/format.ts';

/** The simulated clock ("Sat 22:05"): runs on from the server's answer while the session runs. */
export function SimClock({ clock, fetchedAt }: { clock: WorkshopSession['clock']; fetchedAt: number }) {
  const { t } = useTranslation('workshops');
  const format = useWorkshopFormat();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!clock.running) return;
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, [clock.running]);
  const at = clock.simulatedNow ? new Date(new Date(clock.simulatedNow).getTime() + (clock.running ? Math.max(0, now - fetchedAt) : 0)).toISOString() : null;
  return (
    <span className="ws-clock">
      <span className="ws-clock__label">{t('clock.label')}</span> <strong>{at ? format.simulated(at, clock.timeZone) : t('clock.notStarted')}</strong>
      {at ? <span className="muted"> ({clock.timeZone})</span> : null}
    </span>
  );
}

import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useSessions } from '../api/list-sessions.ts';
import { useLogoutEverywhere } from '../api/logout-everywhere.ts';
import { useRevokeSession } from '../api/revoke-session.ts';

/** "Firefox on Windows" from a user agent string; good enough to recognise one's own devices. */
function describeAgent(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

export function SessionsCard() {
  const { t } = useTranslation('settings');
  const format = useFormatters();
  const navigate = useNavigate();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const everywhere = useLogoutEverywhere();

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="card__title">
        {t('sessions.title')}
      </h2>
      <p className="muted">{t('sessions.lead')}</p>
      {sessions.isPending ? <Spinner /> : null}
      {sessions.isError ? <Alert tone="error">{errorMessage(t, sessions.error)}</Alert> : null}
      {revoke.error ? <Alert tone="error">{errorMessage(t, revoke.error)}</Alert> : null}
      {everywhere.error ? <Alert tone="error">{errorMessage(t, everywhere.error)}</Alert> : null}
      <ul className="session-list">
        {sessions.data?.items.map((session) => {
          const device = describeAgent(session.userAgent, t('sessions.unknownDevice'));
          return (
            <li key={session.id} className="session">
              <div className="session__text">
                <span className="session__device">
                  {device}
                  {session.current ? <span className="badge badge--accepted">{t('sessions.current')}</span> : null}
                </span>
                <span className="session__meta">
                  {[session.ipAddress, t('sessions.lastActive', { when: format.relative(session.lastActiveAt) })].filter(Boolean).join(' · ')}
                </span>
              </div>
              {!session.current ? (
                <button type="button" className="button button--small" disabled={revoke.isPending} onClick={() => revoke.mutate(session.id)}>
                  {t('sessions.revoke')}
                  <span className="visually-hidden">: {device}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--danger"
        disabled={everywhere.isPending}
        onClick={async () => {
          if (!window.confirm(t('sessions.everywhereConfirm'))) return;
          try {
            await everywhere.mutateAsync();
            await navigate({ to: '/login' });
          } catch {
            // Shown above.
          }
        }}
      >
        {t('sessions.everywhere')}
      </button>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useCalendarFeed, useChangeCalendarFeed } from '../api/calendar-feed.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import '../events.css';

/**
 * Settings: the personal calendar feed (a secret URL Outlook, Thunderbird and phones subscribe to). A new link
 * makes the old one stop working; "Revoke" ends it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation('events');
  const format = useEventFormat();
  const feed = useCalendarFeed();
  const change = useChangeCalendarFeed();
  const [confirm, setConfirm] = useState<null | 'rotate' | 'revoke'>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const url = feed.data?.url ?? null;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNotice(t('feed.copied'));
    } catch {
      setNotice(t('feed.copyFailed'));
    }
  };
  const run = (action: 'create' | 'revoke') => {
    setNotice(null);
    change.mutate(action, {
      onSuccess: () => {
        setConfirm(null);
        setNotice(action === 'create' ? t('feed.created') : t('feed.revoked'));
      },
    });
  };

  return (
    <section className="card calendar-feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading" className="card__title">
        {t('feed.title')}
      </h2>
      <p className="muted">{t('feed.lead')}</p>
      {feed.isError ? <Alert tone="error">{errorMessage(t, feed.error)}</Alert> : null}
      {feed.isSuccess && url ? (
        <>
          <div className="calendar-feed__url">
            <label className="field__label" htmlFor="calendar-feed-url">
              {t('feed.urlLabel')}
            </label>
            <div className="input-row">
              <input id="calendar-feed-url" className="input" readOnly value={url} onFocus={(e) => e.target.select()} />
              <button type="button" className="button" onClick={() => void copy()}>
                {t('feed.copy')}
              </button>
            </div>
            {feed.data.createdAt ? (
              <p className="field__hint">{t('feed.createdAt', { date: format.plainDate(feed.data.createdAt.slice(0, 10), { dateStyle: 'medium' }) })}</p>
            ) : null}
          </div>
          <div className="calendar-feed__actions">
            <button type="button" className="button" disabled={change.isPending} onClick={() => setConfirm('rotate')}>
              {t('feed.rotate')}
            </button>
            <button type="button" className="button button--danger" disabled={change.isPending} onClick={() => setConfirm('revoke')}>
              {t('feed.revoke')}
            </button>
          </div>
          <details className="calendar-feed__howto">
            <summary>{t('feed.howto.title')}</summary>
            <ul>
              <li>
                <strong>Outlook:</strong> {t('feed.howto.outlook')}
              </li>
              <li>
                <strong>Thunderbird:</strong> {t('feed.howto.thunderbird')}
              </li>
              <li>
                <strong>{t('feed.howto.phonesLabel')}:</strong> {t('feed.howto.phones')}
              </li>
            </ul>
            <p className="muted small">{t('feed.howto.secret')}</p>
          </details>
        </>
      ) : null}
      {feed.isSuccess && !url ? (
        <button type="button" className="button button--primary" disabled={change.isPending} onClick={() => run('create')}>
          {t('feed.create')}
        </button>
      ) : null}
      <p className="small calendar-feed__notice" role="status">
        {notice}
      </p>
      {change.isError && !confirm ? <Alert tone="error">{errorMessage(t, change.error)}</Alert> : null}
      {confirm ? (
        <Dialog open title={confirm === 'rotate' ? t('feed.rotateTitle') : t('feed.revokeTitle')} onClose={() => setConfirm(null)}>
          <p>{confirm === 'rotate' ? t('feed.rotateText') : t('feed.revokeText')}</p>
          {change.isError ? <Alert tone="error">{errorMessage(t, change.error)}</Alert> : null}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirm(null)}>
              {t('common:cancel')}
            </button>
            <button type="button" className="button button--danger" disabled={change.isPending} onClick={() => run(confirm === 'rotate' ? 'create' : 'revoke')}>
              {confirm === 'rotate' ? t('feed.rotateConfirm') : t('feed.revokeConfirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

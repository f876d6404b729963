import type { MailMessage } from '@innenhof/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useOutboxMail } from '../api/list-outbox-mail.ts';
import { MailDeliveries } from './mail-deliveries.tsx';

/** Admin → Mail: the delivery state of every e-mail, then the outbox. */
export function MailOutboxTab() {
  return (
    <div className="stack">
      <MailDeliveries />
      <MailOutbox />
    </div>
  );
}

/** Mails the app sent (or would have sent without SMTP). Shown as plain text only: the HTML is never injected. */
function MailOutbox() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const mail = useOutboxMail();
  const [open, setOpen] = useState<MailMessage | null>(null);
  const items = mail.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card stack" aria-labelledby="mail-heading">
      <div className="card__header">
        <h2 id="mail-heading" className="card__title">
          {t('mail.title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => mail.refetch()} disabled={mail.isFetching}>
          {t('mail.refresh')}
        </button>
      </div>
      <p className="muted">{t('mail.lead')}</p>
      {mail.isPending ? <Spinner /> : null}
      {mail.isError ? <Alert tone="error">{errorMessage(t, mail.error)}</Alert> : null}
      {mail.isSuccess && items.length === 0 ? <p className="muted">{t('mail.empty')}</p> : null}
      {items.length ? (
        <ul className="mail-list">
          {items.map((message) => (
            <li key={message.id}>
              <button type="button" className="mail-item" onClick={() => setOpen(message)}>
                <span className="mail-item__subject">{message.subject}</span>
                <span className="mail-item__meta">
                  {t('mail.to', { to: message.to })} · {format.dateTime(message.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {mail.hasNextPage ? (
        <button type="button" className="button" onClick={() => mail.fetchNextPage()} disabled={mail.isFetchingNextPage}>
          {t('loadMore')}
        </button>
      ) : null}
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open?.subject ?? ''} wide>
        {open ? (
          <div className="stack">
            <dl className="mail-headers">
              <dt>{t('mail.toLabel')}</dt>
              <dd>{open.to}</dd>
              <dt>{t('mail.dateLabel')}</dt>
              <dd>{format.dateTime(open.createdAt)}</dd>
            </dl>
            <pre className="mail-text">{open.text}</pre>
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}

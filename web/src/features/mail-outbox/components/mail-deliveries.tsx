import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { type DeliveryFilter, deliveryFilters, type MailDelivery, useMailDeliveries } from '../api/list-mail-deliveries.ts';
import { useRetryMailDelivery } from '../api/retry-mail-delivery.ts';
import './mail-outbox.css';

/** Every e-mail Innenhof sends, with its delivery state: waiting (retried with back-off), sent, or failed for good. */
export function MailDeliveries() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const headingId = useId();
  const filterName = useId();
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const deliveries = useMailDeliveries(filter);
  const retry = useRetryMailDelivery();
  const [done, setDone] = useState<string | null>(null);
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  function resend(delivery: MailDelivery) {
    setDone(null);
    retry.mutate(delivery.id, { onSuccess: () => setDone(t('deliveries.retried', { to: delivery.to })) });
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 id={headingId} className="card__title">
          {t('deliveries.title')}
        </h2>
        <button type="button" className="button button--small" onClick={() => deliveries.refetch()} disabled={deliveries.isFetching}>
          {t('mail.refresh')}
        </button>
      </div>
      <p className="muted">{t('deliveries.lead')}</p>
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('deliveries.filter')}</legend>
        <div className="segmented">
          {deliveryFilters.map((value) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name={filterName}
                value={value}
                checked={filter === value}
                onChange={() => {
                  setFilter(value);
                  setDone(null);
                  retry.reset();
                }}
              />
              <span>{t(`deliveries.filters.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div aria-live="polite">{done ? <Alert tone="success">{done}</Alert> : null}</div>
      {retry.isError ? <Alert tone="error">{errorMessage(t, retry.error)}</Alert> : null}
      {deliveries.isPending ? <Spinner /> : null}
      {deliveries.isError ? <Alert tone="error">{errorMessage(t, deliveries.error)}</Alert> : null}
      {deliveries.isSuccess && items.length === 0 ? <p className="muted delivery-empty">{t(`deliveries.empty.${filter}`)}</p> : null}
      {items.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className="table-wrap delivery-table-wrap" aria-label={t('deliveries.list')} tabIndex={0}>
          <table className="table delivery-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('deliveries.mail')}</th>
                <th scope="col">{t('deliveries.status')}</th>
                <th scope="col">{t('deliveries.time')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => {
                const busy = retry.isPending && retry.variables === delivery.id;
                return (
                  <tr key={delivery.id}>
                    <td className="delivery__mail">
                      <span className="delivery__to">{delivery.to}</span>
                      <span className="delivery__subject">{delivery.subject}</span>
                      {delivery.lastError ? (
                        <span className="delivery__error muted" title={delivery.lastError}>
                          {t('deliveries.lastError')}: {delivery.lastError}
                        </span>
                      ) : null}
                    </td>
                    <td className="delivery__status">
                      <span className={`badge delivery-badge delivery-badge--${delivery.status}`}>{t(`deliveries.statuses.${delivery.status}`)}</span>
                      <span className="delivery__attempts">
                        {t('deliveries.attempts')}:{' '}
                        {t('deliveries.attemptsOf', { attempts: format.number(delivery.attempts), max: format.number(delivery.maxAttempts) })}
                      </span>
                    </td>
                    <td className="delivery__time">
                      <time dateTime={delivery.createdAt}>{format.dateTime(delivery.createdAt)}</time>
                      <DeliveryWhen delivery={delivery} />
                    </td>
                    <td className="table__actions">
                      {delivery.status === 'failed' ? (
                        <button type="button" className="button button--small" disabled={busy} aria-busy={busy || undefined} onClick={() => resend(delivery)}>
                          {t('deliveries.retry')}
                          <span className="visually-hidden">: {t('deliveries.retryWhich', { subject: delivery.subject, to: delivery.to })}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {deliveries.hasNextPage ? (
        <button type="button" className="button" onClick={() => deliveries.fetchNextPage()} disabled={deliveries.isFetchingNextPage}>
          {t('loadMore')}
        </button>
      ) : null}
    </section>
  );
}

/** The status's own moment under the creation time: the next attempt, when it was sent, or when Innenhof gave up. */
function DeliveryWhen({ delivery }: { delivery: MailDelivery }) {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  let text = '';
  if (delivery.status === 'pending' && delivery.nextAttemptAt && delivery.attempts > 0) {
    text = t('deliveries.nextAttempt', { when: format.relative(delivery.nextAttemptAt) });
  } else if (delivery.status === 'sent' && delivery.sentAt) {
    text = t('deliveries.sentAt', { when: format.dateTime(delivery.sentAt) });
  } else if (delivery.status === 'failed' && delivery.failedAt) {
    text = t('deliveries.failedAt', { when: format.dateTime(delivery.failedAt) });
  }
  return text ? <span className="delivery__when muted">{text}</span> : null;
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { requestNotificationPermission, setNotificationsEnabled, useNotificationState } from '../../../lib/chat-notifications.ts';

/** Browser notifications for chat messages: the switch for this browser, and the browser's permission. */
export function NotificationsCard() {
  const { t } = useTranslation('settings');
  const state = useNotificationState();
  const hintId = useId();
  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading" className="card__title">
        {t('notifications.title')}
      </h2>
      {!state.supported ? (
        <p className="muted">{t('notifications.unsupported')}</p>
      ) : (
        <div className="stack">
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="chatNotifications"
                checked={state.enabled}
                onChange={(e) => setNotificationsEnabled(e.target.checked)}
                aria-describedby={hintId}
              />
              <span>{t('notifications.toggle')}</span>
            </label>
            <p className="field__hint" id={hintId}>
              {t('notifications.hint')}
            </p>
          </div>
          {state.enabled && state.permission === 'default' ? (
            <div>
              <button type="button" className="button button--small button--wrap" onClick={() => void requestNotificationPermission()}>
                {t('notifications.allow')}
              </button>
            </div>
          ) : null}
          {state.enabled && state.permission === 'denied' ? <p className="muted">{t('notifications.denied')}</p> : null}
        </div>
      )}
    </section>
  );
}

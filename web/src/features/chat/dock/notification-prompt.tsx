import { useTranslation } from 'react-i18next';
import { dismissNotificationPrompt, requestNotificationPermission, useNotificationState } from '../../../lib/chat-notifications.ts';

/**
 * The one-time question "Get notified about new messages?" — shown in a chat, never on page load by
 * itself; the browser's permission dialog comes only after the click. Gone once answered or dismissed.
 */
export function NotificationPrompt() {
  const { t } = useTranslation('dock');
  const state = useNotificationState();
  if (!state.supported || state.permission !== 'default' || !state.enabled || state.promptDone) return null;
  return (
    <div className="notification-prompt" role="note">
      <span className="notification-prompt__text">{t('notifications.prompt')}</span>
      <span className="notification-prompt__actions">
        <button type="button" className="button button--small button--primary" onClick={() => void requestNotificationPermission()}>
          {t('notifications.allow')}
        </button>
        <button type="button" className="button button--small" onClick={dismissNotificationPrompt}>
          {t('notifications.notNow')}
        </button>
      </span>
    </div>
  );
}

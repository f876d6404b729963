import type { EmailChannel, GroupPostsSetting, NotificationChannelSetting, UpdateNotificationSettings } from '@innenhof/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { SelectField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useNotificationSettings, useUpdateNotificationSettings } from '../api/notification-settings.ts';
import './notifications.css';

const emailChannels: EmailChannel[] = ['immediately', 'daily', 'weekly', 'off'];
const groupChoices: GroupPostsSetting[] = ['all', 'important', 'off'];

/** The browser's list of IANA zones (the current one always included). */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}
const pauseDays = [1, 3, 7, 14, 30];
/** Never in the bell (the chat has its own badges): only the e-mail channel is a choice. */
const emailOnly = new Set<string>(['chat_message']);

/**
 * Settings → Notifications: per type in the app (on/off) and by e-mail (immediately, digests, off), per group
 * which new posts notify, and a pause for e-mails. Every change is saved at once.
 */
export function NotificationSettingsCard() {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const id = useId();
  const save = (body: UpdateNotificationSettings) => update.mutate(body);
  const status = update.isPending ? t('settings.saving') : update.isError ? t('settings.error') : update.isSuccess ? t('settings.saved') : '';

  return (
    <section className="card notification-settings" aria-labelledby={`${id}-title`}>
      <div className="notification-settings__head">
        <h2 id={`${id}-title`} className="card__title">
          {t('settings.title')}
        </h2>
        <p className={`small notification-settings__status${update.isError ? ' notification-settings__status--error' : ''}`} role="status">
          {status}
        </p>
      </div>
      <p className="muted">{t('settings.lead')}</p>
      {settings.isPending ? (
        <Spinner />
      ) : settings.isError ? (
        <Alert tone="error">{t('settings.loadError')}</Alert>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table notification-settings__table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.type')}</th>
                  <th scope="col" id={`${id}-app`}>
                    {t('settings.inApp')}
                  </th>
                  <th scope="col" id={`${id}-email`}>
                    {t('settings.email')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {settings.data.types.map((row) => (
                  <TypeRow key={row.type} row={row} baseId={id} onChange={(change) => save({ types: [{ type: row.type, ...change }] })} />
                ))}
              </tbody>
            </table>
          </div>

          <h3 className="notification-settings__subtitle">{t('settings.groups.title')}</h3>
          {settings.data.groups.length === 0 ? (
            <p className="muted">{t('settings.groups.none')}</p>
          ) : (
            <>
              <p className="muted small">{t('settings.groups.lead')}</p>
              <div className="notification-settings__groups">
                {settings.data.groups.map((group) => (
                  <SelectField
                    key={group.groupId}
                    label={group.name}
                    value={group.posts}
                    onChange={(event) => save({ groups: [{ groupId: group.groupId, posts: event.target.value as GroupPostsSetting }] })}
                  >
                    {groupChoices.map((choice) => (
                      <option key={choice} value={choice}>
                        {t(`settings.groups.${choice}`)}
                      </option>
                    ))}
                  </SelectField>
                ))}
              </div>
            </>
          )}

          <h3 className="notification-settings__subtitle">{t('settings.pause.title')}</h3>
          {settings.data.emailPausedUntil ? (
            <div className="notification-settings__paused">
              <p>{t('settings.pause.pausedUntil', { date: format.dateTime(settings.data.emailPausedUntil) })}</p>
              <button type="button" className="button" disabled={update.isPending} onClick={() => save({ pauseEmailDays: 0 })}>
                {t('settings.pause.resume')}
              </button>
            </div>
          ) : (
            <SelectField
              label={t('settings.pause.label')}
              fieldClassName="notification-settings__pause"
              value=""
              onChange={(event) => {
                const days = Number(event.target.value);
                if (days > 0) save({ pauseEmailDays: days });
              }}
            >
              <option value="">{t('settings.pause.choose')}</option>
              {pauseDays.map((days) => (
                <option key={days} value={days}>
                  {t('settings.pause.days', { count: days })}
                </option>
              ))}
            </SelectField>
          )}

          <h3 className="notification-settings__subtitle">{t('settings.timeZone.title')}</h3>
          <p className="muted small">{t('settings.timeZone.lead')}</p>
          <SelectField label={t('settings.timeZone.label')} value={settings.data.timeZone} onChange={(event) => save({ timeZone: event.target.value })}>
            {timeZones(settings.data.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </section>
  );
}

/** One type: the row header names it; each control is labelled by the row and its column (a visible label on phones). */
function TypeRow({
  row,
  baseId,
  onChange,
}: {
  row: NotificationChannelSetting;
  baseId: string;
  onChange: (change: { inApp?: boolean; email?: EmailChannel }) => void;
}) {
  const { t } = useTranslation('notifications');
  const rowId = `${baseId}-${row.type}`;
  const inAppOptional = !emailOnly.has(row.type);
  return (
    <tr>
      <th scope="row" id={rowId} className="notification-settings__type">
        {t(`types.${row.type}` as 'types.mention')}
      </th>
      <td>
        {inAppOptional ? (
          <span className="notification-settings__cell">
            <input
              type="checkbox"
              id={`${rowId}-app`}
              checked={row.inApp}
              aria-labelledby={`${rowId} ${rowId}-app-label`}
              onChange={(event) => onChange({ inApp: event.target.checked })}
            />
            <span id={`${rowId}-app-label`} className="notification-settings__cell-label">
              {t('settings.inApp')}
            </span>
          </span>
        ) : (
          <span className="muted small" title={t('settings.emailOnly')}>
            <span className="notification-settings__dash" aria-hidden="true">
              –
            </span>
            {/* Read out everywhere, visible on phones where the table becomes a list. */}
            <span className="notification-settings__cell-label">{t('settings.emailOnly')}</span>
          </span>
        )}
      </td>
      <td>
        <span className="notification-settings__cell">
          <span id={`${rowId}-email-label`} className="notification-settings__cell-label">
            {t('settings.email')}
          </span>
          <select
            className="input input--select"
            value={row.email}
            aria-labelledby={`${rowId} ${rowId}-email-label`}
            onChange={(event) => onChange({ email: event.target.value as EmailChannel })}
          >
            {emailChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`settings.emailOptions.${channel}`)}
              </option>
            ))}
          </select>
        </span>
      </td>
    </tr>
  );
}

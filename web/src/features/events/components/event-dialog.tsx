import { type CreateEvent, type Event, EventLimits, Limits, type PostAttachment, type UpdateEvent, type UserSummary } from '@innenhof/contract';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { IconImage } from '../../../components/ui/icons.tsx';
import { FileInput, UploadPreviews } from '../../../components/upload-previews.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useCompany, useMe } from '../../../lib/session.ts';
import { uploadFile } from '../../../lib/upload-file.ts';
import { useUploads } from '../../../lib/use-uploads.ts';
import { useCreateEvent, useUpdateEvent } from '../api/event-actions.ts';
import { useMyGroups } from '../api/my-groups.ts';
import { useViewerTimeZone } from '../api/viewer-time-zone.ts';
import { useEventFormat } from '../lib/use-event-format.ts';
import { addMinutes, localInputs, minutesBetween, timeZones, todayIn, weekdayIndex } from '../lib/time.ts';

type Repeat = 'none' | 'daily' | 'weekly' | 'monthly' | 'custom';
const reminderChoices = ['none', '15', '60', '1440'] as const;
const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Which of the simple choices an RRULE is (anything else is shown as custom text). */
function repeatOf(rule: string | null, startDate: string): Repeat {
  if (!rule) return 'none';
  if (rule === 'FREQ=DAILY') return 'daily';
  if (rule === 'FREQ=MONTHLY') return 'monthly';
  if (rule === `FREQ=WEEKLY;BYDAY=${weekdayCodes[weekdayIndex(startDate)]}` || rule === 'FREQ=WEEKLY') return 'weekly';
  return 'custom';
}

function ruleOf(repeat: Repeat, custom: string, startDate: string): string | null {
  switch (repeat) {
    case 'none':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${weekdayCodes[weekdayIndex(startDate)]}`;
    case 'monthly':
      return 'FREQ=MONTHLY';
    case 'custom':
      return custom.trim().replace(/^RRULE:/i, '') || null;
  }
}

interface Form {
  title: string;
  description: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  audience: string;
  invited: UserSummary[];
  capacity: string;
  reminder: (typeof reminderChoices)[number] | string;
  repeat: Repeat;
  customRule: string;
}

function initialForm(event: Event | undefined, lunch: boolean, zone: string, t: (key: string) => string): Form {
  if (event) {
    const start = event.allDay && event.startDate ? { date: event.startDate, time: '' } : localInputs(event.startsAt, event.timeZone);
    const end = event.allDay && event.endDate ? { date: event.endDate, time: '' } : localInputs(event.endsAt, event.timeZone);
    return {
      title: event.title,
      description: event.description,
      allDay: event.allDay,
      startDate: start.date,
      startTime: start.time || '12:00',
      endDate: end.date,
      endTime: end.time || '13:00',
      timeZone: event.timeZone,
      location: event.location ?? '',
      onlineUrl: event.onlineUrl ?? '',
      audience: event.audience.kind === 'group' ? (event.audience.group?.id ?? 'company') : event.audience.kind,
      invited: [],
      capacity: event.capacity ? String(event.capacity) : '',
      reminder: event.reminderMinutes === null ? 'none' : String(event.reminderMinutes),
      repeat: repeatOf(event.recurrence, start.date),
      customRule: event.recurrence ?? '',
    };
  }
  const today = todayIn(zone);
  // A new event: the next full hour, one hour long; "Lunch today": 12:00–13:00 in the canteen.
  const now = localInputs(new Date(Date.now() + 60 * 60_000).toISOString(), zone);
  const startTime = lunch ? '12:00' : `${now.time.slice(0, 2)}:00`;
  const startDate = lunch ? today : now.date;
  const end = addMinutes(startDate, startTime, 60);
  return {
    title: lunch ? t('lunch.title') : '',
    description: '',
    allDay: false,
    startDate,
    startTime,
    endDate: end.date,
    endTime: end.time,
    timeZone: zone,
    location: lunch ? t('lunch.location') : '',
    onlineUrl: '',
    audience: 'company',
    invited: [],
    capacity: '',
    reminder: '60',
    repeat: 'none',
    customRule: '',
  };
}

/**
 * Create or edit an event. "Lunch today" opens it filled in (today 12:00–13:00, the canteen). The end follows
 * the start (one hour later) until it is changed by hand. The server's 400 is shown at the field it names.
 */
export function EventDialog({
  event,
  occurrence,
  lunch,
  onClose,
  onSaved,
}: {
  event?: Event;
  /** Editing one occurrence of a recurring event: the choice "this one / all" is offered. */
  occurrence?: string | null;
  lunch?: boolean;
  onClose: () => void;
  onSaved: (event: Event) => void;
}) {
  const { t } = useTranslation('events');
  const me = useMe();
  const zone = useViewerTimeZone();
  const format = useEventFormat();
  const company = useCompany();
  const groups = useMyGroups();
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const mutation = event ? update : create;
  const [form, setForm] = useState<Form>(() => initialForm(event, Boolean(lunch), zone, t));
  const [endTouched, setEndTouched] = useState(Boolean(event));
  const [scope, setScope] = useState<'this' | 'all'>('all');
  const [coverRemoved, setCoverRemoved] = useState(false);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const fileRef = useRef<HTMLInputElement>(null);
  const uploads = useUploads<PostAttachment>({
    upload: (file, onProgress) => uploadFile<PostAttachment>('/posts/attachments', file, onProgress),
    maxMb: company.data?.postAttachmentMaxMb ?? Limits.chatAttachmentMbDefault,
    maxFiles: 1,
    namespace: 'events',
  });

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const duration = minutesBetween(form.startDate, form.startTime, form.endDate, form.endTime);
  const changeStart = (date: string, time: string) => {
    setForm((f) => {
      if (endTouched) return { ...f, startDate: date, startTime: time, endDate: f.endDate < date ? date : f.endDate };
      const keep = Math.max(minutesBetween(f.startDate, f.startTime, f.endDate, f.endTime), 60);
      const end = addMinutes(date, time, f.allDay ? 0 : keep);
      return { ...f, startDate: date, startTime: time, endDate: f.allDay ? date : end.date, endTime: f.allDay ? f.endTime : end.time };
    });
  };

  const serverErrors = fieldErrors(t, mutation.error);
  // The server's own checks (no schema keyword) get sentences that say what to do.
  if (serverErrors.onlineUrl && isApiError(mutation.error, 'validation_failed')) serverErrors.onlineUrl = t('dialog.onlineUrlInvalid');
  const errors: Record<string, string> = { ...serverErrors, ...localError };
  const generalError = mutation.isError && !Object.keys(serverErrors).length ? errorMessage(t, mutation.error) : null;
  const postable = (groups.data?.items ?? []).filter((g) => !g.archived);
  const thisOnly = Boolean(event?.recurrence) && scope === 'this';
  const cover = uploads.done[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems.title = t('common:fieldErrors.required');
    if (form.allDay ? form.endDate < form.startDate : duration <= 0) problems.end = t('dialog.endBeforeStart');
    if (!event && form.audience === 'invited' && !form.invited.length) problems.audience = t('dialog.inviteSomeone');
    setLocalError(problems);
    if (Object.keys(problems).length) return;
    const start = form.allDay ? form.startDate : `${form.startDate}T${form.startTime}`;
    const end = form.allDay ? form.endDate : `${form.endDate}T${form.endTime}`;
    const capacity = form.capacity.trim() ? Number(form.capacity) : null;
    const reminderMinutes = form.reminder === 'none' ? null : Number(form.reminder);
    const recurrence = ruleOf(form.repeat, form.customRule, form.startDate);
    const fields = {
      title: form.title.trim(),
      description: form.description,
      start,
      end,
      timeZone: form.timeZone,
      allDay: form.allDay,
      location: form.location.trim() || null,
      onlineUrl: form.onlineUrl.trim() || null,
      capacity,
      reminderMinutes,
      recurrence,
      ...(cover ? { coverAttachmentId: cover.id } : coverRemoved ? { coverAttachmentId: null } : {}),
    };
    const done = { onSuccess: (saved: Event) => onSaved(saved) };
    if (event) {
      const body: UpdateEvent = thisOnly
        ? { title: fields.title, start, end, location: fields.location, scope: 'this', occurrence: occurrence ?? event.occurrence ?? undefined }
        : { ...fields, scope: 'all' };
      update.mutate(body, done);
    } else {
      const audience: CreateEvent['audience'] =
        form.audience === 'company'
          ? { kind: 'company' }
          : form.audience === 'invited'
            ? { kind: 'invited', userIds: form.invited.map((p) => p.id) }
            : { kind: 'group', groupId: form.audience };
      create.mutate({ ...fields, audience }, done);
    }
  };

  const reminderLabel = (value: string) => {
    const minutes = Number(value);
    if (value === 'none' || Number.isNaN(minutes)) return t('reminder.none');
    if (minutes && minutes % 1440 === 0) return t('reminder.days', { count: minutes / 1440 });
    if (minutes && minutes % 60 === 0) return t('reminder.hours', { count: minutes / 60 });
    return t('reminder.minutes', { count: minutes });
  };
  const title = event ? t('dialog.editTitle') : lunch ? t('dialog.lunchTitle') : t('dialog.createTitle');
  return (
    <Dialog open wide title={title} onClose={onClose}>
      <form className="event-form" onSubmit={submit} noValidate>
        {event?.recurrence ? (
          <fieldset className="fieldset">
            <legend className="field__label">{t('dialog.scope')}</legend>
            <div className="segmented">
              {(['this', 'all'] as const).map((value) => (
                <label key={value} className="segmented__option">
                  <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
                  <span>{t(`scope.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <TextField
          label={t('dialog.title')}
          name="title"
          value={form.title}
          maxLength={EventLimits.titleMax}
          required
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
        />
        {thisOnly ? null : (
          <TextAreaField
            label={t('dialog.description')}
            name="description"
            rows={3}
            value={form.description}
            maxLength={EventLimits.descriptionMax}
            hint={t('dialog.descriptionHint')}
            onChange={(e) => set('description', e.target.value)}
            error={errors.description}
          />
        )}
        {thisOnly ? null : (
          <label className="checkbox">
            <input
              type="checkbox"
              name="allDay"
              checked={form.allDay}
              onChange={(e) => {
                const allDay = e.target.checked;
                setForm((f) => ({ ...f, allDay, endDate: allDay && f.endDate < f.startDate ? f.startDate : f.endDate }));
              }}
            />
            <span>{t('dialog.allDay')}</span>
          </label>
        )}
        <DateTimeField
          name="start"
          dateLabel={t('dialog.startDate')}
          timeLabel={t('dialog.startTime')}
          date={form.startDate}
          time={form.startTime}
          allDay={form.allDay}
          onChange={changeStart}
          error={errors.start}
        />
        <DateTimeField
          name="end"
          dateLabel={t('dialog.endDate')}
          timeLabel={t('dialog.endTime')}
          date={form.endDate}
          time={form.endTime}
          minDate={form.startDate}
          allDay={form.allDay}
          onChange={(endDate, endTime) => {
            setEndTouched(true);
            setForm((f) => ({ ...f, endDate, endTime }));
          }}
          error={errors.end}
        />
        {thisOnly || form.allDay ? null : (
          <SelectField
            label={t('dialog.timeZone')}
            name="timeZone"
            value={form.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            error={errors.timeZone}
          >
            {timeZones(form.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('dialog.location')}
          name="location"
          value={form.location}
          maxLength={EventLimits.locationMax}
          onChange={(e) => set('location', e.target.value)}
          error={errors.location}
        />
        {thisOnly ? null : (
          <>
            <TextField
              label={t('dialog.onlineUrl')}
              type="url"
              name="onlineUrl"
              inputMode="url"
              placeholder="https://"
              value={form.onlineUrl}
              maxLength={EventLimits.urlMax}
              onChange={(e) => set('onlineUrl', e.target.value)}
              error={errors.onlineUrl}
            />
            <div className="field">
              <span className="field__label">{t('dialog.cover')}</span>
              {event?.coverUrl && !coverRemoved && !cover ? (
                <div className="event-form__cover">
                  <img src={event.coverUrl} alt="" />
                  <button type="button" className="button button--small" onClick={() => setCoverRemoved(true)}>
                    {t('dialog.removeCover')}
                  </button>
                </div>
              ) : null}
              <UploadPreviews uploads={uploads} layout="chips" />
              {uploads.notice ? <p className="field__error">{uploads.notice}</p> : null}
              <FileInput inputRef={fileRef} onFiles={(files) => uploads.add([...files].filter((f) => f.type.startsWith('image/')).slice(0, 1))} />
              {uploads.full ? null : (
                <button type="button" className="button button--small event-form__pick" onClick={() => fileRef.current?.click()}>
                  <IconImage width={18} height={18} />
                  <span>{t('dialog.pickCover')}</span>
                </button>
              )}
              {errors.coverAttachmentId ? <p className="field__error">{errors.coverAttachmentId}</p> : null}
            </div>
          </>
        )}
        {event ? null : (
          <>
            <SelectField
              label={t('dialog.audience')}
              name="audience"
              value={form.audience}
              onChange={(e) => set('audience', e.target.value)}
              error={errors.audience}
              hint={form.audience === 'company' ? t('dialog.audienceCompanyHint') : undefined}
            >
              {me.user.role === 'guest' ? null : <option value="company">{t('audience.company')}</option>}
              <option value="invited">{t('audience.invited')}</option>
              {postable.length ? (
                <optgroup label={t('dialog.groups')}>
                  {postable.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </SelectField>
            {form.audience === 'invited' ? (
              <PeoplePicker
                label={t('dialog.invite')}
                value={form.invited}
                onChange={(people) => set('invited', people)}
                max={EventLimits.invitedMax}
                excludeId={me.user.id}
              />
            ) : null}
          </>
        )}
        {thisOnly ? null : (
          <div className="event-form__row">
            <TextField
              label={t('dialog.capacity')}
              type="number"
              name="capacity"
              inputMode="numeric"
              min={1}
              max={EventLimits.capacityMax}
              value={form.capacity}
              hint={t('dialog.capacityHint')}
              onChange={(e) => set('capacity', e.target.value)}
              error={errors.capacity}
            />
            <SelectField
              label={t('dialog.reminder')}
              name="reminder"
              value={form.reminder}
              onChange={(e) => set('reminder', e.target.value)}
              error={errors.reminderMinutes}
            >
              {[...reminderChoices, ...(reminderChoices.includes(form.reminder as never) ? [] : [form.reminder])].map((value) => (
                <option key={value} value={value}>
                  {reminderLabel(value)}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        {thisOnly ? null : (
          <>
            <SelectField
              label={t('dialog.repeat')}
              name="repeat"
              value={form.repeat}
              onChange={(e) => set('repeat', e.target.value as Repeat)}
              error={form.repeat === 'custom' ? undefined : errors.recurrence}
            >
              <option value="none">{t('repeat.none')}</option>
              <option value="daily">{t('repeat.daily')}</option>
              <option value="weekly">
                {t('repeat.weekly', {
                  day: new Intl.DateTimeFormat(format.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${form.startDate}T12:00:00Z`)),
                })}
              </option>
              <option value="monthly">{t('repeat.monthly')}</option>
              <option value="custom">{t('repeat.custom')}</option>
            </SelectField>
            {form.repeat === 'custom' ? (
              <TextField
                label={t('dialog.rrule')}
                name="recurrence"
                value={form.customRule}
                placeholder="FREQ=WEEKLY;BYDAY=FR"
                hint={t('dialog.rruleHint')}
                onChange={(e) => set('customRule', e.target.value)}
                error={errors.recurrence}
              />
            ) : null}
          </>
        )}
        {generalError ? <Alert tone="error">{generalError}</Alert> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending || uploads.busy}>
            {event ? t('common:save') : t('dialog.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A date and (unless all-day) a time of day, side by side: the start or the end of an event (inputs `<name>Date`, `<name>Time`). */
function DateTimeField({
  name,
  dateLabel,
  timeLabel,
  date,
  time,
  minDate,
  allDay,
  onChange,
  error,
}: {
  name: 'start' | 'end';
  dateLabel: string;
  timeLabel: string;
  date: string;
  time: string;
  minDate?: string;
  allDay: boolean;
  onChange: (date: string, time: string) => void;
  error: string | undefined;
}) {
  return (
    <div className="event-form__row event-form__row--when">
      <TextField
        label={dateLabel}
        type="date"
        name={`${name}Date`}
        value={date}
        min={minDate}
        required
        onChange={(e) => onChange(e.target.value, time)}
        error={error}
      />
      {allDay ? null : <TextField label={timeLabel} type="time" name={`${name}Time`} value={time} required onChange={(e) => onChange(date, e.target.value)} />}
    </div>
  );
}

import { type CreatePoll, type PollResultsVisibility, PollLimits } from '@innenhof/contract';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { browserTimeZone } from '../../../lib/format.ts';
import { dateTimeLocalToIso, localToIso, toDateInput } from '../lib/time.ts';
import { IconPoll } from '../../../components/ui/icons.tsx';
import '../polls.css';

type ReminderChoice = 'default' | '1h' | '3h' | '48h' | 'custom' | 'none';

interface DraftOption {
  key: string;
  label: string;
}

interface DraftSlot {
  key: string;
  date: string;
  start: string;
  end: string;
}

/** What the author has typed so far (form values, the viewer's time zone). */
export interface PollDraft {
  kind: 'choice' | 'date';
  question: string;
  options: DraftOption[];
  slots: DraftSlot[];
  multiple: boolean;
  maxChoices: string;
  anonymous: boolean;
  results: PollResultsVisibility;
  allowAddOptions: boolean;
  deadline: string;
  reminder: ReminderChoice;
  reminderCustom: string;
}

let counter = 0;
const nextKey = () => `o${++counter}`;

function slotOn(daysAhead: number): DraftSlot {
  const day = new Date();
  day.setDate(day.getDate() + daysAhead);
  return { key: nextKey(), date: toDateInput(day), start: '10:00', end: '11:00' };
}

export function newPollDraft(): PollDraft {
  return {
    kind: 'choice',
    question: '',
    options: [
      { key: nextKey(), label: '' },
      { key: nextKey(), label: '' },
    ],
    slots: [slotOn(1), slotOn(2)],
    multiple: false,
    maxChoices: '',
    anonymous: false,
    results: 'always',
    allowAddOptions: false,
    deadline: '',
    reminder: 'default',
    reminderCustom: '',
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const reminderOffsets: Record<string, number> = { default: DAY, '1h': HOUR, '3h': 3 * HOUR, '48h': 48 * HOUR };

/** Error keys (in `polls:errors.*`) by field: `question`, `options`, `option:<key>`, `slot:<key>`, `maxChoices`, `deadline`, `reminder`. */
export type PollErrors = Record<string, string>;

/** Checks the draft as the server will and builds the request (UTC instants, the author's time zone). */
export function buildPoll(draft: PollDraft, now = Date.now()): { errors: PollErrors; poll: CreatePoll | null } {
  const errors: PollErrors = {};
  const question = draft.question.trim();
  if (!question || question.length > PollLimits.questionMax) errors.question = 'question';

  const options: CreatePoll['options'] = [];
  if (draft.kind === 'choice') {
    const seen = new Set<string>();
    let duplicate = false;
    for (const option of draft.options) {
      const label = option.label.trim();
      if (!label || label.length > PollLimits.optionMax) errors[`option:${option.key}`] = 'option';
      else if (seen.has(label.toLowerCase())) duplicate = true;
      seen.add(label.toLowerCase());
      options.push({ label });
    }
    if (duplicate) errors.options = 'duplicate';
  } else {
    for (const slot of draft.slots) {
      const startsAt = localToIso(slot.date, slot.start);
      const endsAt = slot.end ? localToIso(slot.date, slot.end) : null;
      if (!startsAt || (slot.end && (!endsAt || endsAt <= startsAt))) errors[`slot:${slot.key}`] = 'slot';
      else if (new Date(startsAt).getTime() <= now) errors[`slot:${slot.key}`] = 'slotPast';
      else options.push({ startsAt, endsAt });
    }
  }
  const count = draft.kind === 'choice' ? draft.options.length : draft.slots.length;
  if (count < PollLimits.optionsMin || count > PollLimits.optionsMax) errors.options = 'options';

  let maxChoices: number | null = null;
  if (draft.kind === 'choice' && draft.multiple && draft.maxChoices.trim()) {
    maxChoices = Number(draft.maxChoices);
    if (!Number.isInteger(maxChoices) || maxChoices < 1 || maxChoices > count) errors.maxChoices = 'maxChoices';
  }

  let deadline: string | null = null;
  let reminderAt: string | null | undefined = null;
  if (draft.deadline) {
    deadline = dateTimeLocalToIso(draft.deadline);
    if (!deadline || new Date(deadline).getTime() <= now) errors.deadline = 'deadline';
    else if (draft.reminder !== 'none') {
      const at =
        draft.reminder === 'custom'
          ? dateTimeLocalToIso(draft.reminderCustom)
          : new Date(new Date(deadline).getTime() - (reminderOffsets[draft.reminder] ?? 0)).toISOString();
      // The default with a deadline less than 24 h away: no reminder (the server's default), said under the field.
      if (draft.reminder === 'default' && at && new Date(at).getTime() <= now) reminderAt = undefined;
      else if (!at || new Date(at).getTime() <= now || at >= deadline) errors.reminder = draft.reminder === 'custom' ? 'reminder' : 'reminderTooLate';
      else reminderAt = at;
    }
  }

  if (Object.keys(errors).length) return { errors, poll: null };
  return {
    errors,
    poll: {
      kind: draft.kind,
      question,
      options,
      multiple: draft.kind === 'choice' && draft.multiple,
      maxChoices,
      anonymous: draft.anonymous,
      results: draft.results,
      allowAddOptions: draft.allowAddOptions,
      deadline,
      ...(reminderAt === undefined ? {} : { reminderAt }),
      timeZone: browserTimeZone(),
    },
  };
}

/**
 * A server `validation_failed` answer on `POST /posts` mapped onto the poll's fields: `poll.deadline`,
 * `/body/poll/options/2/label` … (the server names the field in `details.fields`).
 */
export function serverPollErrors(error: unknown, draft: PollDraft | null): PollErrors {
  if (!(error instanceof ApiError) || !draft) return {};
  const fields = (error.details as { fields?: { field?: unknown }[] } | undefined)?.fields;
  if (!Array.isArray(fields)) return {};
  const out: PollErrors = {};
  for (const item of fields) {
    if (typeof item?.field !== 'string') continue;
    const parts = item.field
      .replace(/^\/?(body[/.])?/, '')
      .split(/[/.[\]]+/)
      .filter(Boolean);
    if (parts[0] === 'poll') parts.shift();
    const [name, index] = parts;
    if (name === 'question') out.question ??= 'question';
    else if (name === 'options' && index !== undefined && /^\d+$/.test(index)) {
      const list = draft.kind === 'choice' ? draft.options : draft.slots;
      const key = list[Number(index)]?.key;
      if (key) out[`${draft.kind === 'choice' ? 'option' : 'slot'}:${key}`] ??= draft.kind === 'choice' ? 'option' : 'slot';
      else out.options ??= 'options';
    } else if (name === 'options') out.options ??= 'options';
    else if (name === 'maxChoices') out.maxChoices ??= 'maxChoices';
    else if (name === 'deadline') out.deadline ??= 'deadline';
    else if (name === 'reminderAt') out.reminder ??= 'reminder';
  }
  return out;
}

/** The first field with a problem, to move the focus there. */
export function firstInvalidField(form: HTMLElement | null): void {
  form?.querySelector<HTMLElement>('.poll-fields [aria-invalid="true"]')?.focus();
}

function ErrorText({ id, error, t }: { id: string; error: string | undefined; t: TFunction<'polls'> }) {
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      {t(`errors.${error}`, { max: PollLimits.optionsMax, min: PollLimits.optionsMin })}
    </p>
  );
}

/** The poll part of the post editor: question, options or time slots, and the settings. */
export function PollFields({
  draft,
  onChange,
  onRemove,
  errors,
}: {
  draft: PollDraft;
  onChange: (next: PollDraft) => void;
  onRemove: () => void;
  errors: PollErrors;
}) {
  const { t } = useTranslation('polls');
  const id = useId();
  const set = <K extends keyof PollDraft>(key: K, value: PollDraft[K]) => onChange({ ...draft, [key]: value });
  const count = draft.kind === 'choice' ? draft.options.length : draft.slots.length;
  const full = count >= PollLimits.optionsMax;
  const invalid = (key: string) => (errors[key] ? true : undefined);
  const describe = (key: string) => (errors[key] ? `${id}-${key}-error` : undefined);
  const settingsRef = useRef<HTMLDetailsElement>(null);
  const deadlineAt = draft.deadline ? dateTimeLocalToIso(draft.deadline) : null;
  const soon = draft.reminder === 'default' && deadlineAt !== null && new Date(deadlineAt).getTime() - Date.now() < DAY;
  // A problem in the settings opens them, so the message is seen.
  useEffect(() => {
    if (errors.maxChoices && settingsRef.current) settingsRef.current.open = true;
  }, [errors.maxChoices]);

  return (
    <fieldset className="poll-fields">
      <legend className="poll-fields__legend">{t('composer.legend')}</legend>
      <button type="button" className="link-button poll-fields__remove" onClick={onRemove}>
        {t('composer.remove')}
      </button>

      <fieldset className="segmented poll-fields__kind">
        <legend className="visually-hidden">{t('composer.kind')}</legend>
        {(['choice', 'date'] as const).map((kind) => (
          <label key={kind} className="segmented__option">
            <input type="radio" name={`${id}-kind`} value={kind} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
            <span>{t(`composer.kinds.${kind}`)}</span>
          </label>
        ))}
      </fieldset>

      <div className={`field${errors.question ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-question`}>
          {draft.kind === 'date' ? t('composer.dateQuestion') : t('composer.question')}
        </label>
        <input
          id={`${id}-question`}
          className="input"
          value={draft.question}
          maxLength={PollLimits.questionMax}
          placeholder={draft.kind === 'date' ? t('composer.dateQuestionPlaceholder') : t('composer.questionPlaceholder')}
          aria-invalid={invalid('question')}
          aria-describedby={describe('question')}
          onChange={(e) => set('question', e.target.value)}
        />
        <ErrorText id={`${id}-question-error`} error={errors.question} t={t} />
      </div>

      {draft.kind === 'choice' ? (
        <DraftList
          legend={t('composer.options')}
          items={draft.options}
          onItems={(options) => set('options', options)}
          errorKey={(option) => `option:${option.key}`}
          removeLabel={(n) => t('composer.removeOption', { n })}
          addLabel={t('composer.addOption')}
          onAdd={() => ({ key: nextKey(), label: '' })}
          full={full}
          describe={describe}
          idPrefix={id}
          errors={errors}
          t={t}
          renderItem={(option, index, update) => {
            const key = `option:${option.key}`;
            return (
              <>
                <label className="visually-hidden" htmlFor={`${id}-${option.key}`}>
                  {t('composer.optionLabel', { n: index + 1 })}
                </label>
                <input
                  id={`${id}-${option.key}`}
                  className="input"
                  value={option.label}
                  maxLength={PollLimits.optionMax}
                  placeholder={t('composer.optionLabel', { n: index + 1 })}
                  aria-invalid={invalid(key)}
                  aria-describedby={describe(key)}
                  onChange={(e) => update({ label: e.target.value })}
                />
              </>
            );
          }}
        />
      ) : (
        <DraftList
          legend={t('composer.slots')}
          hint={t('composer.slotsHint', { zone: browserTimeZone() })}
          rowClassName="poll-fields__slot"
          items={draft.slots}
          onItems={(slots) => set('slots', slots)}
          errorKey={(slot) => `slot:${slot.key}`}
          removeLabel={(n) => t('composer.removeSlot', { n })}
          addLabel={t('composer.addSlot')}
          onAdd={(last) => (last ? { ...last, key: nextKey() } : slotOn(1))}
          full={full}
          describe={describe}
          idPrefix={id}
          errors={errors}
          t={t}
          renderItem={(slot, index, update) => {
            const key = `slot:${slot.key}`;
            return (
              <fieldset className="poll-fields__slot-inputs" aria-describedby={describe(key)}>
                <legend className="visually-hidden">{t('composer.slotLabel', { n: index + 1 })}</legend>
                <label className="poll-fields__mini">
                  <span>{t('composer.slotDate')}</span>
                  <input type="date" className="input" value={slot.date} aria-invalid={invalid(key)} onChange={(e) => update({ date: e.target.value })} />
                </label>
                <label className="poll-fields__mini">
                  <span>{t('composer.slotStart')}</span>
                  <input type="time" className="input" value={slot.start} aria-invalid={invalid(key)} onChange={(e) => update({ start: e.target.value })} />
                </label>
                <label className="poll-fields__mini">
                  <span>{t('composer.slotEnd')}</span>
                  <input type="time" className="input" value={slot.end} onChange={(e) => update({ end: e.target.value })} />
                </label>
              </fieldset>
            );
          }}
        />
      )}
      <ErrorText id={`${id}-options-error`} error={errors.options} t={t} />

      <div className={`field${errors.deadline ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-deadline`}>
          {t('composer.deadline')}
        </label>
        <input
          id={`${id}-deadline`}
          type="datetime-local"
          className="input"
          value={draft.deadline}
          aria-invalid={invalid('deadline')}
          aria-describedby={errors.deadline ? `${id}-deadline-error` : `${id}-deadline-hint`}
          onChange={(e) => set('deadline', e.target.value)}
        />
        <p className="field__hint" id={`${id}-deadline-hint`}>
          {t('composer.deadlineHint')}
        </p>
        <ErrorText id={`${id}-deadline-error`} error={errors.deadline} t={t} />
      </div>
      {draft.deadline ? (
        <div className={`field${errors.reminder ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-reminder`}>
            {t('composer.reminder')}
          </label>
          <select
            id={`${id}-reminder`}
            className="input"
            value={draft.reminder}
            aria-invalid={invalid('reminder')}
            aria-describedby={describe('reminder')}
            onChange={(e) => set('reminder', e.target.value as ReminderChoice)}
          >
            <option value="default">{t('composer.reminders.default')}</option>
            <option value="48h">{t('composer.reminders.48h')}</option>
            <option value="3h">{t('composer.reminders.3h')}</option>
            <option value="1h">{t('composer.reminders.1h')}</option>
            <option value="custom">{t('composer.reminders.custom')}</option>
            <option value="none">{t('composer.reminders.none')}</option>
          </select>
          {draft.reminder === 'custom' ? (
            <>
              <label className="visually-hidden" htmlFor={`${id}-reminder-at`}>
                {t('composer.reminderAt')}
              </label>
              <input
                id={`${id}-reminder-at`}
                type="datetime-local"
                className="input"
                value={draft.reminderCustom}
                aria-invalid={invalid('reminder')}
                onChange={(e) => set('reminderCustom', e.target.value)}
              />
            </>
          ) : null}
          <p className="field__hint">{soon ? t('composer.reminderSoon') : t('composer.reminderHint')}</p>
          <ErrorText id={`${id}-reminder-error`} error={errors.reminder} t={t} />
        </div>
      ) : null}
      <details className="poll-fields__settings" ref={settingsRef}>
        <summary>{t('composer.settings')}</summary>
        <div className="poll-fields__settings-body">
          {draft.kind === 'choice' ? (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={draft.multiple} onChange={(e) => set('multiple', e.target.checked)} />
                {t('composer.multiple')}
              </label>
              {draft.multiple ? (
                <div className={`field poll-fields__indent${errors.maxChoices ? ' field--invalid' : ''}`}>
                  <label className="field__label" htmlFor={`${id}-max`}>
                    {t('composer.maxChoices')}
                  </label>
                  <input
                    id={`${id}-max`}
                    type="number"
                    inputMode="numeric"
                    className="input poll-fields__number"
                    value={draft.maxChoices}
                    placeholder={t('composer.noMax')}
                    aria-invalid={invalid('maxChoices')}
                    aria-describedby={describe('maxChoices')}
                    onChange={(e) => set('maxChoices', e.target.value)}
                  />
                  <ErrorText id={`${id}-maxChoices-error`} error={errors.maxChoices} t={t} />
                </div>
              ) : null}
            </>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={draft.anonymous} onChange={(e) => set('anonymous', e.target.checked)} />
            <span>
              {t('composer.anonymous')}
              <span className="poll-fields__sub">{t('composer.anonymousHint')}</span>
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.allowAddOptions} onChange={(e) => set('allowAddOptions', e.target.checked)} />
            {draft.kind === 'date' ? t('composer.allowAddSlots') : t('composer.allowAddOptions')}
          </label>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-results`}>
              {t('composer.results')}
            </label>
            <select id={`${id}-results`} className="input" value={draft.results} onChange={(e) => set('results', e.target.value as PollResultsVisibility)}>
              <option value="always">{t('composer.resultsAlways')}</option>
              <option value="after_vote">{t('composer.resultsAfterVote')}</option>
              <option value="after_close">{t('composer.resultsAfterClose')}</option>
            </select>
          </div>
        </div>
      </details>
    </fieldset>
  );
}

/** The "Poll" button among the editor's tools (next to photo and emoji). */
export function PollToggle({ active, onToggle, className }: { active: boolean; onToggle: () => void; className?: string }) {
  const { t } = useTranslation('polls');
  return (
    <button type="button" className={className} aria-pressed={active} onClick={onToggle} title={t('composer.button')}>
      <IconPoll width={22} height={22} className="composer-box__poll" />
      <span className="visually-hidden">{t('composer.button')}</span>
    </button>
  );
}

/**
 * The list of a poll's options or time slots: each row with its remove button (not below the minimum) and
 * error, and the add button (not above the maximum). `renderItem` draws the row's inputs; `update` changes that row.
 */
function DraftList<T extends { key: string }>({
  legend,
  hint,
  rowClassName,
  items,
  onItems,
  renderItem,
  errorKey,
  removeLabel,
  addLabel,
  onAdd,
  full,
  describe,
  idPrefix,
  errors,
  t,
}: {
  legend: string;
  hint?: string;
  rowClassName?: string;
  items: T[];
  onItems: (next: T[]) => void;
  renderItem: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  errorKey: (item: T) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  /** The new row, given the last one (a new slot copies the last slot's times). */
  onAdd: (last: T | undefined) => T;
  full: boolean;
  describe: (key: string) => string | undefined;
  idPrefix: string;
  errors: PollErrors;
  t: TFunction<'polls'>;
}) {
  return (
    <fieldset className="poll-fields__options" aria-describedby={describe('options')}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <ol className="poll-fields__list">
        {items.map((item, index) => {
          const key = errorKey(item);
          const update = (patch: Partial<T>) => onItems(items.map((i) => (i.key === item.key ? { ...i, ...patch } : i)));
          return (
            <li key={item.key} className={rowClassName ? `poll-fields__row ${rowClassName}` : 'poll-fields__row'}>
              {renderItem(item, index, update)}
              <DropButton
                label={removeLabel(index + 1)}
                disabled={items.length <= PollLimits.optionsMin}
                onDrop={() => onItems(items.filter((i) => i.key !== item.key))}
              />
              <ErrorText id={`${idPrefix}-${key}-error`} error={errors[key]} t={t} />
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--small" disabled={full} onClick={() => onItems([...items, onAdd(items[items.length - 1])])}>
        {addLabel}
      </button>
    </fieldset>
  );
}

/** The × that removes an option or a slot (not below the minimum). */
function DropButton({ label, disabled, onDrop }: { label: string; disabled: boolean; onDrop: () => void }) {
  return (
    <button type="button" className="icon-button poll-fields__drop" disabled={disabled} onClick={onDrop} aria-label={label} title={label}>
      <span aria-hidden="true">×</span>
    </button>
  );
}

import {
  type BusinessHours,
  type CreateEscalationTopic,
  EscalationLimits,
  type EscalationTopic,
  type HoursSpan,
  type OutOfHoursInput,
  type UserSummary,
  type Weekday,
  Weekdays,
} from '@innenhof/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { IconClose, IconPlus } from '../../../components/ui/icons.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useCreateTopic, useUpdateTopic } from '../api/topic-actions.ts';
import { browserTimeZone, timeZones, useEscalationFormat } from '../lib/format.ts';

type Rule = OutOfHoursInput['kind'];
interface Level {
  person: UserSummary[];
  condition: string;
}

interface FormState {
  title: string;
  description: string;
  keywords: string;
  responsible: UserSummary[];
  deputy: UserSummary[];
  timeZone: string;
  hours: BusinessHours;
  chain: Level[];
  ackTimeoutMinutes: string;
  rule: Rule;
  onCall: UserSummary[];
  rota: UserSummary[];
  startWeek: string;
}

const emptyHours = (): BusinessHours => ({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
const officeHours = (): BusinessHours => ({
  ...emptyHours(),
  ...Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ start: '08:00', end: '17:00' }]])),
});

/** This ISO week (`2026-W48`), the rota's default start. */
function thisIsoWeek(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function initialState(topic?: EscalationTopic): FormState {
  if (!topic) {
    return {
      title: '',
      description: '',
      keywords: '',
      responsible: [],
      deputy: [],
      timeZone: browserTimeZone(),
      hours: officeHours(),
      chain: [],
      ackTimeoutMinutes: String(EscalationLimits.ackTimeoutMinutesDefault),
      rule: 'next_business_day',
      onCall: [],
      rota: [],
      startWeek: thisIsoWeek(),
    };
  }
  const rule = topic.outOfHours;
  return {
    title: topic.title,
    description: topic.description,
    keywords: topic.keywords.join(', '),
    responsible: topic.responsible ? [topic.responsible] : [],
    deputy: topic.deputy ? [topic.deputy] : [],
    timeZone: topic.timeZone,
    hours: topic.businessHours,
    chain: topic.chain.map((level) => ({ person: level.person ? [level.person] : [], condition: level.condition })),
    ackTimeoutMinutes: String(topic.ackTimeoutMinutes),
    rule: rule.kind,
    onCall: rule.kind === 'on_call' && rule.person ? [rule.person] : [],
    rota: rule.kind === 'rota' ? rule.people : [],
    startWeek: rule.kind === 'rota' ? rule.startWeek : thisIsoWeek(),
  };
}

/** Create or edit a topic (admins and directory editors). The server's 400 is shown at the field it names. */
export function TopicFormDialog({ topic, onClose, onSaved }: { topic?: EscalationTopic; onClose: () => void; onSaved: (topic: EscalationTopic) => void }) {
  const { t } = useTranslation('escalation');
  const [form, setForm] = useState<FormState>(() => initialState(topic));
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useCreateTopic();
  const update = useUpdateTopic(topic?.id ?? '');
  const mutation = topic ? update : create;
  const errors = { ...fieldErrors(t, mutation.error), ...local };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit() {
    const problems: Record<string, string> = {};
    const responsible = form.responsible[0];
    if (!responsible) problems.responsibleId = t('form.required.responsible');
    if (form.rule === 'on_call' && !form.onCall[0]) problems.outOfHours = t('form.required.onCall');
    if (form.rule === 'rota' && !form.rota.length) problems.outOfHours = t('form.required.rota');
    if (form.chain.some((level) => !level.person[0])) problems.chain = t('form.required.chain');
    setLocal(problems);
    if (!responsible || Object.keys(problems).length) return;
    const outOfHours: OutOfHoursInput =
      form.rule === 'on_call'
        ? { kind: 'on_call', userId: form.onCall[0]?.id ?? '' }
        : form.rule === 'rota'
          ? { kind: 'rota', userIds: form.rota.map((p) => p.id), startWeek: form.startWeek }
          : { kind: 'next_business_day' };
    const body: CreateEscalationTopic = {
      title: form.title,
      description: form.description,
      keywords: form.keywords
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      responsibleId: responsible.id,
      deputyId: form.deputy[0]?.id ?? null,
      timeZone: form.timeZone,
      businessHours: form.hours,
      chain: form.chain.map((level) => ({ userId: level.person[0]?.id ?? '', condition: level.condition })),
      ackTimeoutMinutes: Number(form.ackTimeoutMinutes) || EscalationLimits.ackTimeoutMinutesDefault,
      outOfHours,
    };
    if (topic) update.mutate(body, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  }

  return (
    <Dialog open wide title={topic ? t('form.editTitle') : t('form.createTitle')} onClose={onClose}>
      <form
        className="form esc-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('fields.title')}
          name="title"
          required
          maxLength={EscalationLimits.titleMax}
          value={form.title}
          onChange={(e) => set('title', e.target.value)}
          error={errors.title}
        />
        <TextAreaField
          label={t('fields.description')}
          name="description"
          rows={3}
          maxLength={EscalationLimits.descriptionMax}
          value={form.description}
          onChange={(e) => set('description', e.target.value)}
          error={errors.description}
        />
        <TextField
          label={t('fields.keywords')}
          name="keywords"
          hint={t('form.keywordsHint')}
          value={form.keywords}
          onChange={(e) => set('keywords', e.target.value)}
          error={errors.keywords}
        />
        <div className="esc-form__pair">
          <div>
            <PeoplePicker label={t('fields.responsible')} value={form.responsible} onChange={(p) => set('responsible', p.slice(-1))} max={1} />
            {errors.responsibleId ? <p className="field__error">{errors.responsibleId}</p> : null}
          </div>
          <div>
            <PeoplePicker label={t('fields.deputy')} value={form.deputy} onChange={(p) => set('deputy', p.slice(-1))} max={1} />
            {errors.deputyId ? <p className="field__error">{errors.deputyId}</p> : null}
          </div>
        </div>

        <SelectField
          label={t('fields.timeZone')}
          name="timeZone"
          value={form.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
          error={errors.timeZone}
        >
          {timeZones(form.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>

        <HoursEditor value={form.hours} onChange={(hours) => set('hours', hours)} error={errors.businessHours} />

        <fieldset className="fieldset esc-form__group">
          <legend className="field__label">{t('fields.outOfHours')}</legend>
          <div className="esc-form__radios">
            {(['on_call', 'rota', 'next_business_day'] as const).map((kind) => (
              <label key={kind} className="checkbox">
                <input type="radio" name="outOfHours" value={kind} checked={form.rule === kind} onChange={() => set('rule', kind)} />
                <span>{t(`form.rule.${kind}`)}</span>
              </label>
            ))}
          </div>
          {form.rule === 'on_call' ? (
            <PeoplePicker label={t('form.onCallPerson')} value={form.onCall} onChange={(p) => set('onCall', p.slice(-1))} max={1} />
          ) : form.rule === 'rota' ? (
            <>
              <PeoplePicker label={t('form.rotaPeople')} value={form.rota} onChange={(p) => set('rota', p)} max={EscalationLimits.rotaMax} />
              <TextField
                label={t('form.startWeek')}
                type="week"
                name="startWeek"
                value={form.startWeek}
                hint={t('form.startWeekHint')}
                onChange={(e) => set('startWeek', e.target.value)}
              />
            </>
          ) : (
            <p className="muted small">{t('form.nextBusinessDayHint')}</p>
          )}
          {errors.outOfHours ? <p className="field__error">{errors.outOfHours}</p> : null}
        </fieldset>

        <fieldset className="fieldset esc-form__group">
          <legend className="field__label">{t('chain.title')}</legend>
          <p className="muted small">{t('form.chainHint')}</p>
          {form.chain.map((level, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the levels are positions (1, 2, 3), not items that move
            <div key={index} className="esc-form__level">
              <p className="esc-form__level-title">{t('chain.level', { level: index + 1 })}</p>
              <PeoplePicker
                label={t('form.levelPerson', { level: index + 1 })}
                value={level.person}
                onChange={(p) =>
                  set(
                    'chain',
                    form.chain.map((l, i) => (i === index ? { ...l, person: p.slice(-1) } : l)),
                  )
                }
                max={1}
              />
              <TextField
                label={t('form.levelCondition', { level: index + 1 })}
                value={level.condition}
                maxLength={EscalationLimits.conditionMax}
                placeholder={t('form.conditionPlaceholder')}
                onChange={(e) =>
                  set(
                    'chain',
                    form.chain.map((l, i) => (i === index ? { ...l, condition: e.target.value } : l)),
                  )
                }
              />
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  set(
                    'chain',
                    form.chain.filter((_, i) => i !== index),
                  )
                }
              >
                <IconClose width={16} height={16} /> {t('form.removeLevel', { level: index + 1 })}
              </button>
            </div>
          ))}
          {form.chain.length < EscalationLimits.chainMax ? (
            <button type="button" className="button button--small esc-form__add" onClick={() => set('chain', [...form.chain, { person: [], condition: '' }])}>
              <IconPlus width={16} height={16} /> {t('form.addLevel')}
            </button>
          ) : null}
          {errors.chain ? <p className="field__error">{errors.chain}</p> : null}
          <TextField
            label={t('fields.ackTimeoutMinutes')}
            type="number"
            name="ackTimeoutMinutes"
            inputMode="numeric"
            min={EscalationLimits.ackTimeoutMinutesMin}
            max={EscalationLimits.ackTimeoutMinutesMax}
            value={form.ackTimeoutMinutes}
            onChange={(e) => set('ackTimeoutMinutes', e.target.value)}
            error={errors.ackTimeoutMinutes}
          />
        </fieldset>

        {mutation.isError && !Object.keys(errors).length ? <Alert tone="error">{errorMessage(t, mutation.error)}</Alert> : null}
        {Object.keys(errors).length ? <Alert tone="error">{t('form.checkFields')}</Alert> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common:saving') : topic ? t('common:save') : t('form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Opening hours per weekday: any number of spans a day (none = closed), with a one-click "Mon–Fri 08:00–17:00". */
function HoursEditor({ value, onChange, error }: { value: BusinessHours; onChange: (hours: BusinessHours) => void; error?: string }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const setDay = (day: Weekday, spans: HoursSpan[]) => onChange({ ...value, [day]: spans });
  return (
    <fieldset className="fieldset esc-form__group">
      <legend className="field__label">{t('hours.title')}</legend>
      <div className="esc-form__presets">
        <button type="button" className="button button--small" onClick={() => onChange(officeHours())}>
          {t('form.presetOffice')}
        </button>
        <button type="button" className="button button--small" onClick={() => onChange(emptyHours())}>
          {t('form.presetNone')}
        </button>
      </div>
      <div className="esc-hours-editor">
        {Weekdays.map((day) => {
          const name = format.weekday(day);
          return (
            <div key={day} className="esc-hours-editor__day">
              <span className="esc-hours-editor__name">{name}</span>
              <div className="esc-hours-editor__spans">
                {value[day].length === 0 ? <span className="muted small">{t('hours.closed')}</span> : null}
                {value[day].map((span, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: spans are edited in place by position
                  <span key={index} className="esc-hours-editor__span">
                    <input
                      type="time"
                      className="input"
                      aria-label={t('form.from', { day: name })}
                      value={span.start}
                      onChange={(e) =>
                        setDay(
                          day,
                          value[day].map((s, i) => (i === index ? { ...s, start: e.target.value } : s)),
                        )
                      }
                    />
                    –
                    <input
                      type="time"
                      className="input"
                      aria-label={t('form.until', { day: name })}
                      value={span.end === '24:00' ? '23:59' : span.end}
                      onChange={(e) =>
                        setDay(
                          day,
                          value[day].map((s, i) => (i === index ? { ...s, end: e.target.value } : s)),
                        )
                      }
                    />
                    <button
                      type="button"
                      className="icon-button"
                      onClick={() =>
                        setDay(
                          day,
                          value[day].filter((_, i) => i !== index),
                        )
                      }
                    >
                      <IconClose width={16} height={16} />
                      <span className="visually-hidden">{t('form.removeSpan', { day: name })}</span>
                    </button>
                  </span>
                ))}
                {value[day].length < EscalationLimits.spansPerDayMax ? (
                  <button type="button" className="link-button" onClick={() => setDay(day, [...value[day], { start: '08:00', end: '17:00' }])}>
                    {t('form.addSpan')}
                    <span className="visually-hidden"> ({name})</span>
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}

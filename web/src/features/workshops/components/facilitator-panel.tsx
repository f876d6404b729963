import type { SendInject, WorkshopSession } from '@innenhof/contract';
import { WorkshopLimits } from '@innenhof/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useSendInject } from '../api/send-inject.ts';
import { useSessionTransition } from '../api/session-transition.ts';
import { roleName } from '../lib/format.ts';
import { errorsByPath } from '../lib/errors-by-path.ts';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The facilitator's controls: start / pause / resume / end, and injects (from the scenario or free). */
export function FacilitatorPanel({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const transition = useSessionTransition(session.id);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const state = session.state;
  return (
    <section className="card stack ws-controls ws-no-print" aria-labelledby="ws-controls-h">
      <h2 id="ws-controls-h" className="card__title">
        {t('controls.title')}
      </h2>
      <div className="ws-buttons">
        {state === 'draft' && session.abilities.run ? (
          <button type="button" className="button button--primary" disabled={transition.isPending} onClick={() => transition.mutate('start')}>
            {t('controls.start')}
          </button>
        ) : null}
        {state === 'running' && session.abilities.run ? (
          <button type="button" className="button" disabled={transition.isPending} onClick={() => transition.mutate('pause')}>
            {t('controls.pause')}
          </button>
        ) : null}
        {state === 'paused' && session.abilities.run ? (
          <button type="button" className="button button--primary" disabled={transition.isPending} onClick={() => transition.mutate('resume')}>
            {t('controls.resume')}
          </button>
        ) : null}
        {(state === 'running' || state === 'paused') && session.abilities.end ? (
          confirmEnd ? (
            <>
              <button
                type="button"
                className="button button--danger"
                disabled={transition.isPending}
                onClick={() => transition.mutate('end', { onSettled: () => setConfirmEnd(false) })}
              >
                {t('controls.endNow')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmEnd(true)}>
              {t('controls.end')}
            </button>
          )
        ) : null}
      </div>
      {confirmEnd ? <p className="small">{t('controls.endHint')}</p> : null}
      {transition.error ? <Alert tone="error">{errorMessage(t, transition.error)}</Alert> : null}
      {session.abilities.run && (state === 'running' || state === 'paused') ? <Injects session={session} /> : null}
    </section>
  );
}

function Injects({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const send = useSendInject(session.id);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [setClock, setSetClock] = useState(false);
  const [weekday, setWeekday] = useState(6);
  const [time, setTime] = useState('22:00');
  const [done, setDone] = useState(false);
  const errors = errorsByPath(t, send.error);
  const submitFree = (e: FormEvent) => {
    e.preventDefault();
    const input: SendInject = {
      text,
      ...(target ? { targetRoleKey: target } : {}),
      ...(setClock ? { simulatedTime: { weekday, time } } : {}),
    };
    setDone(false);
    send.mutate(input, {
      onSuccess: () => {
        setText('');
        setDone(true);
      },
    });
  };
  const weekdayName = (d: number) => t(`weekdays.${d}`);
  return (
    <div className="stack">
      {session.scenario.injects?.length ? (
        <div className="stack">
          <h3 className="ws-subtitle">{t('inject.scenario')}</h3>
          <ul className="plain-list stack">
            {session.scenario.injects.map((inject) => (
              <li key={inject.id} className="ws-inject">
                <p className="small muted">
                  {t('inject.after', { minutes: inject.afterMinutes })}
                  {inject.targetRoleKey ? ` · ${t('inject.onlyFor', { role: roleName(session, inject.targetRoleKey) })}` : ''}
                  {inject.simulatedTime ? ` · ${t('inject.clockTo', { day: weekdayName(inject.simulatedTime.weekday), time: inject.simulatedTime.time })}` : ''}
                </p>
                <p className="prewrap">{inject.text}</p>
                <button
                  type="button"
                  className="button button--small"
                  disabled={send.isPending}
                  onClick={() => send.mutate({ injectId: inject.id }, { onSuccess: () => setSent((s) => new Set(s).add(inject.id)) })}
                >
                  {sent.has(inject.id) ? t('inject.sendAgain') : t('inject.send')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="form stack" onSubmit={submitFree} noValidate>
        <h3 className="ws-subtitle">{t('inject.free')}</h3>
        <TextAreaField
          label={t('inject.text')}
          value={text}
          maxLength={WorkshopLimits.messageMax}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          error={errors.text}
        />
        <SelectField label={t('inject.target')} value={target} onChange={(e) => setTarget(e.target.value)} error={errors.targetRoleKey}>
          <option value="">{t('inject.everyone')}</option>
          {session.scenario.roles.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={setClock} onChange={(e) => setSetClock(e.target.checked)} />
          {t('inject.setClock')}
        </label>
        {setClock ? (
          <div className="form__row">
            <SelectField label={t('inject.weekday')} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {weekdays.map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d)}
                </option>
              ))}
            </SelectField>
            <TextField label={t('inject.time')} type="time" value={time} onChange={(e) => setTime(e.target.value)} error={errors['simulatedTime.time']} />
          </div>
        ) : null}
        {send.error && !Object.keys(errors).length ? <Alert tone="error">{errorMessage(t, send.error)}</Alert> : null}
        {done ? (
          <p className="small" role="status">
            {t('inject.sent')}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={send.isPending || !text.trim()}>
            {t('inject.sendFree')}
          </button>
        </div>
      </form>
    </div>
  );
}

import type { DateAnswer, Poll, PollOption } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { exportCsvUrl, useAddPollOption, useCastVote, usePollToEvent, useUpdatePoll, useWithdrawVote } from '../api/poll-actions.ts';
import { dateTimeLocalToIso, localToIso, toDateTimeLocal, usePollFormat } from '../lib/time.ts';
import { IconPoll } from '../../../components/ui/icons.tsx';
import '../polls.css';

const answers: DateAnswer[] = ['yes', 'maybe', 'no'];

function isClosed(poll: Poll): boolean {
  return Boolean(poll.closedAt) || (poll.deadline !== null && new Date(poll.deadline).getTime() <= Date.now());
}

/** A poll inside its post: a question with options, or a date poll ("Terminfindung"). */
export function PollCard({ poll }: { poll: Poll }) {
  const headingId = useId();
  return (
    <section className={`poll${isClosed(poll) ? ' poll--closed' : ''}`} aria-labelledby={headingId}>
      <PollHeader poll={poll} headingId={headingId} />
      {poll.kind === 'date' ? <DatePoll poll={poll} /> : <ChoicePoll poll={poll} />}
      <AuthorTools poll={poll} />
    </section>
  );
}

function PollHeader({ poll, headingId }: { poll: Poll; headingId: string }) {
  const { t } = useTranslation('polls');
  const format = useFormatters();
  const closed = isClosed(poll);
  const kind =
    poll.kind === 'date'
      ? t('card.kindDate')
      : poll.multiple
        ? poll.maxChoices
          ? t('card.kindMultipleMax', { count: poll.maxChoices })
          : t('card.kindMultiple')
        : t('card.kindSingle');
  return (
    <header className="poll__header">
      <p className="poll__label">
        <IconPoll width={16} height={16} /> {kind}
      </p>
      <h4 id={headingId} className="poll__question">
        {poll.question}
      </h4>
      <p className="poll__meta small">
        {closed ? (
          <span className="poll__status poll__status--closed">
            {poll.closedAt ? t('card.closedAt', { when: format.dateTime(poll.closedAt) }) : t('card.closed')}
          </span>
        ) : poll.deadline ? (
          <span className="poll__status">
            <time dateTime={poll.deadline} title={format.dateTime(poll.deadline)}>
              {t('card.closesIn', { when: format.relative(poll.deadline) })}
            </time>
          </span>
        ) : null}
        {poll.anonymous ? (
          <span className="badge poll__badge" title={t('card.anonymousHint')}>
            {t('card.anonymous')}
            <span className="visually-hidden"> — {t('card.anonymousHint')}</span>
          </span>
        ) : null}
        {poll.voterCount !== null ? <span>{t('card.voters', { count: poll.voterCount })}</span> : null}
      </p>
      {poll.anonymous ? <p className="poll__anon-note small">{t('card.anonymousHint')}</p> : null}
    </header>
  );
}

/** Why the numbers are not shown (yet). */
function hiddenResultsNote(poll: Poll, t: (key: string) => string): string {
  if (poll.results === 'after_vote') return t('card.hiddenAfterVote');
  return poll.voted ? t('card.hiddenVoted') : t('card.hiddenAfterClose');
}

function Bar({ percent, best }: { percent: number; best?: boolean }) {
  return (
    <span className={`poll__bar${best ? ' poll__bar--best' : ''}`} aria-hidden="true">
      <span className="poll__bar-fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </span>
  );
}

function Voters({ option, date }: { option: PollOption; date?: boolean }) {
  const { t } = useTranslation('polls');
  if (!option.voters.length) return null;
  return (
    <details className="poll__voters">
      <summary>
        <span className="poll__faces" aria-hidden="true">
          {option.voters.slice(0, 3).map((v) => (
            <Avatar key={v.user.id} user={v.user} size="xs" alt="" />
          ))}
        </span>
        {t(date ? 'card.whoAnswered' : 'card.whoVoted', { count: option.voters.length })}
      </summary>
      <ul className="poll__voter-list">
        {option.voters.map((v) => (
          <li key={v.user.id}>
            <Avatar user={v.user} size="xs" alt="" />
            <span>{v.user.name}</span>
            {date && v.answer ? <span className={`poll__answer poll__answer--${v.answer}`}>{t(`answers.${v.answer}`)}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ChoicePoll({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const pf = usePollFormat();
  const id = useId();
  const vote = useCastVote(poll.id);
  const withdraw = useWithdrawVote(poll.id);
  const [changing, setChanging] = useState(false);
  const [selection, setSelection] = useState<string[]>(() => poll.options.filter((o) => o.chosen).map((o) => o.id));
  const voting = poll.abilities.vote && (!poll.voted || changing);
  const max = poll.multiple ? (poll.maxChoices ?? poll.options.length) : 1;
  const error = [vote, withdraw].find((m) => m.isError)?.error;

  const toggle = (optionId: string, checked: boolean) => {
    if (!poll.multiple) setSelection([optionId]);
    else setSelection((list) => (checked ? [...list.filter((x) => x !== optionId), optionId] : list.filter((x) => x !== optionId)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selection.length) return;
    vote.mutate({ optionIds: selection }, { onSuccess: () => setChanging(false) });
  };

  const results = (option: PollOption) =>
    poll.resultsVisible && option.count !== null ? (
      <>
        <Bar percent={option.percent ?? 0} />
        <span className="poll__numbers">
          {t('card.votes', { count: option.count })} · {pf.percent(option.percent ?? 0)}
        </span>
      </>
    ) : null;

  return (
    <>
      {voting ? (
        <form className="poll__form" onSubmit={submit}>
          <fieldset className="poll__choices" aria-describedby={poll.multiple ? `${id}-hint` : undefined}>
            <legend className="visually-hidden">{poll.question}</legend>
            {poll.multiple ? (
              <p className="poll__hint small" id={`${id}-hint`}>
                {poll.maxChoices ? t('card.chooseUpTo', { count: poll.maxChoices }) : t('card.chooseAny')}
              </p>
            ) : null}
            <ul className="poll__options">
              {poll.options.map((option) => {
                const checked = selection.includes(option.id);
                return (
                  <li key={option.id} className={`poll__option${checked ? ' poll__option--chosen' : ''}`}>
                    <label className="poll__pick">
                      <input
                        type={poll.multiple ? 'checkbox' : 'radio'}
                        name={`${id}-choice`}
                        value={option.id}
                        checked={checked}
                        disabled={poll.multiple && !checked && selection.length >= max}
                        onChange={(e) => toggle(option.id, e.target.checked)}
                      />
                      <span className="poll__option-label">{option.label}</span>
                    </label>
                    {results(option)}
                    <Voters option={option} />
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <div className="poll__actions">
            <button type="submit" className="button button--primary button--small" disabled={!selection.length || vote.isPending}>
              {poll.voted ? t('card.saveVote') : t('card.vote')}
            </button>
            {changing ? (
              <button type="button" className="button button--small" onClick={() => setChanging(false)}>
                {t('card.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <ul className="poll__options">
          {poll.options.map((option) => (
            <li key={option.id} className={`poll__option${option.chosen ? ' poll__option--chosen' : ''}`}>
              <span className="poll__option-label">
                {option.label}
                {option.chosen ? <span className="poll__mine"> ✓ {t('card.yourChoice')}</span> : null}
              </span>
              {results(option)}
              <Voters option={option} />
            </li>
          ))}
        </ul>
      )}
      {!poll.resultsVisible ? <p className="poll__note small">{hiddenResultsNote(poll, t)}</p> : null}
      {poll.voted && poll.abilities.vote && !changing ? (
        <div className="poll__actions">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setSelection(poll.options.filter((o) => o.chosen).map((o) => o.id));
              setChanging(true);
            }}
          >
            {t('card.changeVote')}
          </button>
          <button
            type="button"
            className="link-button"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => setSelection([]) })}
          >
            {t('card.withdraw')}
          </button>
        </div>
      ) : null}
      {poll.abilities.addOption ? <AddOption poll={poll} /> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </>
  );
}

function DatePoll({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const pf = usePollFormat();
  const id = useId();
  const vote = useCastVote(poll.id);
  const withdraw = useWithdrawVote(poll.id);
  const mine = () => Object.fromEntries(poll.options.filter((o) => o.myAnswer).map((o) => [o.id, o.myAnswer as DateAnswer]));
  const [picked, setPicked] = useState<Record<string, DateAnswer>>(mine);
  const [dirty, setDirty] = useState(false);
  const best = poll.resultsVisible ? poll.options.find((o) => o.id === poll.bestOptionId) : undefined;
  const error = [vote, withdraw].find((m) => m.isError)?.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = Object.entries(picked).map(([optionId, answer]) => ({ optionId, answer }));
    if (!list.length) return;
    vote.mutate({ answers: list }, { onSuccess: () => setDirty(false) });
  };

  return (
    <form className="poll__form" onSubmit={submit}>
      {best ? (
        <p className="poll__best">
          <strong>{t('card.best', { slot: pf.slot(best.startsAt, best.endsAt) })}</strong>
        </p>
      ) : null}
      <ul className="poll__slots">
        {poll.options.map((option) => {
          const slot = pf.slot(option.startsAt, option.endsAt);
          const isBest = option.id === best?.id;
          return (
            <li key={option.id} className={`poll__slot${isBest ? ' poll__slot--best' : ''}`}>
              <div className="poll__slot-head">
                <span className="poll__slot-time" id={`${id}-${option.id}`}>
                  {slot}
                  {option.label && option.label !== slot ? <span className="poll__slot-label"> · {option.label}</span> : null}
                </span>
                {isBest ? <span className="badge poll__best-badge">{t('card.bestBadge')}</span> : null}
              </div>
              {poll.resultsVisible && option.count !== null ? (
                <p className="poll__tally small">
                  <span className="poll__answer poll__answer--yes">{t('card.tallyYes', { count: option.count })}</span>
                  <span className="poll__answer poll__answer--maybe">{t('card.tallyMaybe', { count: option.maybeCount ?? 0 })}</span>
                  <span className="poll__answer poll__answer--no">{t('card.tallyNo', { count: option.noCount ?? 0 })}</span>
                </p>
              ) : null}
              {poll.resultsVisible && option.percent !== null ? <Bar percent={option.percent} best={isBest} /> : null}
              {poll.abilities.vote ? (
                <div className="segmented poll__answers" role="radiogroup" aria-labelledby={`${id}-${option.id}`}>
                  {answers.map((answer) => (
                    <label key={answer} className={`segmented__option poll__answer-option poll__answer-option--${answer}`}>
                      <input
                        type="radio"
                        name={`${id}-${option.id}`}
                        value={answer}
                        checked={picked[option.id] === answer}
                        onChange={() => {
                          setPicked((p) => ({ ...p, [option.id]: answer }));
                          setDirty(true);
                        }}
                      />
                      <span>{t(`answers.${answer}`)}</span>
                    </label>
                  ))}
                </div>
              ) : option.myAnswer ? (
                <p className="small">{t('card.yourAnswer', { answer: t(`answers.${option.myAnswer}`) })}</p>
              ) : null}
              <Voters option={option} date />
            </li>
          );
        })}
      </ul>
      {!poll.resultsVisible ? <p className="poll__note small">{hiddenResultsNote(poll, t)}</p> : null}
      {poll.abilities.vote ? (
        <div className="poll__actions">
          <button
            type="submit"
            className="button button--primary button--small"
            disabled={!Object.keys(picked).length || (poll.voted && !dirty) || vote.isPending}
          >
            {poll.voted ? t('card.saveAnswers') : t('card.sendAnswers')}
          </button>
          {poll.voted && !dirty ? <span className="poll__saved small">✓ {t('card.answersSaved')}</span> : null}
          {poll.voted ? (
            <button
              type="button"
              className="link-button"
              disabled={withdraw.isPending}
              onClick={() =>
                withdraw.mutate(undefined, {
                  onSuccess: () => {
                    setPicked({});
                    setDirty(false);
                  },
                })
              }
            >
              {t('card.withdrawAnswers')}
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {poll.abilities.addOption ? <AddOption poll={poll} /> : null}
    </form>
  );
}

/** Members add an option (a label, or a slot for date polls) while the poll allows it. */
function AddOption({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const id = useId();
  const add = useAddPollOption(poll.id);
  const [label, setLabel] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [invalid, setInvalid] = useState(false);
  const reset = () => {
    setLabel('');
    setDate('');
    setStart('');
    setEnd('');
    setInvalid(false);
  };
  const submit = () => {
    if (poll.kind === 'choice') {
      if (!label.trim()) return setInvalid(true);
      add.mutate({ label: label.trim() }, { onSuccess: reset });
    } else {
      const startsAt = localToIso(date, start);
      const endsAt = end ? localToIso(date, end) : null;
      if (!startsAt || (end && (!endsAt || endsAt <= startsAt))) return setInvalid(true);
      add.mutate({ startsAt, endsAt }, { onSuccess: reset });
    }
  };
  // Inside the date poll's form: no nested <form>, Enter adds.
  return (
    <div className="poll__add">
      {poll.kind === 'choice' ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-label`}>
            {t('card.addOptionLabel')}
          </label>
          <input
            id={`${id}-label`}
            className="input input--small"
            value={label}
            maxLength={200}
            placeholder={t('card.addOptionLabel')}
            aria-invalid={invalid || undefined}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
        </>
      ) : (
        <fieldset className="poll__add-slot">
          <legend className="small">{t('card.addSlotLabel')}</legend>
          <label className="poll-fields__mini">
            <span>{t('composer.slotDate')}</span>
            <input type="date" className="input input--small" value={date} aria-invalid={invalid || undefined} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label className="poll-fields__mini">
            <span>{t('composer.slotStart')}</span>
            <input type="time" className="input input--small" value={start} aria-invalid={invalid || undefined} onChange={(e) => setStart(e.target.value)} />
          </label>
          <label className="poll-fields__mini">
            <span>{t('composer.slotEnd')}</span>
            <input type="time" className="input input--small" value={end} onChange={(e) => setEnd(e.target.value)} />
          </label>
        </fieldset>
      )}
      <button type="button" className="button button--small" disabled={add.isPending} onClick={submit}>
        {poll.kind === 'choice' ? t('card.addOption') : t('card.addSlot')}
      </button>
      {invalid ? <p className="field__error">{poll.kind === 'choice' ? t('errors.option') : t('errors.slot')}</p> : null}
      {add.isError ? <Alert tone="error">{errorMessage(t, add.error)}</Alert> : null}
    </div>
  );
}

/** The author's controls: close now / reopen, the results as CSV, a date poll's slot → an event. */
function AuthorTools({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const id = useId();
  const navigate = useNavigate();
  const update = useUpdatePoll(poll.id);
  const toEvent = usePollToEvent(poll.id, poll.postId);
  const pf = usePollFormat();
  // The best slot until the author picks another one.
  const [slot, setSlot] = useState<string | null>(null);
  const chosen = slot && poll.options.some((o) => o.id === slot) ? slot : (poll.bestOptionId ?? poll.options[0]?.id ?? '');
  const { abilities } = poll;
  if (!abilities.close && !abilities.reopen && !abilities.export && !abilities.createEvent && !poll.eventId) return null;
  const error = [update, toEvent].find((m) => m.isError)?.error;
  return (
    <div className="poll__author">
      {poll.kind === 'date' && poll.eventId ? (
        <a className="button button--small" href={`/events/${encodeURIComponent(poll.eventId)}`}>
          {t('card.openEvent')}
        </a>
      ) : null}
      {abilities.createEvent && poll.kind === 'date' && !poll.eventId ? (
        <div className="poll__to-event">
          <label htmlFor={`${id}-slot`} className="small">
            {t('card.eventSlot')}
          </label>
          <select id={`${id}-slot`} className="input input--small" value={chosen} onChange={(e) => setSlot(e.target.value)}>
            {poll.options.map((o) => (
              <option key={o.id} value={o.id}>
                {pf.slot(o.startsAt, o.endsAt)}
                {o.id === poll.bestOptionId ? ` (${t('card.bestBadge')})` : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--primary button--small"
            disabled={!chosen || toEvent.isPending}
            onClick={() => toEvent.mutate({ optionId: chosen }, { onSuccess: (event) => void navigate({ href: `/events/${encodeURIComponent(event.id)}` }) })}
          >
            {t('card.createEvent')}
          </button>
        </div>
      ) : null}
      <div className="poll__author-row">
        {abilities.close ? (
          <button type="button" className="link-button" disabled={update.isPending} onClick={() => update.mutate({ closed: true })}>
            {t('card.close')}
          </button>
        ) : null}
        {abilities.reopen ? (
          <button type="button" className="link-button" disabled={update.isPending} onClick={() => update.mutate({ closed: false })}>
            {t('card.reopen')}
          </button>
        ) : null}
        {abilities.export ? (
          <a className="link-button" href={exportCsvUrl(poll.id)} download>
            {t('card.exportCsv')}
          </a>
        ) : null}
      </div>
      {abilities.close || abilities.reopen ? <Reschedule poll={poll} /> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </div>
  );
}

/** The author moves the deadline (or removes it); the reminder moves with it (24 h before, as at the start). */
function Reschedule({ poll }: { poll: Poll }) {
  const { t } = useTranslation('polls');
  const id = useId();
  const update = useUpdatePoll(poll.id);
  const [value, setValue] = useState(() => (poll.deadline ? toDateTimeLocal(new Date(poll.deadline)) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const deadline = value ? dateTimeLocalToIso(value) : null;
    if (value && (!deadline || new Date(deadline).getTime() <= Date.now())) {
      setProblem(t('errors.deadline'));
      return;
    }
    setProblem(null);
    const day = 24 * 3_600_000;
    const reminder = deadline && new Date(deadline).getTime() - day > Date.now() ? new Date(new Date(deadline).getTime() - day).toISOString() : null;
    update.mutate(
      { deadline, reminderAt: reminder },
      {
        onSuccess: () => {
          if (detailsRef.current) detailsRef.current.open = false;
        },
        onError: (error) => setProblem(Object.keys(fieldErrors(t, error)).length ? t('errors.deadline') : errorMessage(t, error)),
      },
    );
  };
  return (
    <details className="poll__reschedule" ref={detailsRef}>
      <summary>{t('card.changeDeadline')}</summary>
      <form className="poll__reschedule-form" onSubmit={save}>
        <label htmlFor={`${id}-deadline`} className="small">
          {t('composer.deadline')}
        </label>
        <input
          id={`${id}-deadline`}
          type="datetime-local"
          className="input input--small"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button button--small" disabled={update.isPending}>
          {t('card.saveDeadline')}
        </button>
        {problem ? (
          <p className="field__error" id={`${id}-problem`}>
            {problem}
          </p>
        ) : null}
      </form>
    </details>
  );
}

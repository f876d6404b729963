import { type EscalationTopic, Weekdays } from '@innenhof/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEscalationFormat } from '../lib/format.ts';
import { ContactPerson } from './contact-person.tsx';

/** The out-of-hours rule in words ("On call: Bob Berger", "Rota by week: …", "Wait until the next business day"). */
export function useOutOfHoursText() {
  const { t } = useTranslation('escalation');
  return (topic: EscalationTopic): string => {
    const rule = topic.outOfHours;
    if (rule.kind === 'on_call') return t('outOfHours.onCallText', { name: rule.person?.name ?? t('formerMember') });
    if (rule.kind === 'rota') return t('outOfHours.rotaText', { names: rule.people.map((p) => p.name).join(', '), week: rule.startWeek });
    return t('outOfHours.nextBusinessDayText');
  };
}

/** Business hours per weekday in the topic's zone, with the holidays note. */
export function BusinessHoursCard({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('hours.title')}
      </h2>
      <table className="esc-hours">
        <caption className="visually-hidden">{t('hours.caption', { zone: topic.timeZone })}</caption>
        <tbody>
          {Weekdays.map((day) => (
            <tr key={day}>
              <th scope="row">{format.weekday(day)}</th>
              <td>{topic.businessHours[day].length ? format.spans(topic.businessHours[day]) : <span className="muted">{t('hours.closed')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('hours.zone', { zone: topic.timeZone })}</p>
      <p className="muted small">{t('hours.holidaysNote')}</p>
    </section>
  );
}

/** After hours: the on-call person, the weekly rota (whose week it is), or "wait until the next business day". */
export function OutOfHoursCard({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const headingId = useId();
  const rule = topic.outOfHours;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('outOfHours.title')}
      </h2>
      {rule.kind === 'on_call' ? (
        rule.person ? (
          <ContactPerson person={rule.person} role={t('roles.onCall')} size="sm" />
        ) : (
          <p className="muted">{t('formerMember')}</p>
        )
      ) : rule.kind === 'rota' ? (
        <>
          <p>{t('outOfHours.rotaIntro', { week: rule.startWeek })}</p>
          <ol className="esc-rota">
            {rule.people.map((person, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a rota may name the same person twice; the position is the identity
              <li key={`${person.id}-${index}`} className={index === rule.currentIndex ? 'esc-rota__current' : undefined}>
                {person.name}
                {index === rule.currentIndex ? <span className="badge esc-badge--now">{t('outOfHours.thisWeek')}</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('outOfHours.nextBusinessDayText')}</p>
      )}
    </section>
  );
}

/** Level 1 → 3, each with its person and the condition to escalate to them. */
export function ChainCard({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('chain.title')}
      </h2>
      {topic.chain.length === 0 ? (
        <p className="muted">{t('chain.empty')}</p>
      ) : (
        <ol className="esc-chain">
          {topic.chain.map((level) => (
            <li key={level.level} className="esc-chain__level">
              <span className="esc-chain__number" aria-hidden="true">
                {level.level}
              </span>
              <div className="esc-chain__body">
                <span className="visually-hidden">{t('chain.level', { level: level.level })}: </span>
                {level.person ? <ContactPerson person={level.person} size="sm" /> : <p className="muted">{t('formerMember')}</p>}
                <p className="esc-chain__condition">
                  <strong>{t('chain.when')}</strong> {level.condition || t('chain.noCondition')}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">{t('chain.timeout', { count: topic.ackTimeoutMinutes })}</p>
    </section>
  );
}

import { type EscalationTopic, Weekdays } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { useEscalationFormat } from '../lib/format.ts';
import { useOutOfHoursText } from './topic-facts.tsx';

/** "Print": the browser's print dialog; the print stylesheet hides the app's frame and the buttons. */
export function PrintButton() {
  const { t } = useTranslation('escalation');
  return (
    <button type="button" className="button esc-no-print" onClick={() => window.print()}>
      {t('print')}
    </button>
  );
}

/** The whole directory as one table, shown only on paper (the cards on screen hold less). */
export function PrintDirectory({ topics }: { topics: EscalationTopic[] }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const outOfHours = useOutOfHoursText();
  const person = (p: EscalationTopic['responsible']) => (p ? `${p.name}${p.phone ? ` · ${p.phone}` : ''}` : '–');
  return (
    <table className="esc-print-table">
      <caption>{t('printCaption', { date: format.dateTime(new Date().toISOString()) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fields.title')}</th>
          <th scope="col">{t('roles.responsible')}</th>
          <th scope="col">{t('roles.deputy')}</th>
          <th scope="col">{t('hours.title')}</th>
          <th scope="col">{t('outOfHours.title')}</th>
          <th scope="col">{t('chain.title')}</th>
        </tr>
      </thead>
      <tbody>
        {topics.map((topic) => (
          <tr key={topic.id}>
            <th scope="row">{topic.title}</th>
            <td>{person(topic.responsible)}</td>
            <td>{person(topic.deputy)}</td>
            <td>
              {Weekdays.filter((day) => topic.businessHours[day].length).map((day) => (
                <div key={day}>
                  {format.weekday(day)}: {format.spans(topic.businessHours[day])}
                </div>
              ))}
              <div>{topic.timeZone}</div>
            </td>
            <td>{outOfHours(topic)}</td>
            <td>
              {topic.chain.map((level) => (
                <div key={level.level}>
                  {level.level}. {person(level.person)}
                  {level.condition ? ` – ${level.condition}` : ''}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

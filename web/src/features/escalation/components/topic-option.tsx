import type { EscalationTopic } from '@innenhof/contract';
import { useTranslation } from 'react-i18next';
import { IconLifebuoy } from '../../../components/ui/icons.tsx';

/** A topic as an option of the top bar's search: its title, and who to contact right now. */
export function TopicOption({ topic }: { topic: EscalationTopic }) {
  const { t } = useTranslation('escalation');
  const contact = topic.now.contact;
  return (
    <span className="person-option esc-topic-option">
      <span className="esc-topic-option__icon" aria-hidden="true">
        <IconLifebuoy width={18} height={18} />
      </span>
      <span className="person-option__text">
        <span className="person-option__name">
          <span className="visually-hidden">{t('search.topicPrefix')} </span>
          {topic.title}
        </span>
        <span className="person-option__sub">
          {contact ? t('search.contactNow', { name: contact.name }) : topic.now.via === 'wait' ? t('search.closed') : t('now.nobody')}
        </span>
      </span>
    </span>
  );
}

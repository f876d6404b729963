import type { EscalationTopic, UserSummary } from '@innenhof/contract';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/ui/avatar.tsx';
import { Combobox } from '../../components/ui/combobox.tsx';
import { GuestBadge } from '../../components/ui/guest-badge.tsx';
import { IconSearch } from '../../components/ui/icons.tsx';
import { useTopicSuggestions } from '../../features/escalation/api/list-topics.ts';
import { TopicOption } from '../../features/escalation/components/topic-option.tsx';
import { useSearchPeople } from '../../features/people/api/search-people.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';

type Option = { kind: 'topic'; topic: EscalationTopic } | { kind: 'person'; person: UserSummary };

/**
 * The top bar's search: responsibilities ("Wer ist zuständig für …?") and people as you type, topics first
 * (whom to call matters most); Enter shows all people in the directory, the footer link all topics.
 */
export function TopSearch() {
  const { t } = useTranslation(['people', 'escalation']);
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const q = useDebouncedValue(value, 200);
  const people = useSearchPeople(q);
  const topics = useTopicSuggestions(q);
  const options: Option[] = value.trim()
    ? [
        ...(topics.data?.items ?? []).slice(0, 4).map((topic) => ({ kind: 'topic' as const, topic })),
        ...(people.data?.items ?? []).map((person) => ({ kind: 'person' as const, person })),
      ]
    : [];

  return (
    <search className="top-search">
      <Combobox<Option>
        label={t('escalation:search.topBarLabel')}
        hideLabel
        placeholder={t('escalation:search.topBarPlaceholder')}
        value={value}
        onValueChange={setValue}
        options={options}
        getKey={(o) => (o.kind === 'topic' ? `t-${o.topic.id}` : `p-${o.person.id}`)}
        icon={<IconSearch width={18} height={18} />}
        loading={people.isFetching || topics.isFetching}
        loadingText={t('people:search.loading')}
        emptyText={t('escalation:search.topBarEmpty')}
        renderOption={(option) =>
          option.kind === 'topic' ? (
            <TopicOption topic={option.topic} />
          ) : (
            <span className="person-option">
              <Avatar user={option.person} size="xs" alt="" />
              <span className="person-option__text">
                <span className="person-option__name">
                  {option.person.name} <GuestBadge user={option.person} />
                </span>
                {option.person.jobTitle ? <span className="person-option__sub">{option.person.jobTitle}</span> : null}
              </span>
            </span>
          )
        }
        onSelect={(option) => {
          setValue('');
          if (option.kind === 'topic') void navigate({ to: '/escalation/topics/$topicId', params: { topicId: option.topic.id } });
          else void navigate({ to: '/people/$id', params: { id: option.person.id } });
        }}
        onSubmit={(text) => {
          void navigate({ to: '/people', search: { q: text.trim() || undefined } });
        }}
        footer={
          <Link
            to="/escalation"
            search={{ q: value.trim() || undefined }}
            className="top-search__more"
            tabIndex={-1}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setValue('')}
          >
            {t('escalation:search.allTopics', { q: value.trim() })}
          </Link>
        }
      />
    </search>
  );
}

import type { Message } from '@innenhof/contract';
import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { IconClose } from '../../../components/ui/icons.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useSearchMessages } from '../api/search-messages.ts';
import { plainText } from '../../../lib/markdown.ts';

/** The match(es) in a result, marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return <>{text}</>;
  // Show the text around the first match when it is long.
  const lower = text.toLocaleLowerCase();
  const first = lower.indexOf(q);
  const from = first > 60 ? first - 40 : 0;
  const shown = (from ? '…' : '') + text.slice(from, from + 220);
  const parts: { text: string; hit: boolean }[] = [];
  const shownLower = shown.toLocaleLowerCase();
  let at = 0;
  for (let i = shownLower.indexOf(q); i >= 0; i = shownLower.indexOf(q, i + q.length)) {
    if (i > at) parts.push({ text: shown.slice(at, i), hit: false });
    parts.push({ text: shown.slice(i, i + q.length), hit: true });
    at = i + q.length;
  }
  parts.push({ text: shown.slice(at), hit: false });
  return (
    <>
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed pieces of one string.
        p.hit ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}

/** Search within this conversation; picking a result shows it in the conversation. */
export function SearchPanel({ conversationId, onPick, onClose }: { conversationId: string; onPick: (message: Message) => void; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const format = useFormatters();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const results = useSearchMessages(conversationId, q);
  const items = (results.data?.pages ?? []).flatMap((p) => p.items).filter((m) => !m.deletedAt && !m.system);
  return (
    <div className="thread-search">
      <div className="thread-search__bar">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={`${id}-q`}
          className="input thread-search__input"
          type="search"
          // biome-ignore lint/a11y/noAutofocus: the search field is what was asked for.
          autoFocus
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !text) onClose();
          }}
        />
        <button type="button" className="icon-button" onClick={onClose}>
          <IconClose width={18} height={18} />
          <span className="visually-hidden">{t('search.close')}</span>
        </button>
      </div>
      <div className="thread-search__results" aria-live="polite">
        {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
        {q && results.isFetching && !items.length ? <p className="muted small">{t('common:loading')}</p> : null}
        {q && results.isSuccess && !items.length ? <p className="muted small">{t('search.none')}</p> : null}
        {items.length ? (
          <ul className="plain-list" aria-label={t('search.results', { count: items.length })}>
            {items.map((m) => (
              <li key={m.id}>
                <button type="button" className="search-hit" onClick={() => onPick(m)}>
                  <span className="search-hit__meta">
                    <span className="search-hit__author">{m.author?.name ?? t('formerMember')}</span>
                    <span>{format.dateTime(m.createdAt)}</span>
                  </span>
                  <span className="search-hit__text">
                    <Highlighted text={plainText(m.body)} query={q} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {results.hasNextPage ? (
          <button type="button" className="link-button" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
            {t('search.more')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

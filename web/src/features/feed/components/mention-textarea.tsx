import type { UserSummary } from '@innenhof/contract';
import { type ClipboardEvent, type KeyboardEvent, type RefObject, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useHashtagSuggestions, useMentionSuggestions } from '../api/suggestions.ts';

export type Mention = { id: string; name: string };

type Typing = { kind: '@' | '#'; start: number; query: string };

/** "@name" or "#tag" being typed up to the caret, when it starts a word. */
function typingQuery(text: string, caret: number): Typing | null {
  const before = text.slice(0, caret);
  const tag = /(^|\s)#([\p{L}\p{N}_]{1,50})$/u.exec(before);
  if (tag) return { kind: '#', start: before.length - tag[2]!.length - 1, query: tag[2]! };
  const match = /(^|\s)@([^\s@][^@\n]{0,40}|)$/u.exec(before);
  if (!match) return null;
  return { kind: '@', start: before.length - match[2]!.length - 1, query: match[2]! };
}

type Suggestion = { key: string; person?: UserSummary; tag?: { tag: string; count: number } };

/** Only the people whose "@Name" is still in the text. */
export function keptMentions(body: string, mentions: Mention[]): Mention[] {
  return mentions.filter((m, i) => body.includes(`@${m.name}`) && mentions.findIndex((n) => n.id === m.id) === i);
}

/**
 * A textarea with @mention and #hashtag autocomplete (combobox pattern: the textarea keeps focus, arrow keys
 * move through the suggestions, Enter or Tab picks). Mentions are suggested among the people who can read
 * the post (`groupId`: its group's members).
 */
export function MentionTextarea({
  value,
  onChange,
  onMention,
  label,
  placeholder,
  rows = 1,
  textareaRef,
  onKeyDown,
  onPaste,
  className,
  maxLength,
  meId,
  groupId = null,
}: {
  value: string;
  onChange: (value: string) => void;
  onMention: (person: Mention) => void;
  label: string;
  placeholder?: string;
  rows?: number;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onPaste?: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
  className?: string;
  maxLength?: number;
  meId?: string;
  groupId?: string | null;
}) {
  const { t } = useTranslation('feed');
  const id = useId();
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const [mention, setMention] = useState<Typing | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(mention ? `${mention.kind}${mention.query}` : '', 150);
  const people = useMentionSuggestions(query.startsWith('@') ? query.slice(1).trim() : '', groupId);
  const tags = useHashtagSuggestions(query.startsWith('#') ? query.slice(1) : '');
  const suggestions: Suggestion[] = !mention
    ? []
    : mention.kind === '@'
      ? query.startsWith('@') && query.length > 1
        ? (people.data?.items ?? [])
            .filter((p) => p.id !== meId && p.status !== 'deactivated')
            .slice(0, 8)
            .map((person) => ({ key: person.id, person }))
        : []
      : query.startsWith('#')
        ? (tags.data?.items ?? []).slice(0, 8).map((tag) => ({ key: `#${tag.tag}`, tag }))
        : [];
  const showSuggestions = suggestions.length > 0;
  const activeSuggestion = showSuggestions ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;

  const refresh = (text: string, position: number) => {
    const found = typingQuery(text, position);
    setMention(found);
    if (!found) setActive(0);
  };

  const pick = (suggestion: Suggestion) => {
    if (!mention) return;
    const insert = suggestion.person ? `@${suggestion.person.name} ` : `#${suggestion.tag?.tag ?? ''} `;
    const end = mention.start + 1 + mention.query.length;
    onChange(value.slice(0, mention.start) + insert + value.slice(end));
    if (suggestion.person) onMention({ id: suggestion.person.id, name: suggestion.person.name });
    setMention(null);
    setActive(0);
    const position = mention.start + insert.length;
    requestAnimationFrame(() => {
      const el = ref.current;
      if (el) {
        el.focus();
        el.setSelectionRange(position, position);
      }
    });
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showSuggestions) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const n = suggestions.length;
        setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && activeSuggestion) {
        event.preventDefault();
        pick(activeSuggestion);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  const listId = `${id}-mentions`;
  return (
    <div className="mention-field">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {label}
      </label>
      <textarea
        id={`${id}-input`}
        ref={ref}
        className={className ?? 'input input--textarea'}
        rows={rows}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        role="combobox"
        aria-expanded={showSuggestions}
        aria-autocomplete="list"
        aria-controls={showSuggestions ? listId : undefined}
        aria-activedescendant={activeSuggestion ? `${id}-m-${suggestions.indexOf(activeSuggestion)}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => refresh(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setMention(null), 150)}
        onKeyDown={keyDown}
        onPaste={onPaste}
      />
      {showSuggestions ? (
        <div id={listId} role="listbox" aria-label={mention?.kind === '#' ? t('mentions.tags') : t('mentions.label')} className="mention-suggestions">
          {suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea handles the keys (aria-activedescendant pattern).
            <div
              key={suggestion.key}
              id={`${id}-m-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={suggestion === activeSuggestion}
              className={`mention-suggestions__option${suggestion === activeSuggestion ? ' mention-suggestions__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(suggestion)}
              onMouseEnter={() => setActive(index)}
            >
              {suggestion.person ? (
                <>
                  <Avatar user={suggestion.person} size="xs" alt="" />
                  <span>{suggestion.person.name}</span>
                  {suggestion.person.jobTitle ? <span className="muted small">{suggestion.person.jobTitle}</span> : null}
                </>
              ) : (
                <>
                  <span className="mention-suggestions__tag">#{suggestion.tag?.tag}</span>
                  <span className="muted small">{t('mentions.tagCount', { count: suggestion.tag?.count ?? 0 })}</span>
                </>
              )}
            </div>
          ))}
        </div>
      ) : null}
      <span className="visually-hidden" aria-live="polite">
        {showSuggestions ? t('mentions.count', { count: suggestions.length }) : ''}
      </span>
    </div>
  );
}

import type { Attachment, UserSummary } from '@innenhof/contract';
import { type FormEvent, type KeyboardEvent, type RefObject, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmojiButton } from '../../../components/emoji-button.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconPaperclip, IconSend } from '../../../components/ui/icons.tsx';
import { FileInput, UploadPreviews } from '../../../components/upload-previews.tsx';
import type { Uploads } from '../../../lib/use-uploads.ts';

export type ReplyRef = { id: string; authorName: string | null; excerpt: string };

export interface Outgoing {
  body: string;
  mentions: { id: string; name: string }[];
  attachments: Attachment[];
}

/** "@" and what follows it up to the caret, when it starts a word: the mention being typed. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@][^@\n]{0,40}|)$/u.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

function matches(person: UserSummary, query: string): boolean {
  const q = query.toLocaleLowerCase();
  const name = person.name.toLocaleLowerCase();
  return name.startsWith(q) || name.split(/\s+/).some((part) => part.startsWith(q));
}

export function Composer({
  members,
  meId,
  canPost,
  uploads,
  replyTo,
  onCancelReply,
  sendError,
  onSend,
  onTyping,
  textareaRef,
}: {
  members: UserSummary[];
  meId: string;
  canPost: boolean;
  uploads: Uploads<Attachment>;
  replyTo: ReplyRef | null;
  onCancelReply: () => void;
  sendError: string | null;
  onSend: (message: Outgoing) => void;
  onTyping: () => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { t } = useTranslation('chat');
  const id = useId();
  const [draft, setDraft] = useState('');
  const [mentioned, setMentioned] = useState<{ id: string; name: string }[]>([]);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);
  const caret = useRef(0);

  const suggestions = mention ? members.filter((m) => m.id !== meId && matches(m, mention.query)).slice(0, 8) : [];
  const showSuggestions = suggestions.length > 0;
  const activeSuggestion = showSuggestions ? suggestions[Math.min(active, suggestions.length - 1)] : undefined;

  const canSend = !uploads.busy && (draft.trim().length > 0 || uploads.done.length > 0);

  const refreshMention = (text: string, position: number) => {
    caret.current = position;
    const found = mentionQuery(text, position);
    setMention(found);
    if (!found) setActive(0);
  };

  const pickMention = (person: UserSummary) => {
    if (!mention) return;
    const insert = `@${person.name} `;
    const end = mention.start + 1 + mention.query.length;
    const next = draft.slice(0, mention.start) + insert + draft.slice(end);
    setDraft(next);
    setMentioned((list) => (list.some((m) => m.id === person.id) ? list : [...list, { id: person.id, name: person.name }]));
    setMention(null);
    setActive(0);
    const position = mention.start + insert.length;
    requestAnimationFrame(() => {
      const el = textareaRef.current;
      if (el) {
        el.focus();
        el.setSelectionRange(position, position);
      }
    });
  };

  const insertEmoji = (emoji: string) => {
    const el = textareaRef.current;
    const start = el ? el.selectionStart : caret.current;
    const end = el ? el.selectionEnd : caret.current;
    const next = draft.slice(0, start) + emoji + draft.slice(end);
    setDraft(next);
    const position = start + emoji.length;
    caret.current = position;
    requestAnimationFrame(() => {
      const box = textareaRef.current;
      if (box) {
        box.focus();
        box.setSelectionRange(position, position);
      }
    });
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    const body = draft.trim();
    // Only the people whose "@Name" is still in the text.
    const mentions = mentioned.filter((m) => body.includes(`@${m.name}`));
    onSend({ body, mentions, attachments: uploads.done });
    setDraft('');
    setMentioned([]);
    setMention(null);
    uploads.clear();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showSuggestions) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        setActive((i) => (i + 1) % suggestions.length);
        return;
      }
      if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && activeSuggestion) {
        event.preventDefault();
        pickMention(activeSuggestion);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  if (!canPost) {
    return <p className="composer composer--readonly muted">{t('cannotPost')}</p>;
  }

  const listId = `${id}-mentions`;
  return (
    <form className="composer" onSubmit={submit}>
      {sendError ? <Alert tone="error">{sendError}</Alert> : null}
      {uploads.notice ? <Alert tone="error">{uploads.notice}</Alert> : null}
      {replyTo ? (
        <div className="composer__reply">
          <span>
            <span className="composer__reply-label">{t('replyingTo', { name: replyTo.authorName ?? t('formerMember') })}</span>
            <span className="composer__reply-excerpt">{replyTo.excerpt}</span>
          </span>
          <button type="button" className="link-button" onClick={onCancelReply}>
            {t('cancelReply')}
          </button>
        </div>
      ) : null}
      <UploadPreviews uploads={uploads} layout="chips" />
      <div className="composer__row">
        <FileInput inputRef={fileRef} onFiles={uploads.add} />
        <button type="button" className="icon-button composer__tool" onClick={() => fileRef.current?.click()} title={t('attach.button')}>
          <IconPaperclip width={20} height={20} />
          <span className="visually-hidden">{t('attach.button')}</span>
        </button>
        <div className="composer__field">
          {showSuggestions ? (
            <div id={listId} role="listbox" aria-label={t('mentions.label')} className="mention-list">
              {suggestions.map((person, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea handles the keys (aria-activedescendant pattern).
                <div
                  key={person.id}
                  id={`${id}-m-${person.id}`}
                  role="option"
                  tabIndex={-1}
                  aria-selected={person === activeSuggestion}
                  className={`mention-list__option${person === activeSuggestion ? ' mention-list__option--active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pickMention(person)}
                  onMouseEnter={() => setActive(index)}
                >
                  <Avatar user={person} size="xs" alt="" />
                  <span>{person.name}</span>
                </div>
              ))}
            </div>
          ) : null}
          <label className="visually-hidden" htmlFor={`${id}-composer`}>
            {t('composerLabel')}
          </label>
          <textarea
            id={`${id}-composer`}
            ref={textareaRef}
            className="composer__input"
            rows={1}
            value={draft}
            maxLength={10000}
            placeholder={t('placeholder')}
            aria-autocomplete="list"
            aria-controls={showSuggestions ? listId : undefined}
            aria-activedescendant={activeSuggestion ? `${id}-m-${activeSuggestion.id}` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              refreshMention(e.target.value, e.target.selectionStart);
              if (e.target.value.trim()) onTyping();
            }}
            onSelect={(e) => refreshMention(e.currentTarget.value, e.currentTarget.selectionStart)}
            onBlur={() => setTimeout(() => setMention(null), 150)}
            onKeyDown={onKeyDown}
            onPaste={uploads.onPaste}
          />
          <span className="visually-hidden" aria-live="polite">
            {showSuggestions ? t('mentions.count', { count: suggestions.length }) : ''}
          </span>
        </div>
        <EmojiButton
          label={t('emoji.button')}
          block="composer__emoji"
          toolClass="composer__tool"
          iconSize={20}
          onPick={insertEmoji}
          onClose={() => textareaRef.current?.focus()}
        />
        <button type="submit" className="button button--primary composer__send" disabled={!canSend}>
          <IconSend width={18} height={18} />
          <span className="composer__send-label">{t('send')}</span>
        </button>
      </div>
    </form>
  );
}

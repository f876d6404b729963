import type { Conversation, Message } from '@innenhof/contract';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useDeleteMessage } from '../api/delete-message.ts';
import { useEditMessage } from '../api/edit-message.ts';
import { useConversation } from '../api/get-conversation.ts';
import { newClientId } from '../api/keys.ts';
import { useMessages } from '../api/list-messages.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { useSendMessage } from '../api/send-message.ts';
import { useTypingSignal, useTypingUsers } from '../hooks/use-typing.ts';
import { conversationTitle, otherMembers } from './conversation-info.ts';

const route = getRouteApi('/_app/chat/$conversationId');

/** Consecutive messages of one person within this time form one group of bubbles. */
const GROUP_MS = 5 * 60_000;

type ReplyRef = { id: string; authorName: string | null; excerpt: string };
interface Pending {
  clientId: string;
  body: string;
  replyTo: ReplyRef | null;
  failed: boolean;
}

const excerptOf = (body: string) => (body.length > 120 ? `${body.slice(0, 117)}…` : body);

export function ConversationView() {
  const { t } = useTranslation('chat');
  const { conversationId } = route.useParams();
  const conversation = useConversation(conversationId);
  const me = useMe();
  useDocumentTitle(conversation.data ? conversationTitle(conversation.data, me.user.id) : t('title'));
  if (conversation.isPending) return <Spinner />;
  if (conversation.isError) {
    return (
      <div className="chat__empty">
        <Alert tone="error">{isApiError(conversation.error, 'not_found') ? t('notFound') : errorMessage(t, conversation.error)}</Alert>
        <Link to="/chat" className="button">
          {t('back')}
        </Link>
      </div>
    );
  }
  // A fresh view per conversation: drafts, pending messages and scroll position do not leak into another.
  return <Thread key={conversationId} conversation={conversation.data} />;
}

function Thread({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation('chat');
  const me = useMe();
  const meId = me.user.id;
  const format = useFormatters();
  const messages = useMessages(conversation.id);
  const send = useSendMessage();
  const markRead = useMarkRead();
  const signalTyping = useTypingSignal(conversation.id);
  const [pending, setPending] = useState<Pending[]>([]);
  const [draft, setDraft] = useState('');
  const [replyTo, setReplyTo] = useState<ReplyRef | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const title = conversationTitle(conversation, meId);
  const others = otherMembers(conversation, meId);

  // Oldest first for display (pages come newest first).
  const loaded = (messages.data?.pages ?? []).flatMap((p) => p.items);
  const chronological = [...loaded].reverse();
  const known = new Set(loaded.map((m) => m.clientId));
  const stillPending = pending.filter((p) => !known.has(p.clientId));
  const newest = loaded[0];
  const typingIds = useTypingUsers(conversation.id, meId, newest?.author?.id, newest?.id);
  const oldestId = loaded[loaded.length - 1]?.id;
  const bottomKey = `${newest?.id ?? ''}:${stillPending.length}:${typingIds.length}`;

  // ---------------------------------------------------------------- scrolling
  const atBottom = useRef(true);
  const before = useRef<{ oldestId: string | undefined; height: number; top: number }>({ oldestId: undefined, height: 0, top: 0 });
  const onScroll = () => {
    const el = logRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the oldest or newest message changes.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el) return;
    const prev = before.current;
    if (prev.oldestId && oldestId && prev.oldestId !== oldestId && prev.height) {
      // Older messages came in above: keep what the reader was looking at in place.
      el.scrollTop = el.scrollHeight - prev.height + prev.top;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    before.current = { oldestId, height: el.scrollHeight, top: el.scrollTop };
  }, [oldestId, bottomKey]);

  // Reaching the top loads older messages.
  const topRef = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  useEffect(() => {
    const target = topRef.current;
    const root = logRef.current;
    if (!target || !root || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) {
          const el = logRef.current;
          if (el) before.current = { oldestId, height: el.scrollHeight, top: el.scrollTop };
          void fetchNextPage();
        }
      },
      { root, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, oldestId]);

  // ---------------------------------------------------------------- read receipts
  const myRead = conversation.readUpTo.find((r) => r.userId === meId)?.messageId ?? null;
  const lastMarked = useRef<string | null>(null);
  const { mutate: mark } = markRead;
  useEffect(() => {
    if (!newest || (newest.author?.id === meId && conversation.unreadCount === 0) || newest.id === myRead || newest.id === lastMarked.current) return;
    const markNow = () => {
      if (document.visibilityState !== 'visible' || lastMarked.current === newest.id) return;
      lastMarked.current = newest.id;
      mark({ conversationId: conversation.id, messageId: newest.id });
    };
    markNow();
    document.addEventListener('visibilitychange', markNow);
    return () => document.removeEventListener('visibilitychange', markNow);
  }, [newest, myRead, meId, conversation.id, conversation.unreadCount, mark]);

  // ---------------------------------------------------------------- sending
  const attempt = (item: Pending) => {
    setSendError(null);
    send.mutate(
      { conversationId: conversation.id, clientId: item.clientId, body: item.body, ...(item.replyTo ? { replyToId: item.replyTo.id } : {}) },
      {
        onSuccess: () => setPending((list) => list.filter((p) => p.clientId !== item.clientId)),
        onError: (error) => {
          setPending((list) => list.map((p) => (p.clientId === item.clientId ? { ...p, failed: true } : p)));
          setSendError(isApiError(error, 'rate_limited') ? t('tooFast') : errorMessage(t, error));
        },
      },
    );
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    const item: Pending = { clientId: newClientId(), body, replyTo, failed: false };
    atBottom.current = true;
    setPending((list) => [...list, item]);
    setDraft('');
    setReplyTo(null);
    attempt(item);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  // ---------------------------------------------------------------- "Seen"
  const myLastIndex = chronological.findLastIndex((m) => m.author?.id === meId);
  const myLast = chronological[myLastIndex];
  const readers =
    myLast === undefined
      ? []
      : others.filter((member) => {
          const upTo = conversation.readUpTo.find((r) => r.userId === member.id)?.messageId;
          if (!upTo || member.id === meId) return false;
          return chronological.findIndex((m) => m.id === upTo) >= myLastIndex;
        });

  const typingNames = typingIds.map((id) => conversation.members.find((m) => m.id === id)?.name.split(' ')[0]).filter((n): n is string => Boolean(n));

  return (
    <section className="thread" aria-labelledby={titleId}>
      <header className="thread__header">
        <Link to="/chat" className="thread__back button button--small">
          <span aria-hidden="true">←</span>
          <span className="visually-hidden">{t('back')}</span>
        </Link>
        {others[0] ? <Avatar user={others[0]} size="sm" alt="" /> : null}
        <h2 id={titleId} className="thread__title">
          {title}
        </h2>
        {conversation.kind === 'group' ? <span className="muted small">{t('members', { count: conversation.members.length })}</span> : null}
      </header>

      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable with the keyboard. */}
      <div ref={logRef} className="thread__log" role="log" aria-label={t('messagesLabel', { title })} tabIndex={0} onScroll={onScroll}>
        <div ref={topRef} />
        {messages.isPending ? <Spinner /> : null}
        {messages.isError ? <Alert tone="error">{errorMessage(t, messages.error)}</Alert> : null}
        {hasNextPage ? (
          <p className="thread__older">
            <button type="button" className="link-button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              {isFetchingNextPage ? t('common:loading') : t('older')}
            </button>
          </p>
        ) : null}
        {messages.isSuccess && !loaded.length && !stillPending.length ? <p className="muted thread__start">{t('startHint', { title })}</p> : null}
        <ol className="thread__messages plain-list">
          {chronological.map((message, index) => {
            const prev = chronological[index - 1];
            const next = chronological[index + 1];
            const sameAsPrev = prev && prev.author?.id === message.author?.id && Date.parse(message.createdAt) - Date.parse(prev.createdAt) < GROUP_MS;
            const sameAsNext = next && next.author?.id === message.author?.id && Date.parse(next.createdAt) - Date.parse(message.createdAt) < GROUP_MS;
            const mine = message.author?.id === meId;
            return (
              <li key={message.id} className={`bubble-row${mine ? ' bubble-row--mine' : ''}${sameAsPrev ? ' bubble-row--cont' : ''}`}>
                {!mine ? (
                  <span className="bubble-row__avatar">{!sameAsNext && message.author ? <Avatar user={message.author} size="xs" alt="" /> : null}</span>
                ) : null}
                <div className="bubble-row__content">
                  {!mine && !sameAsPrev && conversation.kind === 'group' ? (
                    <span className="bubble__author">{message.author?.name ?? t('formerMember')}</span>
                  ) : null}
                  <Bubble
                    message={message}
                    mine={mine}
                    onReply={() => {
                      setReplyTo({ id: message.id, authorName: message.author?.name ?? null, excerpt: excerptOf(message.body) });
                      textareaRef.current?.focus();
                    }}
                    onEdit={() => setEditing(message)}
                    onDelete={() => setDeleting(message)}
                    time={format.dateTime(message.createdAt)}
                  />
                  {message === myLast && !stillPending.length ? (
                    <p className="bubble__status">
                      {readers.length ? (
                        conversation.kind === 'direct' ? (
                          <>
                            {t('seen')}
                            {readers.map((r) => (
                              <Avatar key={r.id} user={r} size="xs" className="bubble__reader" alt={t('seenBy', { name: r.name })} />
                            ))}
                          </>
                        ) : (
                          t('seenCount', { count: readers.length })
                        )
                      ) : (
                        t('sent')
                      )}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
          {stillPending.map((item) => (
            <li key={item.clientId} className="bubble-row bubble-row--mine">
              <div className="bubble-row__content">
                <div className={`bubble bubble--mine bubble--pending${item.failed ? ' bubble--failed' : ''}`}>
                  {item.replyTo ? <Quote reply={item.replyTo} /> : null}
                  <p className="bubble__body">{item.body}</p>
                </div>
                <p className="bubble__status">
                  {item.failed ? (
                    <>
                      {t('failed')}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setPending((list) => list.map((p) => (p.clientId === item.clientId ? { ...p, failed: false } : p)));
                          attempt({ ...item, failed: false });
                        }}
                      >
                        {t('retry')}
                      </button>
                    </>
                  ) : (
                    t('sending')
                  )}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </div>

      <p className="thread__typing" aria-live="polite">
        {typingNames.length === 1 ? t('typing', { name: typingNames[0] }) : typingNames.length > 1 ? t('typingMany', { count: typingNames.length }) : ''}
      </p>

      <form className="composer" onSubmit={submit}>
        {sendError ? <Alert tone="error">{sendError}</Alert> : null}
        {replyTo ? (
          <div className="composer__reply">
            <span>
              <span className="composer__reply-label">{t('replyingTo', { name: replyTo.authorName ?? t('formerMember') })}</span>
              <span className="composer__reply-excerpt">{replyTo.excerpt}</span>
            </span>
            <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
              {t('cancelReply')}
            </button>
          </div>
        ) : null}
        <div className="composer__row">
          <label className="visually-hidden" htmlFor={`${titleId}-composer`}>
            {t('composerLabel')}
          </label>
          <textarea
            id={`${titleId}-composer`}
            ref={textareaRef}
            className="composer__input"
            rows={1}
            value={draft}
            maxLength={10000}
            placeholder={t('placeholder')}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value.trim()) signalTyping();
            }}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="button button--primary" disabled={!draft.trim()}>
            {t('send')}
          </button>
        </div>
      </form>

      <EditDialog message={editing} onClose={() => setEditing(null)} />
      <DeleteDialog message={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

function Quote({ reply }: { reply: ReplyRef }) {
  const { t } = useTranslation('chat');
  return (
    <blockquote className="bubble__quote">
      <span className="bubble__quote-author">{reply.authorName ?? t('formerMember')}</span>
      <span className="bubble__quote-text">{reply.excerpt}</span>
    </blockquote>
  );
}

function Bubble({
  message,
  mine,
  time,
  onReply,
  onEdit,
  onDelete,
}: {
  message: Message;
  mine: boolean;
  time: string;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('chat');
  const deleted = Boolean(message.deletedAt);
  return (
    <div className={`bubble-wrap${mine ? ' bubble-wrap--mine' : ''}`}>
      <div className={`bubble${mine ? ' bubble--mine' : ''}${deleted ? ' bubble--deleted' : ''}`} title={time}>
        {message.replyTo && !deleted ? <Quote reply={message.replyTo} /> : null}
        <p className="bubble__body">{deleted ? t('deleted') : message.body}</p>
        {message.editedAt && !deleted ? <span className="bubble__edited">{t('edited')}</span> : null}
        <span className="visually-hidden">{time}</span>
      </div>
      {deleted ? null : (
        <div className="bubble__actions">
          <button type="button" className="bubble__action" onClick={onReply}>
            {t('reply')}
          </button>
          {message.abilities.edit ? (
            <button type="button" className="bubble__action" onClick={onEdit}>
              {t('edit')}
            </button>
          ) : null}
          {message.abilities.delete ? (
            <button type="button" className="bubble__action" onClick={onDelete}>
              {t('delete')}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}

function EditDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const edit = useEditMessage();
  const [body, setBody] = useState('');
  const labelId = useId();
  useEffect(() => {
    if (message) setBody(message.body);
  }, [message]);
  const close = () => {
    edit.reset();
    onClose();
  };
  return (
    <Dialog open={message !== null} title={t('editTitle')} onClose={close}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!message || !body.trim()) return;
          edit.mutate({ conversationId: message.conversationId, messageId: message.id, body: body.trim() }, { onSuccess: close });
        }}
      >
        <label htmlFor={labelId} className="field__label">
          {t('composerLabel')}
        </label>
        <textarea id={labelId} className="input composer__edit" rows={4} value={body} maxLength={10000} onChange={(e) => setBody(e.target.value)} />
        {edit.isError ? <Alert tone="error">{errorMessage(t, edit.error)}</Alert> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={close}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={edit.isPending || !body.trim()}>
            {t('common:save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const remove = useDeleteMessage();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={message !== null} title={t('deleteTitle')} onClose={close}>
      <p>{t('deleteText')}</p>
      {remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      <div className="form__actions">
        <button type="button" className="button" onClick={close}>
          {t('common:cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={remove.isPending}
          onClick={() => message && remove.mutate({ conversationId: message.conversationId, messageId: message.id }, { onSuccess: close })}
        >
          {t('delete')}
        </button>
      </div>
    </Dialog>
  );
}

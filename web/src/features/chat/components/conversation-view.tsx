import type { Conversation, Message } from '@innenhof/contract';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import '../dock/presence.css';
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { IconBellOff, IconClose } from '../../../components/ui/icons.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useConversationSettings } from '../api/conversation-actions.ts';
import { useDeleteMessage } from '../api/delete-message.ts';
import { useEditMessage } from '../api/edit-message.ts';
import { useConversation } from '../api/get-conversation.ts';
import { newClientId } from '../api/keys.ts';
import { useMessages } from '../api/list-messages.ts';
import { useMarkRead } from '../api/mark-read.ts';
import { usePresenceText } from '../../../components/presence-status.tsx';
import { useReactToMessage } from '../api/react-to-message.ts';
import { useSendMessage } from '../api/send-message.ts';
import { useTypingSignal, useTypingUsers } from '../hooks/use-typing.ts';
import { NotificationPrompt } from '../dock/notification-prompt.tsx';
import { useUploads } from '../hooks/use-uploads.ts';
import { plainText } from '../../../lib/markdown.ts';
import { systemText } from '../lib/system-text.ts';
import { ChatSettingsDialog } from './chat-settings-dialog.tsx';
import { Composer, type Outgoing, type ReplyRef } from './composer.tsx';
import { conversationTitle, otherMembers } from './conversation-info.ts';
import { ConversationPicture } from './conversation-list.tsx';
import { Attachments, MessageBody, ReactionBar, ReactionChips } from './message-parts.tsx';
import { SearchPanel } from './search-panel.tsx';
import { MenuButton, type MenuItem } from '../../../components/menu-button.tsx';

/** Consecutive messages of one person within this time form one group of bubbles. */
const GROUP_MS = 5 * 60_000;

interface Pending extends Outgoing {
  clientId: string;
  replyTo: ReplyRef | null;
  failed: boolean;
}

const excerptOf = (body: string) => {
  const text = plainText(body);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

export interface ConversationViewProps {
  /** The conversation to show; defaults to the `/chat/$conversationId` route parameter. */
  conversationId?: string;
  /** `page`: the chat page (default); `dock`: a small docked chat window (~330 × 450 px). */
  variant?: 'page' | 'dock';
  /** Docked windows: close the window (also used after leaving the chat or marking it unread). */
  onClose?: () => void;
  /**
   * Buttons at the end of the header, after the conversation menu (a docked window's minimise, full view
   * and close): one header for the window and the conversation. Without them a docked view shows a close button.
   */
  headerActions?: ReactNode;
  /** Ask once about browser notifications, under the header (default: on the chat page; a dock shows it in one window). */
  notificationPrompt?: boolean;
}

export function ConversationView({ conversationId: given, variant = 'page', onClose, headerActions, notificationPrompt }: ConversationViewProps = {}) {
  const { t } = useTranslation('chat');
  const params = useParams({ strict: false }) as { conversationId?: string };
  const conversationId = given ?? params.conversationId ?? '';
  const conversation = useConversation(conversationId);
  const me = useMe();
  useDocumentTitle(variant === 'page' ? (conversation.data ? conversationTitle(conversation.data, me.user.id) : t('title')) : undefined);
  if (conversation.isPending) return <Spinner />;
  if (conversation.isError) {
    return (
      <div className="chat__empty">
        <Alert tone="error">{isApiError(conversation.error, 'not_found') ? t('notFound') : errorMessage(t, conversation.error)}</Alert>
        {variant === 'page' ? (
          <Link to="/chat" className="button">
            {t('back')}
          </Link>
        ) : onClose ? (
          <button type="button" className="button" onClick={onClose}>
            {t('common:close')}
          </button>
        ) : null}
      </div>
    );
  }
  // A fresh view per conversation: drafts, pending messages and scroll position do not leak into another.
  return (
    <Thread
      key={conversationId}
      conversation={conversation.data}
      variant={variant}
      onClose={onClose}
      headerActions={headerActions}
      notificationPrompt={notificationPrompt ?? variant === 'page'}
    />
  );
}

function Thread({
  conversation,
  variant,
  onClose,
  headerActions,
  notificationPrompt,
}: {
  conversation: Conversation;
  variant: 'page' | 'dock';
  onClose?: () => void;
  headerActions?: ReactNode;
  notificationPrompt: boolean;
}) {
  const { t, i18n } = useTranslation('chat');
  const me = useMe();
  const meId = me.user.id;
  const format = useFormatters();
  const navigate = useNavigate();
  const messages = useMessages(conversation.id);
  const send = useSendMessage();
  const markRead = useMarkRead();
  const react = useReactToMessage();
  const settings = useConversationSettings();
  const uploads = useUploads(conversation.id);
  const signalTyping = useTypingSignal(conversation.id);
  const [pending, setPending] = useState<Pending[]>([]);
  const [replyTo, setReplyTo] = useState<ReplyRef | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [reactingId, setReactingId] = useState<string | null>(null);
  const [searchOpen, setSearchOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  // The first unread message when the conversation was opened: the divider stays while reading.
  const [unreadFrom] = useState(() => conversation.firstUnreadId);
  const [target, setTarget] = useState<{ id: string; mode: 'unread' | 'search' } | null>(() =>
    conversation.firstUnreadId ? { id: conversation.firstUnreadId, mode: 'unread' } : null,
  );
  const logRef = useRef<HTMLDivElement>(null);
  const dividerRef = useRef<HTMLLIElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const title = conversationTitle(conversation, meId);
  const others = otherMembers(conversation, meId);
  const isGroup = conversation.kind !== 'direct';
  // Direct chats: the other person's presence (a dot on the photo, "Active now" under the name).
  const partner = conversation.kind === 'direct' ? (others[0] ?? null) : null;
  const { status: presence, text: presenceText } = usePresenceText(partner && partner.id !== meId ? partner.id : null);

  /** Leave this view: the list on phones / nothing selected; a docked window closes. */
  const deselect = () => {
    if (variant === 'page') void navigate({ to: '/chat' });
    else onClose?.();
  };

  // Oldest first for display (pages come newest first).
  const loaded = (messages.data?.pages ?? []).flatMap((p) => p.items);
  const chronological = [...loaded].reverse();
  const known = new Set(loaded.map((m) => m.clientId));
  const stillPending = pending.filter((p) => !known.has(p.clientId));
  const newest = loaded[0];
  const typingIds = useTypingUsers(conversation.id, meId, newest?.author?.id, newest?.id);
  const oldestId = loaded[loaded.length - 1]?.id;
  const bottomKey = `${newest?.id ?? ''}:${stillPending.length}:${typingIds.length}`;
  const targetLoaded = target ? loaded.some((m) => m.id === target.id) : false;

  // ---------------------------------------------------------------- scrolling
  const atBottom = useRef(true);
  const before = useRef<{ oldestId: string | undefined; height: number; top: number }>({ oldestId: undefined, height: 0, top: 0 });
  const onScroll = () => {
    const el = logRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the oldest or newest message changes, or a target arrives.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el) return;
    const prev = before.current;
    if (target && targetLoaded) {
      // Jump to the first unread message (its divider at the top) or to a search result (centred).
      const node = el.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(target.id)}"]`);
      const anchor = target.mode === 'unread' ? (dividerRef.current ?? node) : node;
      if (anchor) {
        const top = anchor.offsetTop - (target.mode === 'unread' ? 8 : Math.max(0, (el.clientHeight - anchor.offsetHeight) / 2));
        el.scrollTop = Math.max(0, top);
      }
      if (target.mode === 'search') setFlash(target.id);
      setTarget(null);
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    } else if (prev.oldestId && oldestId && prev.oldestId !== oldestId && prev.height) {
      // Older messages came in above: keep what the reader was looking at in place.
      el.scrollTop = el.scrollHeight - prev.height + prev.top;
    } else if (atBottom.current && !target) {
      el.scrollTop = el.scrollHeight;
    }
    before.current = { oldestId, height: el.scrollHeight, top: el.scrollTop };
  }, [oldestId, bottomKey, targetLoaded]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  // A target further back (first unread, a search result): load older pages until it is there.
  useEffect(() => {
    if (!target || targetLoaded || !messages.isSuccess || isFetchingNextPage) return;
    if (hasNextPage) void fetchNextPage();
    else setTarget(null);
  }, [target, targetLoaded, messages.isSuccess, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 2500);
    return () => clearTimeout(timer);
  }, [flash]);

  // Reaching the top loads older messages.
  const topRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = topRef.current;
    const root = logRef.current;
    if (!el || !root || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) {
          const log = logRef.current;
          if (log) before.current = { oldestId, height: log.scrollHeight, top: log.scrollTop };
          void fetchNextPage();
        }
      },
      { root, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, oldestId]);

  // "Jump to first unread" while the divider is out of view.
  const [dividerVisible, setDividerVisible] = useState(true);
  const hasDivider = Boolean(unreadFrom && loaded.some((m) => m.id === unreadFrom));
  // biome-ignore lint/correctness/useExhaustiveDependencies: observe again once the divider is rendered.
  useEffect(() => {
    const el = dividerRef.current;
    const root = logRef.current;
    if (!el || !root) return;
    const observer = new IntersectionObserver((entries) => setDividerVisible(entries.some((e) => e.isIntersecting)), { root });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasDivider]);

  // ---------------------------------------------------------------- read receipts
  const myRead = conversation.readUpTo.find((r) => r.userId === meId)?.messageId ?? null;
  const lastMarked = useRef<string | null>(null);
  /** Marked unread from this view: do not read it again until something new arrives. */
  const keepUnread = useRef<string | null>(null);
  const { mutate: mark } = markRead;
  useEffect(() => {
    if (!newest || keepUnread.current === newest.id) return;
    const upToDate = newest.id === myRead || (newest.author?.id === meId && conversation.unreadCount === 0);
    const key = `${newest.id}:${conversation.markedUnread}`;
    if ((upToDate && !conversation.markedUnread) || key === lastMarked.current) return;
    const markNow = () => {
      if (document.visibilityState !== 'visible' || lastMarked.current === key) return;
      lastMarked.current = key;
      mark({ conversationId: conversation.id, messageId: newest.id });
    };
    markNow();
    document.addEventListener('visibilitychange', markNow);
    return () => document.removeEventListener('visibilitychange', markNow);
  }, [newest, myRead, meId, conversation.id, conversation.unreadCount, conversation.markedUnread, mark]);

  // ---------------------------------------------------------------- sending
  const attempt = (item: Pending) => {
    setSendError(null);
    send.mutate(
      {
        conversationId: conversation.id,
        clientId: item.clientId,
        body: item.body,
        ...(item.replyTo ? { replyToId: item.replyTo.id } : {}),
        ...(item.attachments.length ? { attachmentIds: item.attachments.map((a) => a.id) } : {}),
        ...(item.mentions.length ? { mentions: item.mentions.map((m) => m.id) } : {}),
      },
      {
        onSuccess: () => setPending((list) => list.filter((p) => p.clientId !== item.clientId)),
        onError: (error) => {
          setPending((list) => list.map((p) => (p.clientId === item.clientId ? { ...p, failed: true } : p)));
          setSendError(isApiError(error, 'rate_limited') ? t('tooFast') : errorMessage(t, error));
        },
      },
    );
  };
  const onSend = (out: Outgoing) => {
    const item: Pending = { ...out, clientId: newClientId(), replyTo, failed: false };
    atBottom.current = true;
    keepUnread.current = null;
    setPending((list) => [...list, item]);
    setReplyTo(null);
    attempt(item);
  };

  const toggleReaction = (message: Message, emoji: string) => {
    const mine = message.reactions.find((r) => r.userIds.includes(meId))?.emoji ?? null;
    react.mutate({ conversationId: conversation.id, messageId: message.id, emoji: mine === emoji ? null : emoji });
    setReactingId(null);
  };

  // ---------------------------------------------------------------- "Seen"
  const myLastIndex = chronological.findLastIndex((m) => m.author?.id === meId && !m.system);
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

  // ---------------------------------------------------------------- header menu
  const menu: MenuItem[] = [
    {
      key: 'mute',
      label: conversation.muted ? t('menu.unmute') : t('menu.mute'),
      onSelect: () => settings.mutate({ conversationId: conversation.id, muted: !conversation.muted }),
    },
    {
      key: 'unread',
      label: t('menu.markUnread'),
      onSelect: () => {
        keepUnread.current = newest?.id ?? null;
        settings.mutate({ conversationId: conversation.id, markedUnread: true }, { onSuccess: deselect });
      },
    },
    { key: 'search', label: t('menu.search'), onSelect: () => setSearchOpen(true) },
  ];
  if (conversation.kind === 'group') menu.push({ key: 'settings', label: t('menu.settings'), onSelect: () => setSettingsOpen(true) });
  if (conversation.kind === 'room' && conversation.groupId) {
    const groupId = conversation.groupId;
    menu.push({ key: 'group', label: t('menu.openGroup'), onSelect: () => void navigate({ to: '/groups/$groupId', params: { groupId } }) });
  }

  // ---------------------------------------------------------------- drag and drop
  const canPost = conversation.abilities.post;
  const hasFiles = (event: DragEvent) => canPost && [...event.dataTransfer.types].includes('Files');
  const dropHandlers = {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (!dragging) setDragging(true);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      uploads.add(event.dataTransfer.files);
    },
  };

  const pictureSize = variant === 'dock' ? 'xs' : 'sm';
  const headerPicture = (
    <span className="thread__photo">
      <ConversationPicture conversation={conversation} meId={meId} size={pictureSize} />
      {presence === 'online' || presence === 'away' ? <span className={`presence-dot presence-dot--${presence}`} /> : null}
    </span>
  );

  return (
    <section className={`thread thread--${variant}${dragging ? ' thread--dragging' : ''}`} aria-labelledby={titleId} {...dropHandlers}>
      <header className="thread__header">
        {variant === 'page' ? (
          <Link to="/chat" className="thread__back button button--small">
            <span aria-hidden="true">←</span>
            <span className="visually-hidden">{t('back')}</span>
          </Link>
        ) : null}
        {headerPicture}
        <div className="thread__heading">
          <h2 id={titleId} className="thread__title">
            {conversation.kind === 'room' && conversation.groupId ? (
              <Link to="/groups/$groupId" params={{ groupId: conversation.groupId }} className="thread__title-link">
                {title}
              </Link>
            ) : (
              title
            )}
          </h2>
          {isGroup ? (
            <span className="muted small thread__sub">
              {conversation.kind === 'room' ? `${t('roomLabel')} · ` : ''}
              {t('members', { count: conversation.memberCount })}
            </span>
          ) : presenceText ? (
            <span className="muted small thread__sub">{presenceText}</span>
          ) : null}
        </div>
        {conversation.muted ? (
          <span className="thread__muted" title={t('muted')}>
            <IconBellOff width={18} height={18} />
            <span className="visually-hidden">{t('muted')}</span>
          </span>
        ) : null}
        <MenuButton items={menu} label={t('menu.label')} />
        {headerActions ? <span className="thread__actions">{headerActions}</span> : null}
        {variant === 'dock' && onClose && !headerActions ? (
          <button type="button" className="icon-button" onClick={onClose}>
            <IconClose width={18} height={18} />
            <span className="visually-hidden">{t('common:close')}</span>
          </button>
        ) : null}
      </header>
      {notificationPrompt ? <NotificationPrompt /> : null}
      {settings.isError ? <Alert tone="error">{errorMessage(t, settings.error)}</Alert> : null}

      <div className="thread__body">
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
              const divider =
                message.id === unreadFrom ? (
                  <li key={`divider-${message.id}`} ref={dividerRef} className="unread-divider">
                    <span>{t('newMessages')}</span>
                  </li>
                ) : null;
              if (message.system) {
                return [
                  divider,
                  <li key={message.id} data-message-id={message.id} className="system-line">
                    <span title={format.dateTime(message.createdAt)}>{systemText(t, i18n.language, message, meId)}</span>
                  </li>,
                ];
              }
              const prev = chronological[index - 1];
              const next = chronological[index + 1];
              const sameAsPrev =
                prev && !prev.system && prev.author?.id === message.author?.id && Date.parse(message.createdAt) - Date.parse(prev.createdAt) < GROUP_MS;
              const sameAsNext =
                next && !next.system && next.author?.id === message.author?.id && Date.parse(next.createdAt) - Date.parse(message.createdAt) < GROUP_MS;
              const mine = message.author?.id === meId;
              const myReaction = message.reactions.find((r) => r.userIds.includes(meId))?.emoji ?? null;
              return [
                divider,
                <li
                  key={message.id}
                  data-message-id={message.id}
                  className={`bubble-row${mine ? ' bubble-row--mine' : ''}${sameAsPrev && !divider ? ' bubble-row--cont' : ''}${flash === message.id ? ' bubble-row--flash' : ''}`}
                >
                  {!mine ? (
                    <span className="bubble-row__avatar">{!sameAsNext && message.author ? <Avatar user={message.author} size="xs" alt="" /> : null}</span>
                  ) : null}
                  <div className="bubble-row__content">
                    {!mine && (!sameAsPrev || divider) && isGroup ? <span className="bubble__author">{message.author?.name ?? t('formerMember')}</span> : null}
                    {reactingId === message.id ? (
                      <div className={`bubble__react-pop${mine ? ' bubble__react-pop--mine' : ''}`}>
                        <ReactionBar mine={myReaction} onPick={(emoji) => toggleReaction(message, emoji)} onClose={() => setReactingId(null)} />
                      </div>
                    ) : null}
                    <Bubble
                      message={message}
                      mine={mine}
                      canReact={canPost}
                      reacting={reactingId === message.id}
                      onReact={() => setReactingId((id) => (id === message.id ? null : message.id))}
                      onReply={() => {
                        setReplyTo({
                          id: message.id,
                          authorName: message.author?.name ?? null,
                          excerpt: message.body ? excerptOf(message.body) : message.attachments.map((a) => a.name).join(', '),
                        });
                        textareaRef.current?.focus();
                      }}
                      onEdit={() => setEditing(message)}
                      onDelete={() => setDeleting(message)}
                      time={format.dateTime(message.createdAt)}
                    />
                    {!message.deletedAt ? (
                      <ReactionChips
                        reactions={message.reactions}
                        meId={meId}
                        members={conversation.members}
                        onToggle={(emoji) => canPost && toggleReaction(message, emoji)}
                      />
                    ) : null}
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
                </li>,
              ];
            })}
            {stillPending.map((item) => (
              <li key={item.clientId} className="bubble-row bubble-row--mine">
                <div className="bubble-row__content">
                  {item.body || item.replyTo ? (
                    <div className={`bubble bubble--mine bubble--pending${item.failed ? ' bubble--failed' : ''}`}>
                      {item.replyTo ? <Quote reply={item.replyTo} /> : null}
                      {item.body ? <MessageBody body={item.body} mentions={item.mentions} /> : null}
                    </div>
                  ) : null}
                  <Attachments attachments={item.attachments} />
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
        {hasDivider && !dividerVisible && !searchOpen ? (
          <button
            type="button"
            className="button button--small thread__jump"
            onClick={() => {
              const el = logRef.current;
              const divider = dividerRef.current;
              if (el && divider) el.scrollTop = Math.max(0, divider.offsetTop - 8);
            }}
          >
            {t('jumpToUnread')}
          </button>
        ) : null}
        {searchOpen ? (
          <SearchPanel
            conversationId={conversation.id}
            onClose={() => setSearchOpen(false)}
            onPick={(message) => {
              setSearchOpen(false);
              setTarget({ id: message.id, mode: 'search' });
            }}
          />
        ) : null}
        {dragging ? (
          <div className="thread__drop" aria-hidden="true">
            {t('attach.drop')}
          </div>
        ) : null}
      </div>

      <p className="thread__typing" aria-live="polite">
        {typingNames.length === 1 ? t('typing', { name: typingNames[0] }) : typingNames.length > 1 ? t('typingMany', { count: typingNames.length }) : ''}
      </p>

      <Composer
        members={conversation.members}
        meId={meId}
        canPost={canPost}
        uploads={uploads}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        sendError={sendError}
        onSend={onSend}
        onTyping={signalTyping}
        textareaRef={textareaRef}
      />

      <EditDialog message={editing} onClose={() => setEditing(null)} />
      <DeleteDialog message={deleting} onClose={() => setDeleting(null)} />
      {conversation.kind === 'group' ? (
        <ChatSettingsDialog conversation={conversation} meId={meId} open={settingsOpen} onClose={() => setSettingsOpen(false)} onLeft={deselect} />
      ) : null}
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

const LONG_PRESS_MS = 500;

function Bubble({
  message,
  mine,
  time,
  canReact,
  reacting,
  onReact,
  onReply,
  onEdit,
  onDelete,
}: {
  message: Message;
  mine: boolean;
  time: string;
  canReact: boolean;
  reacting: boolean;
  onReact: () => void;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation('chat');
  const deleted = Boolean(message.deletedAt);
  const press = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelPress = () => {
    if (press.current) clearTimeout(press.current);
    press.current = null;
  };
  // Touch: a long press opens the reactions (there is no hover).
  const touch =
    canReact && !deleted
      ? {
          onPointerDown: (event: ReactPointerEvent) => {
            if (event.pointerType !== 'touch') return;
            cancelPress();
            press.current = setTimeout(onReact, LONG_PRESS_MS);
          },
          onPointerUp: cancelPress,
          onPointerCancel: cancelPress,
          onPointerMove: cancelPress,
          onContextMenu: (event: ReactMouseEvent) => {
            if (press.current === null && (event.nativeEvent as PointerEvent).pointerType === 'touch') event.preventDefault();
          },
        }
      : {};
  const hasText = deleted || Boolean(message.body) || Boolean(message.replyTo);
  return (
    <div className={`bubble-wrap${mine ? ' bubble-wrap--mine' : ''}${reacting ? ' bubble-wrap--active' : ''}`}>
      <div className="bubble-stack" {...touch}>
        {hasText ? (
          <div className={`bubble${mine ? ' bubble--mine' : ''}${deleted ? ' bubble--deleted' : ''}`} title={time}>
            {message.replyTo && !deleted ? <Quote reply={message.replyTo} /> : null}
            {deleted ? <p className="bubble__body">{t('deleted')}</p> : message.body ? <MessageBody body={message.body} mentions={message.mentions} /> : null}
            {message.editedAt && !deleted ? <span className="bubble__edited">{t('edited')}</span> : null}
            <span className="visually-hidden">{time}</span>
          </div>
        ) : (
          <span className="visually-hidden">{time}</span>
        )}
        {deleted ? null : <Attachments attachments={message.attachments} />}
      </div>
      {deleted ? null : (
        <div className="bubble__actions">
          {canReact ? (
            <button type="button" className="bubble__action" aria-expanded={reacting} onClick={onReact}>
              {t('reactions.open')}
            </button>
          ) : null}
          <button type="button" className="bubble__action" onClick={onReply}>
            {t('reply')}
          </button>
          {message.abilities.edit && message.body ? (
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

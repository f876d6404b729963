// The thread's styles come with the chat page, which may not be loaded when a window opens elsewhere.
import '../components/chat.css';
import './dock.css';
import './presence.css';
import type { Conversation } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type KeyboardEvent, type SVGProps, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { IconClose } from '../../../components/ui/icons.tsx';
import { closeDockWindow, type DockWindow, setDockMinimised, takeDockFocus, useDockWindows } from '../../../lib/chat-dock.ts';
import { useMe } from '../../../lib/session.ts';
import { useConversation } from '../api/get-conversation.ts';
import { usePresenceOf } from '../api/presence.ts';
import { ConversationView } from '../components/conversation-view.tsx';
import { conversationTitle, otherMembers } from '../components/conversation-info.ts';

/**
 * The docked chat windows, bottom-right (wide screens): up to three side by side, the newest on the right;
 * a minimised window is a bar with the unread count. The shell mounts this only where the dock is used.
 */
export function ChatDock() {
  const { t } = useTranslation('dock');
  const me = useMe();
  const windows = useDockWindows(me.user.id);
  if (windows.length === 0) return null;
  const newestOpen = windows.findLast((w) => !w.minimised)?.conversationId;
  return (
    <section className="chat-dock" aria-label={t('dock.label')}>
      {windows.map((w) => (
        <DockWindowView key={w.conversationId} window={w} meId={me.user.id} showPrompt={w.conversationId === newestOpen} />
      ))}
    </section>
  );
}

function DockWindowView({ window: w, meId, showPrompt }: { window: DockWindow; meId: string; showPrompt: boolean }) {
  const { t } = useTranslation('dock');
  const conversation = useConversation(w.conversationId);
  const rootRef = useRef<HTMLElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const data = conversation.data;
  const title = data ? conversationTitle(data, meId) : conversation.isError ? t('window.unavailable') : t('window.loading');
  const other = data?.kind === 'direct' ? (otherMembers(data, meId)[0] ?? null) : null;
  const presence = usePresenceOf(other && other.id !== meId ? other.id : null).data;
  const status = presence?.status ?? null;
  const unread = data ? Math.max(data.unreadCount, 0) : 0;

  const { conversationId, minimised } = w;
  // Opened or restored by the user: move the focus in (the message box once it is there, else the window).
  useEffect(() => {
    if (!takeDockFocus(conversationId)) return;
    if (minimised) {
      restoreRef.current?.focus();
      return;
    }
    const root = rootRef.current;
    if (!root) return;
    const focusBox = () => {
      const box = root.querySelector<HTMLElement>('textarea, [contenteditable="true"]');
      if (box) box.focus();
      return Boolean(box);
    };
    if (focusBox()) return;
    root.focus();
    const observer = new MutationObserver(() => {
      if (document.activeElement === root && focusBox()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [conversationId, minimised]);

  const minimise = () => {
    setDockMinimised(meId, conversationId, true);
    // The bar's button replaces the window: keep the focus there.
    requestAnimationFrame(() => restoreRef.current?.focus());
  };
  const close = () => closeDockWindow(meId, conversationId);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || minimised) return;
    // Escape inside a dialog (edit, delete …) or a menu belongs to that.
    const target = event.target as Element;
    if (target.closest('dialog, [role="dialog"], [role="menu"], [role="listbox"]')) return;
    event.preventDefault();
    minimise();
  };

  const photo = <WindowPhoto conversation={data} meId={meId} status={status} />;

  if (minimised) {
    return (
      <div className={`dock-window dock-window--minimised${unread ? ' dock-window--unread' : ''}`} data-conversation-id={conversationId}>
        <button
          ref={restoreRef}
          type="button"
          className="dock-window__bar"
          aria-label={unread ? t('window.restoreUnread', { name: title, count: unread }) : t('window.restore', { name: title })}
          onClick={() => setDockMinimised(meId, conversationId, false)}
        >
          {photo}
          <span className="dock-window__title">{title}</span>
          {unread ? (
            <span className="dock-window__unread" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </button>
        <button type="button" className="dock-window__action" aria-label={t('window.close', { name: title })} onClick={close}>
          <IconClose width={16} height={16} />
        </button>
      </div>
    );
  }

  // The window's buttons join the conversation's own header (photo, name, presence, menu): one header.
  const actions = (
    <>
      <button ref={restoreRef} type="button" className="dock-window__action" aria-label={t('window.minimise', { name: title })} onClick={minimise}>
        <IconMinimise width={16} height={16} />
      </button>
      <Link to="/chat/$conversationId" params={{ conversationId }} className="dock-window__action" aria-label={t('window.expand')} title={t('window.expand')}>
        <IconExpand width={16} height={16} />
      </Link>
      <button type="button" className="dock-window__action" aria-label={t('window.close', { name: title })} onClick={close}>
        <IconClose width={16} height={16} />
      </button>
    </>
  );

  return (
    <section
      ref={rootRef}
      aria-label={t('window.label', { name: title })}
      tabIndex={-1}
      className="dock-window"
      data-conversation-id={conversationId}
      onKeyDown={onKeyDown}
    >
      {data ? null : (
        // Until the conversation is there (or when it is gone), a plain header that can still be closed.
        <div className="dock-window__header">
          <div className="dock-window__who">
            {photo}
            <h2 className="dock-window__title">{title}</h2>
          </div>
          {actions}
        </div>
      )}
      <div className="dock-window__body">
        {conversation.isError ? (
          <p className="dock-window__error">{t('window.unavailableText')}</p>
        ) : (
          <ConversationView conversationId={conversationId} variant="dock" onClose={close} headerActions={actions} notificationPrompt={showPrompt} />
        )}
      </div>
    </section>
  );
}

/** The other person's photo (with the presence dot) or the group chat's photo. */
function WindowPhoto({ conversation, meId, status }: { conversation: Conversation | undefined; meId: string; status: string | null }) {
  if (!conversation) return <span className="dock-window__photo dock-window__photo--blank" />;
  if (conversation.photo) {
    return (
      <span className="dock-window__photo">
        <img className="avatar avatar--xs" src={conversation.photo.small} alt="" width={28} height={28} />
      </span>
    );
  }
  const first = otherMembers(conversation, meId)[0];
  return (
    <span className="dock-window__photo">
      {first ? <Avatar user={first} size="xs" alt="" /> : null}
      {conversation.kind === 'direct' && (status === 'online' || status === 'away') ? <span className={`presence-dot presence-dot--${status}`} /> : null}
    </span>
  );
}

function SmallIcon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

const IconMinimise = (p: SVGProps<SVGSVGElement>) => (
  <SmallIcon {...p}>
    <path d="M5 12h14" />
  </SmallIcon>
);

const IconExpand = (p: SVGProps<SVGSVGElement>) => (
  <SmallIcon {...p}>
    <path d="M14 4h6v6M10 20H4v-6M20 4l-7 7M4 20l7-7" />
  </SmallIcon>
);

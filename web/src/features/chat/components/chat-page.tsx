import './chat.css';
import { Outlet, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '../../../components/ui/icons.tsx';
import { useDocumentTitle } from '../../../components/ui/page-header.tsx';
import { ConversationList } from './conversation-list.tsx';
import { NewConversationDialog } from './new-conversation-dialog.tsx';

/** `/chat`: the conversation list beside the open conversation; on phones one or the other, full screen. */
export function ChatPage() {
  const { t } = useTranslation('chat');
  const { conversationId } = useParams({ strict: false }) as { conversationId?: string };
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  useDocumentTitle(conversationId ? undefined : t('title'));
  return (
    <div className={`chat${conversationId ? ' chat--open' : ''}`}>
      <section className="chat__list card card--flush" aria-labelledby={headingId}>
        <div className="chat__list-header">
          <h1 id={headingId} className="chat__heading">
            {t('title')}
          </h1>
          <button type="button" className="button button--small" onClick={() => setCreating(true)}>
            <IconPlus width={18} height={18} /> {t('new.open')}
          </button>
        </div>
        <ConversationList activeId={conversationId} />
      </section>
      <div className="chat__pane card card--flush">
        <Outlet />
      </div>
      <NewConversationDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** `/chat` without an open conversation (wide screens show this beside the list). */
export function ChatEmpty() {
  const { t } = useTranslation('chat');
  return (
    <div className="chat__empty">
      <p className="muted">{t('pick')}</p>
    </div>
  );
}

import { Limits, type UserSummary } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useCreateConversation } from '../api/create-conversation.ts';
import { PeoplePicker } from '../../../components/people-picker.tsx';

/** Pick one colleague (a direct chat) or several (a group chat with a title). */
export function NewConversationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('chat');
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateConversation();
  const [people, setPeople] = useState<UserSummary[]>([]);
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState(false);

  const close = () => {
    setPeople([]);
    setTitle('');
    setMissing(false);
    create.reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!people.length) {
      setMissing(true);
      return;
    }
    const trimmed = title.trim();
    const conversation = await create
      .mutateAsync({ userIds: people.map((p) => p.id), ...(people.length > 1 && trimmed ? { title: trimmed } : {}) })
      .catch(() => null);
    if (!conversation) return;
    close();
    await navigate({ to: '/chat/$conversationId', params: { conversationId: conversation.id } });
  };

  return (
    <Dialog open={open} title={t('new.title')} onClose={close}>
      <form onSubmit={submit} className="stack" noValidate>
        <PeoplePicker
          label={t('new.people')}
          value={people}
          onChange={(list) => {
            setPeople(list);
            setMissing(false);
          }}
          max={Limits.chatMembersMax - 1}
          excludeId={me.user.id}
        />
        {missing ? <Alert tone="error">{t('new.pickSomeone')}</Alert> : null}
        {people.length > 1 ? <TextField label={t('new.name')} value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} /> : null}
        {create.isError ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={close}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('new.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

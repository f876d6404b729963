import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextAreaField } from '../../../components/ui/field.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useRequestToJoin } from '../api/request-to-join.ts';

const MESSAGE_MAX = 500;

/** "Ask to join" with an optional message to the group's moderators. */
export function AskToJoinDialog({ groupKey, groupName, open, onClose }: { groupKey: string; groupName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const request = useRequestToJoin();
  const [message, setMessage] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const text = message.trim();
      await request.mutateAsync({ id: groupKey, ...(text ? { message: text } : {}) });
      setMessage('');
      onClose();
    } catch {
      // Shown below.
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title={t('actions.askTitle', { name: groupName })}>
      <form className="form" onSubmit={submit}>
        <p>{t('actions.askLead')}</p>
        {request.error ? <Alert tone="error">{errorMessage(t, request.error)}</Alert> : null}
        <TextAreaField
          label={t('actions.askMessage')}
          hint={t('actions.askMessageHint')}
          maxLength={MESSAGE_MAX}
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={request.isPending}>
            {t('actions.sendRequest')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

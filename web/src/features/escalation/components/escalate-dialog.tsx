import { type EscalationTopic, EscalationLimits } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextAreaField } from '../../../components/ui/field.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useRaiseEscalation } from '../api/escalations.ts';
import { useEscalationFormat } from '../lib/format.ts';
import { EscalationStatusView } from './escalation-status.tsx';

/**
 * "Escalate urgently": a message to whoever is the contact right now (urgent notification, e-mail, chat);
 * after sending, the dialog shows the escalation's status live — notified, escalated, acknowledged.
 */
export function EscalateDialog({ topic, onClose }: { topic: EscalationTopic; onClose: () => void }) {
  const { t } = useTranslation('escalation');
  const format = useEscalationFormat();
  const raise = useRaiseEscalation(topic.id);
  const [message, setMessage] = useState('');
  const errors = fieldErrors(t, raise.error);
  const target = topic.now.contact ?? topic.chain[0]?.person ?? topic.responsible;

  return (
    <Dialog open title={t('escalate.title', { topic: topic.title })} onClose={onClose}>
      {raise.data ? (
        <div className="stack">
          <EscalationStatusView id={raise.data.id} />
          <div className="form__actions">
            <Link to="/escalations/$escalationId" params={{ escalationId: raise.data.id }} className="button">
              {t('escalate.openStatus')}
            </Link>
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('common:close')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            raise.mutate(message);
          }}
        >
          <p>{target ? t('escalate.to', { name: target.name }) : t('escalate.toChain')}</p>
          {!topic.now.inHours && topic.now.via === 'wait' && topic.now.nextOpening ? (
            <Alert tone="info">{t('escalate.outOfHours', { when: format.opening(topic.now.nextOpening) })}</Alert>
          ) : null}
          <TextAreaField
            label={t('escalate.message')}
            hint={t('escalate.messageHint')}
            name="message"
            required
            rows={5}
            maxLength={EscalationLimits.messageMax}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errors.message}
          />
          {raise.isError && !errors.message ? <Alert tone="error">{errorMessage(t, raise.error)}</Alert> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="button button--danger" disabled={raise.isPending || !message.trim()}>
              {raise.isPending ? t('escalate.sending') : t('escalate.send')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

import type { EscalationTopic, WorkshopSession } from '@innenhof/contract';
import { WorkshopLimits } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField } from '../../../components/ui/field.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useExerciseEscalation } from '../api/escalate.ts';
import { useDirectoryTopics } from '../api/list-topics.ts';

/** The people a topic names (responsible, deputy, the chain, who is on duty now), once each. */
function contactsOf(topic: EscalationTopic | undefined) {
  if (!topic) return [];
  const people = [topic.responsible, topic.deputy, ...topic.chain.map((c) => c.person)].filter((p) => p !== null);
  return [...new Map(people.map((p) => [p.id, p])).values()];
}

/**
 * "Escalate (exercise)": pick a topic of the escalation directory, a level and a contact, and a note. It is
 * recorded in the exercise only — nobody real is alerted.
 */
export function ExerciseEscalationButton({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation('workshops');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button ws-escalate-button"
        onClick={() => {
          setDone(false);
          setOpen(true);
        }}
      >
        {t('escalate.button')}
      </button>
      {done ? (
        <p className="small" role="status">
          {t('escalate.recorded')}
        </p>
      ) : null}
      {open ? (
        <EscalationDialog
          session={session}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
        />
      ) : null}
    </>
  );
}

function EscalationDialog({ session, onClose, onDone }: { session: WorkshopSession; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('workshops');
  const topics = useDirectoryTopics();
  const escalate = useExerciseEscalation(session.id);
  const [topicId, setTopicId] = useState('');
  const [level, setLevel] = useState(1);
  const [contact, setContact] = useState('');
  const [note, setNote] = useState('');
  const topic = topics.data?.items.find((x) => x.id === topicId);
  const contacts = contactsOf(topic);
  const errors = fieldErrors(t, escalate.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    escalate.mutate({ topicId, level, note, ...(contact ? { contactUserId: contact } : {}) }, { onSuccess: onDone });
  };
  return (
    <Dialog open title={t('escalate.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Alert tone="info">{t('escalate.exerciseOnly')}</Alert>
        {topics.error ? <Alert tone="error">{errorMessage(t, topics.error)}</Alert> : null}
        {topics.data && !topics.data.items.length ? (
          <p className="muted">
            {t('escalate.noTopics')} <Link to="/escalation">{t('escalate.directory')}</Link>
          </p>
        ) : null}
        <SelectField
          label={t('escalate.topic')}
          value={topicId}
          onChange={(e) => {
            setTopicId(e.target.value);
            setContact('');
          }}
          error={errors.topicId}
          required
        >
          <option value="">{t('escalate.chooseTopic')}</option>
          {topics.data?.items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('escalate.level')} value={level} onChange={(e) => setLevel(Number(e.target.value))} error={errors.level}>
          {[1, 2, 3].map((n) => {
            const step = topic?.chain.find((c) => c.level === n);
            return (
              <option key={n} value={n}>
                {step ? t('escalate.levelWith', { level: n, name: step.person?.name ?? '–', condition: step.condition }) : t('escalate.levelN', { level: n })}
              </option>
            );
          })}
        </SelectField>
        <SelectField label={t('escalate.contact')} value={contact} onChange={(e) => setContact(e.target.value)} error={errors.contactUserId} disabled={!topic}>
          <option value="">{t('escalate.noContact')}</option>
          {contacts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('escalate.note')}
          value={note}
          rows={3}
          maxLength={WorkshopLimits.noteMax}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note}
        />
        {escalate.error && !Object.keys(errors).length ? <Alert tone="error">{errorMessage(t, escalate.error)}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={escalate.isPending || !topicId}>
            {t('escalate.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

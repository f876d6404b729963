import type { CreateWorkshopSession, UserSummary, WorkshopScenario } from '@innenhof/contract';
import { WorkshopLimits } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeoplePicker } from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useCreateSession } from '../api/create-session.ts';
import { errorsByPath } from '../lib/errors-by-path.ts';

/**
 * "New session" from a scenario: pick the participants, give each a role (or let Innenhof assign them at
 * random), create the draft; the facilitator starts it on the session page.
 */
export function NewSessionDialog({ scenario, onClose }: { scenario: WorkshopScenario; onClose: () => void }) {
  const { t } = useTranslation('workshops');
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateSession();
  const [title, setTitle] = useState(scenario.title);
  const [people, setPeople] = useState<UserSummary[]>([]);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [random, setRandom] = useState(false);
  const [peerScoring, setPeerScoring] = useState(false);
  const playing = scenario.roles.filter((r) => !r.observer);
  const errors = errorsByPath(t, create.error);
  const roleOf = (person: UserSummary, index: number) =>
    roles[person.id] ?? playing[index % Math.max(playing.length, 1)]?.key ?? (scenario.roles[0]?.key as string);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: CreateWorkshopSession = {
      scenarioId: scenario.id,
      language: scenario.language,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(peerScoring ? { peerScoring: true } : {}),
      ...(random ? { random: true, userIds: people.map((p) => p.id) } : { participants: people.map((p, i) => ({ userId: p.id, roleKey: roleOf(p, i) })) }),
    };
    create.mutate(input, {
      onSuccess: (session) => {
        onClose();
        void navigate({ to: '/workshops/sessions/$sessionId', params: { sessionId: session.id } });
      },
    });
  };
  const generalError = create.error && !Object.keys(errors).length ? errorMessage(t, create.error) : null;
  const peopleError =
    errors.participants ?? errors.userIds ?? Object.entries(errors).find(([k]) => k.startsWith('participants.') || k.startsWith('userIds.'))?.[1];

  return (
    <Dialog open title={t('create.title', { title: scenario.title })} onClose={onClose} wide>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('create.sessionTitle')}
          value={title}
          maxLength={WorkshopLimits.titleMax}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
        />
        <PeoplePicker label={t('create.participants')} value={people} onChange={setPeople} max={WorkshopLimits.participantsMax} excludeId={me.user.id} />
        {peopleError ? <p className="field__error">{peopleError}</p> : null}
        <fieldset className="fieldset">
          <legend>{t('create.assignment')}</legend>
          <label className="checkbox">
            <input type="radio" name="ws-assign" checked={!random} onChange={() => setRandom(false)} />
            {t('create.assignByHand')}
          </label>
          <label className="checkbox">
            <input type="radio" name="ws-assign" checked={random} onChange={() => setRandom(true)} />
            {t('create.assignRandomly')}
          </label>
        </fieldset>
        {!random && people.length ? (
          <div className="stack ws-role-picks">
            {people.map((person, i) => (
              <SelectField
                key={person.id}
                label={t('create.roleOf', { name: person.name })}
                value={roleOf(person, i)}
                onChange={(e) => setRoles((r) => ({ ...r, [person.id]: e.target.value }))}
                error={errors[`participants.${i}.roleKey`]}
              >
                {scenario.roles.map((r) => (
                  <option key={r.key} value={r.key}>
                    {r.observer ? t('create.observerRole', { name: r.name }) : r.name}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        ) : null}
        {random ? <p className="small muted">{t('create.randomHint', { count: playing.length })}</p> : null}
        <label className="checkbox">
          <input type="checkbox" checked={peerScoring} onChange={(e) => setPeerScoring(e.target.checked)} />
          {t('create.peerScoring')}
        </label>
        {generalError ? <Alert tone="error">{generalError}</Alert> : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending || !people.length}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

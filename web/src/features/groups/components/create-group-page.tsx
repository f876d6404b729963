import './groups.css';
import { type GroupVisibility, type JoinPolicy, Limits } from '@innenhof/contract';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useCreateGroup } from '../api/create-group.ts';
import { PrivacyFields } from './privacy-fields.tsx';

export function CreateGroupPage() {
  const { t } = useTranslation('groups');
  const navigate = useNavigate();
  const create = useCreateGroup();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [welcomeText, setWelcomeText] = useState('');
  const [privacy, setPrivacy] = useState<{ visibility: GroupVisibility; joinPolicy: JoinPolicy }>({ visibility: 'public', joinPolicy: 'open' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const group = await create.mutateAsync({
        name: name.trim(),
        description: description.trim(),
        visibility: privacy.visibility,
        joinPolicy: privacy.joinPolicy,
        ...(welcomeText.trim() ? { welcomeText: welcomeText.trim() } : {}),
      });
      await navigate({ to: '/groups/$groupId', params: { groupId: group.slug } });
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, create.error);
  return (
    <div className="stack">
      <PageHeader title={t('create.title')}>
        <p className="muted">{t('create.lead')}</p>
      </PageHeader>
      <section className="card">
        <form className="form" onSubmit={submit}>
          {isApiError(create.error, 'forbidden') ? <Alert tone="error">{t('create.forbidden')}</Alert> : null}
          {create.error && !isApiError(create.error, 'forbidden') && !Object.keys(fields).length ? (
            <Alert tone="error">{errorMessage(t, create.error)}</Alert>
          ) : null}
          <TextField
            label={t('fields.name')}
            name="name"
            required
            maxLength={Limits.groupNameMax}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
          />
          <TextAreaField
            label={t('fields.description')}
            hint={t('fields.descriptionHint')}
            name="description"
            rows={3}
            maxLength={Limits.groupDescriptionMax}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={fields.description}
          />
          <PrivacyFields visibility={privacy.visibility} joinPolicy={privacy.joinPolicy} onChange={setPrivacy} />
          <TextAreaField
            label={t('fields.welcomeText')}
            hint={t('fields.welcomeTextHint')}
            name="welcomeText"
            rows={3}
            maxLength={Limits.groupDescriptionMax}
            value={welcomeText}
            onChange={(e) => setWelcomeText(e.target.value)}
            error={fields.welcomeText}
          />
          <div className="form__actions">
            <Link to="/groups" className="button">
              {t('common:cancel')}
            </Link>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? t('create.creating') : t('create.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}

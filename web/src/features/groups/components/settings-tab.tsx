import { type Group, type GroupVisibility, type JoinPolicy, Limits, type UpdateGroup } from '@innenhof/contract';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useArchiveGroup } from '../api/archive-group.ts';
import { useDeleteGroup } from '../api/delete-group.ts';
import { useDeleteGroupCover } from '../api/delete-group-cover.ts';
import { useUnarchiveGroup } from '../api/unarchive-group.ts';
import { useUpdateGroup } from '../api/update-group.ts';
import { useUploadGroupCover } from '../api/upload-group-cover.ts';
import { useCurrentGroup } from '../hooks/use-current-group.ts';
import { canManage } from './group-layout.tsx';
import { PrivacyFields } from './privacy-fields.tsx';

export function SettingsTab() {
  const { t } = useTranslation('groups');
  const { group, groupKey } = useCurrentGroup();
  if (!canManage(group)) {
    return (
      <div className="card">
        <p>{t('settings.notAllowed')}</p>
      </div>
    );
  }
  return (
    <div className="stack">
      <h2 className="visually-hidden">{t('tabs.settings')}</h2>
      {group.abilities.update ? <DetailsCard key={group.id} group={group} groupKey={groupKey} /> : null}
      {group.abilities.update ? <CoverCard group={group} groupKey={groupKey} /> : null}
      {group.abilities.archive || group.abilities.delete ? <DangerCard group={group} groupKey={groupKey} /> : null}
    </div>
  );
}

function DetailsCard({ group, groupKey }: { group: Group; groupKey: string }) {
  const { t } = useTranslation('groups');
  const navigate = useNavigate();
  const update = useUpdateGroup(groupKey);
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description);
  const [welcomeText, setWelcomeText] = useState(group.welcomeText ?? '');
  const [privacy, setPrivacy] = useState<{ visibility: GroupVisibility; joinPolicy: JoinPolicy }>({
    visibility: group.visibility,
    joinPolicy: group.joinPolicy,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Only what changed: moderators may edit texts but not visibility and joining.
    const body: UpdateGroup = {};
    if (name.trim() !== group.name) body.name = name.trim();
    if (description.trim() !== group.description) body.description = description.trim();
    if ((welcomeText.trim() || null) !== group.welcomeText) body.welcomeText = welcomeText.trim() || null;
    if (privacy.visibility !== group.visibility) body.visibility = privacy.visibility;
    if (privacy.joinPolicy !== group.joinPolicy) body.joinPolicy = privacy.joinPolicy;
    try {
      const saved = await update.mutateAsync(body);
      // A new name makes a new slug: keep the address current.
      if (saved.slug !== groupKey && groupKey !== saved.id) await navigate({ to: '/groups/$groupId/settings', params: { groupId: saved.slug }, replace: true });
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, update.error);
  return (
    <section className="card" aria-labelledby="details-heading">
      <h3 id="details-heading" className="card__title">
        {t('settings.details')}
      </h3>
      <form className="form" onSubmit={submit}>
        {update.isSuccess ? <Alert tone="success">{t('settings.saved')}</Alert> : null}
        {update.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
        <TextField
          label={t('fields.name')}
          required
          maxLength={Limits.groupNameMax}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <TextAreaField
          label={t('fields.description')}
          rows={3}
          maxLength={Limits.groupDescriptionMax}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={fields.description}
        />
        {group.abilities.updatePrivacy ? <PrivacyFields visibility={privacy.visibility} joinPolicy={privacy.joinPolicy} onChange={setPrivacy} /> : null}
        <TextAreaField
          label={t('fields.welcomeText')}
          hint={t('fields.welcomeTextHint')}
          rows={3}
          maxLength={Limits.groupDescriptionMax}
          value={welcomeText}
          onChange={(e) => setWelcomeText(e.target.value)}
          error={fields.welcomeText}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('common:saving') : t('common:save')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

function CoverCard({ group, groupKey }: { group: Group; groupKey: string }) {
  const { t } = useTranslation('groups');
  const inputId = useId();
  const upload = useUploadGroupCover(groupKey);
  const remove = useDeleteGroupCover(groupKey);
  const [tooBig, setTooBig] = useState(false);
  const error = upload.error ?? remove.error;
  return (
    <section className="card" aria-labelledby="cover-heading">
      <h3 id="cover-heading" className="card__title">
        {t('settings.cover')}
      </h3>
      <div className="image-control__preview">
        {group.cover ? (
          <img src={group.cover.small} alt={t('settings.currentCover')} className="image-control__cover" />
        ) : (
          <div className="image-control__cover image-control__cover--empty" />
        )}
      </div>
      <div className="image-control__actions">
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          className="file-input"
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            setTooBig(file.size > Limits.imageMaxBytes);
            if (file.size <= Limits.imageMaxBytes) upload.mutate(file);
          }}
        />
        <label htmlFor={inputId} className="button button--small">
          {upload.isPending ? t('settings.uploading') : group.cover ? t('settings.replaceCover') : t('settings.uploadCover')}
        </label>
        {group.cover ? (
          <button type="button" className="button button--small" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('settings.removeCover')}
          </button>
        ) : null}
      </div>
      {tooBig ? <Alert tone="error">{t('common:errors.payload_too_large')}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </section>
  );
}

function DangerCard({ group, groupKey }: { group: Group; groupKey: string }) {
  const { t } = useTranslation('groups');
  const archive = useArchiveGroup(groupKey);
  const unarchive = useUnarchiveGroup(groupKey);
  const [deleting, setDeleting] = useState(false);
  const error = archive.error ?? unarchive.error;
  return (
    <section className="card danger-zone stack" aria-labelledby="danger-heading">
      <h3 id="danger-heading" className="card__title">
        {t('settings.danger')}
      </h3>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {group.abilities.archive ? (
        <div>
          <p>{group.archived ? t('settings.unarchiveText') : t('settings.archiveText')}</p>
          <p>
            {group.archived ? (
              <button type="button" className="button" disabled={unarchive.isPending} onClick={() => unarchive.mutate()}>
                {t('settings.unarchive')}
              </button>
            ) : (
              <button type="button" className="button" disabled={archive.isPending} onClick={() => archive.mutate()}>
                {t('settings.archive')}
              </button>
            )}
          </p>
        </div>
      ) : null}
      {group.abilities.delete ? (
        <div>
          <p>{t('settings.deleteText')}</p>
          <p>
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              {t('settings.delete')}
            </button>
          </p>
        </div>
      ) : null}
      {group.abilities.delete ? <DeleteDialog group={group} groupKey={groupKey} open={deleting} onClose={() => setDeleting(false)} /> : null}
    </section>
  );
}

function DeleteDialog({ group, groupKey, open, onClose }: { group: Group; groupKey: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const navigate = useNavigate();
  const remove = useDeleteGroup(groupKey);
  const [confirmName, setConfirmName] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await remove.mutateAsync(confirmName);
      await navigate({ to: '/groups' });
    } catch {
      // Shown below.
    }
  }
  const fields = fieldErrors(t, remove.error);
  return (
    <Dialog open={open} onClose={onClose} title={t('settings.deleteTitle', { name: group.name })}>
      <form className="form" onSubmit={submit}>
        <Alert tone="error">{t('settings.deleteWarning')}</Alert>
        <TextField
          label={t('settings.deleteConfirmLabel', { name: group.name })}
          autoComplete="off"
          value={confirmName}
          onChange={(e) => setConfirmName(e.target.value)}
          error={fields.confirmName ? t('settings.deleteMismatch') : undefined}
        />
        {remove.error && !fields.confirmName ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={remove.isPending || confirmName !== group.name}>
            {t('settings.deleteConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

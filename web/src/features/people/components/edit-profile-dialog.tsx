import { Limits, type Role, type UpdateUser, type UserProfile, type UserSummary } from '@innenhof/contract';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { ImageControls } from './image-controls.tsx';
import { ManagerPicker } from './manager-picker.tsx';
import { SkillsEditor } from './skills-editor.tsx';

interface EditProfileDialogProps {
  profile: UserProfile;
  open: boolean;
  onClose: () => void;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function EditProfileDialog({ profile, open, onClose }: EditProfileDialogProps) {
  const { t } = useTranslation('people');
  return (
    <Dialog open={open} onClose={onClose} title={t('edit.title')} wide>
      {open ? <EditProfileForm profile={profile} onDone={onClose} /> : null}
    </Dialog>
  );
}

function EditProfileForm({ profile, onDone }: { profile: UserProfile; onDone: () => void }) {
  const { t } = useTranslation('people');
  const update = useUpdateUser(profile.id);
  const [form, setForm] = useState({
    name: profile.name,
    jobTitle: profile.jobTitle ?? '',
    department: profile.department ?? '',
    location: profile.location ?? '',
    phone: profile.phone ?? '',
    about: profile.about ?? '',
  });
  const [skills, setSkills] = useState<string[]>(profile.skills);
  const [manager, setManager] = useState<UserSummary | null>(profile.manager);
  const [role, setRole] = useState<Role>(profile.role);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: UpdateUser = {
      name: form.name.trim(),
      jobTitle: orNull(form.jobTitle),
      department: orNull(form.department),
      location: orNull(form.location),
      phone: orNull(form.phone),
      about: orNull(form.about),
      skills,
      managerId: manager?.id ?? null,
      ...(profile.abilities.updateRole && role !== profile.role ? { role } : {}),
    };
    try {
      await update.mutateAsync(body);
      onDone();
    } catch {
      // Shown below.
    }
  }

  const fields = fieldErrors(t, update.error);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <div className="stack">
      <ImageControls profile={profile} />
      <form className="form" onSubmit={submit}>
        {update.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
        <TextField
          label={t('fields.name')}
          required
          maxLength={Limits.nameMax}
          autoComplete="name"
          value={form.name}
          onChange={set('name')}
          error={fields.name}
        />
        <div className="form__row">
          <TextField
            label={t('fields.jobTitle')}
            maxLength={Limits.jobTitleMax}
            autoComplete="organization-title"
            value={form.jobTitle}
            onChange={set('jobTitle')}
            error={fields.jobTitle}
          />
          <TextField
            label={t('fields.department')}
            maxLength={Limits.departmentMax}
            value={form.department}
            onChange={set('department')}
            error={fields.department}
          />
        </div>
        <div className="form__row">
          <TextField label={t('fields.location')} maxLength={Limits.locationMax} value={form.location} onChange={set('location')} error={fields.location} />
          <TextField
            label={t('fields.phone')}
            type="tel"
            autoComplete="tel"
            maxLength={Limits.phoneMax}
            value={form.phone}
            onChange={set('phone')}
            error={fields.phone}
          />
        </div>
        <TextAreaField label={t('fields.about')} rows={4} maxLength={Limits.aboutMax} value={form.about} onChange={set('about')} error={fields.about} />
        <SkillsEditor value={skills} onChange={setSkills} error={fields.skills} />
        <ManagerPicker value={manager} onChange={setManager} excludeId={profile.id} error={fields.managerId} />
        {profile.abilities.updateRole ? (
          <SelectField label={t('fields.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} error={fields.role}>
            <option value="member">{t('roles.member')}</option>
            <option value="admin">{t('roles.admin')}</option>
            <option value="guest">{t('roles.guest')}</option>
          </SelectField>
        ) : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onDone}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('common:saving') : t('common:save')}
          </button>
        </div>
      </form>
    </div>
  );
}

import { Limits, type Role } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useMe } from '../../../lib/session.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useCreateUser } from '../api/create-user.ts';
import { useUsers } from '../api/list-users.ts';
import { useSetUserActive } from '../api/set-user-active.ts';

export function UsersAdminTab() {
  const { t } = useTranslation('people');
  const me = useMe();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 200);
  const users = useUsers({ q, status: 'all' }, 50);
  const setActive = useSetUserActive();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card stack" aria-labelledby="users-heading">
      <div className="card__header">
        <h2 id="users-heading" className="card__title">
          {t('admin.title')}
        </h2>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('admin.create')}
        </button>
      </div>
      {created ? <Alert tone="success">{t('admin.created', { name: created })}</Alert> : null}
      <TextField label={t('directory.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      {users.isPending ? <Spinner /> : null}
      {users.isError ? <Alert tone="error">{errorMessage(t, users.error)}</Alert> : null}
      {setActive.error ? <Alert tone="error">{errorMessage(t, setActive.error)}</Alert> : null}
      {items.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common:actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.id}>
                  <td>
                    <span className="person-row">
                      <Avatar user={user} size="xs" alt="" />
                      <span className="person-row__text">
                        <Link to="/people/$id" params={{ id: user.id }} className="person-row__name">
                          {user.name}
                        </Link>
                        {user.jobTitle ? <span className="person-row__sub">{user.jobTitle}</span> : null}
                      </span>
                    </span>
                  </td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>
                    <span className={`badge badge--${user.status === 'active' ? 'accepted' : 'revoked'}`}>{t(`admin.statuses.${user.status}`)}</span>
                  </td>
                  <td className="table__actions">
                    {user.id !== me.user.id ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={setActive.isPending}
                        onClick={() => {
                          const active = user.status !== 'active';
                          if (active || window.confirm(t('admin.deactivateConfirm', { name: user.name }))) {
                            setActive.mutate({ id: user.id, active });
                          }
                        }}
                      >
                        {user.status === 'active' ? t('admin.deactivate') : t('admin.reactivate')}
                        <span className="visually-hidden">: {user.name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {users.hasNextPage ? (
        <button type="button" className="button" onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          {t('directory.loadMore')}
        </button>
      ) : null}
      <Dialog open={creating} onClose={() => setCreating(false)} title={t('admin.create')}>
        {creating ? (
          <CreateUserForm
            onDone={(name) => {
              setCreated(name);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : null}
      </Dialog>
    </section>
  );
}

function CreateUserForm({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('people');
  const create = useCreateUser();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [role, setRole] = useState<Role>('member');

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const user = await create.mutateAsync({ name: form.name.trim(), email: form.email.trim(), password: form.password, role });
      onDone(user.name);
    } catch {
      // Shown below.
    }
  }
  const fields = fieldErrors(t, create.error);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  return (
    <form className="form" onSubmit={submit}>
      {create.error && !Object.keys(fields).length ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
      <TextField label={t('fields.name')} required maxLength={Limits.nameMax} value={form.name} onChange={set('name')} error={fields.name} />
      <TextField label={t('fields.email')} type="email" required maxLength={Limits.emailMax} value={form.email} onChange={set('email')} error={fields.email} />
      <TextField
        label={t('admin.initialPassword')}
        type="password"
        autoComplete="new-password"
        required
        minLength={Limits.passwordMin}
        maxLength={Limits.passwordMax}
        hint={t('admin.passwordHint', { count: Limits.passwordMin })}
        value={form.password}
        onChange={set('password')}
        error={fields.password}
      />
      <SelectField label={t('fields.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} error={fields.role}>
        <option value="member">{t('roles.member')}</option>
        <option value="admin">{t('roles.admin')}</option>
        <option value="guest">{t('roles.guest')}</option>
      </SelectField>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('admin.createSubmit')}
        </button>
      </div>
    </form>
  );
}

import { type Group, type GroupMember, type GroupRole, Limits, type Locale, type UserSummary } from '@innenhof/contract';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { SelectField, TextField } from '../../../components/ui/field.tsx';
import { GuestBadge } from '../../../components/ui/guest-badge.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { errorMessage, fieldErrors } from '../../../lib/errors.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useMe } from '../../../lib/session.ts';
import { useApproveRequest } from '../api/approve-request.ts';
import { useChangeMemberRole } from '../api/change-member-role.ts';
import { useDeclineRequest } from '../api/decline-request.ts';
import { useInviteGuest } from '../api/invite-guest.ts';
import { useInviteMembers } from '../api/invite-members.ts';
import { useJoinRequests } from '../api/list-requests.ts';
import { useMembers } from '../api/list-members.ts';
import { useRemoveMember } from '../api/remove-member.ts';
import { useTransferOwnership } from '../api/transfer-ownership.ts';
import { useCurrentGroup } from '../hooks/use-current-group.ts';
import { ClosedNotice } from './discussion-tab.tsx';
import { PeoplePicker } from '../../../components/people-picker.tsx';

const roles: GroupRole[] = ['owner', 'moderator', 'member'];

export function MembersTab() {
  const { group } = useCurrentGroup();
  if (!group.abilities.readContent) return <ClosedNotice />;
  return (
    <div className="stack">
      {group.abilities.manageMembers ? <RequestsCard group={group} /> : null}
      {group.abilities.invite ? <InviteColleaguesCard group={group} /> : null}
      {group.abilities.inviteGuests ? <InviteGuestCard group={group} /> : null}
      <MembersCard group={group} />
    </div>
  );
}

function RequestsCard({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  const requests = useJoinRequests(group.id);
  const approve = useApproveRequest(group.id);
  const decline = useDeclineRequest(group.id);
  const items = requests.data?.items ?? [];
  const error = approve.error ?? decline.error;
  // Nothing to decide: no card (moderators see it appear when someone asks).
  if (requests.isSuccess && items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading" className="card__title">
        {t('requests.title', { count: items.length })}
      </h2>
      {requests.isPending ? <Spinner /> : null}
      {requests.isError ? <Alert tone="error">{errorMessage(t, requests.error)}</Alert> : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      <ul className="plain-list member-list">
        {items.map((request) => (
          <li key={request.id}>
            <PersonLine user={request.user} sub={t('requests.asked', { when: format.relative(request.createdAt) })} />
            <div className="member-list__actions">
              <button type="button" className="button button--primary button--small" disabled={approve.isPending} onClick={() => approve.mutate(request.id)}>
                {t('requests.approve')}
                <span className="visually-hidden">: {request.user.name}</span>
              </button>
              <button type="button" className="button button--small" disabled={decline.isPending} onClick={() => decline.mutate(request.id)}>
                {t('requests.decline')}
                <span className="visually-hidden">: {request.user.name}</span>
              </button>
            </div>
            {request.message ? (
              <p className="request-message">
                <span className="visually-hidden">{t('requests.message')}: </span>
                {request.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function InviteColleaguesCard({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const invite = useInviteMembers(group.id);
  const [people, setPeople] = useState<UserSummary[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!people.length) return;
    try {
      await invite.mutateAsync(people.map((p) => p.id));
      setPeople([]);
    } catch {
      // Shown below.
    }
  }
  const result = invite.data;
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="card__title">
        {t('invite.title')}
      </h2>
      <form className="form" onSubmit={submit}>
        <PeoplePicker label={t('invite.label')} value={people} onChange={setPeople} max={Limits.groupInviteBatchMax} />
        {invite.error ? <Alert tone="error">{errorMessage(t, invite.error)}</Alert> : null}
        {result ? (
          <Alert tone="success">
            {[
              t('invite.invited', { count: result.invited.length }),
              result.alreadyMembers.length ? t('invite.alreadyMembers', { count: result.alreadyMembers.length }) : null,
              result.alreadyInvited.length ? t('invite.alreadyInvited', { count: result.alreadyInvited.length }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </Alert>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={!people.length || invite.isPending}>
            {people.length ? t('invite.submit', { count: people.length }) : t('invite.submitNone')}
          </button>
        </div>
      </form>
    </section>
  );
}

function InviteGuestCard({ group }: { group: Group }) {
  const { t, i18n } = useTranslation('groups');
  const invite = useInviteGuest(group.id);
  const [email, setEmail] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language === 'de' ? 'de' : 'en');
  const [sentTo, setSentTo] = useState<{ email: string; added: boolean } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await invite.mutateAsync({ email: email.trim(), locale });
      setSentTo({ email: email.trim(), added: result.addedExisting });
      setEmail('');
    } catch {
      // Shown below.
    }
  }
  const fields = fieldErrors(t, invite.error);
  return (
    <section className="card" aria-labelledby="guest-heading">
      <h2 id="guest-heading" className="card__title">
        {t('guest.title')}
      </h2>
      <p className="muted">{t('guest.lead')}</p>
      <form className="form form--inline" onSubmit={submit}>
        <TextField
          label={t('guest.email')}
          type="email"
          name="guestEmail"
          required
          maxLength={Limits.emailMax}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          fieldClassName="form__grow"
        />
        <SelectField label={t('guest.language')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <option value="de" lang="de">
            Deutsch
          </option>
          <option value="en" lang="en">
            English
          </option>
        </SelectField>
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {t('guest.submit')}
        </button>
      </form>
      {invite.error && !Object.keys(fields).length ? (
        <Alert tone="error">{isApiError(invite.error, 'email_taken') ? t('guest.employee') : errorMessage(t, invite.error)}</Alert>
      ) : null}
      {sentTo && !invite.error ? (
        <Alert tone="success">{sentTo.added ? t('guest.added', { email: sentTo.email }) : t('guest.sent', { email: sentTo.email })}</Alert>
      ) : null}
    </section>
  );
}

function MembersCard({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const format = useFormatters();
  const me = useMe();
  const members = useMembers(group.id);
  const changeRole = useChangeMemberRole(group.id);
  const remove = useRemoveMember(group.id);
  const [removing, setRemoving] = useState<GroupMember | null>(null);
  const [transferring, setTransferring] = useState<GroupMember | null>(null);
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const error = changeRole.error;

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading" className="card__title">
        {t('members.title', { count: group.memberCount, formatted: format.number(group.memberCount) })}
      </h2>
      {members.isPending ? <Spinner /> : null}
      {members.isError ? <Alert tone="error">{errorMessage(t, members.error)}</Alert> : null}
      {error ? <Alert tone="error">{isApiError(error, 'conflict') ? t('members.lastOwner') : errorMessage(t, error)}</Alert> : null}
      <ul className="plain-list member-list">
        {items.map((member) => {
          const isMe = member.user.id === me.user.id;
          // Per member, from the server; one's own removal is "Leave" in the header.
          const canChangeRole = !isMe && member.abilities.changeRole;
          const canRemove = !isMe && member.abilities.remove;
          return (
            <li key={member.user.id}>
              <PersonLine user={member.user} sub={t('members.since', { date: format.date(member.joinedAt) })} role={canChangeRole ? null : member.role} />
              {canChangeRole || canRemove ? (
                <div className="member-list__actions">
                  {canChangeRole ? (
                    <>
                      <label className="visually-hidden" htmlFor={`role-${member.user.id}`}>
                        {t('members.roleOf', { name: member.user.name })}
                      </label>
                      <select
                        id={`role-${member.user.id}`}
                        className="input input--select"
                        value={member.role}
                        disabled={changeRole.isPending}
                        onChange={(e) => changeRole.mutate({ userId: member.user.id, role: e.target.value as GroupRole })}
                      >
                        {roles.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                      {member.role !== 'owner' ? (
                        <button type="button" className="button button--small" onClick={() => setTransferring(member)}>
                          {t('members.transfer')}
                          <span className="visually-hidden">: {member.user.name}</span>
                        </button>
                      ) : null}
                    </>
                  ) : null}
                  {canRemove ? (
                    <button type="button" className="button button--small" onClick={() => setRemoving(member)}>
                      {t('members.remove')}
                      <span className="visually-hidden">: {member.user.name}</span>
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {members.hasNextPage ? (
        <div className="center">
          <button type="button" className="button" onClick={() => members.fetchNextPage()} disabled={members.isFetchingNextPage}>
            {members.isFetchingNextPage ? t('common:loading') : t('members.more')}
          </button>
        </div>
      ) : null}

      <Dialog open={removing !== null} onClose={() => setRemoving(null)} title={t('members.removeTitle', { name: removing?.user.name ?? '' })}>
        <div className="stack">
          <p>{t('members.removeText', { name: removing?.user.name ?? '', group: group.name })}</p>
          {remove.error ? <Alert tone="error">{isApiError(remove.error, 'conflict') ? t('members.lastOwner') : errorMessage(t, remove.error)}</Alert> : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setRemoving(null)}>
              {t('common:cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={async () => {
                if (!removing) return;
                try {
                  await remove.mutateAsync(removing.user.id);
                  setRemoving(null);
                } catch {
                  // Shown above.
                }
              }}
            >
              {t('members.removeConfirm')}
            </button>
          </div>
        </div>
      </Dialog>
      <TransferDialog group={group} member={transferring} onClose={() => setTransferring(null)} />
    </section>
  );
}

function TransferDialog({ group, member, onClose }: { group: Group; member: GroupMember | null; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const transfer = useTransferOwnership(group.id);
  const name = member?.user.name ?? '';
  return (
    <Dialog open={member !== null} onClose={onClose} title={t('members.transferTitle', { name })}>
      <div className="stack">
        <p>{t('members.transferText', { name, group: group.name })}</p>
        {transfer.error ? <Alert tone="error">{errorMessage(t, transfer.error)}</Alert> : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={transfer.isPending}
            onClick={async () => {
              if (!member) return;
              try {
                await transfer.mutateAsync(member.user.id);
                onClose();
              } catch {
                // Shown above.
              }
            }}
          >
            {t('members.transferConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Avatar, name (a link to the profile), "Guest" badge, role badge and a second line. */
function PersonLine({ user, sub, role }: { user: UserSummary; sub?: string; role?: GroupRole | null }) {
  const { t } = useTranslation('groups');
  return (
    <div className="person-row">
      <Avatar user={user} size="sm" alt="" />
      <div className="person-row__text">
        <span className="person-row__line member-list__name">
          <Link to="/people/$id" params={{ id: user.id }} className="person-row__name">
            {user.name}
          </Link>
          <GuestBadge user={user} />
          {role && role !== 'member' ? <span className={`badge badge--role badge--${role}`}>{t(`roles.${role}`)}</span> : null}
        </span>
        <span className="person-row__sub">{[user.jobTitle, sub].filter(Boolean).join(' · ')}</span>
      </div>
    </div>
  );
}

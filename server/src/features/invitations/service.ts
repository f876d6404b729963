import type { AcceptInvitation, CreateInvitation, Invitation, InvitationPreview } from '@innenhof/contract';
import { Limits } from '@innenhof/contract';
import type { Selectable } from 'kysely';
import { audit } from '../../core/audit.js';
import { randomToken, tokenHash } from '../../core/auth/index.js';
import { AppError, ConflictError, NotFoundError } from '../../core/errors.js';
import { addMs, newId, now } from '../../core/ids.js';
import { renderActionMail } from '../../core/mail/templates.js';
import { appendEvent } from '../../core/outbox.js';
import { decodeCursor, pageOf } from '../../core/pagination.js';
import { type Actor, authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import { INSTANCE } from '../users/policy.js';
import * as users from '../users/repository.js';
import { createAccount, hashPassword } from '../users/service.js';
import * as groups from '../groups/service.js';
import './policy.js';
import type { InvitationsTable } from './tables.js';

type Row = Selectable<InvitationsTable>;

function present(row: Row, inviter: string | null): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    groupId: row.group_id,
    invitedBy: inviter,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

const INVALID = () => new AppError(404, 'invitation_invalid', 'token: this invitation link is invalid, used, revoked or expired');

/** An admin invites a colleague by e-mail: a single-use link, valid for 7 days, sent in the chosen language. */
export async function createInvitation(ctx: AppContext, actor: Actor, input: CreateInvitation): Promise<Invitation> {
  authorize(actor, 'invitation.create', INSTANCE);
  return sendInvitation(ctx, actor, { email: input.email, role: input.role ?? 'member', locale: input.locale, group: null });
}

/**
 * A group owner invites an external guest by e-mail into one group (when the admin allows guests).
 * A guest who has an account already is added at once; an employee's address is refused.
 */
export async function inviteGuest(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  input: { email: string; locale?: 'de' | 'en' },
): Promise<{ invitation: Invitation | null; addedExisting: boolean }> {
  const group = await groups.assertGuestInvite(ctx, actor, groupId);
  const existing = await users.findByEmail(ctx.db.db, input.email);
  if (existing) {
    if (existing.role !== 'guest') {
      throw new ConflictError('email_taken', 'email: this address belongs to a colleague: invite them as a member instead', {
        fields: [{ field: 'email', message: 'taken' }],
      });
    }
    await ctx.db.transaction(async (tx) => {
      if (!(await groups.isMember(tx.db, group.id, existing.id))) await groups.addMember(tx, group.id, existing.id, 'member', actor.id, ctx);
    });
    return { invitation: null, addedExisting: true };
  }
  return { invitation: await sendInvitation(ctx, actor, { email: input.email, role: 'guest', locale: input.locale, group }), addedExisting: false };
}

async function sendInvitation(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; role: Row['role']; locale?: 'de' | 'en'; group: { id: string; name: string } | null },
): Promise<Invitation> {
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const created = now();
  const row: Row = {
    id: newId(),
    email,
    role: input.role,
    group_id: input.group?.id ?? null,
    token_hash: tokenHash(token),
    invited_by: actor.id,
    locale: input.locale ?? (await settings.getCompany(ctx.db.db)).defaultLocale,
    created_at: created,
    expires_at: addMs(created, Limits.invitationDays * 24 * 3600 * 1000),
    accepted_at: null,
    accepted_user_id: null,
    revoked_at: null,
  };
  const inviter = await users.findById(ctx.db.db, actor.id);
  const company = await settings.getCompany(ctx.db.db);
  const mail = await renderActionMail({
    locale: row.locale,
    template: input.group ? 'guestInvitation' : 'invitation',
    recipientName: null,
    company: company.companyName,
    actionUrl: `${ctx.config.publicUrl}/invite/${token}`,
    params: {
      inviter: inviter?.name ?? company.companyName,
      group: input.group?.name ?? '',
      date: new Intl.DateTimeFormat(row.locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(row.expires_at)),
    },
  });
  await ctx.db.transaction(async (tx) => {
    if (await users.findByEmail(tx.db, email)) {
      throw new ConflictError('email_taken', 'email: a colleague with this address has an account already', { fields: [{ field: 'email', message: 'taken' }] });
    }
    await tx.db.insertInto('invitations').values(row).execute();
    await ctx.mailer.queue(tx.db, { to: email, ...mail });
    tx.onCommit(() => ctx.jobs.kick());
    await appendEvent(tx, { type: 'invitation.created', actorId: actor.id, subjectId: row.id }, ctx.outbox);
    await audit(tx.db, { actorId: actor.id, action: 'invitation.created', targetType: 'invitation', targetId: row.id, details: { role: row.role } });
  });
  return present(row, inviter?.name ?? null);
}

export async function listInvitations(
  ctx: AppContext,
  actor: Actor,
  cursor: string | undefined,
  limit = 50,
): Promise<{ items: Invitation[]; nextCursor: string | null }> {
  authorize(actor, 'invitation.list', INSTANCE);
  const after = decodeCursor(cursor, 1);
  let q = ctx.db.db
    .selectFrom('invitations')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (after) q = q.where('id', '<', String(after[0]));
  const rows = await q.execute();
  const inviters = await users.findByIds(
    ctx.db.db,
    rows.map((r) => r.invited_by).filter((x): x is string => Boolean(x)),
  );
  return pageOf(
    rows,
    limit,
    (r) => [r.id],
    (page) => page.map((r) => present(r, r.invited_by ? (inviters.get(r.invited_by)?.name ?? null) : null)),
  );
}

export async function revokeInvitation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'invitation.revoke', INSTANCE);
  await ctx.db.transaction(async (tx) => {
    const r = await tx.db
      .updateTable('invitations')
      .set({ revoked_at: now() })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Invitation');
    await audit(tx.db, { actorId: actor.id, action: 'invitation.revoked', targetType: 'invitation', targetId: id });
  });
}

async function pending(ctx: AppContext, token: string): Promise<Row> {
  const row = await ctx.db.db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!row || row.accepted_at || row.revoked_at || row.expires_at < now()) throw INVALID();
  return row;
}

/** What the invitee sees before accepting. */
export async function previewInvitation(ctx: AppContext, token: string): Promise<InvitationPreview> {
  const row = await pending(ctx, token);
  const inviter = row.invited_by ? await users.findById(ctx.db.db, row.invited_by) : undefined;
  const group = row.group_id ? await ctx.db.db.selectFrom('groups').select('name').where('id', '=', row.group_id).executeTakeFirst() : undefined;
  return {
    email: row.email,
    companyName: (await settings.getCompany(ctx.db.db)).companyName,
    invitedBy: inviter?.name ?? null,
    groupName: group?.name ?? null,
    role: row.role,
  };
}

/** The invitee sets name and password; the link is used up in the same transaction. Returns the e-mail to sign in with. */
export async function acceptInvitation(ctx: AppContext, input: AcceptInvitation): Promise<string> {
  const row = await pending(ctx, input.token);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const used = await tx.db
      .updateTable('invitations')
      .set({ accepted_at: now() })
      .where('id', '=', row.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) throw INVALID();
    const user = await createAccount(tx, { name: input.name, email: row.email, passwordHash, role: row.role, locale: input.locale ?? row.locale });
    // A guest lands in the group they were invited to (if it still exists).
    if (row.group_id && (await groups.groupExists(tx.db, row.group_id)))
      await groups.addMember(tx, row.group_id, user.id, 'member', row.invited_by ?? user.id, ctx);
    await tx.db.updateTable('invitations').set({ accepted_user_id: user.id }).where('id', '=', row.id).execute();
    // Other open invitations to the same address are moot now.
    await tx.db
      .updateTable('invitations')
      .set({ revoked_at: now() })
      .where('email', '=', row.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await appendEvent(tx, { type: 'invitation.accepted', actorId: user.id, subjectId: row.id }, ctx.outbox);
  });
  return row.email;
}

import type { CompanySettings, UpdateCompanySettings, UserSummary } from '@innenhof/contract';
import { audit } from '../../core/audit.js';
import { fieldError } from '../../core/errors.js';
import { normalizeAllowHost } from '../../core/link-preview/guard.js';
import { type Actor, authorize, can } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { presentSummary } from '../users/presenter.js';
import { countUsers, findByIds } from '../users/repository.js';
import { INSTANCE } from '../users/policy.js';
import './policy.js';
import * as repo from './repository.js';

async function present(ctx: AppContext, values: repo.CompanyValues, actor: Actor | null): Promise<CompanySettings> {
  return {
    companyName: values.companyName,
    accentColor: values.accentColor,
    logoUrl: values.logoFileId ? `/api/v1/files/${values.logoFileId}/small` : null,
    defaultLocale: values.defaultLocale,
    guestsAllowed: values.guestsAllowed,
    groupCreation: values.groupCreation,
    chatAttachmentMaxMb: values.chatAttachmentMaxMb,
    postAttachmentMaxMb: values.postAttachmentMaxMb,
    linkPreviews: values.linkPreviews,
    mailPrivacy: values.mailPrivacy,
    // Intranet host names are nobody's business before login: only admins see the list.
    ...(actor && can(actor, 'settings.update', INSTANCE) ? { linkPreviewAllowHosts: values.linkPreviewAllowHosts } : {}),
    setupNeeded: (await countUsers(ctx.db.db)) === 0,
  };
}

/** Public branding: shown on the login page too (admins also get the admin-only fields). */
export async function getCompanySettings(ctx: AppContext, actor: Actor | null = null): Promise<CompanySettings> {
  return present(ctx, await repo.getCompany(ctx.db.db), actor);
}

export async function updateCompanySettings(ctx: AppContext, actor: Actor, input: UpdateCompanySettings): Promise<CompanySettings> {
  authorize(actor, 'settings.update', INSTANCE);
  // The schema allows "   "; stored trimmed it would leave the company without a name.
  if (input.companyName !== undefined && input.companyName.trim() === '') throw fieldError('companyName', 'must not be blank');
  const allowHosts = input.linkPreviewAllowHosts?.map((raw, i) => {
    const host = normalizeAllowHost(raw);
    if (!host) throw fieldError(`linkPreviewAllowHosts.${i}`, 'a host name like wiki.intern.example (no scheme, port, path or wildcard)');
    return host;
  });
  const values = await ctx.db.transaction(async (tx) => {
    const current = await repo.getCompany(tx.db);
    const next: repo.CompanyValues = {
      ...current,
      ...(input.companyName !== undefined ? { companyName: input.companyName.trim() } : {}),
      ...(input.accentColor !== undefined ? { accentColor: input.accentColor.toLowerCase() } : {}),
      ...(input.defaultLocale !== undefined ? { defaultLocale: input.defaultLocale } : {}),
      ...(input.guestsAllowed !== undefined ? { guestsAllowed: input.guestsAllowed } : {}),
      ...(input.groupCreation !== undefined ? { groupCreation: input.groupCreation } : {}),
      ...(input.chatAttachmentMaxMb !== undefined ? { chatAttachmentMaxMb: input.chatAttachmentMaxMb } : {}),
      ...(input.postAttachmentMaxMb !== undefined ? { postAttachmentMaxMb: input.postAttachmentMaxMb } : {}),
      ...(input.linkPreviews !== undefined ? { linkPreviews: input.linkPreviews } : {}),
      ...(input.mailPrivacy !== undefined ? { mailPrivacy: input.mailPrivacy } : {}),
      ...(allowHosts ? { linkPreviewAllowHosts: [...new Set(allowHosts)] } : {}),
    };
    await repo.setCompany(tx.db, next);
    await audit(tx.db, { actorId: actor.id, action: 'settings.updated', details: { fields: Object.keys(input) } });
    return next;
  });
  return present(ctx, values, actor);
}

export async function setLogo(ctx: AppContext, actor: Actor, data: Buffer | null): Promise<CompanySettings> {
  authorize(actor, 'settings.update', INSTANCE);
  const stored = data ? await ctx.storage.saveImage(ctx.db.db, data, 'logo', null) : null;
  let previous: string | null = null;
  const values = await ctx.db.transaction(async (tx) => {
    const current = await repo.getCompany(tx.db);
    previous = current.logoFileId;
    const next = { ...current, logoFileId: stored?.id ?? null };
    await repo.setCompany(tx.db, next);
    await audit(tx.db, { actorId: actor.id, action: data ? 'settings.logo_set' : 'settings.logo_removed' });
    return next;
  });
  if (previous) await ctx.storage.remove(ctx.db.db, previous).catch(() => undefined);
  return present(ctx, values, actor);
}

export async function listAnnouncers(ctx: AppContext, actor: Actor): Promise<UserSummary[]> {
  authorize(actor, 'settings.update', INSTANCE);
  const ids = await repo.getAnnouncers(ctx.db.db);
  const people = await findByIds(ctx.db.db, ids);
  return ids.flatMap((id) => {
    const u = people.get(id);
    return u && u.status === 'active' ? [presentSummary(u)] : [];
  });
}

/** Sets the communications team; each must be an active employee (not a guest). */
export async function setAnnouncers(ctx: AppContext, actor: Actor, userIds: string[]): Promise<UserSummary[]> {
  authorize(actor, 'settings.update', INSTANCE);
  const people = await findByIds(ctx.db.db, userIds);
  for (const [i, id] of userIds.entries()) {
    const u = people.get(id);
    if (!u || u.status !== 'active' || u.role === 'guest') throw fieldError(`userIds.${i}`, 'no such employee');
  }
  await ctx.db.transaction(async (tx) => {
    await repo.setAnnouncers(tx.db, userIds);
    await audit(tx.db, { actorId: actor.id, action: 'settings.announcers_set', details: { userIds } });
  });
  return listAnnouncers(ctx, actor);
}

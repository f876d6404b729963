import type { CompanySettings, UpdateCompanySettings } from '@innenhof/contract';
import { audit } from '../../core/audit.js';
import { fieldError } from '../../core/errors.js';
import { type Actor, authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import { countUsers } from '../users/repository.js';
import { INSTANCE } from '../users/policy.js';
import './policy.js';
import * as repo from './repository.js';

async function present(ctx: AppContext, values: repo.CompanyValues): Promise<CompanySettings> {
  return {
    companyName: values.companyName,
    accentColor: values.accentColor,
    logoUrl: values.logoFileId ? `/api/v1/files/${values.logoFileId}/small` : null,
    defaultLocale: values.defaultLocale,
    guestsAllowed: values.guestsAllowed,
    groupCreation: values.groupCreation,
    chatAttachmentMaxMb: values.chatAttachmentMaxMb,
    setupNeeded: (await countUsers(ctx.db.db)) === 0,
  };
}

/** Public branding: shown on the login page too. */
export async function getCompanySettings(ctx: AppContext): Promise<CompanySettings> {
  return present(ctx, await repo.getCompany(ctx.db.db));
}

export async function updateCompanySettings(ctx: AppContext, actor: Actor, input: UpdateCompanySettings): Promise<CompanySettings> {
  authorize(actor, 'settings.update', INSTANCE);
  // The schema allows "   "; stored trimmed it would leave the company without a name.
  if (input.companyName !== undefined && input.companyName.trim() === '') throw fieldError('companyName', 'must not be blank');
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
    };
    await repo.setCompany(tx.db, next);
    await audit(tx.db, { actorId: actor.id, action: 'settings.updated', details: { fields: Object.keys(input) } });
    return next;
  });
  return present(ctx, values);
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
  return present(ctx, values);
}

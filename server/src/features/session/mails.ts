import { Limits } from '@innenhof/contract';
import type { ResetMailRequest } from '../../core/auth/index.js';
import { renderActionMail } from '../../core/mail/templates.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';

/** better-auth asks for this when a reset is requested for a known address: queue the mail in the user's language. */
export async function queuePasswordResetMail(ctx: AppContext, req: ResetMailRequest): Promise<void> {
  const [user, company] = await Promise.all([users.findById(ctx.db.db, req.userId), settings.getCompany(ctx.db.db)]);
  if (!user || user.status !== 'active') return;
  const locale = user.locale ?? company.defaultLocale;
  const mail = await renderActionMail({
    locale,
    template: 'passwordReset',
    recipientName: user.name,
    company: company.companyName,
    actionUrl: `${ctx.config.publicUrl}/reset-password/${encodeURIComponent(req.token)}`,
    params: { minutes: Limits.passwordResetMinutes },
  });
  await ctx.mailer.queue(ctx.db.db, { to: user.email, ...mail }, ctx.jobs);
}

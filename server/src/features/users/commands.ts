import { audit } from '../../core/audit.js';
import type { AppContext } from '../../context.js';
import { createAccount, hashPassword } from './service.js';

/** `innenhof create-admin`: for recovery or scripted installs. Works on a fresh database too (closes setup). */
export async function createAdminCommand(ctx: AppContext, input: { email: string; name: string; password: string }): Promise<string> {
  if (input.password.length < 10) throw new Error('password: at least 10 characters');
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email)) throw new Error('email: not an e-mail address');
  const passwordHash = await hashPassword(input.password);
  const row = await ctx.db.transaction(async (tx) => {
    const r = await createAccount(tx, { name: input.name, email: input.email, passwordHash, role: 'admin' });
    await tx.db
      .insertInto('settings')
      .values({ key: 'setup_completed', value: JSON.stringify(r.created_at), updated_at: r.created_at })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await audit(tx.db, { actorId: null, action: 'user.created_by_cli', targetType: 'user', targetId: r.id, details: { role: 'admin' } });
    return r;
  });
  return `Administrator ${row.name} <${row.email}> created.`;
}

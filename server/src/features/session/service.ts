import type { Session } from '@innenhof/contract';
import { APIError } from 'better-auth/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { appendEvent } from '../../core/outbox.js';
import { csrfTokenFor, verifyPassword } from '../../core/auth/index.js';
import { AppError, NotFoundError } from '../../core/errors.js';
import { forwardCookies, sessionCookieName, webHeaders } from '../../core/http.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as users from '../users/repository.js';

const INVALID = () => new AppError(401, 'invalid_credentials', 'E-mail or password is wrong');

/**
 * Signs in through better-auth and copies its session cookie onto the reply. Unknown e-mail and wrong
 * password answer alike, in similar time (better-auth hashes a dummy password for unknown e-mails).
 * Returns the new session's id, for the CSRF token.
 */
export async function signIn(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  email: string,
  password: string,
): Promise<{ userId: string; csrfToken: string }> {
  const normalized = email.trim().toLowerCase();
  const existing = await users.findByEmail(ctx.db.db, normalized);
  if (existing && existing.status !== 'active') {
    // Only someone who knows the password learns that the account is deactivated.
    const account = await ctx.db.db
      .selectFrom('accounts')
      .select('password')
      .where('user_id', '=', existing.id)
      .where('provider_id', '=', 'credential')
      .executeTakeFirst();
    if (account?.password && (await verifyPassword({ hash: account.password, password }))) {
      throw new AppError(403, 'account_deactivated', 'This account has been deactivated. Please contact your administrator.');
    }
    throw INVALID();
  }
  try {
    const result = await ctx.auth.api.signInEmail({ body: { email: normalized, password }, headers: webHeaders(request), returnHeaders: true });
    forwardCookies(reply, result.headers);
    const token = result.response.token;
    const session = await ctx.db.db.selectFrom('sessions').select(['id', 'user_id']).where('token', '=', token).executeTakeFirstOrThrow();
    request.sessionId = session.id;
    return { userId: session.user_id, csrfToken: csrfTokenFor(ctx.secret, session.id) };
  } catch (err) {
    if (err instanceof APIError) {
      await audit(ctx.db.db, { actorId: existing?.id ?? null, action: 'auth.login_failed', ip: request.ip, details: { known: Boolean(existing) } });
      throw INVALID();
    }
    throw err;
  }
}

/** Tells the real-time gateway (after commit, through the outbox) that sessions ended. */
async function sessionsEnded(ctx: AppContext, userId: string, ended: { sessionIds?: string[]; everywhere?: boolean }): Promise<void> {
  await ctx.db.transaction((tx) => appendEvent(tx, { type: 'session.ended', actorId: userId, subjectId: userId, payload: ended }, ctx.outbox));
}

export async function signOut(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, actor: Actor, everywhere: boolean): Promise<void> {
  if (everywhere) {
    await users.deleteSessionsOf(ctx.db.db, actor.id);
    await audit(ctx.db.db, { actorId: actor.id, action: 'auth.logout_everywhere', ip: request.ip });
  }
  try {
    const result = await ctx.auth.api.signOut({ headers: webHeaders(request), returnHeaders: true });
    forwardCookies(reply, result.headers);
  } catch {
    // The session may already be gone (logout everywhere); the cookie is cleared below either way.
  }
  if (!reply.hasHeader('set-cookie')) reply.header('set-cookie', clearCookieHeader(ctx));
  await sessionsEnded(ctx, actor.id, everywhere ? { everywhere: true } : { sessionIds: request.sessionId ? [request.sessionId] : [] });
}

function clearCookieHeader(ctx: AppContext): string {
  return `${sessionCookieName(ctx)}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${ctx.config.https ? '; Secure' : ''}`;
}

export async function listSessions(ctx: AppContext, actor: Actor, currentId: string | null): Promise<Session[]> {
  const rows = await ctx.db.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'updated_at', 'expires_at', 'ip_address', 'user_agent'])
    .where('user_id', '=', actor.id)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('updated_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastActiveAt: r.updated_at,
    expiresAt: r.expires_at,
    ipAddress: r.ip_address || null,
    userAgent: r.user_agent || null,
    current: r.id === currentId,
  }));
}

export async function revokeSession(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const r = await ctx.db.db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Session');
  await sessionsEnded(ctx, actor.id, { sessionIds: [id] });
}

/** Changes the password (the current one is required); other sessions end unless asked to keep them. */
export async function changePassword(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  logoutOthers: boolean,
): Promise<void> {
  try {
    const result = await ctx.auth.api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: false },
      headers: webHeaders(request),
      returnHeaders: true,
    });
    forwardCookies(reply, result.headers);
  } catch (err) {
    if (err instanceof APIError) {
      if (String(err.message).toLowerCase().includes('password') && err.status === 'BAD_REQUEST') {
        throw new AppError(400, 'invalid_credentials', 'currentPassword: is wrong', { fields: [{ field: 'currentPassword', message: 'wrong' }] });
      }
      throw new AppError(400, 'bad_request', String(err.message));
    }
    throw err;
  }
  if (logoutOthers && request.sessionId) {
    const others = await ctx.db.db.selectFrom('sessions').select('id').where('user_id', '=', actor.id).where('id', '!=', request.sessionId).execute();
    await users.deleteSessionsOf(ctx.db.db, actor.id, request.sessionId);
    await sessionsEnded(ctx, actor.id, { sessionIds: others.map((o) => o.id) });
  }
  await audit(ctx.db.db, { actorId: actor.id, action: 'auth.password_changed', ip: request.ip });
}

/** Always answers the same, whether or not the address is known. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  try {
    await ctx.auth.api.requestPasswordReset({ body: { email: email.trim().toLowerCase(), redirectTo: '/reset-password' } });
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
  }
}

export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<void> {
  const verification = await ctx.db.db.selectFrom('verifications').select(['value']).where('identifier', '=', `reset-password:${token}`).executeTakeFirst();
  try {
    await ctx.auth.api.resetPassword({ body: { token, newPassword: password } });
  } catch (err) {
    if (err instanceof APIError) throw new AppError(400, 'token_invalid', 'token: this reset link is invalid, used or expired. Ask for a new one.');
    throw err;
  }
  await audit(ctx.db.db, { actorId: verification?.value ?? null, action: 'auth.password_reset' });
  // better-auth ended every session of the account; their live connections end too.
  if (verification?.value) await sessionsEnded(ctx, verification.value, { everywhere: true });
}

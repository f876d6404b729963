import crypto from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Actor } from '../policy/index.js';
import { COOKIE_PREFIX, SESSION_DAYS, safeEqual } from './index.js';

const RENEW_AFTER_MS = 24 * 3600 * 1000;

export function sessionCookieName(ctx: Pick<AppContext, 'config'>): string {
  return `${ctx.config.https ? '__Secure-' : ''}${COOKIE_PREFIX}.session_token`;
}

export interface ResolvedSession {
  id: string;
  actor: Actor;
  /** better-auth renews a session's expiry (and cookie) once a day while it is used. */
  renewDue: boolean;
}

/**
 * Resolves a session cookie value (`<token>.<signature>`, URL-decoded) to an active session. This is the
 * hot path of every request and every real-time handshake: the cookie's signature is the HMAC better-auth
 * puts on it with the same secret, and session and user come in one query. Expired sessions and
 * deactivated accounts resolve to nothing.
 */
export async function lookupSession(ctx: Pick<AppContext, 'db' | 'secret'>, cookieValue: string | undefined): Promise<ResolvedSession | null> {
  if (!cookieValue) return null;
  const dot = cookieValue.lastIndexOf('.');
  if (dot <= 0) return null;
  const token = cookieValue.slice(0, dot);
  const signature = cookieValue.slice(dot + 1);
  if (!safeEqual(signature, crypto.createHmac('sha256', ctx.secret).update(token).digest('base64'))) return null;
  const row = await ctx.db.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.expires_at', 'u.id as user_id', 'u.role', 'u.status'])
    .where('s.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const expires = Date.parse(row.expires_at);
  if (expires <= Date.now() || row.status !== 'active') return null;
  return {
    id: row.id,
    actor: { id: row.user_id, role: row.role, status: row.status },
    renewDue: expires - Date.now() < SESSION_DAYS * 24 * 3600 * 1000 - RENEW_AFTER_MS,
  };
}

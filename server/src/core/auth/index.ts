import crypto from 'node:crypto';
import { kyselyAdapter } from '@better-auth/kysely-adapter';
import { betterAuth } from 'better-auth';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import type { Config } from '../../config/config.js';
import type { Db } from '../db/index.js';
import { newId } from '../ids.js';
import { logger } from '../logger.js';

export const SESSION_DAYS = 30;
export const COOKIE_PREFIX = 'innenhof';

export interface ResetMailRequest {
  userId: string;
  email: string;
  name: string;
  token: string;
}

/**
 * better-auth configured on our own tables (snake_case, ISO-text timestamps, 0/1 booleans — which is why
 * the adapter runs in its "sqlite" value mode on both dialects: it then writes dates as ISO strings and
 * booleans as integers, our data rules, and the SQL it emits is plain enough for PostgreSQL too).
 * Sign-up is off: accounts come from setup, invitations and admins.
 */
export function createAuth(options: { config: Config; db: Db; secret: string; onPasswordReset: (req: ResetMailRequest) => Promise<void> }) {
  const { config, db, secret } = options;
  const ts = { createdAt: 'created_at', updatedAt: 'updated_at' };
  return betterAuth({
    appName: 'Innenhof',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [config.publicOrigin],
    database: kyselyAdapter(db.db as never, { type: 'sqlite' }),
    telemetry: { enabled: false },
    // better-auth's own messages go to our JSON log (subsystem "auth"), not to stderr as text.
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const log = logger('auth');
        const fields = args.length > 0 ? { details: args } : {};
        if (level === 'error') log.error(fields, message);
        else if (level === 'warn') log.warn(fields, message);
        else log.info(fields, message);
      },
    },
    rateLimit: { enabled: false },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', ...ts },
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'member' },
        status: { type: 'string', input: false, required: false, defaultValue: 'active' },
      },
    },
    session: {
      modelName: 'sessions',
      fields: { expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', userId: 'user_id', ...ts },
      expiresIn: SESSION_DAYS * 24 * 3600,
      updateAge: 24 * 3600,
      cookieCache: { enabled: false },
    },
    account: {
      modelName: 'accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...ts,
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', ...ts },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        await options.onPasswordReset({ userId: user.id, email: user.email, name: user.name, token });
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: config.https,
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
      database: { generateId: () => newId(), validateSchema: false },
      ipAddress: { ipAddressHeaders: config.trustProxy ? ['x-forwarded-for'] : ['x-innenhof-client-ip'] },
    },
    databaseHooks: {
      session: {
        create: {
          // Defence in depth: a deactivated account never gets a session, whatever path asks for one.
          before: async (session) => {
            const user = await db.db.selectFrom('users').select('status').where('id', '=', session.userId).executeTakeFirst();
            if (!user || user.status !== 'active') return false;
            return { data: session };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export { hashPassword, verifyPassword };

/**
 * The CSRF token of a session: an HMAC of the session id, so it needs no storage and dies with the session.
 */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return crypto.createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** sha256 in hex: how single-use tokens (invitations) are stored. */
export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

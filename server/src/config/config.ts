import path from 'node:path';
import type { RawEnv } from './env.js';

export type DbConfig = { dialect: 'sqlite'; file: string } | { dialect: 'pg'; url: string };

export interface SmtpConfig {
  url?: string;
  host?: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  publicOrigin: string;
  https: boolean;
  dataDir: string;
  db: DbConfig;
  redisUrl: string | null;
  /** Key prefix in Redis, shared by all instances of one installation. */
  redisPrefix: string;
  /** Null means: derive and persist one under the data directory (embedded mode). */
  secret: string | null;
  logLevel: string;
  trustProxy: boolean;
  smtp: SmtpConfig | null;
  mailFrom: string;
  uploadMaxBytes: number;
  loginRateLimit: number;
  /** Load tests only (`npm run bench`): every per-route rate limit is raised to at least this many per window; null = as the routes say. */
  writeRateLimit: number | null;
  webDir: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: RawEnv, key: string, def: number, min: number, max: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return def;
  }
  return n;
}

function bool(env: RawEnv, key: string, def: boolean, problems: string[]): boolean {
  const raw = env[key];
  if (raw === undefined) return def;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${key} must be true or false (got "${raw}")`);
  return def;
}

/**
 * Turns raw environment values into a checked configuration with every default.
 * Pure: collects every problem and throws them all at once as a ConfigError.
 */
export function buildConfig(env: RawEnv, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const port = int(env, 'PORT', 3000, 0, 65535, problems);
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(cwd, env.INNENHOF_DATA_DIR ?? 'data');

  let publicUrl = env.INNENHOF_PUBLIC_URL ?? `http://localhost:${port}`;
  let publicOrigin = publicUrl;
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    publicOrigin = u.origin;
    publicUrl = publicUrl.replace(/\/+$/, '');
  } catch {
    problems.push(`INNENHOF_PUBLIC_URL must be an http(s) URL like https://intranet.example.com (got "${publicUrl}")`);
  }

  let db: DbConfig = { dialect: 'sqlite', file: path.join(dataDir, 'innenhof.db') };
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    if (/^postgres(ql)?:\/\//.test(url)) db = { dialect: 'pg', url };
    else if (url.startsWith('sqlite:')) db = { dialect: 'sqlite', file: path.resolve(cwd, url.slice('sqlite:'.length).replace(/^\/\//, '')) };
    else problems.push(`DATABASE_URL must start with postgres:// or sqlite: (got "${url.replace(/:[^:@/]*@/, ':***@')}")`);
  }

  const redisUrl = env.REDIS_URL ?? null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss://');

  const secret = env.INNENHOF_SECRET ?? null;
  if (secret !== null && secret.length < 32) problems.push('INNENHOF_SECRET must be at least 32 characters (use: openssl rand -hex 32)');
  if (secret === null && db.dialect === 'pg')
    problems.push('INNENHOF_SECRET is required with PostgreSQL, so that every instance shares it (use: openssl rand -hex 32)');

  const logLevel = env.INNENHOF_LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`INNENHOF_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  let smtp: SmtpConfig | null = null;
  if (env.INNENHOF_SMTP_URL || env.INNENHOF_SMTP_HOST) {
    smtp = {
      url: env.INNENHOF_SMTP_URL,
      host: env.INNENHOF_SMTP_HOST,
      port: int(env, 'INNENHOF_SMTP_PORT', 587, 1, 65535, problems),
      secure: bool(env, 'INNENHOF_SMTP_SECURE', false, problems),
      user: env.INNENHOF_SMTP_USER,
      password: env.INNENHOF_SMTP_PASSWORD,
    };
    if (smtp.url && !/^smtps?:\/\//.test(smtp.url)) problems.push('INNENHOF_SMTP_URL must start with smtp:// or smtps://');
    if (smtp.user && !smtp.password) problems.push('INNENHOF_SMTP_PASSWORD is required when INNENHOF_SMTP_USER is set');
  } else if (env.INNENHOF_SMTP_PORT || env.INNENHOF_SMTP_USER) {
    problems.push('INNENHOF_SMTP_HOST (or INNENHOF_SMTP_URL) is required when other SMTP settings are given');
  }
  const defaultFrom = (() => {
    try {
      return `Innenhof <noreply@${new URL(publicUrl).hostname}>`;
    } catch {
      return 'Innenhof <noreply@localhost>';
    }
  })();
  const mailFrom = env.INNENHOF_MAIL_FROM ?? defaultFrom;

  const uploadMaxBytes = int(env, 'INNENHOF_UPLOAD_MAX_MB', 10, 1, 1024, problems) * 1024 * 1024;
  const loginRateLimit = int(env, 'INNENHOF_LOGIN_RATE_LIMIT', 10, 1, 1_000_000, problems);
  const writeRateLimit = env.INNENHOF_WRITE_RATE_LIMIT === undefined ? null : int(env, 'INNENHOF_WRITE_RATE_LIMIT', 0, 1, 1_000_000, problems);
  const trustProxy = bool(env, 'INNENHOF_TRUST_PROXY', false, problems);
  const webDir = env.INNENHOF_WEB_DIR ? path.resolve(cwd, env.INNENHOF_WEB_DIR) : null;

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    publicUrl,
    publicOrigin,
    https: publicUrl.startsWith('https:'),
    dataDir,
    db,
    redisUrl,
    redisPrefix: env.INNENHOF_REDIS_PREFIX ?? 'innenhof:',
    secret,
    logLevel,
    trustProxy,
    smtp,
    mailFrom,
    uploadMaxBytes,
    loginRateLimit,
    writeRateLimit,
    webDir,
  };
}

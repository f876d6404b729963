/**
 * Raw configuration from the environment. Only reads; `config.ts` interprets.
 */
export interface RawEnv {
  [key: string]: string | undefined;
}

/** The keys Innenhof reads. Documented in docs/configuration.md. */
export const EnvKeys = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'REDIS_URL',
  'INNENHOF_REDIS_PREFIX',
  'INNENHOF_DATA_DIR',
  'INNENHOF_PUBLIC_URL',
  'INNENHOF_SECRET',
  'INNENHOF_LOG_LEVEL',
  'INNENHOF_TRUST_PROXY',
  'INNENHOF_SMTP_URL',
  'INNENHOF_SMTP_HOST',
  'INNENHOF_SMTP_PORT',
  'INNENHOF_SMTP_USER',
  'INNENHOF_SMTP_PASSWORD',
  'INNENHOF_SMTP_SECURE',
  'INNENHOF_MAIL_FROM',
  'INNENHOF_UPLOAD_MAX_MB',
  'INNENHOF_LOGIN_RATE_LIMIT',
  'INNENHOF_WRITE_RATE_LIMIT',
  'INNENHOF_WEB_DIR',
] as const;

export function readEnv(source: NodeJS.ProcessEnv = process.env): RawEnv {
  const out: RawEnv = {};
  for (const key of EnvKeys) {
    const value = source[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config/config.js';
import { type Auth, createAuth, type ResetMailRequest } from './core/auth/index.js';
import { type Db, openDb } from './core/db/index.js';
import { JobWorker } from './core/jobs.js';
import { MAIL_JOB, Mailer, type OutgoingMail } from './core/mail/mailer.js';
import { OutboxDispatcher } from './core/outbox.js';
import type { Realtime } from './core/realtime/index.js';
import { Storage } from './core/storage.js';

/** Everything a service needs, built once at start (the composition root). */
export interface AppContext {
  config: Config;
  db: Db;
  secret: string;
  auth: Auth;
  mailer: Mailer;
  storage: Storage;
  outbox: OutboxDispatcher;
  jobs: JobWorker;
  /** The real-time gateway, attached to the HTTP server by buildApp (null in commands without a server). */
  realtime: Realtime | null;
}

/**
 * The secret signs sessions and CSRF tokens. With PostgreSQL it must come from the environment (all
 * instances share it); in embedded mode one is generated on first start and kept in the data directory.
 */
function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = path.join(config.dataDir, 'secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

export function createContext(config: Config, options: { onPasswordReset?: (ctx: AppContext, req: ResetMailRequest) => Promise<void> } = {}): AppContext {
  const db = openDb(config.db);
  const secret = resolveSecret(config);
  const ctx = { config, db, secret } as AppContext;
  ctx.auth = createAuth({
    config,
    db,
    secret,
    onPasswordReset: async (req) => {
      await options.onPasswordReset?.(ctx, req);
    },
  });
  ctx.mailer = new Mailer(config, db);
  ctx.storage = new Storage(config.dataDir);
  ctx.outbox = new OutboxDispatcher(db);
  ctx.jobs = new JobWorker(db);
  ctx.realtime = null;
  ctx.jobs.register(MAIL_JOB, (payload) => ctx.mailer.deliver(payload as unknown as OutgoingMail));
  return ctx;
}

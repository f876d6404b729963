import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { buildConfig, type Config } from '../src/config/config.js';
import type { RawEnv } from '../src/config/env.js';
import { type AppContext, createContext } from '../src/context.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { setRootLogger } from '../src/core/logger.js';
import pino from 'pino';
import { queuePasswordResetMail } from '../src/features/session/mails.js';
import { createPgTestDb, testDialect } from './db.js';

// Quiet subsystem logs in tests (TEST_LOG=debug to see them).
setRootLogger(pino({ level: process.env.TEST_LOG ?? 'silent' }));

export const PUBLIC_URL = 'http://innenhof.test';
export const ORIGIN = PUBLIC_URL;

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  dialect: 'sqlite' | 'pg';
  /** Runs due jobs (mail) and outbox handlers now, instead of waiting for the workers. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real app on a fresh database: a temp SQLite file, or (TEST_DB=pg) a PostgreSQL database cloned
 * from the migrated template. Workers are not started: tests call drain() so that they are deterministic.
 */
export async function createTestApp(env: RawEnv = {}, options: { logger?: object } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-test-'));
  const pgDb = testDialect === 'pg' ? await createPgTestDb() : null;
  const config = buildConfig({
    INNENHOF_DATA_DIR: dataDir,
    INNENHOF_PUBLIC_URL: PUBLIC_URL,
    INNENHOF_SECRET: 'test-secret-'.padEnd(64, 'x'),
    INNENHOF_LOGIN_RATE_LIMIT: '1000',
    INNENHOF_WEB_DIR: path.join(dataDir, 'no-web'),
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    // With REDIS_URL (cluster mode) rate limits live in Redis; a fresh prefix keeps test runs apart.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, INNENHOF_REDIS_PREFIX: `innenhof-test-${crypto.randomUUID()}:` } : {}),
    ...env,
  });
  const ctx = createContext(config, { onPasswordReset: queuePasswordResetMail });
  await migrateToLatest(ctx.db);
  // `options.logger`: Fastify's logger (a test that reads the request log lines passes a pino stream).
  const app = await buildApp(ctx, { logger: options.logger ?? false });
  await app.ready();
  return {
    app,
    ctx,
    config,
    dialect: ctx.db.dialect,
    async drain() {
      // Jobs make events (notifications) and events make jobs: until both are done.
      for (let round = 0; round < 5; round++) {
        const n = (await ctx.outbox.drain()) + (await ctx.jobs.drain());
        if (n === 0) break;
      }
    },
    async close() {
      await app.close();
      ctx.mailer.close();
      await ctx.db.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, unknown> | unknown[] | undefined;

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes, with the app's Origin. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: Body, extra: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { origin: ORIGIN, ...((extra.headers as Record<string, string>) ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...(body !== undefined ? { payload: body as object } : {}), ...extra, method, url, headers });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const pair = c.split(';')[0] ?? '';
      if (!pair.includes('session_token')) continue;
      this.cookie = /=\s*$/.test(pair) || /Max-Age=0/i.test(c) ? null : pair;
    }
    const json = String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { csrfToken?: string }) : null;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return res;
  }

  get(url: string, extra?: Partial<InjectOptions>) {
    return this.request('GET', url, undefined, extra);
  }
  post(url: string, body?: Body, extra?: Partial<InjectOptions>) {
    return this.request('POST', url, body ?? {}, extra);
  }
  patch(url: string, body?: Body) {
    return this.request('PATCH', url, body ?? {});
  }
  put(url: string, body?: Body, extra?: Partial<InjectOptions>) {
    return this.request('PUT', url, body, extra);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  /** Sends one file as multipart/form-data (the way a browser's file input does), by default in the field `file`. */
  upload(method: 'PUT' | 'POST', url: string, file: UploadFile): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipartBody(file);
    return this.request(method, url, undefined, { payload, headers: { 'content-type': contentType } });
  }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return res;
  }
}

export interface UploadFile {
  data: Buffer;
  filename?: string;
  contentType?: string;
  field?: string;
}

/** A hand-built multipart/form-data body with a single file part. */
export function multipartBody(file: UploadFile): { payload: Buffer; contentType: string } {
  const boundary = `----innenhof-test-${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename ?? 'upload.bin'}"\r\n` +
    `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), file.data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export const PASSWORD = 'correct horse battery';

/** Runs first-run setup; returns the admin's client. */
export async function setupAdmin(
  t: TestApp,
  overrides: Partial<{ name: string; email: string; password: string; companyName: string }> = {},
): Promise<{ client: Client; id: string; email: string }> {
  const client = new Client(t.app);
  const email = overrides.email ?? 'anna@acme.test';
  const res = await client.post('/api/v1/setup', {
    companyName: overrides.companyName ?? 'ACME GmbH',
    name: overrides.name ?? 'Anna Admin',
    email,
    password: overrides.password ?? PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return { client, id: (res.json() as { user: { id: string } }).user.id, email };
}

let counter = 0;

/** Factory: an admin creates a member (or admin) account; returns a logged-in client for it. */
export async function createMember(
  t: TestApp,
  admin: Client,
  fields: Partial<{ name: string; email: string; role: 'admin' | 'member' }> = {},
): Promise<{ client: Client; id: string; email: string }> {
  counter++;
  const email = fields.email ?? `person${counter}-${Date.now()}@acme.test`;
  const res = await admin.post('/api/v1/users', { name: fields.name ?? `Person ${counter}`, email, password: PASSWORD, role: fields.role ?? 'member' });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.statusCode} ${res.body}`);
  const client = new Client(t.app);
  await client.login(email, PASSWORD);
  return { client, id: (res.json() as { id: string }).id, email };
}

/** The error body's code. */
export function codeOf(res: LightMyRequestResponse): string | undefined {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** A query the app ran: its SQL and the rows it returned. */
export interface RecordedQuery {
  sql: string;
  rows: unknown[];
}

/**
 * The database queries `fn` runs (every query through the app's Kysely instance, in or outside a transaction),
 * with the rows each returned: list endpoints assert a fixed count whatever a page holds (no N+1), or what a
 * query did not load.
 */
export async function recordQueries(t: TestApp, fn: () => Promise<unknown>): Promise<RecordedQuery[]> {
  const seen: RecordedQuery[] = [];
  type Run = (query: { sql: string }, ...rest: unknown[]) => Promise<{ rows?: unknown[] }>;
  const db = t.ctx.db.db as unknown as { getExecutor(): { executeQuery: Run } };
  const executor = db.getExecutor();
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = async (query, ...rest) => {
    const entry: RecordedQuery = { sql: query.sql, rows: [] };
    seen.push(entry);
    const result = await original(query, ...rest);
    entry.rows = result.rows ?? [];
    return result;
  };
  try {
    await fn();
  } finally {
    executor.executeQuery = original;
  }
  return seen;
}

/** How many database queries `fn` runs (see `recordQueries`). */
export async function countQueries(t: TestApp, fn: () => Promise<unknown>): Promise<number> {
  return (await recordQueries(t, fn)).length;
}

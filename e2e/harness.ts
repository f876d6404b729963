/**
 * End-to-end harness: the real built server as a child process on a free port, a fresh data directory
 * (or a fresh PostgreSQL database with TEST_DB=pg), an in-process SMTP server that captures every mail,
 * and Debian's Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { type ParsedMail, simpleParser } from 'mailparser';
import pg from 'pg';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface TestApp {
  baseUrl: string;
  mails: CapturedMail[];
  /** Resolves with the first captured mail (already received or arriving later) that matches. */
  waitForMail(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Server output so far, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function startSmtp(mails: CapturedMail[], onMail: () => void): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          mails.push({
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          });
          onMail();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await freePort();
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  return { port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const ADMIN_DB_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  let adminUrl = ADMIN_DB_URL;
  let client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch {
    // Some machines only have a `root` role with trust auth.
    adminUrl = 'postgres://root@127.0.0.1:5432/postgres';
    client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
  }
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Server did not become healthy in ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts a fresh Innenhof (built: `npm run build`) with its own database and mail catcher.
 * `options.env` overrides the server's environment (e.g. an SMTP port nothing listens on).
 */
export async function startApp(options: { env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const mails: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  const smtp = await startSmtp(mails, () => {
    for (const wake of waiters) wake();
  });
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'innenhof-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    INNENHOF_DATA_DIR: dataDir,
    INNENHOF_PUBLIC_URL: baseUrl,
    INNENHOF_SMTP_HOST: '127.0.0.1',
    INNENHOF_SMTP_PORT: String(smtp.port),
    INNENHOF_LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL;
  let database: { url: string; drop: () => Promise<void> } | null = null;
  if (process.env.TEST_DB === 'pg') {
    database = await createPgDatabase();
    env.DATABASE_URL = database.url;
    env.INNENHOF_SECRET = randomBytes(32).toString('hex');
  }

  let output = '';
  const child = spawn(process.execPath, [join(repoRoot, 'server/bin/innenhof.mjs'), 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[e2e] server exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });

  const stop = async () => {
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await smtp.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    baseUrl,
    mails,
    logs: () => output,
    stop,
    waitForMail(predicate, timeoutMs = 20_000) {
      return new Promise<CapturedMail>((resolveMail, reject) => {
        const check = () => {
          const found = mails.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolveMail(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching mail within ${timeoutMs} ms; got: ${mails.map((m) => m.subject).join(' | ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

/** A fresh browser profile (cookies, storage) with a page that fails the test on uncaught errors and CSP reports. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: viewports.desktop, locale: 'en-US', ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(text)) problems.push(`csp: ${text}`);
  });
  return { context, page, problems };
}

/** First-run setup through the UI; leaves the page logged in as the admin on the home page. */
export async function completeSetup(
  page: Page,
  baseUrl: string,
  admin = { company: 'Acme Logistik GmbH', name: 'Anna Admin', email: 'anna@acme.test', password: 'anna-password-1' },
): Promise<typeof admin> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/setup');
  await page.getByLabel('Company name').fill(admin.company);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create and log in' }).click();
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
  return admin;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** The colleagues most journeys use; each test file starts its own company, so they never collide. */
export const ALICE: Person = { name: 'Alice Adler', email: 'alice@acme.test', password: 'alice-password-1' };
export const BOB: Person = { name: 'Bob Berger', email: 'bob@acme.test', password: 'bob-password-1' };
export const CLARA: Person = { name: 'Clara Cramer', email: 'clara@acme.test', password: 'clara-password-1' };

export type Session = Awaited<ReturnType<typeof newPage>>;

export interface Company {
  /** Set once the file's `beforeAll` has run. */
  app: TestApp;
  browser: Browser;
  /** The colleagues' user ids, by e-mail. */
  ids: Record<string, string>;
  /** A fresh browser profile logged in as `person` (the company's viewport unless `options` says otherwise). */
  loggedIn(person: Pick<Person, 'email' | 'password'>, options?: BrowserContextOptions): Promise<Session>;
}

/**
 * The usual start of a journey file, as `beforeAll`/`afterAll` hooks of the calling file: a fresh app and
 * browser, first-run setup by the admin, and the colleagues created as members through the API.
 */
export function setupCompany(options: {
  colleagues: Person[];
  admin?: Parameters<typeof completeSetup>[2];
  viewport?: { width: number; height: number };
}): Company {
  const company: Company = {
    app: undefined as unknown as TestApp,
    browser: undefined as unknown as Browser,
    ids: {},
    async loggedIn(person, contextOptions = {}) {
      const session = await newPage(company.browser, { viewport: options.viewport ?? viewports.desktop, ...contextOptions });
      await login(session.page, company.app.baseUrl, person.email, person.password);
      return session;
    },
  };
  beforeAll(async () => {
    [company.app, company.browser] = await Promise.all([startApp(), launchBrowser()]);
    await ensureScreenshotDir();
    const { context, page } = await newPage(company.browser);
    await completeSetup(page, company.app.baseUrl, options.admin);
    for (const person of options.colleagues) {
      const created = (await apiAs(company.app, page, 'POST', '/users', { ...person, role: 'member' })) as { id?: string; user?: { id: string } };
      company.ids[person.email] = created.id ?? created.user?.id ?? '';
    }
    await context.close();
  });
  afterAll(async () => {
    await company.browser?.close();
    await company.app?.stop();
  });
  return company;
}

export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  // By field name, so this works whatever the UI language.
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A valid PNG of the given size, one solid colour (no image library needed). */
export function makePng(width = 64, height = 64, rgb: [number, number, number] = [40, 120, 200]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function ensureScreenshotDir(): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
}

/** Calls the API with the page's session (cookie + CSRF token), for seeding data quickly. */
export async function apiAs(app: TestApp, page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  const me = (await (await page.request.get(`${app.baseUrl}/api/v1/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${app.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok(), `${method} ${path} → ${response.status()} ${await response.text()}`).toBe(true);
  return response.status() === 204 ? null : response.json();
}

/** axe's serious and critical findings on the page, readable in a failed assertion. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

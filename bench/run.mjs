// npm run bench — Innenhof against a bare Fastify baseline, in the same run, on a generated company.
// See bench/README.md. Everything runs on 127.0.0.1; every load is bounded in time; everything started is stopped.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { cpuMs, freePort, memoryOf, pool, spawnAndWait, stop, waitQuiet } from './lib/proc.mjs';
import { realtimePhase } from './lib/realtime.mjs';
import { realtimeSection, renderMarkdown, scenarioTable, scalingLine } from './lib/report.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

const USAGE = `npm run bench -- [--scale XS|S|M|L] [--quick] [--db sqlite|pg] [--cluster N] [--seconds N] [--seed N] [--scaling-check|--no-scaling-check]

  --scale     the generated company (default M): XS 50 people, S 500 people / 20k posts, M 5,000 people / 500k posts, L 5M posts
  --quick     the CI smoke run: scale S, 2 s per scenario after 1 s warm-up, 50 idle sockets, no scaling check
  --db        sqlite (default, a temp data directory) or pg (a fresh database on BENCH_PG_URL, dropped afterwards)
  --cluster   N instances (2–8) on PostgreSQL + Redis (BENCH_REDIS_URL) behind a round-robin TCP proxy; implies --db pg
  --seconds   load per scenario (default 5; --quick: 2)
  --seed      the generator's seed (default 1)
  --scaling-check / --no-scaling-check   force or skip the home feed p50 comparison against a second company at S
                                          (default: on for M and L, off otherwise and with --quick)
Settings that are not flags come from the environment: see bench/README.md.`;

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      scale: { type: 'string' },
      quick: { type: 'boolean', default: false },
      db: { type: 'string' },
      cluster: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      'scaling-check': { type: 'boolean' },
      'no-scaling-check': { type: 'boolean' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(err.message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

function whole(label, raw, def, min, max) {
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${label} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}
const envInt = (key, def, min, max) => whole(key, process.env[key], def, min, max);

/** A comma-separated list of whole numbers; "0" (or only zeros) turns the feature off: []. */
function envList(key, def, min, max) {
  const raw = process.env[key];
  if (raw === undefined || raw.trim() === '') return def;
  const list = raw.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < min || n > max))
    fail(`${key} must be whole numbers from ${min} to ${max}, separated by commas (got "${raw}")`);
  return list.filter((n) => n > 0);
}

const quick = args.quick;
const scale = (args.scale ?? process.env.BENCH_SCALE ?? (quick ? 'S' : 'M')).toUpperCase();
if (!['XS', 'S', 'M', 'L'].includes(scale)) fail(`--scale must be XS, S, M or L (got "${scale}")`);
const cluster = whole('--cluster', args.cluster ?? process.env.BENCH_CLUSTER, 1, 1, 8);
const db = (args.db ?? process.env.BENCH_DB ?? (cluster > 1 ? 'pg' : 'sqlite')).toLowerCase();
if (!['sqlite', 'pg'].includes(db)) fail(`--db must be sqlite or pg (got "${db}")`);
// Instances share one database and meet through Redis: the embedded SQLite mode is one process by design.
if (cluster > 1 && db !== 'pg') fail('--cluster needs PostgreSQL (--db pg): several instances cannot share the embedded SQLite database');
let scalingCheck = ['M', 'L'].includes(scale) && !quick;
if (args['scaling-check']) scalingCheck = true;
if (args['no-scaling-check']) scalingCheck = false;

const settings = {
  quick,
  scale,
  db,
  seed: whole('--seed', args.seed ?? process.env.BENCH_SEED, 1, 0, 2 ** 31),
  seconds: whole('--seconds', args.seconds ?? process.env.BENCH_SECONDS, quick ? 2 : 5, 1, 600),
  warmup: envInt('BENCH_WARMUP', 1, 0, 30),
  connections: envInt('BENCH_CONNECTIONS', 32, 1, 1000),
  loginConnections: envInt('BENCH_LOGIN_CONNECTIONS', 8, 1, 1000),
  /** Distinct logged-in employees for the reads (the home feed rotates over their sessions). */
  readers: envInt('BENCH_READERS', 32, 1, 1000),
  /** Of them, how many write (create post / comment / react / vote), rotating. */
  writers: envInt('BENCH_WRITERS', 8, 1, 1000),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  /** Only these scenarios (keys, comma-separated: feed,group,post,…); the baseline always runs. */
  only: (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean),
  /** A directory for the Innenhof server's V8 CPU profile (`--cpu-prof`), written when it stops. */
  cpuProfDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
  /** A file for the time of every SQLite statement (lib/sql-timing.mjs), written when the server stops. */
  sqlTiming: process.env.BENCH_SQL_TIMING ? path.resolve(process.env.BENCH_SQL_TIMING) : null,
  pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  cluster,
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  build: process.env.BENCH_SKIP_BUILD !== '1',
  scalingCheck,
  // The chat real-time scenario (lib/realtime.mjs).
  sockets: {
    levels: envList('BENCH_IDLE_SOCKETS', quick ? [50] : [1000, 5000], 0, 15_000),
    messages: envInt('BENCH_CHAT_MESSAGES', quick ? 50 : 300, 1, 10_000),
    warmupMessages: envInt('BENCH_CHAT_WARMUP', quick ? 5 : 30, 0, 1000),
    senders: envInt('BENCH_CHAT_SENDERS', quick ? 5 : 20, 1, 100),
    users: envInt('BENCH_SOCKET_USERS', quick ? 50 : 1000, 0, 100_000),
    settleMs: envInt('BENCH_SOCKET_SETTLE', quick ? 1 : 3, 0, 60) * 1000,
    connectConcurrency: envInt('BENCH_SOCKET_CONCURRENCY', 200, 1, 5000),
    connectTimeoutMs: envInt('BENCH_SOCKET_TIMEOUT', quick ? 60 : 300, 10, 3600) * 1000,
    loginConcurrency: 4,
    receiveTimeoutMs: 5000,
    gapMs: 5,
  },
};
settings.writers = Math.min(settings.writers, settings.readers);
for (const gone of ['BENCH_USERS', 'BENCH_SETUP_CONCURRENCY', 'BENCH_FEED_POSTERS', 'BENCH_POSTS_PER_POSTER', 'BENCH_FEED_CONNECTIONS']) {
  if (process.env[gone] !== undefined) console.warn(`${gone} is no longer used (the company is generated: --scale; connections: BENCH_CONNECTIONS)`);
}

const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const log = (...a) => console.log(...a);
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const LOGIN_CONCURRENCY = 4;
/** At most this long after a scenario for the server to finish what the load left queued. */
const DRAIN_MAX_MS = 120_000;
/** Three-letter prefixes of the generator's names (first and last), for the as-you-type directory search. */
const SEARCH_PREFIXES = ['sch', 'mar', 'web', 'mei', 'jul', 'kra', 'ann', 'lan', 'hof', 'fis', 'bec', 'kle'];
const HASHTAGS = ['mittagessen', 'vertrieb', 'it', 'sommerfest', 'kunden', 'lager', 'benchmark'];

// ---------------------------------------------------------------------------------------------- cleanup
const cleanups = [];
/** Child processes running right now (the generator): stopped on Ctrl-C as well. */
const running = new Set();
async function cleanup() {
  for (const child of running) await stop(child);
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup: ${err.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers and removing the temporary data…`);
    cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------- helpers
class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} → ${status} ${body.slice(0, 400)}`);
    this.status = status;
    this.body = body;
  }
}

/** A small JSON client for the real API, with the headers a browser tab would send. */
function apiClient(base, origin) {
  return async (method, urlPath, { body, session } = {}) => {
    const headers = { origin, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    const res = await fetch(base + urlPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new HttpError(method, urlPath, res.status, text);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { status: res.status, json: text ? JSON.parse(text) : null, cookie };
  };
}

/** Logs the given people in (scrypt: ~0.1 s of CPU each, so only the few sessions the scenarios need). */
async function loginAll(api, emails, password) {
  return pool(emails, LOGIN_CONCURRENCY, async (email) => {
    const r = await api('POST', '/api/v1/auth/login', { body: { email, password } });
    return { email, id: r.json.user.id, managerId: r.json.user.manager?.id ?? null, name: r.json.user.name, cookie: r.cookie, csrf: r.json.csrfToken };
  });
}

function lastStartupMs(logFile) {
  const matches = [...fs.readFileSync(logFile, 'utf8').matchAll(/"startupMs":(\d+)/g)];
  return matches.length ? Number(matches[matches.length - 1][1]) : null;
}

/** One request outside the load, to check a scenario answers 2xx and to show what it answers otherwise. */
async function probe(base, req, headers) {
  try {
    const res = await fetch(base + req.path, { method: req.method ?? 'GET', headers: { ...headers, ...req.headers }, body: req.body });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes: body.length, text: body.toString('utf8', 0, Math.min(body.length, 300)) };
  } catch (err) {
    return { status: 0, bytes: 0, text: `no answer (${err.cause?.code ?? err.message})` };
  }
}

/** Log lines worth showing, from byte `from` on: errors, fatal errors and shutdowns. */
function serverLogHighlights(logFile, from, max = 6) {
  if (!fs.existsSync(logFile)) return [];
  return (
    fs
      .readFileSync(logFile)
      .subarray(from)
      .toString('utf8')
      .split('\n')
      // Not the inspector's own lines: the socket phase opens it on purpose (SIGUSR1) to measure memory after a GC.
      .filter((l) => /"level":(50|60)|shutting down/.test(l) || (l.trim() !== '' && !l.startsWith('{') && !/^(Debugger |For help, see)/.test(l)))
      .slice(-max)
      .map((l) => l.slice(0, 400))
  );
}

/** Keeps a readable part of the server log: every warning and error, and the last lines. */
function keepLog(logFile, target) {
  if (!fs.existsSync(logFile)) return;
  const lines = fs.readFileSync(logFile, 'utf8').split('\n');
  const important = lines.filter((l) => /"level":(40|50|60)/.test(l) || (l.trim() !== '' && !l.startsWith('{')));
  fs.writeFileSync(target, [...important.slice(-500), '… last lines:', ...lines.slice(-200)].join('\n'));
}

// ---------------------------------------------------------------------------------------------- first load
function firstLoad(webDist) {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const refs = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) refs.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = /\srel=["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const href = /\shref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && (rel === 'stylesheet' || rel === 'modulepreload')) refs.push(href);
  }
  const measure = (file, label) => {
    const raw = fs.readFileSync(file);
    const gz = `${file}.gz`;
    if (fs.existsSync(gz)) return { file: label, raw: raw.length, gzip: fs.statSync(gz).size, source: '.gz file' };
    return { file: label, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length, source: 'gzipped in memory' };
  };
  const files = [measure(indexFile, 'index.html')];
  for (const ref of [...new Set(refs)]) {
    if (/^(https?:)?\/\//.test(ref)) continue;
    const file = path.join(webDist, ref.replace(/^\//, '').split(/[?#]/)[0]);
    if (fs.existsSync(file)) files.push(measure(file, ref));
    else files.push({ file: `${ref} (missing!)`, raw: 0, gzip: 0, source: '–' });
  }
  return { files, rawBytes: files.reduce((s, f) => s + f.raw, 0), gzipBytes: files.reduce((s, f) => s + f.gzip, 0) };
}

// ---------------------------------------------------------------------------------------------- databases and processes
/**
 * A fresh place for one company: a temp data directory and, with --db pg, a fresh database (dropped at the end,
 * also on failure). Returns the server's environment additions.
 */
async function freshStore(label) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `innenhof-bench-${label}-`));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const store = { dataDir, env: { INNENHOF_DATA_DIR: dataDir }, label: 'SQLite (better-sqlite3, WAL, file in a temp directory)' };
  if (settings.db === 'pg') {
    const { default: pg } = await import('pg');
    const dbName = `innenhof_bench_${label.toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: settings.pgAdminUrl });
    await admin.connect();
    try {
      const version = (await admin.query('SHOW server_version')).rows[0].server_version;
      await admin.query(`CREATE DATABASE ${dbName}`);
      store.label = `PostgreSQL ${version} (pg pool, a fresh database, dropped afterwards)`;
    } finally {
      await admin.end();
    }
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: settings.pgAdminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    });
    const url = new URL(settings.pgAdminUrl);
    url.pathname = `/${dbName}`;
    store.env.DATABASE_URL = url.toString();
    store.env.INNENHOF_SECRET = crypto.randomBytes(32).toString('hex');
    store.dbName = dbName;
  }
  if (settings.cluster > 1) {
    // The instances meet through Redis (Socket.IO adapter, presence, job wake-ups) under a prefix of this run's
    // own, whose keys are removed at the end.
    const prefix = `innenhof-bench-${label.toLowerCase()}-${process.pid}-${Date.now().toString(36)}:`;
    store.env.REDIS_URL = settings.redisUrl;
    store.env.INNENHOF_REDIS_PREFIX = prefix;
    store.label += `, ${settings.cluster} instances + Redis (${settings.redisUrl})`;
    cleanups.push(async () => {
      const { Redis } = await import('ioredis');
      const redis = new Redis(settings.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    });
  }
  return store;
}

/**
 * Generates the company with `node server/dist/bench/generate-cli.js` (its progress bar goes to our stderr,
 * its JSON summary comes back on stdout). Returns the summary plus the wall time.
 */
function generate(store, genScale, emails) {
  const t0 = performance.now();
  const env = { ...process.env, ...store.env };
  for (const key of ['DATABASE_URL', 'INNENHOF_DATABASE_URL', 'REDIS_URL']) if (!(key in store.env)) delete env[key];
  const cliArgs = [path.join(root, 'server/dist/bench/generate-cli.js'), '--scale', genScale, '--seed', String(settings.seed), '--emails', String(emails)];
  if (settings.db === 'sqlite') cliArgs.push('--data-dir', store.dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    running.add(child);
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code !== 0) return reject(new Error(`the generator (scale ${genScale}) exited with ${code ?? signal}`));
      try {
        resolve({ ...JSON.parse(Buffer.concat(chunks).toString('utf8')), wallMs: performance.now() - t0 });
      } catch (err) {
        reject(new Error(`the generator's summary is not JSON: ${err.message}`));
      }
    });
  });
}

function serverEnvFor(store, port, inspectPort, publicUrl) {
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Behind the cluster's proxy, every instance is reached (and checks the browser's Origin) at the proxy's address.
    INNENHOF_PUBLIC_URL: publicUrl ?? `http://127.0.0.1:${port}`,
    INNENHOF_LOG_LEVEL: settings.logLevel,
    // The configuration accepts at most 1,000,000 per window: enough for the login scenario …
    INNENHOF_LOGIN_RATE_LIMIT: '1000000',
    // … and for the write scenarios (posts and comments are limited to 30 a minute per person otherwise).
    INNENHOF_WRITE_RATE_LIMIT: '1000000',
  };
  for (const key of ['DATABASE_URL', 'INNENHOF_DATABASE_URL', 'REDIS_URL', 'INNENHOF_SECRET', 'INNENHOF_WEB_DIR', 'INNENHOF_SMTP_URL', 'INNENHOF_SMTP_HOST'])
    delete env[key];
  Object.assign(env, store.env);
  // Inert until SIGUSR1 (lib/realtime.mjs): only where the inspector would listen.
  const nodeOptions = [process.env.NODE_OPTIONS];
  if (inspectPort) nodeOptions.push(`--inspect-port=127.0.0.1:${inspectPort}`);
  if (settings.sqlTiming) {
    nodeOptions.push(`--import=${pathToFileURL(path.join(benchDir, 'lib/sql-timing.mjs')).href}`);
    env.BENCH_SQL_TIMING = settings.sqlTiming;
  }
  env.NODE_OPTIONS = nodeOptions.filter(Boolean).join(' ');
  return env;
}

async function startInnenhof(store, name, publicUrl) {
  const port = await freePort();
  const inspectPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(store.dataDir, `${name}.log`);
  const server = await spawnAndWait({
    // (--cpu-prof is not allowed in NODE_OPTIONS: it goes on the command line.)
    args: [...(settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : []), path.join(root, 'server/bin/innenhof.mjs'), 'start'],
    cwd: root,
    env: serverEnvFor(store, port, inspectPort, publicUrl),
    logFile,
    healthUrl: `${base}/api/v1/health`,
  });
  const handle = { ...server, base, inspectPort, logFile, exit: null };
  server.child.once('exit', (code, signal) => {
    handle.exit = { code, signal };
  });
  cleanups.push(() => stop(server.child));
  return handle;
}

// ---------------------------------------------------------------------------------------------- load
async function load(scenario, base, pid) {
  const connections = scenario.connections ?? settings.connections;
  const opts = {
    url: base,
    connections,
    duration: settings.seconds,
    headers: scenario.headers ?? {},
    requests: scenario.requests ?? scenario.perConnection(0),
    timeout: 10,
  };
  // Requests per connection (autocannon's setupClient), counted afresh for each autocannon run.
  const perConnection = () => {
    let k = 0;
    return scenario.perConnection ? { setupClient: (client) => client.setRequests(scenario.perConnection(k++)) } : {};
  };
  if (settings.warmup > 0) {
    await autocannon({ ...opts, ...perConnection(), duration: settings.warmup });
    await waitQuiet(pid, DRAIN_MAX_MS);
  }
  const cpu0 = cpuMs(pid);
  const r = await autocannon({ ...opts, ...perConnection() });
  // Requests still in the server when the load stopped are finished before the next scenario (and their CPU counts).
  const drain = await waitQuiet(pid, DRAIN_MAX_MS);
  const cpu = cpuMs(pid) - cpu0;
  const mem = memoryOf(pid);
  const total = r.requests.total;
  return {
    key: scenario.key,
    name: scenario.name,
    kind: scenario.kind ?? 'read',
    target: scenario.target ?? null,
    connections,
    seconds: r.duration,
    total,
    rps: total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    bytesPerReq: total ? r.throughput.total / total : 0,
    // The CPU includes finishing the requests in flight when the load stopped (at most one per connection).
    cpuMicrosPerReq: total ? (cpu * 1000) / (total + connections) : Number.NaN,
    serverCpuMs: cpu,
    rssAfterMB: mem?.rssMB ?? Number.NaN,
    peakMB: mem?.peakMB ?? Number.NaN,
    drainMs: drain.ms,
    drainTimedOut: drain.timedOut,
  };
}

const runOne = async (s, targetBase, pid) => {
  process.stdout.write(`load: ${s.name} … `);
  const r = await load(s, targetBase, pid);
  log(
    `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.drainMs > 1000 ? `, busy ${sec(r.drainMs)} after the load` : ''}${r.errors || r.non2xx ? `, ${r.errors} errors, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}` : ''}`,
  );
  return r;
};

/** The home feed scenario: every reader's own first page, sessions in rotation. */
function homeFeedScenario(readers, json, label) {
  return {
    key: 'feed',
    name: `GET /api/v1/feed?limit=20 (home feed, ${readers.length} employees in rotation${label})`,
    requests: readers.map((s) => ({ method: 'GET', path: '/api/v1/feed?limit=20', headers: { cookie: s.cookie } })),
    headers: json,
    target: { ratio: 0.2, p99: 25 },
  };
}

// ---------------------------------------------------------------------------------------------- main
async function main() {
  const t0 = performance.now();
  const date = new Date().toISOString();
  const machine = {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    memoryGB: os.totalmem() / 1024 ** 3,
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    loadStart: os.loadavg(),
  };
  let git = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'contract', 'web'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    git = `${head}${dirty ? ' + uncommitted changes in server/contract/web' : ''}`;
  } catch {
    // not a git checkout
  }
  log(
    `Innenhof bench${settings.quick ? ' (--quick)' : ''}: ${settings.db}, scale ${settings.scale}, ${settings.seconds} s per scenario after ${settings.warmup} s warm-up, ${settings.connections} connections`,
  );
  log(`machine: ${machine.cpus} CPUs, ${machine.memoryGB.toFixed(1)} GB, load average ${machine.loadStart.map((l) => l.toFixed(2)).join(' ')}`);

  // 1. Build the server (and with it the generator).
  if (settings.build) {
    const tb = performance.now();
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server'], { cwd: root, stdio: 'inherit' });
    log(`built the server (tsc -b server) in ${sec(performance.now() - tb)}`);
  }
  const webDist = path.join(root, 'web', 'dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  const outDir = path.join(benchDir, 'results');

  // 2. The baseline server.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-bench-baseline-'));
  cleanups.push(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const baselinePort = await freePort();
  const baselineBase = `http://127.0.0.1:${baselinePort}`;
  const baseline = await spawnAndWait({
    args: [path.join(benchDir, 'baseline-server.mjs')],
    cwd: root,
    env: { ...process.env, PORT: String(baselinePort), HOST: '127.0.0.1' },
    logFile: path.join(scratch, 'baseline.log'),
    healthUrl: `${baselineBase}/`,
  });
  cleanups.push(() => stop(baseline.child));

  // 3. The company: generated straight into a fresh data directory / database.
  const socketPeople = settings.sockets.levels.length
    ? 1 + settings.sockets.senders + Math.min(Math.max(...settings.sockets.levels), settings.sockets.users || 1e9)
    : 0;
  const loginPeople = 16;
  const emailsWanted = settings.readers + loginPeople + socketPeople;
  const store = await freshStore(settings.scale);
  const keptLog = path.join(outDir, `latest-${settings.db}-server.log`);
  log(`generating the company at scale ${settings.scale} (seed ${settings.seed}) into ${store.env.DATABASE_URL ?? store.dataDir} …`);
  const company = await generate(store, settings.scale, emailsWanted);
  const rowsTotal = Object.values(company.counts).reduce((a, b) => a + b, 0);
  const dataset = {
    scale: company.scale,
    seed: company.seed,
    counts: company.counts,
    rows: rowsTotal,
    generatorMs: company.durationMs,
    wallMs: company.wallMs,
    rowsPerSecond: company.rowsPerSecond,
    stageMs: company.stageMs,
  };
  log(`generated ${rowsTotal.toLocaleString('en')} rows in ${sec(company.durationMs)} (${sec(company.wallMs)} with start-up and migrations)`);

  // 4. Innenhof on it (the first start: cold start on a filled database); with --cluster N, N instances on the
  //    same database and Redis behind a round-robin TCP proxy, as a load balancer would put them.
  const proxyPort = settings.cluster > 1 ? await freePort() : null;
  const proxyBase = proxyPort ? `http://127.0.0.1:${proxyPort}` : undefined;
  const server = await startInnenhof(store, 'server', proxyBase);
  cleanups.push(() => {
    fs.mkdirSync(outDir, { recursive: true });
    keepLog(server.logFile, keptLog);
  });
  const instances = [server];
  for (let i = 2; i <= settings.cluster; i++) instances.push(await startInnenhof(store, `server-${i}`, proxyBase));
  const pids = instances.map((i) => i.child.pid);
  /** How the first instance that stopped did so, or null while all run. */
  const gone = () => instances.find((i) => i.exit)?.exit ?? null;
  let balancer = null;
  if (proxyPort) {
    const port = proxyPort;
    const ports = instances.map((i) => new URL(i.base).port);
    balancer = await spawnAndWait({
      args: [path.join(benchDir, 'lib/balancer.mjs'), String(port), ...ports],
      cwd: root,
      env: process.env,
      logFile: path.join(scratch, 'balancer.log'),
      healthUrl: `http://127.0.0.1:${port}/api/v1/health`,
    });
    balancer.base = `http://127.0.0.1:${port}`;
    cleanups.push(() => stop(balancer.child));
    log(`cluster: ${instances.length} instances (${instances.map((i) => i.base).join(', ')}) behind ${balancer.base}`);
  }
  const coldStarts = [
    {
      label: `generated company, scale ${settings.scale} (${(company.counts.users ?? 0).toLocaleString('en')} people)`,
      ms: server.coldStartMs,
      startupMs: lastStartupMs(server.logFile),
      rssMB: memoryOf(server.child.pid)?.rssMB,
    },
  ];
  log(`Innenhof started on ${server.base} in ${Math.round(server.coldStartMs)} ms`);
  const base = balancer?.base ?? server.base;
  const api = apiClient(base, base);

  // 5. Sessions: the readers (the first `writers` of them also write), one member per sample group, login accounts.
  const emails = company.memberEmails;
  if (emails.length < settings.readers + loginPeople)
    throw new Error(`the company has too few people for ${settings.readers} readers (scale ${settings.scale})`);
  const tLogin = performance.now();
  const readers = await loginAll(api, emails.slice(0, settings.readers), company.password);
  const writers = readers.slice(0, settings.writers);
  const groupSamples = company.groups.filter((g) => g.memberEmails.length > 0).slice(0, 8);
  const groupSessions = await loginAll(
    api,
    groupSamples.map((g) => g.memberEmails[0]),
    company.password,
  );
  const loginAccounts = emails.slice(settings.readers, settings.readers + loginPeople);
  log(`logged in ${readers.length + groupSessions.length} people in ${sec(performance.now() - tLogin)}`);

  const json = { accept: 'application/json' };
  const writeHeaders = (s) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });
  // Posts each writer can read (their own home feed's first page): what the comment and reaction scenarios hit.
  const firstPages = await Promise.all(writers.map(async (w) => (await api('GET', '/api/v1/feed?limit=20', { session: w })).json.items));
  const readable = firstPages.map((items) => items.map((p) => p.id));
  // Not every post one reads takes one's comments (a public group's post, seen through a followed hashtag, takes only its members').
  const commentable = firstPages.map((items) => items.filter((p) => p.abilities.comment).map((p) => p.id));
  // A poll to vote in, if polls exist in this build.
  let poll = null;
  try {
    const r = await api('POST', '/api/v1/posts', {
      session: writers[0],
      body: {
        audience: { kind: 'profile' },
        body: 'Wohin geht der Betriebsausflug? #benchmark',
        poll: { question: 'Wohin geht der Betriebsausflug?', options: [{ label: 'Bodensee' }, { label: 'Harz' }, { label: 'Ostsee' }, { label: 'Alpen' }] },
      },
    });
    if (r.json.poll?.id) poll = { id: r.json.poll.id, optionIds: r.json.poll.options.map((o) => o.id) };
  } catch (err) {
    log(`polls: not measured (${err.message.slice(0, 120)})`);
  }

  const profileIds = readers.map((s) => s.id);
  const managerIds = [...new Set(readers.map((s) => s.managerId).filter(Boolean))].slice(0, 12);
  const rot = (list, i) => list[i % list.length];
  const scenarios = [
    { key: 'health', name: 'GET /api/v1/health', requests: [{ method: 'GET', path: '/api/v1/health' }], headers: json },
    {
      key: 'me',
      name: 'GET /api/v1/me (session)',
      requests: readers.map((s) => ({ method: 'GET', path: '/api/v1/me', headers: { cookie: s.cookie } })),
      headers: json,
    },
    homeFeedScenario(readers, json, ''),
    {
      key: 'group',
      name: `GET /api/v1/groups/:id/posts?limit=20 (group feed, ${groupSessions.length} groups)`,
      requests: groupSessions.map((s, i) => ({ method: 'GET', path: `/api/v1/groups/${groupSamples[i].id}/posts?limit=20`, headers: { cookie: s.cookie } })),
      headers: json,
    },
    {
      key: 'post',
      name: 'GET /api/v1/posts/:id + 50 comments (post page)',
      requests: readers.flatMap((s) => [
        { method: 'GET', path: `/api/v1/posts/${company.hotPostId}`, headers: { cookie: s.cookie } },
        { method: 'GET', path: `/api/v1/posts/${company.hotPostId}/comments?order=newest&limit=50`, headers: { cookie: s.cookie } },
      ]),
      headers: json,
      target: { ratio: 0.15, p99: 30 },
    },
    {
      key: 'profile',
      name: `GET /api/v1/users/:id (profile page, ${profileIds.length} people)`,
      requests: readers.map((s, i) => ({ method: 'GET', path: `/api/v1/users/${rot(profileIds, i + 1)}`, headers: { cookie: s.cookie } })),
      headers: json,
    },
    {
      key: 'directory',
      name: 'GET /api/v1/users?limit=20 (people directory)',
      requests: readers.map((s) => ({ method: 'GET', path: '/api/v1/users?limit=20', headers: { cookie: s.cookie } })),
      headers: json,
    },
    {
      key: 'search',
      name: `GET /api/v1/users?q=<3 letters> (directory search, ${SEARCH_PREFIXES.length} prefixes)`,
      requests: SEARCH_PREFIXES.map((q, i) => ({
        method: 'GET',
        path: `/api/v1/users?q=${encodeURIComponent(q)}&limit=20`,
        headers: { cookie: rot(readers, i).cookie },
      })),
      headers: json,
    },
  ];
  if (managerIds.length > 0) {
    scenarios.push({
      key: 'orgchart',
      name: `GET /api/v1/org-chart?managerId=… (${managerIds.length} managers)`,
      requests: managerIds.map((id, i) => ({ method: 'GET', path: `/api/v1/org-chart?managerId=${id}`, headers: { cookie: rot(readers, i).cookie } })),
      headers: json,
    });
  }
  scenarios.push({
    key: 'login',
    name: `POST /api/v1/auth/login (scrypt, ${loginAccounts.length} accounts)`,
    connections: settings.loginConnections,
    requests: loginAccounts.map((email) => ({ method: 'POST', path: '/api/v1/auth/login', body: JSON.stringify({ email, password: company.password }) })),
    headers: { accept: 'application/json', 'content-type': 'application/json', origin: base },
  });
  if (hasWeb) {
    scenarios.push({
      key: 'shell',
      name: 'GET / (app shell, gzip/br)',
      requests: [{ method: 'GET', path: '/' }],
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' },
    });
  }
  // Writes last (they grow the data the reads would see), each request a real change by one of the writers.
  const writeBase = { ...json, origin: base };
  scenarios.push(
    {
      key: 'create-post',
      kind: 'write',
      name: `POST /api/v1/posts (#hashtag + @mention, ${writers.length} authors)`,
      requests: writers.map((w, i) => {
        const mentioned = rot(readers, i + 1);
        return {
          method: 'POST',
          path: '/api/v1/posts',
          headers: writeHeaders(w),
          body: JSON.stringify({
            audience: { kind: 'profile' },
            body: `Kurzes Update aus dem Team: die **Zahlen** dieser Woche stehen im Wiki. Danke @${mentioned.name}! #${rot(HASHTAGS, i)}`,
            mentions: [mentioned.id],
          }),
        };
      }),
      headers: writeBase,
      target: { rps: 1000, p99: 50, note: 'on SQLite' },
    },
    {
      key: 'create-comment',
      kind: 'write',
      name: `POST /api/v1/posts/:id/comments (${writers.length} people, posts from their feed)`,
      requests: writers.flatMap((w, i) =>
        commentable[i].slice(0, 5).map((postId, j) => ({
          method: 'POST',
          path: `/api/v1/posts/${postId}/comments`,
          headers: writeHeaders(w),
          body: JSON.stringify({ body: `Danke, sehr hilfreich! (${j + 1})` }),
        })),
      ),
      headers: writeBase,
    },
    {
      key: 'react',
      kind: 'write',
      name: `PUT /api/v1/posts/:id/reaction (${writers.length} people, kinds in rotation)`,
      // Connection k reacts as writer k mod W on its own share of that writer's posts: nobody reacts to the same
      // post from two tabs at the same moment (which a person cannot do, and which the load would otherwise do all the time).
      perConnection: (k) => {
        const i = k % writers.length;
        const share = Math.ceil(settings.connections / writers.length);
        const posts = readable[i].filter((_, j) => j % share === Math.floor(k / writers.length) % share);
        const mine = posts.length > 0 ? posts : readable[i];
        return Array.from({ length: mine.length * 5 }, (_, n) => ({
          method: 'PUT',
          path: `/api/v1/posts/${rot(mine, n)}/reaction`,
          headers: writeHeaders(writers[i]),
          body: JSON.stringify({ kind: rot(['like', 'love', 'haha', 'wow', 'sad'], n + Math.floor(n / mine.length)) }),
        }));
      },
      headers: writeBase,
    },
  );
  if (poll) {
    scenarios.push({
      key: 'vote',
      kind: 'write',
      name: `POST /api/v1/polls/:id/votes (${readers.length} voters, changing their vote)`,
      // Connection k votes as reader k (one tab per person), alternating between two options: each vote changes it.
      perConnection: (k) =>
        [k, k + 1].map((o) => ({
          method: 'POST',
          path: `/api/v1/polls/${poll.id}/votes`,
          headers: writeHeaders(rot(readers, k)),
          body: JSON.stringify({ optionIds: [rot(poll.optionIds, o)] }),
        })),
      headers: writeBase,
    });
  }

  if (settings.only.length > 0) {
    const unknown = settings.only.filter((k) => !scenarios.some((s) => s.key === k));
    if (unknown.length) throw new Error(`BENCH_ONLY names no scenario: ${unknown.join(', ')} (keys: ${scenarios.map((s) => s.key).join(', ')})`);
    scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => settings.only.includes(s.key)));
  }

  // 6. Every scenario answers 2xx before we load it.
  const notes = [];
  const preflight = {};
  for (const s of scenarios) {
    s.requests ??= s.perConnection(0);
    for (const req of s.requests.slice(0, 3)) {
      const p = await probe(base, req, s.headers);
      preflight[s.key] ??= { status: p.status, bytes: p.bytes };
      if (p.status < 200 || p.status > 299) {
        notes.push(`Before the load, ${req.method} ${req.path} answered ${p.status}: \`${p.text.replace(/\s+/g, ' ')}\``);
        preflight[s.key] = { status: p.status, bytes: p.bytes, body: p.text };
      }
    }
  }

  // 7. Load: baseline, product scenarios, baseline again.
  const loadLogStart = fs.statSync(server.logFile).size;
  const rows = [];
  const baselineScenario = {
    key: 'baseline',
    name: 'Fastify hello (baseline)',
    requests: [{ method: 'GET', path: '/' }],
    headers: { accept: 'application/json' },
  };
  const before = await runOne(baselineScenario, baselineBase, baseline.child.pid);
  rows.push(before);
  for (const s of scenarios) {
    if (gone()) {
      log(`load: ${s.name} … skipped, the server is gone`);
      continue;
    }
    rows.push(await runOne(s, base, pids));
    const exit = gone();
    if (exit) {
      notes.push(
        `The Innenhof server exited during "${s.name}" (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}); ` +
          `the remaining scenarios were skipped. Its log is kept in bench/results/${path.basename(keptLog)}.`,
      );
    }
  }
  const after = await runOne({ ...baselineScenario, key: 'baseline-after', name: 'Fastify hello (baseline, again)' }, baselineBase, baseline.child.pid);
  rows.push(after);
  const baselineMean = (before.rps + after.rps) / 2;
  for (const r of rows) r.ratio = r.rps / baselineMean;

  for (const r of rows) {
    if (r.errors || r.non2xx) {
      const s = scenarios.find((x) => x.key === r.key);
      let sample = '';
      if (s && !gone()) {
        const p = await probe(base, s.requests[0], s.headers);
        sample = ` A single ${s.requests[0].method} ${s.requests[0].path} afterwards answered ${p.status}: \`${p.text.replace(/\s+/g, ' ')}\`.`;
      }
      notes.push(
        `${r.name}: ${r.errors} connection errors (${r.timeouts} timeouts) and ${r.non2xx} non-2xx answers, status codes ${JSON.stringify(r.statusCodes)}.${sample}`,
      );
    }
  }
  for (const r of rows) {
    if (r.total === 0)
      notes.push(
        `${r.name}: no request finished within the ${settings.seconds} s window at ${r.connections} connections — each took longer than that on this machine ` +
          '(its latency and CPU columns are empty; run longer with `--seconds`).',
      );
    if (r.drainMs > 1000)
      notes.push(
        `${r.name}: the server was still busy for ${sec(r.drainMs)}${r.drainTimedOut ? ' (and more: the bench stopped waiting)' : ''} after the load ended, finishing requests that were queued ` +
          `(${r.total} answered in the ${r.seconds} s) — each request takes longer than the window; the next scenario waited for it.`,
      );
    if (r.key !== 'login' && r.p99 > 500)
      notes.push(
        `${r.name}: p99 ${r.p99} ms at ${r.connections} connections (p50 ${r.p50} ms) — queueing behind a saturated event loop or a held database connection.`,
      );
  }
  const drift = Math.abs(before.rps - after.rps) / baselineMean;
  if (drift > 0.15)
    notes.push(
      `The baseline moved ${(drift * 100).toFixed(0)} % between the start and the end of the load (${Math.round(before.rps)} → ${Math.round(after.rps)} req/s): the machine was busy with something else; treat ratios with care.`,
    );
  if (settings.db !== 'sqlite')
    notes.push('The create-post target (≥ 1,000 posts/s, p99 ≤ 50 ms) is set for SQLite; on PostgreSQL it is shown for comparison.');
  for (const line of serverLogHighlights(server.logFile, loadLogStart)) notes.push(`Server log: \`${line}\``);

  // 8. Memory after the load.
  const memory = [
    ...instances.map((i, n) => ({ label: instances.length > 1 ? `Innenhof instance ${n + 1}` : 'Innenhof server', ...memoryOf(i.child.pid) })),
    { label: 'Fastify hello baseline', ...memoryOf(baseline.child.pid) },
  ];

  // 9. Chat real-time: idle Socket.IO clients on the same server process, send → receive latency, memory per socket.
  let realtime = null;
  if (settings.sockets.levels.length > 0 && !gone()) {
    const socketLogStart = fs.statSync(server.logFile).size;
    // People the HTTP scenarios did not use: a receiver, the senders, then everyone for the idle sockets.
    const people = emails.slice(settings.readers + loginPeople).map((email) => ({ email }));
    try {
      realtime = await realtimePhase({
        servers: instances.map((i) => ({ base: i.base, pid: i.child.pid, inspectPort: i.inspectPort })),
        api,
        password: company.password,
        people,
        opts: settings.sockets,
        isAlive: () => !gone(),
        log,
      });
      realtime.settings.clientVersion = readJson(path.join(root, 'node_modules/socket.io-client/package.json')).version;
      notes.push(...realtime.notes);
    } catch (err) {
      const why = String(err.message ?? err).replace(/\s+/g, ' ');
      notes.push(`The chat real-time scenario failed: \`${why.slice(0, 400)}\``);
      log(`sockets: failed: ${err.stack ?? err}`);
    }
    const exit = gone();
    if (exit)
      notes.push(`The Innenhof server exited during the chat real-time scenario (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`}).`);
    for (const line of serverLogHighlights(server.logFile, socketLogStart)) notes.push(`Server log (sockets): \`${line}\``);
  }
  const crashed = gone();
  for (const i of instances) await stop(i.child);
  if (balancer) await stop(balancer.child);

  // 10. The scaling check: the same home feed scenario on a second, small company (S), one server at a time.
  let scaling = null;
  const feedRow = rows.find((r) => r.key === 'feed');
  if (settings.scalingCheck && feedRow && !crashed) {
    const refScale = settings.scale === 'S' || settings.scale === 'XS' ? 'XS' : 'S';
    log(`scaling check: generating a second company at scale ${refScale} …`);
    const refStore = await freshStore(refScale);
    const ref = await generate(refStore, refScale, settings.readers);
    const refServer = await startInnenhof(refStore, 'server-scaling');
    const refApi = apiClient(refServer.base, refServer.base);
    const refReaders = await loginAll(refApi, ref.memberEmails.slice(0, settings.readers), ref.password);
    const refRow = await runOne(homeFeedScenario(refReaders, json, `, scale ${refScale}`), refServer.base, refServer.child.pid);
    refRow.ratio = refRow.rps / baselineMean;
    await stop(refServer.child);
    scaling = {
      reference: { scale: refScale, posts: ref.counts.posts, people: ref.counts.users, generatorMs: ref.durationMs, row: refRow },
      measured: { scale: settings.scale, posts: company.counts.posts, people: company.counts.users, p50: feedRow.p50 },
      ratio: feedRow.p50 / refRow.p50,
      target: 1.3,
    };
    log(scalingLine(scaling));
  }

  await cleanup();
  machine.loadEnd = os.loadavg();
  const result = {
    date,
    machine,
    git,
    quick: settings.quick,
    dialect: settings.db,
    dialectLabel: store.label,
    cluster:
      instances.length > 1 ? { instances: instances.length, balancer: 'round-robin TCP proxy (bench/lib/balancer.mjs)', redis: settings.redisUrl } : null,
    dataset,
    settings: {
      scale: settings.scale,
      seed: settings.seed,
      seconds: settings.seconds,
      warmup: settings.warmup,
      connections: settings.connections,
      loginConnections: settings.loginConnections,
      readers: settings.readers,
      writers: settings.writers,
      logLevel: settings.logLevel,
      scalingCheck: settings.scalingCheck,
      autocannon: readJson(path.join(root, 'node_modules/autocannon/package.json')).version,
      fastify: readJson(path.join(root, 'node_modules/fastify/package.json')).version,
    },
    baseline: { before: before.rps, after: after.rps, mean: baselineMean, cpuMicrosPerReq: (before.cpuMicrosPerReq + after.cpuMicrosPerReq) / 2 },
    scenarios: rows,
    preflight,
    coldStarts,
    memory,
    scaling,
    firstLoad: hasWeb ? firstLoad(webDist) : null,
    realtime,
    notes,
    totalSeconds: (performance.now() - t0) / 1000,
  };

  const md = renderMarkdown(result);
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = date.replace(/[:.]/g, '-');
  for (const name of [stamp, 'latest', `latest-${settings.db}`]) {
    fs.writeFileSync(path.join(outDir, `${name}.md`), md);
    fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
  log('');
  log(scenarioTable(result));
  log('');
  if (scaling) log(`${scalingLine(scaling)}\n`);
  if (realtime) {
    log(realtimeSection(result).join('\n'));
    log('');
  }
  log(md.slice(md.indexOf('## Cold start')));
  log(`whole run: ${sec(performance.now() - t0)}; written to bench/results/${stamp}.md and .json (also latest.* and latest-${settings.db}.*)`);
  if (crashed) {
    console.error(`the Innenhof server exited during the run (${crashed.signal ?? crashed.code})`);
    process.exitCode = 1;
  }
}

main().catch(async (err) => {
  console.error(`\nbench failed: ${err.stack ?? err}`);
  await cleanup();
  process.exit(1);
});

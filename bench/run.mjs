// npm run bench — Innenhof against a bare Fastify baseline, in the same run, on a generated company.
// See bench/README.md. Everything runs on 127.0.0.1; every load is bounded in time.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { DEPARTMENTS, LOCATIONS, PASSWORD, SEARCH_PREFIXES, planCompany } from './lib/company.mjs';
import { cpuMs, freePort, memoryOf, pool, spawnAndWait, stop } from './lib/proc.mjs';
import { realtimePhase } from './lib/realtime.mjs';
import { realtimeSection, renderMarkdown, scenarioTable } from './lib/report.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

function envInt(key, def, min, max) {
  const raw = process.env[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
    process.exit(2);
  }
  return n;
}

/** A comma-separated list of whole numbers; "0" (or only zeros) turns the feature off: []. */
function envList(key, def, min, max) {
  const raw = process.env[key];
  if (raw === undefined || raw.trim() === '') return def;
  const list = raw.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    console.error(`${key} must be whole numbers from ${min} to ${max}, separated by commas (got "${raw}")`);
    process.exit(2);
  }
  return list.filter((n) => n > 0);
}

const settings = {
  seconds: envInt('BENCH_SECONDS', 5, 1, 120),
  warmup: envInt('BENCH_WARMUP', 1, 0, 30),
  connections: envInt('BENCH_CONNECTIONS', 50, 1, 1000),
  loginConnections: envInt('BENCH_LOGIN_CONNECTIONS', 8, 1, 1000),
  users: envInt('BENCH_USERS', 800, 20, 100_000),
  concurrency: envInt('BENCH_SETUP_CONCURRENCY', 8, 1, 64),
  db: (process.env.BENCH_DB ?? 'sqlite').toLowerCase(),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  build: process.env.BENCH_SKIP_BUILD !== '1',
  /** The news feed: colleagues who post (the measured member follows them) and posts each. */
  feedPosters: envInt('BENCH_FEED_POSTERS', 20, 2, 200),
  postsPerPoster: envInt('BENCH_POSTS_PER_POSTER', 20, 1, 25),
  feedConnections: envInt('BENCH_FEED_CONNECTIONS', 32, 1, 1000),
  // The chat real-time scenario (lib/realtime.mjs).
  sockets: {
    levels: envList('BENCH_IDLE_SOCKETS', [1000, 5000], 0, 15_000),
    messages: envInt('BENCH_CHAT_MESSAGES', 300, 1, 10_000),
    warmupMessages: envInt('BENCH_CHAT_WARMUP', 30, 0, 1000),
    senders: envInt('BENCH_CHAT_SENDERS', 20, 1, 100),
    users: envInt('BENCH_SOCKET_USERS', 0, 0, 100_000),
    settleMs: envInt('BENCH_SOCKET_SETTLE', 3, 0, 60) * 1000,
    connectConcurrency: envInt('BENCH_SOCKET_CONCURRENCY', 200, 1, 5000),
    connectTimeoutMs: envInt('BENCH_SOCKET_TIMEOUT', 300, 10, 3600) * 1000,
    loginConcurrency: 4,
    receiveTimeoutMs: 5000,
    gapMs: 5,
  },
};
if (!['sqlite', 'pg'].includes(settings.db)) {
  console.error(`BENCH_DB must be sqlite or pg (got "${settings.db}")`);
  process.exit(2);
}

const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const log = (...a) => console.log(...a);
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------- cleanup
const cleanups = [];
async function cleanup() {
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

function lastStartupMs(logFile) {
  const matches = [...fs.readFileSync(logFile, 'utf8').matchAll(/"startupMs":(\d+)/g)];
  return matches.length ? Number(matches[matches.length - 1][1]) : null;
}

/** One request outside the load, to check a scenario answers 2xx and to show what it answers otherwise. */
async function probe(base, req, headers) {
  try {
    const res = await fetch(base + req.path, { method: req.method ?? 'GET', headers, body: req.body });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes: body.length, text: body.toString('utf8', 0, Math.min(body.length, 300)) };
  } catch (err) {
    return { status: 0, bytes: 0, text: `no answer (${err.cause?.code ?? err.message})` };
  }
}

/** Log lines worth showing, from byte `from` on: errors, fatal errors and shutdowns. */
function serverLogHighlights(logFile, from, max = 6) {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile)
    .subarray(from)
    .toString('utf8')
    .split('\n')
    .filter((l) => /"level":(50|60)|shutting down/.test(l) || (l.trim() !== '' && !l.startsWith('{')))
    .slice(-max)
    .map((l) => l.slice(0, 400));
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

// ---------------------------------------------------------------------------------------------- load
async function load(scenario, base, pid) {
  const connections = scenario.connections ?? settings.connections;
  const opts = {
    url: base,
    connections,
    duration: settings.seconds,
    headers: scenario.headers ?? {},
    requests: scenario.requests,
    timeout: 10,
  };
  if (settings.warmup > 0) await autocannon({ ...opts, duration: settings.warmup });
  const cpu0 = cpuMs(pid);
  const r = await autocannon(opts);
  const cpu = cpuMs(pid) - cpu0;
  const mem = memoryOf(pid);
  const total = r.requests.total;
  return {
    key: scenario.key,
    name: scenario.name,
    target: scenario.target ?? null,
    connections,
    seconds: r.duration,
    total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    bytesPerReq: total ? r.throughput.total / total : 0,
    cpuMicrosPerReq: total ? (cpu * 1000) / total : Number.NaN,
    rssAfterMB: mem?.rssMB ?? Number.NaN,
    peakMB: mem?.peakMB ?? Number.NaN,
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
  log(`Innenhof bench: ${settings.db}, ${settings.users} people, ${settings.seconds} s per scenario, ${settings.connections} connections`);
  log(`machine: ${machine.cpus} CPUs, ${machine.memoryGB.toFixed(1)} GB, load average ${machine.loadStart.map((l) => l.toFixed(2)).join(' ')}`);

  // 1. Build the server.
  if (settings.build) {
    const tb = performance.now();
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server'], { cwd: root, stdio: 'inherit' });
    log(`built the server (tsc -b server) in ${sec(performance.now() - tb)}`);
  }
  const webDist = path.join(root, 'web', 'dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));

  // 2. A fresh data directory and, with BENCH_DB=pg, a fresh database.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-bench-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const logFile = path.join(dataDir, 'server.log');
  const outDir = path.join(benchDir, 'results');
  const keptLog = path.join(outDir, `latest-${settings.db}-server.log`);
  // Runs just before the data directory goes: keep the server's log for a look afterwards.
  cleanups.push(() => {
    fs.mkdirSync(outDir, { recursive: true });
    keepLog(logFile, keptLog);
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Where the server's inspector opens if the socket phase asks for it (SIGUSR1) to measure memory after a GC.
  const inspectPort = await freePort();
  const serverEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    INNENHOF_DATA_DIR: dataDir,
    INNENHOF_PUBLIC_URL: base,
    INNENHOF_LOG_LEVEL: settings.logLevel,
    // The configuration accepts at most 10000 (per address and account per minute): enough for the login scenario.
    INNENHOF_LOGIN_RATE_LIMIT: '10000',
    // Inert until SIGUSR1 (lib/realtime.mjs): only where the inspector would listen.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--inspect-port=127.0.0.1:${inspectPort}`].filter(Boolean).join(' '),
  };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'INNENHOF_SECRET', 'INNENHOF_WEB_DIR', 'INNENHOF_SMTP_URL', 'INNENHOF_SMTP_HOST']) delete serverEnv[key];
  let dialectLabel = 'SQLite (better-sqlite3, WAL, file in a temp directory)';
  if (settings.db === 'pg') {
    const { default: pg } = await import('pg');
    const dbName = `innenhof_bench_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: settings.pgAdminUrl });
    await admin.connect();
    const version = (await admin.query('SHOW server_version')).rows[0].server_version;
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: settings.pgAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
    });
    const url = new URL(settings.pgAdminUrl);
    url.pathname = `/${dbName}`;
    serverEnv.DATABASE_URL = url.toString();
    serverEnv.INNENHOF_SECRET = crypto.randomBytes(32).toString('hex');
    dialectLabel = `PostgreSQL ${version} (pg pool, database ${dbName}, dropped afterwards)`;
  }
  log(`data: ${dataDir}${settings.db === 'pg' ? `, ${serverEnv.DATABASE_URL}` : ''}`);

  // 3. The baseline server.
  const baselinePort = await freePort();
  const baselineBase = `http://127.0.0.1:${baselinePort}`;
  const baseline = await spawnAndWait({
    args: [path.join(benchDir, 'baseline-server.mjs')],
    cwd: root,
    env: { ...process.env, PORT: String(baselinePort), HOST: '127.0.0.1' },
    logFile: path.join(dataDir, 'baseline.log'),
    healthUrl: `${baselineBase}/`,
  });
  cleanups.push(() => stop(baseline.child));

  // 4. Cold start on the empty database (includes creating the schema).
  const serverArgs = [path.join(root, 'server/bin/innenhof.mjs'), 'start'];
  const startServer = () => spawnAndWait({ args: serverArgs, cwd: root, env: serverEnv, logFile, healthUrl: `${base}/api/v1/health` });
  let server = await startServer();
  let stopServer = () => stop(server.child);
  cleanups.push(() => stopServer());
  const coldStarts = [
    { label: 'empty (first start, runs migrations)', ms: server.coldStartMs, startupMs: lastStartupMs(logFile), rssMB: memoryOf(server.child.pid)?.rssMB },
  ];
  log(`cold start, empty database: ${Math.round(server.coldStartMs)} ms`);

  // 5. The company, through the real API.
  const api = apiClient(base, base);
  const company = planCompany(settings.users);
  const ids = new Array(company.people.length);
  const tData = performance.now();
  const { ceo } = company;
  const setup = await api('POST', '/api/v1/setup', { body: { companyName: 'Beispiel GmbH', name: ceo.name, email: ceo.email, password: PASSWORD } });
  const adminSession = { cookie: setup.cookie, csrf: setup.json.csrfToken };
  ids[ceo.key] = setup.json.user.id;
  const progress = (label, done, total, started) => {
    const line = `${label}: ${done}/${total} (${((done * 1000) / (performance.now() - started)).toFixed(1)}/s)`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total || done % Math.ceil(total / 4) === 0) log(line);
  };
  const others = company.people.filter((p) => p.key !== ceo.key);
  let done = 0;
  const tCreate = performance.now();
  await pool(others, settings.concurrency, async (p) => {
    const r = await api('POST', '/api/v1/users', { body: { name: p.name, email: p.email, password: PASSWORD, role: 'member' }, session: adminSession });
    ids[p.key] = r.json.id;
    progress('creating people', ++done, others.length, tCreate);
  });
  const createMs = performance.now() - tCreate;
  done = 0;
  const tPatch = performance.now();
  await pool(company.people, settings.concurrency, async (p) => {
    const body = {
      jobTitle: p.jobTitle,
      department: p.department,
      location: p.location,
      skills: p.skills,
      managerId: p.managerKey === null ? null : ids[p.managerKey],
    };
    await api('PATCH', `/api/v1/users/${ids[p.key]}`, { body, session: adminSession });
    progress('filling profiles', ++done, company.people.length, tPatch);
  });
  const patchMs = performance.now() - tPatch;
  const dataset = {
    people: company.people.length,
    departments: DEPARTMENTS.length,
    locations: LOCATIONS.length,
    heads: company.heads.length,
    leads: company.leads.length,
    managers: 1 + company.heads.length + company.leads.length,
    seconds: (performance.now() - tData) / 1000,
    createPerSec: (others.length * 1000) / createMs,
    patchPerSec: (company.people.length * 1000) / patchMs,
    concurrency: settings.concurrency,
  };
  log(`dataset: ${dataset.people} people in ${dataset.seconds.toFixed(1)} s`);

  // 6. Cold start on the filled database (and a server without the setup's garbage for the load).
  await stop(server.child);
  const loadLogStart = fs.statSync(logFile).size;
  server = await startServer();
  stopServer = () => stop(server.child);
  coldStarts.push({
    label: `filled (${dataset.people} people)`,
    ms: server.coldStartMs,
    startupMs: lastStartupMs(logFile),
    rssMB: memoryOf(server.child.pid)?.rssMB,
  });
  log(`cold start, filled database: ${Math.round(server.coldStartMs)} ms`);
  let serverExit = null;
  server.child.once('exit', (code, signal) => {
    serverExit = { code, signal };
  });

  // 7. A member's session for the read scenarios (what most traffic is), and login users.
  const member = company.members[Math.floor(company.members.length / 2)];
  const memberLogin = await api('POST', '/api/v1/auth/login', { body: { email: member.email, password: PASSWORD } });
  const cookie = memberLogin.cookie;
  const json = { accept: 'application/json', cookie };
  const profileIds = company.leads.slice(0, 8).map((p) => ids[p.key]);

  // 7b. The news feed, through the API as people use it: colleagues post (hashtags, a comment and reactions
  // on each), the member follows them, and one post gathers 50 comments (the post page scenario).
  // The API's write limit (30 a minute per person and route) bounds posts per person.
  const feedT0 = performance.now();
  const memberSession = { cookie, csrf: memberLogin.json.csrfToken };
  const posters = company.members.filter((p) => p !== member).slice(0, settings.feedPosters);
  const posterSessions = await pool(posters, settings.concurrency, async (p) => {
    const r = await api('POST', '/api/v1/auth/login', { body: { email: p.email, password: PASSWORD } });
    return { cookie: r.cookie, csrf: r.json.csrfToken };
  });
  await pool(posters, settings.concurrency, (p) => api('PUT', `/api/v1/users/${ids[p.key]}/follow`, { session: memberSession }));
  const tags = ['mittagessen', 'vertrieb', 'it', 'sommerfest', 'kunden', 'lager'];
  const jobs = [];
  for (let round = 0; round < settings.postsPerPoster; round++) for (let i = 0; i < posters.length; i++) jobs.push({ i, round });
  const postIds = await pool(jobs, settings.concurrency, async ({ i, round }) => {
    const body = `Update ${round + 1} aus ${posters[i].department ?? 'dem Team'}: **Zahlen** für diese Woche, Details im Wiki. #${tags[(i + round) % tags.length]}`;
    const r = await api('POST', '/api/v1/posts', { body: { audience: { kind: 'profile' }, body }, session: posterSessions[i] });
    return { id: r.json.id, i };
  });
  await pool(postIds, settings.concurrency, async ({ id, i }, n) => {
    const other = (i + 1 + (n % (posters.length - 1))) % posters.length;
    await api('POST', `/api/v1/posts/${id}/comments`, { body: { body: 'Danke, sehr hilfreich!' }, session: posterSessions[other] });
    await api('PUT', `/api/v1/posts/${id}/reaction`, { body: { kind: n % 3 ? 'like' : 'love' }, session: posterSessions[other] });
    await api('PUT', `/api/v1/posts/${id}/reaction`, { body: { kind: 'like' }, session: memberSession });
  });
  const bigPost = (
    await api('POST', '/api/v1/posts', { body: { audience: { kind: 'profile' }, body: 'Wer kommt zum Sommerfest? #sommerfest' }, session: memberSession })
  ).json.id;
  await pool(
    Array.from({ length: 50 }, (_, n) => n),
    settings.concurrency,
    (n) => api('POST', `/api/v1/posts/${bigPost}/comments`, { body: { body: `Ich komme! (${n + 1})` }, session: posterSessions[n % posters.length] }),
  );
  const feedPosts = postIds.length + 1;
  log(`feed: ${feedPosts} posts, ${postIds.length + 50} comments, ${postIds.length * 2} reactions in ${Math.round(performance.now() - feedT0)} ms`);
  const headIds = company.heads.map((p) => ids[p.key]);
  const loginPeople = company.members.slice(0, 16);

  const scenarios = [
    { key: 'health', name: 'GET /api/v1/health', requests: [{ method: 'GET', path: '/api/v1/health' }], headers: { accept: 'application/json' } },
    { key: 'me', name: 'GET /api/v1/me (session)', requests: [{ method: 'GET', path: '/api/v1/me' }], headers: json },
    { key: 'directory', name: 'GET /api/v1/users?limit=20', requests: [{ method: 'GET', path: '/api/v1/users?limit=20' }], headers: json },
    {
      key: 'feed',
      name: `GET /api/v1/feed?limit=20 (home feed, ${feedPosts} posts, ${settings.feedConnections} conns)`,
      connections: settings.feedConnections,
      requests: [{ method: 'GET', path: '/api/v1/feed?limit=20' }],
      headers: json,
      target: { ratio: 0.2, p99: 25 },
    },
    {
      key: 'post',
      name: `GET /api/v1/posts/:id + 50 comments (post page, ${settings.feedConnections} conns)`,
      connections: settings.feedConnections,
      requests: [
        { method: 'GET', path: `/api/v1/posts/${bigPost}` },
        { method: 'GET', path: `/api/v1/posts/${bigPost}/comments?order=newest&limit=50` },
      ],
      headers: json,
      target: { ratio: 0.15, p99: 30 },
    },
    {
      key: 'search',
      name: `GET /api/v1/users?q=<3 letters> (${SEARCH_PREFIXES.length} prefixes)`,
      requests: SEARCH_PREFIXES.map((q) => ({ method: 'GET', path: `/api/v1/users?q=${encodeURIComponent(q)}&limit=20` })),
      headers: json,
    },
    {
      key: 'profile',
      name: `GET /api/v1/users/:id (${profileIds.length} team leads)`,
      requests: profileIds.map((id) => ({ method: 'GET', path: `/api/v1/users/${id}` })),
      headers: json,
    },
    {
      key: 'orgchart',
      name: `GET /api/v1/org-chart?managerId=<head> (${headIds.length})`,
      requests: headIds.map((id) => ({ method: 'GET', path: `/api/v1/org-chart?managerId=${id}` })),
      headers: json,
    },
    {
      key: 'login',
      name: `POST /api/v1/auth/login (scrypt, ${loginPeople.length} accounts)`,
      connections: settings.loginConnections,
      requests: loginPeople.map((p) => ({ method: 'POST', path: '/api/v1/auth/login', body: JSON.stringify({ email: p.email, password: PASSWORD }) })),
      headers: { accept: 'application/json', 'content-type': 'application/json', origin: base },
    },
  ];
  if (hasWeb) {
    scenarios.push({
      key: 'shell',
      name: 'GET / (app shell, gzip/br)',
      requests: [{ method: 'GET', path: '/' }],
      headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' },
    });
  }

  // 8. Every scenario answers 2xx before we load it.
  const notes = [];
  const preflight = {};
  for (const s of scenarios) {
    for (const req of s.requests) {
      const p = await probe(base, req, s.headers);
      preflight[s.key] ??= { status: p.status, bytes: p.bytes };
      if (p.status < 200 || p.status > 299) {
        notes.push(`Before the load, ${req.method} ${req.path} answered ${p.status}: \`${p.text.replace(/\s+/g, ' ')}\``);
        preflight[s.key] = { status: p.status, bytes: p.bytes, body: p.text };
      }
    }
  }

  // 9. Load: baseline, product scenarios, baseline again.
  const rows = [];
  const baselineScenario = {
    key: 'baseline',
    name: 'Fastify hello (baseline)',
    requests: [{ method: 'GET', path: '/' }],
    headers: { accept: 'application/json' },
  };
  const runOne = async (s, targetBase, pid) => {
    process.stdout.write(`load: ${s.name} … `);
    const r = await load(s, targetBase, pid);
    log(
      `${Math.round(r.rps)} req/s, p99 ${r.p99} ms${r.errors || r.non2xx ? `, ${r.errors} errors, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}` : ''}`,
    );
    return r;
  };
  const before = await runOne(baselineScenario, baselineBase, baseline.child.pid);
  rows.push(before);
  for (const s of scenarios) {
    if (serverExit) {
      log(`load: ${s.name} … skipped, the server is gone`);
      continue;
    }
    const row = await runOne(s, base, server.child.pid);
    rows.push(row);
    if (serverExit) {
      notes.push(
        `The Innenhof server exited during "${s.name}" (${serverExit.signal ? `signal ${serverExit.signal}` : `exit code ${serverExit.code}`}); ` +
          `the remaining scenarios were skipped. The bench sends no signals during the load; its log is kept in bench/results/${path.basename(keptLog)}.`,
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
      if (s) {
        const p = await probe(base, s.requests[0], s.headers);
        sample = ` A single ${s.requests[0].method} ${s.requests[0].path} afterwards answered ${p.status}: \`${p.text.replace(/\s+/g, ' ')}\`.`;
      }
      notes.push(
        `${r.name}: ${r.errors} connection errors (${r.timeouts} timeouts) and ${r.non2xx} non-2xx answers, status codes ${JSON.stringify(r.statusCodes)}.${sample}`,
      );
    }
  }
  for (const r of rows) {
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

  for (const line of serverLogHighlights(logFile, loadLogStart)) notes.push(`Server log: \`${line}\``);

  // 10. Memory after the load.
  const memory = [
    { label: 'Innenhof server', ...memoryOf(server.child.pid) },
    { label: 'Fastify hello baseline', ...memoryOf(baseline.child.pid) },
  ];

  // 11. Chat real-time: idle Socket.IO clients on the same server process, send → receive latency, memory per socket.
  let realtime = null;
  if (settings.sockets.levels.length > 0 && !serverExit) {
    const socketLogStart = fs.statSync(logFile).size;
    // The receiver and the senders are regular members from the end of the list (the login scenario used the
    // first ones); everyone else, CEO included, may hold idle connections.
    const members = company.members.slice().reverse();
    const order = [...members, ...company.people.filter((p) => p.level !== 'member')];
    const people = order.map((p) => ({ email: p.email, id: ids[p.key] }));
    try {
      realtime = await realtimePhase({
        base,
        pid: server.child.pid,
        inspectPort,
        api,
        password: PASSWORD,
        people,
        opts: settings.sockets,
        isAlive: () => !serverExit,
        log,
      });
      realtime.settings.clientVersion = readJson(path.join(root, 'node_modules/socket.io-client/package.json')).version;
      notes.push(...realtime.notes);
    } catch (err) {
      const why = String(err.message ?? err).replace(/\s+/g, ' ');
      notes.push(`The chat real-time scenario failed: \`${why.slice(0, 400)}\``);
      log(`sockets: failed: ${err.stack ?? err}`);
    }
    if (serverExit)
      notes.push(
        `The Innenhof server exited during the chat real-time scenario (${serverExit.signal ? `signal ${serverExit.signal}` : `exit code ${serverExit.code}`}).`,
      );
    for (const line of serverLogHighlights(logFile, socketLogStart)) notes.push(`Server log (sockets): \`${line}\``);
  }

  await cleanup();
  machine.loadEnd = os.loadavg();
  const result = {
    date,
    machine,
    git,
    dialect: settings.db,
    dialectLabel,
    dataset,
    settings: {
      seconds: settings.seconds,
      warmup: settings.warmup,
      connections: settings.connections,
      loginConnections: settings.loginConnections,
      logLevel: settings.logLevel,
      autocannon: readJson(path.join(root, 'node_modules/autocannon/package.json')).version,
      fastify: readJson(path.join(root, 'node_modules/fastify/package.json')).version,
    },
    baseline: { before: before.rps, after: after.rps, mean: baselineMean, cpuMicrosPerReq: (before.cpuMicrosPerReq + after.cpuMicrosPerReq) / 2 },
    scenarios: rows,
    preflight,
    coldStarts,
    memory,
    firstLoad: hasWeb ? firstLoad(webDist) : null,
    realtime,
    notes,
    totalSeconds: (performance.now() - t0) / 1000,
  };

  const md = renderMarkdown(result);
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of ['latest', `latest-${settings.db}`]) {
    fs.writeFileSync(path.join(outDir, `${name}.md`), md);
    fs.writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  }
  log('');
  log(scenarioTable(result));
  log('');
  if (realtime) {
    log(realtimeSection(result).join('\n'));
    log('');
  }
  log(md.slice(md.indexOf('## Cold start')));
  log(`whole run: ${sec(performance.now() - t0)}; written to bench/results/latest.md and latest.json (also latest-${settings.db}.*)`);
}

main().catch(async (err) => {
  console.error(`\nbench failed: ${err.stack ?? err}`);
  await cleanup();
  process.exit(1);
});

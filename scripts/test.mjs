#!/usr/bin/env node
// The whole test suite in one command (`npm test`):
//   lint and type checks → API tests on SQLite → API tests on PostgreSQL with Redis → browser tests in Chromium.
// Locally a missing PostgreSQL, Redis or Chromium is reported and skipped; with CI=true it is a failure.
// Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.env.TEST_ONLY?.split(',') ?? null; // e.g. TEST_ONLY=sqlite,pg
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function reachable(url, defaultPort) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function check(name, ok) {
  totals[ok ? 'passed' : 'failed']++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

function skip(name, why) {
  if (ci) {
    totals.failed++;
    summary.push(`FAIL ${name}: ${why} (required in CI)`);
  } else {
    totals.skipped++;
    summary.push(`skip ${name}: ${why}`);
  }
}

function vitest(name, project, env, files = []) {
  const out = path.join(results, `${name}.json`);
  fs.rmSync(out, { force: true });
  const ok = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...files], env);
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    // no report: the run itself broke
  }
  if (!report) {
    totals.failed++;
    summary.push(`FAIL ${name}: the test run produced no report`);
    return;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${report.numTotalTestSuites} suites)`);
}

const want = (stage) => !only || only.includes(stage);

if (want('lint')) {
  check('lint (biome)', run('npx', ['biome', 'check', '.']));
  check('lint (typescript-eslint promise rules)', run('npx', ['eslint', '.']));
  check('typecheck', run('npm', ['run', '--silent', 'typecheck']));
}

if (want('sqlite')) vitest('api-sqlite', 'api', { TEST_DB: 'sqlite', REDIS_URL: '' });

if (want('pg')) {
  const pgUp = await reachable(pgUrl, 5432);
  const redisUp = await reachable(redisUrl, 6379);
  if (!pgUp) skip('api-postgresql', `PostgreSQL not reachable at ${new URL(pgUrl).host}`);
  else if (!redisUp) skip('api-postgresql', `Redis not reachable at ${new URL(redisUrl).host}`);
  else vitest('api-postgresql', 'api', { TEST_DB: 'pg', TEST_PG_URL: pgUrl, REDIS_URL: redisUrl });
}

if (want('e2e')) {
  if (!fs.existsSync(chromium)) skip('e2e', `Chromium not found at ${chromium} (apt-get install -y chromium)`);
  else {
    const built = fs.existsSync(path.join(root, 'server/dist/cli.js')) && fs.existsSync(path.join(root, 'web/dist/index.html'));
    // Locally, build so that the browser tests see the code as it is now (CI's npm ci has just built it).
    if ((!built || !ci) && !run('npm', ['run', '--silent', 'build'])) check('build for e2e', false);
    else {
      vitest('e2e-sqlite', 'e2e', { TEST_DB: 'sqlite', CHROMIUM_PATH: chromium });
      if (ci || process.env.E2E_PG === '1') {
        // The journeys on PostgreSQL; the page scans (axe, screenshots) do not depend on the database.
        const journeys = fs.readdirSync(path.join(root, 'e2e')).filter((f) => f.endsWith('.e2e.test.ts') && !f.startsWith('pages'));
        if (await reachable(pgUrl, 5432))
          vitest(
            'e2e-postgresql',
            'e2e',
            { TEST_DB: 'pg', TEST_PG_URL: pgUrl, CHROMIUM_PATH: chromium },
            journeys.map((f) => `e2e/${f}`),
          );
        else skip('e2e-postgresql', 'PostgreSQL not reachable');
      }
    }
  }
}

console.log(`\n${summary.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

import { parseArgs } from 'node:util';
import { buildConfig } from '../config/config.js';
import { readEnv } from '../config/env.js';
import { openDb } from '../core/db/index.js';
import { migrateToLatest } from '../core/db/migrate.js';
import { generateCompany, type Scale, SCALES } from './generate.js';

/**
 * `node server/dist/bench/generate-cli.js --scale S [--seed 1] [--emails 50] [--data-dir <dir>]` (or DATABASE_URL /
 * INNENHOF_DATABASE_URL for PostgreSQL): migrates, fills the empty database with a generated company,
 * draws a progress bar on stderr and prints the duration and counts as JSON on stdout.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'S' },
      seed: { type: 'string', default: '1' },
      emails: { type: 'string', default: '50' },
      'data-dir': { type: 'string' },
    },
  });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) {
    process.stderr.write(`--scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
    return 2;
  }
  const emails = Number(values.emails);
  if (!Number.isInteger(emails) || emails < 1 || emails > 1_000_000) {
    process.stderr.write('--emails must be a whole number from 1 to 1000000\n');
    return 2;
  }
  const env = readEnv();
  const url = process.env.INNENHOF_DATABASE_URL ?? env.DATABASE_URL;
  const config = buildConfig({
    ...env,
    ...(values['data-dir'] ? { INNENHOF_DATA_DIR: values['data-dir'] } : {}),
    ...(url ? { DATABASE_URL: url } : {}),
    // The generator needs no secret; the server checks its own at start.
    ...(url?.startsWith('postgres') && !env.INNENHOF_SECRET ? { INNENHOF_SECRET: 'x'.repeat(32) } : {}),
  });
  const db = openDb(config.db);
  try {
    await migrateToLatest(db);
    let lastDraw = 0;
    let finished = '';
    // Per stage: milliseconds from its first to its last progress report.
    const stageStart: Record<string, number> = {};
    const stageMs: Record<string, number> = {};
    const company = await generateCompany(db, {
      scale,
      seed: Number(values.seed),
      emails,
      onProgress(stage, done, total) {
        const t = performance.now();
        if (!(stage in stageStart)) stageStart[stage] = t;
        stageMs[stage] = Math.round(t - (stageStart[stage] as number));
        if (finished === stage || (t - lastDraw < 100 && done < total)) return;
        lastDraw = t;
        const ratio = total > 0 ? done / total : 1;
        const bar = '#'.repeat(Math.round(ratio * 30)).padEnd(30, '-');
        process.stderr.write(
          `\r${stage.padEnd(14)} [${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}   `,
        );
        if (done >= total) {
          finished = stage;
          process.stderr.write('\n');
        }
      },
    });
    const rows = Object.values(company.counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${JSON.stringify({ dialect: db.dialect, ...company, rows, rowsPerSecond: Math.round(rows / (company.durationMs / 1000)), stageMs }, null, 2)}\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

import { buildConfig } from '../src/config/config.js';
import { openDb } from '../src/core/db/index.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { pgUrlFor, testDialect, withAdmin } from './db.js';

// A template per run, so that two test runs on one machine never drop each other's template.
const TEMPLATE_DB = `innenhof_tpl_${crypto.randomBytes(5).toString('hex')}`;

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/**
 * With TEST_DB=pg: builds a migrated template database once per run; each test file clones it
 * (CREATE DATABASE … TEMPLATE, as immich does). A missing PostgreSQL fails the run, never skips it.
 */
export async function setup(project: TestProject): Promise<void> {
  project.provide('pgTemplate', TEMPLATE_DB);
  if (testDialect !== 'pg') return;
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const config = buildConfig({ DATABASE_URL: pgUrlFor(TEMPLATE_DB), INNENHOF_SECRET: 'x'.repeat(64) });
  const db = openDb(config.db, { poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.close();
  }
}

export async function teardown(): Promise<void> {
  if (testDialect !== 'pg') return;
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`));
}

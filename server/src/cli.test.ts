import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('the innenhof command', () => {
  it('prints help', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['start', 'migrate', 'create-admin', 'seed-demo']) expect(r.stdout).toContain(cmd);
  });

  it('lists every configuration problem at once and exits 1', () => {
    const r = cli(['migrate'], { PORT: 'abc', INNENHOF_PUBLIC_URL: 'nope', DATABASE_URL: 'mysql://x' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('INNENHOF_PUBLIC_URL');
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).toContain('docs/configuration.md');
  });

  it('refuses an unknown command', () => {
    const r = cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown command');
  });
});

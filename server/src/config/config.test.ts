import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError } from './config.js';

describe('configuration', () => {
  it('runs embedded with no configuration at all', () => {
    const c = buildConfig({}, '/srv/innenhof');
    expect(c.port).toBe(3000);
    expect(c.db).toEqual({ dialect: 'sqlite', file: '/srv/innenhof/data/innenhof.db' });
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.smtp).toBeNull();
    expect(c.https).toBe(false);
  });

  it('reports every problem at once', () => {
    try {
      buildConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', INNENHOF_PUBLIC_URL: 'ftp://x', INNENHOF_SECRET: 'short', INNENHOF_SMTP_USER: 'u' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'INNENHOF_PUBLIC_URL', 'INNENHOF_SECRET', 'INNENHOF_SMTP_HOST']) expect(problems).toContain(key);
    }
  });

  it('needs a shared secret with PostgreSQL', () => {
    expect(() => buildConfig({ DATABASE_URL: 'postgres://db/innenhof' })).toThrow(/INNENHOF_SECRET is required/);
    expect(buildConfig({ DATABASE_URL: 'postgres://db/innenhof', INNENHOF_SECRET: 'a'.repeat(64) }).db.dialect).toBe('pg');
  });

  it('turns on HSTS-worthy settings for https public URLs', () => {
    const c = buildConfig({ INNENHOF_PUBLIC_URL: 'https://intranet.example.com/' });
    expect(c.https).toBe(true);
    expect(c.publicUrl).toBe('https://intranet.example.com');
    expect(c.publicOrigin).toBe('https://intranet.example.com');
  });
});

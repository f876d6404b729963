import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/harness.js';
import { createAdminCommand } from './commands.js';
import { DEMO_PASSWORD, seedDemo } from './demo-seed.js';

describe('seed-demo: Muster GmbH', () => {
  let t: TestApp;
  let output: string;
  beforeAll(async () => {
    t = await createTestApp();
    output = await seedDemo(t.ctx);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('creates a realistic company and prints working demo logins', async () => {
    expect(output).toContain('Muster GmbH');
    const logins = [...output.matchAll(/(\S+@muster-gmbh\.example)/g)].map((m) => m[1] ?? '');
    expect(logins.length).toBeGreaterThanOrEqual(2);
    const c = new Client(t.app);
    for (const email of logins) {
      const res = await c.post('/api/v1/auth/login', { email, password: DEMO_PASSWORD });
      expect(res.statusCode).toBe(200);
    }
    const anna = new Client(t.app);
    await anna.login(logins[0] ?? '', DEMO_PASSWORD);

    const all: Array<{ id: string; department: string; location: string; jobTitle: string; avatar: unknown }> = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof all; nextCursor: string | null } = (await anna.get(`/api/v1/users?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((u) => u.department)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((u) => u.location)).size).toBeGreaterThanOrEqual(3);
    expect(all.every((u) => u.jobTitle && u.avatar)).toBe(true);

    // An org chart: one person at the top, department heads below, their teams below them.
    const top = (await anna.get('/api/v1/org-chart')).json();
    expect(top.items).toHaveLength(1);
    expect(top.items[0].reportCount).toBeGreaterThanOrEqual(6);
    const heads = (await anna.get(`/api/v1/org-chart?managerId=${top.items[0].id}`)).json();
    expect(heads.items.some((h: { reportCount: number }) => h.reportCount > 2)).toBe(true);

    const profile = (await anna.get(`/api/v1/users/${all[5]?.id}`)).json();
    expect(profile.phone).toMatch(/^\+49/);
    expect(profile.skills.length).toBeGreaterThan(0);
    const avatar = await anna.get(profile.avatar.small);
    expect(avatar.statusCode).toBe(200);
    expect(avatar.headers['content-type']).toBe('image/webp');

    // Skills are searchable: who can help with DSGVO?
    const dsgvo = (await anna.get('/api/v1/users?q=dsgvo')).json();
    expect(dsgvo.items.map((u: { name: string }) => u.name)).toContain('Robert Weiß');
  });

  it('refuses to run on a database that has users', async () => {
    await expect(seedDemo(t.ctx)).rejects.toThrow(/only runs on an empty database/);
  });

  it('create-admin adds an administrator who can log in', async () => {
    const msg = await createAdminCommand(t.ctx, { email: 'Ops@Muster-GmbH.example', name: 'Ops Admin', password: 'a long enough password' });
    expect(msg).toContain('ops@muster-gmbh.example');
    const c = new Client(t.app);
    const res = await c.post('/api/v1/auth/login', { email: 'ops@muster-gmbh.example', password: 'a long enough password' });
    expect(res.json().user.role).toBe('admin');
    await expect(createAdminCommand(t.ctx, { email: 'ops@muster-gmbh.example', name: 'Again', password: 'a long enough password' })).rejects.toThrow(
      /exists already/,
    );
  });
});

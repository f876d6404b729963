import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, codeOf, createTestApp, PASSWORD, type TestApp } from '../../../test/harness.js';

describe('first run setup', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('is needed on an empty database, creates the company and admin, logs in, then closes for good', async () => {
    const c = new Client(t.app);
    expect((await c.get('/api/v1/setup')).json()).toEqual({ needed: true });
    expect((await c.get('/api/v1/settings/company')).json()).toMatchObject({ setupNeeded: true });

    const res = await c.post('/api/v1/setup', { companyName: 'Muster GmbH', name: 'Anna Admin', email: 'Anna@Muster.test', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: 'Anna Admin', email: 'anna@muster.test', role: 'admin' });
    expect(String(res.headers['set-cookie'])).toMatch(/innenhof\.session_token=.+HttpOnly; SameSite=Lax/);

    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.role).toBe('admin');

    expect((await c.get('/api/v1/setup')).json()).toEqual({ needed: false });
    expect((await c.get('/api/v1/settings/company')).json()).toMatchObject({ companyName: 'Muster GmbH', setupNeeded: false });

    const again = await new Client(t.app).post('/api/v1/setup', { companyName: 'Evil', name: 'Mallory', email: 'mallory@evil.test', password: PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('setup_done');
    // Nothing of the refused setup was kept.
    expect((await c.get('/api/v1/settings/company')).json().companyName).toBe('Muster GmbH');
  });

  it('rejects bad input with 400 naming the field, and keeps setup open', async () => {
    const c = new Client(t.app);
    const bad = await c.post('/api/v1/setup', { companyName: 'X', name: 'Anna', email: 'not-an-email', password: PASSWORD });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed' });
    expect(bad.json().error.message).toMatch(/^email/);
    expect(bad.json().error.details.fields[0].field).toBe('email');

    const short = await c.post('/api/v1/setup', { companyName: 'X', name: 'Anna', email: 'a@b.test', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields.map((f: { field: string }) => f.field)).toContain('password');

    const missing = await c.post('/api/v1/setup', { name: 'Anna', email: 'a@b.test', password: PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toBe('companyName');

    expect((await c.get('/api/v1/setup')).json()).toEqual({ needed: true });
  });

  it('lets only one of two concurrent setups win', async () => {
    const a = new Client(t.app);
    const b = new Client(t.app);
    const [ra, rb] = await Promise.all([
      a.post('/api/v1/setup', { companyName: 'A', name: 'A', email: 'a@a.test', password: PASSWORD }),
      b.post('/api/v1/setup', { companyName: 'B', name: 'B', email: 'b@b.test', password: PASSWORD }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
    const admins = await t.ctx.db.db.selectFrom('users').select('email').execute();
    expect(admins).toHaveLength(1);
  });
});

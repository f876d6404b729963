import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/smtp.js';

describe('invitations', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    admin = (await setupAdmin(t, { name: 'Anna Admin' })).client;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function invite(email: string, locale: 'de' | 'en' = 'en'): Promise<string> {
    const before = smtp.mails.length;
    const res = await admin.post('/api/v1/invitations', { email, locale });
    expect(res.statusCode).toBe(201);
    await t.drain();
    const mail = smtp.mails.slice(before).find((m) => m.to.includes(email));
    const token = /\/invite\/([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    return token ?? '';
  }

  it('sends a single-use link; the invitee sets name and password and is logged in', async () => {
    const before = smtp.mails.length;
    const res = await admin.post('/api/v1/invitations', { email: 'Ben@Acme.test', locale: 'en' });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({ email: 'ben@acme.test', role: 'member', invitedBy: 'Anna Admin', acceptedAt: null });
    const days = (Date.parse(inv.expiresAt) - Date.parse(inv.createdAt)) / 86400000;
    expect(days).toBeCloseTo(7, 5);

    await t.drain();
    const mail = smtp.mails.slice(before)[0];
    expect(mail?.to).toContain('ben@acme.test');
    expect(mail?.subject).toBe('Anna Admin invites you to ACME GmbH on Innenhof');
    expect(mail?.html).toContain('http://innenhof.test/invite/');
    const token = /\/invite\/([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';

    const ben = new Client(t.app);
    const preview = await ben.get(`/api/v1/invitations/preview?token=${token}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ email: 'ben@acme.test', companyName: 'ACME GmbH', invitedBy: 'Anna Admin', groupName: null, role: 'member' });

    const bad = await ben.post('/api/v1/invitations/accept', { token, name: '', password: PASSWORD });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('name');

    const accepted = await ben.post('/api/v1/invitations/accept', { token, name: 'Ben Neu', password: PASSWORD, locale: 'en' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({ name: 'Ben Neu', email: 'ben@acme.test', role: 'member' });
    const me = await ben.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().locale).toBe('en');

    // Single use: the link is dead now.
    const reuse = await new Client(t.app).post('/api/v1/invitations/accept', { token, name: 'Mallory', password: PASSWORD });
    expect(reuse.statusCode).toBe(404);
    expect(codeOf(reuse)).toBe('invitation_invalid');
    expect((await new Client(t.app).get(`/api/v1/invitations/preview?token=${token}`)).statusCode).toBe(404);

    const list = (await admin.get('/api/v1/invitations')).json().items as Array<{ email: string; acceptedAt: string | null }>;
    expect(list.find((i) => i.email === 'ben@acme.test')?.acceptedAt).not.toBeNull();
  });

  it('writes the invitation in German when asked', async () => {
    const before = smtp.mails.length;
    await admin.post('/api/v1/invitations', { email: 'dora@acme.test', locale: 'de' });
    await t.drain();
    const mail = smtp.mails.slice(before)[0];
    expect(mail?.subject).toBe('Anna Admin lädt dich zu ACME GmbH auf Innenhof ein');
    expect(mail?.text).toContain('Einladung annehmen');
  });

  it('expires after 7 days', async () => {
    const token = await invite('late@acme.test');
    await t.ctx.db.db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('email', '=', 'late@acme.test')
      .execute();
    const res = await new Client(t.app).post('/api/v1/invitations/accept', { token, name: 'Late', password: PASSWORD });
    expect(res.statusCode).toBe(404);
    expect(codeOf(res)).toBe('invitation_invalid');
  });

  it('can be revoked by the admin', async () => {
    const token = await invite('revoked@acme.test');
    const list = (await admin.get('/api/v1/invitations')).json().items as Array<{ id: string; email: string }>;
    const id = list.find((i) => i.email === 'revoked@acme.test')?.id;
    expect((await admin.delete(`/api/v1/invitations/${id}`)).statusCode).toBe(204);
    expect((await new Client(t.app).get(`/api/v1/invitations/preview?token=${token}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/invitations/${id}`)).statusCode).toBe(404);
  });

  it('refuses an address that has an account, members inviting, and strangers', async () => {
    const taken = await admin.post('/api/v1/invitations', { email: 'anna@acme.test' });
    expect(taken.statusCode).toBe(409);
    expect(codeOf(taken)).toBe('email_taken');

    const bad = await admin.post('/api/v1/invitations', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^email/);

    const { client: member } = await createMember(t, admin);
    const forbidden = await member.post('/api/v1/invitations', { email: 'friend@acme.test' });
    expect(forbidden.statusCode).toBe(403);
    expect(codeOf(forbidden)).toBe('forbidden');
    expect((await member.get('/api/v1/invitations')).statusCode).toBe(403);

    const anon = await new Client(t.app).post('/api/v1/invitations', { email: 'friend@acme.test' });
    expect(anon.statusCode).toBe(401);

    const garbage = await new Client(t.app).get('/api/v1/invitations/preview?token=this-is-not-a-token');
    expect(garbage.statusCode).toBe(404);
  });

  it('lets only one of two racing accepts of the same link win', async () => {
    const token = await invite('race@acme.test');
    const [a, b] = await Promise.all([
      new Client(t.app).post('/api/v1/invitations/accept', { token, name: 'Racer A', password: PASSWORD }),
      new Client(t.app).post('/api/v1/invitations/accept', { token, name: 'Racer B', password: PASSWORD }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 404]);
    const rows = await t.ctx.db.db.selectFrom('users').select('name').where('email', '=', 'race@acme.test').execute();
    expect(rows).toHaveLength(1);
  });
});

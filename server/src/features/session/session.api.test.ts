import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/smtp.js';

describe('login, logout, sessions and passwords', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    admin = (await setupAdmin(t)).client;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('logs in with e-mail and password, and out again', async () => {
    const { email } = await createMember(t, admin, { name: 'Ben Member' });
    const c = new Client(t.app);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect(codeOf(await c.get('/api/v1/me'))).toBe('unauthenticated');

    const res = await c.post('/api/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe('Ben Member');
    expect(res.json().csrfToken).toEqual(expect.any(String));
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(res.json().csrfToken);

    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(c.cookie).toBeNull();
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('answers an unknown e-mail exactly like a wrong password (no account enumeration)', async () => {
    const { email } = await createMember(t, admin);
    const c = new Client(t.app);
    const wrong = await c.post('/api/v1/auth/login', { email, password: 'wrong password!' });
    const unknown = await c.post('/api/v1/auth/login', { email: 'nobody@acme.test', password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(codeOf(wrong)).toBe('invalid_credentials');

    // Similar time: both paths hash a password (scrypt), so neither answers in a fraction of the other.
    const time = async (e: string) => {
      const t0 = performance.now();
      await c.post('/api/v1/auth/login', { email: e, password: 'wrong password!' });
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(email));
      unknownTimes.push(await time('nobody@acme.test'));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ratio = median(known) / median(unknownTimes);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and cross-origin writes', async () => {
    const { client } = await createMember(t, admin);
    const me = (await client.get('/api/v1/me')).json();
    const token = client.csrf;
    client.csrf = null;
    const noToken = await client.patch(`/api/v1/users/${me.user.id}`, { jobTitle: 'Hacker' });
    expect(noToken.statusCode).toBe(403);
    expect(codeOf(noToken)).toBe('csrf_failed');

    client.csrf = 'forged-token';
    expect(codeOf(await client.patch(`/api/v1/users/${me.user.id}`, { jobTitle: 'Hacker' }))).toBe('csrf_failed');

    client.csrf = token;
    const crossOrigin = await client.request('PATCH', `/api/v1/users/${me.user.id}`, { jobTitle: 'Hacker' }, { headers: { origin: 'https://evil.example' } });
    expect(crossOrigin.statusCode).toBe(403);
    expect(codeOf(crossOrigin)).toBe('csrf_failed');

    // Nothing was changed by the refused requests.
    expect((await client.get(`/api/v1/users/${me.user.id}`)).json().jobTitle).toBeNull();
    const ok = await client.patch(`/api/v1/users/${me.user.id}`, { jobTitle: 'Engineer' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().jobTitle).toBe('Engineer');
  });

  it('refuses a session cookie whose signature was tampered with', async () => {
    const { client } = await createMember(t, admin);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const [name, value] = (client.cookie ?? '').split('=');
    const token = decodeURIComponent(value ?? '').split('.')[0];
    client.cookie = `${name}=${encodeURIComponent(`${token}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`)}`;
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    client.cookie = `${name}=${token}`;
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('renews a session in use once a day (new expiry and cookie), like better-auth', async () => {
    const { client, id } = await createMember(t, admin);
    const soon = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    await t.ctx.db.db.updateTable('sessions').set({ expires_at: soon }).where('user_id', '=', id).execute();
    const res = await client.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/session_token=.*Max-Age=2592000/);
    const row = await t.ctx.db.db.selectFrom('sessions').select('expires_at').where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at)).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    // An expired session is no session.
    await t.ctx.db.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', id)
      .execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('lists own sessions, ends one, and logs out everywhere', async () => {
    const { client: phone, email } = await createMember(t, admin);
    const laptop = new Client(t.app);
    await laptop.login(email, PASSWORD);

    const list = await laptop.get('/api/v1/me/sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().items as Array<{ id: string; current: boolean; userAgent: string | null }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const other = sessions.find((s) => !s.current);
    expect((await laptop.delete(`/api/v1/me/sessions/${other?.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(200);

    // Someone else's session id is not found.
    const adminSessions = (await admin.get('/api/v1/me/sessions')).json().items as Array<{ id: string }>;
    expect((await laptop.delete(`/api/v1/me/sessions/${adminSessions[0]?.id}`)).statusCode).toBe(404);

    await phone.login(email, PASSWORD);
    const out = await laptop.post('/api/v1/auth/logout', { everywhere: true });
    expect(out.statusCode).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const { client, email } = await createMember(t, admin);
    const other = new Client(t.app);
    await other.login(email, PASSWORD);

    const wrong = await client.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'a brand new secret' });
    expect(wrong.statusCode).toBe(400);
    expect(codeOf(wrong)).toBe('invalid_credentials');
    expect(wrong.json().error.message).toMatch(/^currentPassword/);

    const weak = await client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('newPassword');

    const ok = await client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new secret' });
    expect(ok.statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);

    expect((await new Client(t.app).post('/api/v1/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await new Client(t.app).post('/api/v1/auth/login', { email, password: 'a brand new secret' })).statusCode).toBe(200);
  });

  it('resets a forgotten password through a single-use link sent by e-mail', async () => {
    const { email, client: oldSession } = await createMember(t, admin, { name: 'Clara Vergesslich' });
    const anon = new Client(t.app);
    const before = smtp.mails.length;

    const unknown = await anon.post('/api/v1/auth/password/forgot', { email: 'ghost@acme.test' });
    const known = await anon.post('/api/v1/auth/password/forgot', { email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());

    await t.drain();
    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.to).toContain(email);
    expect(mail?.text).toContain('Clara Vergesslich');
    const link = /http:\/\/innenhof\.test\/reset-password\/(\S+)/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link?.[1] ?? '');

    const res = await anon.post('/api/v1/auth/password/reset', { token, password: 'remembered at last' });
    expect(res.statusCode).toBe(204);
    // Old sessions end on reset; the new password works; the link is used up.
    expect((await oldSession.get('/api/v1/me')).statusCode).toBe(401);
    await new Client(t.app).login(email, 'remembered at last');
    const again = await anon.post('/api/v1/auth/password/reset', { token, password: 'another new secret' });
    expect(again.statusCode).toBe(400);
    expect(codeOf(again)).toBe('token_invalid');
  });

  it('writes the reset mail in the user’s language', async () => {
    const { email, client } = await createMember(t, admin);
    const me = (await client.get('/api/v1/me')).json();
    await client.patch(`/api/v1/users/${me.user.id}`, { locale: 'de' });
    const before = smtp.mails.length;
    await new Client(t.app).post('/api/v1/auth/password/forgot', { email });
    await t.drain();
    const mail = smtp.mails.slice(before)[0];
    expect(mail?.subject).toContain('Passwort');
    expect(mail?.text).toContain('Neues Passwort wählen');
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ INNENHOF_LOGIN_RATE_LIMIT: '3' });
    await setupAdmin(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 rate_limited after too many attempts for one account from one address', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await c.post('/api/v1/auth/login', { email: 'anna@acme.test', password: 'guess number ' + i })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await c.post('/api/v1/auth/login', { email: 'anna@acme.test', password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another account from the same address is not locked out by it.
    expect((await c.post('/api/v1/auth/login', { email: 'someone@acme.test', password: 'x' })).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createTestApp, PASSWORD, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';
import { insertPeople } from '../../../test/people.js';

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
}

describe('admin: mail outbox (no SMTP configured)', () => {
  let t: TestApp;
  let admin: Client;
  let member: Client;

  beforeAll(async () => {
    t = await createTestApp();
    expect(t.config.smtp).toBeFalsy();
    admin = (await setupAdmin(t, { name: 'Anna Admin', companyName: 'ACME GmbH' })).client;
    const [m] = await insertPeople(t, [{ name: 'Moritz Mitglied' }]);
    member = new Client(t.app);
    await member.login(m!.email, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an invitation mail in German, with its link, for the admin to read', async () => {
    expect((await admin.get('/api/v1/admin/mail')).json()).toEqual({ items: [], nextCursor: null });

    const invited = await admin.post('/api/v1/invitations', { email: 'neu@acme.test', locale: 'de' });
    expect(invited.statusCode, invited.body).toBe(201);
    await t.drain();

    const res = await admin.get('/api/v1/admin/mail');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Mail[];
    expect(items).toHaveLength(1);
    const mail = items[0]!;
    expect(mail.to).toBe('neu@acme.test');
    expect(mail.subject).toBe('Anna Admin lädt dich zu ACME GmbH auf Innenhof ein');
    const link = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}/invite/[A-Za-z0-9_-]{20,}`);
    expect(mail.text).toMatch(link);
    expect(mail.html).toMatch(link);
    expect(mail.text).toContain('Einladung annehmen');

    // The link in the outbox is the one that works.
    const token = mail.text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;
    const preview = await new Client(t.app).get(`/api/v1/invitations/preview?token=${token}`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ email: 'neu@acme.test', companyName: 'ACME GmbH' });
  });

  it('lists the newest mail first, in pages', async () => {
    for (const email of ['eins@acme.test', 'zwei@acme.test', 'drei@acme.test']) {
      expect((await admin.post('/api/v1/invitations', { email, locale: 'en' })).statusCode).toBe(201);
    }
    await t.drain();
    const first = (await admin.get('/api/v1/admin/mail?limit=2')).json();
    expect((first.items as Mail[]).map((m) => m.to)).toEqual(['drei@acme.test', 'zwei@acme.test']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await admin.get(`/api/v1/admin/mail?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect((second.items as Mail[]).map((m) => m.to)).toEqual(['eins@acme.test', 'neu@acme.test']);
    expect(second.nextCursor).toBeNull();
    expect((first.items as Mail[])[0]!.subject).toBe('Anna Admin invites you to ACME GmbH on Innenhof');

    const bad = await admin.get('/api/v1/admin/mail?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('cursor');
  });

  it('is for admins only: members get 403, visitors 401', async () => {
    const asMember = await member.get('/api/v1/admin/mail');
    expect(asMember.statusCode).toBe(403);
    expect(codeOf(asMember)).toBe('forbidden');
    const anonymous = await new Client(t.app).get('/api/v1/admin/mail');
    expect(anonymous.statusCode).toBe(401);
    expect(codeOf(anonymous)).toBe('unauthenticated');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createMember, createTestApp, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open } from '../../../test/realtime-client.js';
import { type CapturedMail, startSmtp } from '../../../test/smtp.js';

type Person = { client: Client; id: string };

describe('notification e-mails (real SMTP)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let team: { id: string };
  let benEmail: string;

  const mailsTo = (email: string): CapturedMail[] => smtp.mails.filter((m) => m.to.includes(email));
  /** Makes every waiting (debounced) job due, as if ten minutes had passed. */
  const tenMinutesLater = async () => {
    await t.ctx.db.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('done_at', 'is', null)
      .execute();
    await t.drain();
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    anna = await createMember(t, admin.client, { name: 'Anna Mail' });
    const b = await createMember(t, admin.client, { name: 'Ben Mail' });
    ben = b;
    benEmail = b.email;
    expect((await ben.client.patch(`/api/v1/users/${b.id}`, { locale: 'de' })).statusCode).toBe(200);
    team = (await anna.client.post('/api/v1/groups', { name: 'Einkauf', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    await t.drain();
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails a mention at once, in the recipient’s language, with the item, the reason, Message-ID and one-click unsubscribe headers', async () => {
    const p = (
      await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Danke **@Ben Mail** für die Zahlen!', mentions: [ben.id] })
    ).json();
    await t.drain();
    const [mail] = mailsTo(benEmail);
    expect(mail?.subject).toBe('Anna Mail hat dich erwähnt · ACME GmbH');
    expect(mail?.text).toContain('Hallo Ben Mail,');
    expect(mail?.text).toContain('> Danke @Ben Mail für die Zahlen!');
    expect(mail?.text).toContain(`${PUBLIC_URL}/posts/${p.id}`);
    expect(mail?.text).toContain('Du erhältst diese E-Mail, weil du erwähnt wurdest.');
    expect(mail?.html).toContain('<blockquote');
    expect(mail?.html).toContain('>ACME GmbH</p>');
    expect(mail?.html).not.toContain('<script');
    expect(mail?.messageId).toMatch(/^<notification-[\w-]+-1@/);
    expect(mail?.headers['list-unsubscribe']).toMatch(/^<http:\/\/.+\/api\/v1\/notifications\/unsubscribe\?u=.+&type=mention&sig=.+>$/);
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mailsTo(benEmail)).toHaveLength(1);
  });

  it('folds more events on the same item within ten minutes into one e-mail; a person removed meanwhile gets nothing', async () => {
    smtp.mails.length = 0;
    const p = (
      await anna.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: 'Angebot prüfen @Ben Mail', mentions: [ben.id] })
    ).json();
    await t.drain();
    expect(mailsTo(benEmail)).toHaveLength(1);
    await anna.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Und das hier @Ben Mail', mentions: [ben.id] });
    await anna.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Und noch @Ben Mail', mentions: [ben.id] });
    await t.drain();
    expect(mailsTo(benEmail)).toHaveLength(1);
    await tenMinutesLater();
    const all = mailsTo(benEmail);
    expect(all).toHaveLength(2);
    expect(all[1]?.text).toContain('(3-mal)');
    expect(all[1]?.messageId).toMatch(/-3@/);

    // Another mention waits for its window; Ben leaves the group; the e-mail is built then — and not sent.
    await anna.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Letzte Frage @Ben Mail', mentions: [ben.id] });
    await t.drain();
    await ben.client.delete(`/api/v1/groups/${team.id}/members/${ben.id}`);
    await tenMinutesLater();
    expect(mailsTo(benEmail)).toHaveLength(2);
  });

  it('sends no content in privacy mode', async () => {
    smtp.mails.length = 0;
    await admin.client.patch('/api/v1/settings/company', { mailPrivacy: true });
    const marker = `VERTRAULICH-${Date.now()}`;
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: `${marker} @Ben Mail`, mentions: [ben.id] });
    await t.drain();
    const [mail] = mailsTo(benEmail);
    expect(mail?.subject).toBe('Neues für dich im Intranet von ACME GmbH');
    expect(mail?.text).toContain('eine Erwähnung');
    expect(`${mail?.subject}${mail?.text}${mail?.html}`).not.toContain(marker);
    expect(`${mail?.text}`).not.toContain('Anna');
    await admin.client.patch('/api/v1/settings/company', { mailPrivacy: false });
  });

  it('unsubscribes with one click, without login; a forged link does nothing', async () => {
    smtp.mails.length = 0;
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Hallo @Ben Mail', mentions: [ben.id] });
    await t.drain();
    const link = /^<(.+)>$/.exec(mailsTo(benEmail)[0]?.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
    const path = link.replace(/^https?:\/\/[^/]+/, '');
    expect(path).toMatch(/^\/api\/v1\/notifications\/unsubscribe\?/);
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post"');
    expect(page.body).toContain('Erwähnung');
    // Opening the link (a scanner does) unsubscribes nobody.
    expect((await ben.client.get('/api/v1/me/notification-settings')).json().types.find((x: { type: string }) => x.type === 'mention').email).toBe(
      'immediately',
    );
    const forged = await t.app.inject({
      method: 'POST',
      url: path.replace(/sig=[^&]+/, 'sig=AAAA'),
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(400);
    const done = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Erledigt');
    expect((await ben.client.get('/api/v1/me/notification-settings')).json().types.find((x: { type: string }) => x.type === 'mention')).toEqual({
      type: 'mention',
      inApp: true,
      email: 'off',
    });
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Nochmal @Ben Mail', mentions: [ben.id] });
    await t.drain();
    expect(mailsTo(benEmail)).toHaveLength(1);
    // The bell still has it.
    expect((await ben.client.get('/api/v1/notifications?unread=true')).json().items[0]).toMatchObject({ type: 'mention' });
  });

  it('keeps a mail through an SMTP outage: retries, shows it as failed after the last attempt, sends it once on retry', async () => {
    const port = smtp.port;
    await smtp.close();
    await ben.client.patch('/api/v1/me/notification-settings', { types: [{ type: 'mention', email: 'immediately' }] });
    // Down for a while: the first attempt fails; once the server is back, the next attempt delivers it, once.
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Kurzer Ausfall @Ben Mail', mentions: [ben.id] });
    await t.drain();
    smtp = await startSmtp(port);
    await tenMinutesLater();
    await tenMinutesLater();
    expect(mailsTo(benEmail).filter((m) => m.text.includes('Kurzer Ausfall'))).toHaveLength(1);
    await smtp.close();
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Ausfalltest @Ben Mail', mentions: [ben.id] });
    await t.drain();
    const pending = (await admin.client.get('/api/v1/admin/mail/deliveries?status=pending')).json().items;
    expect(pending[0]).toMatchObject({ to: benEmail, status: 'pending', attempts: 1, lastError: expect.any(String) });
    expect(Date.parse(pending[0].nextAttemptAt)).toBeGreaterThan(Date.now());
    // The last attempt fails too: the mail is shown as failed, nothing is lost.
    await t.ctx.db.db
      .updateTable('jobs')
      .set({ attempts: 7, run_at: new Date(0).toISOString() })
      .where('id', '=', pending[0].id)
      .execute();
    await t.drain();
    const failed = (await admin.client.get('/api/v1/admin/mail/deliveries?status=failed')).json().items;
    expect(failed.map((d: { id: string }) => d.id)).toEqual([pending[0].id]);
    expect(failed[0]).toMatchObject({ attempts: 8, maxAttempts: 8, failedAt: expect.any(String) });
    expect((await ben.client.get('/api/v1/admin/mail/deliveries')).statusCode).toBe(403);

    smtp = await startSmtp(port);
    smtp.mails.length = 0;
    expect((await admin.client.post(`/api/v1/admin/mail/deliveries/${failed[0].id}/retry`)).statusCode).toBe(204);
    await t.drain();
    await tenMinutesLater();
    expect(mailsTo(benEmail).map((m) => m.subject)).toEqual(['Anna Mail hat dich erwähnt · ACME GmbH']);
    expect((await admin.client.get('/api/v1/admin/mail/deliveries?status=sent')).json().items[0]).toMatchObject({ id: failed[0].id, status: 'sent' });
    // Retrying one that did not fail: 404.
    expect((await admin.client.post(`/api/v1/admin/mail/deliveries/${failed[0].id}/retry`)).statusCode).toBe(404);
  });

  it('mails chat messages still unread 15 minutes later by someone offline — one e-mail per conversation, not when read, muted or online', async () => {
    smtp.mails.length = 0;
    const conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id] })).json();
    let n = 0;
    const send = (c: Client, body: string) => c.post(`/api/v1/conversations/${conv.id}/messages`, { clientId: `mail-client-${n++}`, body });
    const first = await send(anna.client, 'Hast du kurz Zeit?');
    expect(first.statusCode, first.body).toBe(201);
    await send(anna.client, 'Es geht um **das Angebot**');
    await t.drain();
    expect(mailsTo(benEmail)).toHaveLength(0);
    // Nothing in the bell: the chat has its own badges.
    expect((await ben.client.get('/api/v1/notifications?unread=true')).json().items.some((r: { type: string }) => r.type === 'chat_message')).toBe(false);
    await tenMinutesLater();
    const [mail] = mailsTo(benEmail);
    expect(mail?.subject).toBe('Anna Mail: ungelesene Nachrichten · ACME GmbH');
    expect(mail?.text).toContain('(2-mal)');
    expect(mail?.text).toContain('> Es geht um das Angebot');
    expect(mail?.text).toContain(`${PUBLIC_URL}/chat/${conv.id}`);

    // Read in the meantime: no e-mail.
    const m3 = (await send(anna.client, 'Erledigt, danke')).json();
    await t.drain();
    await ben.client.post(`/api/v1/conversations/${conv.id}/read`, { messageId: m3.id });
    await tenMinutesLater();
    // Muted: no e-mail.
    await ben.client.patch(`/api/v1/conversations/${conv.id}/settings`, { muted: true });
    await send(anna.client, 'Noch da?');
    await tenMinutesLater();
    expect(mailsTo(benEmail)).toHaveLength(1);
    await ben.client.patch(`/api/v1/conversations/${conv.id}/settings`, { muted: false });

    // Online when the message comes and when it would be mailed: no e-mail.
    const url = await listen(t);
    const sock = await open(url, ben.client);
    try {
      await send(anna.client, 'Siehst du das?');
      await tenMinutesLater();
      expect(mailsTo(benEmail)).toHaveLength(1);
    } finally {
      sock.socket.disconnect();
    }
  });

  it('sends the daily digest at 07:00 in each person’s time zone, once, without what they may no longer see', async () => {
    const clara = await createMember(t, admin.client, { name: 'Clara Mail' });
    expect((await clara.client.patch(`/api/v1/users/${clara.id}`, { locale: 'en' })).statusCode).toBe(200);
    expect((await clara.client.patch('/api/v1/me/notification-settings', { timeZone: 'Mars/Olympus' })).json().error.message).toMatch(/^timeZone/);
    expect((await clara.client.patch('/api/v1/me/notification-settings', { timeZone: 'Europe/London' })).json().timeZone).toBe('Europe/London');
    expect((await ben.client.get('/api/v1/me/notification-settings')).json().timeZone).toBe('Europe/Berlin');
    const club = (await anna.client.post('/api/v1/groups', { name: 'Lauftreff', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${club.id}/invitations`, { userIds: [ben.id, clara.id] });
    for (const p of [ben, clara]) {
      const inv = (await p.client.get('/api/v1/me/group-invitations')).json().items[0];
      await p.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    }
    const secret = (await anna.client.post('/api/v1/groups', { name: 'Geheimprojekt', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${secret.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    await t.drain();
    await ben.client.post('/api/v1/notifications/read-all');
    await clara.client.post('/api/v1/notifications/read-all');

    const marker = `PROJEKT-${Date.now()}`;
    await anna.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: club.id }, body: 'Samstag 9 Uhr am Fluss' });
    await anna.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: secret.id }, body: `${marker} Kickoff` });
    await t.drain();
    // Ben leaves the secret project before the digest: nothing of it may reach him.
    await ben.client.delete(`/api/v1/groups/${secret.id}/members/${ben.id}`);
    smtp.mails.length = 0;

    const { runDigests } = await import('./digest.js');
    // Monday 30 Nov 2026: 05:10 UTC is 06:10 in Berlin — too early.
    expect(await runDigests(t.ctx, new Date('2026-11-30T05:10:00Z'))).toBe(0);
    // 06:10 UTC = 07:10 Berlin (Ben), 06:10 London (Clara).
    expect(await runDigests(t.ctx, new Date('2026-11-30T06:10:00Z'))).toBe(1);
    await t.drain();
    const [digest] = mailsTo(benEmail);
    expect(digest?.subject).toBe('1 Neuigkeit für dich · ACME GmbH');
    expect(digest?.text).toContain('Neue Beiträge in Lauftreff');
    expect(digest?.text).toContain('Samstag 9 Uhr am Fluss');
    expect(`${digest?.text}${digest?.html}`).not.toContain(marker);
    expect(digest?.messageId).toBe(`<digest-${ben.id}-2026-11-30@innenhof.test>`);
    // Once a day.
    expect(await runDigests(t.ctx, new Date('2026-11-30T06:50:00Z'))).toBe(0);
    // 07:10 UTC = 07:10 London.
    expect(await runDigests(t.ctx, new Date('2026-11-30T07:10:00Z'))).toBe(1);
    await t.drain();
    expect(mailsTo(clara.email).map((m) => m.subject)).toEqual(['1 new thing for you · ACME GmbH']);
    // Nothing new the next morning: no e-mail.
    expect(await runDigests(t.ctx, new Date('2026-12-01T06:10:00Z'))).toBe(0);
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string };

describe('chat messages: attachments, reactions, mentions, mute, unread, search', () => {
  let t: TestApp;
  let url: string;
  let admin: Client;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let conv: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await setupAdmin(t)).client;
    anna = await createMember(t, admin, { name: 'Anna Nachricht' });
    ben = await createMember(t, admin, { name: 'Ben Nachricht' });
    clara = await createMember(t, admin, { name: 'Clara Nachricht' });
    url = await listen(t);
    conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id] })).json();
  });
  afterAll(async () => {
    await t.close();
  });

  let n = 0;
  const clientId = () => `msg-${Date.now()}-${n++}`;
  const send = (c: Client, id: string, body: string, extra: Record<string, unknown> = {}) =>
    c.post(`/api/v1/conversations/${id}/messages`, { clientId: clientId(), body, ...extra });

  it('sends an image inline with a thumbnail and a file as a download, to members only', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const up = await anna.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, { filename: 'büro.png', contentType: 'image/png', data: png });
    expect(up.statusCode, up.body).toBe(201);
    const image = up.json();
    expect(image).toMatchObject({ kind: 'image', name: 'büro.png', mime: 'image/webp', size: png.length, width: 1200, height: 800 });
    expect(image.thumbnailUrl).toMatch(/\/small$/);

    const pdf = Buffer.from('%PDF-1.4\n<script>alert(1)</script>\n');
    const file = (
      await anna.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, {
        filename: 'Angebot für Kunden.pdf',
        contentType: 'application/pdf',
        data: pdf,
      })
    ).json();
    expect(file).toMatchObject({ kind: 'file', mime: 'application/pdf', size: pdf.length, thumbnailUrl: null });

    // Not sent yet: only the uploader sees it.
    expect((await ben.client.get(image.thumbnailUrl)).statusCode).toBe(404);
    // Text may be empty when files go with the message; but not both.
    expect(codeOf(await send(anna.client, conv.id, '   '))).toBe('validation_failed');
    const benSock = await open(url, ben.client);
    const sent = await send(anna.client, conv.id, '', { attachmentIds: [image.id, file.id] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().attachments.map((a: { id: string }) => a.id)).toEqual([image.id, file.id]);
    await t.drain();
    await until(() => benSock.events.some((e) => e.type === 'message.created'));
    const pushed = benSock.events.find((e) => e.type === 'message.created');
    expect((pushed?.data as { attachments: unknown[] } | undefined)?.attachments).toHaveLength(2);

    const thumb = await ben.client.get(image.thumbnailUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(480);
    const dl = await ben.client.get(file.url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="Angebot f_r Kunden.pdf"; filename\*=UTF-8''Angebot%20f%C3%BCr%20Kunden\.pdf$/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(pdf)).toBe(true);

    // Outsiders get 404, also through the generic file route.
    expect((await clara.client.get(image.url)).statusCode).toBe(404);
    expect((await clara.client.get(file.url)).statusCode).toBe(404);
    const fileId = (await t.ctx.db.db.selectFrom('message_attachments').select('file_id').where('id', '=', image.id).executeTakeFirstOrThrow()).file_id;
    expect((await clara.client.get(`/api/v1/files/${fileId}/small`)).statusCode).toBe(404);
    // An attachment goes with one message only.
    expect(codeOf(await send(anna.client, conv.id, 'noch mal', { attachmentIds: [image.id] }))).toBe('validation_failed');
    // Deleting the message takes its files away.
    expect((await anna.client.delete(`/api/v1/conversations/${conv.id}/messages/${sent.json().id}`)).statusCode).toBe(204);
    expect((await ben.client.get(image.thumbnailUrl)).statusCode).toBe(404);
    benSock.socket.close();
  });

  it('refuses a file over the admin limit with 413 and keeps the conversation as it was', async () => {
    expect((await admin.patch('/api/v1/settings/company', { chatAttachmentMaxMb: 1 })).json().chatAttachmentMaxMb).toBe(1);
    expect(codeOf(await admin.patch('/api/v1/settings/company', { chatAttachmentMaxMb: 0 }))).toBe('validation_failed');
    const big = Buffer.alloc(1024 * 1024 + 10, 7);
    const res = await ben.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, {
      filename: 'gross.bin',
      contentType: 'application/octet-stream',
      data: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: 'file: larger than 1 MB' });
    const fine = await ben.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, {
      filename: 'klein.bin',
      contentType: 'application/octet-stream',
      data: big.subarray(0, 1000),
    });
    expect(fine.statusCode).toBe(201);
    const kept = (
      await ben.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, {
        filename: 'bleibt.txt',
        contentType: 'text/plain',
        data: Buffer.from('hallo'),
      })
    ).json();
    expect((await send(ben.client, conv.id, 'Datei', { attachmentIds: [kept.id] })).statusCode).toBe(201);
    // An upload never sent is gone after a day (the jobs are made due now); a sent one stays.
    expect((await ben.client.get(fine.json().url)).statusCode).toBe(200);
    await t.ctx.db.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('kind', '=', 'chat.unsent_attachment')
      .execute();
    await t.drain();
    expect((await ben.client.get(fine.json().url)).statusCode).toBe(404);
    expect((await anna.client.get(kept.url)).statusCode).toBe(200);
    expect(
      (await clara.client.upload('POST', `/api/v1/conversations/${conv.id}/attachments`, { filename: 'x.bin', data: big.subarray(0, 10) })).statusCode,
    ).toBe(404);
    await admin.patch('/api/v1/settings/company', { chatAttachmentMaxMb: 25 });
  });

  it('reacts (one reaction per person, replaceable), live for the others', async () => {
    const m = (await send(ben.client, conv.id, 'Mittagessen um 12?')).json();
    const benSock = await open(url, ben.client);
    const r1 = await anna.client.put(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`, { emoji: '👍' });
    expect(r1.json().reactions).toEqual([{ emoji: '👍', count: 1, userIds: [anna.id] }]);
    await ben.client.put(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`, { emoji: '👍' });
    const r2 = await anna.client.put(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`, { emoji: '❤️' });
    expect(r2.json().reactions).toEqual([
      { emoji: '👍', count: 1, userIds: [ben.id] },
      { emoji: '❤️', count: 1, userIds: [anna.id] },
    ]);
    await t.drain();
    await until(() => benSock.events.filter((e) => e.type === 'message.updated').length >= 3);
    const last = benSock.events.filter((e) => e.type === 'message.updated').at(-1)?.data as { reactions: unknown[] };
    expect(last.reactions).toHaveLength(2);
    const off = await anna.client.delete(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`);
    expect(off.json().reactions).toEqual([{ emoji: '👍', count: 1, userIds: [ben.id] }]);
    const bad = await anna.client.put(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`, { emoji: 'lol' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'emoji' });
    expect((await clara.client.put(`/api/v1/conversations/${conv.id}/messages/${m.id}/reaction`, { emoji: '👍' })).statusCode).toBe(404);
    benSock.socket.close();
  });

  it('mentions members by id and refuses anyone else', async () => {
    const ok = await send(anna.client, conv.id, '@Ben Nachricht schau mal', { mentions: [ben.id] });
    expect(ok.json().mentions).toEqual([{ id: ben.id, name: 'Ben Nachricht' }]);
    const bad = await send(anna.client, conv.id, '@Clara', { mentions: [clara.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^mentions\.0/);
  });

  it('counts unread, points at the first unread, mutes, marks unread, and searches within a conversation', async () => {
    const c = (await clara.client.post('/api/v1/conversations', { userIds: [ben.id] })).json();
    const first = (await send(clara.client, c.id, 'Erste 100% Nachricht')).json();
    await send(clara.client, c.id, 'Zweite Nachricht über Budget');
    await send(clara.client, c.id, 'dritte: BUDGET final');
    const view = (await ben.client.get(`/api/v1/conversations/${c.id}`)).json();
    expect(view).toMatchObject({ unreadCount: 3, firstUnreadId: first.id, muted: false, markedUnread: false });
    const before = (await ben.client.get('/api/v1/conversations/unread')).json();
    expect(before.messages).toBeGreaterThanOrEqual(3);

    // Muted: left out of the total.
    const muted = await ben.client.put(`/api/v1/conversations/${c.id}/settings`, { muted: true });
    expect(muted.json().muted).toBe(true);
    const during = (await ben.client.get('/api/v1/conversations/unread')).json();
    expect(during.messages).toBe(before.messages - 3);
    expect(during.conversations).toBe(before.conversations - 1);
    await ben.client.put(`/api/v1/conversations/${c.id}/settings`, { muted: false });

    // Read, then marked unread: counted as an unread conversation until read again.
    const last = (await ben.client.get(`/api/v1/conversations/${c.id}/messages?limit=1`)).json().items[0];
    await ben.client.post(`/api/v1/conversations/${c.id}/read`, { messageId: last.id });
    expect((await ben.client.get(`/api/v1/conversations/${c.id}`)).json()).toMatchObject({ unreadCount: 0, firstUnreadId: null });
    const marked = (await ben.client.put(`/api/v1/conversations/${c.id}/settings`, { markedUnread: true })).json();
    expect(marked.markedUnread).toBe(true);
    expect((await ben.client.get('/api/v1/conversations/unread')).json().conversations).toBe(before.conversations);
    await ben.client.post(`/api/v1/conversations/${c.id}/read`, { messageId: last.id });
    expect((await ben.client.get(`/api/v1/conversations/${c.id}`)).json().markedUnread).toBe(false);
    expect(codeOf(await ben.client.put(`/api/v1/conversations/${c.id}/settings`, { muted: 'ja' }))).toBe('validation_failed');

    // Search: case-insensitive, literal (a % is a percent sign), members only.
    const hits = (await ben.client.get(`/api/v1/conversations/${c.id}/messages?q=budget`)).json().items.map((m: { body: string }) => m.body);
    expect(hits).toEqual(['dritte: BUDGET final', 'Zweite Nachricht über Budget']);
    const pct = (await ben.client.get(`/api/v1/conversations/${c.id}/messages?q=${encodeURIComponent('100%')}`)).json().items;
    expect(pct.map((m: { body: string }) => m.body)).toEqual(['Erste 100% Nachricht']);
    expect((await ben.client.get(`/api/v1/conversations/${c.id}/messages?q=${encodeURIComponent('%')}`)).json().items).toHaveLength(1);
    expect((await anna.client.get(`/api/v1/conversations/${c.id}/messages?q=budget`)).statusCode).toBe(404);
  });
});

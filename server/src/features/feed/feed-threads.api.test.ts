import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string };

describe('feed: comment pages, who reacted, reminders, post attachments', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let team: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    anna = await createMember(t, admin.client, { name: 'Anna Thread' });
    ben = await createMember(t, admin.client, { name: 'Ben Thread' });
    clara = await createMember(t, admin.client, { name: 'Clara Thread' });
    team = (await anna.client.post('/api/v1/groups', { name: 'Team Süd', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages comments backwards from the newest with an exact "more" count; a deleted comment with replies stays listed', async () => {
    const p = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Umfrage: Kantine?' })).json();
    const ids: string[] = [];
    for (let i = 1; i <= 25; i++) ids.push((await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: `Kommentar ${i}` })).json().id);
    await anna.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Antwort', parentId: ids[0] });
    // Deleted without replies: gone from the list and the count; deleted with a reply: listed as deleted.
    await ben.client.delete(`/api/v1/posts/${p.id}/comments/${ids[1]}`);
    await ben.client.delete(`/api/v1/posts/${p.id}/comments/${ids[0]}`);

    const card = (await clara.client.get(`/api/v1/posts/${p.id}`)).json();
    expect(card.commentCount).toBe(24); // 23 standing comments + 1 reply
    expect(card.topLevelCommentCount).toBe(24); // 23 standing + the deleted one above the reply
    expect(card.latestComments.map((c: { body: string }) => c.body)).toEqual(['Kommentar 24', 'Kommentar 25']);

    const seen: Array<{ body: string; deletedAt: string | null }> = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await clara.client.get(`/api/v1/posts/${p.id}/comments?order=newest&limit=10${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(card.topLevelCommentCount);
    expect(seen[0]?.body).toBe('Kommentar 25');
    expect(seen.at(-1)).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect(seen.map((c) => c.body)).not.toContain('Kommentar 2');
    // Oldest first is the default; a bad cursor or order is a 400 naming the field.
    expect((await clara.client.get(`/api/v1/posts/${p.id}/comments?limit=2`)).json().items[0].deletedAt).not.toBeNull();
    expect((await clara.client.get(`/api/v1/posts/${p.id}/comments?cursor=kaputt`)).json().error.message).toMatch(/^cursor/);
    expect((await clara.client.get(`/api/v1/posts/${p.id}/comments?order=sideways`)).json().error.details.fields[0].field).toBe('order');
    expect((await new Client(t.app).get(`/api/v1/posts/${p.id}/comments`)).statusCode).toBe(401);
  });

  it('a double click on two reactions at once leaves one reaction, never an error', async () => {
    const p = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Schnell geklickt' })).json();
    const kinds = ['like', 'love', 'haha', 'wow', 'sad', 'angry'];
    const answers = await Promise.all(kinds.map((kind) => ben.client.put(`/api/v1/posts/${p.id}/reaction`, { kind })));
    expect(answers.map((r) => r.statusCode)).toEqual(kinds.map(() => 200));
    const after = (await ben.client.get(`/api/v1/posts/${p.id}`)).json();
    expect(after.reactions.total).toBe(1);
    expect(kinds).toContain(after.reactions.mine);
  });

  it('lists who reacted a page at a time, newest first, per reaction or all', async () => {
    const p = (await admin.client.post('/api/v1/posts', { audience: { kind: 'company' }, body: 'Sommerfest!' })).json();
    const people = [anna, ben, clara];
    for (let i = 0; i < 4; i++) people.push(await createMember(t, admin.client, { name: `Fan ${i}` }));
    for (const [i, person] of people.entries()) {
      const res = await person.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: i % 2 ? 'love' : 'like' });
      expect(res.statusCode).toBe(200);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await anna.client.get(`/api/v1/posts/${p.id}/reactions?limit=3${q}`)).json();
      names.push(...page.items.map((r: { user: { name: string } }) => r.user.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(names).toHaveLength(7);
    expect(new Set(names).size).toBe(7);
    expect(names[0]).toBe('Fan 3');
    const loves = (await anna.client.get(`/api/v1/posts/${p.id}/reactions?kind=love`)).json();
    expect(loves.items.map((r: { kind: string }) => r.kind)).toEqual(['love', 'love', 'love']);
    expect(loves.nextCursor).toBeNull();
    expect(codeOf(await anna.client.get(`/api/v1/posts/${p.id}/reactions?limit=500`))).toBe('validation_failed');
  });

  it('reminds the readers who have not confirmed, live, at most once an hour; only those who may see the list may remind', async () => {
    const url = await listen(t);
    const a = (
      await anna.client.post('/api/v1/posts', {
        audience: { kind: 'group', groupId: team.id },
        body: 'Bitte lesen: neue Schichtpläne',
        announcement: { requiresConfirmation: true },
      })
    ).json();
    expect(a.announcement).toMatchObject({ requiresConfirmation: true });
    const benSocket = await open(url, ben.client);
    const claraSocket = await open(url, clara.client);
    try {
      expect(codeOf(await ben.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`))).toBe('forbidden');
      expect(codeOf(await clara.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`))).toBe('not_found');
      const first = await anna.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ reminded: 1, remindedAt: expect.any(String) });
      await t.drain();
      await until(() => benSocket.events.some((e) => e.type === 'announcement.reminded' && e.subjectId === a.id));
      // The event is an invalidation: no content, and nothing reaches people outside the group.
      expect(JSON.stringify(benSocket.events)).not.toContain('Schichtpläne');
      expect(claraSocket.events.some((e) => e.type === 'announcement.reminded')).toBe(false);
      const list = (await anna.client.get(`/api/v1/posts/${a.id}/confirmations`)).json();
      expect(list.remindedAt).toBe(first.json().remindedAt);
      expect(list.pending.map((x: { user: { name: string } }) => x.user.name)).toEqual(['Ben Thread']);

      const again = await anna.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`);
      expect(again.statusCode).toBe(429);
      expect(codeOf(again)).toBe('rate_limited');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(3500);
      // An hour later, once Ben confirmed, nobody is left to remind.
      await ben.client.post(`/api/v1/posts/${a.id}/confirmations`);
      await t.ctx.db.db
        .updateTable('posts')
        .set({ reminded_at: new Date(Date.now() - 3_601_000).toISOString() })
        .where('id', '=', a.id)
        .execute();
      expect((await anna.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`)).json().reminded).toBe(0);
      const plain = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Kein Aufruf' })).json();
      expect(codeOf(await anna.client.post(`/api/v1/posts/${plain.id}/confirmations/reminders`))).toBe('conflict');
    } finally {
      benSocket.socket.disconnect();
      claraSocket.socket.disconnect();
    }
  });

  it('attaches images and files to posts under their own size limit, visible only to the audience', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    expect((await admin.client.patch('/api/v1/settings/company', { postAttachmentMaxMb: 1 })).json()).toMatchObject({
      postAttachmentMaxMb: 1,
      chatAttachmentMaxMb: 25,
    });
    expect(codeOf(await admin.client.patch('/api/v1/settings/company', { postAttachmentMaxMb: 0 }))).toBe('validation_failed');
    const big = await ben.client.upload('POST', '/api/v1/posts/attachments', {
      filename: 'gross.bin',
      contentType: 'application/octet-stream',
      data: Buffer.alloc(1024 * 1024 + 10, 1),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('file: larger than 1 MB');
    const image = (await ben.client.upload('POST', '/api/v1/posts/attachments', { filename: 'plan.png', contentType: 'image/png', data: png })).json();
    const doc = (
      await ben.client.upload('POST', '/api/v1/posts/attachments', { filename: 'plan.txt', contentType: 'text/plain', data: Buffer.from('Schicht A') })
    ).json();
    expect(image).toMatchObject({ kind: 'image' });
    // Someone else's upload cannot be attached.
    expect((await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'x', attachmentIds: [image.id] })).statusCode).toBe(400);
    const p = await ben.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: 'Pläne', attachmentIds: [image.id, doc.id] });
    expect(p.statusCode, p.body).toBe(201);
    const [img, file] = p.json().attachments;
    expect((await anna.client.get(img.url)).headers['content-type']).toBe('image/webp');
    const got = await anna.client.get(file.url);
    expect(got.body).toBe('Schicht A');
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await clara.client.get(img.url)).statusCode).toBe(404);
    expect((await clara.client.get(file.url)).statusCode).toBe(404);
    await admin.client.patch('/api/v1/settings/company', { postAttachmentMaxMb: 25 });
  });
});

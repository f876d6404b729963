import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, countQueries, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string };

describe('news feed', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let openGroup: { id: string };
  let privateGroup: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    anna = await createMember(t, admin.client, { name: 'Anna Feed' });
    ben = await createMember(t, admin.client, { name: 'Ben Feed' });
    clara = await createMember(t, admin.client, { name: 'Clara Feed' });
    openGroup = (await anna.client.post('/api/v1/groups', { name: 'Kantine', visibility: 'public', joinPolicy: 'open' })).json();
    privateGroup = (await anna.client.post('/api/v1/groups', { name: 'Vertrieb Nord', visibility: 'private', joinPolicy: 'invite' })).json();
    await ben.client.post(`/api/v1/groups/${openGroup.id}/members`);
    await anna.client.post(`/api/v1/groups/${privateGroup.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (p: Person, body: Record<string, unknown>) => p.client.post('/api/v1/posts', body);

  it('posts to a profile, a group or (admins) the whole company, and refuses anything else', async () => {
    expect((await new Client(t.app).post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'x' })).statusCode).toBe(401);
    const mine = await post(anna, { audience: { kind: 'profile' }, body: 'Guten Morgen **alle** #montag' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ audience: { kind: 'profile', group: null }, hashtags: ['montag'], author: { name: 'Anna Feed' } });
    expect(mine.json().abilities).toMatchObject({ edit: true, delete: true, comment: true, share: true, report: false });

    const inGroup = (await post(ben, { audience: { kind: 'group', groupId: privateGroup.id }, body: 'Nur für Vertrieb' })).json();
    expect(inGroup.audience).toMatchObject({ kind: 'group', group: { id: privateGroup.id, name: 'Vertrieb Nord', visibility: 'private' } });
    expect(inGroup.abilities.share).toBe(false);

    // Not a member: the group does not exist for the poster.
    const outsider = await post(clara, { audience: { kind: 'group', groupId: privateGroup.id }, body: 'Hallo?' });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.message).toMatch(/^audience\.groupId/);
    expect((await post(anna, { audience: { kind: 'company' }, body: 'Betriebsversammlung' })).statusCode).toBe(403);
    expect((await post(admin, { audience: { kind: 'company' }, body: 'Betriebsversammlung am Freitag' })).statusCode).toBe(201);
    // There is no public audience.
    expect(codeOf(await post(anna, { audience: { kind: 'public' }, body: 'x' }))).toBe('validation_failed');
    expect(codeOf(await post(anna, { audience: { kind: 'profile' }, body: '  ' }))).toBe('validation_failed');
    const long = await post(anna, { audience: { kind: 'profile' }, body: 'x'.repeat(20_001) });
    expect(long.json().error.details.fields[0]).toMatchObject({ field: 'body', keyword: 'maxLength' });
  });

  it('shows each reader exactly the posts they may see, in every list and on every page (leak sweep)', async () => {
    const marker = `GEHEIM-${Date.now()}`;
    const secret = (
      await post(ben, { audience: { kind: 'group', groupId: privateGroup.id }, body: `Umsatz ${marker} #${marker.toLowerCase().replace('-', '')}` })
    ).json();
    await ben.client.post(`/api/v1/posts/${secret.id}/comments`, { body: `Kommentar ${marker}` });
    const tag = marker.toLowerCase().replace('-', '');
    const endpoints = [
      '/api/v1/feed',
      `/api/v1/posts/${secret.id}`,
      `/api/v1/posts/${secret.id}/comments`,
      `/api/v1/posts/${secret.id}/reactions`,
      `/api/v1/posts/${secret.id}/versions`,
      `/api/v1/groups/${privateGroup.id}/posts`,
      `/api/v1/users/${ben.id}/posts`,
      `/api/v1/hashtags/${tag}/posts`,
      '/api/v1/me/saved-posts',
    ];
    for (const url of endpoints) {
      const res = await clara.client.get(url);
      expect(res.body, url).not.toContain(marker);
    }
    expect((await clara.client.get(`/api/v1/posts/${secret.id}`)).statusCode).toBe(404);
    expect((await clara.client.post(`/api/v1/posts/${secret.id}/comments`, { body: 'x' })).statusCode).toBe(404);
    expect((await clara.client.put(`/api/v1/posts/${secret.id}/reaction`, { kind: 'like' })).statusCode).toBe(404);
    expect((await clara.client.put(`/api/v1/posts/${secret.id}/saved`)).statusCode).toBe(404);
    // Sharing it is refused even to a member, and anyone else cannot share what they cannot see.
    expect((await post(ben, { audience: { kind: 'profile' }, body: '', sharedPostId: secret.id })).statusCode).toBe(403);
    expect(codeOf(await post(clara, { audience: { kind: 'profile' }, body: '', sharedPostId: secret.id }))).toBe('validation_failed');
    // Members see it everywhere it belongs.
    for (const url of [`/api/v1/posts/${secret.id}`, '/api/v1/feed', `/api/v1/groups/${privateGroup.id}/posts`, `/api/v1/hashtags/${tag}/posts`]) {
      expect((await anna.client.get(url)).body, url).toContain(marker);
    }
    // A mention of someone who cannot see the post is refused.
    const m = await post(ben, { audience: { kind: 'group', groupId: privateGroup.id }, body: '@Clara', mentions: [clara.id] });
    expect(m.statusCode).toBe(400);
    expect(m.json().error.message).toMatch(/^mentions\.0: cannot see this post/);
  });

  it('assembles a feed page with a fixed number of queries, whatever it holds', async () => {
    const g = (await anna.client.post('/api/v1/groups', { name: `Zähler ${Date.now()}`, visibility: 'public', joinPolicy: 'open' })).json();
    const count = () => countQueries(t, () => anna.client.get(`/api/v1/groups/${g.id}/posts?limit=20`));
    const seed = async (k: number) => {
      for (let i = 0; i < k; i++) {
        const p = (await post(anna, { audience: { kind: 'group', groupId: g.id }, body: `Beitrag ${i} #zaehlen @Ben`, mentions: [ben.id] })).json();
        await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: `Antwort ${i}` });
        await ben.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'love' });
      }
    };
    await seed(2);
    const few = await count();
    await seed(8);
    const many = await count();
    expect(few).toBeGreaterThan(5);
    expect(many).toBe(few);
    expect(many).toBeLessThan(30);
  });

  it('comments with one level of replies, reacts, edits with a version history, deletes everywhere at once', async () => {
    const p = (await post(anna, { audience: { kind: 'group', groupId: openGroup.id }, body: 'Mittag um 12? #mittag' })).json();
    const url = await listen(t);
    const sock = await open(url, ben.client);
    const c1 = (await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Ja!' })).json();
    const reply = (await anna.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Super', parentId: c1.id })).json();
    expect(reply.parentId).toBe(c1.id);
    // A reply to a reply stays in the same thread.
    const deeper = (await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Bis gleich', parentId: reply.id })).json();
    expect(deeper.parentId).toBe(c1.id);
    await t.drain();
    await until(() => sock.events.some((e) => e.type === 'comment.created' && e.subjectId === p.id));
    expect(Object.keys(sock.events.find((e) => e.type === 'comment.created') ?? {}).sort()).toEqual(['id', 'subjectId', 'type']);

    expect((await clara.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'haha' })).json().reactions).toEqual({
      total: 1,
      counts: [{ kind: 'haha', count: 1 }],
      mine: 'haha',
    });
    await ben.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'like' });
    const changed = (await clara.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'like' })).json();
    expect(changed.reactions).toMatchObject({ total: 2, counts: [{ kind: 'like', count: 2 }], mine: 'like' });
    expect(codeOf(await clara.client.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'meh' }))).toBe('validation_failed');
    const who = (await anna.client.get(`/api/v1/posts/${p.id}/reactions?kind=like`)).json().items;
    expect(who.map((r: { user: { name: string } }) => r.user.name).sort()).toEqual(['Ben Feed', 'Clara Feed']);
    await anna.client.put(`/api/v1/posts/${p.id}/comments/${c1.id}/reaction`, { kind: 'love' });

    const page = (await clara.client.get(`/api/v1/posts/${p.id}`)).json();
    expect(page.commentCount).toBe(3);
    expect(page.latestComments.map((c: { body: string }) => c.body)).toEqual(['Ja!']);
    expect(page.latestComments[0]).toMatchObject({ replyCount: 2, reactions: { total: 1, mine: null } });
    const replies = (await clara.client.get(`/api/v1/posts/${p.id}/comments?parentId=${c1.id}`)).json().items;
    expect(replies.map((c: { body: string }) => c.body)).toEqual(['Super', 'Bis gleich']);

    // Edit: marked, with the earlier text in the history; only the author edits.
    expect((await ben.client.patch(`/api/v1/posts/${p.id}`, { body: 'Hack' })).statusCode).toBe(403);
    const edited = (await anna.client.patch(`/api/v1/posts/${p.id}`, { body: 'Mittag um 12:30? #mittag #kantine' })).json();
    expect(edited).toMatchObject({ editedAt: expect.any(String), hashtags: ['kantine', 'mittag'] });
    expect((await clara.client.get(`/api/v1/posts/${p.id}/versions`)).json().items.map((v: { body: string }) => v.body)).toEqual(['Mittag um 12? #mittag']);
    // Comments off: nobody comments any more.
    await anna.client.patch(`/api/v1/posts/${p.id}`, { commentsDisabled: true });
    expect((await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Noch was' })).statusCode).toBe(403);

    // Shared by Clara: the share shows the original; deleting the original empties it everywhere.
    const share = (await post(clara, { audience: { kind: 'profile' }, body: 'Wer kommt mit?', sharedPostId: p.id })).json();
    expect(share.shared).toMatchObject({ id: p.id, body: 'Mittag um 12:30? #mittag #kantine' });
    expect((await clara.client.get('/api/v1/hashtags/mittag/posts')).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await clara.client.delete(`/api/v1/posts/${p.id}`)).statusCode).toBe(403);
    expect((await anna.client.delete(`/api/v1/posts/${p.id}`)).statusCode).toBe(204);
    expect((await clara.client.get(`/api/v1/posts/${p.id}`)).statusCode).toBe(404);
    expect((await clara.client.get('/api/v1/hashtags/mittag/posts')).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await clara.client.get(`/api/v1/groups/${openGroup.id}/posts`)).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await clara.client.get(`/api/v1/posts/${share.id}`)).json().shared).toBe('unavailable');
    sock.socket.close();
  });

  it('builds the home feed from my groups, people and hashtags I follow, and announcements; keyset pages; pins and saves', async () => {
    const d = await createMember(t, admin.client, { name: 'Dora Feed' });
    const before = (await d.client.get('/api/v1/feed')).json().items.map((p: { id: string }) => p.id);
    const annaPost = (await post(anna, { audience: { kind: 'profile' }, body: 'Von Anna' })).json();
    const tagged = (await post(ben, { audience: { kind: 'profile' }, body: 'Etwas über #sicherheit' })).json();
    expect((await d.client.get('/api/v1/feed')).json().items.map((p: { id: string }) => p.id)).not.toContain(annaPost.id);
    expect((await d.client.put(`/api/v1/users/${anna.id}/follow`)).statusCode).toBe(204);
    expect((await d.client.get('/api/v1/hashtags/sicherheit')).json()).toEqual({ tag: 'sicherheit', postCount: 1, following: false });
    await d.client.put('/api/v1/hashtags/Sicherheit/follow');
    expect((await d.client.get('/api/v1/hashtags/Sicherheit')).json()).toEqual({ tag: 'sicherheit', postCount: 1, following: true });
    const home = (await d.client.get('/api/v1/feed')).json().items.map((p: { id: string }) => p.id);
    expect(home).toEqual(expect.arrayContaining([annaPost.id, tagged.id, ...before]));
    await d.client.delete(`/api/v1/users/${anna.id}/follow`);
    expect((await d.client.get('/api/v1/feed')).json().items.map((p: { id: string }) => p.id)).not.toContain(annaPost.id);

    // Keyset pages: no duplicates, nothing missing, newest first.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await anna.client.get(`/api/v1/feed?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items.map((p: { id: string }) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort().reverse()).toEqual(all);

    // Save for later.
    await d.client.put(`/api/v1/posts/${tagged.id}/saved`);
    expect((await d.client.get('/api/v1/me/saved-posts')).json().items.map((p: { id: string; saved: boolean }) => [p.id, p.saved])).toEqual([
      [tagged.id, true],
    ]);

    // Pins: up to 3 per group, by moderators.
    const g = (await anna.client.post('/api/v1/groups', { name: `Pins ${Date.now()}`, visibility: 'public', joinPolicy: 'open' })).json();
    await ben.client.post(`/api/v1/groups/${g.id}/members`);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await post(ben, { audience: { kind: 'group', groupId: g.id }, body: `Pin ${i}` })).json().id);
    expect((await ben.client.patch(`/api/v1/posts/${ids[0]}`, { pinned: true })).statusCode).toBe(403);
    for (const id of ids.slice(0, 3)) expect((await anna.client.patch(`/api/v1/posts/${id}`, { pinned: true })).statusCode).toBe(200);
    expect(codeOf(await anna.client.patch(`/api/v1/posts/${ids[3]}`, { pinned: true }))).toBe('conflict');
    const groupFeed = (await ben.client.get(`/api/v1/groups/${g.id}/posts`)).json();
    expect(groupFeed.pinned.map((p: { id: string }) => p.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(groupFeed.items.map((p: { id: string }) => p.id)).toEqual([ids[3]]);
  });

  it('asks for read confirmation on announcements and shows the author who confirmed', async () => {
    const a = (
      await post(admin, {
        audience: { kind: 'company' },
        body: 'Neue Reisekostenrichtlinie',
        announcement: { requiresConfirmation: true, featuredUntil: new Date(Date.now() + 86400_000).toISOString() },
      })
    ).json();
    expect(a.announcement).toMatchObject({ requiresConfirmation: true, confirmed: false, confirmedCount: 0 });
    expect((await ben.client.get('/api/v1/feed')).json().pinned.map((p: { id: string }) => p.id)).toContain(a.id);
    expect(a.abilities.confirm).toBe(false);
    expect((await admin.client.post(`/api/v1/posts/${a.id}/confirmations`)).statusCode).toBe(403);
    expect((await ben.client.get(`/api/v1/posts/${a.id}`)).json().abilities.confirm).toBe(true);
    const confirmed = (await ben.client.post(`/api/v1/posts/${a.id}/confirmations`)).json();
    expect(confirmed.announcement).toMatchObject({ confirmed: true, confirmedCount: 1 });
    expect((await ben.client.post(`/api/v1/posts/${a.id}/confirmations`)).json().announcement.confirmedCount).toBe(1);
    expect((await ben.client.get(`/api/v1/posts/${a.id}/confirmations`)).statusCode).toBe(403);
    const list = (await admin.client.get(`/api/v1/posts/${a.id}/confirmations`)).json();
    expect(list.confirmed.map((c: { user: { name: string } }) => c.user.name)).toEqual(['Ben Feed']);
    expect(list.pending.map((c: { user: { name: string } }) => c.user.name)).toEqual(expect.arrayContaining(['Anna Feed', 'Clara Feed']));
    // Only admins or a group's moderators announce; a profile post is no announcement.
    expect((await post(ben, { audience: { kind: 'group', groupId: openGroup.id }, body: 'x', announcement: { requiresConfirmation: true } })).statusCode).toBe(
      403,
    );
    expect(codeOf(await post(anna, { audience: { kind: 'profile' }, body: 'x', announcement: { requiresConfirmation: false } }))).toBe('validation_failed');
  });
  it('builds the same home feed per source as in one pass (someone following very much), page by page', async () => {
    const at = new Date().toISOString();
    await t.ctx.db.db
      .insertInto('follows')
      .values([
        { follower_id: ben.id, target_type: 'user', target: clara.id, created_at: at },
        { follower_id: ben.id, target_type: 'hashtag', target: 'montag', created_at: at },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    await post(clara, { audience: { kind: 'profile' }, body: 'Von Clara' });
    await post(anna, { audience: { kind: 'group', groupId: openGroup.id }, body: 'In der Kantine #montag' });
    await post(ben, { audience: { kind: 'group', groupId: privateGroup.id }, body: 'Von Ben im Vertrieb' });
    const pages = async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await ben.client.get(`/api/v1/feed?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        ids.push(...page.items.map((p: { id: string }) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const perSource = await pages();
    expect(perSource.length).toBeGreaterThan(6);
    expect([...perSource].sort().reverse()).toEqual(perSource);
    // 151 more followed hashtags (nobody uses them): beyond 150 sources the feed is filtered in one pass.
    const many = Array.from({ length: 151 }, (_, i) => ({ follower_id: ben.id, target_type: 'hashtag' as const, target: `selten${i}`, created_at: at }));
    await t.ctx.db.db.insertInto('follows').values(many).execute();
    try {
      expect(await pages()).toEqual(perSource);
    } finally {
      await t.ctx.db.db.deleteFrom('follows').where('follower_id', '=', ben.id).where('target', 'like', 'selten%').execute();
    }
  });
});

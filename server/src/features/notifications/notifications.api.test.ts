import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string };
type Row = {
  type: string;
  actors: Array<{ name: string }>;
  actorCount: number;
  count: number;
  read: boolean;
  target: { url: string };
  excerpt: string | null;
  group: { name: string } | null;
  detail: string | null;
  id: string;
};

describe('notifications', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let dora: Person;
  let team: { id: string };

  const bell = async (p: Person): Promise<Row[]> => {
    await t.drain();
    const res = await p.client.get('/api/v1/notifications');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const unread = async (p: Person): Promise<number> => (await p.client.get('/api/v1/notifications/unread-count')).json().unread;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    anna = await createMember(t, admin.client, { name: 'Anna Bell' });
    ben = await createMember(t, admin.client, { name: 'Ben Bell' });
    clara = await createMember(t, admin.client, { name: 'Clara Bell' });
    dora = await createMember(t, admin.client, { name: 'Dora Bell' });
    team = (await anna.client.post('/api/v1/groups', { name: 'Vertrieb Nord', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: [ben.id, clara.id] });
    for (const p of [ben, clara]) {
      const inv = (await p.client.get('/api/v1/me/group-invitations')).json().items[0];
      await p.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the invited, the mentioned and the author; groups many events into one row; counts unread; live', async () => {
    expect((await new Client(t.app).get('/api/v1/notifications')).statusCode).toBe(401);
    // An open invitation (those accepted before the bell was built tell nothing any more).
    await anna.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: [dora.id] });
    expect((await bell(dora)).find((r) => r.type === 'group_invitation')).toMatchObject({
      actors: [{ name: 'Anna Bell' }],
      group: { name: 'Vertrieb Nord' },
      target: { url: `/groups/${team.id}` },
    });
    expect((await bell(ben)).some((r) => r.type === 'group_invitation')).toBe(false);

    const url = await listen(t);
    const sock = await open(url, ben.client);
    try {
      await ben.client.post('/api/v1/notifications/read-all');
      expect(await unread(ben)).toBe(0);
      const p = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Danke @Ben Bell für die Hilfe!', mentions: [ben.id] })).json();
      await t.drain();
      await until(() => sock.events.some((e) => e.type === 'notifications.changed'));
      expect(JSON.stringify(sock.events.filter((e) => e.type === 'notifications.changed'))).not.toContain('Hilfe');
      expect(await unread(ben)).toBe(1);
      const [mention] = await bell(ben);
      expect(mention).toMatchObject({ type: 'mention', detail: 'post', actors: [{ name: 'Anna Bell' }], read: false, target: { url: `/posts/${p.id}` } });
      expect(mention?.excerpt).toBe('Danke @Ben Bell für die Hilfe!');

      // Three colleagues comment on Ben's post: one row, "Anna and 2 others".
      const own = (await ben.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Wer kommt mit zum Mittagessen?' })).json();
      for (const who of [clara, dora, anna]) await who.client.post(`/api/v1/posts/${own.id}/comments`, { body: `Ich! (${who.id.slice(-4)})` });
      const rows = await bell(ben);
      const comments = rows.filter((r) => r.type === 'comment');
      expect(comments).toHaveLength(1);
      expect(comments[0]).toMatchObject({ count: 3, actorCount: 3, actors: [{ name: 'Anna Bell' }, { name: 'Dora Bell' }, { name: 'Clara Bell' }] });
      expect(await unread(ben)).toBe(2);

      // A reply to Anna's comment and reactions; my own actions never notify me.
      const annaComment = (await ben.client.get(`/api/v1/posts/${own.id}/comments?order=newest&limit=1`)).json().items[0];
      await ben.client.post(`/api/v1/posts/${own.id}/comments`, { body: 'Super', parentId: annaComment.id });
      await ben.client.put(`/api/v1/posts/${own.id}/reaction`, { kind: 'like' });
      await clara.client.put(`/api/v1/posts/${own.id}/reaction`, { kind: 'love' });
      await dora.client.put(`/api/v1/posts/${own.id}/reaction`, { kind: 'haha' });
      expect((await bell(anna)).find((r) => r.type === 'reply')).toMatchObject({ actors: [{ name: 'Ben Bell' }] });
      expect((await bell(ben)).filter((r) => r.type === 'reaction')).toMatchObject([{ count: 2, actorCount: 2, detail: 'post' }]);

      // Read one, then all; a read row is not reused: the next event starts a new one.
      const first = (await bell(ben))[0] as Row;
      expect((await ben.client.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(204);
      expect((await bell(ben)).find((r) => r.id === first.id)?.read).toBe(true);
      expect(codeOf(await anna.client.post(`/api/v1/notifications/${first.id}/read`))).toBe('not_found');
      await ben.client.post('/api/v1/notifications/read-all');
      expect(await unread(ben)).toBe(0);
      await clara.client.post(`/api/v1/posts/${own.id}/comments`, { body: 'Noch einer' });
      expect((await bell(ben)).filter((r) => r.type === 'comment')).toMatchObject([
        { count: 1, read: false },
        { count: 3, read: true },
      ]);
      expect((await ben.client.get('/api/v1/notifications?unread=true')).json().items).toHaveLength(1);

      // Shares of my post.
      const shared = await clara.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Lesenswert', sharedPostId: p.id });
      expect(shared.statusCode, shared.body).toBe(201);
      expect((await bell(anna)).find((r) => r.type === 'share')).toMatchObject({
        actors: [{ name: 'Clara Bell' }],
        target: { url: `/posts/${shared.json().id}` },
      });
    } finally {
      sock.socket.disconnect();
    }
  });

  it('tells group members of new posts (per-group setting), asks for confirmations, and reminds', async () => {
    await t.drain();
    for (const p of [ben, clara]) await p.client.post('/api/v1/notifications/read-all');
    expect((await clara.client.patch('/api/v1/me/notification-settings', { groups: [{ groupId: team.id, posts: 'off' }] })).json().groups).toEqual([
      { groupId: team.id, name: 'Vertrieb Nord', posts: 'off' },
    ]);
    for (let i = 1; i <= 3; i++) await anna.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: `Zahlen Woche ${i}` });
    expect((await bell(ben)).filter((r) => r.type === 'group_post')).toMatchObject([
      { count: 3, group: { name: 'Vertrieb Nord' }, actors: [{ name: 'Anna Bell' }] },
    ]);
    expect((await bell(clara)).filter((r) => r.type === 'group_post')).toEqual([]);

    // An announcement asking for confirmation reaches Clara anyway ("only announcements and mentions").
    const a = (
      await anna.client.post('/api/v1/posts', {
        audience: { kind: 'group', groupId: team.id },
        body: 'Bitte bestätigen',
        announcement: { requiresConfirmation: true },
      })
    ).json();
    expect((await bell(clara)).filter((r) => r.type === 'announcement')).toMatchObject([{ count: 1, target: { url: `/posts/${a.id}` } }]);
    await ben.client.post(`/api/v1/posts/${a.id}/confirmations`);
    await anna.client.post(`/api/v1/posts/${a.id}/confirmations/reminders`);
    expect((await bell(clara)).filter((r) => r.type === 'announcement')).toMatchObject([{ count: 2, detail: 'reminder' }]);
    expect((await bell(ben)).filter((r) => r.type === 'announcement')).toMatchObject([{ count: 1 }]);
  });

  it('tells owners and moderators of join requests, grouped, and the asker when let in', async () => {
    const club = (await anna.client.post('/api/v1/groups', { name: 'Laufgruppe', visibility: 'public', joinPolicy: 'request' })).json();
    for (const p of [ben, clara]) expect((await p.client.post(`/api/v1/groups/${club.id}/requests`, { message: 'Gern!' })).statusCode).toBe(200);
    const asks = (await bell(anna)).filter((r) => r.type === 'join_request');
    expect(asks).toMatchObject([{ count: 2, actorCount: 2, group: { name: 'Laufgruppe' }, target: { url: `/groups/${club.id}` } }]);
    const requests = (await anna.client.get(`/api/v1/groups/${club.id}/requests`)).json().items as Array<{ id: string; user: { id: string } }>;
    const bens = requests.find((r) => r.user.id === ben.id);
    expect((await anna.client.post(`/api/v1/groups/${club.id}/requests/${bens?.id}/approve`)).statusCode).toBe(204);
    expect((await bell(ben)).find((r) => r.type === 'join_approved')).toMatchObject({ actors: [{ name: 'Anna Bell' }], group: { name: 'Laufgruppe' } });
    expect((await bell(clara)).some((r) => r.type === 'join_approved')).toBe(false);
  });

  it('honours each person’s settings and checks visibility again when the bell is opened (leak check)', async () => {
    const settings = (await dora.client.get('/api/v1/me/notification-settings')).json();
    expect(settings.types.find((x: { type: string }) => x.type === 'mention')).toEqual({ type: 'mention', inApp: true, email: 'immediately' });
    expect(settings.types.find((x: { type: string }) => x.type === 'reaction')).toEqual({ type: 'reaction', inApp: true, email: 'off' });
    expect(settings.types.find((x: { type: string }) => x.type === 'group_post')).toMatchObject({ email: 'daily' });
    const off = await dora.client.patch('/api/v1/me/notification-settings', { types: [{ type: 'mention', inApp: false, email: 'off' }], pauseEmailDays: 3 });
    expect(off.json().types.find((x: { type: string }) => x.type === 'mention')).toEqual({ type: 'mention', inApp: false, email: 'off' });
    expect(Date.parse(off.json().emailPausedUntil)).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
    expect(codeOf(await dora.client.patch('/api/v1/me/notification-settings', { types: [{ type: 'gossip', inApp: true }] }))).toBe('validation_failed');
    const notMine = await dora.client.patch('/api/v1/me/notification-settings', { groups: [{ groupId: team.id, posts: 'all' }] });
    expect(notMine.json().error.message).toMatch(/^groups\.0\.groupId/);
    await dora.client.post('/api/v1/notifications/read-all');
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Hallo @Dora Bell', mentions: [dora.id] });
    expect(await bell(dora)).toSatisfy((rows: Row[]) => rows.every((r) => r.type !== 'mention'));

    // Ben is mentioned in a private group's post, then leaves the group: the notification goes with it.
    const marker = `GEHEIM-${Date.now()}`;
    await ben.client.post('/api/v1/notifications/read-all');
    await anna.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: `${marker} @Ben Bell`, mentions: [ben.id] });
    expect(JSON.stringify(await bell(ben))).toContain(marker);
    // Dora (not a member) hears nothing of it, in no form.
    expect(JSON.stringify(await bell(dora))).not.toContain(marker);
    await ben.client.delete(`/api/v1/groups/${team.id}/members/${ben.id}`);
    const after = await bell(ben);
    expect(JSON.stringify(after)).not.toContain(marker);
    expect(after.some((r) => r.group?.name === 'Vertrieb Nord' && r.type !== 'group_invitation')).toBe(false);
  });

  it('changes nothing when a fan-out runs twice (a crash after its commit): receipts make it idempotent', async () => {
    await anna.client.post('/api/v1/notifications/read-all');
    const p = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Nochmal ausgeführt' })).json();
    await ben.client.post(`/api/v1/posts/${p.id}/comments`, { body: 'Einmal' });
    await t.drain();
    const before = (await bell(anna)).filter((r) => r.type === 'comment' && !r.read);
    expect(before).toMatchObject([{ count: 1 }]);
    const event = await t.ctx.db.db
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', 'comment.created')
      .where('subject_id', '=', p.id)
      .executeTakeFirstOrThrow();
    const { fanout } = await import('./service.js');
    await fanout(t.ctx, event.id);
    expect((await bell(anna)).filter((r) => r.type === 'comment' && !r.read)).toMatchObject([{ count: 1 }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('real-time gateway', () => {
  let t: TestApp;
  let url: string;
  let owner: { client: Client; id: string };
  let member: { client: Client; id: string };
  let outsider: { client: Client; id: string };
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = (await setupAdmin(t)).client;
    owner = await createMember(t, admin, { name: 'Olga Owner' });
    member = await createMember(t, admin, { name: 'Max Member' });
    outsider = await createMember(t, admin, { name: 'Otto Outsider' });
    groupId = (await owner.client.post('/api/v1/groups', { name: 'Echtzeit', visibility: 'private', joinPolicy: 'open' })).json().id;
    await member.client.post(`/api/v1/groups/${groupId}/members`);
    await t.drain();
    url = await listen(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses connections without a session or from another origin', async () => {
    const anon = await open(url, null);
    expect(anon.ready).toMatchObject({ ok: false, error: 'unauthenticated' });
    const foreign = await open(url, member.client, { origin: 'https://evil.example' });
    expect(foreign.ready.ok).toBe(false);
  });

  it('joins the rooms of the user’s memberships and delivers group events to members only', async () => {
    const m = await open(url, member.client);
    const o = await open(url, outsider.client);
    expect(m.ready.rooms).toEqual(expect.arrayContaining([`user:${member.id}`, 'org', `group:${groupId}`]));
    expect(o.ready.rooms).not.toContain(`group:${groupId}`);

    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'neu' });
    await t.drain();
    await until(() => m.events.length > 0);
    expect(m.events).toEqual([expect.objectContaining({ type: 'group.updated', subjectId: groupId })]);
    await settle();
    expect(o.events.filter((e) => e.subjectId === groupId)).toEqual([]);
    m.socket.close();
    o.socket.close();
  });

  it('moves open connections in and out of a group’s room the moment membership changes', async () => {
    const o = await open(url, outsider.client);
    await outsider.client.post(`/api/v1/groups/${groupId}/members`);
    await t.drain();
    await until(() => o.events.some((e) => e.type === 'member.joined'));
    await settle(); // with the Redis adapter, room changes reach every instance within milliseconds
    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'für alle Mitglieder' });
    await t.drain();
    await until(() => o.events.some((e) => e.type === 'group.updated'));

    await owner.client.delete(`/api/v1/groups/${groupId}/members/${outsider.id}`);
    await t.drain();
    await until(() => o.events.some((e) => e.type === 'member.removed'));
    await settle();
    const count = o.events.length;
    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'nicht mehr für Otto' });
    await t.drain();
    await settle();
    expect(o.events.length).toBe(count);
    o.socket.close();
  });

  it('replays what a reconnecting client missed, exactly once and in order; too old → reload', async () => {
    const first = await open(url, member.client);
    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'eins' });
    await t.drain();
    await until(() => first.events.length === 1);
    const lastSeen = first.events[0]?.id ?? '';
    first.socket.close();

    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'zwei' });
    await owner.client.patch(`/api/v1/groups/${groupId}`, { description: 'drei' });
    await t.drain();

    const again = await open(url, member.client, { lastEventId: lastSeen });
    await until(() => again.events.length >= 2);
    await settle();
    expect(again.events.map((e) => e.type)).toEqual(['group.updated', 'group.updated']);
    expect(new Set(again.events.map((e) => e.id)).size).toBe(2);
    expect(again.events.every((e) => e.id > lastSeen)).toBe(true);
    again.socket.close();

    const stale = await open(url, member.client, { lastEventId: '00000000-0000-7000-8000-000000000000' });
    await until(() => stale.reloads.length === 1);
    stale.socket.close();
  });

  it('knows who is online, away (every tab hidden) or offline with a last-seen time', async () => {
    const watcher = await open(url, owner.client);
    const presenceOf = async () => (await owner.client.get(`/api/v1/presence?userIds=${member.id}`)).json().items[0];
    expect((await presenceOf()).status).toBe('offline');
    // A tab hears only the people it watches, and gets their status at once; garbage and strangers are ignored.
    const bystander = await open(url, outsider.client);
    const watched = await watcher.socket.emitWithAck('presence:watch', [member.id, 'nobody', 42]);
    expect(watched).toHaveLength(1);
    expect(watched[0]).toMatchObject({ userId: member.id, status: 'offline' });

    const arrived: Array<{ userIds: string[]; more: boolean }> = [];
    watcher.socket.on('presence:arrived', (a: { userIds: string[]; more: boolean }) => arrived.push(a));
    const tab1 = await open(url, member.client);
    await until(() => watcher.presence.some((p) => p.userId === member.id && p.status === 'online'));
    // Everyone's "online now" list hears of the newcomer in a batch (every 2 s at most), not one broadcast each.
    await until(() => arrived.some((a) => a.userIds.includes(member.id)), 3000);
    expect(await presenceOf()).toEqual({ userId: member.id, status: 'online', lastSeenAt: null });

    const tab2 = await open(url, member.client);
    tab1.socket.emit('presence', 'away');
    tab1.socket.emit('presence', { nonsense: true });
    await settle();
    expect((await presenceOf()).status).toBe('online');
    tab2.socket.emit('presence', 'away');
    await until(() => watcher.presence.some((p) => p.userId === member.id && p.status === 'away'));
    expect((await presenceOf()).status).toBe('away');

    // Only an 'offline' sent after this point counts: the watcher may already have heard one from the previous
    // test's last connection, whose disconnect the server can finish after the watcher joined.
    const heard = watcher.presence.length;
    tab1.socket.close();
    tab2.socket.close();
    await until(() => watcher.presence.slice(heard).some((p) => p.userId === member.id && p.status === 'offline'));
    const gone = await presenceOf();
    expect(gone.status).toBe('offline');
    expect(Date.now() - Date.parse(gone.lastSeenAt)).toBeLessThan(5000);
    watcher.socket.close();
    expect(bystander.presence.filter((p) => p.userId === member.id)).toEqual([]);
    bystander.socket.close();

    const bad = await owner.client.get('/api/v1/presence');
    expect(bad.statusCode).toBe(400);
    expect((await new Client(t.app).get(`/api/v1/presence?userIds=${member.id}`)).statusCode).toBe(401);
  });

  it('closes a session’s connections at logout, and every connection at deactivation', async () => {
    const admin = new Client(t.app);
    await admin.login('anna@acme.test', 'correct horse battery');
    const person = await createMember(t, admin, { name: 'Paula Person' });
    const s = await open(url, person.client);
    const closed = new Promise<string>((resolve) => s.socket.once('disconnect', (reason) => resolve(reason)));
    await person.client.post('/api/v1/auth/logout');
    await t.drain();
    expect(await closed).toBe('io server disconnect');

    const again = new Client(t.app);
    const email = (await admin.get(`/api/v1/users/${person.id}`)).json().email;
    await again.login(email, 'correct horse battery');
    const s2 = await open(url, again);
    expect(s2.ready.ok).toBe(true);
    const gone = new Promise<string>((resolve) => s2.socket.once('disconnect', (reason) => resolve(reason)));
    await admin.post(`/api/v1/users/${person.id}/deactivate`);
    await t.drain();
    expect(await gone).toBe('io server disconnect');
    expect((await open(url, again)).ready.ok).toBe(false);
  });
});

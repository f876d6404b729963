import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { type Ev, listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string };
const messagesOf = (events: Ev[]) => events.filter((e) => e.type === 'message.created').map((e) => (e.data as { body: string }).body);

describe('group chats and workgroup rooms', () => {
  let t: TestApp;
  let url: string;
  let admin: Client;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let dora: Person;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await setupAdmin(t)).client;
    anna = await createMember(t, admin, { name: 'Anna Gruppe' });
    ben = await createMember(t, admin, { name: 'Ben Gruppe' });
    clara = await createMember(t, admin, { name: 'Clara Gruppe' });
    dora = await createMember(t, admin, { name: 'Dora Gruppe' });
    url = await listen(t);
  });
  afterAll(async () => {
    await t.close();
  });

  let n = 0;
  const send = (c: Client, id: string, body: string) => c.post(`/api/v1/conversations/${id}/messages`, { clientId: `grp-${Date.now()}-${n++}`, body });

  it('adds people, renames, and writes system lines everyone sees; a direct chat cannot be changed', async () => {
    const conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id], title: 'Projekt Nord' })).json();
    expect(conv).toMatchObject({ kind: 'group', memberCount: 2, createdBy: anna.id });
    expect(conv.abilities).toEqual({ post: true, rename: true, setPhoto: true, addMembers: true, removeMembers: true, leave: true });
    const benView = (await ben.client.get(`/api/v1/conversations/${conv.id}`)).json();
    expect(benView.abilities).toMatchObject({ rename: true, addMembers: true, removeMembers: false, leave: true });

    // Clara is added by Ben: her open connection joins at once and gets the next message.
    const claraSock = await open(url, clara.client);
    const added = await ben.client.post(`/api/v1/conversations/${conv.id}/members`, { userIds: [clara.id] });
    expect(added.statusCode).toBe(200);
    expect(added.json().memberCount).toBe(3);
    await t.drain();
    await until(() => claraSock.events.some((e) => e.type === 'conversation.members_added'));
    expect((await send(anna.client, conv.id, 'Willkommen, Clara!')).statusCode).toBe(201);
    await t.drain();
    await until(() => messagesOf(claraSock.events).includes('Willkommen, Clara!'));

    const renamed = await clara.client.patch(`/api/v1/conversations/${conv.id}`, { title: 'Projekt Nord 2027' });
    expect(renamed.json().title).toBe('Projekt Nord 2027');
    const history = (await anna.client.get(`/api/v1/conversations/${conv.id}/messages`)).json().items;
    expect(history[0]).toMatchObject({ author: { name: 'Clara Gruppe' }, body: '', system: { action: 'renamed', title: 'Projekt Nord 2027', users: [] } });
    expect(history[0].abilities).toEqual({ edit: false, delete: false });
    expect(history.find((m: { system: { action: string } | null }) => m.system?.action === 'added')).toMatchObject({
      author: { name: 'Ben Gruppe' },
      system: { users: [{ id: clara.id, name: 'Clara Gruppe' }] },
    });
    // System lines are activity, not unread messages.
    expect((await anna.client.get(`/api/v1/conversations/${conv.id}`)).json().unreadCount).toBe(0);
    // A system line cannot be edited, deleted or reacted to.
    expect((await clara.client.patch(`/api/v1/conversations/${conv.id}/messages/${history[0].id}`, { body: 'x' })).statusCode).toBe(403);

    const direct = (await anna.client.post('/api/v1/conversations', { userIds: [dora.id] })).json();
    expect(direct.abilities).toMatchObject({ rename: false, addMembers: false, leave: false });
    expect((await anna.client.post(`/api/v1/conversations/${direct.id}/members`, { userIds: [ben.id] })).statusCode).toBe(403);
    expect((await anna.client.patch(`/api/v1/conversations/${direct.id}`, { title: 'Nope' })).statusCode).toBe(403);
    // Outsiders learn nothing.
    expect((await dora.client.post(`/api/v1/conversations/${conv.id}/members`, { userIds: [dora.id] })).statusCode).toBe(404);
    expect(codeOf(await anna.client.post(`/api/v1/conversations/${conv.id}/members`, { userIds: ['nobody'] }))).toBe('validation_failed');
    claraSock.socket.close();
  });

  it('removing someone cuts their delivery at once, on every open connection; only the creator removes, anyone leaves', async () => {
    const conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id, clara.id], title: 'Kaffee' })).json();
    const tabs = [await open(url, clara.client), await open(url, clara.client)];
    expect((await ben.client.delete(`/api/v1/conversations/${conv.id}/members/${clara.id}`)).statusCode).toBe(403);

    expect((await anna.client.delete(`/api/v1/conversations/${conv.id}/members/${clara.id}`)).statusCode).toBe(204);
    // The very next message, sent before anything was delivered, must not reach her.
    expect((await send(anna.client, conv.id, 'Nur noch wir zwei')).statusCode).toBe(201);
    await t.drain();
    for (const tab of tabs) {
      await until(() => tab.events.some((e) => e.type === 'conversation.members_removed'));
      // She saw why (the system line), then nothing more.
      expect(
        tab.events
          .filter((e) => e.type === 'message.created' && e.subjectId === conv.id)
          .map((e) => (e.data as { system: { action: string } | null }).system?.action),
      ).toEqual(['removed']);
    }
    const benSock = await open(url, ben.client);
    expect((await send(anna.client, conv.id, 'Noch eine')).statusCode).toBe(201);
    await t.drain();
    await until(() => messagesOf(benSock.events).includes('Noch eine'));
    for (const tab of tabs) expect(messagesOf(tab.events)).not.toContain('Noch eine');
    expect((await clara.client.get(`/api/v1/conversations/${conv.id}/messages`)).statusCode).toBe(404);
    expect(codeOf(await send(clara.client, conv.id, 'Hallo?'))).toBe('not_found');
    // Her socket cannot type into it either (typing needs the room).
    const typing: unknown[] = [];
    benSock.socket.on('typing', (x: unknown) => typing.push(x));
    tabs[0]?.socket.emit('typing', { conversationId: conv.id });

    expect((await ben.client.delete(`/api/v1/conversations/${conv.id}/members/${ben.id}`)).statusCode).toBe(204);
    expect((await ben.client.get(`/api/v1/conversations/${conv.id}`)).statusCode).toBe(404);
    const left = (await anna.client.get(`/api/v1/conversations/${conv.id}/messages`)).json().items[0];
    expect(left.system).toMatchObject({ action: 'left', users: [{ id: ben.id }] });
    expect(typing).toEqual([]);
    for (const s of [...tabs, benSock]) s.socket.close();
  });

  it('keeps guests to the people of their groups', async () => {
    await admin.patch('/api/v1/settings/company', { guestsAllowed: true });
    const g = (await anna.client.post('/api/v1/groups', { name: 'Kundenprojekt Chat', visibility: 'private', joinPolicy: 'invite' })).json();
    await anna.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id] });
    expect((await anna.client.post(`/api/v1/groups/${g.id}/guests`, { email: 'karl@kunde.test', locale: 'de' })).statusCode).toBe(200);
    await t.drain();
    const mail = (await admin.get('/api/v1/admin/mail')).json().items.find((m: { to: string }) => m.to === 'karl@kunde.test');
    const token = /\/invite\/([\w-]+)/.exec(mail.text)?.[1] ?? '';
    const guest = new Client(t.app);
    const acc = await guest.post('/api/v1/invitations/accept', { token, name: 'Karl Kunde', password: PASSWORD });
    expect(acc.statusCode).toBe(201);
    const karlId = acc.json().user.id as string;

    // The guest chats with Anna (same group), not with Dora (no shared group).
    expect((await guest.post('/api/v1/conversations', { userIds: [anna.id] })).statusCode).toBe(201);
    const refused = await guest.post('/api/v1/conversations', { userIds: [dora.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/^userIds\.0/);
    // Nor can an employee bring the guest into a chat with people outside the guest's groups.
    const mixed = await anna.client.post('/api/v1/conversations', { userIds: [karlId, dora.id], title: 'Gemischt' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toMatch(/guest/);
    const ok = (await anna.client.post('/api/v1/conversations', { userIds: [dora.id], title: 'Intern' })).json();
    const add = await anna.client.post(`/api/v1/conversations/${ok.id}/members`, { userIds: [karlId] });
    expect(add.statusCode).toBe(400);
    expect(add.json().error.message).toMatch(/^userIds\.0: a guest/);
  });

  it('gives a workgroup a chat room whose members follow the group, live', async () => {
    const g = (await anna.client.post('/api/v1/groups', { name: 'Vertrieb Süd', visibility: 'public', joinPolicy: 'open' })).json();
    expect((await ben.client.post(`/api/v1/groups/${g.id}/members`)).statusCode).toBeLessThan(300);
    expect((await ben.client.put(`/api/v1/groups/${g.id}/chat`)).statusCode).toBe(403);
    const secret = (await anna.client.post('/api/v1/groups', { name: 'Geheim', visibility: 'secret', joinPolicy: 'invite' })).json();
    expect((await dora.client.put(`/api/v1/groups/${secret.id}/chat`)).statusCode).toBe(404);
    expect((await anna.client.get(`/api/v1/groups/${g.id}`)).json().chatId).toBeNull();

    const benSock = await open(url, ben.client);
    const created = await anna.client.put(`/api/v1/groups/${g.id}/chat`);
    expect(created.statusCode).toBe(201);
    const roomId = created.json().id as string;
    expect((await anna.client.put(`/api/v1/groups/${g.id}/chat`)).json()).toEqual({ id: roomId });
    expect((await ben.client.get(`/api/v1/groups/${g.id}`)).json().chatId).toBe(roomId);
    // Not a member: no room id shown.
    expect((await clara.client.get(`/api/v1/groups/${g.id}`)).json().chatId).toBeNull();
    const room = (await ben.client.get(`/api/v1/conversations/${roomId}`)).json();
    expect(room).toMatchObject({ kind: 'room', title: 'Vertrieb Süd', groupId: g.id, memberCount: 2 });
    expect(room.abilities).toMatchObject({ post: true, addMembers: false, rename: false, leave: false });
    await t.drain();
    await until(() => benSock.events.some((e) => e.type === 'conversation.created' && e.subjectId === roomId));

    // Clara joins the group → she is in the room, her open connection too.
    const claraSock = await open(url, clara.client);
    expect((await clara.client.post(`/api/v1/groups/${g.id}/members`)).statusCode).toBeLessThan(300);
    await t.drain();
    await until(() => claraSock.events.some((e) => e.type === 'conversation.members_added'));
    expect((await send(ben.client, roomId, 'Hallo Raum')).statusCode).toBe(201);
    await t.drain();
    await until(() => messagesOf(claraSock.events).includes('Hallo Raum'));

    // Anna removes Clara from the group → out of the room at once.
    expect((await anna.client.delete(`/api/v1/groups/${g.id}/members/${clara.id}`)).statusCode).toBe(204);
    expect((await send(ben.client, roomId, 'Ohne Clara')).statusCode).toBe(201);
    await t.drain();
    await until(() => messagesOf(benSock.events).includes('Ohne Clara'));
    expect(messagesOf(claraSock.events)).not.toContain('Ohne Clara');
    expect((await clara.client.get(`/api/v1/conversations/${roomId}`)).statusCode).toBe(404);

    // An archived group's room is read-only.
    expect((await anna.client.post(`/api/v1/groups/${g.id}/archive`)).statusCode).toBeLessThan(300);
    expect((await ben.client.get(`/api/v1/conversations/${roomId}`)).json().abilities.post).toBe(false);
    expect((await send(ben.client, roomId, 'Noch da?')).statusCode).toBe(403);
    for (const s of [benSock, claraSock]) s.socket.close();
  });
});

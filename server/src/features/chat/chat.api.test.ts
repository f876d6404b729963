import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

describe('chat', () => {
  let t: TestApp;
  let url: string;
  let anna: { client: Client; id: string };
  let ben: { client: Client; id: string };
  let clara: { client: Client; id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = (await setupAdmin(t)).client;
    anna = await createMember(t, admin, { name: 'Anna Chat' });
    ben = await createMember(t, admin, { name: 'Ben Chat' });
    clara = await createMember(t, admin, { name: 'Clara Chat' });
    url = await listen(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (c: Client, id: string, body: string, clientId = `c${Math.random().toString(36).slice(2, 12)}`) =>
    c.post(`/api/v1/conversations/${id}/messages`, { clientId, body });

  it('starts a direct chat once per pair, refuses strangers and bad input', async () => {
    expect((await new Client(t.app).post('/api/v1/conversations', { userIds: [ben.id] })).statusCode).toBe(401);
    const first = await anna.client.post('/api/v1/conversations', { userIds: [ben.id] });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'direct', title: null, unreadCount: 0 });
    expect(
      first
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['Anna Chat', 'Ben Chat']);
    const again = await ben.client.post('/api/v1/conversations', { userIds: [anna.id] });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const unknown = await anna.client.post('/api/v1/conversations', { userIds: ['nobody'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^userIds\.0/);
    expect((await anna.client.post('/api/v1/conversations', { userIds: [anna.id] })).json().error.message).toMatch(/^userIds/);
  });

  it('delivers a message live to the other member with its content, idempotently, and to nobody else', async () => {
    const conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id] })).json();
    const benSock = await open(url, ben.client);
    const claraSock = await open(url, clara.client);

    const res = await send(anna.client, conv.id, 'Hallo Ben! **Mittag?**', 'retry-me-123');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ body: 'Hallo Ben! **Mittag?**', clientId: 'retry-me-123', abilities: { edit: true, delete: true } });
    const retry = await send(anna.client, conv.id, 'Hallo Ben! **Mittag?**', 'retry-me-123');
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(res.json().id);

    await t.drain();
    await until(() => benSock.events.some((e) => e.type === 'message.created'));
    const pushed = benSock.events.filter((e) => e.type === 'message.created');
    expect(pushed).toHaveLength(1);
    expect((pushed[0] as unknown as { data: { body: string; author: { name: string }; abilities: unknown } }).data).toMatchObject({
      body: 'Hallo Ben! **Mittag?**',
      author: { name: 'Anna Chat' },
      abilities: { edit: false, delete: false },
    });
    expect(claraSock.events.filter((e) => e.type.startsWith('message.'))).toEqual([]);

    // History and unread counts.
    const benList = (await ben.client.get('/api/v1/conversations')).json().items;
    expect(benList[0]).toMatchObject({ id: conv.id, unreadCount: 1, lastMessage: { body: 'Hallo Ben! **Mittag?**' } });
    const history = (await ben.client.get(`/api/v1/conversations/${conv.id}/messages`)).json();
    expect(history.items.map((m: { body: string }) => m.body)).toEqual(['Hallo Ben! **Mittag?**']);
    expect((await clara.client.get(`/api/v1/conversations/${conv.id}/messages`)).statusCode).toBe(404);
    expect(codeOf(await send(clara.client, conv.id, 'Ich auch!'))).toBe('not_found');

    // Read receipt: Anna sees "Seen".
    const annaSock = await open(url, anna.client);
    expect((await ben.client.post(`/api/v1/conversations/${conv.id}/read`, { messageId: res.json().id })).statusCode).toBe(204);
    await t.drain();
    await until(() => annaSock.events.some((e) => e.type === 'conversation.read'));
    expect((await ben.client.get('/api/v1/conversations')).json().items[0].unreadCount).toBe(0);
    const annaView = (await anna.client.get(`/api/v1/conversations/${conv.id}`)).json();
    expect(annaView.readUpTo.find((r: { userId: string }) => r.userId === ben.id).messageId).toBe(res.json().id);

    // Typing reaches the other member, not the typist, not outsiders; garbage is ignored.
    annaSock.socket.emit('typing', { conversationId: conv.id });
    annaSock.socket.emit('typing', 'garbage');
    claraSock.socket.emit('typing', { conversationId: conv.id });
    const typing: unknown[] = [];
    benSock.socket.on('typing', (x: unknown) => typing.push(x));
    annaSock.socket.emit('typing', { conversationId: conv.id });
    await until(() => typing.length > 0);
    expect(typing[0]).toEqual({ conversationId: conv.id, userId: anna.id });

    for (const s of [benSock, claraSock, annaSock]) s.socket.close();
  });

  it('lets only the author edit and delete; both reach the others', async () => {
    const conv = (await anna.client.post('/api/v1/conversations', { userIds: [ben.id, clara.id], title: 'Kaffeerunde' })).json();
    expect(conv).toMatchObject({ kind: 'group', title: 'Kaffeerunde' });
    const msg = (await send(anna.client, conv.id, 'Um 3?')).json();
    expect((await ben.client.patch(`/api/v1/conversations/${conv.id}/messages/${msg.id}`, { body: 'Hack' })).statusCode).toBe(403);
    const sock = await open(url, ben.client);
    const edited = await anna.client.patch(`/api/v1/conversations/${conv.id}/messages/${msg.id}`, { body: 'Um 15 Uhr?' });
    expect(edited.json()).toMatchObject({ body: 'Um 15 Uhr?', editedAt: expect.any(String) });
    expect((await anna.client.delete(`/api/v1/conversations/${conv.id}/messages/${msg.id}`)).statusCode).toBe(204);
    await t.drain();
    await until(() => sock.events.some((e) => e.type === 'message.deleted'));
    expect(sock.events.map((e) => e.type)).toEqual(expect.arrayContaining(['message.updated', 'message.deleted']));
    const after = (await ben.client.get(`/api/v1/conversations/${conv.id}/messages`)).json().items[0];
    expect(after).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect((await anna.client.patch(`/api/v1/conversations/${conv.id}/messages/${msg.id}`, { body: 'again' })).statusCode).toBe(403);
    sock.socket.close();
  });

  it('pages history backwards, limits length and refuses flooding with 429', async () => {
    const conv = (await clara.client.post('/api/v1/conversations', { userIds: [ben.id] })).json();
    const long = await send(clara.client, conv.id, 'x'.repeat(10_001));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields[0]).toMatchObject({ field: 'body', keyword: 'maxLength' });
    let limited = null;
    let sent = 0;
    for (let i = 0; i < 32; i++) {
      const r = await send(clara.client, conv.id, `Nachricht ${i}`);
      if (r.statusCode === 429) {
        limited = r;
        break;
      }
      sent = i;
    }
    expect(sent).toBeGreaterThanOrEqual(25);
    expect(limited?.statusCode).toBe(429);
    expect(limited?.headers['retry-after']).toBeDefined();
    const page1 = (await ben.client.get(`/api/v1/conversations/${conv.id}/messages?limit=10`)).json();
    const page2 = (await ben.client.get(`/api/v1/conversations/${conv.id}/messages?limit=10&cursor=${page1.nextCursor}`)).json();
    expect(page1.items[0].body).toBe(`Nachricht ${sent}`);
    expect(page2.items[0].body).toBe(`Nachricht ${sent - 10}`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Balancer } from '../../../test/balancer.js';
import { type Client, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { type Ev, listen, open, until } from '../../../test/realtime-client.js';

const GAP_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messageOf = (e: Ev) => e.data as { id: string; body: string } | undefined;

// A real network drop: the receiver's connection runs through a TCP proxy that cuts it and refuses new
// connections for ten seconds. Socket.IO's own reconnection brings it back, sending the last event id it saw.
describe('reconnect after a 10 s network drop', () => {
  let t: TestApp;
  let proxy: Balancer;
  let proxyUrl: string;
  let sender: { client: Client; id: string };
  let receiver: { client: Client; id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const admin = (await setupAdmin(t)).client;
    sender = await createMember(t, admin, { name: 'Sina Sender' });
    receiver = await createMember(t, admin, { name: 'Rolf Receiver' });
    const url = await listen(t);
    proxy = new Balancer([Number(new URL(url).port)]);
    proxyUrl = await proxy.listen();
  });
  afterAll(async () => {
    await proxy.close();
    await t.close();
  });

  it('replays every missed message and edit exactly once, in order, then continues live', { timeout: 30_000 }, async () => {
    const conv = (await sender.client.post('/api/v1/conversations', { userIds: [receiver.id] })).json();
    let n = 0;
    const send = async (body: string): Promise<string> => {
      const res = await sender.client.post(`/api/v1/conversations/${conv.id}/messages`, { clientId: `replay-${++n}`, body });
      expect(res.statusCode).toBe(201);
      await t.drain();
      return res.json().id;
    };
    /** The outbox ids of this conversation's message events, in order (what the server routed to the room). */
    const outboxIds = async (afterId: string) =>
      (
        await t.ctx.db.db
          .selectFrom('outbox_events')
          .select('id')
          .where('subject_id', '=', conv.id)
          .where('type', 'like', 'message.%')
          .where('id', '>', afterId)
          .orderBy('id')
          .execute()
      ).map((r) => r.id);

    const rx = await open(proxyUrl, receiver.client, { reconnect: { delayMs: 500 } });
    expect(rx.ready.rooms).toContain(`conversation:${conv.id}`);
    const live = await send('Vor der Störung');
    await until(() => rx.events.some((e) => messageOf(e)?.id === live));
    const lastBefore = rx.lastEventId();
    const seenBefore = rx.events.length;

    // The network goes away: both ends see the connection die, and reconnecting fails for 10 s.
    const dropped = Date.now();
    proxy.refuse(true);
    proxy.cut();
    await until(() => rx.disconnects.length === 1);
    expect(rx.socket.connected).toBe(false);

    const missed: string[] = [];
    for (let i = 1; i <= 5; i++) missed.push(await send(`Verpasst ${i}`));
    const edited = await sender.client.patch(`/api/v1/conversations/${conv.id}/messages/${missed[1]}`, { body: 'Verpasst 2 (bearbeitet)' });
    expect(edited.statusCode).toBe(200);
    await t.drain();
    expect(rx.events.length).toBe(seenBefore);
    await sleep(GAP_MS - (Date.now() - dropped));
    expect(rx.readies.length).toBe(1); // still cut off after 10 s, despite retries every 0.5 s

    proxy.refuse(false);
    await until(() => rx.readies.length === 2, 3000);
    expect(rx.readies[1]?.lastEventId).toBe(lastBefore);
    const expected = await outboxIds(lastBefore ?? '');
    expect(expected).toHaveLength(6);
    await until(() => rx.events.length === seenBefore + expected.length);

    // New messages keep arriving live on the new connection.
    const after = [await send('Wieder da 1'), await send('Wieder da 2')];
    await until(() => after.every((id) => rx.events.some((e) => messageOf(e)?.id === id)));
    await sleep(200); // a late duplicate would show up here

    const since = rx.events.slice(seenBefore);
    // Each missed event exactly once, in the order the server recorded them, then the live ones.
    expect(since.map((e) => e.id)).toEqual(await outboxIds(lastBefore ?? ''));
    expect(since.map((e) => e.type)).toEqual([...missed.map(() => 'message.created'), 'message.updated', 'message.created', 'message.created']);
    expect(since.map((e) => messageOf(e)?.id)).toEqual([...missed, missed[1], ...after]);
    expect(messageOf(since[5] as Ev)?.body).toBe('Verpasst 2 (bearbeitet)');
    expect(new Set(rx.events.map((e) => e.id)).size).toBe(rx.events.length);
    expect([...since.map((e) => e.id)].sort()).toEqual(since.map((e) => e.id));
    expect(rx.reloads).toEqual([]);
    rx.socket.close();
  });
});

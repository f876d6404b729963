import { io as connect, type Socket } from 'socket.io-client';
import { type Client, ORIGIN, type TestApp } from './harness.js';

export interface Ev {
  id: string;
  type: string;
  subjectId: string | null;
}

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A socket with the client's session cookie; collects every event it receives. */
export async function open(url: string, client: Client | null, options: { origin?: string; lastEventId?: string } = {}) {
  const events: Ev[] = [];
  const reloads: unknown[] = [];
  const presence: Array<{ userId: string; status: string; lastSeenAt: string | null }> = [];
  const socket: Socket = connect(url, {
    path: '/api/v1/realtime',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin: options.origin ?? ORIGIN, ...(client?.cookie ? { cookie: client.cookie } : {}) },
    auth: options.lastEventId ? { lastEventId: options.lastEventId } : {},
  });
  socket.on('event', (e: Ev) => events.push(e));
  socket.on('reload', (r: unknown) => reloads.push(r));
  socket.on('presence', (p: { userId: string; status: string; lastSeenAt: string | null }) => presence.push(p));
  const ready = await new Promise<{ ok: boolean; error?: string; rooms?: string[] }>((resolve) => {
    socket.once('ready', (r: { rooms: string[] }) => resolve({ ok: true, rooms: r.rooms }));
    socket.once('connect_error', (err) => resolve({ ok: false, error: err.message }));
  });
  return { socket, events, reloads, presence, ready };
}

export async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

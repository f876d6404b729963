import { io as connect, type Socket } from 'socket.io-client';
import { type Client, ORIGIN, type TestApp } from './harness.js';

export interface Ev {
  id: string;
  type: string;
  subjectId: string | null;
  /** Only where the event carries its content (chat messages, read receipts). */
  data?: unknown;
}

export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/**
 * A socket with the client's session cookie; collects every event it receives.
 *
 * With `reconnect`, it behaves like the web app (web/src/lib/realtime.ts): Socket.IO's automatic reconnection
 * is on, the last event id seen is tracked and sent as `auth.lastEventId` on every reconnect, and each
 * completed (re)connection is counted in `readies`.
 */
export async function open(
  url: string,
  client: Pick<Client, 'cookie'> | null,
  options: { origin?: string; lastEventId?: string; reconnect?: { delayMs?: number } } = {},
) {
  const events: Ev[] = [];
  const reloads: unknown[] = [];
  const presence: Array<{ userId: string; status: string; lastSeenAt: string | null }> = [];
  const readies: Array<{ rooms: string[]; lastEventId: string | null }> = [];
  const disconnects: string[] = [];
  let lastEventId: string | null = options.lastEventId ?? null;
  let sent: string | null = null;
  const socket: Socket = connect(url, {
    path: '/api/v1/realtime',
    transports: ['websocket'],
    reconnection: Boolean(options.reconnect),
    reconnectionDelay: options.reconnect?.delayMs ?? 1000,
    reconnectionDelayMax: options.reconnect?.delayMs ?? 5000,
    extraHeaders: { origin: options.origin ?? ORIGIN, ...(client?.cookie ? { cookie: client.cookie } : {}) },
    // A function, so that every reconnect sends the id seen last (as the web app does).
    auth: (cb) => {
      sent = lastEventId;
      cb(lastEventId ? { lastEventId } : {});
    },
  });
  socket.on('event', (e: Ev) => {
    events.push(e);
    if (typeof e?.id === 'string') lastEventId = e.id;
  });
  socket.on('reload', (r: unknown) => {
    reloads.push(r);
    lastEventId = null;
  });
  socket.on('presence', (p: { userId: string; status: string; lastSeenAt: string | null }) => presence.push(p));
  socket.on('disconnect', (reason: string) => disconnects.push(reason));
  // Each 'ready' is recorded with the lastEventId its handshake sent.
  socket.on('ready', (r: { rooms: string[] }) => readies.push({ rooms: r.rooms, lastEventId: sent }));
  const ready = await new Promise<{ ok: boolean; error?: string; rooms?: string[] }>((resolve) => {
    socket.once('ready', (r: { rooms: string[] }) => resolve({ ok: true, rooms: r.rooms }));
    socket.once('connect_error', (err) => resolve({ ok: false, error: err.message }));
  });
  return { socket, events, reloads, presence, readies, disconnects, ready, lastEventId: () => lastEventId };
}

export async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

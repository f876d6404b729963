import type { Server as HttpServer } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../../context.js';
import { lookupSession, sessionCookieName } from '../auth/session.js';
import { logger } from '../logger.js';
import type { StoredEvent } from '../outbox.js';
import type { Actor } from '../policy/index.js';
import { MemoryPresence, type PresenceStore, RedisPresence } from './presence.js';

/** What a client receives: a small invalidation; it refetches, so authorization applies again. */
export interface ClientEvent {
  id: string;
  type: string;
  subjectId: string | null;
  /** Only where the event carries its content (chat messages, read receipts). */
  data?: unknown;
}

/** Where an event goes, and what it changes about who is in which room. */
export interface Route {
  rooms: string[];
  /** Applied before delivery: people who enter a room get the event that let them in. */
  join?: Array<{ userId: string; room: string }>;
  /** Applied after delivery: people who leave a room get the event that put them out, then nothing more. */
  leave?: Array<{ userId: string; room: string }>;
  /** Every connection in these rooms is closed after delivery (logout, deactivation). */
  disconnect?: string[];
  /** Content sent with the event (chat sends the message itself, already authorized by the room). */
  data?: unknown;
}

export type Router = (event: StoredEvent) => Route | null;

/** The room of the tabs watching a person's presence. */
export const presenceRoom = (userId: string) => `presence:${userId}`;
export type RoomResolver = (actor: Actor) => Promise<string[]>;

export const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
const REPLAY_MAX = 1000;
const ARRIVALS_EVERY_MS = 2000;
const ARRIVALS_MAX = 100;

interface SocketData {
  actor: Actor;
  sessionId: string;
}

/**
 * The real-time gateway: one Socket.IO connection per tab at /api/v1/realtime, authenticated by the
 * session cookie at the handshake, joined to rooms derived from the user's memberships. Events come from
 * the outbox after commit; each carries its outbox id, and a reconnecting client that sends the last id it
 * saw gets what it missed (up to 24 h; older → `reload`). With REDIS_URL, instances share fan-out and
 * room changes through the Redis adapter.
 */
export class Realtime {
  readonly io: Server;
  private readonly routers = new Map<string, Router>();
  private readonly resolvers: RoomResolver[] = [];
  private readonly socketHandlers: Array<(socket: Socket, actor: Actor) => void> = [];
  private readonly redis: Redis[] = [];
  readonly presence: PresenceStore;
  /** Set when shutting down: nothing more is broadcast (Redis is closing). */
  private closing = false;
  private readonly log = logger('realtime');
  /** Employees who came online since the last flush (for "online now" lists); guests are never announced. */
  private readonly arrivals = new Set<string>();
  private readonly arrivalTimer: NodeJS.Timeout;

  constructor(
    private readonly ctx: AppContext,
    server: HttpServer,
  ) {
    this.io = new Server(server, {
      path: '/api/v1/realtime',
      serveClient: false,
      transports: ['websocket', 'polling'],
      // Same origin only: a page elsewhere cannot open a connection with the user's cookie.
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, !origin || origin === ctx.config.publicOrigin);
      },
      pingInterval: 25_000,
      pingTimeout: 20_000,
      maxHttpBufferSize: 1e6,
    });
    if (ctx.config.redisUrl) {
      const pub = new Redis(ctx.config.redisUrl, { maxRetriesPerRequest: null });
      const sub = pub.duplicate();
      this.redis.push(pub, sub);
      this.io.adapter(createAdapter(pub, sub, { key: `${ctx.config.redisPrefix}socket.io` }));
      const store = pub.duplicate();
      this.redis.push(store);
      this.presence = new RedisPresence(store, ctx.config.redisPrefix);
      // A lost Redis connection is logged and retried by ioredis, never an unhandled error.
      for (const r of this.redis) r.on('error', (err: Error) => this.log.warn({ err: err.message }, 'redis connection error'));
    } else {
      this.presence = new MemoryPresence();
    }
    this.io.use((socket, next) => {
      this.authenticate(socket).then(
        (ok) => next(ok ? undefined : Object.assign(new Error('unauthenticated'), { data: { code: 'unauthenticated' } })),
        (err: unknown) => next(err as Error),
      );
    });
    // Every 2 s at most, one small message to all employees names who came online (at most 100; `more`
    // when there were more): lists of online colleagues refresh, without a broadcast per person.
    this.arrivalTimer = setInterval(() => this.flushArrivals(), ARRIVALS_EVERY_MS);
    this.arrivalTimer.unref();
    this.io.on('connection', (socket) => {
      this.onConnection(socket).catch((err: unknown) => {
        this.log.warn({ err }, 'connection setup failed');
        socket.disconnect(true);
      });
    });
  }

  /** Features declare where their events go. */
  route(type: string, router: Router): void {
    this.routers.set(type, router);
  }

  /** Features listen to client messages on each connection (chat: typing). */
  onSocket(handler: (socket: Socket, actor: Actor) => void): void {
    this.socketHandlers.push(handler);
  }

  /** Features add the rooms a user belongs to (groups, conversations…). */
  addRooms(resolver: RoomResolver): void {
    this.resolvers.push(resolver);
  }

  /** The outbox handler: deliver one committed event, applying its room changes on every instance. */
  async deliver(event: StoredEvent): Promise<void> {
    // Shutting down: fail, so the outbox rolls the claim back and another instance (or the next start)
    // delivers the event. Returning would mark it processed, and clients on other instances would never get it.
    if (this.closing) throw new Error('real-time gateway is closing');
    const route = this.routers.get(event.type)?.(event);
    if (!route) return;
    // Room changes: on this instance at once (synchronously, before the emit below), and through the adapter
    // on the others — there the change and the emit travel on one Redis connection, in this order.
    for (const j of route.join ?? []) this.joinEverywhere(`user:${j.userId}`, j.room);
    const payload: ClientEvent = { id: event.id, type: event.type, subjectId: event.subjectId, ...(route.data !== undefined ? { data: route.data } : {}) };
    if (route.rooms.length > 0) this.io.to(route.rooms).emit('event', payload);
    for (const l of route.leave ?? []) {
      this.io.local.in(`user:${l.userId}`).socketsLeave(l.room);
      if (this.redis.length > 0) this.io.in(`user:${l.userId}`).socketsLeave(l.room);
    }
    for (const room of route.disconnect ?? []) this.io.in(room).disconnectSockets(true);
  }

  private joinEverywhere(from: string, room: string): void {
    this.io.local.in(from).socketsJoin(room);
    if (this.redis.length > 0) this.io.in(from).socketsJoin(room);
  }

  /** Event types that have a route: the outbox dispatcher hands exactly these to `deliver`. */
  routedTypes(): string[] {
    return [...this.routers.keys()];
  }

  private async authenticate(socket: Socket): Promise<boolean> {
    const header = socket.handshake.headers.cookie;
    if (!header) return false;
    const cookies = fastifyCookie.parse(header);
    const session = await lookupSession(this.ctx, cookies[sessionCookieName(this.ctx)]);
    if (!session) return false;
    (socket.data as SocketData) = { actor: session.actor, sessionId: session.id };
    return true;
  }

  private async onConnection(socket: Socket): Promise<void> {
    const { actor, sessionId } = socket.data as SocketData;
    const rooms = [`user:${actor.id}`, `session:${sessionId}`];
    if (actor.role !== 'guest') rooms.push('org');
    for (const resolve of this.resolvers) rooms.push(...(await resolve(actor)));
    await socket.join(rooms);
    // Malformed client messages are ignored; they never take the connection or the server down.
    socket.on('error', (err) => this.log.debug({ err }, 'socket error'));
    for (const handler of this.socketHandlers) handler(socket, actor);
    await this.changePresence(socket, () => this.presence.set(actor.id, socket.id, 'online'));
    // Tab hidden or idle → away; back → online. Anything else is ignored.
    socket.on('presence', (state: unknown) => {
      if (state !== 'online' && state !== 'away') return;
      this.changePresence(socket, () => this.presence.set(actor.id, socket.id, state)).catch((err: unknown) =>
        this.log.debug({ err }, 'presence update failed'),
      );
    });
    // 'disconnecting', not 'disconnect': the socket is still in its rooms, so the groups hear it too.
    socket.on('disconnecting', () => {
      this.changePresence(socket, () => this.presence.remove(actor.id, socket.id)).catch((err: unknown) => this.log.debug({ err }, 'presence update failed'));
    });
    socket.emit('ready', { rooms: rooms.filter((r) => !r.startsWith('session:')) });
    const last = socket.handshake.auth?.lastEventId;
    if (typeof last === 'string' && last.length > 0 && last.length < 64) await this.replay(socket, last);
  }

  /**
   * Applies a change to one connection's state and, when the person's overall status changes, tells
   * those watching the person. Going offline records "last seen".
   */
  private async changePresence(socket: Socket, change: () => Promise<void>): Promise<void> {
    const { actor } = socket.data as SocketData;
    const before = (await this.presence.status([actor.id])).get(actor.id);
    await change();
    const after = (await this.presence.status([actor.id])).get(actor.id) ?? 'offline';
    if (before === after || this.closing) return;
    let lastSeenAt: string | null = null;
    if (after === 'offline') {
      lastSeenAt = new Date().toISOString();
      await this.ctx.db.db.updateTable('users').set({ last_seen_at: lastSeenAt }).where('id', '=', actor.id).execute();
    }
    // To the tabs that show this person (they asked with `presence:watch`), on every instance.
    if (!this.closing) this.io.to(presenceRoom(actor.id)).emit('presence', { userId: actor.id, status: after, lastSeenAt });
    if ((before ?? 'offline') === 'offline' && actor.role !== 'guest') this.arrivals.add(actor.id);
  }

  private flushArrivals(): void {
    if (this.arrivals.size === 0 || this.closing) return;
    const userIds = [...this.arrivals].slice(0, ARRIVALS_MAX);
    const more = this.arrivals.size > ARRIVALS_MAX;
    this.arrivals.clear();
    this.io.to('org').emit('presence:arrived', { userIds, more });
  }

  /** Sends a reconnecting client what it missed, in order; or asks it to reload. */
  private async replay(socket: Socket, lastEventId: string): Promise<void> {
    const since = new Date(Date.now() - REPLAY_WINDOW_MS).toISOString();
    const known = await this.ctx.db.db.selectFrom('outbox_events').select(['id', 'created_at']).where('id', '=', lastEventId).executeTakeFirst();
    if (!known || known.created_at < since) {
      socket.emit('reload', { reason: 'too_old' });
      return;
    }
    const types = this.routedTypes();
    if (types.length === 0) return;
    const rows = await this.ctx.db.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '>', lastEventId)
      // Committed but not yet delivered too: one the dispatcher sends live right before this connection joined
      // its rooms would otherwise be lost. It may then arrive twice; clients drop an id they have seen.
      .where('type', 'in', types)
      .orderBy('id')
      .limit(REPLAY_MAX + 1)
      .execute();
    if (rows.length > REPLAY_MAX) {
      socket.emit('reload', { reason: 'too_many' });
      return;
    }
    for (const row of rows) {
      const event: StoredEvent = {
        id: row.id,
        type: row.type,
        actorId: row.actor_id,
        subjectId: row.subject_id,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        createdAt: row.created_at,
      };
      const route = this.routers.get(row.type)?.(event);
      if (route?.rooms.some((r) => socket.rooms.has(r))) {
        socket.emit('event', {
          id: row.id,
          type: row.type,
          subjectId: row.subject_id,
          ...(route.data !== undefined ? { data: route.data } : {}),
        } satisfies ClientEvent);
      }
    }
  }

  /** Closes every connection; the HTTP server itself is Fastify's to close. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.arrivalTimer);
    this.presence.close();
    // Close this instance's transports only, without Socket.IO's `disconnect` packet: a client told
    // "io server disconnect" never reconnects on its own (that is how logout and deactivation end sessions),
    // while a dropped transport makes it reconnect — through the load balancer to a surviving instance, replaying
    // what it missed by its last event id (failover.cluster.test.ts). Local only: Redis is about to close.
    this.io.engine.close();
    await Promise.all(this.redis.map((r) => r.quit().catch(() => r.disconnect())));
  }
}

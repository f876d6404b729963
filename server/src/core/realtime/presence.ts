import type { Redis } from 'ioredis';

export type ConnectionState = 'online' | 'away';
export type PresenceStatus = 'online' | 'away' | 'offline';

/** One person's status from the states of all their open tabs, on every instance. */
export function aggregate(states: Iterable<string>): PresenceStatus {
  let away = false;
  for (const s of states) {
    if (s === 'online') return 'online';
    if (s === 'away') away = true;
  }
  return away ? 'away' : 'offline';
}

/** Where the state of every open connection is kept: in memory (embedded) or in Redis (cluster). */
export interface PresenceStore {
  set(userId: string, connectionId: string, state: ConnectionState): Promise<void>;
  remove(userId: string, connectionId: string): Promise<void>;
  status(userIds: readonly string[]): Promise<Map<string, PresenceStatus>>;
  /** Everyone with at least one open connection (online or away), on any instance. */
  connected(): Promise<string[]>;
  close(): void;
}

export class MemoryPresence implements PresenceStore {
  private readonly users = new Map<string, Map<string, ConnectionState>>();

  async set(userId: string, connectionId: string, state: ConnectionState): Promise<void> {
    const conns = this.users.get(userId) ?? new Map<string, ConnectionState>();
    conns.set(connectionId, state);
    this.users.set(userId, conns);
  }

  async remove(userId: string, connectionId: string): Promise<void> {
    const conns = this.users.get(userId);
    conns?.delete(connectionId);
    if (conns && conns.size === 0) this.users.delete(userId);
  }

  async status(userIds: readonly string[]): Promise<Map<string, PresenceStatus>> {
    return new Map(userIds.map((id) => [id, aggregate(this.users.get(id)?.values() ?? [])]));
  }

  async connected(): Promise<string[]> {
    return [...this.users.keys()];
  }

  close(): void {}
}

const TTL_SECONDS = 90;

/**
 * Cluster presence: one Redis hash per person (connection id → state), shared by all instances. Each
 * instance refreshes the expiry of the people it holds connections for, so the entries of an instance
 * that died vanish within 90 seconds.
 */
export class RedisPresence implements PresenceStore {
  private readonly local = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.timer = setInterval(() => {
      const pipeline = this.redis.pipeline();
      const until = Date.now() + TTL_SECONDS * 1000;
      for (const userId of this.local.keys()) pipeline.expire(this.key(userId), TTL_SECONDS).zadd(this.index(), until, userId);
      pipeline.exec().catch(() => undefined);
    }, 30_000);
    this.timer.unref();
  }

  private key(userId: string): string {
    return `${this.prefix}presence:${userId}`;
  }

  /** Who is connected: a sorted set scored by when the entry expires (an instance that died stops renewing). */
  private index(): string {
    return `${this.prefix}presence:connected`;
  }

  async set(userId: string, connectionId: string, state: ConnectionState): Promise<void> {
    const set = this.local.get(userId) ?? new Set<string>();
    set.add(connectionId);
    this.local.set(userId, set);
    await this.redis
      .multi()
      .hset(this.key(userId), connectionId, state)
      .expire(this.key(userId), TTL_SECONDS)
      .zadd(this.index(), Date.now() + TTL_SECONDS * 1000, userId)
      .exec();
  }

  async remove(userId: string, connectionId: string): Promise<void> {
    const set = this.local.get(userId);
    set?.delete(connectionId);
    if (set && set.size === 0) this.local.delete(userId);
    await this.redis.hdel(this.key(userId), connectionId);
    if ((await this.redis.hlen(this.key(userId))) === 0) await this.redis.zrem(this.index(), userId);
  }

  async connected(): Promise<string[]> {
    return this.redis.zrangebyscore(this.index(), Date.now(), '+inf');
  }

  async status(userIds: readonly string[]): Promise<Map<string, PresenceStatus>> {
    const pipeline = this.redis.pipeline();
    for (const id of userIds) pipeline.hvals(this.key(id));
    const results = (await pipeline.exec()) ?? [];
    return new Map(userIds.map((id, i) => [id, aggregate((results[i]?.[1] as string[] | undefined) ?? [])]));
  }

  close(): void {
    clearInterval(this.timer);
  }
}

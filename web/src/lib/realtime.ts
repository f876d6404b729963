/**
 * Live updates: one Socket.IO connection per tab to the real-time gateway (`/api/v1/realtime`), opened after
 * login and authenticated by the session cookie. The server sends small invalidations (`event` with
 * `{ id, type, subjectId }`) and `reload` when a reconnecting tab missed too much. The last event id is sent
 * back on every reconnect (`auth.lastEventId`) so the server replays what was missed.
 *
 * `socket.io-client` is loaded with a dynamic `import()`: it is not part of the first-load bundle.
 */
import type { Socket } from 'socket.io-client';

export interface RealtimeEvent {
  id: string;
  type: string;
  subjectId: string | null;
  /** Some events carry the changed object itself (chat messages, read receipts). */
  data?: unknown;
}

/** Someone is typing in a conversation (`typing` from the server). */
export interface TypingSignal {
  conversationId: string;
  userId: string;
}
export type TypingListener = (signal: TypingSignal) => void;

/** A colleague's overall status changed (`presence` from the server, for the people this tab watches). */
export interface PresenceSignal {
  userId: string;
  status: 'online' | 'away' | 'offline';
  lastSeenAt: string | null;
}
export type PresenceListener = (signal: PresenceSignal) => void;

/** Colleagues who came online lately (`presence:arrived`, at most every 2 s, to all employees). */
export interface ArrivalSignal {
  userIds: string[];
  /** More came online than listed. */
  more: boolean;
}
export type ArrivalListener = (signal: ArrivalSignal) => void;

export type RealtimeMessage = { kind: 'event'; event: RealtimeEvent } | { kind: 'reload' };
export type RealtimeListener = (message: RealtimeMessage) => void;

const listeners = new Set<RealtimeListener>();
const typingListeners = new Set<TypingListener>();
const presenceListeners = new Set<PresenceListener>();
const arrivalListeners = new Set<ArrivalListener>();
let socket: Socket | null = null;
let lastEventId: string | null = null;
/** Bumped by every connect and disconnect, so a connection that finishes loading after a logout is dropped. */
let generation = 0;
let connecting = false;
/** Removes the page-visibility listener of the current connection. */
let stopVisibility: (() => void) | null = null;

function notify(message: RealtimeMessage): void {
  for (const listener of listeners) {
    try {
      listener(message);
    } catch {
      // One listener's problem must not stop the others.
    }
  }
}

/** Event ids seen lately (bounded), to drop a repeat. */
const seen = new Set<string>();
const seenOrder: string[] = [];
function remember(id: string): void {
  seen.add(id);
  seenOrder.push(id);
  if (seenOrder.length > 500) seen.delete(seenOrder.shift() as string);
}

/**
 * Presence is sent only for the people a tab shows: components register the ids they display
 * (`watchPresence`), and the union goes to the server as `presence:watch`, which answers with their
 * current status and then sends each change.
 */
const watched = new Map<string, number>();
let watchTimer: ReturnType<typeof setTimeout> | null = null;

function sendWatch(): void {
  watchTimer = null;
  if (!socket?.connected) return;
  socket.emit('presence:watch', [...watched.keys()], (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const signal of items as PresenceSignal[]) {
      if (typeof signal?.userId === 'string') for (const listener of presenceListeners) listener(signal);
    }
  });
}

function scheduleWatch(): void {
  if (watchTimer === null) watchTimer = setTimeout(sendWatch, 50);
}

/** Asks for the presence of these people while the returned function has not been called. */
export function watchPresence(userIds: readonly string[]): () => void {
  for (const id of userIds) watched.set(id, (watched.get(id) ?? 0) + 1);
  scheduleWatch();
  return () => {
    for (const id of userIds) {
      const n = (watched.get(id) ?? 1) - 1;
      if (n <= 0) watched.delete(id);
      else watched.set(id, n);
    }
    scheduleWatch();
  };
}

/** Opens the tab's connection (once; further calls while connected do nothing). */
export function connectRealtime(): void {
  if (socket || connecting || typeof window === 'undefined') return;
  connecting = true;
  const mine = ++generation;
  import('socket.io-client').then(
    ({ io }) => {
      if (mine !== generation || socket) return;
      connecting = false;
      let connectedBefore = false;
      const s = io({
        path: '/api/v1/realtime',
        transports: ['websocket', 'polling'],
        withCredentials: true,
        // A function, so every reconnect sends the id seen last.
        auth: (cb) => cb(lastEventId ? { lastEventId } : {}),
      });
      s.on('connect', () => {
        // Back after a gap without a known event id: nothing can be replayed, so refetch everything.
        if (connectedBefore && !lastEventId) notify({ kind: 'reload' });
        connectedBefore = true;
      });
      s.on('event', (event: RealtimeEvent) => {
        if (!event || typeof event.type !== 'string') return;
        if (typeof event.id === 'string') {
          // A replay right after a reconnect may repeat an event that also arrived live: once is enough.
          if (seen.has(event.id)) return;
          remember(event.id);
          lastEventId = event.id;
        }
        notify({ kind: 'event', event });
      });
      s.on('typing', (signal: TypingSignal) => {
        if (!signal || typeof signal.conversationId !== 'string' || typeof signal.userId !== 'string') return;
        for (const listener of typingListeners) listener(signal);
      });
      s.on('presence:arrived', (signal: ArrivalSignal) => {
        if (!signal || !Array.isArray(signal.userIds)) return;
        for (const listener of arrivalListeners) listener(signal);
      });
      s.on('presence', (signal: PresenceSignal) => {
        if (!signal || typeof signal.userId !== 'string' || !['online', 'away', 'offline'].includes(signal.status)) return;
        for (const listener of presenceListeners) listener(signal);
      });
      // Tab hidden → away, visible again → online (the server combines all of a person's tabs).
      const sendPresence = () => {
        if (s.connected) s.emit('presence', document.visibilityState === 'hidden' ? 'away' : 'online');
      };
      s.on('connect', sendPresence);
      // The server forgets what a connection watched: tell it again after every (re)connect.
      s.on('connect', sendWatch);
      document.addEventListener('visibilitychange', sendPresence);
      stopVisibility = () => document.removeEventListener('visibilitychange', sendPresence);
      s.on('reload', () => {
        // The server could not replay: start over from now.
        lastEventId = null;
        notify({ kind: 'reload' });
      });
      socket = s;
    },
    () => {
      // Offline or the chunk failed to load: the app works without live updates.
      if (mine === generation) connecting = false;
    },
  );
}

/** Closes the connection and forgets the position (logout, another user). */
export function disconnectRealtime(): void {
  generation++;
  connecting = false;
  lastEventId = null;
  seen.clear();
  seenOrder.length = 0;
  stopVisibility?.();
  stopVisibility = null;
  socket?.disconnect();
  socket = null;
}

/** Calls `listener` for every event and reload; returns the function that stops it. */
export function subscribeRealtime(listener: RealtimeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Calls `listener` whenever someone types in a conversation; returns the function that stops it. */
export function subscribeTyping(listener: TypingListener): () => void {
  typingListeners.add(listener);
  return () => {
    typingListeners.delete(listener);
  };
}

/** Calls `listener` whenever a colleague comes online, goes away or offline; returns the function that stops it. */
export function subscribePresence(listener: PresenceListener): () => void {
  presenceListeners.add(listener);
  return () => {
    presenceListeners.delete(listener);
  };
}

/** Calls `listener` when colleagues come online (for lists of who is online); returns the function that stops it. */
export function subscribeArrivals(listener: ArrivalListener): () => void {
  arrivalListeners.add(listener);
  return () => {
    arrivalListeners.delete(listener);
  };
}

/** Tells the other members that this user is typing (callers throttle). Nothing happens while offline. */
export function emitTyping(conversationId: string): void {
  if (socket?.connected) socket.emit('typing', { conversationId });
}

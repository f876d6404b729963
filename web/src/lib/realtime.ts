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

export type RealtimeMessage = { kind: 'event'; event: RealtimeEvent } | { kind: 'reload' };
export type RealtimeListener = (message: RealtimeMessage) => void;

const listeners = new Set<RealtimeListener>();
const typingListeners = new Set<TypingListener>();
let socket: Socket | null = null;
let lastEventId: string | null = null;
/** Bumped by every connect and disconnect, so a connection that finishes loading after a logout is dropped. */
let generation = 0;
let connecting = false;

function notify(message: RealtimeMessage): void {
  for (const listener of listeners) {
    try {
      listener(message);
    } catch {
      // One listener's problem must not stop the others.
    }
  }
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
        if (typeof event.id === 'string') lastEventId = event.id;
        notify({ kind: 'event', event });
      });
      s.on('typing', (signal: TypingSignal) => {
        if (!signal || typeof signal.conversationId !== 'string' || typeof signal.userId !== 'string') return;
        for (const listener of typingListeners) listener(signal);
      });
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

/** Tells the other members that this user is typing (callers throttle). Nothing happens while offline. */
export function emitTyping(conversationId: string): void {
  if (socket?.connected) socket.emit('typing', { conversationId });
}

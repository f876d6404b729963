/**
 * The docked chat windows (bottom-right on wide screens, like Facebook's): which conversations are open
 * and which are minimised. A tiny external store (`useSyncExternalStore`), kept in sessionStorage so a
 * reload keeps the windows of this tab. Shared, because the profile and group pages open windows too.
 */
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useCallback, useSyncExternalStore } from 'react';
import { useMe } from './session.ts';

export interface DockWindow {
  conversationId: string;
  minimised: boolean;
}

interface DockState {
  /** Whose windows these are (another login in the same tab starts empty). */
  userId: string | null;
  /** Oldest first; the newest is drawn rightmost. */
  windows: DockWindow[];
}

/** At most this many windows side by side; opening another replaces the oldest. */
export const DOCK_MAX = 3;
/** Where the dock is used; narrower screens open the full-screen conversation instead. */
export const DOCK_MEDIA = '(min-width: 1100px)';
const STORAGE_KEY = 'innenhof.chatDock';

const listeners = new Set<() => void>();
let state: DockState = load();
/** The window that should take the focus when it appears (opened by the user, not restored or popped up). */
let focusRequest: string | null = null;

function load(): DockState {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<DockState>) : null;
    if (parsed && Array.isArray(parsed.windows)) {
      const windows = parsed.windows.filter((w): w is DockWindow => typeof w?.conversationId === 'string' && typeof w.minimised === 'boolean').slice(-DOCK_MAX);
      return { userId: typeof parsed.userId === 'string' ? parsed.userId : null, windows };
    }
  } catch {
    // Storage blocked or garbage: start empty.
  }
  return { userId: null, windows: [] };
}

function set(next: DockState): void {
  state = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private mode: the windows just do not survive a reload.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The open windows of this user (oldest first). */
export function useDockWindows(userId: string): DockWindow[] {
  const current = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
  return current.userId === userId ? current.windows : EMPTY;
}
const EMPTY: DockWindow[] = [];

/** The windows right now, outside React (event handlers). */
export function dockWindows(userId: string): DockWindow[] {
  return state.userId === userId ? state.windows : EMPTY;
}

/**
 * Opens (or restores and brings to the front) the window of a conversation. `minimised` opens it as a
 * bar (an incoming message); an already open window is left as it is then.
 */
export function openDockWindow(userId: string, conversationId: string, options: { minimised?: boolean } = {}): void {
  const windows = dockWindows(userId);
  const existing = windows.find((w) => w.conversationId === conversationId);
  if (existing && options.minimised) return;
  const others = windows.filter((w) => w.conversationId !== conversationId);
  const next = [...others, { conversationId, minimised: options.minimised ?? false }];
  if (!options.minimised) focusRequest = conversationId;
  set({ userId, windows: next.slice(-DOCK_MAX) });
}

export function setDockMinimised(userId: string, conversationId: string, minimised: boolean): void {
  if (!minimised) focusRequest = conversationId;
  set({ userId, windows: dockWindows(userId).map((w) => (w.conversationId === conversationId ? { ...w, minimised } : w)) });
}

export function closeDockWindow(userId: string, conversationId: string): void {
  set({ userId, windows: dockWindows(userId).filter((w) => w.conversationId !== conversationId) });
}

/** Whether this screen uses docked windows (else conversations open full screen). */
export function dockAvailable(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DOCK_MEDIA).matches;
}

/** Tracks `DOCK_MEDIA` (the dock hides itself on narrow screens, its windows stay in the store). */
export function useDockAvailable(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
      const query = window.matchMedia(DOCK_MEDIA);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    dockAvailable,
    () => false,
  );
}

/** True once for the window the user just opened or restored (it then moves the focus into itself). */
export function takeDockFocus(conversationId: string): boolean {
  if (focusRequest !== conversationId) return false;
  focusRequest = null;
  return true;
}

/**
 * Opens a conversation the way the screen suits: a docked window on wide screens (outside the chat page),
 * else the full-screen conversation at `/chat/:id`.
 */
export function useOpenConversation(): (conversationId: string) => void {
  const navigate = useNavigate();
  const userId = useMe().user.id;
  const onChatPage = useRouterState({ select: (s) => s.location.pathname === '/chat' || s.location.pathname.startsWith('/chat/') });
  return useCallback(
    (conversationId: string) => {
      if (dockAvailable() && !onChatPage) openDockWindow(userId, conversationId);
      else void navigate({ to: '/chat/$conversationId', params: { conversationId } });
    },
    [navigate, userId, onChatPage],
  );
}

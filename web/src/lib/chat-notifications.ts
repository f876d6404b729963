/**
 * Browser notifications for new chat messages: the user's on/off choice (this device, localStorage) and
 * whether the one-time "Get notified?" prompt was answered. The browser's own permission is asked only
 * after a click, never on page load. Shared: the chat dock and the settings page both use it.
 */
import { useSyncExternalStore } from 'react';

const ENABLED_KEY = 'innenhof.chatNotifications';
const PROMPT_KEY = 'innenhof.chatNotificationsPrompt';

export type NotificationState = {
  supported: boolean;
  /** The browser's permission for this site. */
  permission: NotificationPermission;
  /** The user's switch in the settings (on unless switched off). */
  enabled: boolean;
  /** The prompt was answered or dismissed on this device. */
  promptDone: boolean;
};

const listeners = new Set<() => void>();
let snapshot: NotificationState | null = null;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the choice lasts until the tab closes.
  }
}

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function compute(): NotificationState {
  const supported = notificationsSupported();
  return {
    supported,
    permission: supported ? Notification.permission : 'denied',
    enabled: read(ENABLED_KEY) !== 'off',
    promptDone: read(PROMPT_KEY) === 'done',
  };
}

function changed(): void {
  snapshot = null;
  for (const listener of listeners) listener();
}

/** The current state, outside React. */
export function notificationState(): NotificationState {
  const next = compute();
  if (
    !snapshot ||
    snapshot.permission !== next.permission ||
    snapshot.enabled !== next.enabled ||
    snapshot.promptDone !== next.promptDone ||
    snapshot.supported !== next.supported
  ) {
    snapshot = next;
  }
  return snapshot;
}

export function useNotificationState(): NotificationState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      // Another tab changed the switch.
      window.addEventListener('storage', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', listener);
      };
    },
    notificationState,
    notificationState,
  );
}

export function setNotificationsEnabled(enabled: boolean): void {
  write(ENABLED_KEY, enabled ? 'on' : 'off');
  changed();
}

export function dismissNotificationPrompt(): void {
  write(PROMPT_KEY, 'done');
  changed();
}

/** Asks the browser (call only from a click). Resolves with the answer; marks the prompt as answered. */
export async function requestNotificationPermission(): Promise<NotificationPermission> {
  if (!notificationsSupported()) return 'denied';
  let answer: NotificationPermission;
  try {
    answer = await Notification.requestPermission();
  } catch {
    answer = Notification.permission;
  }
  write(PROMPT_KEY, 'done');
  if (answer === 'granted') write(ENABLED_KEY, 'on');
  changed();
  return answer;
}

/** Whether a notification may be shown now: supported, allowed by the browser and not switched off. */
export function mayNotify(): boolean {
  const state = notificationState();
  return state.supported && state.permission === 'granted' && state.enabled;
}

import { useSyncExternalStore } from 'react';

/**
 * The announcements this tab was reminded to confirm (post ids, oldest first). A tiny store outside React,
 * so the real-time listener can add to it and the banner in the app shell can read it.
 */
let reminded: readonly string[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Shows the reminder for a post (once; a repeat moves it to the end). */
export function addReminder(postId: string): void {
  reminded = [...reminded.filter((id) => id !== postId), postId];
  emit();
}

/** Hides the reminder (closed, or the post is confirmed or gone). */
export function dismissReminder(postId: string): void {
  if (!reminded.includes(postId)) return;
  reminded = reminded.filter((id) => id !== postId);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The posts to remind of, in the order the reminders came. */
export function useReminders(): readonly string[] {
  return useSyncExternalStore(
    subscribe,
    () => reminded,
    () => reminded,
  );
}

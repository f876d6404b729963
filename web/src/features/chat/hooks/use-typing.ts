import { useEffect, useRef, useState } from 'react';
import { emitTyping, subscribeTyping } from '../../../lib/realtime.ts';

const SHOW_MS = 4000;
const THROTTLE_MS = 2000;

/** Ids of the people typing in this conversation right now (each shown for ~4 s after their last signal). */
export function useTypingUsers(conversationId: string, meId: string, lastAuthorId?: string, lastMessageId?: string): string[] {
  const [typing, setTyping] = useState<string[]>([]);
  // Their message arrived: they are done typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new message.
  useEffect(() => {
    if (lastAuthorId) setTyping((list) => (list.includes(lastAuthorId) ? list.filter((id) => id !== lastAuthorId) : list));
  }, [lastAuthorId, lastMessageId]);
  useEffect(() => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    setTyping([]);
    const stop = subscribeTyping((signal) => {
      if (signal.conversationId !== conversationId || signal.userId === meId) return;
      const old = timers.get(signal.userId);
      if (old) clearTimeout(old);
      timers.set(
        signal.userId,
        setTimeout(() => {
          timers.delete(signal.userId);
          setTyping((list) => list.filter((id) => id !== signal.userId));
        }, SHOW_MS),
      );
      setTyping((list) => (list.includes(signal.userId) ? list : [...list, signal.userId]));
    });
    return () => {
      stop();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [conversationId, meId]);
  return typing;
}

/** Returns a function to call on every keystroke: it tells the others at most once per 2 s. */
export function useTypingSignal(conversationId: string): () => void {
  const last = useRef(0);
  return () => {
    const now = Date.now();
    if (now - last.current < THROTTLE_MS) return;
    last.current = now;
    emitTyping(conversationId);
  };
}

import type { EmailChannel, NotificationType } from '@innenhof/contract';
import type { Executor } from '../../core/db/index.js';
import { enqueueWithEvent, type StoredEvent } from '../../core/outbox.js';
import type { Actor } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import * as users from '../users/repository.js';

/** The fan-out job: one per event that can notify, enqueued in the event's own transaction. */
export const FANOUT_JOB = 'notifications.fanout';

/** A notification about to be made for one person (the fan-out folds it into their unread row of the same key). */
export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  /** Events with the same key fold into one unread row ("Anna and 3 others commented on your post"). */
  groupKey: string;
  target: { kind: 'post' | 'comment' | 'group' | 'conversation' | 'event' | 'escalation' | 'workshop'; id: string };
  postId?: string | null;
  groupId?: string | null;
  detail?: string | null;
}

/**
 * Makes the drafts for one event: who hears of it. Producers decide who may see the subject *now* (the
 * fan-out runs after commit); the bell and the e-mail check again when they show it.
 */
export type Producer = (db: Executor, event: StoredEvent, ctx: AppContext) => Promise<NotificationDraft[]>;

const producers = new Map<string, Producer[]>();

/**
 * A feature declares what it notifies about: for an event type, a producer of drafts. Texts live in the
 * `notifications` message catalogs (web) and `mail.json` → `notification` (e-mail), keyed by type.
 */
export function notifyOn(eventType: string, producer: Producer): void {
  const list = producers.get(eventType) ?? [];
  list.push(producer);
  producers.set(eventType, list);
  enqueueWithEvent(eventType, FANOUT_JOB);
}

/** Keeps the drafts whose person is active and may see the subject now (`sees`): deactivated people and outsiders drop out. */
export async function onlyThoseWho(db: Executor, drafts: NotificationDraft[], sees: (actor: Actor) => Promise<boolean>): Promise<NotificationDraft[]> {
  const people = await users.findByIds(
    db,
    drafts.map((d) => d.userId),
  );
  const out: NotificationDraft[] = [];
  for (const d of drafts) {
    const u = people.get(d.userId);
    if (u?.status === 'active' && (await sees({ id: u.id, role: u.role, status: u.status }))) out.push(d);
  }
  return out;
}

export function producersFor(eventType: string): Producer[] {
  return producers.get(eventType) ?? [];
}

/**
 * Defaults per type: mentions, replies to me, invitations and announcements by e-mail at once;
 * reactions in the app only; comments, shares and group posts in the daily digest.
 */
export const DEFAULT_CHANNELS: Record<NotificationType, { inApp: boolean; email: EmailChannel }> = {
  mention: { inApp: true, email: 'immediately' },
  comment: { inApp: true, email: 'daily' },
  reply: { inApp: true, email: 'immediately' },
  reaction: { inApp: true, email: 'off' },
  share: { inApp: true, email: 'daily' },
  group_invitation: { inApp: true, email: 'immediately' },
  join_request: { inApp: true, email: 'immediately' },
  join_approved: { inApp: true, email: 'immediately' },
  group_post: { inApp: true, email: 'daily' },
  announcement: { inApp: true, email: 'immediately' },
  // Chat is not in the bell (the chat has its own badges): only an e-mail when unread for a while.
  chat_message: { inApp: false, email: 'immediately' },
  // Quick feedback is the point of a poll: the audience hears of it by e-mail at once, and those who have not voted are reminded.
  poll: { inApp: true, email: 'immediately' },
  poll_reminder: { inApp: true, email: 'immediately' },
  event: { inApp: true, email: 'immediately' },
  event_reminder: { inApp: true, email: 'immediately' },
  event_promoted: { inApp: true, email: 'immediately' },
  event_cancelled: { inApp: true, email: 'immediately' },
  // Urgent: always in the app and mailed at once, whatever the person's settings (see URGENT_TYPES).
  escalation: { inApp: true, email: 'immediately' },
  // Only the invited participants; the invitation names the session, never a briefing.
  workshop_invitation: { inApp: true, email: 'immediately' },
};

/**
 * Urgent types: always in the app and mailed at once, whatever the person's settings, digest or e-mail pause
 * (an escalation must reach its assignee).
 */
export const URGENT_TYPES: ReadonlySet<NotificationType> = new Set<NotificationType>(['escalation']);

/** Types whose first e-mail waits: chat messages are mailed only when still unread, by someone offline, 15 minutes later. */
export const FIRST_EMAIL_DELAY_MS: Partial<Record<NotificationType, number>> = { chat_message: 15 * 60_000 };

/** The order in which one event's drafts for the same person win (a comment that mentions me is a mention). */
export const PRIORITY: readonly NotificationType[] = [
  'escalation',
  'announcement',
  'mention',
  'reply',
  'comment',
  'share',
  'group_post',
  'reaction',
  'group_invitation',
  'join_request',
  'join_approved',
  'chat_message',
  'event_cancelled',
  'event_promoted',
  'event_reminder',
  'event',
  'poll_reminder',
  'poll',
  'workshop_invitation',
];

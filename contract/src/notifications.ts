import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { UserSummary } from './users.js';

/**
 * Every kind of notification. Features add theirs on the server by declaring a type (its grouping key,
 * default channels and texts in both languages) in their `notifications.ts`; this list is what clients know.
 */
export const NotificationTypes = [
  'mention',
  'comment',
  'reply',
  'reaction',
  'share',
  'group_invitation',
  'join_request',
  'join_approved',
  'group_post',
  'announcement',
  'chat_message',
  'poll',
  'poll_reminder',
  'event',
  'event_reminder',
  'event_promoted',
  'event_cancelled',
  'escalation',
  'workshop_invitation',
] as const;
export type NotificationType = (typeof NotificationTypes)[number];
export const NotificationType = Type.Union([
  Type.Literal('mention'),
  Type.Literal('comment'),
  Type.Literal('reply'),
  Type.Literal('reaction'),
  Type.Literal('share'),
  Type.Literal('group_invitation'),
  Type.Literal('join_request'),
  Type.Literal('join_approved'),
  Type.Literal('group_post'),
  Type.Literal('announcement'),
  Type.Literal('chat_message'),
  Type.Literal('poll'),
  Type.Literal('poll_reminder'),
  Type.Literal('event'),
  Type.Literal('event_reminder'),
  Type.Literal('event_promoted'),
  Type.Literal('event_cancelled'),
  Type.Literal('escalation'),
  Type.Literal('workshop_invitation'),
]);

/** What a notification points at; `url` is the app path to open. */
export const NotificationTarget = Type.Object({
  kind: Type.Union([
    Type.Literal('post'),
    Type.Literal('comment'),
    Type.Literal('group'),
    Type.Literal('conversation'),
    Type.Literal('event'),
    Type.Literal('escalation'),
    Type.Literal('workshop'),
  ]),
  id: Id,
  url: Type.String(),
});

/**
 * One row in the bell: grouped ("Anna and 3 others reacted to your post"): `actors` are the latest (up to
 * 3), `actorCount` all distinct people, `count` the events folded into it. Texts are the client's, from
 * `type` and these fields; `excerpt` is a short plain-text piece of the post or comment (current, and only
 * while the reader may still see it).
 */
export const Notification = Type.Object({
  id: Id,
  type: NotificationType,
  actors: Type.Array(UserSummary),
  actorCount: Type.Integer(),
  count: Type.Integer(),
  target: NotificationTarget,
  group: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  excerpt: Type.Union([Type.String(), Type.Null()]),
  /** For mentions: where (`post`, `comment`); for reactions: on what (`post`, `comment`). */
  detail: Type.Union([Type.String(), Type.Null()]),
  read: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Notification = Static<typeof Notification>;

export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unread: Type.Integer(),
});
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationsQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  unread: Type.Optional(Type.Boolean()),
});

export const UnreadNotifications = Type.Object({ unread: Type.Integer() });

export const EmailChannel = Type.Union([Type.Literal('immediately'), Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('off')]);
export type EmailChannel = Static<typeof EmailChannel>;

/** Per type: in the app (on/off) and by e-mail (immediately, daily digest, weekly digest, off). */
export const NotificationChannelSetting = Type.Object({ type: NotificationType, inApp: Type.Boolean(), email: EmailChannel });
export type NotificationChannelSetting = Static<typeof NotificationChannelSetting>;

/** Per group: every post, only announcements and mentions, or nothing. */
export const GroupPostsSetting = Type.Union([Type.Literal('all'), Type.Literal('important'), Type.Literal('off')]);
export type GroupPostsSetting = Static<typeof GroupPostsSetting>;

export const NotificationSettings = Type.Object({
  types: Type.Array(NotificationChannelSetting),
  groups: Type.Array(Type.Object({ groupId: Id, name: Type.String(), posts: GroupPostsSetting })),
  /** E-mails paused until then (null: not paused). */
  emailPausedUntil: Type.Union([Timestamp, Type.Null()]),
  /** IANA time zone: digests arrive at 07:00 there (daily; weekly on Mondays). */
  timeZone: Type.String(),
  /** The person chose the time zone (else `timeZone` is the company's default, and the app shows times in the device's). */
  timeZoneSet: Type.Boolean(),
});
export type NotificationSettings = Static<typeof NotificationSettings>;

export const UpdateNotificationSettings = Type.Object(
  {
    types: Type.Optional(
      Type.Array(
        Type.Object({ type: NotificationType, inApp: Type.Optional(Type.Boolean()), email: Type.Optional(EmailChannel) }, { additionalProperties: false }),
        { maxItems: 50 },
      ),
    ),
    groups: Type.Optional(Type.Array(Type.Object({ groupId: Id, posts: GroupPostsSetting }, { additionalProperties: false }), { maxItems: 500 })),
    /** Pause e-mails for this many days (0 resumes them). */
    pauseEmailDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })),
    /** IANA time zone such as `Europe/Berlin` (for the 07:00 digest). */
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type UpdateNotificationSettings = Static<typeof UpdateNotificationSettings>;

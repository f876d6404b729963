import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { UserSummary } from './users.js';

export const EventLimits = { titleMax: 200, descriptionMax: 5000, locationMax: 200, urlMax: 2048, invitedMax: 500, capacityMax: 100000 } as const;

/**
 * Who an event is for: a group's members, every employee (`company`), or the people invited by name.
 * Group and company events also appear as a post in that feed, whose comments are the event's comments.
 */
// No `additionalProperties: false` on the branches: the server's Ajv removes additional properties while
// it tries each branch, so the first branch would strip `userIds` from an invited audience (as feed's Audience).
export const EventAudience = Type.Union([
  Type.Object({ kind: Type.Literal('group'), groupId: Id }),
  Type.Object({ kind: Type.Literal('company') }),
  Type.Object({ kind: Type.Literal('invited'), userIds: Type.Array(Id, { minItems: 1, maxItems: EventLimits.invitedMax, uniqueItems: true }) }),
]);
export type EventAudience = Static<typeof EventAudience>;

/** My answer; `waiting` is "going" on the waiting list of a full event. */
export const RsvpStatus = Type.Union([Type.Literal('going'), Type.Literal('maybe'), Type.Literal('declined'), Type.Literal('waiting')]);
export type RsvpStatus = Static<typeof RsvpStatus>;

/** Local wall-clock time in the event's time zone: `2026-12-04T12:00` (all-day events: `2026-12-04`). */
const LocalDateTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?$', description: 'local date-time in timeZone' });

const EventFields = {
  title: Type.String({ minLength: 1, maxLength: EventLimits.titleMax, pattern: '\\S' }),
  /** Light markdown. */
  description: Type.Optional(Type.String({ maxLength: EventLimits.descriptionMax })),
  /** Local start and end in `timeZone`; all-day events give dates (the end date inclusive). */
  start: LocalDateTime,
  end: LocalDateTime,
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  allDay: Type.Optional(Type.Boolean()),
  location: Type.Optional(Type.Union([Type.String({ maxLength: EventLimits.locationMax }), Type.Null()])),
  /** Online-meeting link (http/https). */
  onlineUrl: Type.Optional(Type.Union([Type.String({ maxLength: EventLimits.urlMax }), Type.Null()])),
  /** An uploaded image (`POST /api/v1/posts/attachments`) shown as the cover. */
  coverAttachmentId: Type.Optional(Type.Union([Id, Type.Null()])),
  /** Places; further "going" answers join the waiting list. */
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: EventLimits.capacityMax }), Type.Null()])),
  /** Minutes before the start when participants are reminded (default 60; null: no reminder). */
  reminderMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 7 * 24 * 60 }), Type.Null()])),
  /** RFC 5545 RRULE without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;BYDAY=FR`; occurrences keep the local wall-clock time. */
  recurrence: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
};

export const CreateEvent = Type.Object({ ...EventFields, audience: EventAudience }, { additionalProperties: false });
export type CreateEvent = Static<typeof CreateEvent>;

/**
 * `PATCH /api/v1/events/:id`. For a recurring event, `scope: 'this'` with `occurrence` changes one
 * occurrence (its start, end, title, location or cancellation); `all` (the default) the whole series.
 */
export const UpdateEvent = Type.Object(
  {
    title: Type.Optional(EventFields.title),
    description: EventFields.description,
    start: Type.Optional(LocalDateTime),
    end: Type.Optional(LocalDateTime),
    timeZone: Type.Optional(EventFields.timeZone),
    allDay: EventFields.allDay,
    location: EventFields.location,
    onlineUrl: EventFields.onlineUrl,
    coverAttachmentId: EventFields.coverAttachmentId,
    capacity: EventFields.capacity,
    reminderMinutes: EventFields.reminderMinutes,
    recurrence: EventFields.recurrence,
    /** Cancel (true) or restore (false) the event or, with scope `this`, one occurrence. */
    cancelled: Type.Optional(Type.Boolean()),
    scope: Type.Optional(Type.Union([Type.Literal('this'), Type.Literal('all')])),
    /** The occurrence's original start (UTC), as in `Event.occurrence`. */
    occurrence: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type UpdateEvent = Static<typeof UpdateEvent>;

export const RsvpCounts = Type.Object({ going: Type.Integer(), maybe: Type.Integer(), declined: Type.Integer(), waiting: Type.Integer() });

/**
 * An event, or one occurrence of a recurring event (`occurrence` is then its original start, the key for
 * RSVPs and per-occurrence changes). `startsAt`/`endsAt` are UTC instants: clients show them in the
 * viewer's time zone. All-day events also carry `startDate`/`endDate` (inclusive), which no time zone moves.
 */
export const Event = Type.Object({
  id: Id,
  title: Type.String(),
  description: Type.String(),
  organizer: Type.Union([UserSummary, Type.Null()]),
  audience: Type.Object({
    kind: Type.Union([Type.Literal('group'), Type.Literal('company'), Type.Literal('invited')]),
    group: Type.Union([Type.Object({ id: Id, slug: Type.String(), name: Type.String(), visibility: Type.String() }), Type.Null()]),
  }),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: Type.String(),
  allDay: Type.Boolean(),
  startDate: Type.Union([Type.String(), Type.Null()]),
  endDate: Type.Union([Type.String(), Type.Null()]),
  location: Type.Union([Type.String(), Type.Null()]),
  onlineUrl: Type.Union([Type.String(), Type.Null()]),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  recurrence: Type.Union([Type.String(), Type.Null()]),
  occurrence: Type.Union([Timestamp, Type.Null()]),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  reminderMinutes: Type.Union([Type.Integer(), Type.Null()]),
  counts: RsvpCounts,
  myRsvp: Type.Union([RsvpStatus, Type.Null()]),
  /** My place on the waiting list (1 = next to move up). */
  myWaitingPosition: Type.Union([Type.Integer(), Type.Null()]),
  /** The feed post carrying the event's comments (group and company events). */
  postId: Type.Union([Id, Type.Null()]),
  /** Made from a date poll. */
  pollId: Type.Union([Id, Type.Null()]),
  cancelledAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  abilities: Type.Object({ edit: Type.Boolean(), delete: Type.Boolean(), rsvp: Type.Boolean(), seeParticipants: Type.Boolean() }),
});
export type Event = Static<typeof Event>;

/**
 * `GET /api/v1/events`: occurrences I can see, soonest first. `from`/`to` bound a range (the month
 * calendar); without them, upcoming ones. `mine` = those I organise or answered going/maybe/waiting;
 * `userId` = a colleague's (on their profile; only events I can see); `groupId` = a group's.
 */
export const EventsQuery = Type.Object({
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
  mine: Type.Optional(Type.Boolean()),
  userId: Type.Optional(Id),
  groupId: Type.Optional(Id),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type EventsQuery = Static<typeof EventsQuery>;

/** `?occurrence=` on event routes: which occurrence of a recurring event. */
export const OccurrenceQuery = Type.Object({ occurrence: Type.Optional(Timestamp) });

/** `PUT /api/v1/events/:id/rsvp`: going (or the waiting list when full), maybe, declined. `DELETE` withdraws. */
export const SetRsvp = Type.Object(
  {
    status: Type.Union([Type.Literal('going'), Type.Literal('maybe'), Type.Literal('declined')]),
    occurrence: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type SetRsvp = Static<typeof SetRsvp>;

export const Participant = Type.Object({
  user: UserSummary,
  status: RsvpStatus,
  /** On the waiting list: the place (1 = next). */
  position: Type.Union([Type.Integer(), Type.Null()]),
  answeredAt: Timestamp,
});
export type Participant = Static<typeof Participant>;

/** `GET /api/v1/events/:id/participants?occurrence=&status=`: pages of participants (waiting list in order). */
export const ParticipantsQuery = Type.Object({
  occurrence: Type.Optional(Timestamp),
  status: Type.Optional(RsvpStatus),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

/**
 * My personal calendar feed (`GET/POST/DELETE /api/v1/calendar/feed`): a secret URL for Outlook,
 * Thunderbird and phones; POST makes a new one (the old stops working), DELETE revokes it.
 */
export const CalendarFeed = Type.Object({ url: Type.Union([Type.String(), Type.Null()]), createdAt: Type.Union([Timestamp, Type.Null()]) });
export type CalendarFeed = Static<typeof CalendarFeed>;

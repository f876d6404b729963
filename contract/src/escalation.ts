import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { PresenceStatus, UserSummary } from './users.js';

/**
 * The escalation directory ("Wer ist zuständig?"): topics of responsibility with business hours, an
 * out-of-hours rule and an escalation chain, plus urgent escalations that must be acknowledged.
 */
export const EscalationLimits = {
  titleMax: 200,
  descriptionMax: 5000,
  keywordMax: 60,
  keywordsMax: 30,
  /** Levels in a chain (level 1 → 2 → 3). */
  chainMax: 3,
  conditionMax: 500,
  rotaMax: 52,
  spansPerDayMax: 6,
  ackTimeoutMinutesDefault: 30,
  ackTimeoutMinutesMin: 1,
  ackTimeoutMinutesMax: 7 * 24 * 60,
  messageMax: 5000,
  holidaysMax: 366,
  holidayNameMax: 100,
  editorsMax: 200,
} as const;

/** `HH:mm`, 00:00–23:59; a span's end may be `24:00` (until midnight). */
const Clock = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'HH:mm local time' });

/** One opening span on a weekday, local time in the topic's time zone; `end` after `start`. */
export const HoursSpan = Type.Object({ start: Clock, end: Clock }, { additionalProperties: false });
export type HoursSpan = Static<typeof HoursSpan>;

export const Weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof Weekdays)[number];

const DaySpans = Type.Array(HoursSpan, { maxItems: EscalationLimits.spansPerDayMax });

/** Business hours per weekday; a missing or empty day is closed. Spans of a day must not overlap. */
export const BusinessHoursInput = Type.Object(
  {
    mon: Type.Optional(DaySpans),
    tue: Type.Optional(DaySpans),
    wed: Type.Optional(DaySpans),
    thu: Type.Optional(DaySpans),
    fri: Type.Optional(DaySpans),
    sat: Type.Optional(DaySpans),
    sun: Type.Optional(DaySpans),
  },
  { additionalProperties: false },
);
export type BusinessHoursInput = Static<typeof BusinessHoursInput>;

/** As the server returns them: every weekday present (empty = closed), spans sorted. */
export const BusinessHours = Type.Object({
  mon: Type.Array(HoursSpan),
  tue: Type.Array(HoursSpan),
  wed: Type.Array(HoursSpan),
  thu: Type.Array(HoursSpan),
  fri: Type.Array(HoursSpan),
  sat: Type.Array(HoursSpan),
  sun: Type.Array(HoursSpan),
});
export type BusinessHours = Static<typeof BusinessHours>;

/** ISO week, e.g. `2026-W48`. */
const IsoWeek = Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$', description: 'ISO week YYYY-Www' });

/**
 * After hours (and on holidays): one named on-call person; a rota (one person per ISO week, in the
 * given order, starting with the first person in `startWeek`); or explicitly "wait until the next business day".
 */
// No `additionalProperties: false` on the branches (Ajv strips properties while trying branches; see events' audience).
export const OutOfHoursInput = Type.Union([
  Type.Object({ kind: Type.Literal('on_call'), userId: Id }),
  Type.Object({
    kind: Type.Literal('rota'),
    userIds: Type.Array(Id, { minItems: 1, maxItems: EscalationLimits.rotaMax }),
    startWeek: IsoWeek,
  }),
  Type.Object({ kind: Type.Literal('next_business_day') }),
]);
export type OutOfHoursInput = Static<typeof OutOfHoursInput>;

/** Level n of the chain: who, and when to escalate to them (free text, e.g. "threat of legal action"). */
export const ChainLevelInput = Type.Object(
  { userId: Id, condition: Type.String({ maxLength: EscalationLimits.conditionMax }) },
  { additionalProperties: false },
);
export type ChainLevelInput = Static<typeof ChainLevelInput>;

const TopicFields = {
  title: Type.String({ minLength: 1, maxLength: EscalationLimits.titleMax, pattern: '\\S' }),
  description: Type.Optional(Type.String({ maxLength: EscalationLimits.descriptionMax })),
  /** Search keywords ("Shitstorm", "Beschwerde", "Facebook"). */
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: EscalationLimits.keywordMax, pattern: '\\S' }), { maxItems: EscalationLimits.keywordsMax }),
  ),
  responsibleId: Id,
  deputyId: Type.Optional(Type.Union([Id, Type.Null()])),
  /** IANA time zone of the business hours, e.g. Europe/Berlin. */
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  businessHours: BusinessHoursInput,
  /**
   * Up to 3 levels. An escalation starts at level 1 with whoever `now.contact` is (the responsible in
   * hours, the on-call or rota person after hours); level 1's `userId` is used when nobody else is
   * reachable. Unacknowledged after `ackTimeoutMinutes`, it moves to level 2, then 3.
   */
  chain: Type.Optional(Type.Array(ChainLevelInput, { maxItems: EscalationLimits.chainMax })),
  /** Minutes before an unacknowledged escalation moves to the next level (default 30). */
  ackTimeoutMinutes: Type.Optional(Type.Integer({ minimum: EscalationLimits.ackTimeoutMinutesMin, maximum: EscalationLimits.ackTimeoutMinutesMax })),
  outOfHours: OutOfHoursInput,
};

/** `POST /api/v1/escalation/topics` (admins and directory editors). */
export const CreateEscalationTopic = Type.Object(TopicFields, { additionalProperties: false });
export type CreateEscalationTopic = Static<typeof CreateEscalationTopic>;

/** `PATCH /api/v1/escalation/topics/:id`: any subset of the fields. Each change stores a version. */
export const UpdateEscalationTopic = Type.Object(
  {
    title: Type.Optional(TopicFields.title),
    description: TopicFields.description,
    keywords: TopicFields.keywords,
    responsibleId: Type.Optional(Id),
    deputyId: TopicFields.deputyId,
    timeZone: Type.Optional(TopicFields.timeZone),
    businessHours: Type.Optional(BusinessHoursInput),
    chain: TopicFields.chain,
    ackTimeoutMinutes: TopicFields.ackTimeoutMinutes,
    outOfHours: Type.Optional(OutOfHoursInput),
  },
  { additionalProperties: false },
);
export type UpdateEscalationTopic = Static<typeof UpdateEscalationTopic>;

/** A person to contact: the directory summary plus phone, e-mail and presence (for "call now" and print). */
export const EscalationPerson = Type.Object({
  ...UserSummary.properties,
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  presence: PresenceStatus,
});
export type EscalationPerson = Static<typeof EscalationPerson>;

/** How the current contact was found: the responsible (in hours), on-call, rota, or nobody until `nextOpening`. */
export const ContactVia = Type.Union([Type.Literal('responsible'), Type.Literal('on_call'), Type.Literal('rota'), Type.Literal('wait')]);
export type ContactVia = Static<typeof ContactVia>;

/**
 * "Who to contact right now". `contact` is null with `via: 'wait'` (next_business_day after hours);
 * `nextOpening` is the next start of business hours (UTC) when outside them, else null.
 */
export const ContactNow = Type.Object({
  at: Timestamp,
  inHours: Type.Boolean(),
  contact: Type.Union([EscalationPerson, Type.Null()]),
  deputy: Type.Union([EscalationPerson, Type.Null()]),
  via: ContactVia,
  nextOpening: Type.Union([Timestamp, Type.Null()]),
  /** Today is a company holiday (its name), in the topic's time zone. */
  holiday: Type.Union([Type.String(), Type.Null()]),
});
export type ContactNow = Static<typeof ContactNow>;

export const ChainLevel = Type.Object({
  /** 1, 2 or 3. */
  level: Type.Integer(),
  person: Type.Union([EscalationPerson, Type.Null()]),
  condition: Type.String(),
});
export type ChainLevel = Static<typeof ChainLevel>;

export const OutOfHours = Type.Union([
  Type.Object({ kind: Type.Literal('on_call'), person: Type.Union([EscalationPerson, Type.Null()]) }),
  Type.Object({
    kind: Type.Literal('rota'),
    people: Type.Array(EscalationPerson),
    startWeek: Type.String(),
    /** Whose week it is now (index into `people`). */
    currentIndex: Type.Integer(),
  }),
  Type.Object({ kind: Type.Literal('next_business_day') }),
]);
export type OutOfHours = Static<typeof OutOfHours>;

export const EscalationTopicAbilities = Type.Object({ update: Type.Boolean(), archive: Type.Boolean(), escalate: Type.Boolean() });

/** A topic, as both the list and the detail return it (everything the printable page needs). */
export const EscalationTopic = Type.Object({
  id: Id,
  title: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  responsible: Type.Union([EscalationPerson, Type.Null()]),
  deputy: Type.Union([EscalationPerson, Type.Null()]),
  timeZone: Type.String(),
  businessHours: BusinessHours,
  chain: Type.Array(ChainLevel),
  ackTimeoutMinutes: Type.Integer(),
  outOfHours: OutOfHours,
  now: ContactNow,
  /** Increases with every change (1 = created). */
  version: Type.Integer(),
  archivedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: EscalationTopicAbilities,
});
export type EscalationTopic = Static<typeof EscalationTopic>;

/**
 * `GET /api/v1/escalation/topics?q=`: active topics by title (A–Z); `q` searches title, keywords and
 * description (case-insensitive). `archived=true` lists archived ones instead (editors only).
 */
export const EscalationTopicsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  archived: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type EscalationTopicsQuery = Static<typeof EscalationTopicsQuery>;

export const EscalationTopicPage = Type.Object({
  items: Type.Array(EscalationTopic),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  /** The viewer may create topics (admins and directory editors). */
  canCreate: Type.Boolean(),
  /** The viewer may appoint directory editors and set holidays (admins). */
  canManage: Type.Boolean(),
});
export type EscalationTopicPage = Static<typeof EscalationTopicPage>;

/** One field's change in a version: readable before/after values (names, "Mon 09:00–17:00", …). */
export const TopicChange = Type.Object({
  /** The field key, as in `UpdateEscalationTopic` (`archived` for archive/restore). */
  field: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
});

/** `GET /api/v1/escalation/topics/:id/versions`: newest first. */
export const EscalationTopicVersion = Type.Object({
  id: Id,
  version: Type.Integer(),
  author: Type.Union([UserSummary, Type.Null()]),
  createdAt: Timestamp,
  /** English one-line summary, e.g. "Created" or "Changed responsible, business hours". */
  summary: Type.String(),
  changes: Type.Array(TopicChange),
  /** The topic's stored fields after this change (ids, not people). */
  snapshot: Type.Record(Type.String(), Type.Unknown()),
});
export type EscalationTopicVersion = Static<typeof EscalationTopicVersion>;

export const EscalationTopicVersionPage = Type.Object({
  items: Type.Array(EscalationTopicVersion),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A company-wide holiday: the whole local day counts as outside business hours in every topic. */
export const Holiday = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
    name: Type.String({ minLength: 1, maxLength: EscalationLimits.holidayNameMax, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type Holiday = Static<typeof Holiday>;

/** `GET /api/v1/escalation/holidays` (everyone who may read); `PUT` replaces the whole list (admins). */
export const Holidays = Type.Object({ items: Type.Array(Holiday, { maxItems: EscalationLimits.holidaysMax }) }, { additionalProperties: false });
export type Holidays = Static<typeof Holidays>;

/** `PUT /api/v1/escalation/editors` (admins): the people besides admins who may edit topics. */
export const SetDirectoryEditors = Type.Object(
  { userIds: Type.Array(Id, { maxItems: EscalationLimits.editorsMax, uniqueItems: true }) },
  { additionalProperties: false },
);
export type SetDirectoryEditors = Static<typeof SetDirectoryEditors>;

/** `GET/PUT /api/v1/escalation/editors`. */
export const DirectoryEditors = Type.Object({ items: Type.Array(UserSummary) });
export type DirectoryEditors = Static<typeof DirectoryEditors>;

/** `POST /api/v1/escalation/topics/:id/escalations`. */
export const RaiseEscalation = Type.Object(
  { message: Type.String({ minLength: 1, maxLength: EscalationLimits.messageMax, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type RaiseEscalation = Static<typeof RaiseEscalation>;

/**
 * `open` waits for acknowledgement; `acknowledged`; `unacknowledged_at_top`: the last level's timeout
 * passed too, it stays open (and can still be acknowledged) but goes no further.
 */
export const EscalationStatus = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('unacknowledged_at_top')]);
export type EscalationStatus = Static<typeof EscalationStatus>;

export const EscalationStepKind = Type.Union([
  Type.Literal('raised'),
  Type.Literal('notified'),
  Type.Literal('escalated'),
  Type.Literal('acknowledged'),
  Type.Literal('unacknowledged_at_top'),
]);
export type EscalationStepKind = Static<typeof EscalationStepKind>;

/** The log: raised (by), notified (whom), escalated (to level), acknowledged (by), unacknowledged_at_top. */
export const EscalationStep = Type.Object({
  kind: EscalationStepKind,
  level: Type.Integer(),
  /** Raiser, notified person or acknowledger. */
  user: Type.Union([UserSummary, Type.Null()]),
  at: Timestamp,
});
export type EscalationStep = Static<typeof EscalationStep>;

/**
 * An urgent escalation. Its web page is `/escalations/:id`: the notification (type `escalation`, target kind
 * `escalation`), the e-mail and the chat message all link there.
 */
export const Escalation = Type.Object({
  id: Id,
  topic: Type.Object({ id: Id, title: Type.String() }),
  message: Type.String(),
  raiser: Type.Union([UserSummary, Type.Null()]),
  status: EscalationStatus,
  /** Current level (1-based) and how many the chain has. */
  level: Type.Integer(),
  levels: Type.Integer(),
  assignee: Type.Union([EscalationPerson, Type.Null()]),
  /** Raised outside business hours (after hours, weekend, holiday). */
  outOfHours: Type.Boolean(),
  /** How level 1 was chosen when raised. */
  via: ContactVia,
  /** Raised outside hours with "next business day": when the topic opens again (the level-1 person is notified anyway). */
  nextOpening: Type.Union([Timestamp, Type.Null()]),
  /** When it moves to the next level if not acknowledged (null when acknowledged or at the top). */
  escalatesAt: Type.Union([Timestamp, Type.Null()]),
  acknowledgedAt: Type.Union([Timestamp, Type.Null()]),
  acknowledgedBy: Type.Union([UserSummary, Type.Null()]),
  /** The direct chat between raiser and current assignee carrying the message. */
  conversationId: Type.Union([Id, Type.Null()]),
  steps: Type.Array(EscalationStep),
  createdAt: Timestamp,
  abilities: Type.Object({ acknowledge: Type.Boolean() }),
});
export type Escalation = Static<typeof Escalation>;

/** `GET /api/v1/escalations?scope=`: `mine` = raised by me, `assigned` = I was notified at some level (default). */
export const EscalationsQuery = Type.Object({
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('assigned')])),
  status: Type.Optional(EscalationStatus),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type EscalationsQuery = Static<typeof EscalationsQuery>;

export const EscalationPage = Type.Object({ items: Type.Array(Escalation), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type EscalationPage = Static<typeof EscalationPage>;

/** Real-time invalidations (`{id, type, subjectId}`, subjectId = the escalation) to the raiser and everyone notified. */
export const EscalationRealtimeTypes = ['escalation.raised', 'escalation.escalated', 'escalation.acknowledged'] as const;
/** Real-time invalidation to every employee when a topic (subjectId) or the holidays (subjectId null) change. */
export const EscalationTopicRealtimeType = 'escalation_topic.changed';

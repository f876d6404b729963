import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { UserSummary } from './users.js';

/**
 * A poll is a kind of post: `CreatePost.poll` makes one in any audience the author may post to, and
 * `Post.poll` shows it. `choice` is a question with options; `date` is a date poll ("Terminfindung"): the
 * options are time slots answered yes / if need be / no.
 */
export const PollKind = Type.Union([Type.Literal('choice'), Type.Literal('date')]);
export type PollKind = Static<typeof PollKind>;

/** When voters see the results: always, once they voted, or once the poll is closed. The author always sees them. */
export const PollResultsVisibility = Type.Union([Type.Literal('always'), Type.Literal('after_vote'), Type.Literal('after_close')]);
export type PollResultsVisibility = Static<typeof PollResultsVisibility>;

/** A date poll's answer per slot. */
export const DateAnswer = Type.Union([Type.Literal('yes'), Type.Literal('maybe'), Type.Literal('no')]);
export type DateAnswer = Static<typeof DateAnswer>;

export const PollLimits = { questionMax: 300, optionMax: 200, optionsMin: 2, optionsMax: 20 } as const;

const OptionLabel = Type.String({ minLength: 1, maxLength: PollLimits.optionMax, pattern: '\\S' });

/** An option as the author proposes it: a label (choice), or a slot (date poll; the label is optional there). */
export const NewPollOption = Type.Object(
  {
    label: Type.Optional(OptionLabel),
    /** Date polls: the slot (UTC instants). */
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  },
  { additionalProperties: false },
);

export const CreatePoll = Type.Object(
  {
    kind: Type.Optional(PollKind),
    question: Type.String({ minLength: 1, maxLength: PollLimits.questionMax, pattern: '\\S' }),
    options: Type.Array(NewPollOption),
    /** Several options may be chosen (choice polls), up to `maxChoices` when set. */
    multiple: Type.Optional(Type.Boolean()),
    maxChoices: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: PollLimits.optionsMax }), Type.Null()])),
    /** Nobody, the author and admins included, can see who chose what. */
    anonymous: Type.Optional(Type.Boolean()),
    results: Type.Optional(PollResultsVisibility),
    /** Members may add options while the poll is open. */
    allowAddOptions: Type.Optional(Type.Boolean()),
    /** Closes by itself then (must be in the future). */
    deadline: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    /** When those who have not voted are reminded; default 24 h before the deadline (none without a deadline). */
    reminderAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    /** The author's time zone (IANA), in which date-poll slots are shown by default. */
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type CreatePoll = Static<typeof CreatePoll>;

export const PollOption = Type.Object({
  id: Id,
  label: Type.String(),
  startsAt: Type.Union([Timestamp, Type.Null()]),
  endsAt: Type.Union([Timestamp, Type.Null()]),
  /** Choice: votes; date: "yes" answers. Null while the results are hidden from the reader. */
  count: Type.Union([Type.Integer(), Type.Null()]),
  /** Date polls: "if need be" and "no" answers (null while hidden; 0 for choice polls). */
  maybeCount: Type.Union([Type.Integer(), Type.Null()]),
  noCount: Type.Union([Type.Integer(), Type.Null()]),
  /** Share of voters (0–100, rounded) who chose it (date: said yes); null while hidden. */
  percent: Type.Union([Type.Number(), Type.Null()]),
  /** Choice polls: I chose it. */
  chosen: Type.Boolean(),
  /** Date polls: my answer. */
  myAnswer: Type.Union([DateAnswer, Type.Null()]),
  /** Named polls with visible results: who chose it (date: who answered, with the answer). Empty when anonymous. */
  voters: Type.Array(Type.Object({ user: UserSummary, answer: Type.Union([DateAnswer, Type.Null()]) })),
  /** Added by a member (not the author). */
  addedByMember: Type.Boolean(),
});
export type PollOption = Static<typeof PollOption>;

export const Poll = Type.Object({
  id: Id,
  postId: Id,
  kind: PollKind,
  question: Type.String(),
  multiple: Type.Boolean(),
  maxChoices: Type.Union([Type.Integer(), Type.Null()]),
  anonymous: Type.Boolean(),
  results: PollResultsVisibility,
  allowAddOptions: Type.Boolean(),
  deadline: Type.Union([Timestamp, Type.Null()]),
  reminderAt: Type.Union([Timestamp, Type.Null()]),
  closedAt: Type.Union([Timestamp, Type.Null()]),
  timeZone: Type.String(),
  options: Type.Array(PollOption),
  /** People who voted (null while the results are hidden from the reader). */
  voterCount: Type.Union([Type.Integer(), Type.Null()]),
  voted: Type.Boolean(),
  resultsVisible: Type.Boolean(),
  /** Date polls: the slot with the most yes (then if-need-be) answers; null before any answer. */
  bestOptionId: Type.Union([Id, Type.Null()]),
  /** Date polls: the event made from the chosen slot. */
  eventId: Type.Union([Id, Type.Null()]),
  abilities: Type.Object({
    vote: Type.Boolean(),
    addOption: Type.Boolean(),
    close: Type.Boolean(),
    reopen: Type.Boolean(),
    export: Type.Boolean(),
    createEvent: Type.Boolean(),
  }),
});
export type Poll = Static<typeof Poll>;

/**
 * `POST /api/v1/polls/:id/votes` — replaces my vote. Choice polls: `optionIds` (one, or up to `maxChoices`);
 * date polls: an answer per slot (slots left out count as no answer). `DELETE` withdraws it.
 */
export const CastVote = Type.Object(
  {
    optionIds: Type.Optional(Type.Array(Id, { maxItems: PollLimits.optionsMax + 100, uniqueItems: true })),
    answers: Type.Optional(Type.Array(Type.Object({ optionId: Id, answer: DateAnswer }, { additionalProperties: false }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type CastVote = Static<typeof CastVote>;

/** `POST /api/v1/polls/:id/options` (when members may add options). */
export const AddPollOption = Type.Object(
  { label: Type.Optional(OptionLabel), startsAt: Type.Optional(Timestamp), endsAt: Type.Optional(Type.Union([Timestamp, Type.Null()])) },
  { additionalProperties: false },
);
export type AddPollOption = Static<typeof AddPollOption>;

/** `PATCH /api/v1/polls/:id` (author): close early, reopen, move the deadline or the reminder. */
export const UpdatePoll = Type.Object(
  {
    closed: Type.Optional(Type.Boolean()),
    deadline: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    reminderAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdatePoll = Static<typeof UpdatePoll>;

/** `POST /api/v1/polls/:id/event` (date polls, author): the chosen slot becomes an event inviting those who said yes or if need be. */
export const PollToEvent = Type.Object(
  {
    optionId: Id,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    location: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PollToEvent = Static<typeof PollToEvent>;

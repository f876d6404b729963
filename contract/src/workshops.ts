import { type Static, Type } from 'typebox';
import { Id, Timestamp } from './common.js';
import { UserSummary } from './users.js';

/**
 * Role-play workshops ("Rollenspiel-Training"): a scenario library (built-in and custom), sessions run by a
 * facilitator on a simulated brand page (the practice stage), injects, exercise escalations. Every session
 * response carries `simulation: true`; the web app marks every screen as a simulation.
 */
export const WorkshopLimits = {
  titleMax: 200,
  textMax: 10000,
  shortMax: 200,
  rolesMax: 8,
  goalsMax: 20,
  injectsMax: 30,
  rubricMax: 10,
  participantsMax: 50,
  messageMax: 5000,
  noteMax: 2000,
} as const;

export const WorkshopLanguage = Type.Union([Type.Literal('de'), Type.Literal('en')]);
export type WorkshopLanguage = Static<typeof WorkshopLanguage>;

/** A stable key inside a scenario (role, inject, criterion): lower-case letters, digits and dashes. */
const Key = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9][a-z0-9-]*$' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max, ...(min > 0 ? { pattern: '\\S' } : {}) });

/** "Saturday 22:00 in Europe/Berlin": scenarios name a weekday (1 = Monday … 7 = Sunday), not a date. */
export const SimulatedMoment = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm' }),
    /** IANA zone; on injects optional (then the scenario's start zone). */
    zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type SimulatedMoment = Static<typeof SimulatedMoment>;

export const RoleSide = Type.Union([Type.Literal('customer'), Type.Literal('company')]);

export const RoleDefinition = Type.Object(
  {
    key: Key,
    name: Text(WorkshopLimits.shortMax, 1),
    /** Observers see the stage but never post. */
    observer: Type.Optional(Type.Boolean()),
    /** Which side of the conversation (response times run from customer messages to the next company message). Default company. */
    side: Type.Optional(RoleSide),
    /** Secret markdown: only this role (in a session) and the scenario's author see it. */
    briefing: Text(WorkshopLimits.textMax),
  },
  { additionalProperties: false },
);

export const InjectDefinition = Type.Object(
  {
    id: Key,
    /** Suggested minute after the start; the facilitator sends injects by hand. */
    afterMinutes: Type.Integer({ minimum: 0, maximum: 1440 }),
    text: Text(WorkshopLimits.messageMax, 1),
    /** The simulated clock jumps to the next such moment. */
    simulatedTime: Type.Optional(SimulatedMoment),
    /** Only this role (and the facilitator) sees it. */
    targetRoleKey: Type.Optional(Key),
  },
  { additionalProperties: false },
);

const ScaleText = Text(1000, 1);
export const RubricCriterion = Type.Object(
  {
    key: Key,
    name: Text(WorkshopLimits.shortMax, 1),
    description: Text(2000),
    scale: Type.Object({ 1: ScaleText, 2: ScaleText, 3: ScaleText, 4: ScaleText, 5: ScaleText }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const ExpectedEscalation = Type.Object(
  {
    /** Matched case-insensitively as parts of the directory's topic titles (built-ins cannot know topic ids). */
    topicHints: Type.Array(Text(WorkshopLimits.shortMax, 1), { maxItems: 10 }),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    note: Text(WorkshopLimits.noteMax),
  },
  { additionalProperties: false },
);

/** A scenario as its author writes it (the same shape as the built-in ones). */
export const ScenarioDefinition = Type.Object(
  {
    title: Text(WorkshopLimits.titleMax, 1),
    situation: Text(WorkshopLimits.textMax),
    stage: Type.Object({ brandName: Text(WorkshopLimits.shortMax, 1), postText: Text(WorkshopLimits.messageMax, 1) }, { additionalProperties: false }),
    roles: Type.Array(RoleDefinition, { minItems: 2, maxItems: WorkshopLimits.rolesMax }),
    goals: Type.Array(Text(1000, 1), { maxItems: WorkshopLimits.goalsMax }),
    /** Escalation-directory topics that count as the right ones in this scenario. */
    linkedTopicIds: Type.Optional(Type.Array(Id, { maxItems: 10, uniqueItems: true })),
    expectedEscalation: Type.Optional(ExpectedEscalation),
    injects: Type.Array(InjectDefinition, { maxItems: WorkshopLimits.injectsMax }),
    rubric: Type.Array(RubricCriterion, { minItems: 1, maxItems: WorkshopLimits.rubricMax }),
    /** The simulated clock when a session starts (the zone is required here). */
    simulatedStart: Type.Object(
      {
        weekday: Type.Integer({ minimum: 1, maximum: 7 }),
        time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm' }),
        zone: Type.String({ minLength: 1, maxLength: 64 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ScenarioDefinition = Static<typeof ScenarioDefinition>;

/** A role as shown: `briefing` only to the scenario's author (never for built-ins: read it in a session as facilitator, or copy the scenario). */
export const ScenarioRole = Type.Object({
  key: Type.String(),
  name: Type.String(),
  observer: Type.Boolean(),
  side: RoleSide,
  briefing: Type.Union([Type.String(), Type.Null()]),
});

export const WorkshopScenario = Type.Object({
  /** `builtin:<key>` for the shipped scenarios. */
  id: Type.String(),
  source: Type.Union([Type.Literal('builtin'), Type.Literal('custom')]),
  language: WorkshopLanguage,
  title: Type.String(),
  situation: Type.String(),
  stage: Type.Object({ brandName: Type.String(), postText: Type.String() }),
  roles: Type.Array(ScenarioRole),
  goals: Type.Array(Type.String()),
  linkedTopicIds: Type.Array(Type.String()),
  expectedEscalation: Type.Union([Type.Object({ topicHints: Type.Array(Type.String()), level: Type.Integer(), note: Type.String() }), Type.Null()]),
  injects: Type.Array(
    Type.Object({
      id: Type.String(),
      afterMinutes: Type.Integer(),
      text: Type.String(),
      simulatedTime: Type.Union([SimulatedMoment, Type.Null()]),
      targetRoleKey: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  rubric: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      description: Type.String(),
      scale: Type.Object({ 1: Type.String(), 2: Type.String(), 3: Type.String(), 4: Type.String(), 5: Type.String() }),
    }),
  ),
  simulatedStart: Type.Object({ weekday: Type.Integer(), time: Type.String(), zone: Type.String() }),
  author: Type.Union([UserSummary, Type.Null()]),
  shared: Type.Boolean(),
  copiedFrom: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.Union([Timestamp, Type.Null()]),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
  abilities: Type.Object({ update: Type.Boolean(), delete: Type.Boolean(), copy: Type.Boolean(), createSession: Type.Boolean() }),
});
export type WorkshopScenario = Static<typeof WorkshopScenario>;

export const ScenarioIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ScenariosQuery = Type.Object({
  /** The language of the built-in scenarios (default: the viewer's language, else German). */
  language: Type.Optional(WorkshopLanguage),
  /** `builtin`, `custom` (mine and shared) or both (default). */
  source: Type.Optional(Type.Union([Type.Literal('builtin'), Type.Literal('custom')])),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const ScenarioQuery = Type.Object({ language: Type.Optional(WorkshopLanguage) });

/**
 * `POST /api/v1/workshops/scenarios`: a new custom scenario from `definition`, or a copy of `copyFrom` (a built-in
 * in `language`, or a custom scenario the caller may read) — then `definition` may be left out.
 */
export const CreateScenario = Type.Object(
  {
    language: Type.Optional(WorkshopLanguage),
    shared: Type.Optional(Type.Boolean()),
    copyFrom: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    definition: Type.Optional(ScenarioDefinition),
  },
  { additionalProperties: false },
);
export type CreateScenario = Static<typeof CreateScenario>;

/** `PATCH`: `definition` replaces the whole definition (sessions already created keep their snapshot). */
export const UpdateScenario = Type.Object(
  { language: Type.Optional(WorkshopLanguage), shared: Type.Optional(Type.Boolean()), definition: Type.Optional(ScenarioDefinition) },
  { additionalProperties: false },
);
export type UpdateScenario = Static<typeof UpdateScenario>;

export const WorkshopSessionState = Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('paused'), Type.Literal('ended')]);
export type WorkshopSessionState = Static<typeof WorkshopSessionState>;

/**
 * `POST /api/v1/workshops/sessions`: roles assigned by name (`participants`) or at random (`random: true` with
 * `userIds`: every playing role gets someone first, the rest are spread over the roles, observers last).
 */
export const CreateWorkshopSession = Type.Object(
  {
    scenarioId: Type.String({ minLength: 1, maxLength: 100 }),
    /** For built-in scenarios: the language to run it in (default: the facilitator's). */
    language: Type.Optional(WorkshopLanguage),
    title: Type.Optional(Text(WorkshopLimits.titleMax, 1)),
    participants: Type.Optional(
      Type.Array(Type.Object({ userId: Id, roleKey: Key }, { additionalProperties: false }), { minItems: 1, maxItems: WorkshopLimits.participantsMax }),
    ),
    random: Type.Optional(Type.Boolean()),
    userIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: WorkshopLimits.participantsMax, uniqueItems: true })),
    /** Participants may also score each other and comment on messages (default: only the facilitator, plus self-assessment). */
    peerScoring: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateWorkshopSession = Static<typeof CreateWorkshopSession>;

/** The simulated clock: `simulatedNow` (UTC) shown in `timeZone`; it runs only while the session runs. */
export const SimulatedClock = Type.Object({
  simulatedNow: Type.Union([Timestamp, Type.Null()]),
  timeZone: Type.String(),
  running: Type.Boolean(),
});

export const WorkshopParticipant = Type.Object({ user: UserSummary, roleKey: Type.String() });

export const WorkshopSessionAbilities = Type.Object({
  /** Start, pause, resume, send injects (the facilitator). */
  run: Type.Boolean(),
  end: Type.Boolean(),
  /** See the practice stage and the transcript. */
  viewStage: Type.Boolean(),
  /** Write on the stage and escalate (a participant with a playing role; the session must be running too). */
  post: Type.Boolean(),
  delete: Type.Boolean(),
  /** After the end: score (facilitator; self-assessment; peers when enabled), comment on messages, read the report. */
  score: Type.Boolean(),
  comment: Type.Boolean(),
  report: Type.Boolean(),
});

/**
 * One session. `myBriefing`: only the viewer's own role's; `briefings`: all of them, for the facilitator only
 * (null for everyone else). Injects and the expected escalation: the facilitator only.
 */
export const WorkshopSession = Type.Object({
  simulation: Type.Literal(true),
  id: Id,
  title: Type.String(),
  language: WorkshopLanguage,
  scenarioId: Type.String(),
  round: Type.Integer(),
  previousSessionId: Type.Union([Id, Type.Null()]),
  peerScoring: Type.Boolean(),
  state: WorkshopSessionState,
  facilitator: Type.Union([UserSummary, Type.Null()]),
  scenario: Type.Object({
    title: Type.String(),
    situation: Type.String(),
    stage: Type.Object({ brandName: Type.String(), postText: Type.String() }),
    goals: Type.Array(Type.String()),
    roles: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), observer: Type.Boolean(), side: RoleSide })),
    rubric: WorkshopScenario.properties.rubric,
    injects: Type.Union([WorkshopScenario.properties.injects, Type.Null()]),
    expectedEscalation: WorkshopScenario.properties.expectedEscalation,
  }),
  participants: Type.Array(WorkshopParticipant),
  myRoleKey: Type.Union([Type.String(), Type.Null()]),
  myBriefing: Type.Union([Type.String(), Type.Null()]),
  briefings: Type.Union([Type.Array(Type.Object({ roleKey: Type.String(), briefing: Type.String() })), Type.Null()]),
  clock: SimulatedClock,
  startedAt: Type.Union([Timestamp, Type.Null()]),
  endedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  abilities: WorkshopSessionAbilities,
});
export type WorkshopSession = Static<typeof WorkshopSession>;

export const WorkshopSessionSummary = Type.Object({
  simulation: Type.Literal(true),
  id: Id,
  title: Type.String(),
  language: WorkshopLanguage,
  scenarioId: Type.String(),
  round: Type.Integer(),
  state: WorkshopSessionState,
  facilitator: Type.Union([UserSummary, Type.Null()]),
  myRoleKey: Type.Union([Type.String(), Type.Null()]),
  participantCount: Type.Integer(),
  startedAt: Type.Union([Timestamp, Type.Null()]),
  endedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type WorkshopSessionSummary = Static<typeof WorkshopSessionSummary>;

export const WorkshopSessionsQuery = Type.Object({
  /** `mine` (as facilitator or participant, the default) or `all` (admins only: existence, not content). */
  scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('all')])),
  state: Type.Optional(WorkshopSessionState),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const WorkshopSessionPage = Type.Object({
  simulation: Type.Literal(true),
  items: Type.Array(WorkshopSessionSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const StageChannel = Type.Union([Type.Literal('comment'), Type.Literal('reply'), Type.Literal('dm')]);
export type StageChannel = Static<typeof StageChannel>;

/**
 * One transcript entry. Messages: `channel` comment (under the brand post), reply (`parentId`: the comment or
 * reply answered) or dm (the direct-message thread). Injects: `targetRoleKey` set → only that role and the
 * facilitator see it. Escalations: `escalation.correct` is shown to the facilitator, and to everyone once the
 * session ended (`revealed`); null when it could not be judged.
 */
export const StageEntry = Type.Object({
  simulation: Type.Literal(true),
  id: Id,
  kind: Type.Union([Type.Literal('message'), Type.Literal('inject'), Type.Literal('escalation'), Type.Literal('state')]),
  at: Timestamp,
  simulatedAt: Type.Union([Timestamp, Type.Null()]),
  author: Type.Union([UserSummary, Type.Null()]),
  roleKey: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Union([StageChannel, Type.Null()]),
  parentId: Type.Union([Id, Type.Null()]),
  body: Type.String(),
  injectId: Type.Union([Type.String(), Type.Null()]),
  targetRoleKey: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([WorkshopSessionState, Type.Null()]),
  escalation: Type.Union([
    Type.Object({
      topicId: Type.String(),
      topicTitle: Type.Union([Type.String(), Type.Null()]),
      level: Type.Integer(),
      contact: Type.Union([UserSummary, Type.Null()]),
      correct: Type.Union([Type.Boolean(), Type.Null()]),
      revealed: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});
export type StageEntry = Static<typeof StageEntry>;

/** The practice stage: the brand post, and the transcript so far as the viewer may see it. */
export const WorkshopStage = Type.Object({
  simulation: Type.Literal(true),
  sessionId: Id,
  state: WorkshopSessionState,
  clock: SimulatedClock,
  post: Type.Object({
    brandName: Type.String(),
    text: Type.String(),
    at: Type.Union([Timestamp, Type.Null()]),
    simulatedAt: Type.Union([Timestamp, Type.Null()]),
  }),
  entries: Type.Array(StageEntry),
});
export type WorkshopStage = Static<typeof WorkshopStage>;

export const PostStageMessage = Type.Object(
  { channel: StageChannel, parentId: Type.Optional(Id), body: Text(WorkshopLimits.messageMax, 1) },
  { additionalProperties: false },
);
export type PostStageMessage = Static<typeof PostStageMessage>;

/** `{ injectId }` sends one of the scenario's injects; else `text` (with an optional clock change and target role). */
export const SendInject = Type.Object(
  {
    injectId: Type.Optional(Key),
    text: Type.Optional(Text(WorkshopLimits.messageMax, 1)),
    simulatedTime: Type.Optional(SimulatedMoment),
    targetRoleKey: Type.Optional(Key),
  },
  { additionalProperties: false },
);
export type SendInject = Static<typeof SendInject>;

/** An escalation inside the exercise: recorded in the transcript, never raised for real. */
export const ExerciseEscalation = Type.Object(
  {
    topicId: Id,
    level: Type.Integer({ minimum: 1, maximum: 3 }),
    contactUserId: Type.Optional(Type.Union([Id, Type.Null()])),
    note: Text(WorkshopLimits.noteMax),
  },
  { additionalProperties: false },
);
export type ExerciseEscalation = Static<typeof ExerciseEscalation>;

// --- Evaluation (after the end) ----------------------------------------------------------------------------------

export const ScoreKind = Type.Union([Type.Literal('facilitator'), Type.Literal('peer'), Type.Literal('self')]);

/**
 * `PUT /api/v1/workshops/sessions/:id/scores`: my scores (1–5) for one role against the rubric; a new score for
 * a criterion replaces my old one. The kind follows from who I am: the facilitator's, my own role's (self-assessment)
 * or, when the session allows it, a peer's.
 */
export const SetWorkshopScores = Type.Object(
  {
    ratedRoleKey: Key,
    scores: Type.Array(Type.Object({ criterionKey: Key, value: Type.Integer({ minimum: 1, maximum: 5 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: WorkshopLimits.rubricMax,
    }),
  },
  { additionalProperties: false },
);
export type SetWorkshopScores = Static<typeof SetWorkshopScores>;

export const WorkshopScore = Type.Object({
  ratedRoleKey: Type.String(),
  criterionKey: Type.String(),
  value: Type.Integer(),
  kind: ScoreKind,
  updatedAt: Timestamp,
});
/** The scores I gave (nobody reads another rater's scores one by one; the report shows averages). */
export const MyWorkshopScores = Type.Object({ simulation: Type.Literal(true), items: Type.Array(WorkshopScore) });

export const AddWorkshopComment = Type.Object({ messageId: Id, body: Text(WorkshopLimits.noteMax, 1) }, { additionalProperties: false });
export type AddWorkshopComment = Static<typeof AddWorkshopComment>;

export const WorkshopComment = Type.Object({
  simulation: Type.Literal(true),
  id: Id,
  messageId: Id,
  author: Type.Union([UserSummary, Type.Null()]),
  body: Type.String(),
  createdAt: Timestamp,
});
export type WorkshopComment = Static<typeof WorkshopComment>;

const Num = Type.Union([Type.Number(), Type.Null()]);
const Str = Type.Union([Type.String(), Type.Null()]);
export const ResponseTimeStats = Type.Object({
  measured: Type.Integer(),
  answered: Type.Integer(),
  unanswered: Type.Integer(),
  medianSeconds: Num,
  p90Seconds: Num,
  maxSeconds: Num,
});

export const WorkshopReportRole = Type.Object({
  roleKey: Type.String(),
  roleName: Type.String(),
  side: Type.Union([RoleSide, Type.Literal('observer')]),
  userIds: Type.Array(Type.String()),
  messages: Type.Integer(),
  messagesByChannel: Type.Object({ comment: Type.Integer(), reply: Type.Integer(), dm: Type.Integer() }),
  criteria: Type.Array(
    Type.Object({
      criterionKey: Type.String(),
      name: Type.String(),
      facilitator: Num,
      peer: Num,
      self: Num,
      overall: Num,
      counts: Type.Object({ facilitator: Type.Integer(), peer: Type.Integer(), self: Type.Integer() }),
    }),
  ),
  overall: Num,
  responseTimes: Type.Union([ResponseTimeStats, Type.Null()]),
  escalations: Type.Object({ count: Type.Integer(), correct: Type.Integer(), incorrect: Type.Integer(), unjudged: Type.Integer(), firstSimulatedAt: Str }),
  /** false: the scores of a role the viewer did not play (only the facilitator sees everyone's). */
  scoresVisible: Type.Boolean(),
});

/**
 * The session report for the viewer: everyone in the session sees the shared figures (response times, injects,
 * escalations with their verdicts); scores only of the role(s) they played — the facilitator sees all; comments
 * they wrote or that are about their own messages.
 */
export const WorkshopReport = Type.Object({
  simulation: Type.Literal(true),
  sessionId: Str,
  round: Type.Union([Type.Integer(), Type.Null()]),
  scenarioTitle: Type.String(),
  startedAt: Str,
  endedAt: Str,
  activeSeconds: Type.Number(),
  participants: Type.Array(Type.Object({ userId: Type.String(), roleKey: Type.String(), displayName: Type.Optional(Type.String()) })),
  roles: Type.Array(WorkshopReportRole),
  responseTimes: ResponseTimeStats,
  responses: Type.Array(Type.Object({ messageId: Type.String(), roleKey: Type.String(), answeredById: Str, answeredByRoleKey: Str, seconds: Num })),
  injects: Type.Array(
    Type.Object({
      entryId: Type.String(),
      injectId: Str,
      /** Null for a targeted inject the viewer's role did not receive. */
      text: Str,
      at: Type.String(),
      simulatedAt: Type.String(),
      targetRoleKey: Str,
      firstReaction: Type.Union([Type.Object({ entryId: Type.String(), roleKey: Type.String(), seconds: Type.Number() }), Type.Null()]),
    }),
  ),
  escalations: Type.Array(
    Type.Object({
      entryId: Type.String(),
      roleKey: Str,
      at: Type.String(),
      simulatedAt: Type.String(),
      correct: Type.Union([Type.Boolean(), Type.Null()]),
      topicId: Str,
      level: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  comments: Type.Array(
    Type.Object({
      id: Type.String(),
      messageId: Type.String(),
      messageRoleKey: Str,
      messageUserId: Str,
      authorUserId: Type.String(),
      body: Type.String(),
      at: Type.String(),
    }),
  ),
});
export type WorkshopReport = Static<typeof WorkshopReport>;

/** Role swap: this round against the previous one, per person (only the viewer's own row unless they facilitate). */
export const WorkshopRoundComparison = Type.Object({
  simulation: Type.Literal(true),
  sessionIdA: Str,
  sessionIdB: Str,
  people: Type.Array(
    Type.Object({
      userId: Type.String(),
      displayName: Str,
      roleKeyA: Str,
      roleKeyB: Str,
      overallA: Num,
      overallB: Num,
      overallDelta: Num,
      criteria: Type.Array(Type.Object({ criterionKey: Type.String(), name: Type.String(), a: Num, b: Num, delta: Num })),
    }),
  ),
  medianResponse: Type.Object({ a: Num, b: Num, delta: Num }),
});

/** My progress per rubric criterion over the sessions I took part in (nobody else's). */
export const WorkshopProgress = Type.Object({
  simulation: Type.Literal(true),
  criteria: Type.Array(
    Type.Object({
      criterionKey: Type.String(),
      name: Type.String(),
      points: Type.Array(Type.Object({ sessionId: Str, scenarioTitle: Type.String(), at: Str, roleKey: Type.String(), overall: Num, self: Num })),
      change: Num,
    }),
  ),
});

/** Real-time event types of a session (sent to its participants and facilitator only). */
export const WorkshopRealtimeTypes = ['workshop.session_created', 'workshop.state', 'workshop.message', 'workshop.inject', 'workshop.escalation'] as const;

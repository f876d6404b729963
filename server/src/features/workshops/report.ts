/**
 * The evaluation of a workshop session, computed purely from its scenario snapshot, transcript, scores and comments.
 * No database and no clock: the same inputs always give the same report (unit-tested with hand-computed figures).
 * The rules are documented for trainers and works councils in docs/workshops.md ("Evaluation").
 */
import {
  type MessageComment,
  type Participant,
  type RoleSide,
  roleSide,
  type ScenarioDefinition,
  type Score,
  type ScoreKind,
  type StageChannel,
  type TranscriptEntry,
} from './model.js';

/** Response-time figures in seconds of active (unpaused) session time; null when nothing was answered. */
export interface ResponseTimeStats {
  /** Customer-side messages considered. */
  measured: number;
  answered: number;
  unanswered: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  maxSeconds: number | null;
}

export interface CriterionResult {
  criterionKey: string;
  name: string;
  /** Averages per kind of rater (null = no score of that kind), rounded to two decimals. */
  facilitator: number | null;
  peer: number | null;
  self: number | null;
  /** Mean of the facilitator and peer averages (self-assessment is shown, not counted); null without either. */
  overall: number | null;
  counts: Record<ScoreKind, number>;
}

export interface EscalationSummary {
  count: number;
  correct: number;
  incorrect: number;
  /** `correct: null`: the escalation could not be judged. */
  unjudged: number;
  /** Simulated time of the role's first escalation. */
  firstSimulatedAt: string | null;
}

export interface RoleReport {
  roleKey: string;
  roleName: string;
  side: RoleSide | 'observer';
  userIds: string[];
  messages: number;
  messagesByChannel: Record<StageChannel, number>;
  criteria: CriterionResult[];
  /** Mean of the criteria's `overall`; null when no criterion has one. */
  overall: number | null;
  /**
   * Customer side: how long this role's messages waited for an answer. Company side: the customer messages this role
   * answered first (its `unanswered` is always 0: an unanswered message has no responder). Observers: null.
   */
  responseTimes: ResponseTimeStats | null;
  escalations: EscalationSummary;
  /** false when hidden from the viewer by `reportForViewer`. */
  scoresVisible: boolean;
}

/** One customer-side message and its answer, for the transcript replay. */
export interface MessageResponse {
  messageId: string;
  roleKey: string;
  answeredById: string | null;
  answeredByRoleKey: string | null;
  seconds: number | null;
}

export interface InjectResult {
  entryId: string;
  injectId: string | null;
  text: string | null;
  at: string;
  simulatedAt: string;
  targetRoleKey: string | null;
  /** The first message or escalation after the inject (by the target role when targeted, else by any role). */
  firstReaction: { entryId: string; roleKey: string; seconds: number } | null;
}

export interface ReportEscalation {
  entryId: string;
  roleKey: string | null;
  at: string;
  simulatedAt: string;
  correct: boolean | null;
  topicId: string | null;
  level: number | null;
}

export interface ReportComment {
  id: string;
  messageId: string;
  /** Author of the commented message (null when the message is not in the transcript). */
  messageRoleKey: string | null;
  messageUserId: string | null;
  authorUserId: string;
  body: string;
  at: string;
}

export interface SessionReport {
  sessionId: string | null;
  round: number | null;
  scenarioTitle: string;
  /** First entry into `running` (else the first entry), and the `ended` entry (else the last entry); real time. */
  startedAt: string | null;
  endedAt: string | null;
  /** Real seconds between start and end, minus pauses. */
  activeSeconds: number;
  participants: Participant[];
  roles: RoleReport[];
  responseTimes: ResponseTimeStats;
  responses: MessageResponse[];
  injects: InjectResult[];
  escalations: ReportEscalation[];
  comments: ReportComment[];
}

export interface ReportMeta {
  sessionId?: string;
  /** 1 for the first run, 2 after a role swap, … */
  round?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const ms = (iso: string) => Date.parse(iso);

/** Median (mean of the two middle values for an even count) and p90 by nearest rank: the ⌈0.9·n⌉-th smallest value. */
export function responseTimeStats(seconds: number[], unanswered: number): ResponseTimeStats {
  const sorted = [...seconds].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (i: number) => sorted[i] as number;
  const median = n === 0 ? null : n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return {
    measured: n + unanswered,
    answered: n,
    unanswered,
    medianSeconds: median === null ? null : round2(median),
    p90Seconds: n === 0 ? null : round2(at(Math.ceil(0.9 * n) - 1)),
    maxSeconds: n === 0 ? null : round2(at(n - 1)),
  };
}

/** Paused intervals [from, to) in epoch ms: from a `paused` state entry to the next `running`/`ended` one (or open). */
function pausedIntervals(entries: TranscriptEntry[]): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  let pausedAt: number | null = null;
  for (const e of entries) {
    if (e.kind !== 'state') continue;
    if (e.state === 'paused' && pausedAt === null) pausedAt = ms(e.at);
    else if ((e.state === 'running' || e.state === 'ended') && pausedAt !== null) {
      intervals.push([pausedAt, ms(e.at)]);
      pausedAt = null;
    }
  }
  if (pausedAt !== null) intervals.push([pausedAt, Number.POSITIVE_INFINITY]);
  return intervals;
}

/** Sorts by real time; entries with the same time keep their transcript order. */
function chronological(transcript: TranscriptEntry[]): TranscriptEntry[] {
  return transcript
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => ms(a.entry.at) - ms(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * Builds the session report. `participants` maps people to roles (several people may share a role, e.g. observers).
 * Scores for unknown roles or criteria are ignored.
 */
export function buildReport(
  definition: ScenarioDefinition,
  transcript: TranscriptEntry[],
  scores: Score[],
  comments: MessageComment[],
  participants: Participant[],
  meta: ReportMeta = {},
): SessionReport {
  const entries = chronological(transcript);
  const paused = pausedIntervals(entries);
  /** Real seconds from `a` to `b` without the time the session was paused. */
  const activeSeconds = (a: string, b: string) => {
    const from = ms(a);
    const to = ms(b);
    let total = to - from;
    for (const [p0, p1] of paused) total -= Math.max(0, Math.min(to, p1) - Math.max(from, p0));
    return round2(total / 1000);
  };
  const sides = new Map(definition.roles.map((r) => [r.key, roleSide(r)]));
  const sideOf = (e: TranscriptEntry) => (e.roleKey ? sides.get(e.roleKey) : undefined);

  // --- response times: per thread, each customer message waits for the next company message ----------------------
  const byId = new Map(entries.map((e) => [e.id, e]));
  const threadOf = (e: TranscriptEntry): string => {
    if (e.channel === 'dm') return `dm:${e.threadId ?? ''}`;
    if (e.channel === 'reply' && e.parentId) {
      let root = e.parentId;
      const seen = new Set<string>();
      for (let parent = byId.get(root); parent?.channel === 'reply' && parent.parentId && !seen.has(root); ) {
        seen.add(root);
        root = parent.parentId;
        parent = byId.get(root);
      }
      return `post:${root}`;
    }
    return `post:${e.id}`;
  };
  const messages = entries.filter((e) => e.kind === 'message');
  const pending = new Map<string, TranscriptEntry[]>();
  const responses: MessageResponse[] = [];
  const responseOf = new Map<string, MessageResponse>();
  for (const m of messages) {
    const side = sideOf(m);
    const thread = threadOf(m);
    if (side === 'customer') {
      pending.set(thread, [...(pending.get(thread) ?? []), m]);
      const r: MessageResponse = {
        messageId: m.id,
        roleKey: m.roleKey as string,
        answeredById: null,
        answeredByRoleKey: null,
        seconds: null,
      };
      responses.push(r);
      responseOf.set(m.id, r);
    } else if (side === 'company') {
      for (const waiting of pending.get(thread) ?? []) {
        const r = responseOf.get(waiting.id) as MessageResponse;
        r.answeredById = m.id;
        r.answeredByRoleKey = m.roleKey as string;
        r.seconds = activeSeconds(waiting.at, m.at);
      }
      pending.delete(thread);
    }
  }
  const statsOf = (rs: MessageResponse[]) =>
    responseTimeStats(
      rs.flatMap((r) => (r.seconds === null ? [] : [r.seconds])),
      rs.filter((r) => r.seconds === null).length,
    );

  // --- scores ----------------------------------------------------------------------------------------------------
  const criterionKeys = new Set(definition.rubric.map((c) => c.key));
  const relevantScores = scores.filter((s) => sides.has(s.ratedRoleKey) && criterionKeys.has(s.criterionKey));
  const criteriaFor = (roleKey: string): CriterionResult[] =>
    definition.rubric.map((c) => {
      const mine = relevantScores.filter((s) => s.ratedRoleKey === roleKey && s.criterionKey === c.key);
      const values = (kind: ScoreKind) => mine.filter((s) => s.kind === kind).map((s) => s.value);
      const [facilitator, peer, self] = [mean(values('facilitator')), mean(values('peer')), mean(values('self'))];
      const overall = mean([facilitator, peer].filter((v): v is number => v !== null));
      return {
        criterionKey: c.key,
        name: c.name,
        facilitator: facilitator === null ? null : round2(facilitator),
        peer: peer === null ? null : round2(peer),
        self: self === null ? null : round2(self),
        overall: overall === null ? null : round2(overall),
        counts: {
          facilitator: values('facilitator').length,
          peer: values('peer').length,
          self: values('self').length,
        },
      };
    });

  // --- escalations -----------------------------------------------------------------------------------------------
  const escalations: ReportEscalation[] = entries
    .filter((e) => e.kind === 'escalation')
    .map((e) => ({
      entryId: e.id,
      roleKey: e.roleKey ?? null,
      at: e.at,
      simulatedAt: e.simulatedAt,
      correct: e.escalation?.correct ?? null,
      topicId: e.escalation?.topicId ?? null,
      level: e.escalation?.level ?? null,
    }));

  const roles: RoleReport[] = definition.roles.map((role) => {
    const side = roleSide(role);
    const own = messages.filter((m) => m.roleKey === role.key);
    const mineEsc = escalations.filter((e) => e.roleKey === role.key);
    const criteria = criteriaFor(role.key);
    const overall = mean(criteria.flatMap((c) => (c.overall === null ? [] : [c.overall])));
    let responseTimes: ResponseTimeStats | null = null;
    if (side === 'customer') responseTimes = statsOf(responses.filter((r) => r.roleKey === role.key));
    else if (side === 'company') responseTimes = statsOf(responses.filter((r) => r.answeredByRoleKey === role.key));
    return {
      roleKey: role.key,
      roleName: role.name,
      side,
      userIds: participants.filter((p) => p.roleKey === role.key).map((p) => p.userId),
      messages: own.length,
      messagesByChannel: {
        comment: own.filter((m) => m.channel === 'comment').length,
        reply: own.filter((m) => m.channel === 'reply').length,
        dm: own.filter((m) => m.channel === 'dm').length,
      },
      criteria,
      overall: overall === null ? null : round2(overall),
      responseTimes,
      escalations: {
        count: mineEsc.length,
        correct: mineEsc.filter((e) => e.correct === true).length,
        incorrect: mineEsc.filter((e) => e.correct === false).length,
        unjudged: mineEsc.filter((e) => e.correct === null).length,
        firstSimulatedAt: mineEsc[0]?.simulatedAt ?? null,
      },
      scoresVisible: true,
    };
  });

  // --- injects ---------------------------------------------------------------------------------------------------
  const injectTexts = new Map(definition.injects.map((i) => [i.id, i.text]));
  const injects: InjectResult[] = entries.flatMap((e, index) => {
    if (e.kind !== 'inject') return [];
    const target = e.targetRoleKey ?? null;
    const reaction = entries
      .slice(index + 1)
      .find(
        (r) =>
          (r.kind === 'message' || r.kind === 'escalation') &&
          r.roleKey !== undefined &&
          sides.get(r.roleKey) !== undefined &&
          sides.get(r.roleKey) !== 'observer' &&
          (target === null || r.roleKey === target),
      );
    return [
      {
        entryId: e.id,
        injectId: e.injectId ?? null,
        text: e.body ?? (e.injectId ? (injectTexts.get(e.injectId) ?? null) : null),
        at: e.at,
        simulatedAt: e.simulatedAt,
        targetRoleKey: target,
        firstReaction: reaction ? { entryId: reaction.id, roleKey: reaction.roleKey as string, seconds: activeSeconds(e.at, reaction.at) } : null,
      },
    ];
  });

  // --- session frame and comments --------------------------------------------------------------------------------
  const startedAt = entries.find((e) => e.kind === 'state' && e.state === 'running')?.at ?? entries[0]?.at ?? null;
  const endedAt = entries.find((e) => e.kind === 'state' && e.state === 'ended')?.at ?? entries.at(-1)?.at ?? null;
  const order = new Map(entries.map((e, i) => [e.id, i]));
  const reportComments: ReportComment[] = comments
    .map((c) => {
      const message = byId.get(c.messageId);
      return {
        id: c.id,
        messageId: c.messageId,
        messageRoleKey: message?.roleKey ?? null,
        messageUserId: message?.userId ?? null,
        authorUserId: c.authorUserId,
        body: c.body,
        at: c.at,
      };
    })
    .sort((a, b) => (order.get(a.messageId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.messageId) ?? Number.MAX_SAFE_INTEGER) || ms(a.at) - ms(b.at));

  return {
    sessionId: meta.sessionId ?? null,
    round: meta.round ?? null,
    scenarioTitle: definition.title,
    startedAt,
    endedAt,
    activeSeconds: startedAt && endedAt ? activeSeconds(startedAt, endedAt) : 0,
    participants,
    roles,
    responseTimes: statsOf(responses),
    responses,
    injects,
    escalations,
    comments: reportComments,
  };
}

/**
 * What one viewer may see of a report (issue 9, point 10: no one else sees individual scores).
 * The facilitator sees everything. Anybody else sees the shared figures (transcript timings, injects, escalations)
 * but scores only for the role(s) they played themselves, and only the comments they wrote or that were written
 * about their own messages.
 */
export function reportForViewer(report: SessionReport, viewer: { userId: string; facilitator: boolean }): SessionReport {
  if (viewer.facilitator) return report;
  const myRoles = new Set(report.participants.filter((p) => p.userId === viewer.userId).map((p) => p.roleKey));
  return {
    ...report,
    roles: report.roles.map((r) => (myRoles.has(r.roleKey) ? r : { ...r, criteria: [], overall: null, scoresVisible: false })),
    comments: report.comments.filter((c) => c.authorUserId === viewer.userId || c.messageUserId === viewer.userId),
  };
}

// --- role swap and progress over time ----------------------------------------------------------------------------

export interface RoundCriterion {
  criterionKey: string;
  name: string;
  a: number | null;
  b: number | null;
  /** b − a, when both rounds have a score. */
  delta: number | null;
}

export interface PersonComparison {
  userId: string;
  displayName: string | null;
  roleKeyA: string | null;
  roleKeyB: string | null;
  overallA: number | null;
  overallB: number | null;
  overallDelta: number | null;
  criteria: RoundCriterion[];
}

export interface RoundComparison {
  sessionIdA: string | null;
  sessionIdB: string | null;
  people: PersonComparison[];
  /** Session-wide median response time of each round and the change (negative = faster). */
  medianResponse: { a: number | null; b: number | null; delta: number | null };
}

const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : round2(b - a));

/** The role a person played in a report (the first non-observer role if several) and its result. */
function personRole(report: SessionReport, userId: string): RoleReport | null {
  const keys = report.participants.filter((p) => p.userId === userId).map((p) => p.roleKey);
  const roles = report.roles.filter((r) => keys.includes(r.roleKey));
  return roles.find((r) => r.side !== 'observer') ?? roles[0] ?? null;
}

/**
 * Compares two rounds of the same scenario (the role swap): per person, the overall score per criterion of the role
 * they played in each round, and the change from round A to round B. People appear in first-seen order.
 */
export function compareRounds(a: SessionReport, b: SessionReport): RoundComparison {
  const userIds = [...new Set([...a.participants, ...b.participants].map((p) => p.userId))];
  const people = userIds.map((userId): PersonComparison => {
    const ra = personRole(a, userId);
    const rb = personRole(b, userId);
    const keys = [...new Set([...(ra?.criteria ?? []), ...(rb?.criteria ?? [])].map((c) => c.criterionKey))];
    const criteria = keys.map((key): RoundCriterion => {
      const ca = ra?.criteria.find((c) => c.criterionKey === key);
      const cb = rb?.criteria.find((c) => c.criterionKey === key);
      const va = ca?.overall ?? null;
      const vb = cb?.overall ?? null;
      return { criterionKey: key, name: (cb ?? ca)?.name ?? key, a: va, b: vb, delta: delta(va, vb) };
    });
    const name = [...a.participants, ...b.participants].find((p) => p.userId === userId && p.displayName);
    return {
      userId,
      displayName: name?.displayName ?? null,
      roleKeyA: ra?.roleKey ?? null,
      roleKeyB: rb?.roleKey ?? null,
      overallA: ra?.overall ?? null,
      overallB: rb?.overall ?? null,
      overallDelta: delta(ra?.overall ?? null, rb?.overall ?? null),
      criteria,
    };
  });
  const ma = a.responseTimes.medianSeconds;
  const mb = b.responseTimes.medianSeconds;
  return {
    sessionIdA: a.sessionId,
    sessionIdB: b.sessionId,
    people,
    medianResponse: { a: ma, b: mb, delta: delta(ma, mb) },
  };
}

export interface ProgressPoint {
  sessionId: string | null;
  scenarioTitle: string;
  /** When the session ended (else started). */
  at: string | null;
  roleKey: string;
  /** The role's overall (facilitator + peers) and self-assessment for the criterion. */
  overall: number | null;
  self: number | null;
}

export interface CriterionProgress {
  criterionKey: string;
  /** The name in the most recent report. */
  name: string;
  points: ProgressPoint[];
  /** Last overall − first overall (over points that have one); null with fewer than two. */
  change: number | null;
}

/**
 * One person's history per rubric criterion, oldest first, across all reports they took part in (built-in scenarios
 * share criterion keys, so "tone" in one scenario continues "tone" in another). Criteria never scored are left out.
 */
export function progressOf(userId: string, reports: SessionReport[]): CriterionProgress[] {
  const sorted = reports
    .map((report, index) => ({ report, index, at: report.endedAt ?? report.startedAt }))
    .sort((x, y) => (x.at && y.at ? ms(x.at) - ms(y.at) : 0) || x.index - y.index);
  const byKey = new Map<string, CriterionProgress>();
  for (const { report, at } of sorted) {
    const role = personRole(report, userId);
    if (!role) continue;
    for (const c of role.criteria) {
      if (c.overall === null && c.self === null) continue;
      const progress = byKey.get(c.criterionKey) ?? { criterionKey: c.criterionKey, name: c.name, points: [], change: null };
      progress.name = c.name;
      progress.points.push({
        sessionId: report.sessionId,
        scenarioTitle: report.scenarioTitle,
        at,
        roleKey: role.roleKey,
        overall: c.overall,
        self: c.self,
      });
      byKey.set(c.criterionKey, progress);
    }
  }
  for (const progress of byKey.values()) {
    const scored = progress.points.flatMap((p) => (p.overall === null ? [] : [p.overall]));
    progress.change = scored.length >= 2 ? round2((scored.at(-1) as number) - (scored[0] as number)) : null;
  }
  return [...byKey.values()];
}

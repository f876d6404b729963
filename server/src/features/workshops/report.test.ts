import { describe, expect, it } from 'vitest';
import { builtinScenario } from './builtin/index.js';
import type { MessageComment, Participant, ScenarioDefinition, Score, TranscriptEntry } from './model.js';
import { buildReport, compareRounds, progressOf, reportForViewer, responseTimeStats } from './report.js';

const scale = { 1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five' };
const definition: ScenarioDefinition = {
  title: 'Leaking machine',
  situation: 'A customer complains.',
  stage: { brandName: 'Brand', postText: 'Our offer' },
  roles: [
    { key: 'customer', name: 'Customer', side: 'customer', briefing: 'SECRET-CUSTOMER' },
    { key: 'employee', name: 'Employee', briefing: 'SECRET-EMPLOYEE' }, // side defaults to company
    { key: 'lead', name: 'Team lead', side: 'company', briefing: 'SECRET-LEAD' },
    { key: 'observer', name: 'Observer', observer: true, briefing: 'SECRET-OBSERVER' },
  ],
  goals: ['Calm down'],
  injects: [
    { id: 'video', afterMinutes: 4, text: 'Threaten a video', targetRoleKey: 'customer' },
    { id: 'night', afterMinutes: 12, text: 'It is Saturday 22:00', simulatedTime: { weekday: 6, time: '22:00' } },
  ],
  rubric: [
    { key: 'tone', name: 'Tone', description: 'd', scale },
    { key: 'speed', name: 'Speed', description: 'd', scale },
  ],
  simulatedStart: { weekday: 5, time: '17:20', zone: 'Europe/Berlin' },
};

const T = (mmss: string) => `2026-11-27T10:${mmss}.000Z`;
const S = (hhmm: string) => `2026-11-27T${hhmm}:00.000+01:00`;

const participants: Participant[] = [
  { userId: 'u-cust', roleKey: 'customer', displayName: 'Carla' },
  { userId: 'u-emp', roleKey: 'employee', displayName: 'Emil' },
  { userId: 'u-lead', roleKey: 'lead', displayName: 'Lea' },
  { userId: 'u-obs', roleKey: 'observer', displayName: 'Otto' },
];
const msg = (id: string, at: string, roleKey: string, channel: 'comment' | 'reply' | 'dm', parentId?: string): TranscriptEntry => ({
  id,
  at: T(at),
  simulatedAt: S('17:30'),
  kind: 'message',
  roleKey,
  userId: participants.find((p) => p.roleKey === roleKey)?.userId,
  channel,
  parentId,
  body: `${id} text`,
});

/** 16 entries; expected figures below are computed by hand from these times. */
const transcript: TranscriptEntry[] = [
  { id: 's1', at: T('00:00'), simulatedAt: S('17:20'), kind: 'state', state: 'running' },
  msg('m1', '01:00', 'customer', 'comment'),
  msg('m2', '01:30', 'customer', 'reply', 'm1'),
  msg('m3', '03:00', 'employee', 'reply', 'm2'), // answers m1 (120 s) and m2 (90 s): m2's thread root is m1
  { id: 'i1', at: T('04:00'), simulatedAt: S('17:24'), kind: 'inject', injectId: 'video', targetRoleKey: 'customer' },
  msg('m4', '05:00', 'customer', 'comment'), // reaction to i1 after 60 s; a new thread
  { id: 's2', at: T('06:00'), simulatedAt: S('17:26'), kind: 'state', state: 'paused' },
  { id: 's3', at: T('10:00'), simulatedAt: S('17:26'), kind: 'state', state: 'running' }, // 240 s paused
  msg('m5', '11:00', 'customer', 'dm'),
  msg('m6', '12:00', 'employee', 'reply', 'm4'), // answers m4: 420 s real − 240 s pause = 180 s
  {
    id: 'i2',
    at: T('13:00'),
    simulatedAt: '2026-11-28T22:00:00.000+01:00',
    kind: 'inject',
    injectId: 'night',
    body: 'It is Saturday 22:00',
  },
  {
    id: 'e1',
    at: T('14:30'),
    simulatedAt: '2026-11-28T22:01:30.000+01:00',
    kind: 'escalation',
    roleKey: 'employee',
    userId: 'u-emp',
    escalation: { correct: true, topicId: 'topic-press', level: 1 },
  }, // reaction to i2 after 90 s
  msg('m7', '15:00', 'lead', 'dm'), // answers m5 after 240 s
  msg('m8', '16:00', 'customer', 'dm'), // never answered
  {
    id: 'e2',
    at: T('16:30'),
    simulatedAt: '2026-11-28T22:03:30.000+01:00',
    kind: 'escalation',
    roleKey: 'lead',
    userId: 'u-lead',
    escalation: { correct: false, topicId: 'topic-it', level: 2 },
  },
  { id: 's4', at: T('20:00'), simulatedAt: '2026-11-28T22:07:00.000+01:00', kind: 'state', state: 'ended' },
];

const score = (raterUserId: string, ratedRoleKey: string, criterionKey: string, value: number, kind: Score['kind']): Score => ({
  raterUserId,
  ratedRoleKey,
  criterionKey,
  value,
  kind,
});

const scores: Score[] = [
  score('fac', 'employee', 'tone', 4, 'facilitator'),
  score('u-obs', 'employee', 'tone', 3, 'peer'),
  score('u-lead', 'employee', 'tone', 2, 'peer'),
  score('u-emp', 'employee', 'tone', 5, 'self'),
  score('fac', 'employee', 'speed', 3, 'facilitator'),
  score('u-emp', 'employee', 'speed', 4, 'self'),
  score('fac', 'customer', 'tone', 5, 'facilitator'),
  score('u-lead', 'lead', 'tone', 3, 'self'),
  score('fac', 'employee', 'unknown-criterion', 1, 'facilitator'),
  score('fac', 'ghost-role', 'tone', 1, 'facilitator'),
];

const comments: MessageComment[] = [
  { id: 'c2', messageId: 'm1', authorUserId: 'u-obs', body: 'Strong opener', at: '2026-11-27T10:30:00.000Z' },
  { id: 'c1', messageId: 'm3', authorUserId: 'fac', body: 'Good: personal and quick', at: '2026-11-27T10:25:00.000Z' },
  { id: 'c3', messageId: 'gone', authorUserId: 'fac', body: 'About a deleted message', at: '2026-11-27T10:26:00.000Z' },
];

const report = buildReport(definition, transcript, scores, comments, participants, { sessionId: 'r1', round: 1 });
const role = (key: string, r = report) => {
  const found = r.roles.find((x) => x.roleKey === key);
  if (!found) throw new Error(`no role ${key}`);
  return found;
};

describe('responseTimeStats', () => {
  it('takes the mean of the two middle values as median and the nearest-rank p90', () => {
    expect(responseTimeStats([5, 1, 3, 2], 2)).toEqual({
      measured: 6,
      answered: 4,
      unanswered: 2,
      medianSeconds: 2.5,
      p90Seconds: 5,
      maxSeconds: 5,
    });
    expect(responseTimeStats([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0)).toMatchObject({ medianSeconds: 5.5, p90Seconds: 9 });
    expect(responseTimeStats([7, 3, 4], 0)).toMatchObject({ medianSeconds: 4, p90Seconds: 7, maxSeconds: 7 });
  });

  it('reports nulls, not zeros, when nothing was answered', () => {
    expect(responseTimeStats([], 3)).toEqual({
      measured: 3,
      answered: 0,
      unanswered: 3,
      medianSeconds: null,
      p90Seconds: null,
      maxSeconds: null,
    });
  });
});

describe('buildReport from a known transcript', () => {
  it('frames the session: start, end and active time without the pause', () => {
    expect(report.sessionId).toBe('r1');
    expect(report.round).toBe(1);
    expect(report.scenarioTitle).toBe('Leaking machine');
    expect(report.startedAt).toBe(T('00:00'));
    expect(report.endedAt).toBe(T('20:00'));
    expect(report.activeSeconds).toBe(960); // 1200 s − 240 s paused
  });

  it('measures each customer message until the next company message in the same thread, without pauses', () => {
    expect(report.responses).toEqual([
      { messageId: 'm1', roleKey: 'customer', answeredById: 'm3', answeredByRoleKey: 'employee', seconds: 120 },
      { messageId: 'm2', roleKey: 'customer', answeredById: 'm3', answeredByRoleKey: 'employee', seconds: 90 },
      { messageId: 'm4', roleKey: 'customer', answeredById: 'm6', answeredByRoleKey: 'employee', seconds: 180 },
      { messageId: 'm5', roleKey: 'customer', answeredById: 'm7', answeredByRoleKey: 'lead', seconds: 240 },
      { messageId: 'm8', roleKey: 'customer', answeredById: null, answeredByRoleKey: null, seconds: null },
    ]);
    // Session: answered [90, 120, 180, 240] → median (120 + 180) / 2, p90 = 4th of 4, one unanswered.
    expect(report.responseTimes).toEqual({
      measured: 5,
      answered: 4,
      unanswered: 1,
      medianSeconds: 150,
      p90Seconds: 240,
      maxSeconds: 240,
    });
  });

  it('gives each role its response times, message counts and escalations', () => {
    expect(role('customer').responseTimes).toEqual(report.responseTimes);
    expect(role('employee').responseTimes).toEqual({
      measured: 3,
      answered: 3,
      unanswered: 0,
      medianSeconds: 120,
      p90Seconds: 180,
      maxSeconds: 180,
    });
    expect(role('lead').responseTimes).toMatchObject({ answered: 1, medianSeconds: 240, maxSeconds: 240 });
    expect(role('observer').responseTimes).toBeNull();

    expect(role('customer').messages).toBe(5);
    expect(role('customer').messagesByChannel).toEqual({ comment: 2, reply: 1, dm: 2 });
    expect(role('employee').messagesByChannel).toEqual({ comment: 0, reply: 2, dm: 0 });
    expect(role('lead').messages).toBe(1);
    expect(role('observer').messages).toBe(0);
    expect(role('employee').side).toBe('company');
    expect(role('observer').side).toBe('observer');
    expect(role('employee').userIds).toEqual(['u-emp']);

    expect(role('employee').escalations).toEqual({
      count: 1,
      correct: 1,
      incorrect: 0,
      unjudged: 0,
      firstSimulatedAt: '2026-11-28T22:01:30.000+01:00',
    });
    expect(role('lead').escalations).toMatchObject({ count: 1, correct: 0, incorrect: 1 });
    expect(role('customer').escalations).toMatchObject({ count: 0, firstSimulatedAt: null });
    expect(report.escalations.map((e) => [e.entryId, e.roleKey, e.correct, e.level])).toEqual([
      ['e1', 'employee', true, 1],
      ['e2', 'lead', false, 2],
    ]);
  });

  it('averages scores per kind; overall = mean of facilitator and peer averages, self shown apart', () => {
    const [tone, speed] = role('employee').criteria;
    // tone: facilitator 4, peers (3 + 2) / 2 = 2.5, self 5 → overall (4 + 2.5) / 2 = 3.25
    expect(tone).toEqual({
      criterionKey: 'tone',
      name: 'Tone',
      facilitator: 4,
      peer: 2.5,
      self: 5,
      overall: 3.25,
      counts: { facilitator: 1, peer: 2, self: 1 },
    });
    expect(speed).toMatchObject({ facilitator: 3, peer: null, self: 4, overall: 3 });
    expect(role('employee').overall).toBe(3.13); // (3.25 + 3) / 2 = 3.125
    expect(role('customer').criteria.map((c) => c.overall)).toEqual([5, null]);
    expect(role('customer').overall).toBe(5);
    // A self-assessment alone gives no overall.
    expect(role('lead').criteria[0]).toMatchObject({ self: 3, overall: null });
    expect(role('lead').overall).toBeNull();
    // Scores for unknown criteria or roles are ignored.
    expect(role('employee').criteria.map((c) => c.criterionKey)).toEqual(['tone', 'speed']);
  });

  it('times the first reaction after each inject (targeted: by the target role)', () => {
    expect(report.injects).toEqual([
      {
        entryId: 'i1',
        injectId: 'video',
        text: 'Threaten a video',
        at: T('04:00'),
        simulatedAt: S('17:24'),
        targetRoleKey: 'customer',
        firstReaction: { entryId: 'm4', roleKey: 'customer', seconds: 60 },
      },
      {
        entryId: 'i2',
        injectId: 'night',
        text: 'It is Saturday 22:00',
        at: T('13:00'),
        simulatedAt: '2026-11-28T22:00:00.000+01:00',
        targetRoleKey: null,
        firstReaction: { entryId: 'e1', roleKey: 'employee', seconds: 90 },
      },
    ]);
  });

  it('lists comments in transcript order with the commented message’s author', () => {
    expect(report.comments.map((c) => [c.id, c.messageRoleKey, c.messageUserId])).toEqual([
      ['c2', 'customer', 'u-cust'],
      ['c1', 'employee', 'u-emp'],
      ['c3', null, null],
    ]);
  });

  it('does not depend on the order of the transcript input', () => {
    const shuffled = [...transcript].reverse();
    expect(buildReport(definition, shuffled, scores, comments, participants, { sessionId: 'r1', round: 1 })).toEqual(report);
  });

  it('never contains a briefing', () => {
    expect(JSON.stringify(report)).not.toContain('SECRET-');
  });

  it('leaves a message unanswered when the company only answers in another thread', () => {
    const r = buildReport(
      definition,
      [msg('a', '00:00', 'customer', 'comment'), msg('b', '00:10', 'employee', 'comment'), msg('c', '00:20', 'employee', 'dm')],
      [],
      [],
      participants,
    );
    expect(r.responseTimes).toMatchObject({ answered: 0, unanswered: 1 });
    expect(r.startedAt).toBe(T('00:00')); // no state entries: first and last entry
    expect(r.endedAt).toBe(T('00:20'));
  });

  it('works with a shipped scenario (the journalist is the customer side)', () => {
    const press = builtinScenario('press-night', 'en');
    if (!press) throw new Error('missing');
    const r = buildReport(
      press,
      [msg('q', '00:00', 'journalist', 'dm'), msg('a', '02:30', 'employee', 'dm')],
      [score('fac', 'employee', 'escalation', 4, 'facilitator')],
      [],
      [
        { userId: 'u1', roleKey: 'journalist' },
        { userId: 'u2', roleKey: 'employee' },
      ],
    );
    expect(r.responseTimes.medianSeconds).toBe(150);
    expect(role('employee', r).criteria.find((c) => c.criterionKey === 'escalation')?.overall).toBe(4);
    expect(role('journalist', r).responseTimes?.answered).toBe(1);
  });
});

describe('reportForViewer', () => {
  it('shows the facilitator everything', () => {
    expect(reportForViewer(report, { userId: 'fac', facilitator: true })).toEqual(report);
  });

  it('shows a participant only their own scores and the comments by or about them', () => {
    const mine = reportForViewer(report, { userId: 'u-emp', facilitator: false });
    expect(role('employee', mine).criteria).toHaveLength(2);
    expect(role('employee', mine).scoresVisible).toBe(true);
    for (const key of ['customer', 'lead', 'observer']) {
      expect(role(key, mine)).toMatchObject({ criteria: [], overall: null, scoresVisible: false });
    }
    // Shared figures stay.
    expect(mine.responseTimes).toEqual(report.responseTimes);
    expect(role('customer', mine).responseTimes).toEqual(role('customer').responseTimes);
    expect(mine.comments.map((c) => c.id)).toEqual(['c1']);

    const observer = reportForViewer(report, { userId: 'u-obs', facilitator: false });
    expect(observer.comments.map((c) => c.id)).toEqual(['c2']); // written by them
    expect(observer.roles.filter((r) => r.scoresVisible).map((r) => r.roleKey)).toEqual(['observer']);
  });

  it('shows a non-participant no scores at all', () => {
    const other = reportForViewer(report, { userId: 'stranger', facilitator: false });
    expect(other.roles.every((r) => !r.scoresVisible && r.criteria.length === 0)).toBe(true);
    expect(other.comments).toEqual([]);
  });
});

// Round 2: the role swap — Carla plays the employee, Emil the customer.
const swapped: Participant[] = [
  { userId: 'u-cust', roleKey: 'employee', displayName: 'Carla' },
  { userId: 'u-emp', roleKey: 'customer', displayName: 'Emil' },
  { userId: 'u-lead', roleKey: 'lead', displayName: 'Lea' },
  { userId: 'u-obs', roleKey: 'observer', displayName: 'Otto' },
];
const round2 = buildReport(
  definition,
  [
    { id: 'x0', at: '2026-11-27T11:00:00.000Z', simulatedAt: S('17:20'), kind: 'state', state: 'running' },
    { ...msg('x1', '00:00', 'customer', 'comment'), at: '2026-11-27T11:01:00.000Z', userId: 'u-emp' },
    { ...msg('x2', '00:00', 'employee', 'reply', 'x1'), at: '2026-11-27T11:01:30.000Z', userId: 'u-cust' },
    { id: 'x3', at: '2026-11-27T11:10:00.000Z', simulatedAt: S('17:30'), kind: 'state', state: 'ended' },
  ],
  [score('fac', 'employee', 'tone', 4, 'facilitator'), score('fac', 'employee', 'speed', 2, 'facilitator'), score('fac', 'customer', 'tone', 3, 'facilitator')],
  [],
  swapped,
  { sessionId: 'r2', round: 2 },
);

describe('compareRounds', () => {
  it('compares each person’s scores across the swapped roles', () => {
    const cmp = compareRounds(report, round2);
    expect(cmp.sessionIdA).toBe('r1');
    expect(cmp.sessionIdB).toBe('r2');
    expect(cmp.medianResponse).toEqual({ a: 150, b: 30, delta: -120 });
    const carla = cmp.people.find((p) => p.userId === 'u-cust');
    expect(carla).toEqual({
      userId: 'u-cust',
      displayName: 'Carla',
      roleKeyA: 'customer',
      roleKeyB: 'employee',
      overallA: 5,
      overallB: 3, // (4 + 2) / 2
      overallDelta: -2,
      criteria: [
        { criterionKey: 'tone', name: 'Tone', a: 5, b: 4, delta: -1 },
        { criterionKey: 'speed', name: 'Speed', a: null, b: 2, delta: null },
      ],
    });
    const emil = cmp.people.find((p) => p.userId === 'u-emp');
    expect(emil).toMatchObject({ roleKeyA: 'employee', roleKeyB: 'customer', overallA: 3.13, overallB: 3 });
    expect(emil?.overallDelta).toBe(-0.13);
    expect(emil?.criteria).toEqual([
      { criterionKey: 'tone', name: 'Tone', a: 3.25, b: 3, delta: -0.25 },
      { criterionKey: 'speed', name: 'Speed', a: 3, b: null, delta: null },
    ]);
    expect(cmp.people.map((p) => p.userId)).toEqual(['u-cust', 'u-emp', 'u-lead', 'u-obs']);
  });
});

describe('progressOf', () => {
  it('lists a person’s scores per criterion oldest first, whatever the input order', () => {
    const progress = progressOf('u-emp', [round2, report]);
    expect(progress).toEqual([
      {
        criterionKey: 'tone',
        name: 'Tone',
        points: [
          {
            sessionId: 'r1',
            scenarioTitle: 'Leaking machine',
            at: T('20:00'),
            roleKey: 'employee',
            overall: 3.25,
            self: 5,
          },
          {
            sessionId: 'r2',
            scenarioTitle: 'Leaking machine',
            at: '2026-11-27T11:10:00.000Z',
            roleKey: 'customer',
            overall: 3,
            self: null,
          },
        ],
        change: -0.25,
      },
      {
        criterionKey: 'speed',
        name: 'Speed',
        points: [
          {
            sessionId: 'r1',
            scenarioTitle: 'Leaking machine',
            at: T('20:00'),
            roleKey: 'employee',
            overall: 3,
            self: 4,
          },
        ],
        change: null,
      },
    ]);
  });

  it('is empty for somebody who took part in none of the reports', () => {
    expect(progressOf('stranger', [report, round2])).toEqual([]);
  });
});

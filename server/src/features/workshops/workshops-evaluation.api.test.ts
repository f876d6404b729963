import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';

type Person = { client: Client; id: string; email: string };

const scale = { 1: 'schlecht', 2: 'mäßig', 3: 'ok', 4: 'gut', 5: 'sehr gut' };
const SECRET_INJECT = 'FLUESTER-INJECT-31b';

function definition() {
  return {
    title: 'Der Preisschock',
    situation: 'Nach einer Preiserhöhung hagelt es Kommentare.',
    stage: { brandName: 'ACME Strom', postText: 'Unsere neuen Tarife ab Januar.' },
    roles: [
      { key: 'customer', name: 'Kunde', side: 'customer', briefing: 'Du bist empört. BRIEF-CUSTOMER-aa1' },
      { key: 'employee', name: 'Social-Media-Team', briefing: 'Bleib sachlich. BRIEF-EMPLOYEE-bb2' },
      { key: 'observer', name: 'Beobachtung', observer: true, briefing: 'Notiere Zeiten. BRIEF-OBSERVER-cc3' },
    ],
    goals: ['Sachlich bleiben'],
    injects: [{ id: 'whisper', afterMinutes: 3, text: `Der Chef liest mit. ${SECRET_INJECT}`, targetRoleKey: 'employee' }],
    rubric: [
      { key: 'tone', name: 'Ton', description: 'Freundlich und klar', scale },
      { key: 'speed', name: 'Tempo', description: 'Wie schnell', scale },
    ],
    simulatedStart: { weekday: 3, time: '14:00', zone: 'Europe/Berlin' },
  };
}

const fieldOf = (res: { json(): unknown }) => (res.json() as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields[0]?.field;

describe('workshop evaluation', () => {
  let t: TestApp;
  let admin: Person;
  let fiona: Person;
  let carl: Person;
  let emma: Person;
  let olli: Person;
  let otto: Person;
  let scenarioId: string;
  let sessionId: string;
  let carlsComment: string;
  let emmasReply: string;
  let whisperEntry: string;

  const path = (id: string, rest = '') => `/api/v1/workshops/sessions/${id}${rest}`;
  const newSession = async (extra: Record<string, unknown> = {}) => {
    const res = await fiona.client.post('/api/v1/workshops/sessions', {
      scenarioId,
      participants: [
        { userId: carl.id, roleKey: 'customer' },
        { userId: emma.id, roleKey: 'employee' },
        { userId: olli.id, roleKey: 'observer' },
      ],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id, email: a.email };
    fiona = await createMember(t, admin.client, { name: 'Fiona Facilitator' });
    carl = await createMember(t, admin.client, { name: 'Carl Customer' });
    emma = await createMember(t, admin.client, { name: 'Emma Employee' });
    olli = await createMember(t, admin.client, { name: 'Olli Observer' });
    otto = await createMember(t, admin.client, { name: 'Otto Outsider' });
    scenarioId = (await fiona.client.post('/api/v1/workshops/scenarios', { definition: definition() })).json().id;

    sessionId = await newSession();
    await fiona.client.post(path(sessionId, '/start'));
    carlsComment = (await carl.client.post(path(sessionId, '/stage/messages'), { channel: 'comment', body: 'Frechheit, 20 % mehr!' })).json().id;
    whisperEntry = (await fiona.client.post(path(sessionId, '/injects'), { injectId: 'whisper' })).json().id;
    emmasReply = (
      await emma.client.post(path(sessionId, '/stage/messages'), { channel: 'reply', parentId: carlsComment, body: 'Wir verstehen deinen Ärger.' })
    ).json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the evaluation only after the end (409 workshop_not_ended)', async () => {
    const early = await fiona.client.get(path(sessionId, '/report'));
    expect(early.statusCode).toBe(409);
    expect(codeOf(early)).toBe('workshop_not_ended');
    expect(codeOf(await fiona.client.put(path(sessionId, '/scores'), { ratedRoleKey: 'customer', scores: [{ criterionKey: 'tone', value: 3 }] }))).toBe(
      'workshop_not_ended',
    );
    expect(codeOf(await fiona.client.post(path(sessionId, '/comments'), { messageId: emmasReply, body: 'Gut!' }))).toBe('workshop_not_ended');
    expect((await fiona.client.post(path(sessionId, '/end'))).json().abilities).toMatchObject({ score: true, comment: true, report: true });
  });

  it('takes scores from the facilitator for every role and a self-assessment from each participant; peers only when enabled', async () => {
    const put = (p: Person, body: Record<string, unknown>) => p.client.put(path(sessionId, '/scores'), body);
    const byFiona = await put(fiona, {
      ratedRoleKey: 'customer',
      scores: [
        { criterionKey: 'tone', value: 2 },
        { criterionKey: 'speed', value: 5 },
      ],
    });
    expect(byFiona.statusCode, byFiona.body).toBe(200);
    expect(byFiona.json().items.map((s: { kind: string; value: number }) => [s.kind, s.value])).toEqual([
      ['facilitator', 5],
      ['facilitator', 2],
    ]);
    // A new score replaces the old one.
    await put(fiona, { ratedRoleKey: 'customer', scores: [{ criterionKey: 'tone', value: 4 }] });
    await put(fiona, {
      ratedRoleKey: 'employee',
      scores: [
        { criterionKey: 'tone', value: 5 },
        { criterionKey: 'speed', value: 3 },
      ],
    });
    expect((await put(carl, { ratedRoleKey: 'customer', scores: [{ criterionKey: 'tone', value: 3 }] })).json().items).toEqual([
      expect.objectContaining({ kind: 'self', value: 3, criterionKey: 'tone', ratedRoleKey: 'customer' }),
    ]);
    await put(emma, { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 4 }] });

    // Peer scoring is off: participants do not score other roles; outsiders do not see the session; admins may not score.
    expect((await put(carl, { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 1 }] })).statusCode).toBe(403);
    expect((await put(olli, { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 1 }] })).statusCode).toBe(403);
    expect((await put(otto, { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 1 }] })).statusCode).toBe(404);
    expect((await put(admin, { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 1 }] })).statusCode).toBe(403);
    expect(
      (await new Client(t.app).put(path(sessionId, '/scores'), { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 1 }] })).statusCode,
    ).toBe(401);

    expect(fieldOf(await put(fiona, { ratedRoleKey: 'villain', scores: [{ criterionKey: 'tone', value: 1 }] }))).toBe('ratedRoleKey');
    expect(fieldOf(await put(fiona, { ratedRoleKey: 'customer', scores: [{ criterionKey: 'charm', value: 1 }] }))).toBe('scores.0.criterionKey');
    expect(
      fieldOf(
        await put(fiona, {
          ratedRoleKey: 'customer',
          scores: [
            { criterionKey: 'tone', value: 1 },
            { criterionKey: 'tone', value: 2 },
          ],
        }),
      ),
    ).toBe('scores.1.criterionKey');
    const six = await put(fiona, { ratedRoleKey: 'customer', scores: [{ criterionKey: 'tone', value: 6 }] });
    expect(six.statusCode).toBe(400);
    expect(fieldOf(six)).toBe('scores.0.value');

    // Each rater reads back only their own scores.
    expect((await carl.client.get(path(sessionId, '/scores'))).json().items).toHaveLength(1);
    expect((await fiona.client.get(path(sessionId, '/scores'))).json().items).toHaveLength(4);
  });

  it('takes comments on messages from the facilitator (participants only with peer scoring)', async () => {
    const c = await fiona.client.post(path(sessionId, '/comments'), { messageId: emmasReply, body: 'Gut: Ärger anerkannt, bevor erklärt wird.' });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ messageId: emmasReply, author: { name: 'Fiona Facilitator' } });
    expect((await carl.client.post(path(sessionId, '/comments'), { messageId: emmasReply, body: 'Hm' })).statusCode).toBe(403);
    expect((await otto.client.post(path(sessionId, '/comments'), { messageId: emmasReply, body: 'Hm' })).statusCode).toBe(404);
    expect(fieldOf(await fiona.client.post(path(sessionId, '/comments'), { messageId: whisperEntry, body: 'x' }))).toBe('messageId');
    expect(fieldOf(await fiona.client.post(path(sessionId, '/comments'), { messageId: emmasReply, body: '' }))).toBe('body');
  });

  it('reports figures to everyone in the session, individual scores only to the person scored and the facilitator', async () => {
    const lead = await fiona.client.get(path(sessionId, '/report'));
    expect(lead.statusCode, lead.body).toBe(200);
    const r = lead.json();
    expect(r).toMatchObject({ simulation: true, sessionId, round: 1, scenarioTitle: 'Der Preisschock' });
    const role = (report: typeof r, key: string) => report.roles.find((x: { roleKey: string }) => x.roleKey === key);
    const crit = (report: typeof r, key: string, c: string) => role(report, key).criteria.find((x: { criterionKey: string }) => x.criterionKey === c);
    expect(crit(r, 'customer', 'tone')).toMatchObject({ facilitator: 4, self: 3, overall: 4 });
    expect(crit(r, 'employee', 'tone')).toMatchObject({ facilitator: 5, self: 4, overall: 5 });
    expect(role(r, 'customer')).toMatchObject({ messages: 1, userIds: [carl.id], scoresVisible: true });
    // Carl's comment was answered by the employee role.
    expect(r.responses).toEqual([
      expect.objectContaining({ messageId: carlsComment, answeredById: emmasReply, answeredByRoleKey: 'employee', seconds: expect.any(Number) }),
    ]);
    expect(r.responseTimes).toMatchObject({ measured: 1, answered: 1, unanswered: 0 });
    expect(r.injects).toEqual([expect.objectContaining({ entryId: whisperEntry, injectId: 'whisper', text: expect.stringContaining(SECRET_INJECT) })]);
    expect(r.comments).toHaveLength(1);

    const carls = (await carl.client.get(path(sessionId, '/report'))).json();
    expect(crit(carls, 'customer', 'tone')).toMatchObject({ facilitator: 4, self: 3 });
    expect(role(carls, 'employee')).toMatchObject({ criteria: [], overall: null, scoresVisible: false });
    // The whisper was for the employee: Carl sees that an inject happened, not what it said; nor the comment on Emma's reply.
    expect(carls.injects[0].text).toBeNull();
    expect(carls.comments).toEqual([]);
    const emmas = (await emma.client.get(path(sessionId, '/report'))).json();
    expect(role(emmas, 'customer').scoresVisible).toBe(false);
    expect(crit(emmas, 'employee', 'tone')).toMatchObject({ facilitator: 5, self: 4 });
    expect(emmas.injects[0].text).toContain(SECRET_INJECT);
    expect(emmas.comments.map((c: { body: string }) => c.body)).toEqual(['Gut: Ärger anerkannt, bevor erklärt wird.']);
    const ollis = (await olli.client.get(path(sessionId, '/report'))).json();
    // The observer sees only the (unscored) observer role's scores.
    expect(ollis.roles.map((x: { roleKey: string; scoresVisible: boolean }) => [x.roleKey, x.scoresVisible])).toEqual([
      ['customer', false],
      ['employee', false],
      ['observer', true],
    ]);

    for (const body of [JSON.stringify(r), JSON.stringify(carls), JSON.stringify(emmas), JSON.stringify(ollis)]) expect(body).not.toContain('BRIEF-');
    expect((await otto.client.get(path(sessionId, '/report'))).statusCode).toBe(404);
    expect((await admin.client.get(path(sessionId, '/report'))).statusCode).toBe(403);
    expect((await new Client(t.app).get(path(sessionId, '/report'))).statusCode).toBe(401);
  });

  it('lets participants score each other and comment when peer scoring is on', async () => {
    const id = await newSession({ peerScoring: true });
    expect((await carl.client.get(path(id))).json()).toMatchObject({ peerScoring: true });
    await fiona.client.post(path(id, '/start'));
    const msg = (await emma.client.post(path(id, '/stage/messages'), { channel: 'comment', body: 'Hallo zusammen' })).json().id;
    await fiona.client.post(path(id, '/end'));
    const peer = await carl.client.put(path(id, '/scores'), { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 2 }] });
    expect(peer.statusCode, peer.body).toBe(200);
    expect(peer.json().items[0]).toMatchObject({ kind: 'peer', value: 2 });
    expect((await olli.client.put(path(id, '/scores'), { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 4 }] })).json().items[0].kind).toBe(
      'peer',
    );
    expect((await carl.client.post(path(id, '/comments'), { messageId: msg, body: 'Zu knapp' })).statusCode).toBe(201);
    // Emma sees her peer average; Carl, who gave one of the scores, does not see Emma's scores.
    const emmas = (await emma.client.get(path(id, '/report'))).json();
    expect(emmas.roles.find((x: { roleKey: string }) => x.roleKey === 'employee').criteria[0]).toMatchObject({ criterionKey: 'tone', peer: 3, overall: 3 });
    const carls = (await carl.client.get(path(id, '/report'))).json();
    expect(carls.roles.find((x: { roleKey: string }) => x.roleKey === 'employee').scoresVisible).toBe(false);
  });

  it('compares a role-swap round with the previous one, and shows each person their own progress only', async () => {
    expect(codeOf(await fiona.client.get(path(sessionId, '/comparison')))).toBe('workshop_state_conflict');
    const round2 = (await fiona.client.post(path(sessionId, '/rounds'))).json();
    expect(round2.participants.find((p: { user: { id: string } }) => p.user.id === carl.id).roleKey).toBe('employee');
    await fiona.client.post(path(round2.id, '/start'));
    expect(codeOf(await fiona.client.get(path(round2.id, '/comparison')))).toBe('workshop_not_ended');
    await fiona.client.post(path(round2.id, '/end'));
    await fiona.client.put(path(round2.id, '/scores'), { ratedRoleKey: 'employee', scores: [{ criterionKey: 'tone', value: 5 }] });
    await fiona.client.put(path(round2.id, '/scores'), { ratedRoleKey: 'customer', scores: [{ criterionKey: 'tone', value: 2 }] });

    const all = (await fiona.client.get(path(round2.id, '/comparison'))).json();
    expect(all).toMatchObject({ simulation: true, sessionIdA: sessionId, sessionIdB: round2.id });
    const carlRow = all.people.find((p: { userId: string }) => p.userId === carl.id);
    expect(carlRow).toMatchObject({ roleKeyA: 'customer', roleKeyB: 'employee' });
    expect(carlRow.criteria.find((c: { criterionKey: string }) => c.criterionKey === 'tone')).toMatchObject({ a: 4, b: 5, delta: 1 });
    expect(all.people.map((p: { userId: string }) => p.userId).sort()).toEqual([carl.id, emma.id, olli.id].sort());

    const own = (await carl.client.get(path(round2.id, '/comparison'))).json();
    expect(own.people.map((p: { userId: string }) => p.userId)).toEqual([carl.id]);
    expect((await otto.client.get(path(round2.id, '/comparison'))).statusCode).toBe(404);

    const progress = (await carl.client.get('/api/v1/workshops/progress')).json();
    const tone = progress.criteria.find((c: { criterionKey: string }) => c.criterionKey === 'tone');
    expect(tone.points.map((p: { sessionId: string; roleKey: string; overall: number | null }) => [p.sessionId, p.roleKey, p.overall])).toEqual([
      [sessionId, 'customer', 4],
      [round2.id, 'employee', 5],
    ]);
    expect(tone.change).toBe(1);
    expect((await otto.client.get('/api/v1/workshops/progress')).json().criteria).toEqual([]);
    expect((await new Client(t.app).get('/api/v1/workshops/progress')).statusCode).toBe(401);
  });
});

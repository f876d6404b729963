import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, countQueries, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';

type Person = { client: Client; id: string; email: string };

const berlin = 'Europe/Berlin';
const MARKERS = { customer: 'MARKER-CUSTOMER-7f3', employee: 'MARKER-EMPLOYEE-9a1', observer: 'MARKER-OBSERVER-c2d' } as const;
const INJECT_SECRET = 'INJECT-SECRET-55e';
const scale = { 1: 'schlecht', 2: 'mäßig', 3: 'ok', 4: 'gut', 5: 'sehr gut' };

/** A custom scenario with a unique marker in each role's briefing. */
function definition(over: Record<string, unknown> = {}) {
  return {
    title: 'Die wütende Kundin',
    situation: 'Eine Kundin beschwert sich öffentlich auf der Markenseite.',
    stage: { brandName: 'ACME Küchen', postText: 'Unser neuer Mixer ist da!' },
    roles: [
      { key: 'customer', name: 'Kundin', side: 'customer', briefing: `Du bist sauer. ${MARKERS.customer}` },
      { key: 'employee', name: 'Mitarbeiterin', briefing: `Bleib ruhig. ${MARKERS.employee}` },
      { key: 'observer', name: 'Beobachter', observer: true, briefing: `Achte auf den Ton. ${MARKERS.observer}` },
    ],
    goals: ['Deeskalieren', 'Richtig eskalieren'],
    injects: [
      { id: 'video', afterMinutes: 5, text: 'Die Kundin droht mit einem Video.' },
      { id: 'night', afterMinutes: 10, text: 'Es ist jetzt Samstag, 22:00 Uhr.', simulatedTime: { weekday: 6, time: '22:00' } },
      { id: 'whisper', afterMinutes: 12, text: `Nur für dich: ${INJECT_SECRET}`, targetRoleKey: 'employee' },
    ],
    rubric: [
      { key: 'tone', name: 'Ton', description: 'Wie freundlich und klar', scale },
      { key: 'escalation', name: 'Eskalation', description: 'Richtige Stelle zur richtigen Zeit', scale },
    ],
    simulatedStart: { weekday: 2, time: '10:00', zone: berlin },
    ...over,
  };
}

const fieldOf = (res: { json(): unknown }) => (res.json() as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields[0]?.field;

describe('workshops', () => {
  let t: TestApp;
  let url: string;
  let admin: Person;
  let fiona: Person; // facilitator
  let carl: Person; // customer
  let emma: Person; // employee
  let olli: Person; // observer
  let otto: Person; // outsider
  let rita: Person; // responsible for the topic
  let ruth: Person; // on call after hours
  let scenarioId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id, email: a.email };
    fiona = await createMember(t, admin.client, { name: 'Fiona Facilitator' });
    carl = await createMember(t, admin.client, { name: 'Carl Customer' });
    emma = await createMember(t, admin.client, { name: 'Emma Employee' });
    olli = await createMember(t, admin.client, { name: 'Olli Observer' });
    otto = await createMember(t, admin.client, { name: 'Otto Outsider' });
    rita = await createMember(t, admin.client, { name: 'Rita Responsible' });
    ruth = await createMember(t, admin.client, { name: 'Ruth On-Call' });
    const s = await fiona.client.post('/api/v1/workshops/scenarios', { language: 'de', definition: definition() });
    expect(s.statusCode, s.body).toBe(201);
    scenarioId = s.json().id;
    url = await listen(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const createSession = (by: Person, body: Record<string, unknown> = {}) =>
    by.client.post('/api/v1/workshops/sessions', {
      scenarioId,
      participants: [
        { userId: carl.id, roleKey: 'customer' },
        { userId: emma.id, roleKey: 'employee' },
        { userId: olli.id, roleKey: 'observer' },
      ],
      ...body,
    });
  const path = (id: string, rest = '') => `/api/v1/workshops/sessions/${id}${rest}`;

  it('lists the built-in scenarios in German and English, read-only and without briefings', async () => {
    expect((await new Client(t.app).get('/api/v1/workshops/scenarios')).statusCode).toBe(401);
    const de = (await emma.client.get('/api/v1/workshops/scenarios?source=builtin&language=de')).json().items;
    const en = (await emma.client.get('/api/v1/workshops/scenarios?source=builtin&language=en')).json().items;
    expect(de).toHaveLength(5);
    expect(en.map((s: { id: string }) => s.id)).toEqual(de.map((s: { id: string }) => s.id));
    expect(de[0]).toMatchObject({ id: 'builtin:angry-customer', source: 'builtin', language: 'de', abilities: { update: false, delete: false, copy: true } });
    expect(en[0].language).toBe('en');
    expect(en[0].title).not.toBe(de[0].title);
    for (const s of [...de, ...en]) for (const r of s.roles) expect(r.briefing).toBeNull();

    const one = await emma.client.get('/api/v1/workshops/scenarios/builtin:press-night?language=en');
    expect(one.statusCode).toBe(200);
    expect(one.json().roles.every((r: { briefing: string | null }) => r.briefing === null)).toBe(true);
    expect((await emma.client.patch('/api/v1/workshops/scenarios/builtin:press-night', { shared: true })).statusCode).toBe(403);
    expect((await emma.client.delete('/api/v1/workshops/scenarios/builtin:press-night')).statusCode).toBe(403);
    expect((await emma.client.get('/api/v1/workshops/scenarios/builtin:no-such-thing')).statusCode).toBe(404);
  });

  it('keeps an unshared custom scenario to its author, shows a shared one to everyone without its briefings', async () => {
    const mine = (await fiona.client.get(`/api/v1/workshops/scenarios/${scenarioId}`)).json();
    expect(mine).toMatchObject({ source: 'custom', shared: false, author: { name: 'Fiona Facilitator' }, abilities: { update: true, delete: true } });
    expect(mine.roles.map((r: { briefing: string }) => r.briefing)).toEqual([
      expect.stringContaining(MARKERS.customer),
      expect.stringContaining(MARKERS.employee),
      expect.stringContaining(MARKERS.observer),
    ]);

    // Unshared: nobody else sees it (404, and not in their list).
    expect((await emma.client.get(`/api/v1/workshops/scenarios/${scenarioId}`)).statusCode).toBe(404);
    expect((await emma.client.patch(`/api/v1/workshops/scenarios/${scenarioId}`, { shared: true })).statusCode).toBe(404);
    expect((await emma.client.get('/api/v1/workshops/scenarios?source=custom')).json().items).toEqual([]);

    const shared = await fiona.client.post('/api/v1/workshops/scenarios', { shared: true, definition: definition({ title: 'Geteilt' }) });
    expect(shared.statusCode).toBe(201);
    const seen = await emma.client.get(`/api/v1/workshops/scenarios/${shared.json().id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('MARKER-');
    expect(seen.json().abilities).toMatchObject({ update: false, delete: false, copy: true });
    const list = await emma.client.get('/api/v1/workshops/scenarios?source=custom');
    expect(list.json().items.map((s: { title: string }) => s.title)).toEqual(['Geteilt']);
    expect(list.body).not.toContain('MARKER-');
    // The author's own list carries no briefings either (lists never do).
    expect((await fiona.client.get('/api/v1/workshops/scenarios')).body).not.toContain('MARKER-');

    // Others may not change it (403: they can see it); the author may; an admin may delete it.
    expect((await emma.client.patch(`/api/v1/workshops/scenarios/${shared.json().id}`, { shared: false })).statusCode).toBe(403);
    expect((await emma.client.delete(`/api/v1/workshops/scenarios/${shared.json().id}`)).statusCode).toBe(403);
    const renamed = await fiona.client.patch(`/api/v1/workshops/scenarios/${shared.json().id}`, { definition: definition({ title: 'Umbenannt' }) });
    expect(renamed.json()).toMatchObject({ title: 'Umbenannt', shared: true });
    expect((await admin.client.delete(`/api/v1/workshops/scenarios/${shared.json().id}`)).statusCode).toBe(204);
    expect((await emma.client.get(`/api/v1/workshops/scenarios/${shared.json().id}`)).statusCode).toBe(404);
  });

  it('copies a built-in scenario into a custom one the copier may edit (briefings included)', async () => {
    const copy = await emma.client.post('/api/v1/workshops/scenarios', { copyFrom: 'builtin:angry-customer', language: 'en' });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({ source: 'custom', language: 'en', copiedFrom: 'builtin:angry-customer', shared: false, abilities: { update: true } });
    expect(copy.json().roles.every((r: { briefing: string | null }) => typeof r.briefing === 'string' && r.briefing.length > 0)).toBe(true);
    const bad = await emma.client.post('/api/v1/workshops/scenarios', { copyFrom: scenarioId });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toBe('copyFrom');
  });

  it('rejects bad scenario definitions with 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'definition'],
      [{ definition: definition({ title: '' }) }, 'definition.title'],
      [{ definition: { ...definition(), roles: [definition().roles[0], { ...definition().roles[1], key: 'customer' }] } }, 'definition.roles.1.key'],
      [
        {
          definition: definition({
            roles: [
              { key: 'a', name: 'A', observer: true, briefing: '' },
              { key: 'b', name: 'B', observer: true, briefing: '' },
            ],
          }),
        },
        'definition.roles',
      ],
      [{ definition: definition({ injects: [{ id: 'x', afterMinutes: 1, text: 'x', targetRoleKey: 'nobody' }] }) }, 'definition.injects.0.targetRoleKey'],
      [{ definition: definition({ simulatedStart: { weekday: 6, time: '22:00', zone: 'Mars/Olympus' } }) }, 'definition.simulatedStart.zone'],
    ];
    for (const [body, field] of cases) {
      const res = await fiona.client.post('/api/v1/workshops/scenarios', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(codeOf(res)).toBe('validation_failed');
      expect(fieldOf(res)).toBe(field);
    }
  });

  it('runs a session draft → running → paused → running → ended; wrong transitions are 409', async () => {
    const created = await createSession(fiona);
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      simulation: true,
      state: 'draft',
      round: 1,
      facilitator: { name: 'Fiona Facilitator' },
      clock: { simulatedNow: null, timeZone: berlin, running: false },
      abilities: { run: true, end: true, viewStage: true, post: false },
    });
    expect(s.participants.map((p: { user: { name: string }; roleKey: string }) => [p.user.name, p.roleKey]).sort()).toEqual([
      ['Carl Customer', 'customer'],
      ['Emma Employee', 'employee'],
      ['Olli Observer', 'observer'],
    ]);
    const id = s.id as string;

    const wrong = await fiona.client.post(path(id, '/pause'));
    expect(wrong.statusCode).toBe(409);
    expect(codeOf(wrong)).toBe('workshop_state_conflict');
    expect(codeOf(await fiona.client.post(path(id, '/end')))).toBe('workshop_state_conflict');
    // Participants do not run the session.
    expect((await carl.client.post(path(id, '/start'))).statusCode).toBe(403);

    const started = await fiona.client.post(path(id, '/start'));
    expect(started.json()).toMatchObject({ state: 'running', clock: { running: true } });
    // The clock starts at the scenario's moment: Tuesday 10:00 in Berlin.
    const sim = DateTime.fromISO(started.json().clock.simulatedNow).setZone(berlin);
    expect([sim.weekday, sim.hour, sim.minute]).toEqual([2, 10, 0]);
    expect(codeOf(await fiona.client.post(path(id, '/start')))).toBe('workshop_state_conflict');
    expect(codeOf(await fiona.client.post(path(id, '/resume')))).toBe('workshop_state_conflict');

    const paused = (await fiona.client.post(path(id, '/pause'))).json();
    expect(paused).toMatchObject({ state: 'paused', clock: { running: false } });
    // Paused, the clock stands still.
    await new Promise((r) => setTimeout(r, 30));
    expect((await fiona.client.get(path(id))).json().clock.simulatedNow).toBe(paused.clock.simulatedNow);
    expect(codeOf(await fiona.client.post(path(id, '/pause')))).toBe('workshop_state_conflict');
    expect((await fiona.client.post(path(id, '/resume'))).json().state).toBe('running');
    const ended = await fiona.client.post(path(id, '/end'));
    expect(ended.json()).toMatchObject({ state: 'ended', endedAt: expect.any(String) });
    expect(codeOf(await fiona.client.post(path(id, '/resume')))).toBe('workshop_state_conflict');
    expect(codeOf(await fiona.client.post(path(id, '/start')))).toBe('workshop_state_conflict');

    // The transcript logs every state change.
    const stage = (await fiona.client.get(path(id, '/stage'))).json();
    expect(stage.entries.filter((e: { kind: string }) => e.kind === 'state').map((e: { state: string }) => e.state)).toEqual([
      'running',
      'paused',
      'running',
      'ended',
    ]);
  });

  it('answers 404 to non-participants on every session route, and lists sessions only to the people in them', async () => {
    const id = (await createSession(fiona)).json().id as string;
    await fiona.client.post(path(id, '/start'));
    const routes: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', path(id)],
      ['GET', path(id, '/stage')],
      ['POST', path(id, '/start')],
      ['POST', path(id, '/pause')],
      ['POST', path(id, '/end')],
      ['POST', path(id, '/rounds')],
      ['POST', path(id, '/stage/messages'), { channel: 'comment', body: 'Hallo' }],
      ['POST', path(id, '/injects'), { text: 'Hallo' }],
      ['POST', path(id, '/escalations'), { topicId: 'x', level: 1, note: 'n' }],
      ['DELETE', path(id)],
    ];
    for (const [method, url, body] of routes) {
      const res = await otto.client.request(method as 'GET', url, method === 'GET' || method === 'DELETE' ? undefined : (body ?? {}));
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(
        (await new Client(t.app).request(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}))).statusCode,
        `${method} ${url} anonymous`,
      ).toBe(401);
    }
    expect((await otto.client.get(path('0190abcd-0000-7000-8000-000000000000'))).statusCode).toBe(404);

    const mine = (p: Person) => p.client.get('/api/v1/workshops/sessions');
    expect((await mine(carl)).json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await mine(carl)).json().items.find((s: { id: string }) => s.id === id)).toMatchObject({
      simulation: true,
      myRoleKey: 'customer',
      participantCount: 3,
    });
    expect((await mine(fiona)).json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await mine(otto)).json().items).toEqual([]);
    expect((await otto.client.get('/api/v1/workshops/sessions?scope=all')).statusCode).toBe(403);
    const all = await admin.client.get('/api/v1/workshops/sessions?scope=all');
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((s: { id: string }) => s.id)).toContain(id);
    expect(all.body).not.toContain('MARKER-');

    // Admins see that the session exists, not its content: no briefings, no stage.
    const seen = await admin.client.get(path(id));
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ myBriefing: null, briefings: null, abilities: { viewStage: false, run: false, end: true, post: false } });
    expect(seen.body).not.toContain('MARKER-');
    expect((await admin.client.get(path(id, '/stage'))).statusCode).toBe(403);
    expect((await admin.client.post(path(id, '/stage/messages'), { channel: 'comment', body: 'x' })).statusCode).toBe(403);
    expect((await admin.client.post(path(id, '/end'))).json().state).toBe('ended');
    expect((await admin.client.delete(path(id))).statusCode).toBe(204);
    expect((await fiona.client.get(path(id))).statusCode).toBe(404);
  });

  it('assigns roles at random: every playing role gets someone, the rest observe', async () => {
    for (let round = 0; round < 5; round++) {
      const res = await fiona.client.post('/api/v1/workshops/sessions', { scenarioId, random: true, userIds: [carl.id, emma.id, olli.id, otto.id] });
      expect(res.statusCode, res.body).toBe(201);
      const roles = res
        .json()
        .participants.map((p: { roleKey: string }) => p.roleKey)
        .sort();
      expect(roles).toEqual(['customer', 'employee', 'observer', 'observer']);
      expect((await fiona.client.delete(path(res.json().id))).statusCode).toBe(204);
    }
    const few = await fiona.client.post('/api/v1/workshops/sessions', { scenarioId, random: true, userIds: [carl.id] });
    expect(few.statusCode).toBe(400);
    expect(fieldOf(few)).toBe('userIds');
    const none = await fiona.client.post('/api/v1/workshops/sessions', { scenarioId, random: true });
    expect(fieldOf(none)).toBe('userIds');
  });

  it('rejects bad session input with 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ scenarioId: 'builtin:nope' }, 'scenarioId'],
      [{ participants: undefined }, 'participants'],
      [{ participants: [{ userId: carl.id, roleKey: 'villain' }] }, 'participants.0.roleKey'],
      [{ participants: [{ userId: 'no-such-user', roleKey: 'customer' }] }, 'participants.0.userId'],
      [
        {
          participants: [
            { userId: carl.id, roleKey: 'customer' },
            { userId: carl.id, roleKey: 'employee' },
          ],
        },
        'participants.1.userId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await createSession(fiona, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldOf(res)).toBe(field);
    }
    // A scenario the facilitator may not read is "no such scenario".
    const secret = (await otto.client.post('/api/v1/workshops/scenarios', { definition: definition({ title: 'Ottos' }) })).json().id;
    expect(fieldOf(await createSession(fiona, { scenarioId: secret }))).toBe('scenarioId');
  });

  it('runs a built-in scenario in the chosen language, frozen against later scenario edits', async () => {
    const res = await fiona.client.post('/api/v1/workshops/sessions', {
      scenarioId: 'builtin:angry-customer',
      language: 'en',
      random: true,
      userIds: [carl.id, emma.id, olli.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ language: 'en', scenarioId: 'builtin:angry-customer' });
    // The facilitator reads every briefing; the scenario's injects are theirs to send.
    expect(res.json().briefings.length).toBeGreaterThan(1);
    expect(res.json().scenario.injects.length).toBeGreaterThan(0);

    const custom = (await createSession(fiona)).json();
    await fiona.client.patch(`/api/v1/workshops/scenarios/${scenarioId}`, { definition: definition({ title: 'Neuer Titel', goals: ['Anders'] }) });
    const after = (await fiona.client.get(path(custom.id))).json();
    expect(after.scenario).toMatchObject({ title: 'Die wütende Kundin', goals: ['Deeskalieren', 'Richtig eskalieren'] });
    await fiona.client.patch(`/api/v1/workshops/scenarios/${scenarioId}`, { definition: definition() });
  });

  it('notifies the invited participants only', async () => {
    const id = (await createSession(fiona, { title: 'Training Dienstag' })).json().id as string;
    await t.drain();
    const bell = async (p: Person) =>
      (await p.client.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { type: string; target: { id: string } }) => n.type === 'workshop_invitation' && n.target.id === id);
    for (const p of [carl, emma, olli]) {
      const items = await bell(p);
      expect(items, p.email).toHaveLength(1);
      expect(items[0]).toMatchObject({
        target: { kind: 'workshop', url: `/workshops/sessions/${id}` },
        excerpt: 'Training Dienstag',
        actors: [{ name: 'Fiona Facilitator' }],
      });
      expect(JSON.stringify(items)).not.toContain('MARKER-');
    }
    expect(await bell(fiona)).toEqual([]);
    expect(await bell(otto)).toEqual([]);
    expect(await bell(admin)).toEqual([]);
    // By e-mail at once, naming the session (never a role or briefing), to the invited only.
    const mails = (await admin.client.get('/api/v1/admin/mail')).json().items as Array<{ to: string; subject: string; text: string }>;
    const invitations = mails.filter((m) => m.text.includes(`/workshops/sessions/${id}`));
    expect(invitations.map((m) => m.to).sort()).toEqual([carl.email, emma.email, olli.email].sort());
    for (const m of invitations) {
      expect(m.subject).toContain('Training Dienstag');
      expect(m.subject).toMatch(/Rollenspiel-Training|role-play workshop/);
      expect(`${m.subject}${m.text}`).not.toContain('MARKER-');
    }
  });

  it('keeps every briefing with its role: marker strings across every route and real-time event', async () => {
    type Sock = Awaited<ReturnType<typeof open>>;
    const [fS, cS, eS, oS, xS, aS] = (await Promise.all([fiona, carl, emma, olli, otto, admin].map((p) => open(url, p.client)))) as [
      Sock,
      Sock,
      Sock,
      Sock,
      Sock,
      Sock,
    ];
    const sockets = [fS, cS, eS, oS, xS, aS];
    try {
      const id = (await createSession(fiona)).json().id as string;
      await t.drain();
      await fiona.client.post(path(id, '/start'));
      await carl.client.post(path(id, '/stage/messages'), { channel: 'comment', body: 'Euer Mixer ist kaputt!' });
      await emma.client.post(path(id, '/stage/messages'), { channel: 'dm', body: 'Schreib mir bitte direkt.' });
      await fiona.client.post(path(id, '/injects'), { injectId: 'video' });
      await fiona.client.post(path(id, '/injects'), { injectId: 'whisper' });
      await t.drain();
      await until(() => eS.events.some((e) => e.type === 'workshop.inject' && JSON.stringify(e).includes(INJECT_SECRET)));
      await until(() => cS.events.filter((e) => e.type === 'workshop.message').length >= 2);
      await new Promise((r) => setTimeout(r, 150));

      const own: Record<string, Person> = { customer: carl, employee: emma, observer: olli };
      for (const [role, person] of Object.entries(own)) {
        const others = Object.entries(MARKERS)
          .filter(([k]) => k !== role)
          .map(([, m]) => m);
        const session = await person.client.get(path(id));
        expect(session.json().myBriefing).toContain(MARKERS[role as keyof typeof MARKERS]);
        expect(session.json().briefings).toBeNull();
        expect(session.json().scenario.injects).toBeNull();
        const bodies = [
          session.body,
          (await person.client.get(path(id, '/stage'))).body,
          (await person.client.get('/api/v1/workshops/sessions')).body,
          (await person.client.get('/api/v1/notifications')).body,
          (await person.client.get(`/api/v1/workshops/scenarios/${scenarioId}`)).body,
        ];
        for (const body of bodies) for (const m of others) expect(body, `${role} sees ${m}`).not.toContain(m);
      }
      // The facilitator reads all of them.
      const lead = (await fiona.client.get(path(id))).json();
      expect(lead.briefings.map((b: { roleKey: string }) => b.roleKey)).toEqual(['customer', 'employee', 'observer']);
      expect(lead.myBriefing).toBeNull();

      // Real-time: no briefing ever travels; the targeted inject reaches only its role and the facilitator.
      for (const s of sockets) expect(JSON.stringify(s.events)).not.toMatch(/MARKER-/);
      expect(JSON.stringify(fS.events)).toContain(INJECT_SECRET);
      expect(JSON.stringify(eS.events)).toContain(INJECT_SECRET);
      for (const s of [cS, oS, xS, aS]) expect(JSON.stringify(s.events)).not.toContain(INJECT_SECRET);
      // The room: participants and facilitator hear the stage; the outsider and the admin nothing of it.
      for (const s of [fS, cS, eS, oS]) expect(s.events.some((e) => e.type === 'workshop.message' && e.subjectId === id)).toBe(true);
      for (const s of [xS, aS]) expect(s.events.filter((e) => e.subjectId === id)).toEqual([]);
      // And the stage: the customer and the observer do not see the whisper; the employee and the facilitator do.
      expect((await carl.client.get(path(id, '/stage'))).body).not.toContain(INJECT_SECRET);
      expect((await olli.client.get(path(id, '/stage'))).body).not.toContain(INJECT_SECRET);
      expect((await emma.client.get(path(id, '/stage'))).body).toContain(INJECT_SECRET);
      expect((await fiona.client.get(path(id, '/stage'))).body).toContain(INJECT_SECRET);
      // Nothing of the session reached the feed.
      const feed = await otto.client.get('/api/v1/feed');
      expect(feed.body).not.toContain('Mixer ist kaputt');
    } finally {
      for (const s of sockets) s.socket.close();
    }
  });

  it('enforces the stage rules: playing roles only, while running, replies answer a comment', async () => {
    const id = (await createSession(fiona)).json().id as string;
    const comment = (body: string) => ({ channel: 'comment', body });
    expect(codeOf(await carl.client.post(path(id, '/stage/messages'), comment('zu früh')))).toBe('workshop_not_running');
    await fiona.client.post(path(id, '/start'));

    const first = await carl.client.post(path(id, '/stage/messages'), comment('Euer Mixer ist kaputt!'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      simulation: true,
      kind: 'message',
      channel: 'comment',
      roleKey: 'customer',
      author: { name: 'Carl Customer' },
      simulatedAt: expect.any(String),
    });
    const reply = await emma.client.post(path(id, '/stage/messages'), { channel: 'reply', parentId: first.json().id, body: 'Das tut mir leid!' });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ channel: 'reply', parentId: first.json().id, roleKey: 'employee' });

    // Observer and facilitator (no playing role) may not post; outsiders do not see the session.
    expect((await olli.client.post(path(id, '/stage/messages'), comment('ich auch'))).statusCode).toBe(403);
    expect((await fiona.client.post(path(id, '/stage/messages'), comment('ich auch'))).statusCode).toBe(403);
    expect((await otto.client.post(path(id, '/stage/messages'), comment('ich auch'))).statusCode).toBe(404);

    const noParent = await emma.client.post(path(id, '/stage/messages'), { channel: 'reply', body: 'x' });
    expect(noParent.statusCode).toBe(400);
    expect(fieldOf(noParent)).toBe('parentId');
    expect(fieldOf(await emma.client.post(path(id, '/stage/messages'), { channel: 'reply', parentId: 'nope', body: 'x' }))).toBe('parentId');
    expect(fieldOf(await emma.client.post(path(id, '/stage/messages'), { channel: 'dm', parentId: first.json().id, body: 'x' }))).toBe('parentId');
    const empty = await emma.client.post(path(id, '/stage/messages'), { channel: 'comment', body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('body');
    expect((await emma.client.post(path(id, '/stage/messages'), { channel: 'tweet', body: 'x' })).statusCode).toBe(400);

    await fiona.client.post(path(id, '/pause'));
    expect(codeOf(await carl.client.post(path(id, '/stage/messages'), comment('pausiert')))).toBe('workshop_not_running');
    await fiona.client.post(path(id, '/resume'));
    await fiona.client.post(path(id, '/end'));
    const late = await carl.client.post(path(id, '/stage/messages'), comment('zu spät'));
    expect(late.statusCode).toBe(409);
    expect(codeOf(late)).toBe('workshop_not_running');

    const stage = (await olli.client.get(path(id, '/stage'))).json();
    expect(stage).toMatchObject({
      simulation: true,
      state: 'ended',
      post: { brandName: 'ACME Küchen', text: 'Unser neuer Mixer ist da!', at: expect.any(String) },
    });
    expect(stage.entries.filter((e: { kind: string }) => e.kind === 'message').map((e: { body: string }) => e.body)).toEqual([
      'Euer Mixer ist kaputt!',
      'Das tut mir leid!',
    ]);
  });

  it('sends injects: from the scenario, written on the spot, targeted, and moving the simulated clock', async () => {
    const id = (await createSession(fiona)).json().id as string;
    expect(codeOf(await fiona.client.post(path(id, '/injects'), { injectId: 'video' }))).toBe('workshop_not_running');
    await fiona.client.post(path(id, '/start'));
    expect((await carl.client.post(path(id, '/injects'), { injectId: 'video' })).statusCode).toBe(403);
    expect(fieldOf(await fiona.client.post(path(id, '/injects'), { injectId: 'nope' }))).toBe('injectId');
    expect(fieldOf(await fiona.client.post(path(id, '/injects'), {}))).toBe('text');
    expect(fieldOf(await fiona.client.post(path(id, '/injects'), { text: 'x', targetRoleKey: 'villain' }))).toBe('targetRoleKey');
    expect(fieldOf(await fiona.client.post(path(id, '/injects'), { text: 'x', simulatedTime: { weekday: 1, time: '09:00', zone: 'Nowhere/City' } }))).toBe(
      'simulatedTime.zone',
    );

    const video = await fiona.client.post(path(id, '/injects'), { injectId: 'video' });
    expect(video.statusCode, video.body).toBe(201);
    expect(video.json()).toMatchObject({ kind: 'inject', injectId: 'video', targetRoleKey: null, body: 'Die Kundin droht mit einem Video.' });

    // "It is now Saturday 22:00": the clock jumps to the next Saturday 22:00 after the simulated Tuesday 10:00.
    const before = DateTime.fromISO((await fiona.client.get(path(id))).json().clock.simulatedNow);
    const night = await fiona.client.post(path(id, '/injects'), { injectId: 'night' });
    const at = DateTime.fromISO(night.json().simulatedAt).setZone(berlin);
    expect([at.weekday, at.hour, at.minute]).toEqual([6, 22, 0]);
    expect(at.diff(before, 'days').days).toBeGreaterThan(3);
    expect(at.diff(before, 'days').days).toBeLessThan(5);
    const msg = (await carl.client.post(path(id, '/stage/messages'), { channel: 'comment', body: 'Hallo??' })).json();
    const msgAt = DateTime.fromISO(msg.simulatedAt).setZone(berlin);
    expect([msgAt.weekday, msgAt.hour]).toEqual([6, 22]);

    // Written on the spot, for one role, with its own clock change (Monday 08:30).
    const adhoc = await fiona.client.post(path(id, '/injects'), {
      text: 'Dein Chef ruft an.',
      targetRoleKey: 'customer',
      simulatedTime: { weekday: 1, time: '08:30' },
    });
    expect(adhoc.json()).toMatchObject({ injectId: null, targetRoleKey: 'customer' });
    const monday = DateTime.fromISO((await emma.client.get(path(id))).json().clock.simulatedNow).setZone(berlin);
    expect([monday.weekday, monday.hour, monday.minute]).toEqual([1, 8, 30]);
    expect((await emma.client.get(path(id, '/stage'))).body).not.toContain('Dein Chef ruft an.');
    expect((await carl.client.get(path(id, '/stage'))).body).toContain('Dein Chef ruft an.');

    const injects = (await fiona.client.get(path(id, '/stage'))).json().entries.filter((e: { kind: string }) => e.kind === 'inject');
    expect(injects.map((e: { injectId: string | null }) => e.injectId)).toEqual(['video', 'night', null]);
  });

  it('records escalations in the exercise with their correctness at the simulated time, and raises nothing for real', async () => {
    const topic = await admin.client.post('/api/v1/escalation/topics', {
      title: 'Kundenbeschwerde in sozialen Medien',
      responsibleId: rita.id,
      timeZone: berlin,
      businessHours: {
        mon: [{ start: '09:00', end: '17:00' }],
        tue: [{ start: '09:00', end: '17:00' }],
        wed: [{ start: '09:00', end: '17:00' }],
        thu: [{ start: '09:00', end: '17:00' }],
        fri: [{ start: '09:00', end: '17:00' }],
      },
      chain: [
        { userId: rita.id, condition: 'sofort' },
        { userId: fiona.id, condition: 'Drohung mit Anwalt' },
      ],
      outOfHours: { kind: 'on_call', userId: ruth.id },
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const topicId = topic.json().id as string;
    const other = (
      await admin.client.post('/api/v1/escalation/topics', {
        title: 'IT-Störung',
        responsibleId: otto.id,
        timeZone: berlin,
        businessHours: {},
        outOfHours: { kind: 'next_business_day' },
      })
    ).json().id as string;
    const linked = await fiona.client.post('/api/v1/workshops/scenarios', {
      definition: definition({ linkedTopicIds: [topicId], expectedEscalation: { topicHints: [], level: 1, note: 'Nachts: Bereitschaft' } }),
    });
    const id = (
      await fiona.client.post('/api/v1/workshops/sessions', {
        scenarioId: linked.json().id,
        participants: [
          { userId: carl.id, roleKey: 'customer' },
          { userId: emma.id, roleKey: 'employee' },
          { userId: olli.id, roleKey: 'observer' },
        ],
      })
    ).json().id as string;

    const esc = (p: Person, body: Record<string, unknown>) => p.client.post(path(id, '/escalations'), body);
    expect(codeOf(await esc(emma, { topicId, level: 1, contactUserId: rita.id, note: 'zu früh' }))).toBe('workshop_not_running');
    await fiona.client.post(path(id, '/start'));

    // Tuesday 10:00 (simulated): in business hours the responsible is right.
    const day = await esc(emma, { topicId, level: 1, contactUserId: rita.id, note: 'Rita, bitte übernehmen' });
    expect(day.statusCode, day.body).toBe(201);
    // The participant does not learn the verdict during the exercise.
    expect(day.json()).toMatchObject({
      kind: 'escalation',
      roleKey: 'employee',
      body: 'Rita, bitte übernehmen',
      escalation: {
        topicId,
        topicTitle: 'Kundenbeschwerde in sozialen Medien',
        level: 1,
        contact: { name: 'Rita Responsible' },
        correct: null,
        revealed: false,
      },
    });

    // Saturday 22:00 (simulated): the on-call person is right, the responsible is not; a wrong topic is wrong.
    await fiona.client.post(path(id, '/injects'), { injectId: 'night' });
    await esc(emma, { topicId, level: 1, contactUserId: rita.id, note: 'nachts an Rita' });
    await esc(emma, { topicId, level: 1, contactUserId: ruth.id, note: 'nachts an Ruth' });
    await esc(carl, { topicId: other, level: 1, note: 'falsches Thema' });
    await esc(emma, { topicId, level: 2, contactUserId: fiona.id, note: 'Stufe 2' });

    const verdicts = (p: Person) =>
      p.client.get(path(id, '/stage')).then((r) =>
        r
          .json()
          .entries.filter((e: { kind: string }) => e.kind === 'escalation')
          .map((e: { body: string; escalation: { correct: boolean | null; revealed: boolean } }) => [e.body, e.escalation.correct, e.escalation.revealed]),
      );
    expect(await verdicts(fiona)).toEqual([
      ['Rita, bitte übernehmen', true, true],
      ['nachts an Rita', false, true],
      ['nachts an Ruth', true, true],
      ['falsches Thema', false, true],
      // Level 2 is the chain's second person, but the scenario expects level 1.
      ['Stufe 2', false, true],
    ]);
    expect((await verdicts(emma)).every(([, correct, revealed]: [string, boolean | null, boolean]) => correct === null && !revealed)).toBe(true);

    // Bad input and the wrong people.
    expect(fieldOf(await esc(emma, { topicId: 'no-such-topic', level: 1, note: 'x' }))).toBe('topicId');
    expect(fieldOf(await esc(emma, { topicId, level: 1, contactUserId: 'nobody', note: 'x' }))).toBe('contactUserId');
    expect((await esc(emma, { topicId, level: 4, note: 'x' })).statusCode).toBe(400);
    expect((await esc(olli, { topicId, level: 1, note: 'x' })).statusCode).toBe(403);
    expect((await esc(otto, { topicId, level: 1, note: 'x' })).statusCode).toBe(404);

    // Nothing real happened: no escalation, no notification, no chat message for anyone in the directory.
    await t.drain();
    expect(await t.ctx.db.db.selectFrom('escalations').select('id').execute()).toEqual([]);
    for (const p of [rita, ruth, fiona, otto]) {
      const items = (await p.client.get('/api/v1/notifications')).json().items as Array<{ type: string }>;
      expect(
        items.filter((n) => n.type === 'escalation'),
        p.email,
      ).toEqual([]);
    }
    expect((await ruth.client.get('/api/v1/conversations')).json().items).toEqual([]);

    // After the end everyone sees the verdicts.
    await fiona.client.post(path(id, '/end'));
    expect((await verdicts(emma)).map(([, c]: [string, boolean | null]) => c)).toEqual([true, false, true, false, false]);
  });

  it('starts a new round with the playing roles swapped', async () => {
    const id = (await createSession(fiona)).json().id as string;
    expect(codeOf(await fiona.client.post(path(id, '/rounds')))).toBe('workshop_state_conflict');
    await fiona.client.post(path(id, '/start'));
    await fiona.client.post(path(id, '/end'));
    expect((await carl.client.post(path(id, '/rounds'))).statusCode).toBe(403);
    const next = await fiona.client.post(path(id, '/rounds'));
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ state: 'draft', round: 2, previousSessionId: id });
    const roleOf = (name: string) => next.json().participants.find((p: { user: { name: string } }) => p.user.name === name).roleKey;
    expect([roleOf('Carl Customer'), roleOf('Emma Employee'), roleOf('Olli Observer')]).toEqual(['employee', 'customer', 'observer']);
    // Carl now reads the employee's briefing.
    expect((await carl.client.get(path(next.json().id))).json().myBriefing).toContain(MARKERS.employee);
  });

  it('reads the stage and the session list with a fixed number of queries, however much they hold', async () => {
    const id = (await createSession(fiona)).json().id as string;
    await fiona.client.post(path(id, '/start'));
    await carl.client.post(path(id, '/stage/messages'), { channel: 'comment', body: 'eins' });
    const stage = () => olli.client.get(path(id, '/stage'));
    const list = () => olli.client.get('/api/v1/workshops/sessions?limit=100');
    const few = [await countQueries(t, stage), await countQueries(t, list)];
    for (let i = 0; i < 4; i++) {
      await carl.client.post(path(id, '/stage/messages'), { channel: 'comment', body: `Kommentar ${i}` });
      await emma.client.post(path(id, '/stage/messages'), { channel: 'dm', body: `DM ${i}` });
      await fiona.client.post(path(id, '/injects'), { text: `Inject ${i}` });
      await createSession(fiona);
    }
    expect([await countQueries(t, stage), await countQueries(t, list)]).toEqual(few);
    expect((await stage()).json().entries.length).toBeGreaterThan(12);
  });

  it('documents every workshop route in the OpenAPI document', async () => {
    const doc = (await new Client(t.app).get('/api/v1/openapi.json')).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>)
      .filter(([p]) => p.startsWith('/api/v1/workshops'))
      .flatMap(([, methods]) => Object.values(methods).map((m) => m.operationId));
    expect(ops.length).toBe(24);
    for (const op of ops) expect(op).toMatch(/^workshops\.[a-zA-Z]+$/);
    expect(doc.paths['/api/v1/workshops/sessions/{id}/stage/messages'].post.requestBody).toBeDefined();
  });

  it('rejects bad list queries and bodies with 400', async () => {
    expect((await fiona.client.get('/api/v1/workshops/sessions?state=flying')).statusCode).toBe(400);
    expect(fieldOf(await fiona.client.get('/api/v1/workshops/sessions?cursor=garbage'))).toBe('cursor');
    expect((await fiona.client.post('/api/v1/workshops/sessions', {})).statusCode).toBe(400);
  });
});

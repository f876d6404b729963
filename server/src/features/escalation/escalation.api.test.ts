import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createTestApp, PASSWORD, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';
import { insertPeople } from '../../../test/people.js';
import { listen, open, until } from '../../../test/realtime-client.js';
import { type CapturedMail, startSmtp } from '../../../test/smtp.js';
import { runEscalationTimeouts } from './escalations.js';

interface Person {
  id: string;
  email: string;
  client: Client;
}

const ALWAYS = { start: '00:00', end: '24:00' };
const ALL_WEEK = { mon: [ALWAYS], tue: [ALWAYS], wed: [ALWAYS], thu: [ALWAYS], fri: [ALWAYS], sat: [ALWAYS], sun: [ALWAYS] };
const OFFICE = { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] };

describe('escalation directory and urgent escalations', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: Person;
  let ben: Person; // responsible, level 1
  let clara: Person; // deputy
  let dora: Person; // level 2
  let emil: Person; // level 3
  let olga: Person; // on call
  let rita: Person; // raises escalations
  let edith: Person; // directory editor
  let gast: Person; // guest
  let outsider: Person;
  const anon = () => new Client(t.app);
  const mailsTo = (email: string): CapturedMail[] => smtp.mails.filter((m) => m.to.includes(email));
  const fieldOf = (res: { json(): unknown }) => (res.json() as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields[0]?.field;

  const topicBody = (over: Record<string, unknown> = {}) => ({
    title: 'Kundenbeschwerde in sozialen Medien',
    description: 'Ein Kunde beschwert sich öffentlich auf Facebook oder Instagram.',
    keywords: ['Shitstorm', 'Facebook'],
    responsibleId: ben.id,
    deputyId: clara.id,
    timeZone: 'Europe/Berlin',
    businessHours: ALL_WEEK,
    chain: [
      { userId: ben.id, condition: 'Jede öffentliche Beschwerde' },
      { userId: dora.id, condition: 'Androhung rechtlicher Schritte' },
      { userId: emil.id, condition: 'Presse fragt nach' },
    ],
    ackTimeoutMinutes: 30,
    outOfHours: { kind: 'on_call', userId: olga.id },
    ...over,
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    const a = await setupAdmin(t);
    admin = { id: a.id, email: a.email, client: a.client };
    const made = await insertPeople(t, [
      { name: 'Ben Verantwortlich', phone: '+49 30 1111', locale: 'de' },
      { name: 'Clara Vertretung', phone: '+49 30 2222' },
      { name: 'Dora Stufe Zwei', phone: '+49 30 3333', locale: 'en' },
      { name: 'Emil Stufe Drei' },
      { name: 'Olga Bereitschaft', phone: '+49 170 4444' },
      { name: 'Rita Meldet' },
      { name: 'Edith Editorin' },
      { name: 'Gerd Gast', role: 'guest' },
      { name: 'Otto Außen' },
    ]);
    const login = async (p: { id: string; email: string }): Promise<Person> => {
      const client = new Client(t.app);
      await client.login(p.email, PASSWORD);
      return { id: p.id, email: p.email, client };
    };
    [ben, clara, dora, emil, olga, rita, edith, gast, outsider] = (await Promise.all(made.map(login))) as Person[] as [
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
      Person,
    ];
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('answers 401 to anyone not logged in, on every endpoint', async () => {
    const c = anon();
    const calls = [
      c.get('/api/v1/escalation/topics'),
      c.post('/api/v1/escalation/topics', topicBody()),
      c.get('/api/v1/escalation/topics/x'),
      c.patch('/api/v1/escalation/topics/x', { title: 'y' }),
      c.post('/api/v1/escalation/topics/x/archive'),
      c.get('/api/v1/escalation/topics/x/versions'),
      c.get('/api/v1/escalation/export.csv'),
      c.get('/api/v1/escalation/holidays'),
      c.put('/api/v1/escalation/holidays', { items: [] }),
      c.get('/api/v1/escalation/editors'),
      c.put('/api/v1/escalation/editors', { userIds: [] }),
      c.post('/api/v1/escalation/topics/x/escalations', { message: 'Hilfe' }),
      c.get('/api/v1/escalations'),
      c.get('/api/v1/escalations/x'),
      c.post('/api/v1/escalations/x/acknowledge'),
    ];
    for (const res of await Promise.all(calls)) expect([res.statusCode, codeOf(res)]).toEqual([401, 'unauthenticated']);
  });

  it('lets admins appoint directory editors; editors create topics, members and guests may not', async () => {
    expect((await rita.client.post('/api/v1/escalation/topics', topicBody())).statusCode).toBe(403);
    expect((await edith.client.post('/api/v1/escalation/topics', topicBody())).statusCode).toBe(403);
    expect((await rita.client.get('/api/v1/escalation/editors')).statusCode).toBe(403);
    expect((await rita.client.put('/api/v1/escalation/editors', { userIds: [rita.id] })).statusCode).toBe(403);
    const badEditor = await admin.client.put('/api/v1/escalation/editors', { userIds: [edith.id, gast.id] });
    expect([badEditor.statusCode, codeOf(badEditor), fieldOf(badEditor)]).toEqual([400, 'validation_failed', 'userIds.1']);

    const set = await admin.client.put('/api/v1/escalation/editors', { userIds: [edith.id] });
    expect(set.statusCode).toBe(200);
    expect(set.json().items.map((u: { name: string }) => u.name)).toEqual(['Edith Editorin']);
    expect((await admin.client.get('/api/v1/escalation/editors')).json().items).toHaveLength(1);

    const listEd = (await edith.client.get('/api/v1/escalation/topics')).json();
    expect([listEd.canCreate, listEd.canManage]).toEqual([true, false]);
    const listRita = (await rita.client.get('/api/v1/escalation/topics')).json();
    expect([listRita.canCreate, listRita.canManage]).toEqual([false, false]);
    expect((await gast.client.get('/api/v1/escalation/topics')).statusCode).toBe(403);
    expect((await gast.client.get('/api/v1/escalation/export.csv')).statusCode).toBe(403);

    const created = await edith.client.post('/api/v1/escalation/topics', topicBody({ title: 'Von Edith angelegt' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().abilities).toEqual({ update: true, archive: true, escalate: true });
    // Rita sees it, may escalate, not edit.
    const seen = await rita.client.get(`/api/v1/escalation/topics/${created.json().id}`);
    expect(seen.json().abilities).toEqual({ update: false, archive: false, escalate: true });
    expect((await rita.client.patch(`/api/v1/escalation/topics/${created.json().id}`, { title: 'Meins' })).statusCode).toBe(403);
    expect((await gast.client.get(`/api/v1/escalation/topics/${created.json().id}`)).statusCode).toBe(404);
    // Removed as editor: no more editing.
    await admin.client.put('/api/v1/escalation/editors', { userIds: [] });
    expect((await edith.client.patch(`/api/v1/escalation/topics/${created.json().id}`, { title: 'Noch mal' })).statusCode).toBe(403);
    await admin.client.post(`/api/v1/escalation/topics/${created.json().id}/archive`);
  });

  it('rejects bad topics with 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'title'],
      [{ timeZone: 'Europe/Atlantis' }, 'timeZone'],
      [{ businessHours: { mon: [{ start: '17:00', end: '09:00' }] } }, 'businessHours.mon.0.end'],
      [
        {
          businessHours: {
            tue: [
              { start: '09:00', end: '13:00' },
              { start: '12:00', end: '17:00' },
            ],
          },
        },
        'businessHours.tue.1.start',
      ],
      [{ businessHours: { wed: [{ start: '9:00', end: '17:00' }] } }, 'businessHours.wed.0.start'],
      [{ responsibleId: 'nobody' }, 'responsibleId'],
      [{ deputyId: gast.id }, 'deputyId'],
      [
        {
          chain: [
            { userId: dora.id, condition: 'x' },
            { userId: 'nobody', condition: 'y' },
          ],
        },
        'chain.1.userId',
      ],
      [{ outOfHours: { kind: 'rota', userIds: [olga.id, 'nobody'], startWeek: '2026-W48' } }, 'outOfHours.userIds.1'],
      [{ ackTimeoutMinutes: 0 }, 'ackTimeoutMinutes'],
    ];
    for (const [over, field] of cases) {
      const res = await admin.client.post('/api/v1/escalation/topics', topicBody(over));
      expect([JSON.stringify(over), res.statusCode, codeOf(res)]).toEqual([JSON.stringify(over), 400, 'validation_failed']);
      expect(fieldOf(res)?.replace(/^\//, '').replace(/\//g, '.')).toBe(field);
    }
    const tooLong = await admin.client.post('/api/v1/escalation/topics', topicBody({ chain: [1, 2, 3, 4].map(() => ({ userId: ben.id, condition: '' })) }));
    expect(tooLong.statusCode).toBe(400);
  });

  it('stores a version for every change: who, when, which fields, before and after; archive hides the topic from members', async () => {
    const created = (await admin.client.post('/api/v1/escalation/topics', topicBody({ title: 'Datenschutzvorfall', keywords: ['DSGVO'] }))).json();
    expect(created.version).toBe(1);
    const changed = await admin.client.patch(`/api/v1/escalation/topics/${created.id}`, {
      responsibleId: clara.id,
      deputyId: ben.id,
      businessHours: OFFICE,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    expect(changed.json().responsible.name).toBe('Clara Vertretung');
    // Saving the same values again stores nothing.
    expect((await admin.client.patch(`/api/v1/escalation/topics/${created.id}`, { responsibleId: clara.id })).json().version).toBe(2);

    const versions = (await rita.client.get(`/api/v1/escalation/topics/${created.id}/versions`)).json().items;
    expect(versions.map((v: { version: number; summary: string }) => [v.version, v.summary])).toEqual([
      [2, 'Changed responsible, deputy, business hours'],
      [1, 'Created'],
    ]);
    expect(versions[0].author.name).toBe('Anna Admin');
    expect(versions[0].changes).toEqual([
      { field: 'responsibleId', from: 'Ben Verantwortlich', to: 'Clara Vertretung' },
      { field: 'deputyId', from: 'Clara Vertretung', to: 'Ben Verantwortlich' },
      {
        field: 'businessHours',
        from: 'Mon 00:00–24:00; Tue 00:00–24:00; Wed 00:00–24:00; Thu 00:00–24:00; Fri 00:00–24:00; Sat 00:00–24:00; Sun 00:00–24:00',
        to: 'Mon 09:00–17:00; Tue 09:00–17:00',
      },
    ]);
    expect(versions[0].snapshot).toMatchObject({ responsibleId: clara.id, deputyId: ben.id, title: 'Datenschutzvorfall' });

    const archived = await admin.client.post(`/api/v1/escalation/topics/${created.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await rita.client.get(`/api/v1/escalation/topics/${created.id}`)).statusCode).toBe(404);
    expect((await rita.client.get('/api/v1/escalation/topics?q=datenschutz')).json().items).toEqual([]);
    expect((await rita.client.post(`/api/v1/escalation/topics/${created.id}/escalations`, { message: 'Leak!' })).statusCode).toBe(404);
    expect((await rita.client.get('/api/v1/escalation/topics?archived=true')).statusCode).toBe(403);
    expect((await admin.client.get('/api/v1/escalation/topics?archived=true')).json().items.map((x: { title: string }) => x.title)).toContain(
      'Datenschutzvorfall',
    );
    expect((await admin.client.patch(`/api/v1/escalation/topics/${created.id}`, { title: 'X' })).statusCode).toBe(403);
    const restored = await admin.client.post(`/api/v1/escalation/topics/${created.id}/restore`);
    expect([restored.json().archivedAt, restored.json().version]).toEqual([null, 4]);
    const all = (await admin.client.get(`/api/v1/escalation/topics/${created.id}/versions`)).json().items;
    expect(all.map((v: { summary: string }) => v.summary).slice(0, 2)).toEqual(['Restored', 'Archived']);

    expect((await admin.client.get('/api/v1/escalation/topics/nope')).statusCode).toBe(404);
    expect((await admin.client.get('/api/v1/escalation/topics/nope/versions')).statusCode).toBe(404);
    expect((await admin.client.patch('/api/v1/escalation/topics/nope', { title: 'x' })).statusCode).toBe(404);
    expect((await admin.client.post('/api/v1/escalation/topics/nope/archive')).statusCode).toBe(404);
    expect((await gast.client.get(`/api/v1/escalation/topics/${created.id}/versions`)).statusCode).toBe(404);
  });

  it('searches title, keywords and description case-insensitively, each topic with who to contact now (phone, presence)', async () => {
    await admin.client.post('/api/v1/escalation/topics', topicBody({ title: 'Kundenbeschwerde in sozialen Medien' }));
    await admin.client.post(
      '/api/v1/escalation/topics',
      topicBody({ title: 'IT-Ausfall', description: 'Server oder Netz weg', keywords: ['Störung'], businessHours: ALL_WEEK }),
    );
    await admin.client.post('/api/v1/escalation/topics', topicBody({ title: 'Presseanfrage', description: 'Journalisten rufen an', keywords: ['Medien'] }));
    const titles = async (q: string) =>
      (await rita.client.get(`/api/v1/escalation/topics?q=${encodeURIComponent(q)}`)).json().items.map((x: { title: string }) => x.title);
    expect(await titles('AUSFALL')).toEqual(['IT-Ausfall']);
    expect(await titles('störung')).toEqual(['IT-Ausfall']); // keyword, with umlaut
    expect(await titles('JOURNALISTEN')).toEqual(['Presseanfrage']); // description
    expect(await titles('beschwerde')).toEqual(['Kundenbeschwerde in sozialen Medien']); // inside a compound word
    expect(await titles('medien')).toEqual(['Kundenbeschwerde in sozialen Medien', 'Presseanfrage']);
    expect(await titles('medien presse')).toEqual(['Presseanfrage']);
    expect(await titles('nichts-passt')).toEqual([]);

    const [it1] = (await rita.client.get('/api/v1/escalation/topics?q=ausfall')).json().items;
    expect(it1.now).toMatchObject({ inHours: true, via: 'responsible', nextOpening: null, holiday: null });
    expect(it1.now.contact).toMatchObject({ name: 'Ben Verantwortlich', phone: '+49 30 1111', presence: 'offline' });
    expect(it1.now.deputy).toMatchObject({ name: 'Clara Vertretung', phone: '+49 30 2222' });
    expect(it1.chain.map((c: { level: number; person: { name: string }; condition: string }) => [c.level, c.person.name, c.condition])).toEqual([
      [1, 'Ben Verantwortlich', 'Jede öffentliche Beschwerde'],
      [2, 'Dora Stufe Zwei', 'Androhung rechtlicher Schritte'],
      [3, 'Emil Stufe Drei', 'Presse fragt nach'],
    ]);
    expect(it1.outOfHours).toMatchObject({ kind: 'on_call', person: { name: 'Olga Bereitschaft', phone: '+49 170 4444' } });

    // Paging by title.
    const p1 = (await rita.client.get('/api/v1/escalation/topics?limit=1')).json();
    const p2 = (await rita.client.get(`/api/v1/escalation/topics?limit=1&cursor=${p1.nextCursor}`)).json();
    expect(p1.items[0].title < p2.items[0].title).toBe(true);
  });

  it('counts the admin’s company holidays as outside business hours (today a holiday → the on-call person)', async () => {
    const topic = (await admin.client.post('/api/v1/escalation/topics', topicBody({ title: 'Feiertagstest' }))).json();
    expect(topic.now.inHours).toBe(true);
    const today = DateTime.now().setZone('Europe/Berlin').toISODate() as string;
    expect((await rita.client.put('/api/v1/escalation/holidays', { items: [] })).statusCode).toBe(403);
    const dup = await admin.client.put('/api/v1/escalation/holidays', {
      items: [
        { date: today, name: 'A' },
        { date: today, name: 'B' },
      ],
    });
    expect([dup.statusCode, fieldOf(dup)]).toEqual([400, 'items.1.date']);
    const bad = await admin.client.put('/api/v1/escalation/holidays', { items: [{ date: '2026-02-30', name: 'Nie' }] });
    expect([bad.statusCode, fieldOf(bad)]).toEqual([400, 'items.0.date']);
    expect((await admin.client.put('/api/v1/escalation/holidays', { items: [{ date: today, name: 'Betriebsausflug' }] })).statusCode).toBe(200);
    expect((await rita.client.get('/api/v1/escalation/holidays')).json().items).toEqual([{ date: today, name: 'Betriebsausflug' }]);
    const now = (await rita.client.get(`/api/v1/escalation/topics/${topic.id}`)).json().now;
    expect(now).toMatchObject({ inHours: false, via: 'on_call', holiday: 'Betriebsausflug', contact: { name: 'Olga Bereitschaft' }, deputy: null });
    // Tomorrow 00:00 in Berlin opens again.
    expect(now.nextOpening).toBe(DateTime.now().setZone('Europe/Berlin').plus({ days: 1 }).startOf('day').toUTC().toISO());
    await admin.client.put('/api/v1/escalation/holidays', { items: [] });
    await admin.client.post(`/api/v1/escalation/topics/${topic.id}/archive`);
  });

  it('exports the directory as CSV: BOM, one row per topic with people, phones, hours, chain and out-of-hours rule', async () => {
    const res = await rita.client.get('/api/v1/escalation/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('escalation-directory.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Title,Responsible,Responsible phone,Deputy,Deputy phone,Time zone,Business hours,Escalation chain,Acknowledgement timeout (min),Out of hours,Keywords',
    );
    const row = lines.find((l) => l.startsWith('"IT-Ausfall"'));
    expect(row).toBe(
      [
        'IT-Ausfall',
        'Ben Verantwortlich',
        '+49 30 1111',
        'Clara Vertretung',
        '+49 30 2222',
        'Europe/Berlin',
        'Mon 00:00–24:00; Tue 00:00–24:00; Wed 00:00–24:00; Thu 00:00–24:00; Fri 00:00–24:00; Sat 00:00–24:00; Sun 00:00–24:00',
        '1. Ben Verantwortlich (+49 30 1111) — Jede öffentliche Beschwerde; 2. Dora Stufe Zwei (+49 30 3333) — Androhung rechtlicher Schritte; 3. Emil Stufe Drei — Presse fragt nach',
        '30',
        'On call: Olga Bereitschaft (+49 170 4444)',
        'Störung',
      ]
        .map((v) => `"${v.replace(/^\+/, "'+")}"`)
        .join(','),
    );
    // Archived topics are not exported.
    expect(lines.some((l) => l.startsWith('"Feiertagstest"'))).toBe(false);
  });

  it('raises an urgent escalation: in-app notification, e-mail at once despite “e-mail off”, a chat message; acknowledged once', async () => {
    // Ben switched escalation e-mails off: urgent ones come anyway.
    expect((await ben.client.patch('/api/v1/me/notification-settings', { types: [{ type: 'escalation', email: 'off' }] })).statusCode).toBe(200);
    const topic = (await rita.client.get('/api/v1/escalation/topics?q=ausfall')).json().items[0];
    smtp.mails.length = 0;
    const bad = await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: '  ' });
    expect([bad.statusCode, codeOf(bad), fieldOf(bad)?.replace(/^\//, '')]).toEqual([400, 'validation_failed', 'message']);
    expect((await rita.client.post('/api/v1/escalation/topics/nope/escalations', { message: 'x' })).statusCode).toBe(404);
    expect((await gast.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'x' })).statusCode).toBe(404);

    const res = await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Der Shop ist seit 10 Minuten down!' });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ status: 'open', level: 1, levels: 3, outOfHours: false, via: 'responsible', nextOpening: null, topic: { title: 'IT-Ausfall' } });
    expect(e.assignee).toMatchObject({ name: 'Ben Verantwortlich', phone: '+49 30 1111' });
    expect(e.steps.map((s: { kind: string; user: { name: string } }) => [s.kind, s.user.name])).toEqual([
      ['raised', 'Rita Meldet'],
      ['notified', 'Ben Verantwortlich'],
    ]);
    expect(Date.parse(e.escalatesAt) - Date.parse(e.createdAt)).toBe(30 * 60_000);
    expect(e.abilities.acknowledge).toBe(false); // the raiser cannot acknowledge
    await t.drain();

    // In the app.
    const bell = (await ben.client.get('/api/v1/notifications')).json().items;
    expect(bell[0]).toMatchObject({
      type: 'escalation',
      excerpt: 'IT-Ausfall',
      target: { kind: 'escalation', id: e.id, url: `/escalations/${e.id}` },
      detail: '1',
    });
    expect(bell[0].actors[0].name).toBe('Rita Meldet');
    // By e-mail, at once, in Ben's language.
    const [mail] = mailsTo(ben.email);
    expect(mail?.subject).toBe('Dringend: Rita Meldet eskaliert „IT-Ausfall“ an dich – bitte bestätige · ACME GmbH');
    expect(mail?.text).toContain(`${PUBLIC_URL}/escalations/${e.id}`);
    // In the chat: a direct message from Rita with the message and the link.
    const convs = (await ben.client.get('/api/v1/conversations')).json().items;
    const conv = convs.find((c: { id: string }) => c.id === e.conversationId) ?? convs[0];
    const detail = (await rita.client.get(`/api/v1/escalations/${e.id}`)).json();
    expect(detail.conversationId).toBe(conv.id);
    const msgs = (await ben.client.get(`/api/v1/conversations/${conv.id}/messages`)).json().items;
    const body: string = msgs.map((m: { body: string }) => m.body).join('\n');
    expect(body).toContain('Der Shop ist seit 10 Minuten down!');
    expect(body).toContain(`${PUBLIC_URL}/escalations/${e.id}`);
    expect(body).toContain('Dringende Eskalation: IT-Ausfall');

    // Who may see and acknowledge it.
    expect((await outsider.client.get(`/api/v1/escalations/${e.id}`)).statusCode).toBe(404);
    expect((await admin.client.get(`/api/v1/escalations/${e.id}`)).statusCode).toBe(200);
    expect((await dora.client.get(`/api/v1/escalations/${e.id}`)).statusCode).toBe(200); // a later level
    expect((await outsider.client.post(`/api/v1/escalations/${e.id}/acknowledge`)).statusCode).toBe(404);
    expect((await rita.client.post(`/api/v1/escalations/${e.id}/acknowledge`)).statusCode).toBe(403);
    expect((await admin.client.post(`/api/v1/escalations/${e.id}/acknowledge`)).statusCode).toBe(403);
    expect((await ben.client.get(`/api/v1/escalations/${e.id}`)).json().abilities.acknowledge).toBe(true);
    const ack = await ben.client.post(`/api/v1/escalations/${e.id}/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', escalatesAt: null, acknowledgedBy: { name: 'Ben Verantwortlich' } });
    expect(ack.json().steps.map((s: { kind: string }) => s.kind)).toEqual(['raised', 'notified', 'acknowledged']);
    const again = await ben.client.post(`/api/v1/escalations/${e.id}/acknowledge`);
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'escalation_acknowledged']);
    // The timeout passing after the acknowledgement changes nothing.
    expect(await runEscalationTimeouts(t.ctx, new Date(Date.now() + 31 * 60_000))).toBe(0);
    expect((await ben.client.get('/api/v1/escalations?scope=assigned')).json().items.map((x: { id: string }) => x.id)).toContain(e.id);
    expect((await rita.client.get('/api/v1/escalations?scope=mine')).json().items.map((x: { id: string }) => x.id)).toContain(e.id);
    expect((await outsider.client.get('/api/v1/escalations?scope=mine')).json().items).toEqual([]);
    expect((await ben.client.get('/api/v1/escalations/nope')).statusCode).toBe(404);
    const badScope = await ben.client.get('/api/v1/escalations?scope=all');
    expect([badScope.statusCode, codeOf(badScope)]).toEqual([400, 'validation_failed']);
  });

  it('moves on to level 2, then 3 when nobody acknowledges in time, notifying each; then stays open at the top', async () => {
    const topic = (await rita.client.get('/api/v1/escalation/topics?q=ausfall')).json().items[0];
    const e = (await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Immer noch down' })).json();
    await t.drain();
    smtp.mails.length = 0;
    const start = Date.parse(e.createdAt);
    const after = (min: number) => new Date(start + min * 60_000);

    expect(await runEscalationTimeouts(t.ctx, after(29))).toBe(0);
    expect(await runEscalationTimeouts(t.ctx, after(31))).toBe(1);
    // Two ticks at once move it once.
    expect(await runEscalationTimeouts(t.ctx, after(31))).toBe(0);
    await t.drain();
    let now = (await rita.client.get(`/api/v1/escalations/${e.id}`)).json();
    expect(now).toMatchObject({ status: 'open', level: 2, assignee: { name: 'Dora Stufe Zwei' }, escalatesAt: after(61).toISOString() });
    expect((await dora.client.get('/api/v1/notifications')).json().items[0]).toMatchObject({ type: 'escalation', detail: '2', target: { id: e.id } });
    expect(mailsTo(dora.email)[0]?.subject).toBe('Urgent: Rita Meldet escalates “IT-Ausfall” to you — please acknowledge · ACME GmbH');
    // Level 1 may no longer acknowledge; the chat went to Dora.
    expect((await ben.client.post(`/api/v1/escalations/${e.id}/acknowledge`)).statusCode).toBe(403);
    const doraChat = (await dora.client.get(`/api/v1/conversations/${now.conversationId}/messages`)).json().items;
    expect(doraChat.map((m: { body: string }) => m.body).join('\n')).toContain('Immer noch down');

    expect(await runEscalationTimeouts(t.ctx, after(62))).toBe(1);
    await t.drain();
    now = (await rita.client.get(`/api/v1/escalations/${e.id}`)).json();
    expect(now).toMatchObject({ status: 'open', level: 3, assignee: { name: 'Emil Stufe Drei' } });
    expect((await emil.client.get('/api/v1/notifications')).json().items[0]).toMatchObject({ type: 'escalation', detail: '3' });
    expect(mailsTo(emil.email)).toHaveLength(1);

    expect(await runEscalationTimeouts(t.ctx, after(93))).toBe(1);
    now = (await rita.client.get(`/api/v1/escalations/${e.id}`)).json();
    expect(now).toMatchObject({ status: 'unacknowledged_at_top', level: 3, escalatesAt: null });
    expect(await runEscalationTimeouts(t.ctx, after(200))).toBe(0);
    expect(now.steps.map((s: { kind: string; level: number; user: { name: string } | null }) => [s.kind, s.level, s.user?.name ?? null])).toEqual([
      ['raised', 1, 'Rita Meldet'],
      ['notified', 1, 'Ben Verantwortlich'],
      ['escalated', 2, 'Dora Stufe Zwei'],
      ['notified', 2, 'Dora Stufe Zwei'],
      ['escalated', 3, 'Emil Stufe Drei'],
      ['notified', 3, 'Emil Stufe Drei'],
      ['unacknowledged_at_top', 3, null],
    ]);
    // Each step has its time: 0, 0, +31, +31, +62, +62, +93 minutes.
    expect(now.steps.map((s: { at: string }) => Math.round((Date.parse(s.at) - start) / 60_000))).toEqual([0, 0, 31, 31, 62, 62, 93]);
    expect((await dora.client.get('/api/v1/escalations?scope=assigned&status=unacknowledged_at_top')).json().items.map((x: { id: string }) => x.id)).toEqual([
      e.id,
    ]);
    // Still acknowledgeable at the top, by the last level.
    const ack = await emil.client.post(`/api/v1/escalations/${e.id}/acknowledge`);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'Emil Stufe Drei' } });
  });

  it('after hours with “next business day” it still goes to level 1, saying it is outside hours and when the topic opens', async () => {
    // Open every day but today (in Berlin): now is outside hours, and the topic opens tomorrow at 00:00.
    const today = DateTime.now().setZone('Europe/Berlin');
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const hours = Object.fromEntries(days.filter((_, i) => i !== today.weekday - 1).map((d) => [d, [ALWAYS]]));
    const topic = (
      await admin.client.post(
        '/api/v1/escalation/topics',
        topicBody({ title: 'Nachts warten', businessHours: hours, outOfHours: { kind: 'next_business_day' }, chain: [{ userId: clara.id, condition: '' }] }),
      )
    ).json();
    expect(topic.now).toMatchObject({ inHours: false, via: 'wait', contact: null });
    const opens = today.plus({ days: 1 }).startOf('day').toUTC().toISO();
    expect(topic.now.nextOpening).toBe(opens);
    const e = (await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Kann das bis morgen warten?' })).json();
    expect(e).toMatchObject({ outOfHours: true, via: 'wait', nextOpening: opens, level: 1, levels: 1, assignee: { name: 'Clara Vertretung' } });
    // A one-level chain: after the timeout it is open at the top.
    expect(await runEscalationTimeouts(t.ctx, new Date(Date.parse(e.createdAt) + 31 * 60_000))).toBe(1);
    expect((await clara.client.get(`/api/v1/escalations/${e.id}`)).json().status).toBe('unacknowledged_at_top');
  });

  it('after hours with an on-call rule goes to the on-call person', async () => {
    const today = DateTime.now().setZone('America/New_York');
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const hours = Object.fromEntries(days.filter((_, i) => i !== today.weekday - 1).map((d) => [d, [ALWAYS]]));
    const topic = (
      await admin.client.post('/api/v1/escalation/topics', topicBody({ title: 'Nachtschicht NY', timeZone: 'America/New_York', businessHours: hours }))
    ).json();
    const e = (await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Server brennt' })).json();
    expect(e).toMatchObject({ outOfHours: true, via: 'on_call', assignee: { name: 'Olga Bereitschaft', phone: '+49 170 4444' }, levels: 3 });
    await t.drain();
    expect((await olga.client.get('/api/v1/notifications')).json().items[0]).toMatchObject({ type: 'escalation', target: { id: e.id } });
  });

  it('tells the people involved live (and nobody else), and shows the contact online while connected', async () => {
    const url = await listen(t);
    const [ritaSock, benSock, doraSock, ottoSock] = await Promise.all([
      open(url, rita.client),
      open(url, ben.client),
      open(url, dora.client),
      open(url, outsider.client),
    ]);
    try {
      const topic = (await rita.client.get('/api/v1/escalation/topics?q=ausfall')).json().items[0];
      expect(topic.now.contact).toMatchObject({ name: 'Ben Verantwortlich', presence: 'online' });
      expect(topic.now.deputy).toMatchObject({ name: 'Clara Vertretung', presence: 'offline' });
      const e = (await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Live?' })).json();
      await t.drain();
      for (const sock of [ritaSock, benSock, doraSock]) await until(() => sock.events.some((x) => x.type === 'escalation.raised' && x.subjectId === e.id));
      await ben.client.post(`/api/v1/escalations/${e.id}/acknowledge`);
      await t.drain();
      await until(() => ritaSock.events.some((x) => x.type === 'escalation.acknowledged' && x.subjectId === e.id));
      // Only an invalidation, no message text.
      expect(Object.keys(ritaSock.events.find((x) => x.subjectId === e.id) ?? {}).sort()).toEqual(['id', 'subjectId', 'type']);
      expect(ottoSock.events.filter((x) => x.subjectId === e.id)).toEqual([]);
    } finally {
      for (const s of [ritaSock, benSock, doraSock, ottoSock]) s.socket.close();
    }
  });

  it('skips people who have left: a deactivated responsible hands level 1 to the deputy', async () => {
    const [leaver] = await insertPeople(t, [{ name: 'Lena Geht' }]);
    const topic = (
      await admin.client.post(
        '/api/v1/escalation/topics',
        topicBody({
          title: 'Verlassen',
          responsibleId: leaver?.id,
          chain: [
            { userId: dora.id, condition: '' },
            { userId: leaver?.id, condition: '' },
          ],
        }),
      )
    ).json();
    expect((await admin.client.post(`/api/v1/users/${leaver?.id}/deactivate`)).statusCode).toBe(200);
    const e = (await rita.client.post(`/api/v1/escalation/topics/${topic.id}/escalations`, { message: 'Wer ist noch da?' })).json();
    expect(e).toMatchObject({ level: 1, levels: 1, assignee: { name: 'Clara Vertretung' } });
  });
});

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createMember, createTestApp, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';

type Person = { client: Client; id: string; email: string };

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/** Parses iCalendar text with ical.js, registering its VTIMEZONEs; returns the VEVENTs. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent');
}

/** A series' occurrences (with its exceptions and EXDATEs applied) in [from, to): local HH:mm in Berlin and the UTC instant. */
function expand(vevents: ICAL.Component[], uid: string, from: string, to: string) {
  const own = vevents.filter((v) => v.getFirstPropertyValue('uid') === uid);
  const master = own.find((v) => !v.hasProperty('recurrence-id'));
  if (!master) throw new Error(`no VEVENT ${uid}`);
  const event = new ICAL.Event(master, { exceptions: own.filter((v) => v.hasProperty('recurrence-id')) });
  const it = event.iterator();
  const out: Array<{ local: string; utc: string; summary: string }> = [];
  for (let next = it.next(); next; next = it.next()) {
    const d = event.getOccurrenceDetails(next);
    const utc = d.startDate.toJSDate().toISOString();
    if (utc >= to) break;
    if (utc < from) continue;
    const local = d.startDate.convertToZone(ICAL.TimezoneService.get('Europe/Berlin') as ICAL.Timezone);
    out.push({
      local: `${local.toString().slice(0, 10)} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
      utc,
      summary: d.item.summary,
    });
  }
  return out;
}

describe('calendar: .ics files and the personal feed', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let group: { id: string };
  let secretGroup: { id: string };
  let lunch: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id, email: a.email };
    anna = await createMember(t, admin.client, { name: 'Anna Kalender' });
    ben = await createMember(t, admin.client, { name: 'Ben Kalender' });
    clara = await createMember(t, admin.client, { name: 'Clara Kalender' });
    group = (await anna.client.post('/api/v1/groups', { name: 'Mittagsrunde', visibility: 'public', joinPolicy: 'open' })).json();
    secretGroup = (await clara.client.post('/api/v1/groups', { name: 'Geheimprojekt', visibility: 'secret', joinPolicy: 'invite' })).json();
    await ben.client.post(`/api/v1/groups/${group.id}/members`);
    // Friday lunch at 12:00 Berlin from October (CEST) through the winter (CET) into April (CEST again).
    const res = await anna.client.post('/api/v1/events', {
      title: 'Mittagessen: Freitag',
      description: 'Wir treffen uns am Eingang.',
      start: '2026-10-16T12:00',
      end: '2026-10-16T13:00',
      timeZone: 'Europe/Berlin',
      location: 'Kantine',
      recurrence: 'FREQ=WEEKLY;BYDAY=FR;COUNT=30',
      audience: { kind: 'group', groupId: group.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    lunch = res.json();
    // Christmas is off; one lunch moves to 12:30 and gets its own title.
    await anna.client.patch(`/api/v1/events/${lunch.id}`, { scope: 'this', occurrence: '2026-12-25T11:00:00.000Z', cancelled: true });
    await anna.client.patch(`/api/v1/events/${lunch.id}`, {
      scope: 'this',
      occurrence: '2027-01-08T11:00:00.000Z',
      title: 'Neujahrsessen',
      start: '2027-01-08T12:30',
      end: '2027-01-08T13:30',
    });
    await ben.client.put(`/api/v1/events/${lunch.id}/rsvp`, { status: 'going', occurrence: '2027-01-15T11:00:00.000Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports an event as an .ics file that a real parser reads, keeping 12:00 local across both DST changes', async () => {
    expect((await clara.client.get(`/api/v1/events/${lunch.id}/ics`)).statusCode).toBe(200);
    const res = await ben.client.get(`/api/v1/events/${lunch.id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Mittagessen-Freitag\.ics"/);
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    expect(res.body).toContain('TZID:Europe/Berlin');
    expect(res.body).not.toMatch(EMAIL);
    expect(res.body).not.toMatch(/ATTENDEE|mailto/i);

    const occurrences = expand(parse(res.body), `innenhof-event-${lunch.id}`, '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z');
    expect(occurrences).toHaveLength(29);
    expect(occurrences.slice(0, 3).map((o) => o.utc)).toEqual(['2026-10-16T10:00:00.000Z', '2026-10-23T10:00:00.000Z', '2026-10-30T11:00:00.000Z']);
    expect(occurrences.map((o) => o.utc)).not.toContain('2026-12-25T11:00:00.000Z');
    expect(occurrences.find((o) => o.utc === '2027-01-08T11:30:00.000Z')).toMatchObject({ local: '2027-01-08 12:30', summary: 'Neujahrsessen' });
    expect(occurrences.find((o) => o.utc === '2027-04-02T10:00:00.000Z')?.local).toBe('2027-04-02 12:00');
    for (const o of occurrences.filter((x) => x.summary !== 'Neujahrsessen')) expect(o.local.slice(11)).toBe('12:00');

    // UNTIL is a local date, inclusive: the API and the .ics agree on three mornings.
    const until = (
      await anna.client.post('/api/v1/events', {
        title: 'Inventur',
        start: '2027-01-01T09:00',
        end: '2027-01-01T10:00',
        timeZone: 'Europe/Berlin',
        recurrence: 'FREQ=DAILY;UNTIL=20270103',
        audience: { kind: 'group', groupId: group.id },
      })
    ).json();
    const listed = (await ben.client.get(`/api/v1/events?groupId=${group.id}&from=2026-12-30T00:00:00.000Z&to=2027-01-10T00:00:00.000Z`)).json();
    expect(listed.items.filter((x: { id: string }) => x.id === until.id).map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2027-01-01T08:00:00.000Z',
      '2027-01-02T08:00:00.000Z',
      '2027-01-03T08:00:00.000Z',
    ]);
    const untilIcs = (await ben.client.get(`/api/v1/events/${until.id}/ics`)).body;
    expect(untilIcs).toContain('RRULE:FREQ=DAILY;UNTIL=20270103T225959Z');
    expect(expand(parse(untilIcs), `innenhof-event-${until.id}`, '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z').map((o) => o.local)).toEqual([
      '2027-01-01 09:00',
      '2027-01-02 09:00',
      '2027-01-03 09:00',
    ]);

    // Not visible → 404 like a missing event.
    const hidden = (
      await clara.client.post('/api/v1/events', {
        title: 'Geheim',
        start: '2027-02-01T09:00',
        end: '2027-02-01T10:00',
        timeZone: 'Europe/Berlin',
        audience: { kind: 'group', groupId: secretGroup.id },
      })
    ).json();
    expect((await ben.client.get(`/api/v1/events/${hidden.id}/ics`)).statusCode).toBe(404);
  });

  it('gives each person a secret feed URL with only their events they can see, no e-mail addresses, revocable', async () => {
    const feedUrl = async (p: Person) => (await p.client.post('/api/v1/calendar/feed')).json() as { url: string; createdAt: string };
    expect((await ben.client.get('/api/v1/calendar/feed')).json()).toEqual({ url: null, createdAt: null });
    const { url, createdAt } = await feedUrl(ben);
    expect(url.startsWith(`${PUBLIC_URL}/api/v1/calendar/feed/`)).toBe(true);
    expect(url.endsWith('.ics')).toBe(true);
    expect((await ben.client.get('/api/v1/calendar/feed')).json()).toEqual({ url, createdAt });
    // Only the hash of the token is stored (the server derives it with its secret to show it again).
    const token = url.slice(url.lastIndexOf('/') + 1, -4);
    const stored = await t.ctx.db.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const e = (body: Record<string, unknown>) =>
      ({ start: '2027-02-10T09:00', end: '2027-02-10T10:00', timeZone: 'Europe/Berlin', ...body }) as Record<string, unknown>;
    const invited = (
      await anna.client.post('/api/v1/events', e({ title: 'Einzelgespräch Ben', audience: { kind: 'invited', userIds: [ben.id, clara.id] } }))
    ).json();
    const own = (await ben.client.post('/api/v1/events', e({ title: 'Bens Umtrunk', audience: { kind: 'company' } }))).json();
    const unanswered = (await anna.client.post('/api/v1/events', e({ title: 'Betriebsausflug', audience: { kind: 'company' } }))).json();
    const notForBen = (await clara.client.post('/api/v1/events', e({ title: 'Clara und Anna', audience: { kind: 'invited', userIds: [anna.id] } }))).json();
    const secret = (await clara.client.post('/api/v1/events', e({ title: 'Geheimtreffen', audience: { kind: 'group', groupId: secretGroup.id } }))).json();
    const declined = (await anna.client.post('/api/v1/events', e({ title: 'Abgesagt von Ben', audience: { kind: 'company' } }))).json();
    await ben.client.put(`/api/v1/events/${declined.id}/rsvp`, { status: 'declined' });
    for (const x of [invited, own, unanswered, notForBen, secret, declined]) expect(x.id).toEqual(expect.any(String));

    // No session: the calendar app has only the URL.
    const path = url.slice(PUBLIC_URL.length);
    const res = await new Client(t.app).get(path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.body;
    expect(text).not.toMatch(EMAIL);
    expect(text).not.toMatch(/ATTENDEE|mailto/i);
    for (const p of [anna, ben, clara, admin]) expect(text).not.toContain(p.email);
    const vevents = parse(text);
    const uids = new Set(vevents.map((v) => String(v.getFirstPropertyValue('uid'))));
    for (const x of [lunch, invited, own]) expect(uids.has(`innenhof-event-${x.id}`)).toBe(true);
    for (const x of [unanswered, notForBen, secret, declined]) expect(uids.has(`innenhof-event-${x.id}`)).toBe(false);
    const series = expand(vevents, `innenhof-event-${lunch.id}`, '2026-10-01T00:00:00.000Z', '2027-05-01T00:00:00.000Z');
    expect(series.map((o) => o.utc)).toEqual(expect.arrayContaining(['2026-10-30T11:00:00.000Z', '2027-04-02T10:00:00.000Z']));
    for (const o of series.filter((x) => x.summary !== 'Neujahrsessen')) expect(o.local.slice(11)).toBe('12:00');

    // A new URL replaces the old; revoking ends it: 404 like an unknown token.
    const second = await feedUrl(ben);
    expect(second.url).not.toBe(url);
    expect((await new Client(t.app).get(path)).statusCode).toBe(404);
    const path2 = second.url.slice(PUBLIC_URL.length);
    expect((await new Client(t.app).get(path2)).statusCode).toBe(200);
    expect((await ben.client.delete('/api/v1/calendar/feed')).statusCode).toBe(204);
    expect((await new Client(t.app).get(path2)).statusCode).toBe(404);
    expect((await new Client(t.app).get('/api/v1/calendar/feed/nonsense.ics')).statusCode).toBe(404);
    expect((await new Client(t.app).get('/api/v1/calendar/feed')).statusCode).toBe(401);
  });
});

import { DateTime } from 'luxon';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, countQueries, createMember, createTestApp, PASSWORD, recordQueries, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';
import { runReminders } from './reminders.js';

type Person = { client: Client; id: string; email: string };

const berlin = 'Europe/Berlin';
/** A local date-time `days` from now in Berlin, at hh:mm (always in the future). */
const localIn = (days: number, time = '12:00') => `${DateTime.now().setZone(berlin).plus({ days }).toISODate()}T${time}`;

describe('events', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;
  let clara: Person;
  let dora: Person;
  let karl: { client: Client; id: string };
  let publicGroup: { id: string };
  let privateGroup: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id, email: a.email };
    anna = await createMember(t, admin.client, { name: 'Anna Events' });
    ben = await createMember(t, admin.client, { name: 'Ben Events' });
    clara = await createMember(t, admin.client, { name: 'Clara Events' });
    dora = await createMember(t, admin.client, { name: 'Dora Events' });
    publicGroup = (await anna.client.post('/api/v1/groups', { name: 'Kantine', visibility: 'public', joinPolicy: 'open' })).json();
    privateGroup = (await anna.client.post('/api/v1/groups', { name: 'Vertrieb Nord', visibility: 'private', joinPolicy: 'invite' })).json();
    await ben.client.post(`/api/v1/groups/${publicGroup.id}/members`);
    await anna.client.post(`/api/v1/groups/${privateGroup.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    // Karl, an external guest in the private group.
    await admin.client.patch('/api/v1/settings/company', { guestsAllowed: true });
    expect((await anna.client.post(`/api/v1/groups/${privateGroup.id}/guests`, { email: 'karl@kunde.test', locale: 'de' })).statusCode).toBe(200);
    await t.drain();
    const mail = (await admin.client.get('/api/v1/admin/mail')).json().items.find((m: { to: string }) => m.to === 'karl@kunde.test');
    const token = /\/invite\/([\w-]+)/.exec(mail.text)?.[1] ?? '';
    const guest = new Client(t.app);
    const acc = await guest.post('/api/v1/invitations/accept', { token, name: 'Karl Kunde', password: PASSWORD });
    expect(acc.statusCode).toBe(201);
    karl = { client: guest, id: acc.json().user.id };
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (p: { client: Client }, body: Record<string, unknown>) =>
    p.client.post('/api/v1/events', { title: 'Team-Frühstück', start: localIn(7, '09:00'), end: localIn(7, '10:00'), timeZone: berlin, ...body });
  const fieldOf = (res: { json(): unknown }) => (res.json() as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields[0]?.field;

  it('creates group, company and invited events, each visible exactly to its audience (404 for everyone else)', async () => {
    expect(
      (
        await new Client(t.app).post('/api/v1/events', {
          title: 'x',
          start: localIn(1),
          end: localIn(1, '13:00'),
          timeZone: berlin,
          audience: { kind: 'company' },
        })
      ).statusCode,
    ).toBe(401);

    const company = await create(clara, { audience: { kind: 'company' }, location: 'Kantine' });
    expect(company.statusCode, company.body).toBe(201);
    expect(company.json()).toMatchObject({
      audience: { kind: 'company', group: null },
      organizer: { name: 'Clara Events' },
      reminderMinutes: 60,
      abilities: { edit: true, delete: true, rsvp: true },
    });
    expect(company.json().postId).toEqual(expect.any(String));
    const secret = await create(anna, { audience: { kind: 'group', groupId: privateGroup.id }, title: 'Vertriebsrunde' });
    expect(secret.statusCode, secret.body).toBe(201);
    expect(secret.json().audience.group).toMatchObject({ id: privateGroup.id, name: 'Vertrieb Nord', visibility: 'private' });
    const invited = await create(anna, { audience: { kind: 'invited', userIds: [ben.id] }, title: 'Gehaltsgespräch' });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json().postId).toBeNull();

    const status = async (p: { client: Client }, id: string) => (await p.client.get(`/api/v1/events/${id}`)).statusCode;
    // Company: every employee, never the guest.
    expect(await status(ben, company.json().id)).toBe(200);
    expect(await status(karl, company.json().id)).toBe(404);
    // Private group: its members (the guest too), not Clara.
    expect(await status(ben, secret.json().id)).toBe(200);
    expect(await status(karl, secret.json().id)).toBe(200);
    expect(await status(clara, secret.json().id)).toBe(404);
    expect(await status(admin, secret.json().id)).toBe(200);
    // Invited: the organiser and the invitee; nobody else, admins neither.
    expect(await status(ben, invited.json().id)).toBe(200);
    expect(await status(clara, invited.json().id)).toBe(404);
    expect(await status(admin, invited.json().id)).toBe(404);
    expect((await clara.client.get(`/api/v1/events/${invited.json().id}/participants`)).statusCode).toBe(404);
    expect((await clara.client.put(`/api/v1/events/${invited.json().id}/rsvp`, { status: 'going' })).statusCode).toBe(404);

    // The guest answers in its group; Ben (a member) sees the participants; Clara cannot edit Anna's event.
    const rsvp = await karl.client.put(`/api/v1/events/${secret.json().id}/rsvp`, { status: 'going' });
    expect(rsvp.statusCode, rsvp.body).toBe(200);
    expect(rsvp.json()).toMatchObject({ myRsvp: 'going', counts: { going: 1 } });
    const people = (await ben.client.get(`/api/v1/events/${secret.json().id}/participants`)).json();
    expect(people.items.map((p: { user: { name: string } }) => p.user.name)).toEqual(['Karl Kunde']);
    expect((await clara.client.patch(`/api/v1/events/${company.json().id}`, { title: 'x' })).statusCode).toBe(200);
    expect((await ben.client.patch(`/api/v1/events/${company.json().id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await ben.client.patch(`/api/v1/events/${secret.json().id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await admin.client.patch(`/api/v1/events/${secret.json().id}`, { title: 'Vertriebsrunde Q1' })).statusCode).toBe(200);

    // Who may create where: not in a group one cannot see or is no member of; guests not for the company.
    const outsider = await create(clara, { audience: { kind: 'group', groupId: privateGroup.id } });
    expect(outsider.statusCode).toBe(400);
    expect(fieldOf(outsider)).toBe('audience.groupId');
    expect((await create(clara, { audience: { kind: 'group', groupId: publicGroup.id } })).statusCode).toBe(403);
    expect((await create(karl, { audience: { kind: 'company' } })).statusCode).toBe(403);
    const nobody = await create(anna, { audience: { kind: 'invited', userIds: [ben.id, '0190aaaa-0000-7000-8000-000000000000'] } });
    expect(nobody.statusCode).toBe(400);
    expect(fieldOf(nobody)).toBe('audience.userIds.1');

    // Lists apply the same rule.
    const titles = async (p: { client: Client }) => (await p.client.get('/api/v1/events')).json().items.map((e: { id: string }) => e.id);
    expect(await titles(clara)).toEqual(expect.arrayContaining([company.json().id]));
    expect(await titles(clara)).not.toContain(secret.json().id);
    expect(await titles(clara)).not.toContain(invited.json().id);
    expect(await titles(karl)).toEqual([secret.json().id]);
    expect(await titles(ben)).toEqual(expect.arrayContaining([company.json().id, secret.json().id, invited.json().id]));
  });

  it('refuses bad input with 400 naming the field', async () => {
    const early = await create(anna, { audience: { kind: 'company' }, start: '2027-01-10T12:00', end: '2027-01-10T11:00' });
    expect(early.statusCode).toBe(400);
    expect(fieldOf(early)).toBe('end');
    const zone = await create(anna, { audience: { kind: 'company' }, timeZone: 'Mars/Olympus' });
    expect(fieldOf(zone)).toBe('timeZone');
    for (const rule of ['FREQ=SOMETIMES', 'FREQ=WEEKLY;BYDAY=XX', 'FOO=BAR', 'INTERVAL=2']) {
      const bad = await create(anna, { audience: { kind: 'company' }, recurrence: rule });
      expect(bad.statusCode, rule).toBe(400);
      expect(fieldOf(bad)).toBe('recurrence');
    }
    const allDayBack = await create(anna, { audience: { kind: 'company' }, allDay: true, start: '2027-01-10', end: '2027-01-09' });
    expect(fieldOf(allDayBack)).toBe('end');
    expect(fieldOf(await create(anna, { audience: { kind: 'company' }, onlineUrl: 'javascript:alert(1)' }))).toBe('onlineUrl');
    const allDay = await create(anna, { audience: { kind: 'company' }, allDay: true, start: '2027-01-10', end: '2027-01-11', title: 'Klausur' });
    expect(allDay.json()).toMatchObject({
      allDay: true,
      startDate: '2027-01-10',
      endDate: '2027-01-11',
      startsAt: '2027-01-09T23:00:00.000Z',
      endsAt: '2027-01-11T23:00:00.000Z',
    });
  });

  it('keeps the local wall-clock time: 12:00 in Berlin is 11:00Z in winter, 10:00Z in summer, across DST in a weekly series', async () => {
    const winter = (await create(anna, { audience: { kind: 'company' }, start: '2026-12-04T12:00', end: '2026-12-04T13:00' })).json();
    expect(winter).toMatchObject({ startsAt: '2026-12-04T11:00:00.000Z', endsAt: '2026-12-04T12:00:00.000Z', timeZone: berlin });
    const summer = (await create(anna, { audience: { kind: 'company' }, start: '2027-06-04T12:00', end: '2027-06-04T13:00' })).json();
    expect(summer.startsAt).toBe('2027-06-04T10:00:00.000Z');
    // A colleague in London sees 11:00 for the winter one.
    expect(DateTime.fromISO(winter.startsAt).setZone('Europe/London').toFormat('HH:mm')).toBe('11:00');

    const lunch = await create(anna, {
      audience: { kind: 'group', groupId: publicGroup.id },
      title: 'Mittagessen',
      start: '2026-10-16T12:00',
      end: '2026-10-16T13:00',
      recurrence: 'FREQ=WEEKLY;BYDAY=FR',
    });
    expect(lunch.statusCode, lunch.body).toBe(201);
    const list = (await ben.client.get(`/api/v1/events?groupId=${publicGroup.id}&from=2026-10-10T00:00:00.000Z&to=2027-04-10T00:00:00.000Z&limit=200`)).json();
    const starts = list.items.filter((e: { id: string }) => e.id === lunch.json().id).map((e: { startsAt: string }) => e.startsAt);
    expect(starts).toHaveLength(26);
    expect(starts.slice(0, 3)).toEqual(['2026-10-16T10:00:00.000Z', '2026-10-23T10:00:00.000Z', '2026-10-30T11:00:00.000Z']);
    expect(starts).toContain('2027-03-26T11:00:00.000Z');
    expect(starts).toContain('2027-04-02T10:00:00.000Z');
    for (const s of starts) expect(DateTime.fromISO(s).setZone(berlin).toFormat('ccc HH:mm')).toBe('Fri 12:00');
  });

  it('edits one occurrence or the whole series, and cancels one occurrence', async () => {
    const series = (
      await create(anna, {
        audience: { kind: 'group', groupId: publicGroup.id },
        title: 'Jour fixe',
        start: '2027-01-04T10:00',
        end: '2027-01-04T10:30',
        recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
      })
    ).json();
    const second = '2027-01-11T09:00:00.000Z';
    const third = '2027-01-18T09:00:00.000Z';
    const needsOccurrence = await anna.client.patch(`/api/v1/events/${series.id}`, { scope: 'this', title: 'x' });
    expect(fieldOf(needsOccurrence)).toBe('occurrence');
    expect(fieldOf(await anna.client.patch(`/api/v1/events/${series.id}`, { scope: 'this', occurrence: '2027-01-12T09:00:00.000Z', title: 'x' }))).toBe(
      'occurrence',
    );
    const moved = await anna.client.patch(`/api/v1/events/${series.id}`, {
      scope: 'this',
      occurrence: second,
      title: 'Jour fixe (später)',
      start: '2027-01-11T11:00',
      end: '2027-01-11T11:30',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ occurrence: second, title: 'Jour fixe (später)', startsAt: '2027-01-11T10:00:00.000Z' });
    const cancelled = await anna.client.patch(`/api/v1/events/${series.id}`, { scope: 'this', occurrence: third, cancelled: true });
    expect(cancelled.json().cancelledAt).toEqual(expect.any(String));
    expect((await ben.client.put(`/api/v1/events/${series.id}/rsvp`, { status: 'going', occurrence: third })).statusCode).toBe(403);

    // All occurrences: the new title everywhere except where one was changed on its own.
    await ben.client.put(`/api/v1/events/${series.id}/rsvp`, { status: 'going', occurrence: '2027-01-25T09:00:00.000Z' });
    expect((await anna.client.patch(`/api/v1/events/${series.id}`, { title: 'Weekly', location: 'Raum 2' })).statusCode).toBe(200);
    const list = (await ben.client.get(`/api/v1/events?groupId=${publicGroup.id}&from=2027-01-01T00:00:00.000Z&to=2027-03-01T00:00:00.000Z`)).json();
    const mine = list.items.filter((e: { id: string }) => e.id === series.id);
    expect(mine.map((e: { title: string; startsAt: string }) => `${e.startsAt} ${e.title}`)).toEqual([
      '2027-01-04T09:00:00.000Z Weekly',
      '2027-01-11T10:00:00.000Z Jour fixe (später)',
      '2027-01-25T09:00:00.000Z Weekly',
      '2027-02-01T09:00:00.000Z Weekly',
      '2027-02-08T09:00:00.000Z Weekly',
    ]);
    expect(mine[2]).toMatchObject({ location: 'Raum 2', myRsvp: 'going' });

    // Moving the whole series to 10:30 keeps the answers with their occurrence.
    const later = await anna.client.patch(`/api/v1/events/${series.id}`, { start: '2027-01-04T10:30', end: '2027-01-04T11:00' });
    expect(later.statusCode, later.body).toBe(200);
    const again = (await ben.client.get(`/api/v1/events/${series.id}?occurrence=2027-01-25T09:30:00.000Z`)).json();
    expect(again).toMatchObject({ myRsvp: 'going', startsAt: '2027-01-25T09:30:00.000Z' });

    // Cancelling the whole series: it leaves the lists; its page shows it cancelled.
    expect((await ben.client.delete(`/api/v1/events/${series.id}`)).statusCode).toBe(403);
    expect((await anna.client.delete(`/api/v1/events/${series.id}`)).statusCode).toBe(204);
    expect((await ben.client.get(`/api/v1/events/${series.id}`)).json().cancelledAt).toEqual(expect.any(String));
    const after = (await ben.client.get(`/api/v1/events?groupId=${publicGroup.id}&from=2027-01-01T00:00:00.000Z&to=2027-03-01T00:00:00.000Z`)).json();
    expect(after.items.some((e: { id: string }) => e.id === series.id)).toBe(false);
  });

  it('answers going / maybe / declined, keeps a waiting list in order and moves the first up (told in the app and by e-mail)', async () => {
    const e = (
      await create(anna, { audience: { kind: 'company' }, title: 'Kochkurs', capacity: 2, start: localIn(10, '18:00'), end: localIn(10, '21:00') })
    ).json();
    const rsvp = (p: Person, status: string) => p.client.put(`/api/v1/events/${e.id}/rsvp`, { status });
    expect((await rsvp(ben, 'going')).json()).toMatchObject({ myRsvp: 'going', myWaitingPosition: null });
    expect((await rsvp(clara, 'maybe')).json()).toMatchObject({ myRsvp: 'maybe' });
    expect((await rsvp(clara, 'going')).json()).toMatchObject({ myRsvp: 'going' });
    expect((await rsvp(dora, 'going')).json()).toMatchObject({ myRsvp: 'waiting', myWaitingPosition: 1 });
    expect((await rsvp(admin, 'going')).json()).toMatchObject({ myRsvp: 'waiting', myWaitingPosition: 2, counts: { going: 2, waiting: 2 } });
    const list = (await anna.client.get(`/api/v1/events/${e.id}/participants`)).json();
    expect(list.items.map((p: { user: { name: string }; status: string; position: number | null }) => [p.user.name, p.status, p.position])).toEqual([
      ['Ben Events', 'going', null],
      ['Clara Events', 'going', null],
      ['Dora Events', 'waiting', 1],
      ['Anna Admin', 'waiting', 2],
    ]);
    const waiting = (await anna.client.get(`/api/v1/events/${e.id}/participants?status=waiting`)).json();
    expect(waiting.items.map((p: { position: number }) => p.position)).toEqual([1, 2]);
    await t.drain();

    // Ben cannot come: Dora moves up and is told; Anna Admin is next.
    expect((await rsvp(ben, 'declined')).json()).toMatchObject({ myRsvp: 'declined', counts: { going: 2, waiting: 1, declined: 1 } });
    expect((await dora.client.get(`/api/v1/events/${e.id}`)).json()).toMatchObject({ myRsvp: 'going', myWaitingPosition: null });
    expect((await admin.client.get(`/api/v1/events/${e.id}`)).json()).toMatchObject({ myRsvp: 'waiting', myWaitingPosition: 1 });
    await t.drain();
    const bell = (await dora.client.get('/api/v1/notifications')).json().items;
    expect(bell[0]).toMatchObject({ type: 'event_promoted', target: { kind: 'event', id: e.id, url: `/events/${e.id}` }, excerpt: 'Kochkurs' });
    const mails = (await admin.client.get('/api/v1/admin/mail')).json().items.filter((m: { to: string }) => m.to === dora.email);
    expect(mails.some((m: { subject: string; text: string }) => m.subject.includes('Kochkurs') && m.text.includes(`/events/${e.id}`))).toBe(true);

    // Withdrawing frees the place too; lowering the capacity evicts nobody.
    expect((await clara.client.delete(`/api/v1/events/${e.id}/rsvp`)).json()).toMatchObject({ myRsvp: null });
    expect((await admin.client.get(`/api/v1/events/${e.id}`)).json()).toMatchObject({ myRsvp: 'going' });
    const lowered = await anna.client.patch(`/api/v1/events/${e.id}`, { capacity: 1 });
    expect(lowered.json()).toMatchObject({ capacity: 1, counts: { going: 2 } });
    expect((await rsvp(clara, 'going')).json()).toMatchObject({ myRsvp: 'waiting', myWaitingPosition: 1 });
    // Raising it lets the waiting list move up.
    expect((await anna.client.patch(`/api/v1/events/${e.id}`, { capacity: 5 })).json()).toMatchObject({ counts: { going: 3, waiting: 0 } });
  });

  it('lets exactly one of eight simultaneous answers take the last place; the rest wait in order', async () => {
    const e = (await create(anna, { audience: { kind: 'company' }, title: 'Sektempfang', capacity: 1 })).json();
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => createMember(t, admin.client, { name: `Racer ${i}` })));
    const answers = await Promise.all(people.map((p) => p.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'going' })));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const statuses = answers.map((a) => a.json().myRsvp);
    expect(statuses.filter((s) => s === 'going')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(7);
    const list = (await anna.client.get(`/api/v1/events/${e.id}/participants`)).json().items;
    expect(list.filter((p: { status: string }) => p.status === 'going')).toHaveLength(1);
    expect(list.filter((p: { status: string }) => p.status === 'waiting').map((p: { position: number }) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await anna.client.get(`/api/v1/events/${e.id}`)).json().counts).toMatchObject({ going: 1, waiting: 7 });
  });

  it('reminds those going or maybe once per occurrence, at the reminder time', async () => {
    const e = (
      await create(anna, { audience: { kind: 'company' }, title: 'Sommerfest', start: localIn(3, '15:00'), end: localIn(3, '18:00'), reminderMinutes: 60 })
    ).json();
    await ben.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'going' });
    await clara.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'maybe' });
    await dora.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'declined' });
    await t.drain();
    const start = Date.parse(e.startsAt);
    const count = async (p: Person) =>
      (await p.client.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { type: string; target: { id: string } }) => n.type === 'event_reminder' && n.target.id === e.id).length;
    expect(await runReminders(t.ctx, new Date(start - 2 * 3600_000))).toBe(0);
    // Two instances ticking at once: one reminder.
    const [a, b] = await Promise.all([runReminders(t.ctx, new Date(start - 59 * 60_000)), runReminders(t.ctx, new Date(start - 59 * 60_000))]);
    expect(a + b).toBe(1);
    expect(await runReminders(t.ctx, new Date(start - 30 * 60_000))).toBe(0);
    await t.drain();
    expect(await count(ben)).toBe(1);
    expect(await count(clara)).toBe(1);
    expect(await count(dora)).toBe(0);
    expect(await count(anna)).toBe(0);
  });

  it('shows group and company events as a post whose comments are the event’s; new group events notify its members', async () => {
    const e = (await create(anna, { audience: { kind: 'group', groupId: publicGroup.id }, title: 'Grillen', location: 'Hof' })).json();
    const post = (await ben.client.get(`/api/v1/posts/${e.postId}`)).json();
    expect(post).toMatchObject({ audience: { kind: 'group' }, event: { id: e.id, title: 'Grillen', location: 'Hof' } });
    const feed = (await clara.client.get(`/api/v1/groups/${publicGroup.id}/posts`)).json();
    expect(feed.items.find((p: { id: string }) => p.id === e.postId)?.event?.id).toBe(e.id);
    const comment = await ben.client.post(`/api/v1/posts/${e.postId}/comments`, { body: 'Ich bringe Salat mit' });
    expect(comment.statusCode, comment.body).toBe(201);
    expect((await anna.client.get(`/api/v1/posts/${e.postId}/comments`)).json().items[0].body).toBe('Ich bringe Salat mit');
    await t.drain();
    const bell = (await ben.client.get('/api/v1/notifications')).json().items;
    expect(bell.some((n: { type: string; target: { id: string } }) => n.type === 'event' && n.target.id === e.id)).toBe(true);
    // A company event's post is company-wide — in every employee's home feed — but no announcement.
    const c = (await create(clara, { audience: { kind: 'company' }, title: 'Hausführung' })).json();
    expect((await ben.client.get(`/api/v1/posts/${c.postId}`)).json()).toMatchObject({
      audience: { kind: 'company' },
      announcement: null,
      event: { id: c.id },
    });
    expect((await ben.client.get('/api/v1/feed')).json().items.some((p: { id: string }) => p.id === c.postId)).toBe(true);
    expect((await karl.client.get(`/api/v1/posts/${c.postId}`)).statusCode).toBe(404);
    // Cancelled: the post stays and shows the event cancelled.
    await clara.client.delete(`/api/v1/events/${c.id}`);
    expect((await ben.client.get(`/api/v1/posts/${c.postId}`)).json().event.cancelledAt).toEqual(expect.any(String));
  });

  it('tells invitees of a new event, and those going of a cancellation', async () => {
    const e = (await create(clara, { audience: { kind: 'invited', userIds: [ben.id, dora.id] }, title: 'Projektstart' })).json();
    await ben.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'going' });
    await t.drain();
    const types = async (p: Person) =>
      (await p.client.get('/api/v1/notifications'))
        .json()
        .items.filter((n: { target: { id: string } }) => n.target.id === e.id)
        .map((n: { type: string }) => n.type);
    expect(await types(ben)).toEqual(['event']);
    expect(await types(dora)).toEqual(['event']);
    expect(await types(anna)).toEqual([]);
    expect((await clara.client.delete(`/api/v1/events/${e.id}`)).statusCode).toBe(204);
    await t.drain();
    expect((await types(ben)).sort()).toEqual(['event', 'event_cancelled']);
    // Dora never answered: the invitation stays, no cancellation notice.
    expect(await types(dora)).toEqual(['event']);
  });

  it('shows an uploaded image as the cover, to those who see the event', async () => {
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#cc6633' } })
      .png()
      .toBuffer();
    const image = (await anna.client.upload('POST', '/api/v1/posts/attachments', { filename: 'cover.png', contentType: 'image/png', data: png })).json();
    expect(fieldOf(await create(ben, { audience: { kind: 'company' }, coverAttachmentId: image.id }))).toBe('coverAttachmentId');
    const e = await create(anna, { audience: { kind: 'group', groupId: privateGroup.id }, title: 'Mit Bild', coverAttachmentId: image.id });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json().coverUrl).toBe(`/api/v1/events/${e.json().id}/cover`);
    const cover = await ben.client.get(e.json().coverUrl);
    expect(cover.statusCode).toBe(200);
    expect(cover.headers['content-type']).toBe('image/webp');
    expect((await clara.client.get(e.json().coverUrl)).statusCode).toBe(404);
    // The upload now belongs to the event: it is no longer a pending post attachment.
    expect((await create(anna, { audience: { kind: 'company' }, coverAttachmentId: image.id })).statusCode).toBe(400);
  });

  it('lists upcoming occurrences soonest first with a cursor, mine, and a colleague’s on their profile', async () => {
    const first = (await create(dora, { audience: { kind: 'company' }, title: 'Dora eins', start: localIn(1, '08:00'), end: localIn(1, '08:30') })).json();
    const second = (await create(dora, { audience: { kind: 'company' }, title: 'Dora zwei', start: localIn(2, '08:00'), end: localIn(2, '08:30') })).json();
    const page1 = (await clara.client.get('/api/v1/events?limit=1')).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await clara.client.get(`/api/v1/events?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(Date.parse(page2.items[0].startsAt)).toBeGreaterThanOrEqual(Date.parse(page1.items[0].startsAt));
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const doras = (await clara.client.get(`/api/v1/events?userId=${dora.id}`)).json().items.map((e: { title: string }) => e.title);
    expect(doras.slice(0, 2)).toEqual(['Dora eins', 'Dora zwei']);
    await clara.client.put(`/api/v1/events/${second.id}/rsvp`, { status: 'going' });
    const mine = (await clara.client.get('/api/v1/events?mine=true')).json().items.map((e: { id: string }) => e.id);
    expect(mine).toContain(second.id);
    expect(mine).not.toContain(first.id);
    expect((await clara.client.get('/api/v1/events?from=2027-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z')).statusCode).toBe(400);
  });
  it('lists a series only while it runs: one that ended before the range is not even loaded, an unbounded one is', async () => {
    const ago = (days: number, time: string) => `${DateTime.now().setZone(berlin).minus({ days }).toISODate()}T${time}`;
    const audience = { kind: 'invited', userIds: [clara.id] };
    const ended = (
      await create(anna, { audience, title: 'Alte Reihe', start: ago(60, '09:00'), end: ago(60, '10:00'), recurrence: 'FREQ=WEEKLY;COUNT=3' })
    ).json();
    const endless = (await create(anna, { audience, title: 'Jour fixe', start: ago(60, '11:00'), end: ago(60, '12:00'), recurrence: 'FREQ=WEEKLY' })).json();
    const inTwoWeeks = new Date(Date.now() + 14 * 24 * 3600_000).toISOString();
    let listed: Array<{ id: string; startsAt: string }> = [];
    const queries = await recordQueries(t, async () => {
      listed = (await clara.client.get(`/api/v1/events?to=${inTwoWeeks}&limit=100`)).json().items;
    });
    const ids = listed.map((e) => e.id);
    expect(ids).toContain(endless.id);
    expect(ids).not.toContain(ended.id);
    expect(listed.filter((e) => e.id === endless.id).every((e) => Date.parse(e.startsAt) > Date.now() - 3600_000)).toBe(true);
    // The ended series is left out by the database, not after loading it.
    const loaded = queries.flatMap((q) => q.rows as Array<{ id?: unknown }>).map((r) => r.id);
    expect(loaded).toContain(endless.id);
    expect(loaded).not.toContain(ended.id);
    // In a range while it ran, it is listed with its three occurrences.
    const then = (await clara.client.get(`/api/v1/events?from=${ago(61, '00:00')}:00.000Z&to=${ago(40, '00:00')}:00.000Z`)).json().items;
    expect(then.filter((e: { id: string }) => e.id === ended.id)).toHaveLength(3);
    expect(then.filter((e: { id: string }) => e.id === endless.id)).toHaveLength(3);
  });
  it('shows my places on the waiting lists of a whole page with a fixed number of queries', async () => {
    const full = async (n: number) => {
      const e = (await create(dora, { audience: { kind: 'invited', userIds: [ben.id, clara.id] }, title: `Voll ${n}`, capacity: 1 })).json();
      await ben.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'going' });
      expect((await clara.client.put(`/api/v1/events/${e.id}/rsvp`, { status: 'going' })).json()).toMatchObject({ myRsvp: 'waiting', myWaitingPosition: 1 });
    };
    const list = () => clara.client.get('/api/v1/events?mine=true&limit=100');
    await full(1);
    const few = await countQueries(t, list);
    await full(2);
    await full(3);
    expect(await countQueries(t, list)).toBe(few);
    const waiting = (await list()).json().items.filter((e: { title: string }) => e.title.startsWith('Voll '));
    expect(waiting.map((e: { myWaitingPosition: number }) => e.myWaitingPosition)).toEqual([1, 1, 1]);
  });
  it('tells open event pages to refetch: group events to the group, invited-only events to the invited alone', async () => {
    const url = await listen(t);
    const [benSock, claraSock, karlSock] = await Promise.all([open(url, ben.client), open(url, clara.client), open(url, karl.client)]);
    try {
      const secret = (await create(anna, { audience: { kind: 'group', groupId: privateGroup.id }, title: 'Live Gruppe' })).json();
      const invited = (await create(anna, { audience: { kind: 'invited', userIds: [ben.id] }, title: 'Live Einladung' })).json();
      await ben.client.put(`/api/v1/events/${invited.id}/rsvp`, { status: 'going' });
      await karl.client.put(`/api/v1/events/${secret.id}/rsvp`, { status: 'maybe' });
      await t.drain();
      await until(() => benSock.events.some((e) => e.type === 'event.rsvp' && e.subjectId === invited.id));
      await until(() => benSock.events.some((e) => e.type === 'event.rsvp' && e.subjectId === secret.id));
      await until(() => karlSock.events.some((e) => e.type === 'event.created' && e.subjectId === secret.id));
      // Only an invalidation: no content, no names — a group event names its feed post, so open feeds refresh its card.
      expect(Object.keys(benSock.events.find((e) => e.subjectId === invited.id) ?? {}).sort()).toEqual(['id', 'subjectId', 'type']);
      expect(secret.postId).toEqual(expect.any(String));
      expect(karlSock.events.find((e) => e.subjectId === secret.id)?.data).toEqual({ postId: secret.postId });
      // Clara is neither in the private group nor invited: she hears of neither.
      expect(claraSock.events.filter((e) => e.subjectId === secret.id || e.subjectId === invited.id)).toEqual([]);
      expect(karlSock.events.filter((e) => e.subjectId === invited.id)).toEqual([]);
    } finally {
      for (const s of [benSock, claraSock, karlSock]) s.socket.close();
    }
  });
});

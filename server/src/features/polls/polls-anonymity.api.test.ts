import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/smtp.js';
import { setRootLogger } from '../../core/logger.js';

type Person = { client: Client; id: string; email: string; name: string };

/** UUIDv7: the millisecond it was made. */
const msOf = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('anonymous polls are anonymous', () => {
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(String(chunk));
      callback();
    },
  });
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: Person;
  let zora: Person;
  let voters: Person[];
  let team: { id: string };
  /** Every response body, with who asked. */
  const seen: Array<{ who: string; what: string; body: string }> = [];
  const record = async (who: Person, what: string, res: ReturnType<Client['get']>) => {
    const r = await res;
    expect(r.statusCode, `${what}: ${r.body}`).toBeLessThan(300);
    seen.push({ who: who.id, what, body: r.body });
    return r;
  };

  beforeAll(async () => {
    // Every subsystem and every request logged, at the most talkative level.
    setRootLogger(pino({ level: 'trace' }, stream));
    smtp = await startSmtp();
    t = await createTestApp(
      { INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port), INNENHOF_LOG_LEVEL: 'trace' },
      { logger: { level: 'trace', stream } },
    );
    const a = await setupAdmin(t);
    admin = { ...a, name: 'Anna Admin' };
    const person = async (name: string) => ({ ...(await createMember(t, admin.client, { name })), name });
    zora = await person('Zora Ziegler');
    voters = [await person('Xaver Xander'), await person('Yvonne Yilmaz'), await person('Ulla Umlauf')];
    team = (await zora.client.post('/api/v1/groups', { name: 'Betriebsrat', visibility: 'private', joinPolicy: 'invite' })).json();
    await zora.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: voters.map((v) => v.id) });
    for (const v of voters) {
      const inv = (await v.client.get('/api/v1/me/group-invitations')).json().items[0];
      await v.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    }
    await t.drain();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    setRootLogger(pino({ level: 'silent' }));
  });

  it('no response, export, notification, e-mail or log line links a voter to a choice', async () => {
    const logStart = logLines.length;
    const mailStart = smtp.mails.length;
    const choice = (
      await record(
        zora,
        'create choice',
        zora.client.post('/api/v1/posts', {
          audience: { kind: 'group', groupId: team.id },
          body: 'Bitte ehrlich antworten',
          poll: {
            question: 'Wie zufrieden bist du?',
            options: [{ label: 'Sehr' }, { label: 'Geht so' }, { label: 'Gar nicht' }],
            anonymous: true,
            deadline: new Date(Date.now() + 3 * 86400_000).toISOString(),
          },
        }),
      )
    ).json();
    const hour = Math.ceil(Date.now() / 3600_000) * 3600_000;
    const date = (
      await record(
        zora,
        'create date',
        zora.client.post('/api/v1/posts', {
          audience: { kind: 'group', groupId: team.id },
          body: '',
          poll: {
            kind: 'date',
            question: 'Wann ist die Versammlung?',
            anonymous: true,
            options: [1, 2].map((d) => ({
              startsAt: new Date(hour + d * 86400_000).toISOString(),
              endsAt: new Date(hour + d * 86400_000 + 3600_000).toISOString(),
            })),
          },
        }),
      )
    ).json();
    await t.drain();
    const [sehr, gehtSo, garNicht] = choice.poll.options.map((o: { id: string }) => o.id);
    const [d1, d2] = date.poll.options.map((o: { id: string }) => o.id);
    const [x, y, u] = voters as [Person, Person, Person];
    const firstVoteAt = Date.now();
    await record(x, 'vote', x.client.post(`/api/v1/polls/${choice.poll.id}/votes`, { optionIds: [sehr] }));
    await record(y, 'vote', y.client.post(`/api/v1/polls/${choice.poll.id}/votes`, { optionIds: [garNicht] }));
    await record(u, 'vote', u.client.post(`/api/v1/polls/${choice.poll.id}/votes`, { optionIds: [gehtSo] }));
    await record(y, 'change vote', y.client.post(`/api/v1/polls/${choice.poll.id}/votes`, { optionIds: [gehtSo] }));
    await record(u, 'withdraw', u.client.delete(`/api/v1/polls/${choice.poll.id}/votes`));
    await record(u, 'vote again', u.client.post(`/api/v1/polls/${choice.poll.id}/votes`, { optionIds: [sehr] }));
    for (const [v, a1, a2] of [
      [x, 'yes', 'no'],
      [y, 'maybe', 'yes'],
      [u, 'no', 'yes'],
    ] as const) {
      await record(
        v,
        'answer',
        v.client.post(`/api/v1/polls/${date.poll.id}/votes`, {
          answers: [
            { optionId: d1, answer: a1 },
            { optionId: d2, answer: a2 },
          ],
        }),
      );
    }
    await record(x, 'add option', zora.client.post(`/api/v1/polls/${choice.poll.id}/options`, { label: 'Weiß nicht' }));
    await t.drain();

    // The results are there — as counts only.
    const result = (await record(x, 'post', x.client.get(`/api/v1/posts/${choice.id}`))).json().poll;
    expect(result).toMatchObject({ anonymous: true, voterCount: 3, voted: true });
    expect(result.options.map((o: { count: number; voters: unknown[] }) => [o.count, o.voters])).toEqual([
      [2, []],
      [1, []],
      [0, []],
      [0, []],
    ]);
    expect(result.options.map((o: { chosen: boolean }) => o.chosen)).toEqual([true, false, false, false]);
    const dateResult = (await record(zora, 'date post', zora.client.get(`/api/v1/posts/${date.id}`))).json().poll;
    expect(dateResult.options.map((o: { count: number; maybeCount: number; noCount: number }) => [o.count, o.maybeCount, o.noCount])).toEqual([
      [1, 1, 1],
      [2, 0, 1],
    ]);
    expect(dateResult.bestOptionId).toBe(d2);

    // Every reader, every route that shows the polls.
    for (const p of [zora, admin, ...voters]) {
      for (const url of [
        '/api/v1/feed',
        `/api/v1/groups/${team.id}/posts`,
        `/api/v1/users/${zora.id}/posts`,
        `/api/v1/posts/${choice.id}`,
        `/api/v1/posts/${date.id}`,
        `/api/v1/polls/${choice.poll.id}`,
        `/api/v1/polls/${date.poll.id}`,
        '/api/v1/notifications',
      ]) {
        await record(p, url, p.client.get(url));
      }
    }
    await record(zora, 'close', zora.client.patch(`/api/v1/polls/${choice.poll.id}`, { closed: true }));
    const csv = await record(zora, 'export', zora.client.get(`/api/v1/polls/${choice.poll.id}/export.csv`));
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['Option,Votes', '"Sehr",2', '"Geht so",1', '"Gar nicht",0', '"Weiß nicht",0']);
    const dateCsv = await record(zora, 'export', zora.client.get(`/api/v1/polls/${date.poll.id}/export.csv`));
    expect(dateCsv.body).toContain('Option,Yes,If need be,No');
    await record(admin, 'mail outbox', admin.client.get('/api/v1/admin/mail'));
    await record(admin, 'mail deliveries', admin.client.get('/api/v1/admin/mail/deliveries'));
    // The author makes an event from the date poll: everyone who answered is invited (who said what is unknown).
    const event = (await record(zora, 'event', zora.client.post(`/api/v1/polls/${date.poll.id}/event`, { optionId: d2 }))).json();
    const invited = await t.ctx.db.db.selectFrom('event_invitees').select('user_id').where('event_id', '=', event.id).execute();
    expect(invited.map((r) => r.user_id).sort()).toEqual(voters.map((v) => v.id).sort());
    await t.drain();

    expect(seen.length).toBeGreaterThan(50);
    for (const s of seen) {
      for (const v of voters) {
        // Only my own identity may show in my own session's data; nobody's vote shows anywhere.
        if (s.who !== v.id) expect(s.body, `${s.what} seen by ${s.who}`).not.toContain(v.id);
        if (s.what !== 'mail outbox' && s.what !== 'mail deliveries' && s.what !== '/api/v1/notifications') {
          expect(s.body, `${s.what} seen by ${s.who}`).not.toContain(v.name);
        }
      }
    }
    // The e-mails: each went to one person and names nobody else who voted.
    const mails = smtp.mails.slice(mailStart);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      for (const v of voters) if (!m.to.includes(v.email)) expect(`${m.subject}${m.text}${m.html}`).not.toContain(v.id);
    }
    // Every log line of it all: no voter id, and no ballot.
    const logs = logLines.slice(logStart).join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toContain(`/api/v1/polls/${choice.poll.id}/votes`);
    for (const v of voters) expect(logs).not.toContain(v.id);

    // The database keeps the choices without any user id, time or time-ordered id.
    const db = t.ctx.db.db;
    expect(await db.selectFrom('poll_votes').selectAll().where('poll_id', 'in', [choice.poll.id, date.poll.id]).execute()).toEqual([]);
    const ballots = await db.selectFrom('poll_ballots').selectAll().where('poll_id', '=', choice.poll.id).execute();
    expect(ballots).toHaveLength(3);
    expect(Object.keys(ballots[0] ?? {}).sort()).toEqual(['answer', 'ballot', 'option_id', 'poll_id']);
    const stored = JSON.stringify(await db.selectFrom('poll_ballots').selectAll().execute());
    for (const v of voters) expect(stored).not.toContain(v.id);
    for (const b of ballots) expect(b.ballot).toMatch(/^[\w-]{43}$/);
    for (const b of logs.match(/[\w-]{43}/g) ?? []) expect(ballots.map((x) => x.ballot)).not.toContain(b);
    // Stored in ballot order, not in the order of voting (the table has no other order to give).
    const physical =
      t.dialect === 'pg'
        ? sql<{ ballot: string }>`select ballot from poll_ballots where poll_id = ${choice.poll.id} order by ctid`
        : sql<{ ballot: string }>`select ballot from poll_ballots where poll_id = ${choice.poll.id}`;
    const raw = (await physical.execute(db)).rows.map((r) => r.ballot);
    expect(raw).toEqual([...raw].sort());
    if (t.dialect === 'sqlite') {
      const ddl = await sql<{ sql: string }>`select sql from sqlite_master where name = 'poll_ballots'`.execute(db);
      expect(ddl.rows[0]?.sql.toLowerCase()).toContain('without rowid');
    }
    // The option ids were all made with the poll (or by the author), none when someone voted.
    const options = await db.selectFrom('poll_options').select('id').where('poll_id', '=', choice.poll.id).orderBy('position').execute();
    expect(options.slice(0, 3).every((o) => msOf(o.id) < firstVoteAt)).toBe(true);
    // The live invalidations of the votes carry no actor.
    const events = await db.selectFrom('outbox_events').selectAll().where('subject_id', 'in', [choice.id, date.id]).execute();
    const eventsText = JSON.stringify(events);
    for (const v of voters) expect(eventsText).not.toContain(v.id);
    // Who has voted is kept (against double votes and for the reminder) — never with what.
    const participants = await db.selectFrom('poll_participants').select('user_id').where('poll_id', '=', choice.poll.id).execute();
    expect(participants.map((p) => p.user_id).sort()).toEqual(voters.map((v) => v.id).sort());
  });
});

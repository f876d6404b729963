import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, codeOf, countQueries, createMember, createTestApp, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';
import { listen, open, until } from '../../../test/realtime-client.js';
import { type CapturedMail, startSmtp } from '../../../test/smtp.js';

type Person = { client: Client; id: string; email: string };
type Res = Awaited<ReturnType<Client['get']>>;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();
const fieldOf = (res: Res) => (res.json() as { error: { details: { fields: Array<{ field: string }> } } }).error.details.fields[0]?.field;

describe('polls and date polls', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let admin: Person;
  let zora: Person;
  let xaver: Person;
  let yvonne: Person;
  let clara: Person;
  let gast: Person;
  let team: { id: string };

  const mailsTo = (email: string, about?: string): CapturedMail[] => smtp.mails.filter((m) => m.to.includes(email) && (!about || m.text.includes(about)));
  const createPoll = async (by: Person, poll: Record<string, unknown>, audience: Record<string, unknown> = { kind: 'group', groupId: team.id }) => {
    const res = await by.client.post('/api/v1/posts', { audience, body: '', poll });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; poll: Poll };
  };
  const choice = (extra: Record<string, unknown> = {}) => ({
    question: 'Welcher Tag passt?',
    options: [{ label: 'Montag' }, { label: 'Dienstag' }, { label: 'Mittwoch' }],
    ...extra,
  });
  const optionIds = (p: { poll: Poll }) => p.poll.options.map((o) => o.id);
  /** Lets time pass: the app's clock (only Date is faked) moves forward, then due jobs run. */
  const later = async (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + ms);
    await t.drain();
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id, email: a.email };
    zora = await createMember(t, admin.client, { name: 'Zora Ziegler' });
    xaver = await createMember(t, admin.client, { name: 'Xaver Xander' });
    yvonne = await createMember(t, admin.client, { name: 'Yvonne Yilmaz' });
    clara = await createMember(t, admin.client, { name: 'Clara Außen' });
    gast = await createMember(t, admin.client, { name: 'Gustav Gast' });
    await yvonne.client.patch(`/api/v1/users/${yvonne.id}`, { locale: 'en' });
    team = (await zora.client.post('/api/v1/groups', { name: 'Werkstatt', visibility: 'private', joinPolicy: 'invite' })).json();
    await zora.client.post(`/api/v1/groups/${team.id}/invitations`, { userIds: [xaver.id, yvonne.id, gast.id] });
    for (const p of [xaver, yvonne, gast]) {
      const inv = (await p.client.get('/api/v1/me/group-invitations')).json().items[0];
      expect((await p.client.post(`/api/v1/group-invitations/${inv.id}/accept`)).statusCode).toBe(200);
    }
    // Gustav is a guest from outside the company: he sees only his group.
    await t.ctx.db.db.updateTable('users').set({ role: 'guest' }).where('id', '=', gast.id).execute();
    await t.drain();
    smtp.mails.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('makes a poll with its post; each bad input is a 400 naming its field', async () => {
    const bad = async (poll: Record<string, unknown>, field: string) => {
      // (Yvonne, not Zora: posting is rate-limited per person, and Zora makes most of this file's polls.)
      const res = await yvonne.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: '', poll });
      expect(res.statusCode, res.body).toBe(400);
      expect(codeOf(res)).toBe('validation_failed');
      expect(fieldOf(res)).toBe(field);
    };
    expect((await new Client(t.app).post('/api/v1/posts', { audience: { kind: 'profile' }, body: '', poll: choice() })).statusCode).toBe(401);
    await bad({ question: 'Ja?', options: [{ label: 'Ja' }] }, 'poll.options');
    await bad({ question: 'Zu viele?', options: Array.from({ length: 21 }, (_, i) => ({ label: `O${i}` })) }, 'poll.options');
    await bad(choice({ deadline: new Date(Date.now() - 60_000).toISOString() }), 'poll.deadline');
    await bad(choice({ deadline: inFuture(DAY), reminderAt: inFuture(2 * DAY) }), 'poll.reminderAt');
    await bad(choice({ multiple: true, maxChoices: 4 }), 'poll.maxChoices');
    await bad({ question: 'Leer?', options: [{ label: 'A' }, {}] }, 'poll.options.1.label');
    await bad({ question: 'Doppelt?', options: [{ label: 'A' }, { label: 'a' }] }, 'poll.options.1');
    await bad({ question: '  ', options: [{ label: 'A' }, { label: 'B' }] }, 'poll.question');
    await bad({ kind: 'date', question: 'Wann?', options: [{ label: 'früh' }, { startsAt: inFuture(DAY) }] }, 'poll.options.0.startsAt');
    await bad(
      { kind: 'date', question: 'Wann?', options: [{ startsAt: inFuture(DAY), endsAt: inFuture(DAY - HOUR) }, { startsAt: inFuture(2 * DAY) }] },
      'poll.options.0.endsAt',
    );
    await bad(choice({ timeZone: 'Mars/Olympus' }), 'poll.timeZone');
    // Not a member of the group: there is no such group for the poster.
    const outsider = await clara.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: '', poll: choice() });
    expect(fieldOf(outsider)).toBe('audience.groupId');
    // Members post polls in their group; only announcers post to the company.
    expect((await xaver.client.post('/api/v1/posts', { audience: { kind: 'company' }, body: '', poll: choice() })).statusCode).toBe(403);

    const deadline = inFuture(3 * DAY);
    const p = await createPoll(zora, choice({ multiple: false, maxChoices: 3, deadline }));
    expect(p.poll).toMatchObject({
      postId: p.id,
      kind: 'choice',
      question: 'Welcher Tag passt?',
      multiple: false,
      maxChoices: null,
      anonymous: false,
      results: 'always',
      allowAddOptions: false,
      deadline,
      reminderAt: new Date(Date.parse(deadline) - DAY).toISOString(),
      closedAt: null,
      voted: false,
      voterCount: 0,
      resultsVisible: true,
      eventId: null,
      abilities: { vote: true, addOption: true, close: true, reopen: false, export: true, createEvent: false },
    });
    expect(p.poll.options.map((o) => [o.label, o.count, o.percent, o.chosen])).toEqual([
      ['Montag', 0, 0, false],
      ['Dienstag', 0, 0, false],
      ['Mittwoch', 0, 0, false],
    ]);
    // The default reminder is 24 h before the deadline — none when that has passed already, or without a deadline.
    expect((await createPoll(zora, choice({ deadline: inFuture(12 * HOUR) }))).poll.reminderAt).toBeNull();
    expect((await createPoll(zora, choice())).poll).toMatchObject({ deadline: null, reminderAt: null });
    const chosen = inFuture(HOUR);
    expect((await createPoll(zora, choice({ deadline: inFuture(12 * HOUR), reminderAt: chosen }))).poll.reminderAt).toBe(chosen);
    // Every reader gets it with the post, in the feed too.
    const feed = (await xaver.client.get(`/api/v1/groups/${team.id}/posts`)).json();
    expect(feed.items.find((x: { id: string }) => x.id === p.id).poll.abilities).toMatchObject({ vote: true, addOption: false, close: false, export: false });
    const plain = (await xaver.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: 'Kein Umfrage-Beitrag' })).json();
    expect(plain.poll).toBeNull();
    // A poll post may have an introduction; a plain post still needs a text.
    expect(fieldOf(await xaver.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: team.id }, body: ' ' }))).toBe('body');
  });

  it('single choice takes exactly one option; a vote can be changed and withdrawn', async () => {
    const p = await createPoll(zora, choice());
    const [mo, di, mi] = optionIds(p) as [string, string, string];
    const vote = (who: Person, body: Record<string, unknown>) => who.client.post(`/api/v1/polls/${p.poll.id}/votes`, body);
    expect(fieldOf(await vote(xaver, { optionIds: [mo, di] }))).toBe('optionIds');
    expect(fieldOf(await vote(xaver, { optionIds: [] }))).toBe('optionIds');
    expect(fieldOf(await vote(xaver, { optionIds: ['no-such-option'] }))).toBe('optionIds.0');
    expect(fieldOf(await vote(xaver, { answers: [{ optionId: mo, answer: 'yes' }] }))).toBe('optionIds');
    expect((await new Client(t.app).post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [mo] })).statusCode).toBe(401);

    const first = (await vote(xaver, { optionIds: [mo] })).json() as Poll;
    expect(first.voted).toBe(true);
    expect(first.options.map((o) => o.chosen)).toEqual([true, false, false]);
    await vote(yvonne, { optionIds: [mo] });
    const third = (await vote(gast, { optionIds: [mi] })).json() as Poll;
    expect(third.voterCount).toBe(3);
    expect(third.options.map((o) => [o.count, o.percent])).toEqual([
      [2, 67],
      [0, 0],
      [1, 33],
    ]);
    // Named: who chose what is shown.
    expect(third.options[0]?.voters.map((v) => v.user.name)).toEqual(['Xaver Xander', 'Yvonne Yilmaz']);

    // Changing my vote replaces it.
    const changed = (await vote(xaver, { optionIds: [di] })).json() as Poll;
    expect(changed.options.map((o) => o.count)).toEqual([1, 1, 1]);
    expect(changed.options.map((o) => o.chosen)).toEqual([false, true, false]);
    expect(changed.voterCount).toBe(3);

    const withdrawn = (await xaver.client.delete(`/api/v1/polls/${p.poll.id}/votes`)).json() as Poll;
    expect(withdrawn).toMatchObject({ voted: false, voterCount: 2 });
    expect(withdrawn.options.map((o) => o.count)).toEqual([1, 0, 1]);
    expect(withdrawn.options.every((o) => !o.chosen)).toBe(true);
    // The post shows the same.
    expect(((await zora.client.get(`/api/v1/posts/${p.id}`)).json().poll as Poll).options.map((o) => o.count)).toEqual([1, 0, 1]);
  });

  it('counts votes sent at the same time once each, a double submit included', async () => {
    for (const anonymous of [false, true]) {
      const p = await createPoll(zora, choice({ anonymous }));
      const [mo, di, mi] = optionIds(p) as [string, string, string];
      const results = await Promise.all([
        ...[mo, di, mi, mo].map((id) => xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [id] })),
        yvonne.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [di] }),
        gast.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [mi] }),
      ]);
      for (const r of results) expect(r.statusCode, r.body).toBe(200);
      const poll = (await zora.client.get(`/api/v1/polls/${p.poll.id}`)).json() as Poll;
      expect(poll.voterCount).toBe(3);
      expect(poll.options.reduce((sum, o) => sum + (o.count ?? 0), 0)).toBe(3);
      const mine = (await xaver.client.get(`/api/v1/polls/${p.poll.id}`)).json() as Poll;
      expect(mine.options.filter((o) => o.chosen)).toHaveLength(1);
    }
  });

  it('multiple choice takes up to maxChoices options', async () => {
    const p = await createPoll(zora, {
      question: 'Welche Snacks?',
      options: [{ label: 'Obst' }, { label: 'Nüsse' }, { label: 'Kekse' }, { label: 'Chips' }],
      multiple: true,
      maxChoices: 2,
    });
    const ids = optionIds(p);
    const res = await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: ids.slice(0, 3) });
    expect(fieldOf(res)).toBe('optionIds');
    expect(res.json().error.message).toMatch(/at most 2/);
    const ok = (await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [ids[0], ids[2]] })).json() as Poll;
    expect(ok.options.map((o) => o.chosen)).toEqual([true, false, true, false]);
    const two = (await yvonne.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [ids[0]] })).json() as Poll;
    // Percent of voters: 2 voters, both chose "Obst".
    expect(two.options.map((o) => o.percent)).toEqual([100, 0, 50, 0]);
    expect(two.voterCount).toBe(2);
  });

  it('shows results always, after voting or after closing; the author always sees them', async () => {
    const afterVote = await createPoll(zora, choice({ results: 'after_vote' }));
    const before = (await xaver.client.get(`/api/v1/posts/${afterVote.id}`)).json().poll as Poll;
    expect(before).toMatchObject({ resultsVisible: false, voterCount: null, bestOptionId: null });
    expect(before.options.every((o) => o.count === null && o.percent === null && o.voters.length === 0)).toBe(true);
    await yvonne.client.post(`/api/v1/polls/${afterVote.poll.id}/votes`, { optionIds: [optionIds(afterVote)[1]] });
    expect(((await xaver.client.get(`/api/v1/posts/${afterVote.id}`)).json().poll as Poll).options[1]?.count).toBeNull();
    expect(((await zora.client.get(`/api/v1/posts/${afterVote.id}`)).json().poll as Poll).options[1]?.count).toBe(1);
    const voted = (await xaver.client.post(`/api/v1/polls/${afterVote.poll.id}/votes`, { optionIds: [optionIds(afterVote)[0]] })).json() as Poll;
    expect(voted).toMatchObject({ resultsVisible: true, voterCount: 2 });
    expect(voted.options[1]?.voters.map((v) => v.user.name)).toEqual(['Yvonne Yilmaz']);

    const afterClose = await createPoll(zora, choice({ results: 'after_close' }));
    const mine = (await xaver.client.post(`/api/v1/polls/${afterClose.poll.id}/votes`, { optionIds: [optionIds(afterClose)[2]] })).json() as Poll;
    expect(mine).toMatchObject({ voted: true, resultsVisible: false, voterCount: null });
    expect(mine.options[2]).toMatchObject({ chosen: true, count: null, voters: [] });
    expect(((await zora.client.get(`/api/v1/posts/${afterClose.id}`)).json().poll as Poll).options[2]?.count).toBe(1);
    await zora.client.patch(`/api/v1/polls/${afterClose.poll.id}`, { closed: true });
    const closed = (await yvonne.client.get(`/api/v1/posts/${afterClose.id}`)).json().poll as Poll;
    expect(closed).toMatchObject({ resultsVisible: true, voterCount: 1, voted: false });
    expect(closed.options[2]?.voters.map((v) => v.user.name)).toEqual(['Xaver Xander']);
  });

  it('lets members add options when the author allows it, up to 20', async () => {
    const fixed = await createPoll(zora, choice());
    expect((await xaver.client.post(`/api/v1/polls/${fixed.poll.id}/options`, { label: 'Donnerstag' })).statusCode).toBe(403);
    const byAuthor = (await zora.client.post(`/api/v1/polls/${fixed.poll.id}/options`, { label: 'Donnerstag' })).json() as Poll;
    expect(byAuthor.options.map((o) => [o.label, o.addedByMember])).toContainEqual(['Donnerstag', false]);

    const open = await createPoll(zora, choice({ allowAddOptions: true }));
    const added = await xaver.client.post(`/api/v1/polls/${open.poll.id}/options`, { label: 'Freitag' });
    expect(added.statusCode, added.body).toBe(200);
    expect((added.json() as Poll).options.at(-1)).toMatchObject({ label: 'Freitag', addedByMember: true, count: 0 });
    expect(fieldOf(await yvonne.client.post(`/api/v1/polls/${open.poll.id}/options`, { label: 'freitag' }))).toBe('label');
    expect(fieldOf(await yvonne.client.post(`/api/v1/polls/${open.poll.id}/options`, {}))).toBe('label');
    for (let i = 4; i < 20; i++) expect((await yvonne.client.post(`/api/v1/polls/${open.poll.id}/options`, { label: `Tag ${i}` })).statusCode).toBe(200);
    const full = (await yvonne.client.get(`/api/v1/polls/${open.poll.id}`)).json() as Poll;
    expect(full.options).toHaveLength(20);
    expect(full.abilities.addOption).toBe(false);
    const tooMany = await yvonne.client.post(`/api/v1/polls/${open.poll.id}/options`, { label: 'Tag 21' });
    expect(tooMany.statusCode).toBe(409);
    // A member's new option can be voted on at once.
    expect((await yvonne.client.post(`/api/v1/polls/${open.poll.id}/votes`, { optionIds: [full.options[3]?.id] })).statusCode).toBe(200);
  });

  it('the author closes early and reopens; a closed poll takes no votes (409 poll_closed)', async () => {
    const p = await createPoll(zora, choice());
    const [mo] = optionIds(p) as [string];
    expect((await xaver.client.patch(`/api/v1/polls/${p.poll.id}`, { closed: true })).statusCode).toBe(403);
    const closed = (await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { closed: true })).json() as Poll;
    expect(closed.closedAt).not.toBeNull();
    expect(closed.abilities).toMatchObject({ vote: false, close: false, reopen: true });
    const late = await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [mo] });
    expect(late.statusCode).toBe(409);
    expect(codeOf(late)).toBe('poll_closed');
    expect(codeOf(await xaver.client.delete(`/api/v1/polls/${p.poll.id}/votes`))).toBe('poll_closed');
    expect((await xaver.client.get(`/api/v1/posts/${p.id}`)).json().poll.abilities.vote).toBe(false);
    const reopened = (await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { closed: false })).json() as Poll;
    expect(reopened).toMatchObject({ closedAt: null, abilities: { close: true, reopen: false } });
    expect((await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [mo] })).statusCode).toBe(200);
    expect(fieldOf(await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { deadline: new Date(Date.now() - 1000).toISOString() }))).toBe('deadline');
    const dl = inFuture(2 * DAY);
    expect(fieldOf(await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { deadline: dl, reminderAt: inFuture(3 * DAY) }))).toBe('reminderAt');
    const moved = (await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { deadline: dl, reminderAt: inFuture(HOUR) })).json() as Poll;
    expect(moved).toMatchObject({ deadline: dl, closedAt: null });
    expect((await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { deadline: null })).json()).toMatchObject({ deadline: null });
  });

  it('closes by itself at the deadline, also when the author moved it', async () => {
    const p = await createPoll(zora, choice({ deadline: inFuture(2 * HOUR) }));
    const moved = (await zora.client.patch(`/api/v1/polls/${p.poll.id}`, { deadline: inFuture(2 * DAY) })).json() as Poll;
    expect(moved.closedAt).toBeNull();
    // The first deadline passes: its job finds the deadline moved and leaves the poll open.
    await later(3 * HOUR);
    expect(((await xaver.client.get(`/api/v1/posts/${p.id}`)).json().poll as Poll).closedAt).toBeNull();
    expect((await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [optionIds(p)[0]] })).statusCode).toBe(200);
    await later(2 * DAY);
    const stored = await t.ctx.db.db.selectFrom('polls').select('closed_at').where('id', '=', p.poll.id).executeTakeFirstOrThrow();
    expect(stored.closed_at).toBe(moved.deadline);
    const after = (await xaver.client.get(`/api/v1/posts/${p.id}`)).json().poll as Poll;
    expect(after).toMatchObject({ closedAt: moved.deadline, abilities: { vote: false } });
    expect(codeOf(await yvonne.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [optionIds(p)[0]] }))).toBe('poll_closed');
  });

  it('mails the group at once with a vote link, and reminds only those who have not voted', async () => {
    smtp.mails.length = 0;
    const p = await createPoll(zora, choice({ question: 'Welcher Tag passt für das Treffen?', deadline: inFuture(3 * DAY) }));
    await t.drain();
    const [toX] = mailsTo(xaver.email, p.id);
    expect(toX?.subject).toBe('Zora Ziegler fragt: Welcher Tag passt für das Treffen? – jetzt abstimmen · ACME GmbH');
    expect(toX?.text).toContain('Abstimmen');
    expect(toX?.text).toContain(`${PUBLIC_URL}/posts/${p.id}`);
    expect(toX?.html).toContain(`href="${PUBLIC_URL}/posts/${p.id}"`);
    expect(mailsTo(yvonne.email, p.id)[0]?.subject).toBe('Zora Ziegler asks: Welcher Tag passt für das Treffen? — vote now · ACME GmbH');
    expect(mailsTo(yvonne.email, p.id)[0]?.text).toContain('Vote');
    expect(mailsTo(gast.email, p.id)).toHaveLength(1);
    expect(mailsTo(zora.email, p.id)).toHaveLength(0);
    expect(mailsTo(clara.email, p.id)).toHaveLength(0);
    // The bell too, pointing at the post.
    const bell = (await xaver.client.get('/api/v1/notifications'))
      .json()
      .items.find((n: { type: string; target: { url: string } }) => n.type === 'poll' && n.target.url === `/posts/${p.id}`);
    expect(bell).toMatchObject({ type: 'poll', excerpt: 'Welcher Tag passt für das Treffen?', target: { kind: 'post', url: `/posts/${p.id}` } });
    // …and only as a poll, not as one more "new post in the group".
    const aboutIt = (await xaver.client.get('/api/v1/notifications'))
      .json()
      .items.filter((n: { target: { url: string } }) => n.target.url === `/posts/${p.id}`);
    expect(aboutIt.map((n: { type: string }) => n.type)).toEqual(['poll']);

    await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [optionIds(p)[0]] });
    smtp.mails.length = 0;
    // Reminder time (24 h before the deadline) has not come: nothing.
    await later(HOUR);
    expect(smtp.mails.filter((m) => m.text.includes(p.id))).toHaveLength(0);
    await later(2 * DAY);
    expect(mailsTo(xaver.email, p.id)).toHaveLength(0);
    expect(mailsTo(zora.email, p.id)).toHaveLength(0);
    const [reminder] = mailsTo(yvonne.email, p.id);
    expect(reminder?.subject).toBe('Reminder: Zora Ziegler asks: Welcher Tag passt für das Treffen? — you have not voted yet · ACME GmbH');
    expect(reminder?.text).toContain(`${PUBLIC_URL}/posts/${p.id}`);
    expect(mailsTo(gast.email, p.id)).toHaveLength(1);
    // Once only.
    await later(HOUR);
    expect(mailsTo(yvonne.email, p.id)).toHaveLength(1);
    const stored = await t.ctx.db.db.selectFrom('polls').select('reminded_at').where('id', '=', p.poll.id).executeTakeFirstOrThrow();
    expect(stored.reminded_at).not.toBeNull();
  });

  it('notifies a company poll to every employee and a profile poll to the author’s followers', async () => {
    const bellOf = async (p: Person, postId: string) =>
      ((await p.client.get('/api/v1/notifications')).json().items as Array<{ type: string; target: { url: string } }>).filter(
        (n) => n.type === 'poll' && n.target.url === `/posts/${postId}`,
      );
    const company = await createPoll(admin, choice({ question: 'Sommerfest: welcher Freitag?' }), { kind: 'company' });
    await t.drain();
    for (const p of [zora, xaver, yvonne, clara]) expect(await bellOf(p, company.id), p.email).toHaveLength(1);
    // Guests see only their groups; the author hears nothing of their own poll.
    expect(await bellOf(gast, company.id)).toHaveLength(0);
    expect(await bellOf(admin, company.id)).toHaveLength(0);

    expect((await clara.client.put(`/api/v1/users/${xaver.id}/follow`)).statusCode).toBe(204);
    const profile = await createPoll(xaver, choice({ question: 'Welches Buch als Nächstes?' }), { kind: 'profile' });
    await t.drain();
    expect(await bellOf(clara, profile.id)).toHaveLength(1);
    for (const p of [zora, yvonne, gast, admin]) expect(await bellOf(p, profile.id), p.email).toHaveLength(0);
    // Clara reads it and votes like anyone in the company.
    expect((await clara.client.post(`/api/v1/polls/${profile.poll.id}/votes`, { optionIds: [optionIds(profile)[0]] })).statusCode).toBe(200);
    expect((await gast.client.get(`/api/v1/polls/${profile.poll.id}`)).statusCode).toBe(404);
  });

  it('exports CSV for the author: named polls voter by voter, formula-safe', async () => {
    const p = await createPoll(zora, { question: 'Budget?', options: [{ label: '=SUM(A1:A9)' }, { label: 'Plain "quoted"' }], multiple: true });
    const [a, b] = optionIds(p) as [string, string];
    await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [a, b] });
    await yvonne.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [b] });
    expect((await xaver.client.get(`/api/v1/polls/${p.poll.id}/export.csv`)).statusCode).toBe(403);
    expect((await clara.client.get(`/api/v1/polls/${p.poll.id}/export.csv`)).statusCode).toBe(404);
    const csv = await zora.client.get(`/api/v1/polls/${p.poll.id}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="poll-.+\.csv"$/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'Option,Name,E-mail',
      `"'=SUM(A1:A9)","Xaver Xander","${xaver.email}"`,
      `"Plain ""quoted""","Xaver Xander","${xaver.email}"`,
      `"Plain ""quoted""","Yvonne Yilmaz","${yvonne.email}"`,
    ]);
  });

  it('keeps polls behind the post: outsiders get 404, guests in the group vote', async () => {
    const p = await createPoll(zora, choice({ allowAddOptions: true }));
    const id = p.poll.id;
    for (const [method, url, body] of [
      ['GET', `/api/v1/polls/${id}`, undefined],
      ['POST', `/api/v1/polls/${id}/votes`, { optionIds: [optionIds(p)[0]] }],
      ['DELETE', `/api/v1/polls/${id}/votes`, undefined],
      ['POST', `/api/v1/polls/${id}/options`, { label: 'X' }],
      ['PATCH', `/api/v1/polls/${id}`, { closed: true }],
      ['GET', `/api/v1/polls/${id}/export.csv`, undefined],
      ['POST', `/api/v1/polls/${id}/event`, { optionId: optionIds(p)[0] }],
    ] as const) {
      const res = await clara.client.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.body).not.toContain('Welcher Tag');
    }
    expect((await clara.client.get(`/api/v1/polls/no-such-poll`)).statusCode).toBe(404);
    // The guest reads the post, so he votes and adds options, but he does not manage the poll.
    const guestVote = await gast.client.post(`/api/v1/polls/${id}/votes`, { optionIds: [optionIds(p)[1]] });
    expect(guestVote.statusCode, guestVote.body).toBe(200);
    expect((await gast.client.post(`/api/v1/polls/${id}/options`, { label: 'Samstag' })).statusCode).toBe(200);
    expect((await gast.client.patch(`/api/v1/polls/${id}`, { closed: true })).statusCode).toBe(403);
    // An admin reads everything but does not manage someone else's poll.
    expect((await admin.client.get(`/api/v1/polls/${id}`)).statusCode).toBe(200);
    expect((await admin.client.patch(`/api/v1/polls/${id}`, { closed: true })).statusCode).toBe(403);
    // Deleting the post takes the poll with it.
    await zora.client.delete(`/api/v1/posts/${p.id}`);
    expect((await xaver.client.post(`/api/v1/polls/${id}/votes`, { optionIds: [optionIds(p)[0]] })).statusCode).toBe(404);
  });

  it('pushes a live invalidation of the post on every vote, without who voted', async () => {
    const url = await listen(t);
    const sock = await open(url, yvonne.client);
    const p = await createPoll(zora, choice());
    await t.drain();
    sock.events.length = 0;
    await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [optionIds(p)[0]] });
    await t.drain();
    await until(() => sock.events.some((e) => e.type === 'post.updated' && e.subjectId === p.id));
    const ev = sock.events.find((e) => e.type === 'post.updated');
    expect(Object.keys(ev ?? {}).sort()).toEqual(['id', 'subjectId', 'type']);
    expect(JSON.stringify(sock.events)).not.toContain(xaver.id);
    const stored = await t.ctx.db.db
      .selectFrom('outbox_events')
      .select(['actor_id', 'payload'])
      .where('subject_id', '=', p.id)
      .where('type', '=', 'post.updated')
      .execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(xaver.id);
    sock.socket.close();
  });

  it('date polls: yes / if need be / no per slot, the best slot, and an event from it', async () => {
    // Slots on the full hour, as people propose them.
    const hour = Math.ceil(Date.now() / HOUR) * HOUR;
    const slot = (days: number) => ({ startsAt: new Date(hour + days * DAY).toISOString(), endsAt: new Date(hour + days * DAY + HOUR).toISOString() });
    const p = await createPoll(zora, {
      kind: 'date',
      question: 'Wann treffen wir uns?',
      options: [slot(5), slot(6), { label: 'Mittag', ...slot(7) }],
      timeZone: 'Europe/Berlin',
    });
    expect(p.poll).toMatchObject({ kind: 'date', timeZone: 'Europe/Berlin', bestOptionId: null, abilities: { createEvent: true } });
    const [s1, s2, s3] = optionIds(p) as [string, string, string];
    const answer = (who: Person, answers: Array<[string, string]>) =>
      who.client.post(`/api/v1/polls/${p.poll.id}/votes`, { answers: answers.map(([optionId, a]) => ({ optionId, answer: a })) });
    expect(
      fieldOf(
        await answer(xaver, [
          [s1, 'yes'],
          [s1, 'no'],
        ]),
      ),
    ).toBe('answers.1.optionId');
    expect(fieldOf(await answer(xaver, [['nope', 'yes']]))).toBe('answers.0.optionId');
    expect(fieldOf(await answer(xaver, [[s1, 'perhaps']]))).toBe('answers.0.answer');
    expect(fieldOf(await xaver.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [s1] }))).toBe('answers');
    await answer(xaver, [
      [s1, 'yes'],
      [s2, 'maybe'],
      [s3, 'no'],
    ]);
    await answer(yvonne, [
      [s1, 'no'],
      [s2, 'yes'],
      [s3, 'no'],
    ]);
    const mine = (
      await answer(gast, [
        [s1, 'yes'],
        [s2, 'yes'],
      ])
    ).json() as Poll;
    expect(mine.options.map((o) => [o.count, o.maybeCount, o.noCount, o.myAnswer])).toEqual([
      [2, 0, 1, 'yes'],
      [2, 1, 0, 'yes'],
      [0, 0, 2, null],
    ]);
    // Two slots with two "yes": the one with more "if need be" wins.
    expect(mine.bestOptionId).toBe(s2);
    expect(mine.options[1]?.voters.map((v) => [v.user.name, v.answer])).toEqual([
      ['Gustav Gast', 'yes'],
      ['Xaver Xander', 'maybe'],
      ['Yvonne Yilmaz', 'yes'],
    ]);
    const dateCsv = (await zora.client.get(`/api/v1/polls/${p.poll.id}/export.csv`)).body;
    expect(dateCsv).toContain(`"Xaver Xander","${xaver.email}","maybe"`);

    expect((await xaver.client.post(`/api/v1/polls/${p.poll.id}/event`, { optionId: s2 })).statusCode).toBe(403);
    expect(fieldOf(await zora.client.post(`/api/v1/polls/${p.poll.id}/event`, { optionId: 'nope' }))).toBe('optionId');
    const made = await zora.client.post(`/api/v1/polls/${p.poll.id}/event`, { optionId: s1, location: 'Raum 4' });
    expect(made.statusCode, made.body).toBe(201);
    const event = made.json();
    const option = mine.options[0] as PollOption;
    expect(event).toMatchObject({ title: 'Wann treffen wir uns?', startsAt: option.startsAt, endsAt: option.endsAt, timeZone: 'Europe/Berlin' });
    const after = (await zora.client.get(`/api/v1/posts/${p.id}`)).json().poll as Poll;
    expect(after).toMatchObject({ eventId: event.id, abilities: { createEvent: false } });
    // Those who said yes or if need be to that slot are invited (the organiser is the author); Yvonne said no.
    expect(event).toMatchObject({ audience: { kind: 'invited' }, pollId: p.poll.id, organizer: { id: zora.id }, location: 'Raum 4' });
    const invited = await t.ctx.db.db.selectFrom('event_invitees').select('user_id').where('event_id', '=', event.id).execute();
    expect(invited.map((r) => r.user_id).sort()).toEqual([xaver.id, gast.id].sort());
    expect((await zora.client.post(`/api/v1/polls/${p.poll.id}/event`, { optionId: s2 })).statusCode).toBe(403);
    // Two clicks at the same moment make one event; the other answers 409 (or 403 once the first is recorded).
    const twice = await createPoll(zora, { kind: 'date', question: 'Doppelklick?', options: [slot(8), slot(9)], timeZone: 'Europe/Berlin' });
    const clicks = await Promise.all([0, 1].map(() => zora.client.post(`/api/v1/polls/${twice.poll.id}/event`, { optionId: optionIds(twice)[0] })));
    expect(clicks.map((r) => r.statusCode).sort()).toEqual([201, clicks.some((r) => r.statusCode === 409) ? 409 : 403]);
    const made2 = await t.ctx.db.db.selectFrom('events').select('id').where('poll_id', '=', twice.poll.id).execute();
    expect(made2).toHaveLength(1);
    // A choice poll has no event.
    const c = await createPoll(zora, choice());
    expect((await zora.client.post(`/api/v1/polls/${c.poll.id}/event`, { optionId: optionIds(c)[0] })).statusCode).toBe(403);
  });

  it('loads the polls of a feed page with a fixed number of queries', async () => {
    // A fresh author: posting is rate-limited per person.
    const seeder = await createMember(t, admin.client, { name: 'Sina Saat' });
    const g = (await seeder.client.post('/api/v1/groups', { name: `Zählung ${Date.now()}`, visibility: 'public', joinPolicy: 'open' })).json();
    const count = () => countQueries(t, () => xaver.client.get(`/api/v1/groups/${g.id}/posts?limit=20`));
    const seed = async (k: number) => {
      for (let i = 0; i < k; i++) {
        const p = await createPoll(seeder, choice({ anonymous: i % 2 === 1 }), { kind: 'group', groupId: g.id });
        await seeder.client.post(`/api/v1/polls/${p.poll.id}/votes`, { optionIds: [optionIds(p)[i % 3]] });
      }
    };
    await seed(2);
    const few = await count();
    await seed(6);
    expect(await count()).toBe(few);
  });
});

interface PollOption {
  id: string;
  label: string;
  startsAt: string | null;
  endsAt: string | null;
  count: number | null;
  maybeCount: number | null;
  noCount: number | null;
  percent: number | null;
  chosen: boolean;
  myAnswer: string | null;
  voters: Array<{ user: { id: string; name: string }; answer: string | null }>;
  addedByMember: boolean;
}

interface Poll {
  id: string;
  postId: string;
  kind: string;
  options: PollOption[];
  voterCount: number | null;
  voted: boolean;
  resultsVisible: boolean;
  closedAt: string | null;
  deadline: string | null;
  reminderAt: string | null;
  bestOptionId: string | null;
  eventId: string | null;
  abilities: Record<string, boolean>;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { startSmtp } from '../../../test/smtp.js';

type G = {
  id: string;
  slug: string;
  name: string;
  memberCount: number;
  hasGuests: boolean;
  archived: boolean;
  membership: { role: string | null; requested: boolean; invitationId: string | null };
  abilities: Record<string, boolean>;
};

describe('workgroups', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: Client;
  let owner: { client: Client; id: string };
  let ben: { client: Client; id: string };
  let clara: { client: Client; id: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ INNENHOF_SMTP_HOST: '127.0.0.1', INNENHOF_SMTP_PORT: String(smtp.port) });
    admin = (await setupAdmin(t)).client;
    owner = await createMember(t, admin, { name: 'Olga Owner' });
    ben = await createMember(t, admin, { name: 'Ben Member' });
    clara = await createMember(t, admin, { name: 'Clara Colleague' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function create(c: Client, body: Record<string, unknown>): Promise<G> {
    const res = await c.post('/api/v1/groups', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('creates a group with its creator as owner, a unique slug, and validates input', async () => {
    expect((await new Client(t.app).post('/api/v1/groups', { name: 'X', visibility: 'public', joinPolicy: 'open' })).statusCode).toBe(401);
    const bad = await owner.client.post('/api/v1/groups', { name: '', visibility: 'public', joinPolicy: 'open' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('name');
    const badVis = await owner.client.post('/api/v1/groups', { name: 'Lunch', visibility: 'hidden', joinPolicy: 'open' });
    expect(badVis.statusCode).toBe(400);
    expect(badVis.json().error.message).toMatch(/^visibility/);
    const long = await owner.client.post('/api/v1/groups', { name: 'x'.repeat(81), visibility: 'public', joinPolicy: 'open' });
    expect(long.json().error.details.fields[0].field).toBe('name');

    const g = await create(owner.client, {
      name: 'Mittagessen Büro',
      description: 'Wer geht mit?',
      visibility: 'public',
      joinPolicy: 'open',
      welcomeText: 'Willkommen!',
    });
    expect(g).toMatchObject({ slug: 'mittagessen-buero', memberCount: 1, membership: { role: 'owner' }, archived: false });
    expect(g.abilities).toMatchObject({ update: true, delete: true, archive: true, leave: true, post: true, join: false });
    const twin = await create(ben.client, { name: 'Mittagessen Büro', visibility: 'public', joinPolicy: 'open' });
    expect(twin.slug).toBe('mittagessen-buero-2');
    // Found by slug as well as id.
    expect((await clara.client.get('/api/v1/groups/mittagessen-buero')).json().id).toBe(g.id);
  });

  it('lets anyone join an open public group with one click, idempotently; members see the welcome text', async () => {
    const g = await create(owner.client, { name: 'Laufgruppe', visibility: 'public', joinPolicy: 'open', welcomeText: 'Dienstags 18 Uhr am Park' });
    const before = (await ben.client.get(`/api/v1/groups/${g.id}`)).json();
    expect(before.welcomeText).toBeNull();
    expect(before.abilities).toMatchObject({ join: true, readContent: true, post: false });
    const joined = await ben.client.post(`/api/v1/groups/${g.id}/members`);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ memberCount: 2, membership: { role: 'member' }, welcomeText: 'Dienstags 18 Uhr am Park' });
    const again = await ben.client.post(`/api/v1/groups/${g.id}/members`);
    expect(again.statusCode).toBe(200);
    expect(again.json().memberCount).toBe(2);

    const members = (await clara.client.get(`/api/v1/groups/${g.id}/members`)).json();
    expect(members.items.map((m: { user: { name: string }; role: string }) => [m.user.name, m.role])).toEqual([
      ['Olga Owner', 'owner'],
      ['Ben Member', 'member'],
    ]);

    expect((await ben.client.delete(`/api/v1/groups/${g.id}/members/${ben.id}`)).statusCode).toBe(204);
    expect((await ben.client.get(`/api/v1/groups/${g.id}`)).json().membership.role).toBeNull();
  });

  it('handles join requests: request with a message, approve and decline; content for members only', async () => {
    const g = await create(owner.client, { name: 'Projekt Apfel', description: 'Neues Produkt', visibility: 'private', joinPolicy: 'request' });
    const seen = (await ben.client.get(`/api/v1/groups/${g.id}`)).json();
    expect(seen).toMatchObject({ name: 'Projekt Apfel', description: 'Neues Produkt' });
    expect(seen.abilities).toMatchObject({ readContent: false, request: true, join: false });
    expect((await ben.client.get(`/api/v1/groups/${g.id}/members`)).statusCode).toBe(403);
    expect(codeOf(await ben.client.post(`/api/v1/groups/${g.id}/members`))).toBe('forbidden');

    const asked = await ben.client.post(`/api/v1/groups/${g.id}/requests`, { message: 'Ich kann beim Design helfen' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().membership.requested).toBe(true);
    expect((await ben.client.post(`/api/v1/groups/${g.id}/requests`, {})).statusCode).toBe(200);
    await clara.client.post(`/api/v1/groups/${g.id}/requests`, {});

    expect((await ben.client.get(`/api/v1/groups/${g.id}/requests`)).statusCode).toBe(403);
    const requests = (await owner.client.get(`/api/v1/groups/${g.id}/requests`)).json().items as Array<{
      id: string;
      user: { id: string };
      message: string | null;
    }>;
    expect(requests).toHaveLength(2);
    const benReq = requests.find((r) => r.user.id === ben.id);
    expect(benReq?.message).toBe('Ich kann beim Design helfen');
    const claraReq = requests.find((r) => r.user.id === clara.id);

    expect((await owner.client.post(`/api/v1/groups/${g.id}/requests/${benReq?.id}/approve`)).statusCode).toBe(204);
    expect((await owner.client.post(`/api/v1/groups/${g.id}/requests/${claraReq?.id}/decline`)).statusCode).toBe(204);
    expect((await owner.client.post(`/api/v1/groups/${g.id}/requests/${claraReq?.id}/approve`)).statusCode).toBe(404);

    const benNow = (await ben.client.get(`/api/v1/groups/${g.id}`)).json();
    expect(benNow.membership.role).toBe('member');
    expect(benNow.abilities.readContent).toBe(true);
    expect((await ben.client.get(`/api/v1/groups/${g.id}/members`)).statusCode).toBe(200);
    const claraNow = (await clara.client.get(`/api/v1/groups/${g.id}`)).json();
    expect(claraNow.membership).toMatchObject({ role: null, requested: false });
  });

  it('hides secret groups completely: same 404 as a random id, not listed, not found by search', async () => {
    const g = await create(owner.client, { name: 'Betriebsrat Geheim', visibility: 'secret', joinPolicy: 'invite' });
    const hidden = await clara.client.get(`/api/v1/groups/${g.id}`);
    const random = await clara.client.get('/api/v1/groups/01a219ff-0000-7000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(random.body);
    const strip = (h: Record<string, unknown>) =>
      Object.keys(h)
        .filter((k) => !['date', 'content-length', 'x-ratelimit-reset'].includes(k))
        .sort()
        .map((k) => `${k}:${k === 'content-length' ? '' : String(h[k])}`);
    expect(strip(hidden.headers)).toEqual(strip(random.headers));
    expect((await clara.client.get('/api/v1/groups/betriebsrat-geheim')).body).toBe(random.body);
    for (const path of ['members', 'requests']) expect((await clara.client.get(`/api/v1/groups/${g.id}/${path}`)).statusCode).toBe(404);
    expect((await clara.client.post(`/api/v1/groups/${g.id}/members`)).statusCode).toBe(404);
    const list = (await clara.client.get('/api/v1/groups?q=geheim')).json();
    expect(list.items).toEqual([]);

    // The admin sees it; an invited colleague sees it and can accept.
    expect((await admin.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/groups?q=geheim')).json().items).toHaveLength(1);
    const inv = await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [clara.id] });
    expect(inv.json()).toEqual({ invited: [clara.id], alreadyMembers: [], alreadyInvited: [] });
    const mine = (await clara.client.get('/api/v1/me/group-invitations')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].group.name).toBe('Betriebsrat Geheim');
    expect(mine[0].invitedBy.name).toBe('Olga Owner');
    expect((await clara.client.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(200);
    const accepted = await clara.client.post(`/api/v1/group-invitations/${mine[0].id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().membership.role).toBe('member');
  });

  it('invites colleagues (up to 100 at once), who may decline', async () => {
    const g = await create(owner.client, { name: 'Nur mit Einladung', visibility: 'private', joinPolicy: 'invite' });
    expect((await ben.client.post(`/api/v1/groups/${g.id}/requests`, {})).statusCode).toBe(403);
    const tooMany = await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: Array.from({ length: 101 }, (_, i) => `id-${i}`) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/^userIds/);
    const unknown = await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: ['no-such-user'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^userIds\.0/);

    const res = await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id, owner.id, ben.id] });
    expect(res.json()).toEqual({ invited: [ben.id], alreadyMembers: [owner.id], alreadyInvited: [] });
    expect((await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id] })).json().alreadyInvited).toEqual([ben.id]);
    // A plain member of an invitation-only group may not invite.
    expect((await clara.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id] })).statusCode).toBe(403);

    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items.find((i: { group: { id: string } }) => i.group.id === g.id);
    expect((await clara.client.post(`/api/v1/group-invitations/${inv.id}/decline`)).statusCode).toBe(404);
    expect((await ben.client.post(`/api/v1/group-invitations/${inv.id}/decline`)).statusCode).toBe(204);
    expect((await ben.client.get(`/api/v1/groups/${g.id}`)).json().membership).toMatchObject({ role: null, invitationId: null });
  });

  it('manages roles: a group always keeps one owner; ownership can be transferred', async () => {
    const g = await create(owner.client, { name: 'Rollen', visibility: 'public', joinPolicy: 'open' });
    await ben.client.post(`/api/v1/groups/${g.id}/members`);
    await clara.client.post(`/api/v1/groups/${g.id}/members`);

    const lastOwner = await owner.client.delete(`/api/v1/groups/${g.id}/members/${owner.id}`);
    expect(lastOwner.statusCode).toBe(409);
    expect(codeOf(lastOwner)).toBe('conflict');
    expect(codeOf(await owner.client.patch(`/api/v1/groups/${g.id}/members/${owner.id}`, { role: 'member' }))).toBe('conflict');

    expect((await ben.client.patch(`/api/v1/groups/${g.id}/members/${clara.id}`, { role: 'moderator' })).statusCode).toBe(403);
    const bad = await owner.client.patch(`/api/v1/groups/${g.id}/members/${ben.id}`, { role: 'king' });
    expect(bad.statusCode).toBe(400);
    const promoted = await owner.client.patch(`/api/v1/groups/${g.id}/members/${ben.id}`, { role: 'moderator' });
    expect(promoted.json()).toMatchObject({ role: 'moderator', user: { id: ben.id } });

    // A moderator removes members but not other moderators or owners — and the member list says so.
    const asMod = (await ben.client.get(`/api/v1/groups/${g.id}/members`)).json().items as Array<{
      user: { id: string };
      abilities: { remove: boolean; changeRole: boolean };
    }>;
    expect(asMod.find((m) => m.user.id === owner.id)?.abilities).toEqual({ remove: false, changeRole: false });
    expect(asMod.find((m) => m.user.id === clara.id)?.abilities).toEqual({ remove: true, changeRole: false });
    expect(asMod.find((m) => m.user.id === ben.id)?.abilities.remove).toBe(true);
    expect((await ben.client.get('/api/v1/groups?filter=mine')).json().items.find((x: G) => x.id === g.id).abilities).toMatchObject({
      update: true,
      updatePrivacy: false,
    });
    expect((await ben.client.delete(`/api/v1/groups/${g.id}/members/${owner.id}`)).statusCode).toBe(403);
    expect((await ben.client.delete(`/api/v1/groups/${g.id}/members/${clara.id}`)).statusCode).toBe(204);
    // The removed member's very next request is refused.
    expect((await clara.client.get(`/api/v1/groups/${g.id}`)).json().membership.role).toBeNull();
    expect((await clara.client.delete(`/api/v1/groups/${g.id}/members/${clara.id}`)).statusCode).toBe(403);

    const transfer = await owner.client.post(`/api/v1/groups/${g.id}/transfer`, { userId: ben.id });
    expect(transfer.statusCode).toBe(200);
    expect(transfer.json().membership.role).toBe('moderator');
    expect((await ben.client.get(`/api/v1/groups/${g.id}`)).json().membership.role).toBe('owner');
    expect((await owner.client.post(`/api/v1/groups/${g.id}/transfer`, { userId: ben.id })).statusCode).toBe(403);
    expect((await ben.client.post(`/api/v1/groups/${g.id}/transfer`, { userId: clara.id })).json().error.message).toMatch(/^userId/);
  });

  it('archives a group read-only (still visible to members) and deletes it after the name is confirmed', async () => {
    const g = await create(owner.client, { name: 'Altes Projekt', visibility: 'private', joinPolicy: 'open' });
    await ben.client.post(`/api/v1/groups/${g.id}/members`);
    expect((await ben.client.post(`/api/v1/groups/${g.id}/archive`)).statusCode).toBe(403);
    const archived = await owner.client.post(`/api/v1/groups/${g.id}/archive`);
    expect(archived.json()).toMatchObject({ archived: true });
    expect(archived.json().abilities).toMatchObject({ update: false, post: false, invite: false, archive: true, delete: true });
    const asMember = (await ben.client.get(`/api/v1/groups/${g.id}`)).json();
    expect(asMember.abilities).toMatchObject({ readContent: true, post: false });
    expect((await owner.client.patch(`/api/v1/groups/${g.id}`, { description: 'changed' })).statusCode).toBe(403);
    expect((await clara.client.post(`/api/v1/groups/${g.id}/members`)).statusCode).toBe(403);
    expect((await owner.client.post(`/api/v1/groups/${g.id}/unarchive`)).json().archived).toBe(false);

    expect((await ben.client.request('DELETE', `/api/v1/groups/${g.id}`, { confirmName: 'Altes Projekt' })).statusCode).toBe(403);
    const wrong = await owner.client.request('DELETE', `/api/v1/groups/${g.id}`, { confirmName: 'altes projekt' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/^confirmName/);
    expect((await owner.client.request('DELETE', `/api/v1/groups/${g.id}`, { confirmName: 'Altes Projekt' })).statusCode).toBe(204);
    expect((await owner.client.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(404);
  });

  it('updates name and description (moderators too) but privacy only by owners and admins', async () => {
    const g = await create(owner.client, { name: 'Einstellungen', visibility: 'public', joinPolicy: 'open' });
    await ben.client.post(`/api/v1/groups/${g.id}/members`);
    await owner.client.patch(`/api/v1/groups/${g.id}/members/${ben.id}`, { role: 'moderator' });
    expect((await ben.client.patch(`/api/v1/groups/${g.id}`, { description: 'Neu' })).json().description).toBe('Neu');
    expect((await ben.client.patch(`/api/v1/groups/${g.id}`, { visibility: 'secret' })).statusCode).toBe(403);
    expect((await clara.client.patch(`/api/v1/groups/${g.id}`, { description: 'Hack' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/groups/${g.id}`, { visibility: 'private' })).json().visibility).toBe('private');
  });

  it('lists mine, suggested and all, searchable and paginated', async () => {
    const fresh = await createMember(t, admin, { name: 'Dora Discover' });
    for (let i = 0; i < 12; i++)
      await create(owner.client, { name: `Stammtisch ${String(i).padStart(2, '0')}`, visibility: 'public', joinPolicy: i % 2 ? 'open' : 'request' });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: G[]; nextCursor: string | null } = (
        await fresh.client.get(`/api/v1/groups?q=stammtisch&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      names.push(...page.items.map((g: G) => g.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `Stammtisch ${String(i).padStart(2, '0')}`));
    expect((await fresh.client.get('/api/v1/groups?filter=mine')).json().items).toEqual([]);
    const suggested = (await fresh.client.get('/api/v1/groups?filter=suggested&limit=100')).json().items as G[];
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.every((g) => g.membership.role === null && !g.archived)).toBe(true);
    expect((await fresh.client.get('/api/v1/groups?filter=everything')).statusCode).toBe(400);
    expect((await new Client(t.app).get('/api/v1/groups')).statusCode).toBe(401);
  });

  it('lets admins restrict who creates groups', async () => {
    expect((await ben.client.get('/api/v1/me')).json().abilities).toEqual({ viewDirectory: true, createGroups: true, administer: false, announce: false });
    expect((await ben.client.patch('/api/v1/settings/company', { groupCreation: 'admins' })).statusCode).toBe(403);
    expect((await admin.patch('/api/v1/settings/company', { groupCreation: 'admins' })).json().groupCreation).toBe('admins');
    expect((await ben.client.get('/api/v1/me')).json().abilities.createGroups).toBe(false);
    expect((await admin.get('/api/v1/me')).json().abilities).toEqual({ viewDirectory: true, createGroups: true, administer: true, announce: true });
    const refused = await ben.client.post('/api/v1/groups', { name: 'Darf ich?', visibility: 'public', joinPolicy: 'open' });
    expect(refused.statusCode).toBe(403);
    expect((await admin.post('/api/v1/groups', { name: 'Admin-Gruppe', visibility: 'public', joinPolicy: 'open' })).statusCode).toBe(201);
    await admin.patch('/api/v1/settings/company', { groupCreation: 'everyone' });
  });

  it('answers every group endpoint with 401 without a session, and 404 for a secret group one may not see', async () => {
    const secret = await create(owner.client, { name: 'Verschlossen', visibility: 'secret', joinPolicy: 'invite' });
    const anon = new Client(t.app);
    const routes: Array<[string, string, Record<string, unknown>?]> = [
      ['GET', '/api/v1/groups/ID'],
      ['PATCH', '/api/v1/groups/ID', { description: 'x' }],
      ['DELETE', '/api/v1/groups/ID', { confirmName: 'Verschlossen' }],
      ['POST', '/api/v1/groups/ID/archive'],
      ['POST', '/api/v1/groups/ID/unarchive'],
      ['DELETE', '/api/v1/groups/ID/cover'],
      ['GET', '/api/v1/groups/ID/members'],
      ['POST', '/api/v1/groups/ID/members'],
      ['DELETE', `/api/v1/groups/ID/members/${owner.id}`],
      ['PATCH', `/api/v1/groups/ID/members/${owner.id}`, { role: 'member' }],
      ['POST', '/api/v1/groups/ID/transfer', { userId: clara.id }],
      ['GET', '/api/v1/groups/ID/requests'],
      ['POST', '/api/v1/groups/ID/requests', {}],
      ['DELETE', '/api/v1/groups/ID/requests/mine'],
      ['POST', '/api/v1/groups/ID/invitations', { userIds: [clara.id] }],
      ['POST', '/api/v1/groups/ID/guests', { email: 'x@extern.test' }],
    ];
    for (const [method, path, body] of routes) {
      const url = path.replace('ID', secret.id);
      const unauth = await anon.request(method as 'GET', url, body);
      expect(unauth.statusCode, `${method} ${path} without session`).toBe(401);
      const hidden = await clara.client.request(method as 'GET', url, body);
      expect(hidden.statusCode, `${method} ${path} by a non-member`).toBe(404);
      expect(codeOf(hidden)).toBe('not_found');
    }
    // The secret group is untouched.
    expect((await owner.client.get(`/api/v1/groups/${secret.id}`)).json()).toMatchObject({ name: 'Verschlossen', archived: false, memberCount: 1 });
  });

  describe('guests', () => {
    it('invites a guest by e-mail only when the admin allows it; the guest sees only their group and its members', async () => {
      const g = await create(owner.client, { name: 'Kundenprojekt Nord', visibility: 'private', joinPolicy: 'invite' });
      const other = await create(owner.client, { name: 'Interne Runde', visibility: 'public', joinPolicy: 'open' });
      await ben.client.post(`/api/v1/groups/${g.id}/members`).catch(() => undefined);
      await owner.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id] });
      const benInv = (await ben.client.get('/api/v1/me/group-invitations')).json().items.find((i: { group: { id: string } }) => i.group.id === g.id);
      await ben.client.post(`/api/v1/group-invitations/${benInv.id}/accept`);

      const notAllowed = await owner.client.post(`/api/v1/groups/${g.id}/guests`, { email: 'kunde@extern.test' });
      expect(notAllowed.statusCode).toBe(403);
      expect((await owner.client.get(`/api/v1/groups/${g.id}`)).json().abilities.inviteGuests).toBe(false);
      await admin.patch('/api/v1/settings/company', { guestsAllowed: true });
      expect((await owner.client.get(`/api/v1/groups/${g.id}`)).json().abilities.inviteGuests).toBe(true);
      expect((await ben.client.post(`/api/v1/groups/${g.id}/guests`, { email: 'kunde@extern.test' })).statusCode).toBe(403);
      expect(codeOf(await owner.client.post(`/api/v1/groups/${g.id}/guests`, { email: 'anna@acme.test' }))).toBe('email_taken');

      const before = smtp.mails.length;
      const sent = await owner.client.post(`/api/v1/groups/${g.id}/guests`, { email: 'kunde@extern.test', locale: 'de' });
      expect(sent.statusCode).toBe(200);
      expect(sent.json().invitation).toMatchObject({ email: 'kunde@extern.test', role: 'guest', groupId: g.id });
      await t.drain();
      const mail = smtp.mails.slice(before)[0];
      expect(mail?.subject).toContain('Kundenprojekt Nord');
      expect(mail?.text).toContain('Gast');
      const token = /\/invite\/([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';

      const guest = new Client(t.app);
      expect((await guest.get(`/api/v1/invitations/preview?token=${token}`)).json()).toMatchObject({ groupName: 'Kundenprojekt Nord', role: 'guest' });
      const acc = await guest.post('/api/v1/invitations/accept', { token, name: 'Karl Kunde', password: PASSWORD });
      expect(acc.statusCode).toBe(201);
      expect(acc.json().user.role).toBe('guest');
      expect((await guest.get('/api/v1/me')).json().abilities).toEqual({ viewDirectory: false, createGroups: false, administer: false, announce: false });

      // The guest sees their group and its members …
      const theirs = (await guest.get('/api/v1/groups')).json().items as G[];
      expect(theirs.map((x) => x.name)).toEqual(['Kundenprojekt Nord']);
      const members = (await guest.get(`/api/v1/groups/${g.id}/members`)).json().items as Array<{ user: { id: string; role: string } }>;
      expect(members.map((m) => m.user.id)).toEqual(expect.arrayContaining([owner.id, ben.id]));
      expect((await guest.get(`/api/v1/users/${ben.id}`)).statusCode).toBe(200);
      // … and nothing else: no other group (not even public), no directory, no one outside the group.
      expect((await guest.get(`/api/v1/groups/${other.id}`)).statusCode).toBe(404);
      expect((await guest.get('/api/v1/users')).statusCode).toBe(403);
      expect((await guest.get(`/api/v1/users/${clara.id}`)).statusCode).toBe(404);
      expect((await guest.post('/api/v1/groups', { name: 'Guest group', visibility: 'public', joinPolicy: 'open' })).statusCode).toBe(403);

      // Everyone else sees the group carries guests, and the guest marked as such.
      const seen = (await ben.client.get(`/api/v1/groups/${g.id}`)).json();
      expect(seen.hasGuests).toBe(true);
      const memberList = (await ben.client.get(`/api/v1/groups/${g.id}/members`)).json().items as Array<{ user: { name: string; role: string } }>;
      expect(memberList.find((m) => m.user.name === 'Karl Kunde')?.user.role).toBe('guest');
      // Guests are not in the company directory.
      expect((await ben.client.get('/api/v1/users?q=karl')).json().items).toEqual([]);
    });
  });
});

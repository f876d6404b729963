import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, codeOf, createMember, createTestApp, setupAdmin, type TestApp } from '../../../test/harness.js';

type Person = { client: Client; id: string };

describe('feed moderation: reports, followers, confirmation export', () => {
  let t: TestApp;
  let admin: Person;
  let anna: Person;
  let ben: Person;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    anna = await createMember(t, admin.client, { name: 'Anna Meldung' });
    ben = await createMember(t, admin.client, { name: '=Ben Formel' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets readers report a post to the admins, who hide or keep it', async () => {
    const p = (await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Fragwürdig' })).json();
    expect((await anna.client.post(`/api/v1/posts/${p.id}/reports`, { reason: 'selbst' })).statusCode).toBe(403);
    expect(codeOf(await ben.client.post(`/api/v1/posts/${p.id}/reports`, { reason: ' ' }))).toBe('validation_failed');
    const first = await ben.client.post(`/api/v1/posts/${p.id}/reports`, { reason: 'Beleidigend' });
    expect(first.statusCode).toBe(201);
    const again = await ben.client.post(`/api/v1/posts/${p.id}/reports`, { reason: 'Beleidigend!' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    expect((await ben.client.get('/api/v1/admin/reports')).statusCode).toBe(403);
    const list = (await admin.client.get('/api/v1/admin/reports')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ reason: 'Beleidigend', status: 'open', reporter: { id: ben.id }, post: { id: p.id, body: 'Fragwürdig' } });

    expect((await admin.client.post(`/api/v1/admin/reports/${list[0].id}/resolve`, { action: 'hide' })).statusCode).toBe(204);
    expect((await ben.client.get(`/api/v1/posts/${p.id}`)).statusCode).toBe(404);
    expect(codeOf(await admin.client.post(`/api/v1/admin/reports/${list[0].id}/resolve`, { action: 'keep' }))).toBe('conflict');
    expect((await admin.client.get('/api/v1/admin/reports?status=hidden')).json().items.map((r: { id: string }) => r.id)).toEqual([list[0].id]);
  });

  it('suggests for @mentions only people who will be able to read the post', async () => {
    const g = (await anna.client.post('/api/v1/groups', { name: 'Klein und privat', visibility: 'private', joinPolicy: 'invite' })).json();
    const open = (await anna.client.get('/api/v1/mentions?q=ben')).json().items.map((u: { id: string }) => u.id);
    expect(open).toEqual([ben.id]);
    expect((await anna.client.get(`/api/v1/mentions?q=ben&groupId=${g.id}`)).json().items).toEqual([]);
    await anna.client.post(`/api/v1/groups/${g.id}/invitations`, { userIds: [ben.id] });
    const inv = (await ben.client.get('/api/v1/me/group-invitations')).json().items[0];
    await ben.client.post(`/api/v1/group-invitations/${inv.id}/accept`);
    expect((await anna.client.get(`/api/v1/mentions?q=ben&groupId=${g.id}`)).json().items.map((u: { id: string }) => u.id)).toEqual([ben.id]);
    // Not my group: nothing to learn.
    const other = (await admin.client.post('/api/v1/groups', { name: 'Fremd', visibility: 'secret', joinPolicy: 'invite' })).json();
    expect((await anna.client.get(`/api/v1/mentions?q=a&groupId=${other.id}`)).statusCode).toBe(404);
  });

  it('suggests #hashtags by use, only from posts the person can read', async () => {
    await anna.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: '#Sommerfest und #sommer' });
    await ben.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body: 'Auch #sommerfest' });
    const secret = (await admin.client.post('/api/v1/groups', { name: 'Geheimtags', visibility: 'secret', joinPolicy: 'invite' })).json();
    await admin.client.post('/api/v1/posts', { audience: { kind: 'group', groupId: secret.id }, body: '#sommergeheimnis' });
    expect((await ben.client.get('/api/v1/hashtags?q=%23Som')).json().items).toEqual([
      { tag: 'sommerfest', count: 2 },
      { tag: 'sommer', count: 1 },
    ]);
    expect((await admin.client.get('/api/v1/hashtags?q=sommerg')).json().items).toEqual([{ tag: 'sommergeheimnis', count: 1 }]);
  });

  it('lets the admins name a communications team that may post company-wide announcements', async () => {
    const body = { audience: { kind: 'company' }, body: 'Pressemitteilung' };
    expect((await anna.client.post('/api/v1/posts', body)).statusCode).toBe(403);
    expect((await anna.client.get('/api/v1/me')).json().abilities.announce).toBe(false);
    expect((await anna.client.put('/api/v1/admin/announcers', { userIds: [anna.id] })).statusCode).toBe(403);
    expect(codeOf(await admin.client.put('/api/v1/admin/announcers', { userIds: ['nobody'] }))).toBe('validation_failed');
    const set = await admin.client.put('/api/v1/admin/announcers', { userIds: [anna.id] });
    expect(set.json().items.map((u: { id: string }) => u.id)).toEqual([anna.id]);
    expect((await anna.client.get('/api/v1/me')).json().abilities.announce).toBe(true);
    expect((await anna.client.post('/api/v1/posts', body)).statusCode).toBe(201);
    await admin.client.put('/api/v1/admin/announcers', { userIds: [] });
    expect((await anna.client.post('/api/v1/posts', body)).statusCode).toBe(403);
    expect((await admin.client.get('/api/v1/me')).json().abilities.announce).toBe(true);
  });

  it('shows who follows a person', async () => {
    await ben.client.put(`/api/v1/users/${anna.id}/follow`);
    const f = (await admin.client.get(`/api/v1/users/${anna.id}/followers`)).json();
    expect(f).toMatchObject({ count: 1, following: false, items: [{ id: ben.id }] });
    expect((await ben.client.get(`/api/v1/users/${anna.id}/followers`)).json().following).toBe(true);
    expect((await ben.client.put(`/api/v1/users/${ben.id}/follow`)).statusCode).toBe(404);
  });

  it('exports an announcement’s confirmations as CSV, safe for spreadsheets', async () => {
    const a = (
      await admin.client.post('/api/v1/posts', { audience: { kind: 'company' }, body: 'Bitte lesen', announcement: { requiresConfirmation: true } })
    ).json();
    await ben.client.post(`/api/v1/posts/${a.id}/confirmations`);
    expect((await ben.client.get(`/api/v1/posts/${a.id}/confirmations.csv`)).statusCode).toBe(403);
    const csv = await admin.client.get(`/api/v1/posts/${a.id}/confirmations.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment;/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('name,confirmed_at');
    expect(lines).toContain(`"'=Ben Formel",${lines.find((l) => l.startsWith(`"'=Ben`))?.split(',')[1]}`);
    expect(lines.find((l) => l.startsWith(`"'=Ben`))?.split(',')[1]).toMatch(/^"\d{4}-/);
    expect(lines).toContain('"Anna Meldung",');
  });
});

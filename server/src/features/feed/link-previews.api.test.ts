import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, PUBLIC_URL, setupAdmin, type TestApp } from '../../../test/harness.js';
import { LINK_PREVIEW_JOB } from './link-preview.js';

type Person = { client: Client; id: string };

describe('link previews', () => {
  let t: TestApp;
  let admin: Person;
  let ben: Person;
  let server: http.Server;
  let base: string;
  let port: number;
  const seen: string[] = [];

  beforeAll(async () => {
    // A local server stands in for an intranet wiki.
    server = http.createServer((req, res) => {
      seen.push(req.url ?? '/');
      if (req.url === '/broken') {
        res.writeHead(500, { 'content-type': 'text/html' });
        return void res.end('<title>Oops</title>');
      }
      const name = (req.url ?? '').replace(/\W/g, ' ').trim() || 'Start';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<html><head><title>Seite ${name}</title><meta property="og:description" content="&Uuml;ber ${name}"><meta property="og:image" content="https://cdn.example.com/${name}.png"></head></html>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp();
    const a = await setupAdmin(t);
    admin = { client: a.client, id: a.id };
    ben = await createMember(t, admin.client, { name: 'Ben Link' });
  });
  afterAll(async () => {
    await t?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (p: Person, body: string) => p.client.post('/api/v1/posts', { audience: { kind: 'profile' }, body });
  const getPost = async (id: string) => (await ben.client.get(`/api/v1/posts/${id}`)).json();
  const jobs = () => t.ctx.db.db.selectFrom('jobs').selectAll().where('kind', '=', LINK_PREVIEW_JOB).execute();

  it('has an admin setting: previews on by default, an allow-list of intranet hosts only admins see', async () => {
    const anon = (await new Client(t.app).get('/api/v1/settings/company')).json();
    expect(anon.linkPreviews).toBe(true);
    expect(anon).not.toHaveProperty('linkPreviewAllowHosts');
    expect((await ben.client.get('/api/v1/settings/company')).json()).not.toHaveProperty('linkPreviewAllowHosts');
    expect((await admin.client.get('/api/v1/settings/company')).json().linkPreviewAllowHosts).toEqual([]);

    expect(codeOf(await ben.client.patch('/api/v1/settings/company', { linkPreviewAllowHosts: ['127.0.0.1'] }))).toBe('forbidden');
    for (const bad of ['http://wiki.intern', 'wiki:8080', '*.intern.example', 'wiki/path', ' ']) {
      const res = await admin.client.patch('/api/v1/settings/company', { linkPreviewAllowHosts: ['ok.example', bad] });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details.fields[0].field, bad).toBe('linkPreviewAllowHosts.1');
    }
    const res = await admin.client.patch('/api/v1/settings/company', { linkPreviewAllowHosts: ['127.0.0.1', 'Wiki.Intern.Example.', 'wiki.intern.example'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().linkPreviewAllowHosts).toEqual(['127.0.0.1', 'wiki.intern.example']);
  });

  it('fetches the first link’s card after the post is stored and tells readers with post.updated', async () => {
    const before = seen.length;
    const res = await post(ben, `Lest mal **${base}/urlaub**, und danach ${base}/zweite.`);
    expect(res.statusCode, res.body).toBe(201);
    // The post did not wait for the network.
    expect(res.json().linkPreview).toBeNull();
    expect(seen.length).toBe(before);
    const id = res.json().id as string;

    await t.drain();
    expect(seen.slice(before)).toEqual(['/urlaub']);
    const p = await getPost(id);
    expect(p.linkPreview).toEqual({
      url: `${base}/urlaub`,
      title: 'Seite urlaub',
      description: 'Über urlaub',
      siteName: '127.0.0.1',
      // The image is on a host outside the allow-list: not shown.
      imageUrl: null,
    });
    const timeline = (await admin.client.get(`/api/v1/users/${ben.id}/posts`)).json();
    expect(timeline.items.find((x: { id: string }) => x.id === id).linkPreview.title).toBe('Seite urlaub');
    const events = await t.ctx.db.db.selectFrom('outbox_events').selectAll().where('subject_id', '=', id).where('type', '=', 'post.updated').execute();
    expect(events).toHaveLength(1);

    // Deleting the post deletes its card too.
    expect((await ben.client.delete(`/api/v1/posts/${id}`)).statusCode).toBe(204);
    const row = await t.ctx.db.db.selectFrom('posts').select('link_preview').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.link_preview).toBeNull();
  });

  it('leaves the post intact when the preview fails (error page, refused address)', async () => {
    for (const url of [`${base}/broken`, `http://localhost:${port}/refused`, 'http://10.255.255.1/unreachable', 'https://nowhere.invalid/']) {
      const before = seen.length;
      const res = await post(ben, `Siehe ${url}`);
      expect(res.statusCode, res.body).toBe(201);
      await t.drain();
      const p = await getPost(res.json().id);
      expect(p).toMatchObject({ body: `Siehe ${url}`, linkPreview: null, deletedAt: null });
      // localhost and the private address are refused before connecting.
      if (!url.startsWith(base)) expect(seen.length).toBe(before);
    }
    for (const job of await jobs()) {
      expect(job.done_at, job.payload).not.toBeNull();
      expect(job.failed_at).toBeNull();
    }
  });

  it('fetches again when an edit changes the link, and drops the card when the link goes', async () => {
    const id = (await post(ben, `Alt: ${base}/alt`)).json().id as string;
    await t.drain();
    expect((await getPost(id)).linkPreview.title).toBe('Seite alt');

    const queued = (await jobs()).length;
    await ben.client.patch(`/api/v1/posts/${id}`, { body: `Alt: ${base}/alt (mit mehr Text)` });
    expect((await jobs()).length).toBe(queued);
    expect((await getPost(id)).linkPreview.title).toBe('Seite alt');

    const edited = await ben.client.patch(`/api/v1/posts/${id}`, { body: `Neu: ${base}/neu` });
    expect(edited.json().linkPreview).toBeNull();
    await t.drain();
    expect((await getPost(id)).linkPreview.title).toBe('Seite neu');

    expect((await ben.client.patch(`/api/v1/posts/${id}`, { body: 'Ohne Link' })).json().linkPreview).toBeNull();
    await t.drain();
    expect((await getPost(id)).linkPreview).toBeNull();
  });

  it('never fetches Innenhof’s own links (a link to a post is shown plainly)', async () => {
    const target = (await post(ben, 'Ziel')).json().id as string;
    const before = { seen: seen.length, jobs: (await jobs()).length };
    const res = await post(ben, `Siehe ${PUBLIC_URL}/posts/${target}`);
    await t.drain();
    expect((await getPost(res.json().id)).linkPreview).toBeNull();
    expect((await jobs()).length).toBe(before.jobs);
    expect(seen.length).toBe(before.seen);
    // The first link outside Innenhof gets the card.
    const mixed = (await post(ben, `${PUBLIC_URL}/posts/${target} und ${base}/extern`)).json().id as string;
    await t.drain();
    expect((await getPost(mixed)).linkPreview.title).toBe('Seite extern');
  });

  it('fetches nothing while the admin has switched previews off', async () => {
    await admin.client.patch('/api/v1/settings/company', { linkPreviews: false });
    const before = seen.length;
    const id = (await post(ben, `Aus: ${base}/aus`)).json().id as string;
    await t.drain();
    expect((await getPost(id)).linkPreview).toBeNull();
    expect((await ben.client.post('/api/v1/link-preview', { url: `${base}/aus` })).statusCode).toBe(204);
    expect(seen.length).toBe(before);
    await admin.client.patch('/api/v1/settings/company', { linkPreviews: true });
  });

  it('gives the composer a live card: logged-in only, http(s) only, 204 when there is none, 20 a minute', async () => {
    expect(codeOf(await new Client(t.app).post('/api/v1/link-preview', { url: `${base}/x` }))).toBe('unauthenticated');
    for (const body of [
      {},
      { url: '' },
      { url: 'not a url' },
      { url: 'ftp://files.example/x' },
      { url: 'javascript:alert(1)' },
      { url: `${base}/${'x'.repeat(2100)}` },
    ]) {
      const res = await ben.client.post('/api/v1/link-preview', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0].field).toMatch(/^\/?url$/);
    }
    const ok = await ben.client.post('/api/v1/link-preview', { url: `${base}/karte` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ url: `${base}/karte`, title: 'Seite karte', description: 'Über karte', siteName: '127.0.0.1', imageUrl: null });
    expect((await ben.client.post('/api/v1/link-preview', { url: `${PUBLIC_URL}/posts/x` })).statusCode).toBe(204);
    expect((await ben.client.post('/api/v1/link-preview', { url: `http://localhost:${port}/refused` })).statusCode).toBe(204);

    const clara = await createMember(t, admin.client, { name: 'Clara Limit' });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await clara.client.post('/api/v1/link-preview', { url: `${PUBLIC_URL}/posts/${i}` })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 204)).toBe(true);
    expect(codes[20]).toBe(429);
    // Per person: someone else is not limited.
    expect((await admin.client.post('/api/v1/link-preview', { url: `${PUBLIC_URL}/posts/y` })).statusCode).toBe(204);
  });
});

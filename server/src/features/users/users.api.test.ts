import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createMember, createTestApp, multipartBody, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { insertPeople } from '../../../test/people.js';

interface Summary {
  id: string;
  name: string;
  status: string;
  role: string;
  department: string | null;
  location: string | null;
  avatar: { small: string; large: string } | null;
}
interface OrgNode extends Summary {
  managerId: string | null;
  reportCount: number;
}

/** 400 validation_failed whose message starts with the field and whose first detail names it. */
function expectFieldError(res: LightMyRequestResponse, field: string): void {
  expect(res.statusCode, res.body).toBe(400);
  const error = res.json().error;
  expect(error.code).toBe('validation_failed');
  expect(error.message.startsWith(field)).toBe(true);
  expect(error.details.fields[0].field).toBe(field);
}

function expectCode(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(codeOf(res)).toBe(code);
}

/** A colleague who is logged in (created through the repository factory: one password check, no hashing). */
async function signedIn(t: TestApp, name: string): Promise<{ client: Client; id: string; email: string }> {
  const [person] = await insertPeople(t, [{ name }]);
  const client = new Client(t.app);
  await client.login(person!.email, PASSWORD);
  return { client, id: person!.id, email: person!.email };
}

const names = (res: LightMyRequestResponse): string[] => (res.json().items as Summary[]).map((u) => u.name);

async function png(width: number, height: number, background = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
}

/** Random pixels, stored uncompressed: a valid PNG of roughly width × height × 3 bytes. */
async function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

describe('people: profiles, permissions, accounts, images', () => {
  let t: TestApp;
  let admin: { client: Client; id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await setupAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 unauthenticated on every people endpoint without a session', async () => {
    const anon = new Client(t.app);
    const id = admin.id;
    const image = multipartBody({ data: await png(10, 10), filename: 'a.png', contentType: 'image/png' });
    const upload = { payload: image.payload, headers: { 'content-type': image.contentType } };
    const calls: Array<[string, () => Promise<LightMyRequestResponse>]> = [
      ['list', () => anon.get('/api/v1/users')],
      ['facets', () => anon.get('/api/v1/users/facets')],
      ['org chart', () => anon.get('/api/v1/org-chart')],
      ['create', () => anon.post('/api/v1/users', { name: 'Eve', email: 'eve@acme.test', password: PASSWORD })],
      ['get', () => anon.get(`/api/v1/users/${id}`)],
      ['update', () => anon.patch(`/api/v1/users/${id}`, { name: 'Hacked' })],
      ['deactivate', () => anon.post(`/api/v1/users/${id}/deactivate`)],
      ['reactivate', () => anon.post(`/api/v1/users/${id}/reactivate`)],
      ['set avatar', () => anon.put(`/api/v1/users/${id}/avatar`, undefined, upload)],
      ['remove avatar', () => anon.delete(`/api/v1/users/${id}/avatar`)],
      ['set cover', () => anon.put(`/api/v1/users/${id}/cover`, undefined, upload)],
      ['remove cover', () => anon.delete(`/api/v1/users/${id}/cover`)],
      ['initials', () => anon.get(`/api/v1/users/${id}/initials.svg`)],
    ];
    for (const [what, call] of calls) {
      const res = await call();
      expect([what, res.statusCode, codeOf(res)]).toEqual([what, 401, 'unauthenticated']);
    }
    // Nothing was changed by the refused calls.
    expect((await admin.client.get(`/api/v1/users/${id}`)).json()).toMatchObject({ name: 'Anna Admin', status: 'active' });
  });

  it('lets a member edit every field of their own profile, including skills and manager', async () => {
    const ben = await signedIn(t, 'Ben Berger');
    const res = await ben.client.patch(`/api/v1/users/${ben.id}`, {
      name: '  Benjamin Berger ',
      jobTitle: 'Lagerist',
      department: 'Logistik',
      location: 'Hamburg',
      phone: '+49 (40) 123-45/6',
      about: 'Frag mich nach Staplern.',
      skills: [' Gabelstapler ', 'SAP', 'sap', 'Erste Hilfe'],
      managerId: admin.id,
      locale: 'en',
      theme: 'dark',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: ben.id,
      name: 'Benjamin Berger',
      jobTitle: 'Lagerist',
      department: 'Logistik',
      location: 'Hamburg',
      phone: '+49 (40) 123-45/6',
      about: 'Frag mich nach Staplern.',
      skills: ['Gabelstapler', 'SAP', 'Erste Hilfe'],
      manager: { id: admin.id, name: 'Anna Admin' },
      abilities: { update: true, updateRole: false, deactivate: false },
    });

    // Stored, not just echoed: the profile, the manager's reports and the personal preferences.
    expect((await admin.client.get(`/api/v1/users/${ben.id}`)).json()).toMatchObject({
      name: 'Benjamin Berger',
      skills: ['Gabelstapler', 'SAP', 'Erste Hilfe'],
    });
    const managerProfile = (await ben.client.get(`/api/v1/users/${admin.id}`)).json();
    expect(managerProfile.reports.map((r: Summary) => r.name)).toContain('Benjamin Berger');
    const me = (await ben.client.get('/api/v1/me')).json();
    expect(me).toMatchObject({ locale: 'en', theme: 'dark', user: { name: 'Benjamin Berger' } });

    // Blank optional fields are cleared, not stored as empty strings; managerId null removes the manager.
    const cleared = await ben.client.patch(`/api/v1/users/${ben.id}`, { jobTitle: '   ', phone: '', skills: [], managerId: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ jobTitle: null, phone: null, skills: [], manager: null, department: 'Logistik' });
  });

  it('rejects bad profile input with 400 naming the field, and keeps the profile', async () => {
    const clara = await signedIn(t, 'Clara Clausen');
    const url = `/api/v1/users/${clara.id}`;
    expectFieldError(await clara.client.patch(url, { phone: '0800-CALL-NOW' }), 'phone');
    expectFieldError(await clara.client.patch(url, { name: '' }), 'name');
    expectFieldError(await clara.client.patch(url, { name: '   ' }), 'name');
    expectFieldError(await admin.client.patch(url, { role: 'owner' }), 'role');
    expectFieldError(await clara.client.patch(url, { skills: Array.from({ length: 21 }, (_, i) => `Skill ${i}`) }), 'skills');
    expectFieldError(await clara.client.patch(url, { skills: ['x'.repeat(41)] }), 'skills.0');
    expectFieldError(await clara.client.patch(url, { about: 'x'.repeat(2001) }), 'about');
    expectFieldError(await clara.client.patch(url, { theme: 'neon' }), 'theme');
    expectFieldError(await clara.client.patch(url, { managerId: 'no-such-person' }), 'managerId');
    expectFieldError(await clara.client.patch(url, { managerId: clara.id }), 'managerId');
    const profile = (await clara.client.get(url)).json();
    expect(profile).toMatchObject({ name: 'Clara Clausen', phone: null, skills: [], manager: null, role: 'member' });
  });

  it('refuses a manager that would make a loop in the org chart, naming managerId', async () => {
    const boss = await signedIn(t, 'Doris Boss');
    const [mid, low] = await insertPeople(t, [{ name: 'Emil Mitte', managerId: boss.id }, { name: 'Frieda Unten' }]);
    // Frieda reports to Emil, Emil to Doris: Doris may not report to Frieda.
    expect((await admin.client.patch(`/api/v1/users/${low!.id}`, { managerId: mid!.id })).statusCode).toBe(200);
    const loop = await boss.client.patch(`/api/v1/users/${boss.id}`, { managerId: low!.id });
    expectFieldError(loop, 'managerId');
    expect(loop.json().error.message).toMatch(/loop/);
    expect((await boss.client.get(`/api/v1/users/${boss.id}`)).json().manager).toBeNull();
    // A deactivated colleague cannot become anyone's manager.
    const [gone] = await insertPeople(t, [{ name: 'Gerd Weg', status: 'deactivated' }]);
    expectFieldError(await admin.client.patch(`/api/v1/users/${low!.id}`, { managerId: gone!.id }), 'managerId');
  });

  it("forbids a member to edit someone else's profile or role, and an admin to change their own role", async () => {
    const ida = await signedIn(t, 'Ida Ideal');
    const jan = await signedIn(t, 'Jan Jansen');

    expectCode(await ida.client.patch(`/api/v1/users/${jan.id}`, { jobTitle: 'Praktikant' }), 403, 'forbidden');
    expectCode(await ida.client.patch(`/api/v1/users/${ida.id}`, { role: 'admin' }), 403, 'forbidden');
    expectCode(await ida.client.patch(`/api/v1/users/${admin.id}`, { role: 'member' }), 403, 'forbidden');
    expectCode(await admin.client.patch(`/api/v1/users/${admin.id}`, { role: 'member' }), 403, 'forbidden');
    // Preferences are personal: even an admin does not set them for someone else.
    expectCode(await admin.client.patch(`/api/v1/users/${jan.id}`, { locale: 'en' }), 403, 'forbidden');

    expect((await ida.client.get('/api/v1/me')).json().user.role).toBe('member');
    expect((await admin.client.get('/api/v1/me')).json().user.role).toBe('admin');
    expect((await ida.client.get(`/api/v1/users/${jan.id}`)).json().jobTitle).toBeNull();

    // Sending one's unchanged role along with other fields is fine (a form posts every field).
    const same = await ida.client.patch(`/api/v1/users/${ida.id}`, { role: 'member', jobTitle: 'Buchhalterin' });
    expect(same.statusCode, same.body).toBe(200);
  });

  it("lets an admin edit anyone's profile and change another person's role", async () => {
    const kai = await signedIn(t, 'Kai Krause');
    const edited = await admin.client.patch(`/api/v1/users/${kai.id}`, { jobTitle: 'Teamleiter', department: 'IT', role: 'admin' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ jobTitle: 'Teamleiter', department: 'IT', role: 'admin' });

    // Kai's running session has the new rights at once.
    expect((await kai.client.get('/api/v1/me')).json().user.role).toBe('admin');
    expect((await kai.client.get('/api/v1/users?status=all')).statusCode).toBe(200);

    // … and may now change other people's roles, and demote them again.
    const lotte = await signedIn(t, 'Lotte Lang');
    expect((await kai.client.patch(`/api/v1/users/${lotte.id}`, { role: 'admin' })).json().role).toBe('admin');
    expect((await lotte.client.get('/api/v1/me')).json().user.role).toBe('admin');
    expect((await kai.client.patch(`/api/v1/users/${lotte.id}`, { role: 'member' })).json().role).toBe('member');
    expectCode(await lotte.client.get('/api/v1/users?status=all'), 403, 'forbidden');
  });

  it('sends abilities that match the rules, for each viewer and target', async () => {
    const lea = await signedIn(t, 'Lea Lustig');
    const max = await signedIn(t, 'Max Mustermann');
    const abilitiesOf = async (viewer: Client, id: string) => (await viewer.get(`/api/v1/users/${id}`)).json().abilities;

    expect(await abilitiesOf(lea.client, lea.id)).toEqual({ update: true, updateRole: false, deactivate: false });
    expect(await abilitiesOf(lea.client, max.id)).toEqual({ update: false, updateRole: false, deactivate: false });
    expect(await abilitiesOf(lea.client, admin.id)).toEqual({ update: false, updateRole: false, deactivate: false });
    expect(await abilitiesOf(admin.client, max.id)).toEqual({ update: true, updateRole: true, deactivate: true });
    expect(await abilitiesOf(admin.client, admin.id)).toEqual({ update: true, updateRole: false, deactivate: false });
    expect((await lea.client.get('/api/v1/me')).json().user.abilities).toEqual({ update: true, updateRole: false, deactivate: false });
  });

  it('answers 404 for unknown people, and for deactivated people seen by members', async () => {
    const nina = await signedIn(t, 'Nina Neu');
    const [gone] = await insertPeople(t, [{ name: 'Otto Ehemalig', status: 'deactivated' }]);
    for (const viewer of [nina.client, admin.client]) {
      expectCode(await viewer.get('/api/v1/users/does-not-exist'), 404, 'not_found');
      expectCode(await viewer.patch('/api/v1/users/does-not-exist', { name: 'X' }), 404, 'not_found');
      expectCode(await viewer.get('/api/v1/users/does-not-exist/initials.svg'), 404, 'not_found');
      expectCode(await viewer.get('/api/v1/org-chart?managerId=does-not-exist'), 404, 'not_found');
    }
    expectCode(await nina.client.get(`/api/v1/users/${gone!.id}`), 404, 'not_found');
    expectCode(await nina.client.get(`/api/v1/users/${gone!.id}/initials.svg`), 404, 'not_found');
    expectCode(await nina.client.patch(`/api/v1/users/${gone!.id}`, { name: 'X' }), 404, 'not_found');
    expectCode(await nina.client.post(`/api/v1/users/${gone!.id}/reactivate`), 404, 'not_found');
    // The admin still sees them (to reactivate them).
    const seen = await admin.client.get(`/api/v1/users/${gone!.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ name: 'Otto Ehemalig', status: 'deactivated', abilities: { deactivate: true } });
  });

  it('lets only admins create accounts; e-mail addresses are unique', async () => {
    const paul = await signedIn(t, 'Paul Probe');
    expectCode(await paul.client.post('/api/v1/users', { name: 'Quentin', email: 'quentin@acme.test', password: PASSWORD }), 403, 'forbidden');

    const created = await admin.client.post('/api/v1/users', { name: 'Quentin Quast', email: 'Quentin@ACME.test', password: PASSWORD });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Quentin Quast', email: 'quentin@acme.test', role: 'member', status: 'active' });
    await new Client(t.app).login('quentin@acme.test', PASSWORD);

    const dup = await admin.client.post('/api/v1/users', { name: 'Quentin Zwei', email: 'QUENTIN@acme.test', password: PASSWORD });
    expectCode(dup, 409, 'email_taken');
    expect(dup.json().error.details.fields[0].field).toBe('email');
    expectCode(await admin.client.post('/api/v1/users', { name: 'Setup Twin', email: admin.email, password: PASSWORD }), 409, 'email_taken');

    expectFieldError(await admin.client.post('/api/v1/users', { name: 'R', email: 'not-an-address', password: PASSWORD }), 'email');
    expectFieldError(await admin.client.post('/api/v1/users', { name: 'R', email: 'r@acme.test', password: 'short' }), 'password');
    expectFieldError(await admin.client.post('/api/v1/users', { name: 'R', email: 'r@acme.test', password: PASSWORD, role: 'superuser' }), 'role');
    expectFieldError(await admin.client.post('/api/v1/users', { email: 'r@acme.test', password: PASSWORD }), 'name');
    const list = await admin.client.get('/api/v1/users?q=quentin');
    expect(names(list)).toEqual(['Quentin Quast']);
  });

  it('deactivation ends sessions at once, blocks login, hides the person; reactivation restores access', async () => {
    const rita = await signedIn(t, 'Rita Raus');
    const sven = await signedIn(t, 'Sven Sieht');

    expectCode(await sven.client.post(`/api/v1/users/${rita.id}/deactivate`), 403, 'forbidden');
    expectCode(await admin.client.post(`/api/v1/users/${admin.id}/deactivate`), 403, 'forbidden');
    expect((await rita.client.get('/api/v1/me')).statusCode).toBe(200);

    const off = await admin.client.post(`/api/v1/users/${rita.id}/deactivate`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ status: 'deactivated' });

    expectCode(await rita.client.get('/api/v1/me'), 401, 'unauthenticated');
    expectCode(await rita.client.patch(`/api/v1/users/${rita.id}`, { about: 'still here?' }), 401, 'unauthenticated');
    expectCode(await new Client(t.app).post('/api/v1/auth/login', { email: rita.email, password: PASSWORD }), 403, 'account_deactivated');
    expectCode(await new Client(t.app).post('/api/v1/auth/login', { email: rita.email, password: 'wrong password!' }), 401, 'invalid_credentials');

    expect(names(await sven.client.get('/api/v1/users?q=rita'))).toEqual([]);
    expect(names(await sven.client.get('/api/v1/users?limit=100'))).not.toContain('Rita Raus');
    expect(names(await admin.client.get('/api/v1/users?status=deactivated&q=rita'))).toEqual(['Rita Raus']);

    const on = await admin.client.post(`/api/v1/users/${rita.id}/reactivate`);
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ status: 'active' });
    const again = new Client(t.app);
    await again.login(rita.email, PASSWORD);
    expect((await again.get('/api/v1/me')).json().user.name).toBe('Rita Raus');
    expect(names(await sven.client.get('/api/v1/users?q=rita'))).toEqual(['Rita Raus']);
  });

  it('serves an initials avatar as SVG', async () => {
    const [uwe] = await insertPeople(t, [{ name: 'uwe von Ölbach' }]);
    const res = await admin.client.get(`/api/v1/users/${uwe!.id}/initials.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg /);
    expect(res.body).toMatch(/>UV<\/text>/);
    // Names are data, never markup.
    const [evil] = await insertPeople(t, [{ name: 'xaver <script>alert(1)</script>' }]);
    const svg = (await admin.client.get(`/api/v1/users/${evil!.id}/initials.svg`)).body;
    expect(svg).not.toContain('<script');
    expect(svg).toMatch(/>X<\/text>/);
  });

  describe('avatar and cover images', () => {
    let member: { client: Client; id: string };

    beforeAll(async () => {
      member = await signedIn(t, 'Bilder Fan');
    });

    const upload = (c: Client, url: string, data: Buffer, contentType: string, filename = 'a.png') => c.upload('PUT', url, { data, filename, contentType });

    async function fetchImage(c: Client, url: string) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
      return { res, meta: await sharp(res.rawPayload).metadata() };
    }

    it('stores an uploaded PNG avatar as square WebP variants served to logged-in colleagues', async () => {
      const res = await upload(member.client, `/api/v1/users/${member.id}/avatar`, await png(640, 480), 'image/png');
      expect(res.statusCode, res.body).toBe(200);
      const avatar = res.json().avatar as { small: string; large: string };
      expect(avatar.small).not.toBe(avatar.large);

      const small = await fetchImage(admin.client, avatar.small);
      expect([small.meta.format, small.meta.width, small.meta.height]).toEqual(['webp', 96, 96]);
      const large = await fetchImage(member.client, avatar.large);
      expect([large.meta.format, large.meta.width, large.meta.height]).toEqual(['webp', 400, 400]);
      expect(large.res.headers['cache-control']).toMatch(/^private/);

      // The directory shows it too.
      const listed = (await admin.client.get('/api/v1/users?q=bilder')).json().items as Summary[];
      expect(listed[0]?.avatar).toEqual(avatar);

      expectCode(await new Client(t.app).get(avatar.small), 401, 'unauthenticated');
    });

    it('strips EXIF and every other metadata from a JPEG', async () => {
      const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#cc6633' } })
        .withMetadata({ exif: { IFD0: { Copyright: 'secret-exif' } } })
        .jpeg()
        .toBuffer();
      expect(jpeg.includes('secret-exif')).toBe(true);
      const res = await upload(member.client, `/api/v1/users/${member.id}/avatar`, jpeg, 'image/jpeg', 'photo.jpg');
      expect(res.statusCode, res.body).toBe(200);
      for (const [url, size] of [
        [res.json().avatar.small, 96],
        [res.json().avatar.large, 400],
      ] as const) {
        const { res: img, meta } = await fetchImage(member.client, url);
        expect(img.rawPayload.includes('secret-exif')).toBe(false);
        expect(meta.exif).toBeUndefined();
        expect([meta.width, meta.height]).toEqual([size, size]);
      }
    });

    it('replaces and removes an avatar; old images are gone', async () => {
      const first = (await upload(member.client, `/api/v1/users/${member.id}/avatar`, await png(200, 200, '#ff0000'), 'image/png')).json().avatar;
      const second = await upload(member.client, `/api/v1/users/${member.id}/avatar`, await png(200, 200, '#00ff00'), 'image/png');
      expect(second.statusCode).toBe(200);
      expect(second.json().avatar.small).not.toBe(first.small);
      expectCode(await member.client.get(first.small), 404, 'not_found');

      const removed = await member.client.delete(`/api/v1/users/${member.id}/avatar`);
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json().avatar).toBeNull();
      expect((await admin.client.get(`/api/v1/users/${member.id}`)).json().avatar).toBeNull();
      expectCode(await member.client.get(second.json().avatar.small), 404, 'not_found');
      expectCode(await member.client.get(second.json().avatar.large), 404, 'not_found');
    });

    it('stores a cover image in wide variants', async () => {
      const res = await upload(member.client, `/api/v1/users/${member.id}/cover`, await png(1200, 900), 'image/png');
      expect(res.statusCode, res.body).toBe(200);
      const small = await fetchImage(member.client, res.json().cover.small);
      expect([small.meta.width, small.meta.height]).toEqual([820, 312]);
      const large = await fetchImage(member.client, res.json().cover.large);
      expect([large.meta.width, large.meta.height]).toEqual([1640, 624]);
      const removed = await member.client.delete(`/api/v1/users/${member.id}/cover`);
      expect(removed.json().cover).toBeNull();
    });

    it('accepts a photo larger than a JSON body (600 kB) under the default limit', async () => {
      const big = await noisePng(400, 500);
      expect(big.length).toBeGreaterThan(512 * 1024);
      const res = await upload(member.client, `/api/v1/users/${member.id}/avatar`, big, 'image/png');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().avatar).not.toBeNull();
    });

    it("lets an admin set anyone's avatar, but not a member someone else's", async () => {
      const image = await png(100, 100);
      expectCode(await upload(member.client, `/api/v1/users/${admin.id}/avatar`, image, 'image/png'), 403, 'forbidden');
      expectCode(await member.client.delete(`/api/v1/users/${admin.id}/avatar`), 403, 'forbidden');
      expectCode(await upload(member.client, '/api/v1/users/nobody/avatar', image, 'image/png'), 404, 'not_found');
      const byAdmin = await upload(admin.client, `/api/v1/users/${member.id}/cover`, image, 'image/png');
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
      expect(byAdmin.json().cover).not.toBeNull();
    });

    it('refuses what is not an image: 415', async () => {
      const url = `/api/v1/users/${member.id}/avatar`;
      const before = (await member.client.get(`/api/v1/users/${member.id}`)).json().avatar;
      expectCode(await upload(member.client, url, Buffer.from('hello, I am text\n'), 'text/plain', 'notes.txt'), 415, 'unsupported_image');
      // Lying about the type does not help: the bytes are decoded.
      expectCode(await upload(member.client, url, Buffer.from('hello, I am text\n'), 'image/png', 'fake.png'), 415, 'unsupported_image');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
      expectCode(await upload(member.client, url, svg, 'image/svg+xml', 'a.svg'), 415, 'unsupported_image');
      expectCode(await upload(member.client, url, svg, 'image/png', 'a.png'), 415, 'unsupported_image');
      expectCode(await member.client.put(url, { file: 'data:image/png;base64,AAAA' }), 415, 'unsupported_media_type');
      expect((await member.client.get(`/api/v1/users/${member.id}`)).json().avatar).toEqual(before);
    });

    it('answers 400 naming file when the multipart body has no file', async () => {
      const empty = '--b0undary--\r\n';
      const res = await member.client.put(`/api/v1/users/${member.id}/avatar`, undefined, {
        payload: Buffer.from(empty),
        headers: { 'content-type': 'multipart/form-data; boundary=b0undary' },
      });
      expectFieldError(res, 'file');
    });
  });
});

describe('people: directory, search, facets, org chart', () => {
  let t: TestApp;
  let admin: { client: Client; id: string };
  let member: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await setupAdmin(t);
    const made = await insertPeople(t, [
      { name: 'Vera Viewer' },
      { name: 'Katrin Schröder', department: 'Personal', location: 'Hamburg', skills: ['Recruiting'], managerId: admin.id },
      { name: 'Ben Bauer', department: 'IT', location: 'Hamburg', skills: ['Kubernetes'], status: 'deactivated' },
    ]);
    for (const p of made) ids[p.name] = p.id;
    const more = await insertPeople(t, [
      { name: 'Anna Schmidt', department: 'Vertrieb', location: 'Hamburg', skills: ['Verhandlung', 'CRM'], managerId: ids['Katrin Schröder'] },
      { name: 'Hannah Ott', department: 'Vertrieb', location: 'Berlin', skills: ['CRM'], managerId: ids['Katrin Schröder'] },
      { name: 'Annika Berg', department: 'IT', location: 'Berlin', skills: ['Kubernetes', 'Linux'], managerId: ids['Ben Bauer'] },
      { name: 'Annette Alt', department: 'Vertrieb', location: 'Hamburg', skills: ['CRM'], status: 'deactivated' },
      ...Array.from({ length: 20 }, (_, i) => ({ name: `Pia Nummer ${String(i + 1).padStart(2, '0')}`, department: 'Lager', location: 'Leipzig' })),
    ]);
    for (const p of more) ids[p.name] = p.id;
    // Ben reported to Katrin before he left.
    await t.ctx.db.db.updateTable('users').set({ manager_id: ids['Katrin Schröder'] }).where('id', '=', ids['Ben Bauer']!).execute();
    member = new Client(t.app);
    await member.login(made[0]!.email, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds people as you type: by name prefix, department, location and skill', async () => {
    const search = async (q: string) => names(await member.get(`/api/v1/users?q=${encodeURIComponent(q)}`));
    expect(await search('ann')).toEqual(['Anna Admin', 'Anna Schmidt', 'Annika Berg']);
    expect(await search('ANNI')).toEqual(['Annika Berg']);
    expect(await search('vertrieb')).toEqual(['Anna Schmidt', 'Hannah Ott']);
    expect(await search('hamb')).toEqual(['Anna Schmidt', 'Katrin Schröder']);
    expect(await search('kubernetes')).toEqual(['Annika Berg']);
    expect(await search('crm')).toEqual(['Anna Schmidt', 'Hannah Ott']);
    expect(await search('ann vertr')).toEqual(['Anna Schmidt']);
    expect(await search('Schrö')).toEqual(['Katrin Schröder']);
    expect(await search('nobody-by-this-name')).toEqual([]);
    // Deactivated people are found only by admins asking for them.
    expect(names(await admin.client.get('/api/v1/users?q=ann&status=all'))).toEqual(['Anna Admin', 'Anna Schmidt', 'Annette Alt', 'Annika Berg']);
  });

  it('filters by department and location, alone and with a search', async () => {
    expect(names(await member.get('/api/v1/users?department=Vertrieb'))).toEqual(['Anna Schmidt', 'Hannah Ott']);
    expect(names(await member.get('/api/v1/users?location=Hamburg'))).toEqual(['Anna Schmidt', 'Katrin Schröder']);
    expect(names(await member.get('/api/v1/users?department=Vertrieb&location=Hamburg'))).toEqual(['Anna Schmidt']);
    expect(names(await member.get('/api/v1/users?q=crm&location=Berlin'))).toEqual(['Hannah Ott']);
    expect(names(await member.get('/api/v1/users?department=Nirgendwo'))).toEqual([]);
  });

  it('pages through the whole directory by name with keyset cursors', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await member.get(`/api/v1/users?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Summary[]; nextCursor: string | null };
      pages++;
      expect(body.items.length).toBe(pages < 3 ? 10 : 6);
      seen.push(...body.items.map((u) => u.name));
      cursor = body.nextCursor;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(26);
    const sorted = [...seen].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    expect(seen).toEqual(sorted);
    expect(seen).not.toContain('Ben Bauer');
    expect(seen).not.toContain('Annette Alt');
    expect(seen.slice(0, 3)).toEqual(['Anna Admin', 'Anna Schmidt', 'Annika Berg']);
  });

  it('rejects a garbage cursor and a bad limit with 400 naming the parameter', async () => {
    expectFieldError(await member.get('/api/v1/users?cursor=garbage'), 'cursor');
    expectFieldError(await member.get(`/api/v1/users?cursor=${Buffer.from('{"a":1}').toString('base64url')}`), 'cursor');
    expectFieldError(await member.get('/api/v1/users?limit=0'), 'limit');
    expectFieldError(await member.get('/api/v1/users?limit=101'), 'limit');
    expectFieldError(await member.get('/api/v1/users?status=gone'), 'status');
  });

  it('shows deactivated people only to admins', async () => {
    expectCode(await member.get('/api/v1/users?status=all'), 403, 'forbidden');
    expectCode(await member.get('/api/v1/users?status=deactivated'), 403, 'forbidden');
    expect(names(await admin.client.get('/api/v1/users?status=deactivated'))).toEqual(['Annette Alt', 'Ben Bauer']);
    const all = (await admin.client.get('/api/v1/users?status=all&limit=100')).json().items as Summary[];
    expect(all).toHaveLength(28);
    expect(all.find((u) => u.name === 'Ben Bauer')?.status).toBe('deactivated');
    // The admin's default view is the same as everyone's: active colleagues.
    expect(names(await admin.client.get('/api/v1/users?limit=100'))).toHaveLength(26);
  });

  it('counts active people per department and location', async () => {
    const res = await member.get('/api/v1/users/facets');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      departments: [
        { name: 'IT', count: 1 },
        { name: 'Lager', count: 20 },
        { name: 'Personal', count: 1 },
        { name: 'Vertrieb', count: 2 },
      ],
      locations: [
        { name: 'Berlin', count: 2 },
        { name: 'Hamburg', count: 2 },
        { name: 'Leipzig', count: 20 },
      ],
    });
  });

  it('walks the org chart: the top, a manager with reports and the chain above', async () => {
    const top = await member.get('/api/v1/org-chart');
    expect(top.statusCode).toBe(200);
    const topItems = top.json().items as OrgNode[];
    expect(topItems.find((n) => n.name === 'Anna Admin')).toMatchObject({ managerId: null, reportCount: 1 });
    expect(topItems.map((n) => n.name)).not.toContain('Katrin Schröder');
    expect(top.json().chain).toEqual([]);

    const katrin = await member.get(`/api/v1/org-chart?managerId=${ids['Katrin Schröder']}`);
    expect(katrin.statusCode).toBe(200);
    // Ben left: he is neither listed nor counted.
    expect((katrin.json().items as OrgNode[]).map((n) => [n.name, n.managerId, n.reportCount])).toEqual([
      ['Anna Schmidt', ids['Katrin Schröder'], 0],
      ['Hannah Ott', ids['Katrin Schröder'], 0],
    ]);
    expect((katrin.json().chain as OrgNode[]).map((n) => [n.name, n.reportCount])).toEqual([
      ['Katrin Schröder', 2],
      ['Anna Admin', 1],
    ]);

    const anna = await member.get(`/api/v1/org-chart?managerId=${ids['Anna Schmidt']}`);
    expect(anna.json().items).toEqual([]);
    expect((anna.json().chain as OrgNode[]).map((n) => n.name)).toEqual(['Anna Schmidt', 'Katrin Schröder', 'Anna Admin']);

    expectCode(await member.get(`/api/v1/org-chart?managerId=${ids['Ben Bauer']}`), 404, 'not_found');
  });

  it('keeps people in the org chart when their manager is deactivated: they move to the top', async () => {
    const top = (await member.get('/api/v1/org-chart')).json().items as OrgNode[];
    expect(top.map((n) => n.name)).toContain('Annika Berg');
    expect(top.map((n) => n.name)).not.toContain('Ben Bauer');
  });
});

describe('people: upload size limit', () => {
  let t: TestApp;
  let member: { client: Client; id: string };

  beforeAll(async () => {
    t = await createTestApp({ INNENHOF_UPLOAD_MAX_MB: '1' });
    member = await signedIn(t, 'Gross Datei');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an upload over INNENHOF_UPLOAD_MAX_MB with 413 and keeps the old avatar', async () => {
    const ok = await member.client.upload('PUT', `/api/v1/users/${member.id}/avatar`, { data: await png(50, 50), filename: 'a.png', contentType: 'image/png' });
    expect(ok.statusCode, ok.body).toBe(200);
    const big = await noisePng(1000, 500);
    expect(big.length).toBeGreaterThan(1.4 * 1024 * 1024);
    const res = await member.client.upload('PUT', `/api/v1/users/${member.id}/avatar`, { data: big, filename: 'big.png', contentType: 'image/png' });
    expectCode(res, 413, 'payload_too_large');
    expect((await member.client.get(`/api/v1/users/${member.id}`)).json().avatar).toEqual(ok.json().avatar);
  });
});

describe('new colleagues', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await setupAdmin(t)).client;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the most recently joined first with sort=newest, in keyset pages', async () => {
    const names = ['Zoe Early', 'Adam Middle', 'Mia Late'];
    for (const name of names) {
      await createMember(t, admin, { name });
      await new Promise((r) => setTimeout(r, 5));
    }
    const first = (await admin.get('/api/v1/users?sort=newest&limit=2')).json();
    expect(first.items.map((u: { name: string }) => u.name)).toEqual(['Mia Late', 'Adam Middle']);
    expect(Date.parse(first.items[0].createdAt)).toBeGreaterThan(Date.parse(first.items[1].createdAt));
    const second = (await admin.get(`/api/v1/users?sort=newest&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((u: { name: string }) => u.name)).toEqual(['Zoe Early', 'Anna Admin']);
    expect(second.nextCursor).toBeNull();
    const bad = await admin.get('/api/v1/users?sort=random');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'sort' });
  });

  it('names each invalid field once, with a keyword a client can translate', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const res = await admin.patch(`/api/v1/users/${me.user.id}`, { phone: 'call me maybe', name: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields as Array<{ field: string; keyword: string; params: Record<string, unknown> }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['name', 'phone']);
    expect(fields.find((f) => f.field === 'phone')?.keyword).toBe('pattern');
    expect(fields.find((f) => f.field === 'name')?.keyword).toBe('minLength');
    expect(fields.find((f) => f.field === 'name')?.params).toEqual({ limit: 1 });
  });
});

import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, codeOf, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../../../test/harness.js';
import { insertPeople } from '../../../test/people.js';

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

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

describe('company settings', () => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  const anon = () => new Client(t.app);
  const company = async () => (await anon().get('/api/v1/settings/company')).json();

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await setupAdmin(t, { companyName: 'ACME GmbH' })).client;
    const [m] = await insertPeople(t, [{ name: 'Mia Mitarbeiterin' }]);
    member = new Client(t.app);
    await member.login(m!.email, PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the branding to everyone, before login too', async () => {
    const res = await anon().get('/api/v1/settings/company');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ companyName: 'ACME GmbH', accentColor: '#1b74e4', logoUrl: null, defaultLocale: 'de', setupNeeded: false });
  });

  it('needs a session to change anything', async () => {
    expectCode(await anon().patch('/api/v1/settings/company', { companyName: 'Evil Corp' }), 401, 'unauthenticated');
    expectCode(await anon().put('/api/v1/settings/company/logo', { file: 'x' }), 401, 'unauthenticated');
    expectCode(await anon().delete('/api/v1/settings/company/logo'), 401, 'unauthenticated');
    expect((await company()).companyName).toBe('ACME GmbH');
  });

  it('lets only admins change the settings', async () => {
    expectCode(await member.patch('/api/v1/settings/company', { companyName: 'Mias Laden' }), 403, 'forbidden');
    expectCode(
      await member.upload('PUT', '/api/v1/settings/company/logo', { data: await png(300, 100), filename: 'logo.png', contentType: 'image/png' }),
      403,
      'forbidden',
    );
    expectCode(await member.delete('/api/v1/settings/company/logo'), 403, 'forbidden');
    expect(await company()).toMatchObject({ companyName: 'ACME GmbH', logoUrl: null });
  });

  it('saves company name, accent colour and default language', async () => {
    const res = await admin.patch('/api/v1/settings/company', { companyName: '  Muster GmbH ', accentColor: '#0A7C66', defaultLocale: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ companyName: 'Muster GmbH', accentColor: '#0a7c66', defaultLocale: 'en' });
    expect(await company()).toMatchObject({ companyName: 'Muster GmbH', accentColor: '#0a7c66', defaultLocale: 'en' });

    // A partial update keeps the other values.
    const partial = await admin.patch('/api/v1/settings/company', { defaultLocale: 'de' });
    expect(partial.json()).toMatchObject({ companyName: 'Muster GmbH', accentColor: '#0a7c66', defaultLocale: 'de' });
  });

  it('rejects bad values with 400 naming the field, and keeps the settings', async () => {
    const before = await company();
    for (const accentColor of ['red', '#12345', '#1234567', '#GGGGGG', '0a7c66']) {
      expectFieldError(await admin.patch('/api/v1/settings/company', { accentColor }), 'accentColor');
    }
    expectFieldError(await admin.patch('/api/v1/settings/company', { companyName: '' }), 'companyName');
    expectFieldError(await admin.patch('/api/v1/settings/company', { companyName: '   ' }), 'companyName');
    expectFieldError(await admin.patch('/api/v1/settings/company', { companyName: 'x'.repeat(81) }), 'companyName');
    expectFieldError(await admin.patch('/api/v1/settings/company', { defaultLocale: 'fr' }), 'defaultLocale');
    expect(await company()).toEqual(before);
  });

  it('uploads a logo served publicly, replaces it and removes it', async () => {
    const res = await admin.upload('PUT', '/api/v1/settings/company/logo', { data: await png(800, 200), filename: 'logo.png', contentType: 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    const logoUrl = res.json().logoUrl as string;
    expect(logoUrl).toMatch(/^\/api\/v1\/files\/.+\/small$/);
    expect((await company()).logoUrl).toBe(logoUrl);

    // The login page shows it: no session needed.
    const img = await anon().get(logoUrl);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
    expect(img.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(img.rawPayload).metadata();
    // Fitted inside 160 × 64, proportions kept.
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 160, 40]);

    // A small logo is not blown up.
    const replaced = await admin.upload('PUT', '/api/v1/settings/company/logo', { data: await png(100, 50), filename: 'small.png', contentType: 'image/png' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const second = replaced.json().logoUrl as string;
    expect(second).not.toBe(logoUrl);
    expectCode(await anon().get(logoUrl), 404, 'not_found');
    const smallMeta = await sharp((await anon().get(second)).rawPayload).metadata();
    expect([smallMeta.width, smallMeta.height]).toEqual([100, 50]);

    const removed = await admin.delete('/api/v1/settings/company/logo');
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().logoUrl).toBeNull();
    expect((await company()).logoUrl).toBeNull();
    expectCode(await anon().get(second), 404, 'not_found');
  });

  it('refuses a logo that is not an image, and a JSON body instead of a file', async () => {
    expectCode(
      await admin.upload('PUT', '/api/v1/settings/company/logo', { data: Buffer.from('just text'), filename: 'logo.txt', contentType: 'text/plain' }),
      415,
      'unsupported_image',
    );
    expectCode(
      await admin.upload('PUT', '/api/v1/settings/company/logo', { data: Buffer.from('just text'), filename: 'logo.png', contentType: 'image/png' }),
      415,
      'unsupported_image',
    );
    expectCode(await admin.put('/api/v1/settings/company/logo', { logo: 'https://example.com/logo.png' }), 415, 'unsupported_media_type');
    expect((await company()).logoUrl).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, PASSWORD, setupAdmin, type TestApp } from '../test/harness.js';

describe('the HTTP API as a whole', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await setupAdmin(t)).client;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers health and readiness', async () => {
    const c = new Client(t.app);
    expect((await c.get('/api/v1/health')).json()).toEqual({ status: 'ok' });
    expect((await c.get('/api/v1/ready')).json()).toEqual({ status: 'ok', database: t.dialect });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await admin.get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No such API route: GET /api/v1/no-such-thing' } });
  });

  it('refuses a body that is too large (413) and a wrong content type (415)', async () => {
    const me = (await admin.get('/api/v1/me')).json();
    const big = await admin.patch(`/api/v1/users/${me.user.id}`, { about: 'x'.repeat(300 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');

    const xml = await admin.request('PATCH', `/api/v1/users/${me.user.id}`, undefined, {
      payload: '<about>hi</about>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('unsupported_media_type');

    const broken = await admin.request('PATCH', `/api/v1/users/${me.user.id}`, undefined, {
      payload: '{"about": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('bad_request');
  });

  it('sends strict security headers and loads nothing from other origins', async () => {
    const res = await new Client(t.app).get('/api/v1/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes an OpenAPI document with an operationId on every route', async () => {
    const doc = (await new Client(t.app).get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
    expect(ops.length).toBeGreaterThan(25);
    for (const op of ops) expect(op.operationId).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(doc.paths['/api/v1/users/{id}'].patch.requestBody).toBeDefined();
  });

  it('never sends password hashes or secrets in a response', async () => {
    const me = await admin.get('/api/v1/me');
    const users = await admin.get('/api/v1/users');
    for (const body of [me.body, users.body]) {
      expect(body).not.toMatch(/password|scrypt|token_hash/i);
      expect(body).not.toContain(PASSWORD);
    }
  });
});

describe('behind TLS', () => {
  it('sends HSTS and a Secure session cookie when the public URL is https', async () => {
    const t = await createTestApp({ INNENHOF_PUBLIC_URL: 'https://intranet.acme.test' });
    try {
      const c = new Client(t.app);
      const res = await c.request(
        'POST',
        '/api/v1/setup',
        { companyName: 'ACME', name: 'Anna', email: 'anna@acme.test', password: PASSWORD },
        { headers: { origin: 'https://intranet.acme.test' } },
      );
      expect(res.statusCode).toBe(201);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['set-cookie'])).toMatch(/__Secure-innenhof\.session_token=.*Secure/);
    } finally {
      await t.close();
    }
  });
});

describe('the web app', () => {
  it('serves the app shell for client-side routes, pre-compressed, and hashed assets cached for a year', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const zlib = await import('node:zlib');
    const web = fs.mkdtempSync(path.join(os.tmpdir(), 'innenhof-web-'));
    const html = '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body></body></html>';
    fs.writeFileSync(path.join(web, 'index.html'), html);
    fs.writeFileSync(path.join(web, 'index.html.br'), zlib.brotliCompressSync(html));
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
    const t = await createTestApp({ INNENHOF_WEB_DIR: web });
    try {
      const c = new Client(t.app);
      const page = await c.get('/people/some-id', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(zlib.brotliDecompressSync(page.rawPayload).toString()).toBe(html);
      const plain = await c.get('/', { headers: { 'accept-encoding': 'identity' } });
      expect(plain.body).toBe(html);
      const asset = await c.get('/assets/app-abc123.js');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await c.get('/api/v1/nope')).json().error.code).toBe('not_found');
    } finally {
      await t.close();
      fs.rmSync(web, { recursive: true, force: true });
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressAllowed, checkUrl, normalizeAllowHost, PreviewRefused, type RefusalReason } from './guard.js';
import { parseMeta } from './html.js';
import { fetchPage, fetchPreview, PREVIEW_LIMITS, USER_AGENT } from './index.js';

/** The reason fetchPage / checkUrl refused, or 'fetched'. */
async function reasonOf(p: Promise<unknown>): Promise<RefusalReason | 'fetched'> {
  try {
    await p;
    return 'fetched';
  } catch (err) {
    if (err instanceof PreviewRefused) return err.reason;
    throw err;
  }
}

describe('SSRF guard (no network)', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, unspecified and IPv4-mapped addresses by default', async () => {
    const refused = [
      'http://127.0.0.1/',
      'http://127.1.2.3/',
      'http://localhost/',
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://0.0.0.0/',
      'http://[::]/',
      'http://[::1]/',
      'http://[fe80::1]/',
      'http://[fd12:3456::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[64:ff9b::7f00:1]/',
      // The URL parser turns these into 127.0.0.1.
      'http://2130706433/',
      'http://0x7f.1/',
      'http://127.0.0.1.:80/',
    ];
    for (const url of refused) expect(await reasonOf(checkUrl(url, [])), url).toBe('address');
  });

  it('refuses every scheme but http(s), and URLs with credentials', async () => {
    for (const url of ['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'gopher://example.com/', 'not a url']) {
      expect(await reasonOf(checkUrl(url, [])), url).toBe('scheme');
    }
    expect(await reasonOf(checkUrl('http://user:secret@93.184.215.14/', []))).toBe('credentials');
  });

  it('allows public addresses on ports 80 and 443 only; an allow-listed host may use private addresses and any port', async () => {
    expect(await reasonOf(checkUrl('http://93.184.215.14/', []))).toBe('fetched');
    expect(await reasonOf(checkUrl('https://93.184.215.14:443/', []))).toBe('fetched');
    expect(await reasonOf(checkUrl('http://93.184.215.14:8080/', []))).toBe('port');
    expect(await reasonOf(checkUrl('http://93.184.215.14:22/', []))).toBe('port');
    expect(await reasonOf(checkUrl('http://10.0.0.1:8080/', ['10.0.0.1']))).toBe('fetched');
    expect(await reasonOf(checkUrl('http://[fd00::5]/', []))).toBe('address');
    // Allow-listing never opens link-local (cloud metadata), multicast or the unspecified address.
    expect(await reasonOf(checkUrl('http://169.254.169.254/', ['169.254.169.254']))).toBe('address');
    expect(await reasonOf(checkUrl('http://0.0.0.0/', ['0.0.0.0']))).toBe('address');
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('::ffff:10.1.2.3', true)).toBe(true);
    expect(addressAllowed('fe80::1', true)).toBe(false);
    expect(addressAllowed('224.0.0.1', true)).toBe(false);
    expect(addressAllowed('8.8.8.8', false)).toBe(true);
    expect(addressAllowed('2001:4860:4860::8888', false)).toBe(true);
    expect(addressAllowed('not-an-ip', true)).toBe(false);
  });

  it('checks every address a name resolves to, and pins one of them', async () => {
    const mixed = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    expect(await reasonOf(checkUrl('http://mixed.test/', [], mixed))).toBe('address');
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await reasonOf(checkUrl('http://nowhere.test/', [], failing))).toBe('dns');
    const target = await checkUrl('http://Intranet.Test./x', ['intranet.test'], async () => [
      { address: '::1', family: 6 },
      { address: '10.0.0.7', family: 4 },
    ]);
    expect(target).toMatchObject({ host: 'intranet.test', address: '10.0.0.7', family: 4, port: 80, allowListed: true });
  });

  it('takes allow-list entries as plain host names only', () => {
    expect(normalizeAllowHost(' Wiki.Intern.Example. ')).toBe('wiki.intern.example');
    expect(normalizeAllowHost('intranet')).toBe('intranet');
    expect(normalizeAllowHost('10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeAllowHost('bücher.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['', ' ', 'http://wiki', 'wiki:8080', 'wiki/path', '*.intern.example', '-wiki.example', 'wi ki', '[::1]', 'a..b']) {
      expect(normalizeAllowHost(bad), bad).toBeNull();
    }
  });

  it('reads title and Open Graph tags with entities decoded', () => {
    const meta = parseMeta(
      `<html><head><title> Caf&eacute; &amp;\n Kuchen </title>
       <meta property="og:title" content="Das &quot;Caf&eacute;&quot;"><meta property="og:title" content="second">
       <META NAME="description" CONTENT="Kuchen &lt;3"><meta property="og:site_name" content="Kantine">
       <meta property="og:image" content="/img/a.png"><script>var t = "<title>no</title>";</script></head><body><title>late</title></body></html>`,
    );
    expect(meta).toEqual({
      title: 'Café & Kuchen',
      ogTitle: 'Das "Café"',
      description: 'Kuchen <3',
      ogDescription: '',
      siteName: 'Kantine',
      image: '/img/a.png',
    });
  });
});

describe('link preview fetching (a local server stands in for an intranet host)', () => {
  let server: http.Server;
  let port: number;
  let base: string;
  const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
  const huge = { finished: false, closed: false };
  const drips = new Set<NodeJS.Timeout>();

  const html = (head: string) => `<!doctype html><html><head>${head}</head><body><p>Hallo</p></body></html>`;
  const OG = html(`<title>Intranet Wiki</title>
    <meta property="og:title" content="Urlaubsplanung 2027 &amp; Br&uuml;ckentage">
    <meta property="og:description" content="Wie wir Urlaub planen.">
    <meta property="og:site_name" content="Wiki">
    <meta property="og:image" content="/img/card.png">`);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const path = req.url ?? '/';
      seen.push({ path, headers: req.headers });
      const redirect = (to: string) => {
        res.writeHead(302, { location: to });
        res.end();
      };
      switch (path) {
        case '/og':
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=abc123; Path=/' });
          return void res.end(OG);
        case '/cookie':
          res.writeHead(302, { location: '/og', 'set-cookie': 'tracker=xyz; Path=/; HttpOnly' });
          return void res.end();
        case '/r0':
          return redirect('/r1');
        case '/r1':
          return redirect(`${base}/r2`);
        case '/r2':
          return redirect('r3');
        case '/r3':
          return redirect('/og');
        case '/to-localhost':
          return redirect(`http://localhost:${port}/og`);
        case '/to-metadata':
          return redirect('http://169.254.169.254/latest/meta-data/');
        case '/to-v6':
          return redirect(`http://[::1]:${port}/og`);
        case '/to-mapped':
          return redirect(`http://[::ffff:127.0.0.1]:${port}/og`);
        case '/to-private':
          return redirect('http://10.11.12.13/');
        case '/to-file':
          return redirect('file:///etc/passwd');
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.on('finish', () => {
            huge.finished = true;
          });
          res.on('close', () => {
            huge.closed = true;
          });
          let sent = 0;
          const filler = Buffer.alloc(64 * 1024, 'x');
          const pump = () => {
            if (sent === 0) res.write('<html><head><title>Riesig</title>');
            while (sent < 20 * 1024 * 1024) {
              sent += filler.length;
              // Past the 512 KB that are read: never seen.
              if (sent > 600 * 1024 && sent <= 600 * 1024 + filler.length) res.write('<meta property="og:description" content="too far">');
              if (!res.write(filler)) return void res.once('drain', pump);
            }
            res.end('</head></html>');
          };
          return pump();
        }
        case '/drip': {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.write('<html><head><title>Langsam</title>');
          const timer = setInterval(() => res.write(' '), 100);
          drips.add(timer);
          res.on('close', () => {
            clearInterval(timer);
            drips.delete(timer);
          });
          return;
        }
        case '/hang':
          return; // never answers
        case '/json':
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end('{"title":"no"}');
        case '/gzip':
          res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
          return void res.end('not really gzip');
        case '/latin1':
          res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
          return void res.end(Buffer.from(html('<title>Gr\u00fc\u00dfe aus K\u00f6ln</title>'), 'latin1'));
        case '/external-image':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end(html('<title>Extern</title><meta property="og:image" content="https://cdn.example.com/x.png">'));
        case '/untitled':
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end('<html><body>no title</body></html>');
        default:
          res.writeHead(404, { 'content-type': 'text/html' });
          return void res.end(html('<title>Not found</title>'));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    for (const t of drips) clearInterval(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // No request ever carried a cookie or credentials, whatever the server set.
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(r.headers.cookie, r.path).toBeUndefined();
      expect(r.headers.authorization, r.path).toBeUndefined();
      expect(r.headers['user-agent'], r.path).toBe(USER_AGENT);
    }
  });

  const allow = { allowHosts: ['127.0.0.1'] };
  const hits = (path: string) => seen.filter((r) => r.path === path).length;

  it('reads the card of an allow-listed intranet page, sending no cookie and a plain User-Agent', async () => {
    const preview = await fetchPreview(`${base}/og#section`, allow);
    expect(preview).toEqual({
      url: `${base}/og#section`,
      title: 'Urlaubsplanung 2027 & Brückentage',
      description: 'Wie wir Urlaub planen.',
      siteName: 'Wiki',
      // The image is on the allow-listed host: kept (as text; never fetched).
      imageUrl: `${base}/img/card.png`,
    });
    const last = seen.at(-1);
    expect(last?.path).toBe('/og');
    expect(last?.headers).toMatchObject({ 'user-agent': 'Innenhof link preview', 'accept-encoding': 'identity', host: `127.0.0.1:${port}` });
    expect(hits('/img/card.png')).toBe(0);
    // A second fetch after the server set a cookie still sends none (no cookie jar).
    await fetchPreview(`${base}/og`, allow);
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('refuses loopback by default, by address and by a name that resolves to it, without connecting', async () => {
    const before = seen.length;
    expect(await fetchPreview(`${base}/og`, { allowHosts: [] })).toBeNull();
    expect(await reasonOf(fetchPage(`${base}/og`, { allowHosts: [] }))).toBe('address');
    expect(await reasonOf(fetchPage(`http://localhost:${port}/og`, { allowHosts: [] }))).toBe('address');
    // Allow-listing one name does not allow another that resolves to the same address.
    expect(await reasonOf(fetchPage(`http://localhost:${port}/og`, allow))).toBe('address');
    expect(seen.length).toBe(before);
  });

  it('fetches from a host name once it is allow-listed', async () => {
    const preview = await fetchPreview(`http://localhost:${port}/og`, { allowHosts: ['localhost'] });
    expect(preview?.title).toBe('Urlaubsplanung 2027 & Brückentage');
    expect(seen.at(-1)?.headers.host).toBe(`localhost:${port}`);
  });

  it('connects to the address it checked: one lookup per hop, no second resolution (DNS rebinding)', async () => {
    let lookups = 0;
    // A name the system resolver does not know: the fetch can only work through the pinned address.
    const lookup = async (host: string) => {
      lookups++;
      expect(host).toBe('wiki.intern.test');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const preview = await fetchPreview(`http://wiki.intern.test:${port}/og`, { allowHosts: ['wiki.intern.test'], lookup });
    expect(preview?.title).toBe('Urlaubsplanung 2027 & Brückentage');
    expect(lookups).toBe(1);
    expect(seen.at(-1)?.headers.host).toBe(`wiki.intern.test:${port}`);
    // The image on the allow-listed name is kept; the same page fetched by IP keeps its own host.
    expect(preview?.imageUrl).toBe(`http://wiki.intern.test:${port}/img/card.png`);
  });

  it('follows at most 3 redirects, re-checking each hop', async () => {
    const preview = await fetchPreview(`${base}/r1`, allow);
    expect(preview).toMatchObject({ url: `${base}/r1`, title: 'Urlaubsplanung 2027 & Brückentage' });
    const before = hits('/og');
    expect(await reasonOf(fetchPage(`${base}/r0`, allow))).toBe('redirects');
    expect(hits('/og')).toBe(before);
  });

  it('refuses redirects to loopback, link-local, private and IPv4-mapped addresses and to other schemes', async () => {
    const before = hits('/og');
    for (const [path, reason] of [
      ['/to-localhost', 'address'],
      ['/to-metadata', 'address'],
      ['/to-v6', 'address'],
      ['/to-mapped', 'address'],
      ['/to-private', 'address'],
      ['/to-file', 'scheme'],
    ] as const) {
      expect(await reasonOf(fetchPage(`${base}${path}`, allow)), path).toBe(reason);
      expect(await fetchPreview(`${base}${path}`, allow), path).toBeNull();
    }
    // None of them reached the target.
    expect(hits('/og')).toBe(before);
  });

  it('drops cookies set along a redirect', async () => {
    const before = seen.length;
    expect((await fetchPreview(`${base}/cookie`, allow))?.title).toBe('Urlaubsplanung 2027 & Brückentage');
    const after = seen.slice(before);
    expect(after.map((r) => r.path)).toEqual(['/cookie', '/og']);
    for (const r of after) expect(r.headers.cookie).toBeUndefined();
  });

  it('reads at most 512 KB and stops the download', async () => {
    const page = await fetchPage(`${base}/huge`, allow);
    expect(page.body.length).toBe(PREVIEW_LIMITS.maxBytes);
    expect(page.truncated).toBe(true);
    const preview = await fetchPreview(`${base}/huge`, allow);
    expect(preview).toMatchObject({ title: 'Riesig', description: null, siteName: '127.0.0.1', imageUrl: null });
    await expect.poll(() => huge.closed).toBe(true);
    expect(huge.finished).toBe(false);
  });

  it('gives up after 5 seconds in total, even while bytes keep trickling in', async () => {
    const started = Date.now();
    expect(await reasonOf(fetchPage(`${base}/drip`, allow))).toBe('timeout');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(PREVIEW_LIMITS.timeoutMs - 100);
    expect(took).toBeLessThan(PREVIEW_LIMITS.timeoutMs + 1500);
    const quick = Date.now();
    expect(await fetchPreview(`${base}/hang`, { ...allow, timeoutMs: 300 })).toBeNull();
    expect(await reasonOf(fetchPage(`${base}/hang`, { ...allow, timeoutMs: 300 }))).toBe('timeout');
    expect(Date.now() - quick).toBeLessThan(2000);
  });

  it('takes text/html only, uncompressed, with a 2xx status', async () => {
    expect(await reasonOf(fetchPage(`${base}/json`, allow))).toBe('content_type');
    expect(await reasonOf(fetchPage(`${base}/gzip`, allow))).toBe('encoding');
    expect(await reasonOf(fetchPage(`${base}/missing`, allow))).toBe('status');
    for (const path of ['/json', '/gzip', '/missing', '/untitled']) expect(await fetchPreview(`${base}${path}`, allow), path).toBeNull();
  });

  it('decodes the declared charset and keeps no image from a host outside the allow-list', async () => {
    expect((await fetchPreview(`${base}/latin1`, allow))?.title).toBe('Grüße aus Köln');
    expect(await fetchPreview(`${base}/external-image`, allow)).toMatchObject({ title: 'Extern', imageUrl: null });
  });
});

import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import type { LinkPreview } from '@innenhof/contract';
import { logger } from '../logger.js';
import { checkUrl, hostOf, isAllowListed, type Lookup, PreviewRefused, type Target } from './guard.js';
import { decodeHtml, parseMeta } from './html.js';

export { addressAllowed, checkUrl, normalizeAllowHost, PreviewRefused, type RefusalReason } from './guard.js';

export const USER_AGENT = 'Innenhof link preview';
export const PREVIEW_LIMITS = { timeoutMs: 5000, maxBytes: 512 * 1024, maxRedirects: 3 } as const;

export interface PreviewOptions {
  /** Intranet host names (canonical, see normalizeAllowHost) that may resolve to private addresses and use any port. */
  allowHosts: readonly string[];
  /** Total time for every hop, DNS and body together. */
  timeoutMs?: number;
  /** HTML read at most; the rest is never downloaded. */
  maxBytes?: number;
  /** DNS resolution (tests resolve made-up names; the default is the system resolver). */
  lookup?: Lookup;
}

/** A fetched page: the final URL after redirects and at most maxBytes of its HTML. */
export interface FetchedPage {
  url: URL;
  body: Buffer;
  charset: string | null;
  /** True when the page was longer than maxBytes and cut. */
  truncated: boolean;
}

const log = logger('link-preview');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Hop = { kind: 'redirect'; location: string } | { kind: 'page'; body: Buffer; charset: string | null; truncated: boolean };

/** Rejects when the signal aborts (a DNS lookup cannot be cancelled, but it can be stopped waiting for). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new PreviewRefused('timeout', 'timed out'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/**
 * One GET to the checked address. The connection goes to `target.address` (the custom lookup answers with
 * it, and IP literals skip lookup), while the Host header and TLS server name carry the host name: what was
 * checked is what is connected to, so a DNS answer that changes in between (rebinding) has no effect. No
 * agent (no pooled connection), no cookies, no credentials, no compression.
 */
function requestOnce(target: Target, signal: AbortSignal, maxBytes: number): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const pinned: LookupFunction = (_host, opts, cb) => {
      if (opts.all) cb(null, [{ address: target.address, family: target.family }]);
      else cb(null, target.address, target.family);
    };
    const secure = target.url.protocol === 'https:';
    const options: https.RequestOptions = {
      host: target.host,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: 'GET',
      agent: false,
      lookup: pinned,
      signal,
      headers: {
        host: target.url.host,
        'user-agent': USER_AGENT,
        accept: 'text/html',
        'accept-encoding': 'identity',
      },
      ...(secure ? { servername: net.isIP(target.host) ? '' : target.host } : {}),
    };
    const req = (secure ? https : http).request(options, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        const location = res.headers.location;
        res.destroy();
        settle(() => (location ? resolve({ kind: 'redirect', location }) : reject(new PreviewRefused('status', 'redirect without a location'))));
        return;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        settle(() => reject(new PreviewRefused('status', `status ${status}`)));
        return;
      }
      const [mime = '', ...params] = String(res.headers['content-type'] ?? '').split(';');
      if (mime.trim().toLowerCase() !== 'text/html') {
        res.destroy();
        settle(() => reject(new PreviewRefused('content_type', `content type ${mime.trim() || 'missing'}`)));
        return;
      }
      const encoding = String(res.headers['content-encoding'] ?? 'identity')
        .trim()
        .toLowerCase();
      if (encoding !== 'identity' && encoding !== '') {
        res.destroy();
        settle(() => reject(new PreviewRefused('encoding', `content encoding ${encoding}`)));
        return;
      }
      const charsetParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
      const charset = charsetParam ? charsetParam.slice('charset='.length).replace(/^["']|["']$/g, '') : null;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) => settle(() => resolve({ kind: 'page', body: Buffer.concat(chunks, size), charset, truncated }));
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = maxBytes - size;
        if (chunk.length >= room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          done(chunk.length > room || !res.complete);
          // Stop downloading: the rest of the page is never read.
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => done(false));
      res.on('error', (err) => settle(() => reject(err)));
      res.on('close', () => settle(() => (res.complete ? done(false) : reject(new PreviewRefused('network', 'connection closed early')))));
    });
    req.on('error', (err) => settle(() => reject(err)));
    req.end();
  });
}

/**
 * Fetches an HTML page through the SSRF guard (see guard.ts): every hop, redirects included (at most 3), is
 * checked and connected to by its checked address; one deadline covers everything; at most maxBytes are read.
 * Throws PreviewRefused with the reason.
 */
export async function fetchPage(raw: string | URL, options: PreviewOptions): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? PREVIEW_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? PREVIEW_LIMITS.maxBytes;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current: string | URL = raw;
    for (let hop = 0; ; hop++) {
      const target = await untilAborted(checkUrl(current, options.allowHosts, options.lookup), controller.signal);
      const res = await requestOnce(target, controller.signal, maxBytes);
      if (res.kind === 'page') return { url: target.url, body: res.body, charset: res.charset, truncated: res.truncated };
      if (hop >= PREVIEW_LIMITS.maxRedirects) throw new PreviewRefused('redirects', 'too many redirects');
      try {
        current = new URL(res.location, target.url);
      } catch {
        throw new PreviewRefused('scheme', 'redirect to something that is not a URL');
      }
    }
  } catch (err) {
    if (controller.signal.aborted) throw new PreviewRefused('timeout', `no answer within ${timeoutMs} ms`);
    if (err instanceof PreviewRefused) throw err;
    throw new PreviewRefused('network', err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/**
 * The card for a fetched page, or null when the page has no title. The image URL is kept only when it points
 * to an allow-listed intranet host: the web app's CSP loads no third-party image, and a third-party image
 * would tell an outside server who reads the post. The server never fetches or proxies the image.
 */
export function previewOf(requested: string, page: FetchedPage, allowHosts: readonly string[]): LinkPreview | null {
  const meta = parseMeta(decodeHtml(page.body, page.charset));
  const title = meta.ogTitle || meta.title;
  if (!title) return null;
  const description = meta.ogDescription || meta.description;
  let imageUrl: string | null = null;
  if (meta.image) {
    try {
      const image = new URL(meta.image, page.url);
      if ((image.protocol === 'http:' || image.protocol === 'https:') && !image.username && !image.password && isAllowListed(hostOf(image), allowHosts)) {
        imageUrl = image.href.length <= 2048 ? image.href : null;
      }
    } catch {
      imageUrl = null;
    }
  }
  return {
    url: new URL(requested).href,
    title: cut(title, 300),
    description: description ? cut(description, 500) : null,
    siteName: cut(meta.siteName || hostOf(page.url), 100),
    imageUrl,
  };
}

/**
 * A link preview for `url`, or null for any failure (refused by the guard, timeout, not HTML, no title…).
 * Never throws: a preview is decoration and must never block or fail what asked for it.
 */
export async function fetchPreview(url: string, options: PreviewOptions): Promise<LinkPreview | null> {
  try {
    return previewOf(url, await fetchPage(url, options), options.allowHosts);
  } catch (err) {
    log.debug({ reason: err instanceof PreviewRefused ? err.reason : 'error', message: err instanceof Error ? err.message : String(err) }, 'no link preview');
    return null;
  }
}

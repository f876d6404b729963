import { PASSWORD } from './harness.js';

/** A response read in full: status, headers and the parsed JSON body (null when the body is not JSON). */
export interface HttpResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are checked with expect()
  body: any;
}

/**
 * The harness Client over a real port (`fetch` instead of `app.inject`), for servers running in other processes:
 * keeps the session cookie, sends the CSRF token on writes and the public Origin. `at(url)` gives the same login on
 * another instance (the session lives in the shared database).
 */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    readonly base: string,
    readonly origin: string,
  ) {}

  /** The same session, talking to another instance. */
  at(base: string): HttpClient {
    const other = new HttpClient(base, this.origin);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async request(method: string, url: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { origin: this.origin };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(url, this.base), { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      if (!pair.includes('session_token')) continue;
      this.cookie = /=\s*$/.test(pair) || /Max-Age=0/i.test(c) ? null : pair;
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? (JSON.parse(text) as { csrfToken?: string }) : null;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, headers: res.headers, body: json };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body: unknown = {}) {
    return this.request('POST', url, body);
  }
  patch(url: string, body: unknown = {}) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async login(email: string, password = PASSWORD): Promise<void> {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

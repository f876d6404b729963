/**
 * The one HTTP client for `/api/v1`. Cookie session, CSRF header on every write,
 * errors normalized to `ApiError` with the server's stable code.
 */

/** One entry of `details.fields` of a `validation_failed` answer. */
export interface FieldProblem {
  field: string;
  /** The validator's English text; shown only when the keyword is unknown. */
  message: string;
  /** JSON Schema keyword: `required`, `minLength`, `maxLength`, `pattern`, `format`, `enum`, `maxItems`, … */
  keyword?: string;
  /** The keyword's parameters, e.g. `{ limit: 3 }` for `minLength`, `{ format: 'email' }` for `format`. */
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation problems keyed by field name (`details.fields`), the first one per field. */
  get fieldProblems(): Record<string, FieldProblem> {
    const out: Record<string, FieldProblem> = {};
    const details = this.details as { fields?: unknown } | undefined;
    if (details && Array.isArray(details.fields)) {
      for (const item of details.fields as FieldProblem[]) {
        if (item && typeof item.field === 'string') {
          // Servers may report JSON pointers (`/body/email`) or dotted paths (`skills.0`): keep the field itself.
          const name = item.field.replace(/^\/?(body\/|body\.)?/, '').split(/[/.]/)[0] ?? item.field;
          out[name] ??= {
            field: name,
            message: String(item.message ?? ''),
            keyword: typeof item.keyword === 'string' ? item.keyword : undefined,
            params: item.params && typeof item.params === 'object' ? item.params : {},
          };
        }
      }
    }
    return out;
  }

  /** Validation messages (the server's English text) keyed by field name, e.g. `{ email: 'must match format "email"' }`. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, problem] of Object.entries(this.fieldProblems)) out[name] = problem.message;
    return out;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for the few writes that cannot go through `api()` (uploads with progress via XMLHttpRequest). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /** Query parameters; undefined, null and '' are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
}

const BASE = '/api/v1';

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (method !== 'GET' && method !== 'DELETE') {
    headers['Content-Type'] = 'application/json';
    body = '{}';
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return fetch(buildUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
}

async function toError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): fall through to a generic error.
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, String(error.message ?? error.code), error.details);
  }
  const code = response.status === 413 ? 'payload_too_large' : response.status === 429 ? 'rate_limited' : 'internal';
  return new ApiError(response.status, code, response.statusText || code);
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await fetch(`${BASE}/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: string };
  if (!me.csrfToken) return false;
  setCsrfToken(me.csrfToken);
  return true;
}

/** Calls the API and returns the parsed JSON (or `undefined` for 204). Throws `ApiError`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(path, options);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Network error');
  }
  if (!response.ok) {
    let error = await toError(response);
    // A stale token (e.g. after logging in from another tab): fetch a fresh one and try once more.
    if (error.code === 'csrf_failed' && (options.method ?? 'GET') !== 'GET' && (await refreshCsrfToken())) {
      response = await send(path, options);
      if (response.ok) return parse<T>(response);
      error = await toError(response);
    }
    throw error;
  }
  return parse<T>(response);
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

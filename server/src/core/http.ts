import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { csrfTokenFor, safeEqual } from './auth/index.js';
import { lookupSession, sessionCookieName } from './auth/session.js';
import { AppError, UnauthenticatedError } from './errors.js';
import type { Actor } from './policy/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

export function webHeaders(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers);
  // better-auth records the client address from a header; we give it the one Fastify trusts.
  headers.set('x-innenhof-client-ip', request.ip);
  if (headers.has('x-forwarded-for')) headers.set('x-forwarded-for', request.ip);
  return headers;
}

/** Copies Set-Cookie (and nothing else) from a better-auth response onto the reply. */
export function forwardCookies(reply: FastifyReply, headers: Headers | undefined | null): void {
  const cookies = headers?.getSetCookie?.() ?? [];
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

/**
 * Resolves the session cookie to an actor on every API request, and refuses cookie-authenticated
 * writes without the CSRF token (and cross-origin writes of any kind).
 */
export const sessionPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    if (request.url.startsWith('/api/v1/health') || request.url.startsWith('/api/v1/ready')) return;
    // One-click unsubscribe from an e-mail (RFC 8058): mail clients post without session or Origin; the signed link is the authority.
    if (request.url.startsWith('/api/v1/notifications/unsubscribe')) return;

    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== ctx.config.publicOrigin) {
        throw new AppError(403, 'csrf_failed', `Cross-origin request refused (Origin ${origin} is not ${ctx.config.publicOrigin})`);
      }
    }

    const session = await resolveSession(ctx, request, reply);
    if (!session) return;
    request.actor = session.actor;
    request.sessionId = session.id;

    if (UNSAFE.has(request.method)) {
      const token = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(ctx.secret, session.id);
      if (typeof token !== 'string' || !safeEqual(token, expected)) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header (take it from GET /api/v1/me)');
      }
    }
  });
});

/**
 * The session behind the request's cookie (see core/auth/session.ts). Once a day per session the request
 * goes through better-auth's own getSession, which renews expiry and cookie.
 */
async function resolveSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<{ id: string; actor: Actor } | null> {
  const session = await lookupSession(ctx, request.cookies?.[sessionCookieName(ctx)]);
  if (!session) return null;
  if (session.renewDue) {
    const result = await ctx.auth.api.getSession({ headers: webHeaders(request), returnHeaders: true });
    forwardCookies(reply, result.headers);
    if (!result.response) return null;
  }
  return session;
}

export { sessionCookieName };

/**
 * Reads the one file of a multipart/form-data upload (field "file") into memory, refusing anything
 * over `maxBytes` with 413 `payload_too_large` naming the limit.
 */
export async function readFilePart(request: FastifyRequest, maxBytes: number): Promise<{ data: Buffer; filename: string; mimetype: string }> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'file: send it as multipart/form-data with a field named "file"');
  const tooLarge = () => new AppError(413, 'payload_too_large', `file: larger than ${Math.round(maxBytes / 1048576)} MB`);
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError(400, 'validation_failed', 'file: no file was sent', { fields: [{ field: 'file', message: 'required' }] });
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  return { data, filename: part.filename, mimetype: part.mimetype };
}

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldName(issue: ValidationIssue, context?: string): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params?.missingProperty as string | undefined;
  const extra = issue.params?.additionalProperty as string | undefined;
  const name = [path, missing ?? extra].filter(Boolean).join('.');
  return name || context || 'body';
}

/**
 * One entry per field, with a stable `keyword` (JSON Schema: `required`, `minLength`, `maxLength`, `pattern`,
 * `format`, `enum`, `maxItems`, …) and its `params`, so clients can translate. Of several issues on one field
 * (a nullable field reports its string and its null branch), the most specific one is kept.
 */
function validationFields(
  issues: ValidationIssue[],
  context?: string,
): Array<{ field: string; message: string; keyword: string; params: Record<string, unknown> }> {
  const generic = new Set(['type', 'anyOf', 'oneOf', 'const', 'if']);
  const byField = new Map<string, ValidationIssue>();
  for (const issue of issues) {
    const field = fieldName(issue, context);
    const seen = byField.get(field);
    if (!seen || (generic.has(seen.keyword ?? '') && !generic.has(issue.keyword ?? ''))) byField.set(field, issue);
  }
  return [...byField.entries()].map(([field, issue]) => ({
    field,
    message: issue.message ?? 'is invalid',
    keyword: issue.keyword ?? 'invalid',
    params: issue.params ?? {},
  }));
}

/** One error shape for everything: `{ error: { code, message, details? } }`; 5xx hide their message. */
export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
    if (error.status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(error.status).send({ error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
    return;
  }
  const fe = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) {
    const fields = validationFields(fe.validation, fe.validationContext);
    const first = fields[0];
    void reply.status(400).send({
      error: { code: 'validation_failed', message: first ? `${first.field}: ${first.message}` : 'Invalid request', details: { fields } },
    });
    return;
  }
  const status = fe.statusCode ?? 500;
  const byStatus: Record<number, [string, string]> = {
    400: ['bad_request', fe.message],
    401: ['unauthenticated', 'Please log in'],
    403: ['forbidden', 'You are not allowed to do this'],
    404: ['not_found', 'Not found'],
    406: ['unsupported_media_type', fe.message],
    413: ['payload_too_large', 'The request body is too large'],
    415: ['unsupported_media_type', fe.message || 'Unsupported content type'],
    429: ['rate_limited', 'Too many requests, please wait a moment'],
  };
  const mapped = byStatus[status];
  if (mapped && status < 500) {
    void reply.status(status === 406 ? 415 : status).send({ error: { code: mapped[0], message: mapped[1] } });
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side. It has been logged.' } });
}

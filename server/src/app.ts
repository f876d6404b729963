import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { Limits } from '@innenhof/contract';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { Redis } from 'ioredis';
import type { AppContext } from './context.js';
import { AppError } from './core/errors.js';
import { errorHandler, sessionPlugin } from './core/http.js';
import { redactPaths } from './core/logger.js';
import { Realtime } from './core/realtime/index.js';
import { defaultWebDir } from './core/paths.js';
import { adminRoutes } from './features/admin/routes.js';
import { registerChatRealtime } from './features/chat/events.js';
import { dropIfUnsent, UNSENT_JOB } from './features/chat/messages.js';
import { chatRoutes } from './features/chat/routes.js';
import { dropIfUnposted, UNPOSTED_JOB } from './features/feed/attachments.js';
import { registerFeedRealtime } from './features/feed/events.js';
import './features/chat/notifications.js';
import './features/feed/notifications.js';
import './features/groups/notifications.js';
import './features/events/notifications.js';
import { registerEventsRealtime } from './features/events/events.js';
import { EVENT_REMINDER_TICK_JOB, reminderTick } from './features/events/reminders.js';
import { eventRoutes } from './features/events/routes.js';
import './features/polls/notifications.js';
import './features/escalation/notifications.js';
import { registerEscalationRealtime } from './features/escalation/events.js';
import { ESCALATION_TIMEOUT_JOB, escalateIfDue } from './features/escalation/escalations.js';
import { escalationRoutes } from './features/escalation/routes.js';
import './features/workshops/notifications.js';
import { registerWorkshopRealtime } from './features/workshops/events.js';
import { workshopRoutes } from './features/workshops/routes.js';
import { closeDue, POLL_CLOSE_JOB, POLL_REMIND_JOB, remindDue } from './features/polls/service.js';
import { pollRoutes } from './features/polls/routes.js';
import { registerNotificationRealtime } from './features/notifications/events.js';
import { FANOUT_JOB } from './features/notifications/registry.js';
import { notificationRoutes } from './features/notifications/routes.js';
import { DIGEST_TICK_JOB, digestTick } from './features/notifications/digest.js';
import { sendNotificationEmail } from './features/notifications/email.js';
import { EMAIL_JOB, fanout } from './features/notifications/service.js';
import { feedModerationRoutes } from './features/feed/reports-routes.js';
import { fillLinkPreview, LINK_PREVIEW_JOB } from './features/feed/link-preview.js';
import { linkPreviewRoutes } from './features/feed/link-preview-routes.js';
import { feedRoutes } from './features/feed/routes.js';
import { fileRoutes } from './features/files/routes.js';
import { registerGroupRealtime } from './features/groups/events.js';
import { groupRoutes } from './features/groups/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { invitationRoutes } from './features/invitations/routes.js';
import { registerSessionRealtime } from './features/session/events.js';
import { sessionRoutes } from './features/session/routes.js';
import { settingsRoutes } from './features/settings/routes.js';
import { setupRoutes } from './features/setup/routes.js';
import { registerUserRealtime } from './features/users/events.js';
import { usersRoutes } from './features/users/routes.js';

export interface BuildOptions {
  /** Pino options or false (tests). */
  logger?: boolean | object;
}

/** Builds the Fastify app: security, sessions, every feature's routes (listed here, no autoloading), the web app. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: redactPaths },
    bodyLimit: Limits.jsonBodyMaxBytes,
    trustProxy: config.trustProxy,
    // A log line per request halves throughput; operators get them with INNENHOF_LOG_LEVEL=debug.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  });

  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(config.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    hsts: config.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  // Cluster mode: rate limits are shared by every instance through Redis (presence joins it with real-time).
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 }) : null;
  if (redis) {
    // A lost or slow Redis connection is logged and retried by ioredis, never an unhandled error event.
    redis.on('error', (err: Error) => app.log.warn({ err: err.message }, 'redis (rate limits) connection error'));
    app.addHook('onClose', async () => void (await redis.quit()));
  }
  // Load tests only (INNENHOF_WRITE_RATE_LIMIT, set by `npm run bench`): every route's limit is raised to at least this
  // many per window, so the write scenarios measure the server, not the limiter. Added before the plugin's own onRoute hook.
  const writeFloor = config.writeRateLimit;
  if (writeFloor !== null) {
    app.addHook('onRoute', (route) => {
      const limit = route.config?.rateLimit;
      if (route.config && limit && typeof limit.max === 'number' && limit.max < writeFloor) route.config.rateLimit = { ...limit, max: writeFloor };
    });
  }
  await app.register(rateLimit, {
    global: false,
    // After body parsing: the login limit keys on address and account.
    hook: 'preHandler',
    ...(redis ? { redis, nameSpace: `${config.redisPrefix}rl:` } : {}),
    errorResponseBuilder: (_req, context) => new AppError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Innenhof API', version: 'v1', description: 'The REST API of Innenhof, the self-hosted social intranet.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'innenhof.session_token' } } },
    },
  });
  await app.register(sessionPlugin, { ctx });

  // Features, explicitly.
  await app.register(healthRoutes, { ctx });
  await app.register(setupRoutes, { ctx });
  await app.register(sessionRoutes, { ctx });
  await app.register(usersRoutes, { ctx });
  await app.register(invitationRoutes, { ctx });
  await app.register(groupRoutes, { ctx });
  await app.register(chatRoutes, { ctx });
  await app.register(feedRoutes, { ctx });
  await app.register(feedModerationRoutes, { ctx });
  await app.register(linkPreviewRoutes, { ctx });
  await app.register(eventRoutes, { ctx });
  ctx.jobs.register(EVENT_REMINDER_TICK_JOB, () => reminderTick(ctx));
  await app.register(pollRoutes, { ctx });
  ctx.jobs.register(POLL_CLOSE_JOB, (payload) => closeDue(ctx, String(payload.pollId)));
  ctx.jobs.register(POLL_REMIND_JOB, (payload) => remindDue(ctx, String(payload.pollId)));
  await app.register(escalationRoutes, { ctx });
  ctx.jobs.register(ESCALATION_TIMEOUT_JOB, async (payload) => void (await escalateIfDue(ctx, String(payload.escalationId))));
  ctx.jobs.register(UNPOSTED_JOB, (payload) => dropIfUnposted(ctx, String(payload.id)));
  ctx.jobs.register(LINK_PREVIEW_JOB, (payload) => fillLinkPreview(ctx, payload));
  ctx.jobs.register(UNSENT_JOB, (payload) => dropIfUnsent(ctx, String(payload.id)));
  await app.register(workshopRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  ctx.jobs.register(FANOUT_JOB, (payload) => fanout(ctx, String(payload.eventId)));
  ctx.jobs.register(EMAIL_JOB, (payload) => sendNotificationEmail(ctx, String(payload.notificationId)));
  ctx.jobs.register(DIGEST_TICK_JOB, () => digestTick(ctx));
  await app.register(settingsRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(fileRoutes, { ctx });

  // Real-time gateway on the same port (path /api/v1/realtime); features declare rooms and routes.
  const realtime = new Realtime(ctx, app.server);
  ctx.realtime = realtime;
  registerGroupRealtime(realtime, ctx.db.db);
  registerUserRealtime(realtime, ctx);
  registerSessionRealtime(realtime);
  registerChatRealtime(realtime, ctx.db.db);
  registerFeedRealtime(realtime);
  registerEventsRealtime(realtime);
  registerEscalationRealtime(realtime);
  registerWorkshopRealtime(realtime, ctx.db.db);
  registerNotificationRealtime(realtime);
  for (const type of realtime.routedTypes()) ctx.outbox.on(type, (event) => realtime.deliver(event));
  app.addHook('preClose', async () => {
    await realtime.close();
    ctx.realtime = null;
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The web app: hashed assets cached for a year, index.html always revalidated, pre-compressed files preferred.
  const webDir = config.webDir ?? defaultWebDir;
  const indexFile = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  const readIf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);
  const shell = hasWeb ? { raw: fs.readFileSync(indexFile), br: readIf(`${indexFile}.br`), gzip: readIf(`${indexFile}.gz`) } : null;
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      preCompressed: true,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No such API route: ${request.method} ${request.url.split('?')[0]}` } });
    }
    if (shell && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes (/people/…, /invite/…) all load the app shell, kept in memory in every encoding.
      const accepts = String(request.headers['accept-encoding'] ?? '');
      const encoding = shell.br && /\bbr\b/.test(accepts) ? 'br' : shell.gzip && /\bgzip\b/.test(accepts) ? 'gzip' : null;
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding');
      if (encoding) reply.header('content-encoding', encoding);
      return reply.send(encoding === 'br' ? shell.br : encoding === 'gzip' ? shell.gzip : shell.raw);
    }
    return reply.status(404).send({ error: { code: 'not_found', message: 'Not found (the web app is not built: run npm run build)' } });
  });

  return app;
}

import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app.js';
import { buildConfig, type Config } from './config/config.js';
import { readEnv } from './config/env.js';
import { type AppContext, createContext } from './context.js';
import { migrateToLatest } from './core/db/migrate.js';
import { logger, redactPaths, setRootLogger } from './core/logger.js';
import { queuePasswordResetMail } from './features/session/mails.js';
import { scheduleReminderTick } from './features/events/reminders.js';
import { scheduleDigestTick } from './features/notifications/digest.js';

export interface Running {
  app: FastifyInstance;
  ctx: AppContext;
  stop(): Promise<void>;
}

/** Reads the configuration from the environment, or prints every problem and exits 1. */
export function loadConfigOrExit(): Config {
  try {
    return buildConfig(readEnv());
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\nSee docs/configuration.md for every setting.\n`);
    process.exit(1);
  }
}

/** The context every command uses: configuration, database (migrated), services. */
export async function openContext(config: Config): Promise<AppContext> {
  const ctx = createContext(config, { onPasswordReset: queuePasswordResetMail });
  await migrateToLatest(ctx.db);
  return ctx;
}

/** Starts Innenhof: migrations, background workers, HTTP. */
export async function start(config: Config): Promise<Running> {
  const t0 = performance.now();
  setRootLogger(pino({ level: config.logLevel, redact: redactPaths }));
  // A Redis or network hiccup in a background promise (e.g. a cluster-wide room change) must not take
  // the server down: log it. Everything acknowledged is in the database; the outbox retries delivery.
  process.on('unhandledRejection', (err) => logger('process').error({ err }, 'unhandled rejection'));
  const ctx = await openContext(config);
  const app = await buildApp(ctx);
  ctx.outbox.start();
  ctx.jobs.start();
  // The hourly digest tick (07:00 in each recipient's time zone): one waiting job, kept by the ticks themselves.
  await scheduleDigestTick(ctx);
  // Event reminders: a tick every five minutes, kept by the ticks themselves.
  await scheduleReminderTick(ctx);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { url: config.publicUrl, database: ctx.db.dialect, mail: ctx.mailer.mode, startupMs: Math.round(performance.now() - t0) },
    `Innenhof is running at ${config.publicUrl}`,
  );
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await ctx.jobs.stop();
      await ctx.outbox.stop();
      ctx.mailer.close();
      await ctx.db.close();
    })();
    return stopping;
  };
  return { app, ctx, stop };
}

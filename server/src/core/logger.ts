import pino, { type Logger } from 'pino';

let root: Logger = pino({ level: process.env.INNENHOF_LOG_LEVEL ?? 'info' });

/** Sets the process-wide root logger (done once by the composition root). */
export function setRootLogger(logger: Logger): void {
  root = logger;
}

/** One child logger per subsystem: `logger('jobs')`. */
export function logger(subsystem: string): Logger {
  return root.child({ subsystem });
}

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
];

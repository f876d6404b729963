import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config/config.js';
import type { Db, Executor } from '../db/index.js';
import { newId, now } from '../ids.js';
import { enqueue, type JobWorker } from '../jobs.js';
import { logger } from '../logger.js';
import type { RenderedMail } from './templates.js';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Stable across retries, so a receiving server can drop a duplicate (`<id@host>`). */
  messageId?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
}

export const MAIL_JOB = 'mail.send';

/**
 * Sends mail through SMTP when configured; otherwise stores it in the mail outbox that admins read in the app.
 * Mails are always sent from a durable job, so a mail is never lost to a crash or an SMTP hiccup.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private readonly log = logger('mail');

  constructor(
    private readonly config: Config,
    private readonly db: Db,
  ) {
    const smtp = config.smtp;
    this.transport = smtp
      ? nodemailer.createTransport(
          smtp.url ?? {
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
            ignoreTLS: !smtp.secure && smtp.host === '127.0.0.1',
          },
        )
      : null;
  }

  get mode(): 'smtp' | 'outbox' {
    return this.transport ? 'smtp' : 'outbox';
  }

  /** Queues a mail inside the caller's transaction; it is sent after commit. */
  async queue(executor: Executor, mail: OutgoingMail, worker?: JobWorker): Promise<void> {
    await enqueue(executor, MAIL_JOB, { ...mail });
    worker?.kick();
  }

  /** Delivers now (the job handler). */
  async deliver(mail: OutgoingMail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.headers ? { headers: mail.headers } : {}),
      });
      this.log.info({ subject: mail.subject }, 'mail sent');
      return;
    }
    await this.db.db
      .insertInto('mail_messages')
      .values({ id: newId(), to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, created_at: now() })
      .execute();
    this.log.info({ subject: mail.subject }, 'mail stored in outbox (no SMTP configured)');
  }

  close(): void {
    this.transport?.close();
  }
}

import { ErrorBody, IdParams, MailDelivery, MailDeliveryStatus, MailMessage, NoContent, Page, PageQuery } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import { NotFoundError } from '../../core/errors.js';
import { now } from '../../core/ids.js';
import { MAIL_JOB } from '../../core/mail/mailer.js';
import { decodeCursor, pageOf } from '../../core/pagination.js';
import { authorize } from '../../core/policy/index.js';
import type { AppContext } from '../../context.js';
import '../settings/policy.js';
import { INSTANCE } from '../users/policy.js';

/** Admin → Mail outbox: where mails land while no SMTP server is configured. */
export async function adminRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/admin/mail',
    {
      schema: {
        operationId: 'admin.mailOutbox',
        tags: ['admin'],
        querystring: Type.Object(PageQuery),
        response: { 200: Page(MailMessage), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'mail_outbox.view', INSTANCE);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 1);
      let q = ctx.db.db
        .selectFrom('mail_messages')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) q = q.where('id', '<', String(after[0]));
      const rows = await q.execute();
      return pageOf(
        rows,
        limit,
        (r) => [r.id],
        (page) => page.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, text: r.text_body, html: r.html_body, createdAt: r.created_at })),
      );
    },
  );

  // Admin → Mail deliveries: every e-mail is a job; failed ones (after the last attempt) can be retried.
  app.get(
    '/api/v1/admin/mail/deliveries',
    {
      schema: {
        operationId: 'admin.mailDeliveries',
        tags: ['admin'],
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(MailDeliveryStatus) }),
        response: { 200: Page(MailDelivery), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'mail_outbox.view', INSTANCE);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 1);
      let q = ctx.db.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', MAIL_JOB)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (req.query.status === 'sent') q = q.where('done_at', 'is not', null);
      if (req.query.status === 'failed') q = q.where('failed_at', 'is not', null);
      if (req.query.status === 'pending') q = q.where('done_at', 'is', null).where('failed_at', 'is', null);
      if (after) q = q.where('id', '<', String(after[0]));
      const rows = await q.execute();
      return pageOf(
        rows,
        limit,
        (r) => [r.id],
        (page) =>
          page.map((r) => {
            const mail = JSON.parse(r.payload) as { to?: string; subject?: string };
            const status = r.done_at ? 'sent' : r.failed_at ? 'failed' : 'pending';
            return {
              id: r.id,
              to: mail.to ?? '',
              subject: mail.subject ?? '',
              status,
              attempts: r.attempts,
              maxAttempts: r.max_attempts,
              lastError: r.last_error,
              createdAt: r.created_at,
              nextAttemptAt: status === 'pending' ? r.run_at : null,
              sentAt: r.done_at,
              failedAt: r.failed_at,
            } as const;
          }),
      );
    },
  );
  app.post(
    '/api/v1/admin/mail/deliveries/:id/retry',
    {
      schema: {
        operationId: 'admin.retryMailDelivery',
        tags: ['admin'],
        params: IdParams,
        response: { 204: NoContent, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      authorize(requireActor(req), 'mail_outbox.view', INSTANCE);
      // Only a job that gave up is sent again: from the start, with its attempts counted afresh.
      const r = await ctx.db.db
        .updateTable('jobs')
        .set({ failed_at: null, attempts: 0, run_at: now(), locked_until: null })
        .where('id', '=', req.params.id)
        .where('kind', '=', MAIL_JOB)
        .where('failed_at', 'is not', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('Failed mail');
      ctx.jobs.kick();
      return reply.status(204).send(null);
    },
  );
}

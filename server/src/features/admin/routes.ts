import { ErrorBody, MailMessage, Page, PageQuery } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
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
}

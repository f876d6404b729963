import { ErrorBody, HashtagInfo, IdParams, NoContent, PostReport, ReportStatus, UserSummary } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { confirmationList, hashtagInfo, hashtagSuggestions, mentionSuggestions, visibleAuthor } from './service.js';
import * as reports from './reports.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['feed'];
/** Reporting posts to the admins, their list, followers, and the confirmation export. */
export async function feedModerationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/posts/:id/reports',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'posts.report',
        tags,
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String() }), 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const { id, created } = await reports.report(ctx, requireActor(req), req.params.id, req.body.reason);
      return reply.status(created ? 201 : 200).send({ id });
    },
  );

  app.get(
    '/api/v1/admin/reports',
    {
      schema: {
        operationId: 'admin.reports',
        tags,
        querystring: Type.Object({ status: Type.Optional(ReportStatus), cursor: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: Type.Object({ items: Type.Array(PostReport), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors },
      },
    },
    async (req) => reports.listReports(ctx, requireActor(req), req.query.status ?? 'open', req.query.cursor),
  );

  app.post(
    '/api/v1/admin/reports/:id/resolve',
    {
      schema: {
        operationId: 'admin.resolveReport',
        tags,
        params: IdParams,
        body: Type.Object({ action: Type.Union([Type.Literal('hide'), Type.Literal('keep')]) }, { additionalProperties: false }),
        response: { 204: NoContent, ...errors },
      },
    },
    async (req, reply) => {
      await reports.resolveReport(ctx, requireActor(req), req.params.id, req.body.action);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/mentions',
    {
      schema: {
        operationId: 'feed.mentions',
        tags,
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }), groupId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Type.Object({ items: Type.Array(UserSummary) }), ...errors },
      },
    },
    async (req) => ({ items: await mentionSuggestions(ctx, requireActor(req), req.query.q.trim(), req.query.groupId) }),
  );

  app.get(
    '/api/v1/hashtags',
    {
      schema: {
        operationId: 'feed.hashtags',
        tags,
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) }), ...errors },
      },
    },
    async (req) => ({ items: await hashtagSuggestions(ctx, requireActor(req), req.query.q.trim()) }),
  );

  app.get(
    '/api/v1/hashtags/:tag',
    {
      schema: {
        operationId: 'feed.hashtagInfo',
        tags,
        params: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 50, pattern: '^[\\p{L}\\p{N}_]+$' }) }),
        response: { 200: HashtagInfo, ...errors },
      },
    },
    async (req) => hashtagInfo(ctx, requireActor(req), req.params.tag.toLowerCase()),
  );

  app.get(
    '/api/v1/users/:id/followers',
    {
      schema: {
        operationId: 'users.followers',
        tags,
        params: IdParams,
        response: { 200: Type.Object({ count: Type.Integer(), following: Type.Boolean(), items: Type.Array(UserSummary) }), ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return reports.followers(ctx, actor, await visibleAuthor(ctx, actor, req.params.id));
    },
  );

  app.get('/api/v1/posts/:id/confirmations.csv', { schema: { operationId: 'posts.confirmationsCsv', tags, params: IdParams } }, async (req, reply) => {
    const list = await confirmationList(ctx, requireActor(req), req.params.id);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="confirmations-${req.params.id}.csv"`)
      .send(`\uFEFF${reports.confirmationsCsv(list)}`);
  });
}

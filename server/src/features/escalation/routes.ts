import {
  CreateEscalationTopic,
  DirectoryEditors,
  ErrorBody,
  Escalation,
  EscalationPage,
  EscalationsQuery,
  EscalationTopic,
  EscalationTopicPage,
  EscalationTopicsQuery,
  EscalationTopicVersionPage,
  Holidays,
  IdParams,
  RaiseEscalation,
  SetDirectoryEditors,
  UpdateEscalationTopic,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import * as escalations from './escalations.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['escalation'];
const VersionsQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

/** The escalation directory ("Wer ist zuständig?") and urgent escalations. */
export async function escalationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const raiseLimit = {
    rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get(
    '/api/v1/escalation/topics',
    { schema: { operationId: 'escalation.listTopics', tags, querystring: EscalationTopicsQuery, response: { 200: EscalationTopicPage, ...errors } } },
    async (req) => service.listTopics(ctx, requireActor(req), req.query),
  );
  app.post(
    '/api/v1/escalation/topics',
    { schema: { operationId: 'escalation.createTopic', tags, body: CreateEscalationTopic, response: { 201: EscalationTopic, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createTopic(ctx, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/escalation/topics/:id',
    { schema: { operationId: 'escalation.getTopic', tags, params: IdParams, response: { 200: EscalationTopic, ...errors } } },
    async (req) => service.getTopic(ctx, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/v1/escalation/topics/:id',
    { schema: { operationId: 'escalation.updateTopic', tags, params: IdParams, body: UpdateEscalationTopic, response: { 200: EscalationTopic, ...errors } } },
    async (req) => service.updateTopic(ctx, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/escalation/topics/:id/archive',
    { schema: { operationId: 'escalation.archiveTopic', tags, params: IdParams, response: { 200: EscalationTopic, ...errors } } },
    async (req) => service.setArchived(ctx, requireActor(req), req.params.id, true),
  );
  app.post(
    '/api/v1/escalation/topics/:id/restore',
    { schema: { operationId: 'escalation.restoreTopic', tags, params: IdParams, response: { 200: EscalationTopic, ...errors } } },
    async (req) => service.setArchived(ctx, requireActor(req), req.params.id, false),
  );
  app.get(
    '/api/v1/escalation/topics/:id/versions',
    {
      schema: {
        operationId: 'escalation.topicVersions',
        tags,
        params: IdParams,
        querystring: VersionsQuery,
        response: { 200: EscalationTopicVersionPage, ...errors },
      },
    },
    async (req) => service.listVersions(ctx, requireActor(req), req.params.id, req.query),
  );
  app.get('/api/v1/escalation/export.csv', { schema: { operationId: 'escalation.exportCsv', tags } }, async (req, reply) => {
    const csv = await service.exportCsv(ctx, requireActor(req));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="escalation-directory.csv"')
      .send(`\uFEFF${csv}`);
  });
  app.get('/api/v1/escalation/holidays', { schema: { operationId: 'escalation.getHolidays', tags, response: { 200: Holidays, ...errors } } }, async (req) =>
    service.getHolidays(ctx, requireActor(req)),
  );
  app.put(
    '/api/v1/escalation/holidays',
    { schema: { operationId: 'escalation.setHolidays', tags, body: Holidays, response: { 200: Holidays, ...errors } } },
    async (req) => service.setHolidays(ctx, requireActor(req), req.body),
  );
  app.get(
    '/api/v1/escalation/editors',
    { schema: { operationId: 'escalation.getEditors', tags, response: { 200: DirectoryEditors, ...errors } } },
    async (req) => service.getEditors(ctx, requireActor(req)),
  );
  app.put(
    '/api/v1/escalation/editors',
    { schema: { operationId: 'escalation.setEditors', tags, body: SetDirectoryEditors, response: { 200: DirectoryEditors, ...errors } } },
    async (req) => service.setEditors(ctx, requireActor(req), req.body),
  );

  app.post(
    '/api/v1/escalation/topics/:id/escalations',
    {
      config: raiseLimit,
      schema: { operationId: 'escalations.raise', tags, params: IdParams, body: RaiseEscalation, response: { 201: Escalation, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await escalations.raise(ctx, requireActor(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/escalations',
    { schema: { operationId: 'escalations.list', tags, querystring: EscalationsQuery, response: { 200: EscalationPage, ...errors } } },
    async (req) => escalations.listEscalations(ctx, requireActor(req), req.query),
  );
  app.get(
    '/api/v1/escalations/:id',
    { schema: { operationId: 'escalations.get', tags, params: IdParams, response: { 200: Escalation, ...errors } } },
    async (req) => escalations.getEscalation(ctx, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/escalations/:id/acknowledge',
    { schema: { operationId: 'escalations.acknowledge', tags, params: IdParams, response: { 200: Escalation, ...errors } } },
    async (req) => escalations.acknowledge(ctx, requireActor(req), req.params.id),
  );
}

import {
  AddWorkshopComment,
  CreateScenario,
  MyWorkshopScores,
  SetWorkshopScores,
  WorkshopComment,
  WorkshopProgress,
  WorkshopReport,
  WorkshopRoundComparison,
  CreateWorkshopSession,
  ErrorBody,
  ExerciseEscalation,
  IdParams,
  NoContent,
  PostStageMessage,
  ScenarioIdParams,
  ScenarioQuery,
  ScenariosQuery,
  SendInject,
  StageEntry,
  UpdateScenario,
  WorkshopScenario,
  WorkshopSession,
  WorkshopSessionPage,
  WorkshopSessionsQuery,
  WorkshopStage,
  Page,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import * as evaluation from './evaluation.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['workshops'];
const base = '/api/v1/workshops';

/** Role-play workshops: the scenario library, sessions and their lifecycle, the practice stage, injects, exercise escalations. */
export async function workshopRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const writeLimit = {
    rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get(
    `${base}/scenarios`,
    { schema: { operationId: 'workshops.listScenarios', tags, querystring: ScenariosQuery, response: { 200: Page(WorkshopScenario), ...errors } } },
    async (req) => service.listScenarios(ctx, requireActor(req), req.query),
  );
  app.post(
    `${base}/scenarios`,
    { config: writeLimit, schema: { operationId: 'workshops.createScenario', tags, body: CreateScenario, response: { 201: WorkshopScenario, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createScenario(ctx, requireActor(req), req.body)),
  );
  app.get(
    `${base}/scenarios/:id`,
    {
      schema: {
        operationId: 'workshops.getScenario',
        tags,
        params: ScenarioIdParams,
        querystring: ScenarioQuery,
        response: { 200: WorkshopScenario, ...errors },
      },
    },
    async (req) => service.getScenario(ctx, requireActor(req), req.params.id, req.query.language),
  );
  app.patch(
    `${base}/scenarios/:id`,
    {
      schema: { operationId: 'workshops.updateScenario', tags, params: ScenarioIdParams, body: UpdateScenario, response: { 200: WorkshopScenario, ...errors } },
    },
    async (req) => service.updateScenario(ctx, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    `${base}/scenarios/:id`,
    { schema: { operationId: 'workshops.deleteScenario', tags, params: ScenarioIdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deleteScenario(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/sessions`,
    { schema: { operationId: 'workshops.listSessions', tags, querystring: WorkshopSessionsQuery, response: { 200: WorkshopSessionPage, ...errors } } },
    async (req) => service.listSessions(ctx, requireActor(req), req.query),
  );
  app.post(
    `${base}/sessions`,
    {
      config: writeLimit,
      schema: { operationId: 'workshops.createSession', tags, body: CreateWorkshopSession, response: { 201: WorkshopSession, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await service.createSession(ctx, requireActor(req), req.body)),
  );
  app.get(
    `${base}/sessions/:id`,
    { schema: { operationId: 'workshops.getSession', tags, params: IdParams, response: { 200: WorkshopSession, ...errors } } },
    async (req) => service.getSession(ctx, requireActor(req), req.params.id),
  );
  app.delete(
    `${base}/sessions/:id`,
    { schema: { operationId: 'workshops.deleteSession', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deleteSession(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  for (const change of ['start', 'pause', 'resume', 'end'] as const) {
    app.post(
      `${base}/sessions/:id/${change}`,
      { schema: { operationId: `workshops.${change}`, tags, params: IdParams, response: { 200: WorkshopSession, ...errors } } },
      async (req) => service.transition(ctx, requireActor(req), req.params.id, change),
    );
  }
  app.post(
    `${base}/sessions/:id/rounds`,
    { config: writeLimit, schema: { operationId: 'workshops.nextRound', tags, params: IdParams, response: { 201: WorkshopSession, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.nextRound(ctx, requireActor(req), req.params.id)),
  );

  app.get(
    `${base}/sessions/:id/stage`,
    { schema: { operationId: 'workshops.stage', tags, params: IdParams, response: { 200: WorkshopStage, ...errors } } },
    async (req) => service.getStage(ctx, requireActor(req), req.params.id),
  );
  app.post(
    `${base}/sessions/:id/stage/messages`,
    {
      config: writeLimit,
      schema: { operationId: 'workshops.postMessage', tags, params: IdParams, body: PostStageMessage, response: { 201: StageEntry, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await service.postMessage(ctx, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/sessions/:id/injects`,
    { config: writeLimit, schema: { operationId: 'workshops.sendInject', tags, params: IdParams, body: SendInject, response: { 201: StageEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.sendInject(ctx, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/sessions/:id/escalations`,
    {
      config: writeLimit,
      schema: { operationId: 'workshops.escalate', tags, params: IdParams, body: ExerciseEscalation, response: { 201: StageEntry, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await service.escalate(ctx, requireActor(req), req.params.id, req.body)),
  );

  // Evaluation, after the end.
  app.get(
    `${base}/sessions/:id/report`,
    { schema: { operationId: 'workshops.report', tags, params: IdParams, response: { 200: WorkshopReport, ...errors } } },
    async (req) => evaluation.getReport(ctx, requireActor(req), req.params.id),
  );
  app.get(
    `${base}/sessions/:id/comparison`,
    { schema: { operationId: 'workshops.compareRounds', tags, params: IdParams, response: { 200: WorkshopRoundComparison, ...errors } } },
    async (req) => evaluation.compareWithPrevious(ctx, requireActor(req), req.params.id),
  );
  app.get(
    `${base}/sessions/:id/scores`,
    { schema: { operationId: 'workshops.myScores', tags, params: IdParams, response: { 200: MyWorkshopScores, ...errors } } },
    async (req) => evaluation.myScores(ctx, requireActor(req), req.params.id),
  );
  app.put(
    `${base}/sessions/:id/scores`,
    {
      config: writeLimit,
      schema: { operationId: 'workshops.setScores', tags, params: IdParams, body: SetWorkshopScores, response: { 200: MyWorkshopScores, ...errors } },
    },
    async (req) => evaluation.setScores(ctx, requireActor(req), req.params.id, req.body),
  );
  app.post(
    `${base}/sessions/:id/comments`,
    {
      config: writeLimit,
      schema: { operationId: 'workshops.comment', tags, params: IdParams, body: AddWorkshopComment, response: { 201: WorkshopComment, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await evaluation.addComment(ctx, requireActor(req), req.params.id, req.body)),
  );
  app.get(`${base}/progress`, { schema: { operationId: 'workshops.progress', tags, response: { 200: WorkshopProgress, ...errors } } }, async (req) =>
    evaluation.myProgress(ctx, requireActor(req)),
  );
}

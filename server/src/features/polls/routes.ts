import { AddPollOption, CastVote, ErrorBody, Event, IdParams, Poll, PollToEvent, UpdatePoll } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { useBallotSecret } from './ballot.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['polls'];

/**
 * Polls and date polls. A poll is made with its post (`CreatePost.poll`) and shown in it (`Post.poll`);
 * these routes vote, add options, close, export and turn a date poll into an event. `:id` is the poll's id.
 */
export async function pollRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  useBallotSecret(ctx.secret);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const writeLimit = {
    rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get('/api/v1/polls/:id', { schema: { operationId: 'polls.get', tags, params: IdParams, response: { 200: Poll, ...errors } } }, async (req) =>
    service.getPoll(ctx, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/polls/:id/votes',
    { config: writeLimit, schema: { operationId: 'polls.vote', tags, params: IdParams, body: CastVote, response: { 200: Poll, ...errors } } },
    async (req) => service.castVote(ctx, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/polls/:id/votes',
    { config: writeLimit, schema: { operationId: 'polls.withdraw', tags, params: IdParams, response: { 200: Poll, ...errors } } },
    async (req) => service.withdrawVote(ctx, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/polls/:id/options',
    { config: writeLimit, schema: { operationId: 'polls.addOption', tags, params: IdParams, body: AddPollOption, response: { 200: Poll, ...errors } } },
    async (req) => service.addOption(ctx, requireActor(req), req.params.id, req.body),
  );
  app.patch(
    '/api/v1/polls/:id',
    { schema: { operationId: 'polls.update', tags, params: IdParams, body: UpdatePoll, response: { 200: Poll, ...errors } } },
    async (req) => service.updatePoll(ctx, requireActor(req), req.params.id, req.body),
  );
  app.get('/api/v1/polls/:id/export.csv', { schema: { operationId: 'polls.exportCsv', tags, params: IdParams } }, async (req, reply) => {
    const { filename, csv } = await service.exportCsv(ctx, requireActor(req), req.params.id);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(`\uFEFF${csv}`);
  });
  app.post(
    '/api/v1/polls/:id/event',
    { schema: { operationId: 'polls.toEvent', tags, params: IdParams, body: PollToEvent, response: { 201: Event, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.pollToEvent(ctx, requireActor(req), req.params.id, req.body)),
  );
}

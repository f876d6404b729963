import fs from 'node:fs';
import {
  CalendarFeed,
  CreateEvent,
  ErrorBody,
  Event,
  EventsQuery,
  IdParams,
  NoContent,
  OccurrenceQuery,
  Page,
  Participant,
  ParticipantsQuery,
  SetRsvp,
  UpdateEvent,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { contentDisposition } from '../../core/storage.js';
import type { AppContext } from '../../context.js';
import * as ics from './ics.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const tags = ['events'];
const Calendar = Type.String({ description: 'text/calendar (RFC 5545)' });

/** Events: CRUD, RSVPs with a waiting list, participants, .ics and the personal calendar feed. */
export async function eventRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const writeLimit = {
    rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get(
    '/api/v1/events',
    { schema: { operationId: 'events.list', tags, querystring: EventsQuery, response: { 200: Page(Event), ...errors } } },
    async (req) => service.listEvents(ctx, requireActor(req), req.query),
  );
  app.post(
    '/api/v1/events',
    { config: writeLimit, schema: { operationId: 'events.create', tags, body: CreateEvent, response: { 201: Event, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createEvent(ctx, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/events/:id',
    { schema: { operationId: 'events.get', tags, params: IdParams, querystring: OccurrenceQuery, response: { 200: Event, ...errors } } },
    async (req) => service.getEvent(ctx, requireActor(req), req.params.id, req.query.occurrence),
  );
  app.patch(
    '/api/v1/events/:id',
    { schema: { operationId: 'events.update', tags, params: IdParams, body: UpdateEvent, response: { 200: Event, ...errors } } },
    async (req) => service.updateEvent(ctx, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/events/:id',
    { schema: { operationId: 'events.cancel', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.cancelEvent(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/v1/events/:id/rsvp',
    { config: writeLimit, schema: { operationId: 'events.rsvp', tags, params: IdParams, body: SetRsvp, response: { 200: Event, ...errors } } },
    async (req) => service.setRsvp(ctx, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/events/:id/rsvp',
    { schema: { operationId: 'events.withdrawRsvp', tags, params: IdParams, querystring: OccurrenceQuery, response: { 200: Event, ...errors } } },
    async (req) => service.withdrawRsvp(ctx, requireActor(req), req.params.id, req.query.occurrence),
  );
  app.get(
    '/api/v1/events/:id/participants',
    { schema: { operationId: 'events.participants', tags, params: IdParams, querystring: ParticipantsQuery, response: { 200: Page(Participant), ...errors } } },
    async (req) => service.participants(ctx, requireActor(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/events/:id/ics',
    { schema: { operationId: 'events.ics', tags, params: IdParams, response: { 200: Calendar, ...errors } } },
    async (req, reply) => {
      const file = await ics.eventIcs(ctx, requireActor(req), req.params.id);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-cache')
        .send(file.body);
    },
  );
  app.get('/api/v1/events/:id/cover', { schema: { operationId: 'events.cover', tags, params: IdParams } }, async (req, reply) => {
    const fileId = await service.coverOf(ctx, requireActor(req), req.params.id);
    const file = await ctx.storage.variantPath(ctx.db.db, fileId, 'large');
    if (!file) throw new NotFoundError('Cover');
    return reply.header('content-type', 'image/webp').header('cache-control', 'private, max-age=3600').send(fs.createReadStream(file.path));
  });

  app.get('/api/v1/calendar/feed', { schema: { operationId: 'calendar.feed', tags, response: { 200: CalendarFeed, ...errors } } }, async (req) =>
    ics.getFeed(ctx, requireActor(req)),
  );
  app.post(
    '/api/v1/calendar/feed',
    { config: writeLimit, schema: { operationId: 'calendar.rotateFeed', tags, response: { 200: CalendarFeed, ...errors } } },
    async (req) => ics.rotateFeed(ctx, requireActor(req)),
  );
  app.delete('/api/v1/calendar/feed', { schema: { operationId: 'calendar.revokeFeed', tags, response: { 204: NoContent, ...errors } } }, async (req, reply) => {
    await ics.revokeFeed(ctx, requireActor(req));
    return reply.status(204).send(null);
  });
  // No session: calendar apps subscribe with the secret URL; the token is the authority (GET only).
  app.get(
    '/api/v1/calendar/feed/:file',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { operationId: 'calendar.feedIcs', tags, params: Type.Object({ file: Type.String({ maxLength: 200 }) }), response: { 200: Calendar, ...errors } },
    },
    async (req, reply) => {
      if (!req.params.file.endsWith('.ics')) throw new NotFoundError('Calendar');
      const body = await ics.feedIcs(ctx, req.params.file.slice(0, -4));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-cache').send(body);
    },
  );
}

import {
  CreateUser,
  ErrorBody,
  Facets,
  IdParams,
  OrgChart,
  OrgChartQuery,
  OnlineColleague,
  Presence,
  PresenceQuery,
  Page,
  UpdateUser,
  UserListQuery,
  UserProfile,
  UserSummary,
  Limits,
} from '@innenhof/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../core/errors.js';
import { readFilePart, requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { initialsSvg } from './presenter.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Reads the single `file` part of a multipart upload into memory (bounded by the upload limit). */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'file: send the image as multipart/form-data with a field named "file"');
  const part = await readFilePart(request, maxBytes);
  service.assertImage(part.mimetype);
  return part.data;
}

export async function usersRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/users',
    { schema: { operationId: 'users.list', tags: ['people'], querystring: UserListQuery, response: { 200: Page(UserSummary), ...errors } } },
    async (req) => service.listDirectory(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/presence/online',
    {
      schema: {
        operationId: 'users.online',
        tags: ['people'],
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: Limits.pageSizeMax })) }),
        response: { 200: Type.Object({ items: Type.Array(OnlineColleague) }), ...errors },
      },
    },
    async (req) => ({ items: await service.onlineColleagues(ctx, requireActor(req), req.query.limit ?? 50) }),
  );

  app.get(
    '/api/v1/presence',
    {
      schema: {
        operationId: 'users.presence',
        tags: ['people'],
        querystring: PresenceQuery,
        response: { 200: Type.Object({ items: Type.Array(Presence) }), ...errors },
      },
    },
    async (req) => ({ items: await service.presenceOf(ctx, requireActor(req), req.query.userIds.split(',')) }),
  );

  app.get('/api/v1/users/facets', { schema: { operationId: 'users.facets', tags: ['people'], response: { 200: Facets, ...errors } } }, async (req) =>
    service.directoryFacets(ctx, requireActor(req)),
  );

  app.get(
    '/api/v1/org-chart',
    { schema: { operationId: 'users.orgChart', tags: ['people'], querystring: OrgChartQuery, response: { 200: OrgChart, ...errors } } },
    async (req) => service.orgChart(ctx, requireActor(req), req.query.managerId),
  );

  app.post(
    '/api/v1/users',
    { schema: { operationId: 'users.create', tags: ['people'], body: CreateUser, response: { 201: UserProfile, ...errors, 409: ErrorBody } } },
    async (req, reply) => {
      const profile = await service.createUser(ctx, requireActor(req), req.body);
      return reply.status(201).send(profile);
    },
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { operationId: 'users.get', tags: ['people'], params: IdParams, response: { 200: UserProfile, ...errors } } },
    async (req) => service.getProfile(ctx, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    { schema: { operationId: 'users.update', tags: ['people'], params: IdParams, body: UpdateUser, response: { 200: UserProfile, ...errors } } },
    async (req) => service.updateProfile(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    { schema: { operationId: 'users.deactivate', tags: ['people'], params: IdParams, response: { 200: UserProfile, ...errors } } },
    async (req) => service.setActive(ctx, requireActor(req), req.params.id, false),
  );

  app.post(
    '/api/v1/users/:id/reactivate',
    { schema: { operationId: 'users.reactivate', tags: ['people'], params: IdParams, response: { 200: UserProfile, ...errors } } },
    async (req) => service.setActive(ctx, requireActor(req), req.params.id, true),
  );

  for (const purpose of ['avatar', 'cover'] as const) {
    app.put(
      `/api/v1/users/:id/${purpose}`,
      {
        schema: {
          operationId: `users.set${purpose === 'avatar' ? 'Avatar' : 'Cover'}`,
          tags: ['people'],
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 200: UserProfile, ...errors, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const data = await readUpload(req, ctx.config.uploadMaxBytes);
        return service.setProfileImage(ctx, actor, req.params.id, purpose, data);
      },
    );
    app.delete(
      `/api/v1/users/:id/${purpose}`,
      {
        schema: {
          operationId: `users.remove${purpose === 'avatar' ? 'Avatar' : 'Cover'}`,
          tags: ['people'],
          params: IdParams,
          response: { 200: UserProfile, ...errors },
        },
      },
      async (req) => service.setProfileImage(ctx, requireActor(req), req.params.id, purpose, null),
    );
  }

  app.get('/api/v1/users/:id/initials.svg', { schema: { operationId: 'users.initialsAvatar', tags: ['people'], params: IdParams } }, async (req, reply) => {
    const row = await service.getUserForInitials(ctx, requireActor(req), req.params.id);
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, max-age=3600').send(initialsSvg(row.id, row.name));
  });
}

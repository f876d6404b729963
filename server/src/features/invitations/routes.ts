import {
  NoContent,
  AcceptInvitation,
  CreateInvitation,
  ErrorBody,
  IdParams,
  Invitation,
  InvitationPreview,
  Page,
  PageQuery,
  UserProfile,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { signIn } from '../session/service.js';
import * as users from '../users/repository.js';
import { getProfile } from '../users/service.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function invitationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/invitations',
    { schema: { operationId: 'invitations.list', tags: ['people'], querystring: Type.Object(PageQuery), response: { 200: Page(Invitation), ...errors } } },
    async (req) => service.listInvitations(ctx, requireActor(req), req.query.cursor, req.query.limit),
  );

  app.post(
    '/api/v1/invitations',
    { schema: { operationId: 'invitations.create', tags: ['people'], body: CreateInvitation, response: { 201: Invitation, ...errors, 409: ErrorBody } } },
    async (req, reply) => reply.status(201).send(await service.createInvitation(ctx, requireActor(req), req.body)),
  );

  app.delete(
    '/api/v1/invitations/:id',
    { schema: { operationId: 'invitations.revoke', tags: ['people'], params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.revokeInvitation(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  const tokenLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.get(
    '/api/v1/invitations/preview',
    {
      config: tokenLimit,
      schema: {
        operationId: 'invitations.preview',
        tags: ['people'],
        querystring: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
        response: { 200: InvitationPreview, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => service.previewInvitation(ctx, req.query.token),
  );

  app.post(
    '/api/v1/invitations/accept',
    {
      config: tokenLimit,
      schema: {
        operationId: 'invitations.accept',
        tags: ['people'],
        body: AcceptInvitation,
        response: { 201: Type.Object({ user: UserProfile, csrfToken: Type.String() }), 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const email = await service.acceptInvitation(ctx, req.body);
      const { userId, csrfToken } = await signIn(ctx, req, reply, email, req.body.password);
      const row = await users.findById(ctx.db.db, userId);
      const user = await getProfile(ctx, { id: userId, role: row?.role ?? 'member', status: 'active' }, userId);
      return reply.status(201).send({ user, csrfToken });
    },
  );
}

import {
  ChangeMemberRole,
  CreateGroup,
  DeleteGroup,
  ErrorBody,
  Group,
  GroupInvitation,
  GroupListQuery,
  GroupMember,
  GroupMemberQuery,
  GroupSummary,
  IdParams,
  Invitation,
  InviteGuest,
  InviteMembers,
  InviteMembersResult,
  JoinRequest,
  JoinRequestBody,
  NoContent,
  Page,
  TransferOwnership,
  UpdateGroup,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { inviteGuest } from '../invitations/service.js';
import { readUpload } from '../users/routes.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const MemberParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }), userId: Type.String({ minLength: 1, maxLength: 64 }) });
const RequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }), requestId: Type.String({ minLength: 1, maxLength: 64 }) });
const GroupParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80, description: 'group id or URL slug' }) });
const tags = ['groups'];

/** Workgroups: discovery, the group page, membership, requests, invitations, guests, archive and delete. */
export async function groupRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/groups',
    { schema: { operationId: 'groups.list', tags, querystring: GroupListQuery, response: { 200: Page(GroupSummary), ...errors } } },
    async (req) => service.listGroups(ctx, requireActor(req), req.query),
  );

  app.post('/api/v1/groups', { schema: { operationId: 'groups.create', tags, body: CreateGroup, response: { 201: Group, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await service.createGroup(ctx, requireActor(req), req.body)),
  );

  app.get('/api/v1/groups/:id', { schema: { operationId: 'groups.get', tags, params: GroupParams, response: { 200: Group, ...errors } } }, async (req) =>
    service.getGroup(ctx, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/v1/groups/:id',
    { schema: { operationId: 'groups.update', tags, params: GroupParams, body: UpdateGroup, response: { 200: Group, ...errors } } },
    async (req) => service.updateGroup(ctx, requireActor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/groups/:id',
    { schema: { operationId: 'groups.delete', tags, params: GroupParams, body: DeleteGroup, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deleteGroup(ctx, requireActor(req), req.params.id, req.body.confirmName);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/groups/:id/archive',
    { schema: { operationId: 'groups.archive', tags, params: GroupParams, response: { 200: Group, ...errors } } },
    async (req) => service.setArchived(ctx, requireActor(req), req.params.id, true),
  );
  app.post(
    '/api/v1/groups/:id/unarchive',
    { schema: { operationId: 'groups.unarchive', tags, params: GroupParams, response: { 200: Group, ...errors } } },
    async (req) => service.setArchived(ctx, requireActor(req), req.params.id, false),
  );

  app.put(
    '/api/v1/groups/:id/cover',
    {
      schema: {
        operationId: 'groups.setCover',
        tags,
        consumes: ['multipart/form-data'],
        params: GroupParams,
        response: { 200: Group, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return service.setCover(ctx, actor, req.params.id, await readUpload(req, ctx.config.uploadMaxBytes));
    },
  );
  app.delete(
    '/api/v1/groups/:id/cover',
    { schema: { operationId: 'groups.removeCover', tags, params: GroupParams, response: { 200: Group, ...errors } } },
    async (req) => service.setCover(ctx, requireActor(req), req.params.id, null),
  );

  app.get(
    '/api/v1/groups/:id/members',
    { schema: { operationId: 'groups.members', tags, params: GroupParams, querystring: GroupMemberQuery, response: { 200: Page(GroupMember), ...errors } } },
    async (req) => service.listMembers(ctx, requireActor(req), req.params.id, req.query),
  );

  // Joining yourself: 201 when you joined, 200 when you were a member already (idempotent).
  app.post(
    '/api/v1/groups/:id/members',
    { schema: { operationId: 'groups.join', tags, params: GroupParams, response: { 200: Group, 201: Group, ...errors } } },
    async (req, reply) => {
      const { group, created } = await service.join(ctx, requireActor(req), req.params.id);
      return reply.status(created ? 201 : 200).send(group);
    },
  );

  app.delete(
    '/api/v1/groups/:id/members/:userId',
    { schema: { operationId: 'groups.removeMember', tags, params: MemberParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.removeMember(ctx, requireActor(req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/v1/groups/:id/members/:userId',
    { schema: { operationId: 'groups.changeRole', tags, params: MemberParams, body: ChangeMemberRole, response: { 200: GroupMember, ...errors } } },
    async (req) => service.changeRole(ctx, requireActor(req), req.params.id, req.params.userId, req.body.role),
  );

  app.post(
    '/api/v1/groups/:id/transfer',
    { schema: { operationId: 'groups.transferOwnership', tags, params: GroupParams, body: TransferOwnership, response: { 200: Group, ...errors } } },
    async (req) => service.transferOwnership(ctx, requireActor(req), req.params.id, req.body.userId),
  );

  app.get(
    '/api/v1/groups/:id/requests',
    { schema: { operationId: 'groups.requests', tags, params: GroupParams, response: { 200: Page(JoinRequest), ...errors } } },
    async (req) => ({
      items: await service.listRequests(ctx, requireActor(req), req.params.id),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/v1/groups/:id/requests',
    { schema: { operationId: 'groups.requestToJoin', tags, params: GroupParams, body: JoinRequestBody, response: { 200: Group, ...errors } } },
    async (req) => service.requestToJoin(ctx, requireActor(req), req.params.id, req.body.message),
  );

  app.delete(
    '/api/v1/groups/:id/requests/mine',
    { schema: { operationId: 'groups.cancelRequest', tags, params: GroupParams, response: { 200: Group, ...errors } } },
    async (req) => service.cancelRequest(ctx, requireActor(req), req.params.id),
  );

  for (const decision of ['approve', 'decline'] as const) {
    app.post(
      `/api/v1/groups/:id/requests/:requestId/${decision}`,
      { schema: { operationId: `groups.${decision}Request`, tags, params: RequestParams, response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        await service.decideRequest(ctx, requireActor(req), req.params.id, req.params.requestId, decision === 'approve');
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/api/v1/groups/:id/invitations',
    { schema: { operationId: 'groups.invite', tags, params: GroupParams, body: InviteMembers, response: { 200: InviteMembersResult, ...errors } } },
    async (req) => service.inviteMembers(ctx, requireActor(req), req.params.id, req.body.userIds),
  );

  app.post(
    '/api/v1/groups/:id/guests',
    {
      schema: {
        operationId: 'groups.inviteGuest',
        tags,
        params: GroupParams,
        body: InviteGuest,
        response: { 200: Type.Object({ invitation: Type.Union([Invitation, Type.Null()]), addedExisting: Type.Boolean() }), ...errors },
      },
    },
    async (req) => inviteGuest(ctx, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/me/group-invitations',
    { schema: { operationId: 'groups.myInvitations', tags, response: { 200: Page(GroupInvitation), ...errors } } },
    async (req) => ({
      items: await service.myInvitations(ctx, requireActor(req)),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/v1/group-invitations/:id/accept',
    { schema: { operationId: 'groups.acceptInvitation', tags, params: IdParams, response: { 200: Group, ...errors } } },
    async (req) => service.acceptInvitation(ctx, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/group-invitations/:id/decline',
    { schema: { operationId: 'groups.declineInvitation', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.declineInvitation(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}

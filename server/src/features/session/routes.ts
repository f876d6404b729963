import { NoContent, ChangePassword, ErrorBody, ForgotPassword, IdParams, Login, Me, Page, ResetPassword, Session, UserProfile } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { csrfTokenFor } from '../../core/auth/index.js';
import { requireActor } from '../../core/http.js';
import '../feed/policy.js';
import type { AppContext } from '../../context.js';
import * as users from '../users/repository.js';
import * as settings from '../settings/repository.js';
import { INSTANCE } from '../users/policy.js';
import { can } from '../../core/policy/index.js';
import '../groups/policy.js';
import '../settings/policy.js';
import { getOwnProfile, getProfile } from '../users/service.js';
import * as service from './service.js';

const LoginResult = Type.Object({ user: UserProfile, csrfToken: Type.String() });

/** Login, logout, the current user, own sessions and passwords. */
export async function sessionRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const loginLimit = {
    rateLimit: {
      max: ctx.config.loginRateLimit,
      timeWindow: '1 minute',
      // Per address and account: a whole office behind one NAT can still log in at nine.
      keyGenerator: (req: { ip: string; body?: unknown }) => `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
    },
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: loginLimit,
      schema: {
        operationId: 'auth.login',
        tags: ['session'],
        body: Login,
        response: { 200: LoginResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { userId, csrfToken } = await service.signIn(ctx, req, reply, req.body.email, req.body.password);
      const actor = { id: userId, role: 'member' as const, status: 'active' as const };
      const row = await users.findById(ctx.db.db, userId);
      const user = await getProfile(ctx, { ...actor, role: row?.role ?? 'member' }, userId);
      return { user, csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        operationId: 'auth.logout',
        tags: ['session'],
        body: Type.Optional(Type.Object({ everywhere: Type.Optional(Type.Boolean()) })),
        response: { 204: NoContent, 401: ErrorBody },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await service.signOut(ctx, req, reply, actor, req.body?.everywhere === true);
      return reply.status(204).send(null);
    },
  );

  app.get('/api/v1/me', { schema: { operationId: 'me.get', tags: ['session'], response: { 200: Me, 401: ErrorBody } } }, async (req) => {
    const actor = requireActor(req);
    const [own, company, announcers] = await Promise.all([getOwnProfile(ctx, actor), settings.getCompany(ctx.db.db), settings.getAnnouncers(ctx.db.db)]);
    return {
      user: own.user,
      abilities: {
        viewDirectory: can(actor, 'directory.list', INSTANCE),
        createGroups: can(actor, 'groups.create', { groupCreation: company.groupCreation }),
        administer: can(actor, 'settings.update', INSTANCE),
        announce: can(actor, 'post.create', { audience: 'company', groupRole: null, groupArchived: false, announcer: announcers.includes(actor.id) }),
      },
      locale: own.locale,
      theme: own.theme,
      csrfToken: csrfTokenFor(ctx.secret, req.sessionId ?? ''),
    };
  });

  app.get(
    '/api/v1/me/sessions',
    { schema: { operationId: 'me.sessions', tags: ['session'], response: { 200: Page(Session), 401: ErrorBody } } },
    async (req) => ({
      items: await service.listSessions(ctx, requireActor(req), req.sessionId),
      nextCursor: null,
    }),
  );

  app.delete(
    '/api/v1/me/sessions/:id',
    { schema: { operationId: 'me.revokeSession', tags: ['session'], params: IdParams, response: { 204: NoContent, 401: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      await service.revokeSession(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: loginLimit,
      schema: { operationId: 'me.changePassword', tags: ['session'], body: ChangePassword, response: { 204: NoContent, 400: ErrorBody, 401: ErrorBody } },
    },
    async (req, reply) => {
      const b = req.body;
      await service.changePassword(ctx, req, reply, requireActor(req), b.currentPassword, b.newPassword, b.logoutOtherSessions ?? true);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password/forgot',
    {
      config: loginLimit,
      schema: {
        operationId: 'auth.forgotPassword',
        tags: ['session'],
        body: ForgotPassword,
        response: { 202: Type.Object({ ok: Type.Boolean() }), 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.requestPasswordReset(ctx, req.body.email);
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    '/api/v1/auth/password/reset',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { operationId: 'auth.resetPassword', tags: ['session'], body: ResetPassword, response: { 204: NoContent, 400: ErrorBody, 429: ErrorBody } },
    },
    async (req, reply) => {
      await service.resetPassword(ctx, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );
}

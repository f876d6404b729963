import {
  ErrorBody,
  IdParams,
  NoContent,
  NotificationPage,
  NotificationSettings,
  NotificationsQuery,
  UnreadNotifications,
  UpdateNotificationSettings,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as users from '../users/repository.js';
import { unsubscribe, unsubscribePage, verifyUnsubscribe } from './email.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };
const tags = ['notifications'];

/** The bell: list, unread count, read state; each person's notification settings. */
export async function notificationRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/notifications',
    { schema: { operationId: 'notifications.list', tags, querystring: NotificationsQuery, response: { 200: NotificationPage, ...errors } } },
    async (req) => service.list(ctx, requireActor(req), req.query),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    { schema: { operationId: 'notifications.unreadCount', tags, response: { 200: UnreadNotifications, ...errors } } },
    async (req) => ({ unread: await service.unreadCount(ctx.db.db, requireActor(req).id) }),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { schema: { operationId: 'notifications.readAll', tags, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.markAllRead(ctx, requireActor(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { operationId: 'notifications.read', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.markRead(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  // One-click unsubscribe (RFC 8058): the link in every notification e-mail, no login. GET asks (link
  // scanners must not unsubscribe anyone), POST does it — from the page's button or the mail client.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const UnsubscribeQuery = Type.Object({ u: Type.Optional(Type.String()), type: Type.Optional(Type.String()), sig: Type.Optional(Type.String()) });
  for (const method of ['GET', 'POST'] as const) {
    app.route({
      method,
      url: '/api/v1/notifications/unsubscribe',
      schema: { operationId: method === 'GET' ? 'notifications.unsubscribePage' : 'notifications.unsubscribe', tags, querystring: UnsubscribeQuery },
      handler: async (req, reply) => {
        const link = verifyUnsubscribe(ctx, req.query);
        const user = link ? (await users.findByIds(ctx.db.db, [link.userId])).get(link.userId) : undefined;
        const locale = user?.locale ?? (await settings.getCompany(ctx.db.db)).defaultLocale;
        reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
        if (!link || !user) return reply.status(400).send(await unsubscribePage(locale, 'invalid', null, ''));
        if (method === 'POST') await unsubscribe(ctx, link.userId, link.type);
        return reply.send(await unsubscribePage(locale, method === 'POST' ? 'done' : 'ask', link.type, req.url));
      },
    });
  }

  app.get(
    '/api/v1/me/notification-settings',
    { schema: { operationId: 'notifications.settings', tags, response: { 200: NotificationSettings, ...errors } } },
    async (req) => service.getSettings(ctx, requireActor(req)),
  );
  app.patch(
    '/api/v1/me/notification-settings',
    {
      schema: { operationId: 'notifications.updateSettings', tags, body: UpdateNotificationSettings, response: { 200: NotificationSettings, ...errors } },
    },
    async (req) => service.updateSettings(ctx, requireActor(req), req.body),
  );
}

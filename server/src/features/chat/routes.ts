import {
  Conversation,
  CreateConversation,
  EditMessage,
  ErrorBody,
  IdParams,
  MarkRead,
  Message,
  MessagesQuery,
  NoContent,
  Page,
  PageQuery,
  SendMessage,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const MessageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), messageId: Type.String({ minLength: 1, maxLength: 64 }) });
const tags = ['chat'];

/** Conversations and messages. Live delivery goes through the real-time gateway (features/chat/events.ts). */
export async function chatRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Flooding: 30 messages per 10 seconds per person (documented in docs/api.md).
  const sendLimit = {
    rateLimit: { max: 30, timeWindow: '10 seconds', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get(
    '/api/v1/conversations',
    { schema: { operationId: 'chat.list', tags, querystring: Type.Object(PageQuery), response: { 200: Page(Conversation), ...errors } } },
    async (req) => service.listConversations(ctx, requireActor(req), req.query.cursor, req.query.limit),
  );

  app.post(
    '/api/v1/conversations',
    { schema: { operationId: 'chat.create', tags, body: CreateConversation, response: { 200: Conversation, 201: Conversation, ...errors } } },
    async (req, reply) => {
      const { conversation, created } = await service.createConversation(ctx, requireActor(req), req.body);
      return reply.status(created ? 201 : 200).send(conversation);
    },
  );

  app.get(
    '/api/v1/conversations/:id',
    { schema: { operationId: 'chat.get', tags, params: IdParams, response: { 200: Conversation, ...errors } } },
    async (req) => service.getConversation(ctx, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    { schema: { operationId: 'chat.messages', tags, params: IdParams, querystring: MessagesQuery, response: { 200: Page(Message), ...errors } } },
    async (req) => service.listMessages(ctx, requireActor(req), req.params.id, req.query.cursor, req.query.limit),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    { config: sendLimit, schema: { operationId: 'chat.send', tags, params: IdParams, body: SendMessage, response: { 200: Message, 201: Message, ...errors } } },
    async (req, reply) => {
      const { message, created } = await service.sendMessage(ctx, requireActor(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  app.patch(
    '/api/v1/conversations/:id/messages/:messageId',
    { schema: { operationId: 'chat.edit', tags, params: MessageParams, body: EditMessage, response: { 200: Message, ...errors } } },
    async (req) => service.editMessage(ctx, requireActor(req), req.params.id, req.params.messageId, req.body.body),
  );

  app.delete(
    '/api/v1/conversations/:id/messages/:messageId',
    { schema: { operationId: 'chat.delete', tags, params: MessageParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deleteMessage(ctx, requireActor(req), req.params.id, req.params.messageId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/conversations/:id/read',
    { schema: { operationId: 'chat.markRead', tags, params: IdParams, body: MarkRead, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.markRead(ctx, requireActor(req), req.params.id, req.body.messageId);
      return reply.status(204).send(null);
    },
  );
}

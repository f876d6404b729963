import fs from 'node:fs';
import {
  AddMembers,
  Attachment,
  Conversation,
  ConversationSettings,
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
  SetReaction,
  UnreadTotal,
  UpdateConversation,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from '../../core/errors.js';
import { readFilePart, requireActor } from '../../core/http.js';
import { contentDisposition } from '../../core/storage.js';
import type { AppContext } from '../../context.js';
import * as settings from '../settings/repository.js';
import * as messages from './messages.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody };
const Key = Type.String({ minLength: 1, maxLength: 64 });
const MessageParams = Type.Object({ id: Key, messageId: Key });
const MemberParams = Type.Object({ id: Key, userId: Key });
const AttachmentParams = Type.Object({
  id: Key,
  attachmentId: Key,
  variant: Type.Union([Type.Literal('small'), Type.Literal('large'), Type.Literal('file')]),
});
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

  app.get('/api/v1/conversations/unread', { schema: { operationId: 'chat.unread', tags, response: { 200: UnreadTotal, ...errors } } }, async (req) =>
    service.unreadTotal(ctx, requireActor(req)),
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

  app.patch(
    '/api/v1/conversations/:id',
    { schema: { operationId: 'chat.rename', tags, params: IdParams, body: UpdateConversation, response: { 200: Conversation, ...errors } } },
    async (req) => service.renameConversation(ctx, requireActor(req), req.params.id, req.body.title),
  );

  app.put(
    '/api/v1/conversations/:id/photo',
    { schema: { operationId: 'chat.setPhoto', tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: Conversation, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      await service.loadConversation(ctx.db.db, actor, req.params.id, 'conversation.set_photo');
      const part = await readFilePart(req, ctx.config.uploadMaxBytes);
      return service.setPhoto(ctx, actor, req.params.id, part.data);
    },
  );

  app.put(
    '/api/v1/conversations/:id/settings',
    { schema: { operationId: 'chat.settings', tags, params: IdParams, body: ConversationSettings, response: { 200: Conversation, ...errors } } },
    async (req) => service.updateSettings(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/conversations/:id/members',
    { schema: { operationId: 'chat.addMembers', tags, params: IdParams, body: AddMembers, response: { 200: Conversation, ...errors } } },
    async (req) => service.addMembers(ctx, requireActor(req), req.params.id, req.body.userIds),
  );

  app.delete(
    '/api/v1/conversations/:id/members/:userId',
    { schema: { operationId: 'chat.removeMember', tags, params: MemberParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.removeMember(ctx, requireActor(req), req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/conversations/:id/messages',
    { schema: { operationId: 'chat.messages', tags, params: IdParams, querystring: MessagesQuery, response: { 200: Page(Message), ...errors } } },
    async (req) => messages.listMessages(ctx, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/api/v1/conversations/:id/messages',
    { config: sendLimit, schema: { operationId: 'chat.send', tags, params: IdParams, body: SendMessage, response: { 200: Message, 201: Message, ...errors } } },
    async (req, reply) => {
      const { message, created } = await messages.sendMessage(ctx, requireActor(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(message);
    },
  );

  app.patch(
    '/api/v1/conversations/:id/messages/:messageId',
    { schema: { operationId: 'chat.edit', tags, params: MessageParams, body: EditMessage, response: { 200: Message, ...errors } } },
    async (req) => messages.editMessage(ctx, requireActor(req), req.params.id, req.params.messageId, req.body.body),
  );

  app.delete(
    '/api/v1/conversations/:id/messages/:messageId',
    { schema: { operationId: 'chat.delete', tags, params: MessageParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await messages.deleteMessage(ctx, requireActor(req), req.params.id, req.params.messageId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/conversations/:id/messages/:messageId/reaction',
    { schema: { operationId: 'chat.react', tags, params: MessageParams, body: SetReaction, response: { 200: Message, ...errors } } },
    async (req) => messages.react(ctx, requireActor(req), req.params.id, req.params.messageId, req.body.emoji),
  );

  app.delete(
    '/api/v1/conversations/:id/messages/:messageId/reaction',
    { schema: { operationId: 'chat.unreact', tags, params: MessageParams, response: { 200: Message, ...errors } } },
    async (req) => messages.react(ctx, requireActor(req), req.params.id, req.params.messageId, null),
  );

  app.post(
    '/api/v1/conversations/:id/read',
    { schema: { operationId: 'chat.markRead', tags, params: IdParams, body: MarkRead, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await messages.markRead(ctx, requireActor(req), req.params.id, req.body.messageId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/conversations/:id/attachments',
    {
      config: sendLimit,
      schema: { operationId: 'chat.upload', tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: Attachment, ...errors } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Membership first: a stranger learns nothing, not even the size limit, and uploads nothing.
      await service.loadConversation(ctx.db.db, actor, req.params.id, 'conversation.post');
      const maxMb = (await settings.getCompany(ctx.db.db)).chatAttachmentMaxMb;
      const file = await readFilePart(req, maxMb * 1024 * 1024);
      return reply.status(201).send(await messages.uploadAttachment(ctx, actor, req.params.id, file));
    },
  );

  app.get(
    '/api/v1/conversations/:id/attachments/:attachmentId/:variant',
    { schema: { operationId: 'chat.attachment', tags, params: AttachmentParams } },
    async (req, reply) => {
      const f = await messages.attachmentFile(ctx, requireActor(req), req.params.id, req.params.attachmentId, req.params.variant);
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      if (f.kind === 'image') return reply.header('content-type', 'image/webp').send(fs.createReadStream(f.path));
      // Anything that is not a re-encoded image is a download, never rendered by the browser.
      return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(f.name)).send(fs.createReadStream(f.path));
    },
  );

  app.get(
    '/api/v1/conversations/:id/photo/:variant',
    { schema: { operationId: 'chat.photo', tags, params: Type.Object({ id: Key, variant: Type.Union([Type.Literal('small'), Type.Literal('large')]) }) } },
    async (req, reply) => {
      const l = await service.loadConversation(ctx.db.db, requireActor(req), req.params.id);
      const file = l.row.photo_id ? await ctx.storage.variantPath(ctx.db.db, l.row.photo_id, req.params.variant) : null;
      if (!file) throw new NotFoundError('Photo');
      return reply.header('content-type', file.mime).header('cache-control', 'private, max-age=31536000, immutable').send(fs.createReadStream(file.path));
    },
  );

  app.put(
    '/api/v1/groups/:id/chat',
    {
      schema: {
        operationId: 'chat.enableRoom',
        tags,
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String() }), 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (req, reply) => {
      const { id, created } = await service.enableRoom(ctx, requireActor(req), req.params.id);
      return reply.status(created ? 201 : 200).send({ id });
    },
  );
}

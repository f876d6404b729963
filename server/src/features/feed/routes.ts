import fs from 'node:fs';
import {
  Comment,
  CommentsQuery,
  ConfirmationList,
  ConfirmationReminder,
  CreateComment,
  CreatePost,
  ErrorBody,
  FeedQuery,
  IdParams,
  NoContent,
  Page,
  Post,
  PostAttachment,
  PostVersion,
  Reactor,
  ReactorsQuery,
  SetPostReaction,
  UpdateComment,
  UpdatePost,
} from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readFilePart, requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { groupForFeedPage } from '../groups/service.js';
import * as settings from '../settings/repository.js';
import * as attachments from './attachments.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody };
const Key = Type.String({ minLength: 1, maxLength: 64 });
const tags = ['feed'];
const FeedPage = Type.Object({ items: Type.Array(Post), pinned: Type.Array(Post), nextCursor: Type.Union([Type.String(), Type.Null()]) });
const CommentParams = Type.Object({ id: Key, commentId: Key });
const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: '^[\\p{L}\\p{N}_]+$' });

/** The news feed: posts, comments, reactions, follows, saves, announcements. Live: small invalidations (features/feed/events.ts). */
export async function feedRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const writeLimit = {
    rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
  };

  app.get('/api/v1/feed', { schema: { operationId: 'feed.home', tags, querystring: FeedQuery, response: { 200: FeedPage, ...errors } } }, async (req) =>
    service.feed(ctx, requireActor(req), { kind: 'home' }, req.query),
  );
  app.get(
    '/api/v1/groups/:id/posts',
    { schema: { operationId: 'feed.group', tags, params: IdParams, querystring: FeedQuery, response: { 200: FeedPage, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const group = await groupForFeedPage(ctx, actor, req.params.id);
      return service.feed(ctx, actor, { kind: 'group', groupId: group.id }, req.query);
    },
  );
  app.get(
    '/api/v1/users/:id/posts',
    { schema: { operationId: 'feed.profile', tags, params: IdParams, querystring: FeedQuery, response: { 200: FeedPage, ...errors } } },
    async (req) => {
      const actor = requireActor(req);
      const user = await service.visibleAuthor(ctx, actor, req.params.id);
      return service.feed(ctx, actor, { kind: 'profile', userId: user }, req.query);
    },
  );
  app.get(
    '/api/v1/hashtags/:tag/posts',
    { schema: { operationId: 'feed.hashtag', tags, params: Type.Object({ tag: Tag }), querystring: FeedQuery, response: { 200: FeedPage, ...errors } } },
    async (req) => service.feed(ctx, requireActor(req), { kind: 'hashtag', tag: req.params.tag.toLowerCase() }, req.query),
  );
  app.get(
    '/api/v1/me/saved-posts',
    { schema: { operationId: 'feed.saved', tags, querystring: FeedQuery, response: { 200: FeedPage, ...errors } } },
    async (req) => service.feed(ctx, requireActor(req), { kind: 'saved' }, req.query),
  );

  app.post(
    '/api/v1/posts',
    { config: writeLimit, schema: { operationId: 'posts.create', tags, body: CreatePost, response: { 201: Post, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createPost(ctx, requireActor(req), req.body)),
  );
  app.get('/api/v1/posts/:id', { schema: { operationId: 'posts.get', tags, params: IdParams, response: { 200: Post, ...errors } } }, async (req) =>
    service.getPost(ctx, requireActor(req), req.params.id),
  );
  app.patch(
    '/api/v1/posts/:id',
    { schema: { operationId: 'posts.update', tags, params: IdParams, body: UpdatePost, response: { 200: Post, ...errors } } },
    async (req) => service.updatePost(ctx, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/posts/:id',
    { schema: { operationId: 'posts.delete', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deletePost(ctx, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/posts/:id/versions',
    { schema: { operationId: 'posts.versions', tags, params: IdParams, response: { 200: Type.Object({ items: Type.Array(PostVersion) }), ...errors } } },
    async (req) => ({ items: await service.versions(ctx, requireActor(req), req.params.id) }),
  );

  app.put(
    '/api/v1/posts/:id/reaction',
    { schema: { operationId: 'posts.react', tags, params: IdParams, body: SetPostReaction, response: { 200: Post, ...errors } } },
    async (req) => service.reactToPost(ctx, requireActor(req), req.params.id, req.body.kind),
  );
  app.delete(
    '/api/v1/posts/:id/reaction',
    { schema: { operationId: 'posts.unreact', tags, params: IdParams, response: { 200: Post, ...errors } } },
    async (req) => service.reactToPost(ctx, requireActor(req), req.params.id, null),
  );
  app.get(
    '/api/v1/posts/:id/reactions',
    {
      schema: {
        operationId: 'posts.reactors',
        tags,
        params: IdParams,
        querystring: ReactorsQuery,
        response: { 200: Page(Reactor), ...errors },
      },
    },
    async (req) => service.reactors(ctx, requireActor(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/posts/:id/comments',
    {
      schema: {
        operationId: 'comments.list',
        tags,
        params: IdParams,
        querystring: CommentsQuery,
        response: { 200: Page(Comment), ...errors },
      },
    },
    async (req) => service.listComments(ctx, requireActor(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/posts/:id/comments',
    { config: writeLimit, schema: { operationId: 'comments.create', tags, params: IdParams, body: CreateComment, response: { 201: Comment, ...errors } } },
    async (req, reply) => reply.status(201).send(await service.createComment(ctx, requireActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/posts/:id/comments/:commentId',
    { schema: { operationId: 'comments.update', tags, params: CommentParams, body: UpdateComment, response: { 200: Comment, ...errors } } },
    async (req) => service.updateComment(ctx, requireActor(req), req.params.id, req.params.commentId, req.body.body, req.body.mentions),
  );
  app.delete(
    '/api/v1/posts/:id/comments/:commentId',
    { schema: { operationId: 'comments.delete', tags, params: CommentParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.deleteComment(ctx, requireActor(req), req.params.id, req.params.commentId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/v1/posts/:id/comments/:commentId/reaction',
    { schema: { operationId: 'comments.react', tags, params: CommentParams, body: SetPostReaction, response: { 200: Comment, ...errors } } },
    async (req) => service.reactToComment(ctx, requireActor(req), req.params.id, req.params.commentId, req.body.kind),
  );
  app.delete(
    '/api/v1/posts/:id/comments/:commentId/reaction',
    { schema: { operationId: 'comments.unreact', tags, params: CommentParams, response: { 200: Comment, ...errors } } },
    async (req) => service.reactToComment(ctx, requireActor(req), req.params.id, req.params.commentId, null),
  );

  app.put(
    '/api/v1/posts/:id/saved',
    { schema: { operationId: 'posts.save', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.setSaved(ctx, requireActor(req), req.params.id, true);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/v1/posts/:id/saved',
    { schema: { operationId: 'posts.unsave', tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (req, reply) => {
      await service.setSaved(ctx, requireActor(req), req.params.id, false);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/posts/:id/confirmations',
    { schema: { operationId: 'posts.confirm', tags, params: IdParams, response: { 200: Post, ...errors } } },
    async (req) => service.confirm(ctx, requireActor(req), req.params.id),
  );
  app.get(
    '/api/v1/posts/:id/confirmations',
    {
      schema: {
        operationId: 'posts.confirmations',
        tags,
        params: IdParams,
        response: { 200: ConfirmationList, ...errors },
      },
    },
    async (req) => service.confirmationList(ctx, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/posts/:id/confirmations/reminders',
    { schema: { operationId: 'posts.remindUnconfirmed', tags, params: IdParams, response: { 200: ConfirmationReminder, ...errors } } },
    async (req) => service.remindUnconfirmed(ctx, requireActor(req), req.params.id),
  );

  for (const [type, path] of [
    ['user', '/api/v1/users/:id/follow'],
    ['hashtag', '/api/v1/hashtags/:id/follow'],
  ] as const) {
    app.put(path, { schema: { operationId: `follow.${type}`, tags, params: IdParams, response: { 204: NoContent, ...errors } } }, async (req, reply) => {
      await service.follow(ctx, requireActor(req), type, type === 'hashtag' ? req.params.id.toLowerCase() : req.params.id, true);
      return reply.status(204).send(null);
    });
    app.delete(path, { schema: { operationId: `unfollow.${type}`, tags, params: IdParams, response: { 204: NoContent, ...errors } } }, async (req, reply) => {
      await service.follow(ctx, requireActor(req), type, type === 'hashtag' ? req.params.id.toLowerCase() : req.params.id, false);
      return reply.status(204).send(null);
    });
  }

  app.post(
    '/api/v1/posts/attachments',
    { config: writeLimit, schema: { operationId: 'posts.upload', tags, consumes: ['multipart/form-data'], response: { 201: PostAttachment, ...errors } } },
    async (req, reply) => {
      const actor = requireActor(req);
      const maxMb = (await settings.getCompany(ctx.db.db)).postAttachmentMaxMb;
      const file = await readFilePart(req, maxMb * 1024 * 1024);
      return reply.status(201).send(await attachments.upload(ctx, actor, file));
    },
  );
  app.get(
    '/api/v1/posts/:id/attachments/:attachmentId/:variant',
    {
      schema: {
        operationId: 'posts.attachment',
        tags,
        params: Type.Object({ id: Key, attachmentId: Key, variant: Type.Union([Type.Literal('small'), Type.Literal('large'), Type.Literal('file')]) }),
      },
    },
    async (req, reply) => {
      const f = await attachments.file(ctx, requireActor(req), req.params.id, req.params.attachmentId, req.params.variant);
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      if (f.kind === 'image') return reply.header('content-type', 'image/webp').send(fs.createReadStream(f.path));
      return reply.header('content-type', f.mime).header('content-disposition', attachments.contentDisposition(f.name)).send(fs.createReadStream(f.path));
    },
  );
}

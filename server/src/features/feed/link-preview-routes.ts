import { ErrorBody, LinkPreview, LinkPreviewRequest, NoContent } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { previewForComposer } from './link-preview.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** The composer's live link card. The server fetches through its SSRF guard; 20 a minute per person. */
export async function linkPreviewRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/link-preview',
    {
      config: {
        rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip },
      },
      schema: { operationId: 'posts.linkPreview', tags: ['feed'], body: LinkPreviewRequest, response: { 200: LinkPreview, 204: NoContent, ...errors } },
    },
    async (req, reply) => {
      requireActor(req);
      const preview = await previewForComposer(ctx, req.body.url);
      return preview ? preview : reply.status(204).send(null);
    },
  );
}

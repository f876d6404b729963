import fs from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';

/**
 * Serves stored image variants. Ids are never reused, so variants are cached for a year.
 * The company logo is public (the login page shows it); everything else needs a session.
 */
export async function fileRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/files/:id/:variant',
    {
      schema: {
        operationId: 'files.get',
        tags: ['files'],
        params: Type.Object({ id: Type.String({ maxLength: 64 }), variant: Type.Union([Type.Literal('small'), Type.Literal('large')]) }),
      },
    },
    async (req, reply) => {
      const file = await ctx.storage.variantPath(ctx.db.db, req.params.id, req.params.variant);
      // Chat files and photos are served by the chat, to the conversation's members only.
      if (!file || file.purpose === 'attachment' || file.purpose === 'chat') throw new NotFoundError('File');
      if (file.purpose !== 'logo') requireActor(req);
      const stream = fs.createReadStream(file.path);
      return reply
        .header('content-type', file.mime)
        .header('cache-control', `${file.purpose === 'logo' ? 'public' : 'private'}, max-age=31536000, immutable`)
        .send(stream);
    },
  );
}

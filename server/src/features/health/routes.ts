import { ErrorBody } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';

/** Liveness and readiness for load balancers and orchestrators. */
export async function healthRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/health',
    { schema: { operationId: 'health.alive', tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/v1/ready',
    {
      schema: {
        operationId: 'health.ready',
        tags: ['health'],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }), 503: ErrorBody },
      },
    },
    async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.db.db);
        return { status: 'ok' as const, database: ctx.db.dialect };
      } catch {
        return reply.status(503).send({ error: { code: 'internal', message: 'database unreachable' } });
      }
    },
  );
}

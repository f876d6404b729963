import { ErrorBody, Setup, SetupStatus, UserProfile } from '@innenhof/contract';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../core/audit.js';
import { ConflictError } from '../../core/errors.js';
import type { AppContext } from '../../context.js';
import { signIn } from '../session/service.js';
import * as settings from '../settings/repository.js';
import { countUsers } from '../users/repository.js';
import { createAccount, getProfile, hashPassword } from '../users/service.js';

/** First run: the company and its first administrator. Closed for good once any user exists. */
export async function setupRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/setup', { schema: { operationId: 'setup.status', tags: ['setup'], response: { 200: SetupStatus } } }, async () => ({
    needed: (await countUsers(ctx.db.db)) === 0,
  }));

  app.post(
    '/api/v1/setup',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        operationId: 'setup.run',
        tags: ['setup'],
        body: Setup,
        response: { 201: Type.Object({ user: UserProfile, csrfToken: Type.String() }), 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const passwordHash = await hashPassword(b.password);
      await ctx.db.transaction(async (tx) => {
        if ((await countUsers(tx.db)) > 0) throw new ConflictError('setup_done', 'Innenhof is set up already');
        try {
          await settings.markSetupDone(tx.db);
        } catch {
          throw new ConflictError('setup_done', 'Innenhof is set up already');
        }
        const current = await settings.getCompany(tx.db);
        await settings.setCompany(tx.db, { ...current, companyName: b.companyName.trim(), defaultLocale: b.locale ?? current.defaultLocale });
        const admin = await createAccount(tx, { name: b.name, email: b.email, passwordHash, role: 'admin', locale: b.locale ?? null });
        await audit(tx.db, { actorId: admin.id, action: 'setup.completed', ip: req.ip });
      });
      const { userId, csrfToken } = await signIn(ctx, req, reply, b.email, b.password);
      const user = await getProfile(ctx, { id: userId, role: 'admin', status: 'active' }, userId);
      return reply.status(201).send({ user, csrfToken });
    },
  );
}

import { CompanySettings, ErrorBody, Id, UpdateCompanySettings, UserSummary } from '@innenhof/contract';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../core/http.js';
import type { AppContext } from '../../context.js';
import { readUpload } from '../users/routes.js';
import * as service from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export async function settingsRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/settings/company', { schema: { operationId: 'settings.company', tags: ['settings'], response: { 200: CompanySettings } } }, async (req) =>
    service.getCompanySettings(ctx, req.actor),
  );

  app.patch(
    '/api/v1/settings/company',
    { schema: { operationId: 'settings.updateCompany', tags: ['settings'], body: UpdateCompanySettings, response: { 200: CompanySettings, ...errors } } },
    async (req) => service.updateCompanySettings(ctx, requireActor(req), req.body),
  );

  // The communications team: who besides the admins may post company-wide announcements.
  const Announcers = Type.Object({ items: Type.Array(UserSummary) });
  app.get(
    '/api/v1/admin/announcers',
    { schema: { operationId: 'settings.announcers', tags: ['settings'], response: { 200: Announcers, ...errors } } },
    async (req) => ({ items: await service.listAnnouncers(ctx, requireActor(req)) }),
  );
  app.put(
    '/api/v1/admin/announcers',
    {
      schema: {
        operationId: 'settings.setAnnouncers',
        tags: ['settings'],
        body: Type.Object({ userIds: Type.Array(Id, { maxItems: 100, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: Announcers, ...errors },
      },
    },
    async (req) => ({ items: await service.setAnnouncers(ctx, requireActor(req), req.body.userIds) }),
  );

  app.put(
    '/api/v1/settings/company/logo',
    {
      schema: {
        operationId: 'settings.setLogo',
        tags: ['settings'],
        consumes: ['multipart/form-data'],
        response: { 200: CompanySettings, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return service.setLogo(ctx, actor, await readUpload(req, ctx.config.uploadMaxBytes));
    },
  );

  app.delete(
    '/api/v1/settings/company/logo',
    { schema: { operationId: 'settings.removeLogo', tags: ['settings'], response: { 200: CompanySettings, ...errors } } },
    async (req) => service.setLogo(ctx, requireActor(req), null),
  );
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ALERT_TIERS, INDICATOR_STATUSES } from '@zhijiao/contracts';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { literals, PlanCode, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ActionPlansModule } from './index.ts';

const Xlsx = fileResponse('The .xlsx file (attachment)', MEDIA_TYPES.xlsx);

/** Export twins of the plan's indicator and alert lists (the reports list's twin is with its routes). */
export const planExportRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ActionPlansModule>> = async (
  app,
  { services: { exports } },
) => {
  app.get(
    '/api/plans/:code/indicators/export.xlsx',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary:
          'The indicators with each year’s value and verdict as .xlsx, as the list shows them; audited',
        params: Type.Object({ code: PlanCode }),
        querystring: Type.Object({
          periodId: Type.Optional(Type.String({ format: 'uuid' })),
          status: Type.Optional(literals(INDICATOR_STATUSES)),
        }),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exports.exportIndicators(
          request.actor!,
          request.params.code,
          request.query,
          requestLang(request),
        ),
      ),
  );

  app.get(
    '/api/alerts/export.xlsx',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['plans'],
        summary: 'The alerts (预警) of the actor’s units as .xlsx, as the list shows them; audited',
        querystring: Type.Object({
          planCode: Type.Optional(PlanCode),
          tier: Type.Optional(literals(ALERT_TIERS)),
          kind: Type.Optional(Type.String({ maxLength: 60, description: 'Only alerts of this kind' })),
          acknowledged: Type.Optional(
            Type.Boolean({ description: 'Only acknowledged (true) or not yet acknowledged (false) alerts' }),
          ),
          lang: Type.Optional(Type.String()),
        }),
        response: withErrors({ 200: Xlsx }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exports.exportAlerts(
          request.actor!,
          {
            planCode: request.query.planCode,
            tier: request.query.tier,
            kind: request.query.kind,
            acknowledged: request.query.acknowledged,
          },
          requestLang(request),
        ),
      ),
  );
};

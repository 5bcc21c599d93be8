import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requestLang } from '../../platform/errors/error-handler.ts';
import { fileResponse, MEDIA_TYPES, sendFile } from '../../platform/http/file-reply.ts';
import { PlanCode, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import { EvaluationBody, EvaluationSchema } from './plan-closing.schema.ts';
import type { ActionPlansModule } from './index.ts';

const tags = ['plans'];
const CodeParams = Type.Object({ code: PlanCode });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'zh (default) or en' })) });
const Evaluation = Type.Object({ evaluation: EvaluationSchema });

/**
 * Closing a plan (收官): its final evaluation (终期评估) — read, save the draft, close the plan —
 * and the report as DOCX or PDF, for signed-in readers and (public copy, once closed) the portal.
 */
export const planClosingRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ActionPlansModule>> = async (
  app,
  { services: { closing, finalReport } },
) => {
  app.get(
    '/api/plans/:code/evaluation',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags,
        summary:
          'The final evaluation (终期评估): task outcomes, indicator verdicts at their deadlines, narrative; a draft only for the coordinator',
        params: CodeParams,
        response: withErrors({ 200: Evaluation }),
      },
    },
    async (request) => ({ evaluation: await closing.getEvaluation(request.actor!, request.params.code) }),
  );

  app.put(
    '/api/plans/:code/evaluation',
    {
      config: { permission: 'plan.manage' },
      schema: {
        tags,
        summary: 'Save the draft final evaluation (after the plan’s end date, before it is closed)',
        params: CodeParams,
        body: EvaluationBody,
        response: withErrors({ 200: Evaluation }),
      },
    },
    async (request) => ({
      evaluation: await closing.saveEvaluation(request.actor!, request.params.code, request.body),
    }),
  );

  app.post(
    '/api/plans/:code/closure',
    {
      config: { permission: 'plan.manage' },
      schema: {
        tags,
        summary: 'Close the plan (收官) with its saved final evaluation: every task needs an outcome',
        params: CodeParams,
        response: withErrors({ 200: Evaluation }),
      },
    },
    async (request) => ({ evaluation: await closing.closePlan(request.actor!, request.params.code) }),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/plans/:code/final-evaluation.${format}`,
      {
        config: { permission: 'plan.read' },
        schema: {
          tags,
          summary: `The final evaluation report (终期评估报告) as ${format.toUpperCase()}; a draft only for the coordinator`,
          params: CodeParams,
          querystring: LangQuery,
          response: withErrors({
            200: fileResponse('The final evaluation report (attachment)', MEDIA_TYPES[format]),
          }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply.header('cache-control', 'no-store'),
          await finalReport.renderFinalEvaluation(
            request.actor!,
            request.params.code,
            requestLang(request),
            format,
          ),
        ),
    );
    app.get(
      `/api/public/plans/:code/final-evaluation.${format}`,
      {
        config: { permission: 'public' },
        schema: {
          tags: ['open data'],
          summary: `The public final evaluation report of a closed plan as ${format.toUpperCase()} (public indicators only)`,
          params: CodeParams,
          querystring: LangQuery,
          response: withErrors({
            200: fileResponse('The final evaluation report (attachment)', MEDIA_TYPES[format]),
          }),
        },
      },
      async (request, reply) =>
        sendFile(
          reply.header('cache-control', 'no-store'),
          await finalReport.renderPublicFinalEvaluation(request.params.code, requestLang(request), format),
        ),
    );
  }
};

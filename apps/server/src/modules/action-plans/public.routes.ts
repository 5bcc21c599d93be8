import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { COMPARATORS, FINAL_VERDICTS, INDICATOR_STATUSES, PLAN_PHASES } from '@zhijiao/contracts';
import { DateString, literals, Nullable, PlanCode, withErrors } from '../../platform/http/schemas.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import { PeriodVerdictSchema } from './action-plans.schema.ts';
import type { ActionPlansModule } from './index.ts';
import { INDICATOR_RECURRENCES } from './plan-file/plan-file.types.ts';

const Unit = Type.Object({ code: Type.String(), name: Type.String() });
const num = Nullable(Type.Number());
export const PublicPlan = Type.Object(
  {
    code: Type.String({ description: 'Plan code, e.g. shangdang-vet-2020' }),
    version: Type.Number(),
    title: Type.String(),
    titleEn: Type.String(),
    district: Unit,
    stage: Nullable(Type.String()),
    startDate: DateString,
    endDate: DateString,
    phase: literals(PLAN_PHASES),
    closedOn: Nullable(DateString),
    sections: Type.Array(
      Type.Object({
        number: Type.Number(),
        label: Type.String(),
        title: Type.String(),
        titleEn: Type.String(),
        tasks: Type.Array(
          Type.Object({
            number: Type.Number(),
            label: Type.String({ description: 'e.g. （十二）' }),
            title: Type.String(),
            titleEn: Type.String(),
            lead: Nullable(Unit),
            cooperating: Type.Array(Unit),
          }),
        ),
      }),
    ),
    indicators: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        unit: Type.String(),
        comparator: literals(COMPARATORS),
        target: num,
        targetLow: num,
        targetHigh: num,
        deadline: DateString,
        recurrence: literals(INDICATOR_RECURRENCES),
        latestValue: num,
        numerator: num,
        denominator: num,
        latestPeriod: Nullable(Type.String()),
        status: literals(INDICATOR_STATUSES),
        periods: Type.Array(PeriodVerdictSchema),
        verdict: Type.Union([literals(FINAL_VERDICTS), Type.Null()], {
          description: 'Once the plan has ended: the verdict at the deadline (frozen when the plan closes)',
        }),
        taskLabel: Type.String(),
      }),
    ),
  },
  { description: 'A published plan: structure, responsible units and public indicators. No personal data.' },
);

/** Open data, no sign-in: `GET /api/public/plans` and `GET /api/public/plans/:code`. */
export const publicRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ActionPlansModule>> = async (
  app,
  { services: { publicPlans } },
) => {
  app.get(
    '/api/public/plans',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'Published plans (open data)',
        response: withErrors({ 200: Type.Object({ items: Type.Array(PublicPlan) }) }),
      },
    },
    async () => ({ items: await publicPlans.listPublishedPlans() }),
  );
  app.get(
    '/api/public/plans/:code',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open data'],
        summary: 'One published plan (open data)',
        params: Type.Object({ code: PlanCode }),
        response: withErrors({ 200: PublicPlan }),
      },
    },
    async (request) => publicPlans.getPublishedPlan(request.params.code),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AcknowledgementBody,
  AcknowledgementResultSchema,
} from '../../platform/alerts/alert-acknowledgements.schema.ts';
import { requestLang } from '../../platform/errors/error-handler.ts';
import {
  DateString,
  IdParams,
  literals,
  Nullable,
  PlanCode,
  withErrors,
} from '../../platform/http/schemas.ts';
import { INDICATOR_STATUSES } from '@zhijiao/contracts';
import {
  AlertSchema,
  DashboardSchema,
  IndicatorSchema,
  Items,
  PlanPeriod,
  PlanSummary,
  TaskDetailSchema,
  PlanMilestoneSchema,
  TaskSummary,
} from './action-plans.schema.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import type { ModuleRouteOptions } from '../../platform/modules/module-definition.ts';
import type { ActionPlansModule } from './index.ts';

const CodeParams = Type.Object({ code: PlanCode });
const PeriodQuery = Type.Object({ periodId: Type.Optional(Type.String({ format: 'uuid' })) });

/** Plans, their dashboard, tasks, indicators and alerts (signed-in users, scoped to their units). */
export const actionPlanRoutes: FastifyPluginAsyncTypebox<ModuleRouteOptions<ActionPlansModule>> = async (
  app,
  { services: { view, imports } },
) => {
  app.post(
    '/api/plan-imports',
    {
      config: { permission: 'plan.manage' },
      schema: {
        tags: ['plans'],
        summary:
          'Import a plan definition (YAML text, docs/plan-file-format.md) as a new version; errors name line and field',
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 2_000_000 }) },
          { additionalProperties: false },
        ),
        response: withErrors({
          201: Type.Object({
            planId: Type.String(),
            code: Type.String(),
            version: Type.Number(),
            created: Type.Boolean(),
            warnings: Type.Array(
              Type.Object({
                line: Type.Union([Type.Number(), Type.Null()]),
                path: Type.String(),
                code: Type.String(),
                message: Type.String(),
                messageEn: Type.String(),
              }),
            ),
          }),
        }),
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const result = await imports.importPlan(request.body.text, auditActorOf(actor), actor.userId);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/plans',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Current versions of all plans',
        response: withErrors({ 200: Items(PlanSummary) }),
      },
    },
    async (request) => ({ items: await view.listPlans(request.actor!) }),
  );

  app.get(
    '/api/plans/:code/periods',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Reporting periods of a plan',
        params: CodeParams,
        response: withErrors({ 200: Items(PlanPeriod) }),
      },
    },
    async (request) => ({ items: await view.listPeriods(request.actor!, request.params.code) }),
  );

  app.get(
    '/api/plans/:code/dashboard',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Plan overview: KPIs, sections and tasks, status by unit (a unit sees its own tasks)',
        params: CodeParams,
        querystring: PeriodQuery,
        response: withErrors({ 200: DashboardSchema }),
      },
    },
    async (request) => view.dashboard(request.actor!, request.params.code, request.query.periodId),
  );

  app.get(
    '/api/plans/:code/tasks',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Task list with progress and alert tier (a unit sees the tasks it is responsible for)',
        params: CodeParams,
        querystring: PeriodQuery,
        response: withErrors({ 200: Items(TaskSummary) }),
      },
    },
    async (request) => ({
      items: await view.listTasks(request.actor!, request.params.code, request.query.periodId),
    }),
  );

  app.get(
    '/api/plans/:code/milestones',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Milestones (里程碑) of a plan by due date, with their task, unit and whether overdue',
        params: CodeParams,
        response: withErrors({ 200: Items(PlanMilestoneSchema) }),
      },
    },
    async (request) => ({ items: await view.listMilestones(request.actor!, request.params.code) }),
  );

  app.get(
    '/api/plans/:code/indicators',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'Indicators with latest value and status',
        params: CodeParams,
        querystring: PeriodQuery,
        response: withErrors({ 200: Items(IndicatorSchema) }),
      },
    },
    async (request) => ({
      items: await view.listIndicators(request.actor!, request.params.code, request.query.periodId),
    }),
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'A task: text, units, indicators, milestones, reports',
        params: IdParams,
        response: withErrors({ 200: TaskDetailSchema }),
      },
    },
    async (request) => view.taskDetail(request.actor!, request.params.id),
  );

  app.get(
    '/api/indicators/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plans'],
        summary: 'An indicator with its history (and drill-down when computed)',
        params: IdParams,
        response: withErrors({
          200: Type.Object({
            indicator: IndicatorSchema,
            history: Type.Array(
              Type.Object({
                periodId: Type.String(),
                periodLabel: Type.String(),
                endsOn: Type.String(),
                value: Type.Number(),
                source: literals(['report', 'metric']),
              }),
            ),
            timeline: Type.Array(
              Type.Object({
                label: Type.String(),
                labelEn: Type.String(),
                endsOn: DateString,
                value: Nullable(Type.Number()),
                status: Nullable(literals(INDICATOR_STATUSES)),
              }),
              {
                description:
                  'The plan’s whole span up to the deadline: per judged window, else per reporting period',
              },
            ),
            drillDown: Type.Optional(Type.Array(Type.Object({ label: Type.String(), value: Type.Number() }))),
            metricDescription: Type.Optional(
              Type.Object(
                { zh: Type.String(), en: Type.String() },
                { description: 'A computed indicator’s 计算口径: how its metric is computed, in words' },
              ),
            ),
          }),
        }),
      },
    },
    async (request) => view.indicatorDetail(request.actor!, request.params.id),
  );

  app.get(
    '/api/alerts',
    {
      config: { permission: 'alert.read' },
      schema: {
        tags: ['plans'],
        summary: 'Alerts (预警) for the actor’s units: overdue reports, deadlines, off-track indicators',
        querystring: Type.Object({
          planCode: Type.Optional(PlanCode),
          acknowledged: Type.Optional(
            Type.Boolean({
              description:
                'true: only alerts the addressed unit acknowledged (已知悉) at their current tier; false: only those it has not (未知悉)',
            }),
          ),
          lang: Type.Optional(Type.String()),
        }),
        response: withErrors({ 200: Items(AlertSchema) }),
      },
    },
    async (request) => ({
      items: await view.alerts(request.actor!, requestLang(request), request.query.planCode, {
        acknowledged: request.query.acknowledged,
      }),
    }),
  );

  app.post(
    '/api/alerts/acknowledgements',
    {
      config: { permission: 'alert.acknowledge' },
      schema: {
        tags: ['plans'],
        summary:
          'Acknowledge (知悉) alerts addressed to the actor’s own unit, at their current tier (all or nothing; 409 names each refused one); audited',
        body: AcknowledgementBody,
        response: withErrors({ 200: AcknowledgementResultSchema }),
      },
    },
    async (request) => view.acknowledgeAlerts(request.actor!, requestLang(request), request.body),
  );
};

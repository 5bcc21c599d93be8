import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  SYSTEM_ACTOR,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { shangdangPlanText } from '../../test/shangdang-plan.ts';

const PLAN = 'shangdang-vet-2020';
type Evaluation = {
  state: string | null;
  phase: string;
  closedOn: string | null;
  narrative: string;
  tasks: Array<{
    id: string;
    label: string;
    proposedOutcome: string;
    outcome: string | null;
    remark: string;
  }>;
  indicators: Array<{ code: string; deadline: string; verdict: string; status: string }>;
  abilities: { save: boolean; close: boolean };
};
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; details?: Array<{ field: string; message: string }> } }).error;
const evaluationOf = (res: { json(): unknown }) => (res.json() as { evaluation: Evaluation }).evaluation;

/**
 * Closing the Shangdang plan (2020-01-01 … 2022-12-31) with its final evaluation, through HTTP on
 * a real database: refusals before the end and once closed, 403 to others, the draft hidden from
 * units, the one plan_ended alert while it waits, no alerts and no reports once closed.
 */
describe('closing a plan with its final evaluation', () => {
  let ctx: TestContext;
  let planId: string;
  const names = new Map<string, string>();

  async function at(date: string) {
    ctx.clock.set(`${date}T01:00:00Z`);
    const clients: Record<string, Client> = {};
    for (const [key, username] of names) clients[key] = await login(ctx, username);
    return clients as Record<'hrss' | 'coordinator' | 'viewer', Client>;
  }
  const planAlerts = async (client: Client) => {
    const res = await client.get('/api/alerts');
    expect(res.statusCode, res.body).toBe(200);
    return (
      res.json() as {
        items: Array<{
          source: string;
          kind: string;
          unit: { code: string };
          tier: string;
          link: string | null;
        }>;
      }
    ).items.filter((a) => a.source === 'plan');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    names.set('hrss', (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    names.set('coordinator', (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    names.set('viewer', (await createUser(ctx, 'viewer', 'SD-EDU')).username);
  });
  afterAll(() => ctx?.close());

  it('refuses to evaluate or close the plan before its end date (409, naming the end date)', async () => {
    const { coordinator } = await at('2022-12-31');
    const save = await coordinator.put(`/api/plans/${PLAN}/evaluation`, { narrative: '', tasks: [] });
    expect(save.statusCode).toBe(409);
    expect(errorOf(save).code).toBe('PLAN_NOT_ENDED');
    expect(errorOf(save).details?.[0]?.field).toBe('plan.endDate');
    const close = await coordinator.post(`/api/plans/${PLAN}/closure`);
    expect([close.statusCode, errorOf(close).code]).toEqual([409, 'PLAN_NOT_ENDED']);
  });

  it('collapses the ended plan’s overdue alerts into one plan_ended alert to the education bureau', async () => {
    const { coordinator, hrss } = await at('2026-12-07');
    const alerts = await planAlerts(coordinator);
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'plan_ended', tier: 'red', link: `/plans/${PLAN}/evaluation` }),
    ]);
    expect(alerts[0]!.unit.code).toBe('SD-EDU');
    expect(await planAlerts(hrss)).toEqual([]);
    const dash = (await coordinator.get(`/api/plans/${PLAN}/dashboard`)).json() as {
      lifecycle: { phase: string; evaluationDueOn: string };
      sections: Array<{ tasks: Array<{ alertTier: string | null }> }>;
    };
    expect(dash.lifecycle).toMatchObject({ phase: 'ended', evaluationDueOn: '2023-03-31' });
    expect(dash.sections.flatMap((s) => s.tasks).every((t) => t.alertTier === null)).toBe(true);
    const indicators = (await coordinator.get(`/api/plans/${PLAN}/indicators`)).json() as {
      items: Array<{ verdict: string | null }>;
    };
    expect(indicators.items.every((i) => i.verdict !== null)).toBe(true);
  });

  it('ends the reporting periods with the plan: four years on, the last period is still 2022年第4季度', async () => {
    const { coordinator } = await at('2026-12-07');
    const periods = (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
      items: Array<{ label: string; endsOn: string; current: boolean }>;
    };
    expect(periods.items).toHaveLength(12);
    expect(periods.items.at(-1)).toMatchObject({
      label: '2022年第4季度',
      endsOn: '2022-12-31',
      current: false,
    });
    const dash = (await coordinator.get(`/api/plans/${PLAN}/dashboard`)).json() as {
      period: { label: string };
    };
    expect(dash.period.label).toBe('2022年第4季度');
  });

  it('answers 403 to a unit clerk and hides the draft from everyone but the coordinator', async () => {
    const { hrss, viewer, coordinator } = await at('2026-12-07');
    const save = await hrss.put(`/api/plans/${PLAN}/evaluation`, { narrative: 'x', tasks: [] });
    expect([save.statusCode, errorOf(save).code]).toEqual([403, 'FORBIDDEN']);
    expect((await hrss.post(`/api/plans/${PLAN}/closure`)).statusCode).toBe(403);
    expect((await hrss.get(`/api/plans/${PLAN}/evaluation`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/plans/${PLAN}/evaluation`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/plans/${PLAN}/final-evaluation.docx`)).statusCode).toBe(404);
    const proposal = evaluationOf(await coordinator.get(`/api/plans/${PLAN}/evaluation`));
    expect(proposal).toMatchObject({ state: null, phase: 'ended', abilities: { save: true, close: true } });
    expect(proposal.tasks).toHaveLength(21);
    expect(proposal.indicators.length).toBeGreaterThan(10);
  });

  it('refuses to close without an outcome for every task, naming the tasks; refuses a foreign task', async () => {
    const { coordinator } = await at('2026-12-07');
    expect(errorOf(await coordinator.post(`/api/plans/${PLAN}/closure`)).code).toBe(
      'PLAN_EVALUATION_INCOMPLETE',
    );
    const t1 = await taskByNumber(ctx, planId, 1);
    const foreign = await coordinator.put(`/api/plans/${PLAN}/evaluation`, {
      narrative: '',
      tasks: [{ taskId: randomUUID(), outcome: 'completed', remark: '' }],
    });
    expect([foreign.statusCode, errorOf(foreign).details?.[0]?.field]).toEqual([400, 'tasks.0.taskId']);
    const partial = await coordinator.put(`/api/plans/${PLAN}/evaluation`, {
      narrative: '草稿',
      tasks: [{ taskId: t1.id, outcome: 'completed', remark: '已建成' }],
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(evaluationOf(partial).state).toBe('draft');
    const close = await coordinator.post(`/api/plans/${PLAN}/closure`);
    expect([close.statusCode, errorOf(close).code]).toEqual([409, 'PLAN_EVALUATION_INCOMPLETE']);
    expect(errorOf(close).details).toHaveLength(20);
    expect(errorOf(close).details?.[0]?.field).toBe('tasks.（二）');
  });

  it('closes the plan: frozen verdicts, history and audit rows, no alerts, no more reports', async () => {
    const { coordinator, hrss, viewer } = await at('2026-12-07');
    const draft = evaluationOf(await coordinator.get(`/api/plans/${PLAN}/evaluation`));
    const tasks = draft.tasks.map((t) => ({
      taskId: t.id,
      outcome: t.outcome ?? t.proposedOutcome,
      remark: t.remark,
    }));
    const saved = await coordinator.put(`/api/plans/${PLAN}/evaluation`, {
      narrative: '计划总体完成。',
      tasks,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    // A report waiting for review would be frozen unreviewed: closing waits for its review.
    const t10 = await taskByNumber(ctx, planId, 10);
    const lastPeriod = await ctx.db
      .selectFrom('reportingPeriod')
      .select('id')
      .where('planId', '=', planId)
      .where('startsOn', '<=', '2022-12-31')
      .orderBy('startsOn', 'desc')
      .executeTakeFirstOrThrow();
    const late = await hrss.post('/api/progress-reports', {
      taskId: t10.id,
      periodId: lastPeriod.id,
      progress: 'completed',
      narrative: '补报：培训全部完成。',
      submit: true,
    });
    expect(late.statusCode, late.body).toBe(201);
    const lateId = (late.json() as { report: { id: string } }).report.id;
    const pending = await coordinator.post(`/api/plans/${PLAN}/closure`);
    expect([pending.statusCode, errorOf(pending).code]).toEqual([409, 'PLAN_REPORTS_PENDING']);
    const returned = await coordinator.post(`/api/progress-reports/${lateId}/return`, {
      comment: '请补充佐证',
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const closed = await coordinator.post(`/api/plans/${PLAN}/closure`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(evaluationOf(closed)).toMatchObject({ state: 'closed', phase: 'closed', closedOn: '2026-12-07' });
    expect(evaluationOf(closed).abilities).toEqual({ save: false, close: false });

    const evaluation = await ctx.db
      .selectFrom('planEvaluation')
      .select(['id', 'state'])
      .executeTakeFirstOrThrow();
    const frozen = await ctx.db
      .selectFrom('planEvaluationIndicator')
      .select('verdict')
      .where('evaluationId', '=', evaluation.id)
      .execute();
    expect(frozen.length).toBe(evaluationOf(closed).indicators.length);
    const events = await ctx.db
      .selectFrom('planEvaluationEvent')
      .select('action')
      .where('evaluationId', '=', evaluation.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'evaluation_created',
      'evaluation_saved',
      'evaluation_saved',
      'closed',
    ]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectType', 'details'])
      .where('objectId', '=', evaluation.id)
      .where('action', '=', 'plan.closed')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ objectType: 'plan_evaluation', details: { planCode: PLAN } });

    expect(await planAlerts(coordinator)).toEqual([]);
    expect(await planAlerts(hrss)).toEqual([]);
    type Dash = {
      lifecycle: { phase: string; closedOn: string };
      kpis: { taskOutcomes: Record<string, number> | null; indicatorsByStatus: Record<string, number> };
      sections: Array<{ tasks: Array<{ outcome: string | null }> }>;
    };
    const dash = (await coordinator.get(`/api/plans/${PLAN}/dashboard`)).json() as Dash;
    expect(dash.lifecycle).toMatchObject({ phase: 'closed', closedOn: '2026-12-07' });
    const outcomes = dash.sections.flatMap((s) => s.tasks).map((t) => t.outcome);
    expect(outcomes.every((o) => o !== null)).toBe(true);
    // The headline numbers are the final evaluation's: tasks by outcome.
    expect(dash.kpis.taskOutcomes).toEqual({
      completed: outcomes.filter((o) => o === 'completed').length,
      partly: outcomes.filter((o) => o === 'partly').length,
      not_completed: outcomes.filter((o) => o === 'not_completed').length,
    });
    // A past period reads as it stood then: no outcome, no final verdict.
    const periods = (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
      items: Array<{ id: string; label: string }>;
    };
    const q2of2021 = periods.items.find((p) => p.label === '2021年第2季度')!;
    const past = (
      await coordinator.get(`/api/plans/${PLAN}/dashboard?periodId=${q2of2021.id}`)
    ).json() as Dash;
    expect(past.lifecycle.phase).toBe('closed');
    expect(past.kpis.taskOutcomes).toBeNull();
    expect(past.sections.flatMap((s) => s.tasks).every((t) => t.outcome === null)).toBe(true);

    const period = await ctx.db
      .selectFrom('reportingPeriod')
      .select('id')
      .where('planId', '=', planId)
      .where('startsOn', '<=', '2026-12-07')
      .orderBy('startsOn', 'desc')
      .executeTakeFirstOrThrow();
    const report = await hrss.post('/api/progress-reports', {
      taskId: t10.id,
      periodId: period.id,
      progress: 'on_track',
      narrative: '继续推进',
    });
    expect([report.statusCode, errorOf(report).code, errorOf(report).details?.[0]?.field]).toEqual([
      409,
      'PLAN_CLOSED',
      'taskId',
    ]);

    // The returned report is frozen with the plan: no edit, no resubmission.
    const edit = await hrss.put(`/api/progress-reports/${lateId}`, {
      progress: 'completed',
      narrative: '补充',
    });
    expect([edit.statusCode, errorOf(edit).code, errorOf(edit).details?.[0]?.field]).toEqual([
      409,
      'PLAN_CLOSED',
      'id',
    ]);
    const resubmit = await hrss.post(`/api/progress-reports/${lateId}/submission`);
    expect([resubmit.statusCode, errorOf(resubmit).code]).toEqual([409, 'PLAN_CLOSED']);

    // The closed evaluation is the district's conclusion: its readers see it whole; a unit's
    // clerk reads the public copy (public indicators only).
    expect((await viewer.get(`/api/plans/${PLAN}/evaluation`)).statusCode).toBe(200);
    expect((await hrss.get(`/api/plans/${PLAN}/evaluation`)).statusCode).toBe(404);
  });

  it('refuses a new version of a closed plan (the evaluation names the version it closed)', async () => {
    const next = shangdangPlanText({ version: 99 });
    await expect(ctx.services.plans.imports.importPlan(next, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'PLAN_CLOSED',
      status: 409,
    });
  });

  it('refuses to change or close a closed plan again (409 PLAN_CLOSED)', async () => {
    const { coordinator } = await at('2026-12-08');
    const again = await coordinator.post(`/api/plans/${PLAN}/closure`);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'PLAN_CLOSED']);
    const edit = await coordinator.put(`/api/plans/${PLAN}/evaluation`, { narrative: '改', tasks: [] });
    expect([edit.statusCode, errorOf(edit).code]).toEqual([409, 'PLAN_CLOSED']);
  });

  it('serves the report as DOCX to readers and, once closed, the public copy on the portal', async () => {
    const { viewer } = await at('2026-12-08');
    const docx = await viewer.get(`/api/plans/${PLAN}/final-evaluation.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pub = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/plans/${PLAN}/final-evaluation.docx`,
    });
    expect(pub.statusCode).toBe(200);
    const portal = (await ctx.app.inject({ method: 'GET', url: `/api/public/plans/${PLAN}` })).json() as {
      phase: string;
      closedOn: string;
      indicators: Array<{ verdict: string | null }>;
    };
    expect(portal).toMatchObject({ phase: 'closed', closedOn: '2026-12-07' });
    expect(portal.indicators.every((i) => i.verdict !== null)).toBe(true);
  });
});

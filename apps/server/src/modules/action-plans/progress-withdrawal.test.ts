import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

const PLAN = 'shangdang-vet-2020';
type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string; details?: unknown } }).error;
type Report = {
  id: string;
  state: string;
  submittedAt: string | null;
  abilities: { edit: boolean; submit: boolean; withdraw: boolean; review: boolean };
  events: Array<{ action: string }>;
};
const reportOf = (res: Res) => (res.json() as { report: Report }).report;

/**
 * 撤回: a unit withdraws the report it submitted while it waits for review, on a real database:
 * back to a draft with its history and audit row; refused once reviewed, to other units and
 * reviewers, and on a closed plan.
 */
describe('withdrawing a submitted progress report (撤回)', () => {
  let ctx: TestContext;
  let planId: string;
  let coordinator: Client;
  let hrss: Client;
  let fin: Client;
  let periodIds: string[];
  const later = () => ctx.clock.advance(2 * 60_000);
  const task = async (n: number) => (await taskByNumber(ctx, planId, n)).id;

  /** HRSS writes and submits a report on task n for the i-th opened period. */
  const submitted = async (n: number, i: number) => {
    const created = await hrss.post('/api/progress-reports', {
      taskId: await task(n),
      periodId: periodIds[i]!,
      progress: 'on_track',
      narrative: '本季度开展职业技能提升培训 12 期。',
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    later();
    return reportOf(created);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    fin = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    const periods = (
      (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
        items: Array<{ id: string; current: boolean; startsOn: string }>;
      }
    ).items;
    const current = periods.find((p) => p.current)!;
    periodIds = periods.filter((p) => p.startsOn <= current.startsOn).map((p) => p.id);
  });
  afterAll(() => ctx?.close());

  it('returns a report waiting for review to a draft, in its history and the audit log', async () => {
    const report = await submitted(10, 0);
    expect(report.abilities.withdraw).toBe(true);
    const queued = reportOf(await coordinator.get(`/api/progress-reports/${report.id}`));
    expect(queued.abilities).toMatchObject({ withdraw: false, review: true });

    const withdrawn = await hrss.post(`/api/progress-reports/${report.id}/withdrawal`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(reportOf(withdrawn)).toMatchObject({
      state: 'draft',
      submittedAt: null,
      abilities: { edit: true, submit: true, withdraw: false },
    });
    expect(reportOf(withdrawn).events.map((e) => e.action)).toEqual(['created', 'submitted', 'withdrawn']);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result'])
      .where('objectId', '=', report.id)
      .where('action', '=', 'progress.withdrawn')
      .execute();
    expect(audit).toEqual([{ action: 'progress.withdrawn', result: 'success' }]);
    const queue = (await coordinator.get('/api/progress-reports?state=submitted')).json() as {
      items: Array<{ id: string }>;
    };
    expect(queue.items.map((r) => r.id)).not.toContain(report.id);

    const again = await hrss.post(`/api/progress-reports/${report.id}/withdrawal`);
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'PROGRESS_NOT_WITHDRAWABLE']);
    const resubmitted = await hrss.post(`/api/progress-reports/${report.id}/submission`);
    expect(reportOf(resubmitted).state).toBe('submitted');
  });

  it('refuses once a reviewer has decided: approved or returned (409)', async () => {
    const approvedReport = await submitted(10, 1);
    expect((await coordinator.post(`/api/progress-reports/${approvedReport.id}/approval`)).statusCode).toBe(
      200,
    );
    const afterApproval = await hrss.post(`/api/progress-reports/${approvedReport.id}/withdrawal`);
    expect([afterApproval.statusCode, errorOf(afterApproval).code]).toEqual([
      409,
      'PROGRESS_NOT_WITHDRAWABLE',
    ]);

    const returnedReport = await submitted(1, 0);
    await coordinator.post(`/api/progress-reports/${returnedReport.id}/return`, { comment: '请补充' });
    const afterReturn = await hrss.post(`/api/progress-reports/${returnedReport.id}/withdrawal`);
    expect([afterReturn.statusCode, errorOf(afterReturn).code]).toEqual([409, 'PROGRESS_NOT_WITHDRAWABLE']);
    const row = await ctx.db
      .selectFrom('progressReport')
      .select('state')
      .where('id', '=', approvedReport.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('approved');
  });

  it('lets only the reporting unit withdraw: 404 to another unit, 403 to the reviewer', async () => {
    const report = await submitted(1, 1);
    const other = await fin.post(`/api/progress-reports/${report.id}/withdrawal`);
    expect(other.statusCode).toBe(404);
    const reviewer = await coordinator.post(`/api/progress-reports/${report.id}/withdrawal`);
    expect([reviewer.statusCode, errorOf(reviewer).code]).toEqual([403, 'FORBIDDEN']);
    expect(reportOf(await hrss.get(`/api/progress-reports/${report.id}`)).state).toBe('submitted');
  });

  it('refuses on a closed plan (409 PLAN_CLOSED)', async () => {
    const report = await submitted(10, 2);
    // The plan's final evaluation closed (收官): what `plan-closing.test.ts` reaches through the app.
    await ctx.db
      .insertInto('planEvaluation')
      .values({
        planCode: PLAN,
        planId,
        state: 'closed',
        narrative: '终期评估',
        createdBy: null,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
        closedBy: null,
        closedAt: ctx.clock.now(),
        closedOn: '2021-05-01',
      })
      .execute();
    const refused = await hrss.post(`/api/progress-reports/${report.id}/withdrawal`);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'PLAN_CLOSED']);
  });
});

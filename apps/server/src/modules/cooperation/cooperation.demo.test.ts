import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  runtimeOf,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { cooperationDemo } from './cooperation.demo.ts';
import { cooperationEvidence, type CooperationModule } from './index.ts';

const TODAY = '2026-11-29';

describe('the cooperation demo', () => {
  let ctx: TestContext;
  let summary: { zh: string; en: string };
  let district: string;
  const actor = (username: string) => demoActor(runtimeOf(ctx), username);
  const unitId = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    await createUser(ctx, 'unit_clerk', 'SD-YITONG', 'yitong');
    await createUser(ctx, 'unit_clerk', 'SD-ZHENDONG', 'zhendong');
    await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
    await createUser(ctx, 'unit_clerk', 'SD-VEC', 'vec');
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
    summary = await cooperationDemo(
      demoContext<CooperationModule>(ctx, 'cooperation', TODAY, [2020, 2021, 2022]),
    );
    district = await unitId('SD');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('loads agreements, apprenticeships, a centre and a factory through the use cases, audited', async () => {
    expect(summary.zh).toBe('4 份校企合作协议、3 个学徒制项目、1 个协同创新中心、1 个教学工厂');
    const states = await ctx.db
      .selectFrom('apprenticeship')
      .select(['scheme', 'state'])
      .orderBy('startsOn')
      .execute();
    expect(states).toEqual([
      { scheme: 'enterprise', state: 'completed' },
      { scheme: 'modern', state: 'completed' },
      { scheme: 'modern', state: 'school_approved' },
    ]);
    const projects = await ctx.db.selectFrom('cooperationCentreProject').select('id').execute();
    expect(projects).toHaveLength(6);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('completes the three milestones within the plan’s period', async () => {
    const value = async (name: string, endsOn: string) =>
      (
        await ctx.services.metrics.compute(name, {
          db: ctx.db,
          orgUnitId: district,
          period: { startsOn: '2020-01-01', endsOn },
          today: TODAY,
        })
      ).value;
    for (const name of [
      'cooperation.innovationCentresOperating',
      'cooperation.teachingFactoriesOperating',
      'cooperation.apprenticeshipsUnderBothSchemes',
    ]) {
      expect(await value(name, '2020-12-31'), name).toBe(0);
      expect(await value(name, '2022-12-31'), name).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives 振东集团 its evidence and leaves 易通集团 this year’s class to approve', async () => {
    const evidence = await cooperationEvidence(ctx.db, await unitId('SD-ZHENDONG'), '2022-12-31');
    expect(evidence).toEqual({
      cooperationSince: '2020-09-01',
      apprenticesByYear: { 2021: 30 },
      coBuiltCentres: 1,
      staffTrainedByYear: { 2021: 120 },
    });
    const todos = await ctx.services.todoSources.collect(await actor('yitong'), 'zh', TODAY);
    expect(todos.items.filter((t) => t.source === 'cooperation').map((t) => t.kind)).toEqual([
      'apprenticeship_enterprise_approval',
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import type { EnrollmentModule } from '../enrollment/index.ts';
import type { TrainingBasesModule } from './index.ts';
import { trainingBasesDemo } from './training-bases.demo.ts';

const TODAY = '2026-11-29';

describe('the training-bases demo', () => {
  let ctx: TestContext;
  let summary: { zh: string; en: string };
  let district: string;
  let mech2020: string;
  const metric = (name: string, endsOn = '2022-12-31', startsOn = '2020-01-01') =>
    ctx.services.metrics.compute(name, {
      db: ctx.db,
      orgUnitId: district,
      period: { startsOn, endsOn },
      today: TODAY,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    for (const [role, code, name] of [
      ['unit_clerk', 'SD-DRC', 'drc'],
      ['unit_clerk', 'SD-VHS', 'vhs'],
      ['unit_clerk', 'SD-VEC', 'vec'],
      ['unit_clerk', 'SD-ZHENDONG', 'zhendong'],
      ['coordinator', 'SD-EDU', 'coordinator'],
    ] as const)
      await createUser(ctx, role, code, name);
    district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    // The enrolment demo runs first: here one 2020 season offering 区职业高中's 机电技术应用 in 中职批.
    const enrol = demoContext<EnrollmentModule>(ctx, 'enrollment', TODAY, [2020, 2021, 2022]);
    const coordinator = await enrol.actor('coordinator');
    const { setup } = enrol.at('2020-04-10');
    const season = await setup.createSeason(coordinator, {
      admissionYear: 2020,
      name: '2020年上党区高中阶段学校统一招生',
      subjects: [
        { key: 'chinese', name: '语文' },
        { key: 'math', name: '数学' },
      ],
      tieBreak: ['math', 'chinese'],
    });
    const { batches } = await setup.addBatch(coordinator, season.id, {
      code: 'VOCATIONAL',
      name: '中职批',
      position: 1,
      opensAt: '2020-07-05T00:00:00+08:00',
      closesAt: '2020-07-10T00:00:00+08:00',
      maxChoices: 3,
    });
    const { programs } = await setup.addProgram(coordinator, season.id, {
      batchId: batches[0]!.id,
      code: 'VHS-MECH',
      name: '机电技术应用',
      schoolCode: 'SD-VHS',
      track: 'vocational',
      quota: 5,
    });
    mech2020 = programs[0]!.id;
    summary = await trainingBasesDemo(
      demoContext<TrainingBasesModule>(ctx, 'trainingBases', TODAY, [2020, 2021, 2022]),
    );
  }, 180_000);
  afterAll(() => ctx?.close());

  it('loads four bases, the district group and its programmes, with an intact audit chain', async () => {
    expect(summary.zh).toMatch(/^4 个实训基地、\d+ 次实训预约、1 个职教集团（5 个合作项目）$/);
    const bases = await ctx.db
      .selectFrom('trainingBase')
      .select(['name', 'kind', 'status', 'operatingSince'])
      .orderBy('operatingSince')
      .execute();
    expect(bases.map((b) => [b.kind, b.operatingSince])).toEqual([
      ['in_school', '2020-09-01'],
      ['co_built', '2021-03-01'],
      ['high_level', '2021-09-01'],
      ['high_level', '2022-03-01'],
    ]);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('links a 中高职衔接 programme to the enrolment demo’s 中职 program of its major and year, where one was offered', async () => {
    const rows = await ctx.db
      .selectFrom('vetGroupProgramme')
      .select(['name', 'year', 'enrollmentProgramId'])
      .where('kind', '=', 'articulation')
      .orderBy('year')
      .execute();
    expect(rows.map((r) => [r.name, r.year, r.enrollmentProgramId])).toEqual([
      ['机电技术应用“3+2”中高职衔接班', 2020, mech2020],
      ['机电技术应用“3+2”中高职衔接班', 2021, null],
      ['康复技术中本贯通衔接班', 2022, null],
    ]);
  });

  it('completes T14’s and T15’s milestones by the plan’s end, not before their records', async () => {
    for (const name of [
      'trainingBases.yitongBaseInOperation',
      'trainingBases.zhendongBaseInOperation',
      'trainingBases.schoolBasesInOperation',
      'trainingBases.reformingGroups',
    ])
      expect((await metric(name)).value, name).toBeGreaterThanOrEqual(1);
    expect((await metric('trainingBases.yitongBaseInOperation', '2021-08-31')).value).toBe(0);
    expect((await metric('trainingBases.zhendongBaseInOperation', '2021-12-31')).value).toBe(0);
    expect((await metric('trainingBases.reformingGroups', '2021-12-31')).value).toBe(1);
    expect((await metric('trainingBases.reformingGroups', '2020-12-31')).value).toBe(0);
  });

  it('gives each base a plausible utilisation per year', async () => {
    const u = await metric('trainingBases.utilisation', '2022-12-31', '2022-01-01');
    expect(u.drillDown).toHaveLength(4);
    for (const row of u.drillDown) {
      expect(row.value).toBeGreaterThan(10);
      expect(row.value).toBeLessThan(60);
    }
    expect(u.value).toBe(Math.round((u.numerator! / u.denominator!) * 1000) / 10);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  districtMetric,
  login,
  seedShangdang,
  yearWindow,
  type TestContext,
} from '../../test/test-context.ts';
import { learnerIdNumber, resultsWorkbook, RESULT_HEADER, seedLearner } from './credit-bank.test-helpers.ts';
import { createCatalogueVersion } from './catalogue.service.ts';
import { applyForConversion, approveConversion, createConversionRule } from './conversion.service.ts';
import { onePlusXStatistics } from './one-plus-x.service.ts';
import { recogniseLearningOutcome } from './outcome-review.service.ts';
import { importCertificateResults } from './outcome-import.ts';

const ISSUER = '北京中车行高新技术有限公司';
const HEADER = [...RESULT_HEADER, '考核结果', '考核日期'];
const row = (seq: number, examOn: string, number = '') => [
  `学生${seq}`,
  learnerIdNumber(seq),
  '汽车运用与维修',
  '',
  '初级',
  ISSUER,
  number,
  number ? examOn : '',
  number ? '合格' : '不合格',
  examOn,
];

/*
 * 区职业高中: 41, 42, 46 (计算机应用) and 43 (汽车运用与维修) 在籍; 44 (计算机应用) 毕业 on 2021-07-01.
 * 2020: 42 passes, 44 passes. 2021: 41 fails then passes, 42 fails, 43 passes (recognised); 46 never sits.
 * 区职教中心: 45 在籍, fails in 2021.
 */
describe('1+X statistics and the plan’s T16 numbers, from sittings and the register', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let vhs: Actor;
  let vec: Actor;
  let coordinator: Actor;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2022-06-01T01:00:00Z' });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    vec = await actorOf(ctx, 'unit_clerk', 'SD-VEC');
    coordinator = await actorOf(ctx, 'coordinator', 'SD-EDU');
    const ids = new Map<number, string>();
    for (const seq of [41, 42, 43, 44, 46]) ids.set(seq, await seedLearner(ctx, 'SD-VHS', seq));
    ids.set(45, await seedLearner(ctx, 'SD-VEC', 45));
    // An adult 区职业高中 trains (社会学习者) who sits a certificate too: not in the students' figures.
    ids.set(47, await seedLearner(ctx, 'SD-VHS', 47));
    await ctx.db
      .updateTable('learner')
      .set({ kind: 'social', source: 'social', majorCode: '', majorName: '' })
      .where('id', '=', ids.get(47)!)
      .execute();
    await ctx.db
      .updateTable('learner')
      .set({ majorCode: '700206', majorName: '汽车运用与维修' })
      .where('id', '=', ids.get(43)!)
      .execute();
    await ctx.db
      .updateTable('learner')
      .set({ status: 'graduated', statusSince: '2021-07-01' })
      .where('id', '=', ids.get(44)!)
      .execute();
    await ctx.db
      .insertInto('learnerStatusChange')
      .values([
        {
          learnerId: ids.get(44)!,
          fromStatus: null,
          toStatus: 'enrolled',
          changedOn: '2019-09-01',
          reason: '入学',
          changedBy: null,
          changedAt: new Date(),
        },
        {
          learnerId: ids.get(44)!,
          fromStatus: 'enrolled',
          toStatus: 'graduated',
          changedOn: '2021-07-01',
          reason: '毕业',
          changedBy: null,
          changedAt: new Date(),
        },
      ])
      .execute();
    const file = await resultsWorkbook(
      [
        row(42, '2020-11-01', 'V-42'),
        row(44, '2020-10-01', 'V-44'),
        row(41, '2021-06-01'),
        row(41, '2021-12-01', 'V-41'),
        row(42, '2021-06-01'),
        row(43, '2021-06-01', 'V-43'),
        row(47, '2021-06-01', 'V-47'),
      ],
      HEADER,
    );
    await importCertificateResults(deps, vhs, { buffer: file, filename: 'vhs.xlsx' });
    await importCertificateResults(deps, vec, {
      buffer: await resultsWorkbook([row(45, '2021-06-01')], HEADER),
      filename: 'vec.xlsx',
    });
    // 区教育局 recognises two of the 2021 certificates in January 2022; a conversion is approved in March.
    ctx.clock.set('2021-03-01T02:00:00Z');
    await createCatalogueVersion(deps, coordinator, {
      year: 2021,
      note: '1+X',
      entries: [
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'elementary',
          suggestedCredits: 40,
        },
      ],
    });
    ctx.clock.set('2022-01-10T02:00:00Z');
    const outcomes = await ctx.db
      .selectFrom('learningOutcome')
      .select(['id', 'number'])
      .where('number', 'in', ['V-41', 'V-43'])
      .orderBy('number')
      .execute();
    for (const o of outcomes) await recogniseLearningOutcome(deps, coordinator, o.id, {});
    ctx.clock.set('2022-02-01T02:00:00Z');
    const rule = await createConversionRule(deps, vhs, {
      outcomeType: 'one_plus_x_certificate',
      minLevel: 'elementary',
      exempts: ['QC201'],
      credits: 40,
      validFrom: '2022-02-01',
    });
    ctx.clock.set('2022-03-01T02:00:00Z');
    const applied = await applyForConversion(deps, vhs, ids.get(43)!, { ruleId: rule.id });
    ctx.clock.set('2022-03-10T02:00:00Z');
    await approveConversion(deps, coordinator, applied.id);
    ctx.clock.set('2022-06-01T01:00:00Z');
  }, 600_000);
  afterAll(() => ctx?.close());

  it('counts per school and major: 在籍 at the year’s end, participants, sittings, passes, rates, recognised; and the total', async () => {
    const stats = await onePlusXStatistics(deps, coordinator, { year: 2021 });
    expect(stats.total).toEqual({
      onRegister: 5,
      participants: 4,
      participationRate: 80,
      sittings: 5,
      passes: 2,
      passRate: 40,
      recognised: 2,
    });
    expect(
      stats.schools.map((s) => [s.school.code, s.figures.participationRate, s.figures.passRate]),
    ).toEqual([
      ['SD-VEC', 100, 0],
      ['SD-VHS', 75, 50],
    ]);
    const vhsRow = stats.schools.find((s) => s.school.code === 'SD-VHS')!;
    expect(vhsRow.majors).toEqual([
      {
        majorCode: '700206',
        majorName: '汽车运用与维修',
        figures: {
          onRegister: 1,
          participants: 1,
          participationRate: 100,
          sittings: 1,
          passes: 1,
          passRate: 100,
          recognised: 1,
        },
      },
      {
        majorCode: '710205',
        majorName: '计算机应用',
        figures: {
          onRegister: 3,
          participants: 2,
          participationRate: 66.7,
          sittings: 3,
          passes: 1,
          passRate: 33.3,
          recognised: 1,
        },
      },
    ]);
    // 2020: the graduate of 2021 was still 在籍 at the end of 2020.
    const earlier = await onePlusXStatistics(deps, coordinator, { year: 2020 });
    expect(earlier.schools.find((s) => s.school.code === 'SD-VHS')!.figures).toMatchObject({
      onRegister: 5,
      participants: 2,
      passes: 2,
      passRate: 100,
    });
  });

  it('shows a school its own figures only; the route needs a year', async () => {
    const own = await onePlusXStatistics(deps, vec, { year: 2021 });
    expect(own.schools.map((s) => s.school.code)).toEqual(['SD-VEC']);
    expect(own.total).toMatchObject({ onRegister: 1, sittings: 1, passes: 0 });
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const res = await clerk.request({ method: 'GET', url: '/api/learners/one-plus-x?year=2021' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schools.map((s: { school: { code: string } }) => s.school.code)).toEqual(['SD-VHS']);
    expect(res.json().total).toMatchObject({ onRegister: 4, participants: 3, sittings: 4, passes: 2 });
    expect((await clerk.request({ method: 'GET', url: '/api/learners/one-plus-x' })).statusCode).toBe(400);
  });

  it('computes the T16 yearly metrics from the records, per school', async () => {
    const participation = await districtMetric(
      ctx,
      'learners.onePlusXParticipationRate',
      yearWindow(2021),
      '2022-06-01',
      true,
    );
    expect(participation).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(participation.drillDown.map((r) => [r.label, r.value, r.numerator, r.denominator])).toEqual([
      ['区职教中心', 100, 1, 1],
      ['区职业高中', 75, 3, 4],
    ]);
    const pass = await districtMetric(ctx, 'learners.onePlusXPassRate', yearWindow(2021), '2022-06-01', true);
    expect(pass).toMatchObject({ value: 40, numerator: 2, denominator: 5 });
    // Within the year, while it runs: the sittings up to today only.
    const midYear = await districtMetric(
      ctx,
      'learners.onePlusXPassRate',
      yearWindow(2021),
      '2021-07-01',
      true,
    );
    expect(midYear).toMatchObject({ value: 25, numerator: 1, denominator: 4 });
    const recognised = await districtMetric(
      ctx,
      'learners.outcomesRecognised',
      yearWindow(2022),
      '2022-06-01',
      true,
    );
    expect(recognised).toMatchObject({ value: 2, drillDown: [{ label: '区职业高中', value: 2 }] });
    expect(
      (await districtMetric(ctx, 'learners.outcomesRecognised', yearWindow(2021), '2022-06-01', true)).value,
    ).toBe(0);
    const converted = await districtMetric(
      ctx,
      'learners.conversionsApproved',
      yearWindow(2022),
      '2022-06-01',
      true,
    );
    expect(converted).toMatchObject({ value: 1, drillDown: [{ label: '区职业高中', value: 1 }] });
    // Before the approval day the year has none yet.
    expect(
      (await districtMetric(ctx, 'learners.conversionsApproved', yearWindow(2022), '2022-03-09', true)).value,
    ).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';

describe('supervision count metrics and orders closed on time, from records', () => {
  let ctx: TestContext;
  let district: string;
  let hrss: string;
  const ids: Record<string, string> = {};
  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const compute = (name: string, startsOn: string, endsOn: string, today = '2022-06-30') =>
    ctx.services.metrics.compute(name, {
      db: ctx.db,
      orgUnitId: district,
      period: { startsOn, endsOn },
      today,
    });

  async function inspection(
    key: string,
    kind: 'regular' | 'special',
    state: 'planned' | 'in_progress' | 'completed',
    startsOn: string,
  ) {
    ids[key] = (
      await ctx.db
        .insertInto('inspection')
        .values({
          districtId: district,
          kind,
          state,
          title: key,
          startsOn,
          endsOn: startsOn,
          schedule: '[]',
          purpose: '',
          conclusion: '',
          createdAt: at(startsOn),
          updatedAt: at(startsOn),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function order(title: string, dueDate: string, closedOn: string | null) {
    const finding = await ctx.db
      .insertInto('finding')
      .values({
        inspectionId: ids.special!,
        districtId: district,
        orgUnitId: hrss,
        subjectType: 'other',
        subjectId: null,
        subjectLabel: '',
        evidence: '{}',
        title,
        description: '',
        severity: 'general',
        state: 'rectifying',
        createdAt: at('2021-05-01'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('rectificationOrder')
      .values({
        findingId: finding.id,
        inspectionId: ids.special!,
        districtId: district,
        orgUnitId: hrss,
        title,
        requirements: '整改',
        state: closedOn ? 'closed' : 'issued',
        issuedOn: '2021-05-01',
        originalDueDate: dueDate,
        dueDate,
        closedOn,
        createdAt: at('2021-05-01'),
        updatedAt: at('2021-05-01'),
      })
      .execute();
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const unit = async (code: string) =>
      (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    district = await unit('SD');
    hrss = await unit('SD-HRSS');
    await inspection('regular', 'regular', 'completed', '2021-03-15');
    await inspection('special', 'special', 'in_progress', '2021-09-01');
    await inspection('planned', 'special', 'planned', '2021-10-01');
    await inspection('old', 'regular', 'completed', '2020-11-01');
    await ctx.db
      .insertInto('interview')
      .values({
        inspectionId: ids.special!,
        districtId: district,
        orgUnitId: hrss,
        heldOn: '2021-09-20',
        interviewers: '督学',
        interviewees: '局长',
        reason: '整改逾期',
        createdAt: at('2021-09-20'),
      })
      .execute();
    await ctx.db
      .insertInto('sanction')
      .values({
        districtId: district,
        orgUnitId: hrss,
        kind: 'penalty',
        year: 2021,
        points: 2,
        title: '整改逾期扣分',
        ground: 'order_overdue',
        groundsText: '整改逾期',
        decidedOn: '2021-12-20',
        refs: '[]',
        createdAt: at('2021-12-20'),
      })
      .execute();
  });
  afterAll(() => ctx?.close());

  it('counts inspections held (started) in the period and tells 定期 from 专项 in the drill-down', async () => {
    const v = await compute('supervision.inspectionsHeld', '2021-01-01', '2021-12-31');
    expect(v.value).toBe(2);
    expect(v.drillDown).toEqual([
      {
        label: '定期督导：regular（2021-03-15 开始）',
        value: 1,
        ref: { type: 'inspection', id: ids.regular },
      },
      {
        label: '专项督导：special（2021-09-01 开始）',
        value: 1,
        ref: { type: 'inspection', id: ids.special },
      },
    ]);
  });

  it('holds both kinds only once a 定期 and a 专项 inspection were held', async () => {
    const both = (endsOn: string) =>
      compute('supervision.bothInspectionKindsHeld', '2020-01-01', endsOn, endsOn);
    expect((await both('2021-08-31')).value).toBe(0);
    expect((await both('2021-09-01')).value).toBe(1);
  });

  it('counts interviews and sanctions recorded in the period, with the unit', async () => {
    const interviews = await compute('supervision.interviewsHeld', '2021-01-01', '2021-12-31');
    expect(interviews.value).toBe(1);
    expect(interviews.drillDown[0]).toMatchObject({
      label: '区人社局（2021-09-20）',
      ref: { type: 'interview' },
    });
    const sanctions = await compute('supervision.sanctionsDecided', '2021-01-01', '2021-12-31');
    expect(sanctions.value).toBe(1);
    // The drill-down names kind, unit and date, never the grounds (it reaches every plan reader).
    expect(sanctions.drillDown[0]!.label).toMatch(/^惩处：区人社局（\d{4}-\d{2}-\d{2}）$/);
    expect(
      (await compute('supervision.sanctionsDecided', '2021-01-01', '2021-12-31', '2021-12-19')).value,
    ).toBe(0);
  });

  it('judges an order closed on time once its deadline has passed, not on its last day', async () => {
    await order('按期', '2021-10-31', '2021-10-30');
    await order('逾期', '2021-11-15', '2021-11-20');
    await order('今日到期', '2021-11-30', null);
    const onDueDay = await compute(
      'supervision.ordersClosedOnTimeShare',
      '2021-01-01',
      '2021-12-31',
      '2021-11-30',
    );
    expect(onDueDay).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
    const after = await compute(
      'supervision.ordersClosedOnTimeShare',
      '2021-01-01',
      '2021-12-31',
      '2021-12-01',
    );
    expect(after).toMatchObject({ numerator: 1, denominator: 3 });
    expect(after.drillDown).toEqual([
      expect.objectContaining({ label: '区人社局', ref: { type: 'org_unit', id: hrss } }),
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHANGDANG_VERSION, shangdangPlanText } from '../../test/shangdang-plan.ts';
import { createTestContext, seedShangdang, SYSTEM_ACTOR, type TestContext } from '../../test/test-context.ts';

const planText = (version?: number) => shangdangPlanText({ version });

describe('plan import', () => {
  let ctx: TestContext;
  let planId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    const result = await seedShangdang(ctx);
    planId = result.planId;
    expect(result.created).toBe(true);
  });
  afterAll(() => ctx?.close());

  it('stores the 6 sections and 21 tasks of the Shangdang plan, each with its units, lead first', async () => {
    const sections = await ctx.db
      .selectFrom('planSection')
      .selectAll()
      .where('planId', '=', planId)
      .execute();
    const tasks = await ctx.db
      .selectFrom('planTask')
      .selectAll()
      .where('planId', '=', planId)
      .orderBy('number')
      .execute();
    expect(sections).toHaveLength(6);
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(tasks[11]?.label).toBe('（十二）');
    const units = await ctx.db
      .selectFrom('taskUnit')
      .innerJoin('orgUnit', 'orgUnit.id', 'taskUnit.orgUnitId')
      .select(['taskUnit.taskId', 'taskUnit.role', 'taskUnit.position', 'orgUnit.code', 'taskUnit.writtenAs'])
      .execute();
    for (const t of tasks) {
      const own = units.filter((u) => u.taskId === t.id).sort((a, b) => a.position - b.position);
      expect(own.length, t.label).toBeGreaterThan(0);
      expect(own[0]?.role).toBe('lead');
      expect(own.slice(1).every((u) => u.role === 'cooperating')).toBe(true);
    }
  });

  it('resolves 区财政厅 in task （十二） to 区财政局 and records a warning on the version', async () => {
    const t12 = await ctx.db
      .selectFrom('planTask')
      .select('id')
      .where('planId', '=', planId)
      .where('number', '=', 12)
      .executeTakeFirstOrThrow();
    const fin = await ctx.db
      .selectFrom('taskUnit')
      .innerJoin('orgUnit', 'orgUnit.id', 'taskUnit.orgUnitId')
      .select(['orgUnit.code', 'taskUnit.writtenAs'])
      .where('taskUnit.taskId', '=', t12.id)
      .where('orgUnit.code', '=', 'SD-FIN')
      .executeTakeFirstOrThrow();
    expect(fin.writtenAs).toBe('区财政厅');
    const plan = await ctx.db
      .selectFrom('plan')
      .select('warnings')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan.warnings).toHaveLength(1);
    expect(JSON.stringify(plan.warnings)).toContain('区财政厅');
    const units = await ctx.db.selectFrom('orgUnit').select('name').execute();
    expect(units.map((u) => u.name)).not.toContain('区财政厅');
  });

  it('turns every numeric target of the seed into an indicator', async () => {
    const rows = await ctx.db
      .selectFrom('indicator')
      .select(['code', 'comparator', 'target', 'targetLow', 'targetHigh'])
      .where('planId', '=', planId)
      .execute();
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    const expected: Record<string, number> = {
      'T01-SZ-STUDIO': 1,
      'T01-CULTURE-BRAND': 5,
      'T01-SZ-MICROCOURSE': 20,
      'T05-BRAND-MAJOR': 5,
      'T06-PROV-COURSE': 3,
      'T07-DQ-STUDIO': 2,
      'T07-DQ-TEAM': 2,
      'T07-DQ-MASTER': 10,
      'T07-DQ-RATIO': 60,
      'T13-INTERN-POSTS': 2,
      'T20-PER-STUDENT': 8000,
      'T20-SURCHARGE-SHARE': 30,
      'T11-QUALITY-REPORT': 1,
    };
    for (const [code, target] of Object.entries(expected)) expect(byCode[code]?.target, code).toBe(target);
    expect(byCode['T03-VOC-SHARE']).toMatchObject({ comparator: 'between', targetLow: 45, targetHigh: 55 });
  });

  it('treats the same file again as a no-op, and the same version with other content as a conflict', async () => {
    const again = await ctx.services.plans.imports.importPlan(planText(), SYSTEM_ACTOR);
    expect(again).toMatchObject({ created: false, planId });
    const changed = planText().replace('建设1个省级思政教育工作室', '建设1个省级思政教育工作室（修订）');
    await expect(ctx.services.plans.imports.importPlan(changed, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'PLAN_VERSION_EXISTS',
      status: 409,
    });
    const versions = await ctx.db.selectFrom('plan').select('version').execute();
    expect(versions).toHaveLength(1);
  });

  it('creates a new current version from a higher version number', async () => {
    const next = SHANGDANG_VERSION + 1;
    const result = await ctx.services.plans.imports.importPlan(planText(next), SYSTEM_ACTOR);
    expect(result).toMatchObject({ created: true, version: next });
    const rows = await ctx.db
      .selectFrom('plan')
      .select(['version', 'isCurrent'])
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { version: SHANGDANG_VERSION, isCurrent: false },
      { version: next, isCurrent: true },
    ]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'plan.import')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a broken file with every error naming its line and field, writing nothing', async () => {
    const before = await ctx.db.selectFrom('plan').select('id').execute();
    const broken = planText(SHANGDANG_VERSION + 8)
      .replace(/^reportingPeriod: quarterly$/m, 'reportingPeriod: weekly')
      .replace('units: [区教育局, 区人社局]', 'units: [区教育局, 区人力资源局]');
    const err = await ctx.services.plans.imports.importPlan(broken, SYSTEM_ACTOR).catch((e) => e);
    expect(err.code).toBe('PLAN_FILE_INVALID');
    const fields = (err.details as Array<{ field: string; line: number; code: string }>).map((d) => d.field);
    expect(fields).toContain('reportingPeriod');
    expect(fields.some((f) => /units\[\d+\]$/.test(f))).toBe(true);
    expect(
      (err.details as Array<{ line: number }>).every((d) => typeof d.line === 'number' && d.line > 0),
    ).toBe(true);
    expect(await ctx.db.selectFrom('plan').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a computed indicator whose metric, well-formed, no module registers', async () => {
    const text = planText(SHANGDANG_VERSION + 9).replace(
      // The indicator's own lines (indented 12), whatever its kind in the file.
      /(code: T07-DQ-RATIO\n(?: {12}.*\n)*? {12})kind: \w+\n(?: {12}metric: \S+\n)?/,
      '$1kind: computed\n            metric: teachers.noSuchMetric\n',
    );
    expect(text).toContain('metric: teachers.noSuchMetric');
    const err = await ctx.services.plans.imports.importPlan(text, SYSTEM_ACTOR).catch((e) => e);
    expect(err.code).toBe('PLAN_FILE_INVALID');
    expect(err.details).toEqual([
      expect.objectContaining({
        code: 'PLAN_FILE_UNKNOWN_METRIC',
        field: expect.stringMatching(/indicators\[\d+\]\.metric$/),
        messageEn: expect.stringContaining('teachers.noSuchMetric'),
      }),
    ]);
  });

  it('refuses a milestone completed by a metric no module registers', async () => {
    const text = planText(SHANGDANG_VERSION + 9).replace(
      /completedBy: enrollment\.seasonsPublished/,
      'completedBy: enrollment.noSuchMetric',
    );
    expect(text).toContain('completedBy: enrollment.noSuchMetric');
    const err = await ctx.services.plans.imports.importPlan(text, SYSTEM_ACTOR).catch((e) => e);
    expect(err.details).toEqual([
      expect.objectContaining({
        code: 'PLAN_FILE_UNKNOWN_METRIC',
        field: expect.stringMatching(/milestones\[\d+\]\.completedBy$/),
        message: expect.stringContaining('里程碑 T03-ENROL-PLATFORM'),
      }),
    ]);
  });

  it('stores which metric completes a milestone and why a milestone has its owner', async () => {
    const rows = await ctx.db
      .selectFrom('milestone')
      .select(['code', 'completedBy', 'ownerNote'])
      .where('planId', '=', planId)
      .where('code', 'in', [
        'T03-ENROL-PLATFORM',
        'T18-JOINT-MEETING',
        'T19-SUPERVISION',
        'T03-SCHOOL-STANDARDS',
      ])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'T03-ENROL-PLATFORM', completedBy: 'enrollment.seasonsPublished', ownerNote: '' },
      { code: 'T03-SCHOOL-STANDARDS', completedBy: null, ownerNote: '' },
      { code: 'T18-JOINT-MEETING', completedBy: 'jointMeetings.meetingsHeld', ownerNote: '' },
      { code: 'T19-SUPERVISION', completedBy: 'supervision.bothInspectionKindsHeld', ownerNote: '' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { CRITERION_KEYS } from './criteria.rules.ts';
import { DEFAULT_DQ_CRITERIA } from './teachers.config.ts';
import { errorOf, teachersCast, type Res } from './teachers-test-helpers.ts';

type Settings = {
  criteria: { levels: typeof DEFAULT_DQ_CRITERIA.levels };
  criteriaOverridden: boolean;
  basis: Record<string, { zh: string; en: string }>;
  updatedBy: string | null;
  updatedAt: string | null;
};
const details = (res: Res) =>
  (errorOf(res) as { details?: Array<{ field: string; message: string; messageEn: string }> }).details ?? [];

describe('the district’s 双师型 criteria on the settings page', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let vhs: Client;
  let viewer: Client;
  let districtId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const cast = await teachersCast(ctx);
    ({ coordinator, vhs, viewer } = cast.clients);
    districtId = await cast.unit('SD');
  });
  afterAll(() => ctx?.close());

  it('gives each criterion its basis in words, in both languages', async () => {
    const s = (await coordinator.get('/api/dq-settings')).json() as Settings;
    expect(Object.keys(s.basis).sort()).toEqual([...CRITERION_KEYS].sort());
    for (const b of Object.values(s.basis)) {
      expect(b.zh).toMatch(/〔20\d\d〕/);
      expect(b.en.length).toBeGreaterThan(10);
    }
    expect(s).toMatchObject({ criteriaOverridden: false, updatedBy: null });
  });

  it('records new criteria with who and when, audits before/after, and goes back to the defaults', async () => {
    const levels = structuredClone(DEFAULT_DQ_CRITERIA.levels);
    levels.junior.minTeachingYears = 2;
    const put = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: levels });
    expect(put.statusCode, put.body).toBe(200);
    const saved = put.json() as Settings;
    expect(saved.criteriaOverridden).toBe(true);
    expect(saved.criteria.levels.junior.minTeachingYears).toBe(2);
    expect(saved.updatedBy).toBeTruthy();
    expect(saved.updatedAt).toBeTruthy();

    const reset = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: null });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({
      criteriaOverridden: false,
      criteria: { levels: DEFAULT_DQ_CRITERIA.levels },
    });

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('objectId', '=', districtId)
      .where('action', '=', 'teacher.settings.updated')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { before: { countPartTime: false, criteria: null }, after: { countPartTime: false, criteria: levels } },
      { before: { countPartTime: false, criteria: levels }, after: { countPartTime: false, criteria: null } },
    ]);
  });

  it('refuses criteria it cannot read, naming the field in Chinese and English, and writes nothing', async () => {
    const levels = structuredClone(DEFAULT_DQ_CRITERIA.levels);
    levels.senior.minTitle = null;
    const res = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: levels });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([
      expect.objectContaining({
        field: 'criteria.senior.anyOf',
        message: expect.stringContaining('职称'),
        messageEn: expect.stringContaining('title'),
      }),
    ]);
    const bad = await coordinator.put('/api/dq-settings', {
      countPartTime: false,
      criteria: { ...levels, junior: { ...levels.junior, minTeachingYears: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(details(bad))).toContain('minTeachingYears');
    expect(((await coordinator.get('/api/dq-settings')).json() as Settings).criteriaOverridden).toBe(false);
  });

  it('refuses a school’s clerk and a viewer (403)', async () => {
    for (const client of [vhs, viewer]) {
      const res = await client.put('/api/dq-settings', { countPartTime: true, criteria: null });
      expect(res.statusCode).toBe(403);
    }
  });

  it('keeps a criterion sent as null as null (no threshold), not 0', async () => {
    const levels = structuredClone(DEFAULT_DQ_CRITERIA.levels);
    levels.senior.minTeachingYears = null;
    levels.junior.minTeachingYears = null;
    const put = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: levels });
    expect(put.statusCode, put.body).toBe(200);
    const saved = (put.json() as Settings).criteria.levels;
    expect(saved.senior.minTeachingYears).toBeNull();
    expect(saved.junior.minTeachingYears).toBeNull();
    const reset = await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: null });
    expect(reset.statusCode, reset.body).toBe(200);
  });
});

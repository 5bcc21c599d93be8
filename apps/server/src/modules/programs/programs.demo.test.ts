import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import type { ProgramsModule } from './index.ts';
import { loadProgramsDemo } from './programs.demo.ts';

describe('the programs demo', () => {
  let ctx: TestContext;
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-29T02:00:00Z' });
    await seedShangdang(ctx);
  }, 120_000);
  afterAll(async () => {
    // pg's pool resolves end() before its sockets have closed; on PostgreSQL the database is then
    // dropped WITH (FORCE) under a closing connection (an unhandled 57P01). Let them close first.
    if (ctx?.database.kind === 'postgresql') {
      await ctx.db.destroy();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await ctx?.close();
  });

  it('loads majors, projects in every state and shared resources through the use cases', async () => {
    // The demo accounts it acts as: the district's coordinator and the two schools' clerks.
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
    await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
    await createUser(ctx, 'unit_clerk', 'SD-VEC', 'vec');
    const counts = await loadProgramsDemo(demoContext<ProgramsModule>(ctx, 'programs'));
    expect(counts).toEqual({ majors: 9, courses: 14, projects: 23, resources: 50 });

    const states = await ctx.db.selectFrom('programProject').select(['kind', 'state', 'title']).execute();
    expect(new Set(states.map((s) => s.state))).toEqual(
      new Set(['applied', 'reviewing', 'approved', 'midterm_passed', 'accepted', 'rejected']),
    );
    const brand = states
      .filter((s) => s.kind === 'brand_major' && s.state === 'accepted')
      .map((s) => s.title);
    expect(brand.sort()).toEqual(['机电一体化品牌专业建设', '焊接技术应用品牌专业建设'].sort());

    const district = await unit('SD');
    const at = (name: string) =>
      ctx.services.metrics.compute(name, {
        db: ctx.db,
        orgUnitId: district,
        period: { startsOn: '2026-01-01', endsOn: '2026-12-31' },
        today: '2026-11-29',
      });
    expect((await at('programs.brandMajorsAccepted')).value).toBe(2);
    expect((await at('programs.brandMajorsApproved')).value).toBe(4);
    expect((await at('programs.provincialQualityCoursesAccepted')).value).toBe(1);
    expect((await at('programs.districtMasterTeachersApproved')).value).toBe(3);
    expect((await at('programs.ideologyMicroCoursesAccepted')).value).toBe(4);
    // 焊接 (11 shared) and 机电 (10) reach N = 10 of nine majors.
    expect(await at('programs.resourceCoverage')).toMatchObject({
      value: 22.2,
      numerator: 2,
      denominator: 9,
    });

    const shares = await ctx.db.selectFrom('teachingResource').select('shareState').execute();
    expect(new Set(shares.map((s) => s.shareState))).toEqual(
      new Set(['shared', 'pending', 'refused', 'private']),
    );
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  }, 240_000);
});

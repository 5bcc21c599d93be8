import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { residentId, runWholeSeason, type SeasonFixture } from './enrollment.test-helpers.ts';

type LookupResult = {
  status: string;
  score: number;
  explanation: string;
  admission: { choice: number; school: string } | null;
  why: unknown[];
};

/**
 * The result look-up explains itself without contradiction and shows the candidate's 投档分; the
 * admission notice names the admitting school and program and is issued by that school.
 */
describe('result explanation, 投档分 and admission notice wording', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let ip = 0;
  const lookup = async (examNumber: string, idNumber: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/enrollment/result-lookups',
      payload: { seasonId: f.seasonId, examNumber, idNumber },
      remoteAddress: `10.2.0.${++ip}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { result: LookupResult }).result;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f } = await runWholeSeason(ctx));
  });
  afterAll(() => ctx?.close());

  it('says "first choice" with no rows above, and "later choice" only with the programs above', async () => {
    const first = await lookup('210001', residentId(1, 'M'));
    expect(first).toMatchObject({ status: 'admitted', admission: { choice: 1 }, why: [] });
    expect(first.explanation).toBe('first_choice');

    const later = await lookup('210003', residentId(3, 'F'));
    expect(later.status).toBe('admitted');
    expect(later.why.length).toBeGreaterThan(0);
    expect(later.explanation).toBe('later_choice');
  });

  it("shows the candidate's own 投档分: exam total plus policy points", async () => {
    expect((await lookup('210001', residentId(1, 'M'))).score).toBe(325);
    expect((await lookup('210004', residentId(4, 'M'))).score).toBe(250);
  });

  it('words the notice with the school and program once, issued by the admitting school', async () => {
    const input = { seasonId: f.seasonId, examNumber: '210001', idNumber: residentId(1, 'M') };
    const general = await ctx.services.enrollment.results.noticeForCandidate(input, '10.2.1.1');
    const text = JSON.stringify(general.doc.blocks);
    expect(general.doc.issuer).toBe(general.placement.schoolName);
    expect(general.doc.signature).toBe(general.placement.schoolName);
    expect(text).toContain(`你已被${general.placement.schoolName}录取（普通高中）`);
    expect(text).not.toContain('普通高中）普通高中');

    const vocational = await ctx.services.enrollment.results.noticeForCandidate(
      { ...input, examNumber: '210004', idNumber: residentId(4, 'M') },
      '10.2.1.2',
    );
    expect(vocational.doc.issuer).toBe(vocational.placement.schoolName);
    expect(JSON.stringify(vocational.doc.blocks)).toContain(
      `你已被${vocational.placement.schoolName}${vocational.placement.programName}专业录取（中等职业学校）`,
    );
  });
});

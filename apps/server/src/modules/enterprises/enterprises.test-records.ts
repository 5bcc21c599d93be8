import type { TestContext } from '../../test/test-context.ts';
import { listOrgUnitInfo, unitsByCodes } from '../org/index.ts';
import { DEMO_ENTERPRISES, demoUscc } from './enterprises.demo-data.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): 易通集团 and 振东集团
 * on the register, and the records behind every enterprises GET route that takes an id. The register
 * is read district-wide by every unit that is not an enterprise (bureaus, schools); an enterprise
 * sees only itself.
 */
export async function enterpriseScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = await unitsByCodes(ctx.db, ['SD', 'SD-YITONG', 'SD-ZHENDONG']);
  const district = units.get('SD')!.id;
  const readers = (await listOrgUnitInfo(ctx.db, { under: district }))
    .filter((u) => u.type !== 'enterprise')
    .map((u) => u.id);
  const now = ctx.clock.now();
  const owned: Owned[] = [];
  for (const [i, code] of ['SD-YITONG', 'SD-ZHENDONG'].entries()) {
    const id = units.get(code)!.id;
    await ctx.db
      .insertInto('enterprise')
      .values({
        orgUnitId: id,
        districtId: district,
        uscc: demoUscc(DEMO_ENTERPRISES[i]!.body8),
        legalName: code,
        industrySection: 'C',
        industryDivision: '27',
        address: '',
        status: 'active',
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    owned.push({ id, unitIds: [id, ...readers] });
  }
  return [['/api/enterprises/:id', owned]];
}

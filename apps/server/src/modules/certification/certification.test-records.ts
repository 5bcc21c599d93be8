import {
  CERTIFICATION_AUTHORITY_GROUP,
  CERTIFICATION_PANEL_GROUP,
  ENTERPRISE_REGISTRAR_GROUP,
} from '@zhijiao/contracts';
import type { TestContext } from '../../test/test-context.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { insertApplication } from './certification.repository.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): an application of
 * 振东集团 under review, seen by the enterprise, 区发改科技局, the joint-review bureaus (区财政局 and
 * 区人社局 among them) and the register's keeper — not by a school.
 */
export async function certificationScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = await listOrgUnitInfo(ctx.db);
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const enterpriseId = unit.get('SD-ZHENDONG')!;
  const readers = units
    .filter((u) =>
      [CERTIFICATION_AUTHORITY_GROUP, CERTIFICATION_PANEL_GROUP, ENTERPRISE_REGISTRAR_GROUP].some((g) =>
        u.groups.includes(g),
      ),
    )
    .map((u) => u.id);
  const id = await insertApplication(
    ctx.db,
    {
      enterpriseId,
      districtId: unit.get('SD')!,
      year: 2021,
      appliedByUnitId: enterpriseId,
      appliedOn: '2021-03-10',
    },
    ctx.clock.now(),
  );
  return [['/api/certification/applications/:id', [{ id, unitIds: [enterpriseId, ...readers] }]]];
}

import type { Executor } from '../../platform/db/database.ts';
import { operatingOn } from './training-bases.metrics.ts';
import { basesWithUnit } from './training-bases.repository.ts';

/**
 * The training bases an enterprise co-built, for the 产教融合型企业 certification: bases with the
 * enterprise as owner or as a partner, in operation on `asOf` (status 建成运行, the date it came
 * into operation on or before `asOf`).
 *
 * @example await trainingBaseEvidence(db, yitongId, '2022-12-31') // { coBuiltBases: 1 }
 */
export async function trainingBaseEvidence(
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<{ coBuiltBases: number }> {
  const bases = await basesWithUnit(db, enterpriseId);
  return { coBuiltBases: bases.filter((b) => operatingOn(b, asOf)).length };
}

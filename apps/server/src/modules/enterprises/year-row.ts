import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import * as repo from './enterprises.repository.ts';
import type { EnterpriseTable, EnterpriseYearTable } from './enterprises.tables.ts';
import { SCALE_THRESHOLDS } from './scale.config.ts';
import { resolveAboveScale } from './scale.rules.ts';

/** What a year holds as given; the 规上 flag in force is derived from it. */
export type YearValues = Pick<EnterpriseYearTable, 'staff' | 'revenueWan' | 'listedAboveScale'>;

/** The row to write for a year's values: the 规上 flag in force resolved from them and the industry. */
export function yearRow(
  e: Pick<EnterpriseTable, 'orgUnitId' | 'industrySection' | 'industryDivision'>,
  year: number,
  v: YearValues,
  actor: Actor | null,
  now: Date,
) {
  const status = resolveAboveScale(
    {
      listed: v.listedAboveScale,
      section: e.industrySection,
      division: e.industryDivision,
      revenueWan: v.revenueWan === null ? null : Number(v.revenueWan),
    },
    SCALE_THRESHOLDS,
    year,
  );
  return {
    enterpriseId: e.orgUnitId,
    year,
    ...v,
    aboveScale: status.aboveScale,
    aboveScaleSource: status.source,
    thresholdVersion: status.thresholdVersion,
    updatedBy: actor?.userId ?? null,
    updatedAt: now,
  };
}

/**
 * Re-judges every year of an enterprise whose industry changed (in the caller's transaction): the
 * years computed by thresholds follow the new 大类; years from the statistics list stay.
 */
export async function recomputeYears(
  deps: EnterprisesDeps,
  trx: Executor,
  actor: Actor,
  e: Pick<EnterpriseTable, 'orgUnitId' | 'industrySection' | 'industryDivision'>,
) {
  const now = deps.clock.now();
  for (const y of await repo.listYears(trx, e.orgUnitId)) {
    const values: YearValues = {
      staff: y.staff,
      revenueWan: y.revenueWan === null ? null : Number(y.revenueWan),
      listedAboveScale: y.listedAboveScale,
    };
    await repo.upsertYear(trx, yearRow(e, y.year, values, actor, now));
  }
}

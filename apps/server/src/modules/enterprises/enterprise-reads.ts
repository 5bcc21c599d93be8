import type { AboveScaleSource } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { listAboveScaleRows, listYearsOf } from './enterprises.repository.ts';

/**
 * What other modules read of the register (through index.ts): an enterprise's staff count and 规上
 * flag for a year, and the 规上 enterprises of a year — the inputs of the 2 % duty (duty.rules.ts).
 * Enterprises are named by their org unit id. No scope is applied: the caller's own policy decides
 * who sees what it computes.
 */
export interface EnterpriseYearFacts {
  enterpriseId: string;
  year: number;
  /** 职工总数 at the year's end; null: not on file. */
  staff: number | null;
  /** 规上 that year; null: not known (no list answer, thresholds cannot judge). */
  aboveScale: boolean | null;
  aboveScaleSource: AboveScaleSource | null;
}

/**
 * The year's facts of each enterprise asked for; an enterprise with no row for the year (or not on
 * the register) comes back with nulls, so every id asked has an answer.
 *
 * @example (await enterpriseYearFacts(db, [yitongId], 2021)).get(yitongId) // { staff: 1280, aboveScale: true, … }
 */
export async function enterpriseYearFacts(
  db: Executor,
  enterpriseIds: readonly string[],
  year: number,
): Promise<Map<string, EnterpriseYearFacts>> {
  const rows = new Map((await listYearsOf(db, enterpriseIds, year)).map((r) => [r.enterpriseId, r]));
  return new Map(
    enterpriseIds.map((id) => {
      const r = rows.get(id);
      return [
        id,
        {
          enterpriseId: id,
          year,
          staff: r?.staff ?? null,
          aboveScale: r?.aboveScale ?? null,
          aboveScaleSource: r?.aboveScaleSource ?? null,
        },
      ];
    }),
  );
}

/**
 * The enterprises 规上 in `year` (of one district's register when given), by id, with their staff
 * count (null when not on file: the duty is then not judged).
 *
 * @example await aboveScaleEnterprises(db, 2021, { districtId }) // [{ enterpriseId, staff: 1280, aboveScale: true, … }, …]
 */
export async function aboveScaleEnterprises(
  db: Executor,
  year: number,
  opts: { districtId?: string } = {},
): Promise<Array<EnterpriseYearFacts & { districtId: string }>> {
  const rows = await listAboveScaleRows(db, year, opts.districtId);
  return rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    districtId: r.districtId,
    year,
    staff: r.staff,
    aboveScale: true,
    aboveScaleSource: r.aboveScaleSource,
  }));
}

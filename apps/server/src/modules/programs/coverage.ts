import type { Executor } from '../../platform/db/database.ts';
import { listAncestorIds, listSubtreeIds } from '../org/index.ts';
import { listCoverageThresholds, listMajorResourceCounts } from './majors.repository.ts';
import { orderBySchool } from './programs.view.ts';

/** Resources a major needs (shared after review) to count as covered, unless a district sets N. */
export const DEFAULT_COVERAGE_THRESHOLD = 10;

/**
 * Coverage of majors by quality resources: majors with at least `threshold` reviewed resources ÷
 * all majors, in percent with one decimal; 0 when there are no majors.
 *
 * @example resourceCoverage([12, 3, 10, 0], 10) // { covered: 2, total: 4, value: 50 }
 */
export function resourceCoverage(counts: readonly number[], threshold: number) {
  const covered = counts.filter((n) => n >= threshold).length;
  const total = counts.length;
  return { covered, total, value: total === 0 ? 0 : Math.round((covered / total) * 1000) / 10 };
}

/** The coverage threshold recorded for the district of `unitId` (or above it), else the default. */
export async function coverageThreshold(db: Executor, unitId: string): Promise<number> {
  const up = await listAncestorIds(db, unitId);
  const recorded = await listCoverageThresholds(db, up);
  const nearest = up.find((id) => recorded.has(id));
  return nearest ? recorded.get(nearest)! : DEFAULT_COVERAGE_THRESHOLD;
}

/**
 * Majors (not closed) of the schools under `unitId`, by school, code and direction, with how many
 * of their resources had been shared district-wide after review by `asOf`.
 */
export async function majorResourceCounts(db: Executor, unitId: string, asOf: string) {
  const counts = await listMajorResourceCounts(db, await listSubtreeIds(db, unitId), asOf);
  const { rows, schools } = await orderBySchool(db, counts);
  return rows.map((m) => ({ ...m, school: schools.get(m.schoolId)!.name }));
}

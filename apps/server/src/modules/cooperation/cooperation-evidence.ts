import type { Executor } from '../../platform/db/database.ts';
import {
  apprenticesPerStartYear,
  earliestRunningAgreement,
  partnerCentresOn,
  staffTrainedPerYear,
} from './cooperation.queries.ts';

/** What the cooperation records say of one enterprise on a day (the certification reads it). */
export interface CooperationEvidence {
  /** The earliest start of an agreement with a school running on `asOf`. */
  cooperationSince: string | null;
  /** Apprentices (people) whose apprenticeship started, per calendar year, up to `asOf`. */
  apprenticesByYear: Record<number, number>;
  /** Innovation centres + teaching factories with the enterprise as partner, in operation on `asOf`. */
  coBuiltCentres: number;
  /** Staff trained in centre/factory projects, per year. */
  staffTrainedByYear: Record<number, number>;
}

/**
 * The cooperation evidence of an enterprise (its org unit id) as of `asOf` (`YYYY-MM-DD`), for the
 * 产教融合型企业 certification: its agreements, apprentices, co-built centres and staff trained.
 * Apprentices count only programmes both parties approved by `asOf`.
 *
 * @example await cooperationEvidence(db, zhendongId, '2022-12-31')
 * // { cooperationSince: '2020-09-01', apprenticesByYear: { 2021: 30 }, coBuiltCentres: 1, staffTrainedByYear: { 2021: 120 } }
 */
export async function cooperationEvidence(
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<CooperationEvidence> {
  const [cooperationSince, apprenticesByYear, coBuiltCentres, staffTrainedByYear] = await Promise.all([
    earliestRunningAgreement(db, enterpriseId, asOf),
    apprenticesPerStartYear(db, enterpriseId, asOf),
    partnerCentresOn(db, enterpriseId, asOf),
    staffTrainedPerYear(db, enterpriseId, asOf),
  ]);
  return { cooperationSince, apprenticesByYear, coBuiltCentres, staffTrainedByYear };
}

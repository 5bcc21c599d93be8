import { endOfChinaDay } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import {
  apprenticesPerStartYear,
  partnerCentresOn,
  signedAgreementsOnRecord,
  staffTrainedPerYear,
} from './cooperation.queries.ts';

/** What the cooperation records say of one enterprise on a day (the certification reads it). */
export interface CooperationEvidence {
  /**
   * Since when the enterprise cooperates, by the agreements with schools that were signed (the
   * signed copy on file), in force and on record on `asOf`: the earliest day one of them was both
   * signed and started (a back-dated agreement counts from its signing, not its stated start).
   */
  cooperationSince: string | null;
  /**
   * Apprentices (people) whose apprenticeship started, per calendar year, up to `asOf`: only of
   * programmes under a signed agreement on file by `asOf` (as for `cooperationSince`), started
   * before it was terminated.
   */
  apprenticesByYear: Record<number, number>;
  /** Innovation centres + teaching factories with the enterprise as partner, in operation on `asOf`. */
  coBuiltCentres: number;
  /** Staff trained in centre/factory projects, per year. */
  staffTrainedByYear: Record<number, number>;
}

/**
 * The cooperation evidence of an enterprise (its org unit id) as of `asOf` (`YYYY-MM-DD`), for the
 * 产教融合型企业 certification: its agreements, apprentices, co-built centres and staff trained.
 * Only signed agreements count, recorded and with their signed copy uploaded by the end of `asOf`
 * — for `cooperationSince` those in force that day; apprentices count only programmes under one of
 * them (started before it was terminated) that both parties approved by `asOf`.
 *
 * @example await cooperationEvidence(db, zhendongId, '2022-12-31')
 * // { cooperationSince: '2020-09-01', apprenticesByYear: { 2021: 30 }, coBuiltCentres: 1, staffTrainedByYear: { 2021: 120 } }
 */
export async function cooperationEvidence(
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<CooperationEvidence> {
  const onFile = await signedAgreementsOnFile(db, enterpriseId, asOf);
  const [apprenticesByYear, coBuiltCentres, staffTrainedByYear] = await Promise.all([
    apprenticesPerStartYear(
      db,
      enterpriseId,
      asOf,
      onFile.map((a) => a.id),
    ),
    partnerCentresOn(db, enterpriseId, asOf),
    staffTrainedPerYear(db, enterpriseId, asOf),
  ]);
  return {
    cooperationSince: cooperationSinceOn(onFile, asOf),
    apprenticesByYear,
    coBuiltCentres,
    staffTrainedByYear,
  };
}

/**
 * The enterprise's signed agreements on record by the end of `day` (`signedAgreementsOnRecord`)
 * whose signed copy was uploaded by then too.
 */
async function signedAgreementsOnFile(db: Executor, enterpriseId: string, day: string) {
  const agreements = await signedAgreementsOnRecord(db, enterpriseId, day);
  const files = await findStoredFiles(
    db,
    agreements.map((a) => a.agreementFileId),
  );
  const recordedBy = endOfChinaDay(day).getTime();
  return agreements.filter((a) => {
    const file = files.get(a.agreementFileId);
    return !!file && new Date(file.createdAt).getTime() < recordedBy;
  });
}

/**
 * The earliest day one of the agreements on file that is in force on `day` (started, not ended, not
 * terminated on or before it) was both signed and started.
 */
function cooperationSinceOn(
  onFile: ReadonlyArray<{ startsOn: string; endsOn: string; signedOn: string; terminatedOn: string | null }>,
  day: string,
): string | null {
  const since = onFile
    .filter((a) => a.startsOn <= day && a.endsOn >= day && (a.terminatedOn === null || a.terminatedOn > day))
    .map((a) => (a.signedOn > a.startsOn ? a.signedOn : a.startsOn))
    .sort();
  return since[0] ?? null;
}

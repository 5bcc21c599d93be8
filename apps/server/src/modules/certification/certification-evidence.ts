/**
 * Gathers `CertificationEvidence` for an enterprise on a day from the records of the modules that
 * hold them — never typed in: 3-month interns and the 2 % duty (internships), co-developed courses
 * (programs), agreements, apprentices and co-built centres (cooperation), co-built bases
 * (training-bases). A source not wired in leaves its criteria 未接入 / not measured.
 */
import type { Executor } from '../../platform/db/database.ts';
import { internshipDutyOf, longInternsByYear } from '../internships/index.ts';
import { coDevelopedCoursesByYear } from '../programs/index.ts';
import { today, type CertificationDeps, type EvidenceLookups } from './certification.deps.ts';
import {
  applicationAsOf,
  evaluateCertification,
  type CertificationCriterion,
  type CertificationEvidence,
} from './certification.rules.ts';
import type { EvaluationSnapshot } from './certification.tables.ts';

/**
 * The evidence on `asOf` (`YYYY-MM-DD`). Co-built bases count the cooperation module's centres and
 * the training-bases module's bases together, so they are measured only when both are wired.
 *
 * @example await gatherEvidence(db, UNWIRED, yitongId, '2021-06-30')
 * // { cooperationSince: null, longInternsByYear: { 2020: 38 }, …, notMeasured: ['cooperation_years', 'apprentices', 'co_built_bases'] }
 */
export async function gatherEvidence(
  db: Executor,
  lookups: EvidenceLookups,
  enterpriseId: string,
  asOf: string,
): Promise<CertificationEvidence> {
  const year = Number(asOf.slice(0, 4));
  const [interns, duty, courses, coop, bases] = await Promise.all([
    longInternsByYear(db, enterpriseId, asOf),
    internshipDutyOf(db, enterpriseId, year - 1),
    coDevelopedCoursesByYear(db, enterpriseId, asOf),
    lookups.cooperation ? lookups.cooperation(db, enterpriseId, asOf) : null,
    lookups.trainingBases ? lookups.trainingBases(db, enterpriseId, asOf) : null,
  ]);
  const notMeasured: CertificationCriterion[] = [];
  if (!coop) notMeasured.push('cooperation_years', 'apprentices');
  if (!coop || !bases) notMeasured.push('co_built_bases');
  return {
    cooperationSince: coop?.cooperationSince ?? null,
    longInternsByYear: interns,
    apprenticesByYear: coop ? { ...coop.apprenticesByYear } : {},
    coBuiltBases: coop && bases ? coop.coBuiltCentres + bases.coBuiltBases : 0,
    coDevelopedCoursesByYear: courses,
    lastYearDuty: duty,
    notMeasured,
  };
}

/**
 * The evidence on `asOf` and its evaluation: what a decision or a re-check keeps. `db` is the
 * step's transaction when the step decides on what it reads.
 */
export async function measure(
  deps: CertificationDeps,
  db: Executor,
  enterpriseId: string,
  asOf: string,
): Promise<EvaluationSnapshot> {
  const evidence = await gatherEvidence(db, deps.lookups, enterpriseId, asOf);
  return { date: asOf, evidence, evaluation: evaluateCertification(evidence, deps.rules, asOf) };
}

/**
 * An application measured as of the year applied for (`applicationAsOf`: today while that year
 * runs, else its last day), whenever it is viewed or decided.
 */
export function measureApplication(
  deps: CertificationDeps,
  db: Executor,
  row: { enterpriseId: string; year: number },
): Promise<EvaluationSnapshot> {
  return measure(deps, db, row.enterpriseId, applicationAsOf(row.year, today(deps)));
}

import type { TeacherSeries } from '@zhijiao/contracts';

/**
 * The 双师型 ratio (DOMAIN.md, "Teachers"): 专业课 teachers with a valid 双师型 recognition on a
 * date ÷ all 专业课 teachers employed and teaching 专业课 on that date. Pure functions; the SQL
 * version in ratio.queries.ts must give the same numbers (a test compares them on random data).
 *
 * Date conventions (the same in the tables):
 * - employed on d: `hireDate ≤ d` and (`leaveDate` null or `d < leaveDate`) — the leave date is the
 *   first day no longer employed;
 * - teaches 专业课 on d: a period with `startsOn ≤ d ≤ endsOn` (open period: `endsOn` null);
 * - recognition valid on d: `validFrom ≤ d ≤ validUntil`.
 * Enterprise part-time teachers (企业兼职教师) count, on both sides, only when the district's
 * setting `countPartTime` says so.
 */

export interface RatioTeacher {
  id: string;
  series: TeacherSeries;
  hireDate: string;
  leaveDate: string | null;
  specialisedPeriods: ReadonlyArray<{ startsOn: string; endsOn: string | null }>;
  recognitions: ReadonlyArray<{ validFrom: string; validUntil: string }>;
}

export interface RatioSettings {
  /** Whether enterprise part-time teachers count in the ratio (a recorded per-district setting). */
  countPartTime: boolean;
}

export interface RatioResult {
  /** Counted teachers holding a valid recognition on the date. */
  numerator: number;
  /** Teachers counted: employed and teaching 专业课 on the date (part-time ones per the setting). */
  denominator: number;
  /** numerator ÷ denominator, or null when nobody is counted. */
  ratio: number | null;
  countedIds: string[];
  recognisedIds: string[];
}

/** Employed on `date`: hired on or before it and not yet left. */
export function isEmployedOn(t: Pick<RatioTeacher, 'hireDate' | 'leaveDate'>, date: string): boolean {
  return t.hireDate <= date && (t.leaveDate === null || date < t.leaveDate);
}

/** Teaches 专业课 on `date` (one of the periods covers it, both ends inclusive). */
export function teachesSpecialisedOn(t: Pick<RatioTeacher, 'specialisedPeriods'>, date: string): boolean {
  return t.specialisedPeriods.some((p) => p.startsOn <= date && (p.endsOn === null || date <= p.endsOn));
}

/** Holds a 双师型 recognition valid on `date`. */
export function hasValidRecognitionOn(t: Pick<RatioTeacher, 'recognitions'>, date: string): boolean {
  return t.recognitions.some((r) => r.validFrom <= date && date <= r.validUntil);
}

/** In the denominator on `date`: employed, teaching 专业课, and of a series that counts. */
export function countsInRatio(t: RatioTeacher, date: string, settings: RatioSettings): boolean {
  if (t.series === 'enterprise_part_time' && !settings.countPartTime) return false;
  return isEmployedOn(t, date) && teachesSpecialisedOn(t, date);
}

/**
 * The ratio over `teachers` (one school, a major's teachers, a district…) on `date`.
 *
 * @example
 * dualQualifiedRatio([{ id: 'a', series: 'full_time', hireDate: '2015-09-01', leaveDate: null,
 *   specialisedPeriods: [{ startsOn: '2015-09-01', endsOn: null }],
 *   recognitions: [{ validFrom: '2019-01-01', validUntil: '2023-12-31' }] }], '2021-06-30', { countPartTime: false })
 * // { numerator: 1, denominator: 1, ratio: 1, countedIds: ['a'], recognisedIds: ['a'] }
 */
export function dualQualifiedRatio(
  teachers: readonly RatioTeacher[],
  date: string,
  settings: RatioSettings,
): RatioResult {
  const countedIds: string[] = [];
  const recognisedIds: string[] = [];
  for (const t of teachers) {
    if (!countsInRatio(t, date, settings)) continue;
    countedIds.push(t.id);
    if (hasValidRecognitionOn(t, date)) recognisedIds.push(t.id);
  }
  const denominator = countedIds.length;
  return {
    numerator: recognisedIds.length,
    denominator,
    ratio: denominator === 0 ? null : recognisedIds.length / denominator,
    countedIds,
    recognisedIds,
  };
}

/** A ratio as a percentage with one decimal (what metrics and pages show); 0 when nobody counts. */
export function ratioPercent(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10;
}

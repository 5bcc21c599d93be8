/**
 * 产教融合型企业 certification (task （十二）; 国家发展改革委 教育部《建设产教融合型企业实施办法
 * （试行）》发改社会〔2019〕590号, criteria in DEFAULT_CERTIFICATION_RULES): the criteria are data,
 * each with its basis in the text; evaluating an enterprise's evidence — measured by Zhijiao from its
 * own records, never typed in — gives met / unmet per criterion with the numbers, and the decision
 * needs every `all` criterion and at least one `any` one. A certification is valid for a number of
 * years and re-checked every year on its anniversary. Pure: dates are `YYYY-MM-DD`.
 */
import { CERTIFICATION_CRITERIA_KEYS } from '@zhijiao/contracts';
import { addDays } from '../../platform/clock/clock.ts';

/** `date` moved by whole years; 29 February becomes 28 February in common years. */
function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const md = date.slice(5);
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export const CERTIFICATION_CRITERIA = CERTIFICATION_CRITERIA_KEYS;
export type CertificationCriterion = (typeof CERTIFICATION_CRITERIA)[number];

export interface CriterionRule {
  key: CertificationCriterion;
  /** `all`: must be met; `any`: one of the `any` criteria is enough. */
  group: 'all' | 'any';
  threshold: number;
  /** Counted over the last N calendar years up to the evaluation year; null: all time. */
  windowYears: number | null;
  /** The clause of the national text the criterion comes from. */
  basis: string;
}

export interface CertificationRules {
  source: string;
  validityYears: number;
  recheckEveryYears: number;
  criteria: CriterionRule[];
}

/** What Zhijiao measured for one enterprise (the certification service gathers it). */
export interface CertificationEvidence {
  /**
   * Since when the enterprise cooperates with schools, or null: of its agreements signed with the
   * signed copy on file, in force on the day measured and on record by then, the earliest day one
   * was both signed and started — a back-dated start counts from the signing (the cooperation
   * module's `cooperationEvidence`).
   */
  cooperationSince: string | null;
  /** Students who did ≥ 3 months of internship or training there, per calendar year. */
  longInternsByYear: Readonly<Record<number, number>>;
  /**
   * Apprentices (people, 现代学徒制 / 企业新型学徒制) per year their programme started, of programmes
   * both parties approved under such a signed agreement on file.
   */
  apprenticesByYear: Readonly<Record<number, number>>;
  /** Training bases and innovation centres co-built and in use. */
  coBuiltBases: number;
  /** Courses co-developed with schools (programs module), per year. */
  coDevelopedCoursesByYear: Readonly<Record<number, number>>;
  /** The 2 % duty of the year before the evaluation: met, short, or not applicable / not judged. */
  lastYearDuty: 'met' | 'short' | 'not_applicable' | 'not_judged';
  /**
   * Criteria whose records Zhijiao does not hold (a source module not wired in): shown
   * "未接入 / not measured", never met, never with a number.
   */
  notMeasured?: CertificationCriterion[];
}

type Text = { zh: string; en: string };

export interface CriterionResult {
  key: CertificationCriterion;
  group: 'all' | 'any';
  basis: string;
  required: Text;
  actual: Text;
  met: boolean;
  /** False when the criterion's records are not in Zhijiao (`notMeasured`). */
  measured: boolean;
}

export interface CertificationEvaluation {
  eligible: boolean;
  results: CriterionResult[];
}

const LABEL: Record<CertificationCriterion, Text> = {
  cooperation_years: { zh: '校企合作年限', en: 'Years of school cooperation' },
  long_interns: { zh: '3 个月以上实习实训学生', en: 'Students interning 3 months or more' },
  apprentices: { zh: '学徒制学徒', en: 'Apprentices' },
  co_built_bases: { zh: '共建实训基地/创新中心', en: 'Co-built bases and centres' },
  co_developed_courses: { zh: '共同开发课程', en: 'Co-developed courses' },
  internship_duty: { zh: '2% 实习岗位', en: '2 % internship posts' },
};

const NOT_MEASURED: Text = { zh: '未接入（无数据来源）', en: 'Not measured (no source wired in)' };

/** The requirement's wording when nothing was measured (the same words as a measured row's). */
function requiredText(rule: CriterionRule, w: Text): Text {
  const n = rule.threshold;
  switch (rule.key) {
    case 'cooperation_years':
      return { zh: `≥ ${n} 年`, en: `≥ ${n} years` };
    case 'co_built_bases':
      return { zh: `≥ ${n} 个`, en: `≥ ${n}` };
    case 'internship_duty':
      return { zh: '上一年度达到（规上企业）', en: 'met last year (above-scale enterprises)' };
    default: {
      const [zh, en] =
        rule.key === 'co_developed_courses'
          ? ['门', 'courses']
          : ['人', rule.key === 'apprentices' ? 'apprentices' : 'students'];
      return { zh: `${w.zh}累计 ≥ ${n} ${zh}`, en: `≥ ${n} ${en}${w.en}` };
    }
  }
}

/**
 * The refusal reasons an evaluation gives: each unmet `all` criterion, and the `any` group when
 * none of it is met, in zh and en.
 */
export function unmetReasons(evaluation: CertificationEvaluation): Text[] {
  const all = evaluation.results.filter((r) => r.group === 'all' && !r.met);
  const any = evaluation.results.filter((r) => r.group === 'any');
  const reasons = all.map((r) => ({
    zh: `${r.required.zh}（实际：${r.actual.zh}）`,
    en: `${r.required.en} (actual: ${r.actual.en})`,
  }));
  if (any.length > 0 && !any.some((r) => r.met))
    reasons.push({
      zh: `以下条件至少满足一项，均未满足：${any.map((r) => r.required.zh).join('；')}`,
      en: `At least one of these is needed, none is met: ${any.map((r) => r.required.en).join('; ')}`,
    });
  return reasons;
}

/** Completed years from `since` to `date` (the anniversary counts). */
function completedYears(since: string, date: string): number {
  let years = Number(date.slice(0, 4)) - Number(since.slice(0, 4));
  if (date.slice(5) < since.slice(5)) years -= 1;
  return Math.max(0, years);
}

function sumWindow(byYear: Readonly<Record<number, number>>, year: number, window: number | null): number {
  return Object.entries(byYear)
    .filter(([y]) => Number(y) <= year && (window === null || Number(y) > year - window))
    .reduce((s, [, n]) => s + n, 0);
}

function windowText(rule: CriterionRule, year: number): Text {
  if (rule.windowYears === null) return { zh: '', en: '' };
  const from = year - rule.windowYears + 1;
  return { zh: `${from}–${year} 年`, en: ` in ${from}–${year}` };
}

/**
 * Evaluates measured evidence against the criteria on `date` (windows end with its year, the 2 %
 * criterion reads the year before). Each result gives the requirement and the measured number.
 *
 * @example
 * evaluateCertification(evidence, DEFAULT_CERTIFICATION_RULES, '2022-03-01').results[1]
 * // { key: 'long_interns', required: { zh: '2020–2022 年累计 ≥ 60 人', … }, actual: { zh: '72 人', … }, met: true, … }
 */
export function evaluateCertification(
  evidence: CertificationEvidence,
  rules: CertificationRules,
  date: string,
): CertificationEvaluation {
  const year = Number(date.slice(0, 4));
  const results = rules.criteria.map((rule): CriterionResult => {
    const w = windowText(rule, year);
    const n = rule.threshold;
    const row = (required: Text, actual: Text, met: boolean): CriterionResult => ({
      key: rule.key,
      group: rule.group,
      basis: rule.basis,
      required: { zh: `${LABEL[rule.key].zh}：${required.zh}`, en: `${LABEL[rule.key].en}: ${required.en}` },
      actual,
      met,
      measured: true,
    });
    if (evidence.notMeasured?.includes(rule.key))
      return { ...row(requiredText(rule, w), NOT_MEASURED, false), measured: false };
    const count = (byYear: Readonly<Record<number, number>>, unitZh: string, unitEn: string) => {
      const total = sumWindow(byYear, year, rule.windowYears);
      return row(
        { zh: `${w.zh}累计 ≥ ${n} ${unitZh}`, en: `≥ ${n} ${unitEn}${w.en}` },
        { zh: `${total} ${unitZh}`, en: `${total} ${unitEn}` },
        total >= n,
      );
    };
    switch (rule.key) {
      case 'cooperation_years': {
        const years =
          evidence.cooperationSince === null ? 0 : completedYears(evidence.cooperationSince, date);
        return row(
          { zh: `≥ ${n} 年`, en: `≥ ${n} years` },
          evidence.cooperationSince === null
            ? { zh: '无合作协议', en: 'No cooperation agreement' }
            : {
                zh: `${years} 年（自 ${evidence.cooperationSince}）`,
                en: `${years} years (since ${evidence.cooperationSince})`,
              },
          years >= n,
        );
      }
      case 'long_interns':
        return count(evidence.longInternsByYear, '人', 'students');
      case 'apprentices':
        return count(evidence.apprenticesByYear, '人', 'apprentices');
      case 'co_developed_courses':
        return count(evidence.coDevelopedCoursesByYear, '门', 'courses');
      case 'co_built_bases':
        return row(
          { zh: `≥ ${n} 个`, en: `≥ ${n}` },
          { zh: `${evidence.coBuiltBases} 个`, en: `${evidence.coBuiltBases}` },
          evidence.coBuiltBases >= n,
        );
      case 'internship_duty': {
        const d = evidence.lastYearDuty;
        const actual: Record<typeof d, Text> = {
          met: { zh: `${year - 1} 年已达到`, en: `met in ${year - 1}` },
          short: { zh: `${year - 1} 年未达到`, en: `short in ${year - 1}` },
          not_applicable: { zh: `${year - 1} 年非规上企业，不适用`, en: `not above scale in ${year - 1}` },
          not_judged: { zh: `${year - 1} 年职工数或规上情况未登记`, en: `not judged for ${year - 1}` },
        };
        return row(
          { zh: `${year - 1} 年达到（规上企业）`, en: `met in ${year - 1} (above-scale enterprises)` },
          actual[d],
          d === 'met' || d === 'not_applicable',
        );
      }
    }
  });
  const any = results.filter((r) => r.group === 'any');
  const eligible =
    results.every((r) => r.group === 'any' || r.met) && (any.length === 0 || any.some((r) => r.met));
  return { eligible, results };
}

/**
 * The day an application for `year` is measured as of: the last day of that year, or `today`
 * while the year runs. The evidence windows end with the year applied for, so a view or a decision
 * of an old application never reads a later year's records.
 *
 * @example applicationAsOf(2021, '2021-05-20') // '2021-05-20'
 * @example applicationAsOf(2021, '2023-02-01') // '2021-12-31'
 */
export function applicationAsOf(year: number, today: string): string {
  const end = `${String(year).padStart(4, '0')}-12-31`;
  return today < end ? today : end;
}

/**
 * Why an application for `year` filed on `today` is refused, or null: an application is for the
 * current year only — the evidence is measured as of the year applied for, so a past year would be
 * judged on records already closed (and certified from today on that old showing), a later year on
 * records that do not exist yet.
 *
 * @example applicationYearRefusal(2021, '2021-05-20') // null
 * @example applicationYearRefusal(2020, '2021-05-20') // { code: 'YEAR_IN_PAST', zh: '申报年度 2020 早于今年（2021）…', … }
 */
export function applicationYearRefusal(
  year: number,
  today: string,
): { code: 'YEAR_IN_PAST' | 'YEAR_IN_FUTURE'; zh: string; en: string } | null {
  const current = Number(today.slice(0, 4));
  if (year < current)
    return {
      code: 'YEAR_IN_PAST',
      zh: `申报年度 ${year} 早于今年（${current}）：只能申报本年度`,
      en: `The year ${year} is before this year (${current}): an application is for the current year only`,
    };
  if (year > current)
    return {
      code: 'YEAR_IN_FUTURE',
      zh: `申报年度 ${year} 晚于今年（${current}）：只能申报本年度`,
      en: `The year ${year} is after this year (${current}): an application is for the current year only`,
    };
  return null;
}

/**
 * A certification's validity and re-check dates, as decided: valid through the day before the
 * `validityYears`th anniversary; re-checked on every `recheckEveryYears`th anniversary before that.
 * The decision stores `validUntil`; afterwards the stored end is the certification's, whatever the
 * rules say later (`recheckDatesOf`).
 *
 * @example certificationSchedule('2021-06-15', DEFAULT_CERTIFICATION_RULES)
 * // { validUntil: '2024-06-14', recheckDates: ['2022-06-15', '2023-06-15'] }
 */
export function certificationSchedule(
  certifiedOn: string,
  rules: Pick<CertificationRules, 'validityYears' | 'recheckEveryYears'>,
): { validUntil: string; recheckDates: string[] } {
  const validUntil = addDays(addYears(certifiedOn, rules.validityYears), -1);
  return { validUntil, recheckDates: recheckDatesOf({ certifiedOn, validUntil }, rules) };
}

/**
 * The re-check dates of a certification: every `recheckEveryYears`th anniversary of `certifiedOn`
 * up to its stored `validUntil` (a re-check neither extends nor shortens the validity).
 *
 * @example recheckDatesOf({ certifiedOn: '2021-06-15', validUntil: '2024-06-14' }, { recheckEveryYears: 1 })
 * // ['2022-06-15', '2023-06-15']
 */
export function recheckDatesOf(
  c: { certifiedOn: string; validUntil: string },
  rules: Pick<CertificationRules, 'recheckEveryYears'>,
): string[] {
  const dates: string[] = [];
  for (let y = rules.recheckEveryYears; ; y += rules.recheckEveryYears) {
    const d = addYears(c.certifiedOn, y);
    if (d > c.validUntil) return dates;
    dates.push(d);
  }
}

/**
 * The state of a certification on `date`: `valid`, `recheck_due` (a re-check date has passed
 * without a re-check recorded on or after it), `expired` (after its stored `validUntil`), or
 * `revoked` (from the revocation date).
 */
export function certificationStateOn(
  c: { certifiedOn: string; validUntil: string; revokedOn: string | null; lastRecheckOn: string | null },
  rules: Pick<CertificationRules, 'recheckEveryYears'>,
  date: string,
): 'valid' | 'recheck_due' | 'expired' | 'revoked' | 'not_yet' {
  if (date < c.certifiedOn) return 'not_yet';
  if (c.revokedOn !== null && date >= c.revokedOn) return 'revoked';
  if (date > c.validUntil) return 'expired';
  const due = recheckDatesOf(c, rules)
    .filter((d) => d <= date)
    .at(-1);
  return due !== undefined && (c.lastRecheckOn === null || c.lastRecheckOn < due) ? 'recheck_due' : 'valid';
}

/**
 * Why a yearly re-check on `date` is refused, or null: once the certification's validity has
 * ended (`date` after `validUntil`) it has expired and is not re-checked — the enterprise applies
 * anew.
 *
 * @example recheckRefusal('2024-05-19', '2024-05-19') // null
 * @example recheckRefusal('2024-05-19', '2024-05-20') // { zh: '认定有效期已于 2024-05-19 届满…', … }
 */
export function recheckRefusal(validUntil: string, date: string): Text | null {
  if (date <= validUntil) return null;
  return {
    zh: `认定有效期已于 ${validUntil} 届满，认定已失效，不能复核；如需继续认定，请重新申报`,
    en: `The certification expired on ${validUntil} and cannot be re-checked; the enterprise must apply anew`,
  };
}

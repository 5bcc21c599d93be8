import {
  DESTINATION_KINDS,
  EMPLOYMENT_KINDS,
  type DestinationKind,
  type StudyLevel,
  type StudyRoute,
  type WorkRegion,
} from '@zhijiao/contracts';

/*
 * Graduates' destinations (毕业去向): what a destination must say for its kind, and the figures a
 * school's or district's graduates of a year make (the employment quality （十一） evaluates).
 * Pure: the service loads the rows and the day.
 */

/** A destination as the school or a survey states it; the fields of other kinds are left out. */
export interface DestinationInput {
  kind: DestinationKind;
  /** The day it began: hired, enlisted, enrolled in further study, business registered. */
  settledOn: string | null;
  employerName: string | null;
  /** An enterprise on the register (its org unit), when the employer is one. */
  employerUnitId: string | null;
  relevantToMajor: boolean | null;
  /** 起薪: the first month's pay before tax, in yuan. */
  monthlyPay: number | null;
  region: WorkRegion | null;
  institutionName: string | null;
  studyLevel: StudyLevel | null;
  studyRoute: StudyRoute | null;
  note: string | null;
}

export interface DestinationProblem {
  field: keyof DestinationInput;
  code: string;
  zh: string;
  en: string;
}

/** The fields each kind states (besides `kind`); the others are cleared when it is kept. */
const FIELDS_OF: Record<DestinationKind, ReadonlyArray<keyof DestinationInput>> = {
  employed: [
    'settledOn',
    'employerName',
    'employerUnitId',
    'relevantToMajor',
    'monthlyPay',
    'region',
    'note',
  ],
  self_employed: ['settledOn', 'employerName', 'relevantToMajor', 'monthlyPay', 'region', 'note'],
  enlisted: ['settledOn', 'note'],
  further_study: ['settledOn', 'institutionName', 'studyLevel', 'studyRoute', 'note'],
  seeking: ['note'],
  other: ['note'],
};

/** What the kind must state (the rest of its fields are optional). */
const REQUIRED_OF: Record<DestinationKind, ReadonlyArray<keyof DestinationInput>> = {
  employed: ['settledOn', 'employerName', 'relevantToMajor', 'region'],
  self_employed: ['settledOn', 'relevantToMajor', 'region'],
  enlisted: ['settledOn'],
  further_study: ['settledOn', 'institutionName', 'studyLevel', 'studyRoute'],
  seeking: [],
  other: ['note'],
};

const FIELD_NAMES: Partial<Record<keyof DestinationInput, { zh: string; en: string }>> = {
  settledOn: { zh: '去向落实日期', en: 'the day it began' },
  employerName: { zh: '就业单位', en: 'the employer' },
  relevantToMajor: { zh: '是否专业对口', en: 'whether the work matches the major' },
  region: { zh: '就业地区', en: 'where the work is' },
  institutionName: { zh: '升入学校', en: 'the school of further study' },
  studyLevel: { zh: '升学层次', en: 'the level of study' },
  studyRoute: { zh: '升学途径', en: 'the route of study' },
  note: { zh: '说明', en: 'a note' },
};

/** Lowest and highest monthly starting pay taken as typed correctly (yuan). */
export const PAY_RANGE = { min: 500, max: 100_000 } as const;

/** The destination with only its kind's fields (the others null), text trimmed. */
export function keepKindFields(input: DestinationInput): DestinationInput {
  const kept = new Set(FIELDS_OF[input.kind]);
  const out = { ...input };
  for (const key of Object.keys(out) as Array<keyof DestinationInput>) {
    if (key === 'kind') continue;
    const value = out[key];
    (out as Record<string, unknown>)[key] = !kept.has(key)
      ? null
      : typeof value === 'string'
        ? value.trim() || null
        : value;
  }
  return out;
}

/**
 * Every reason the destination cannot be kept for a graduate who graduated on `graduatedOn`, as of
 * `today`: a field its kind needs left empty, a day in the future or more than a year before
 * graduation (work found during the final year's 岗位实习 counts; earlier is a typing error), a
 * starting pay outside sense.
 *
 * @example destinationProblems({ kind: 'employed', employerName: null, … }, '2025-07-01', '2026-01-10') // [{ field: 'employerName', … }]
 */
export function destinationProblems(
  raw: DestinationInput,
  graduatedOn: string,
  today: string,
): DestinationProblem[] {
  const input = keepKindFields(raw);
  const problems: DestinationProblem[] = [];
  for (const field of REQUIRED_OF[input.kind]) {
    if (input[field] !== null) continue;
    const name = FIELD_NAMES[field]!;
    problems.push({
      field,
      code: 'REQUIRED',
      zh: `请填写${name.zh}`,
      en: `State ${name.en}`,
    });
  }
  const day = input.settledOn;
  if (day !== null) {
    const earliest = `${Number(graduatedOn.slice(0, 4)) - 1}${graduatedOn.slice(4)}`;
    if (day > today)
      problems.push({
        field: 'settledOn',
        code: 'IN_FUTURE',
        zh: `去向落实日期 ${day} 晚于今天`,
        en: `The day it began, ${day}, is after today`,
      });
    else if (day < earliest)
      problems.push({
        field: 'settledOn',
        code: 'TOO_EARLY',
        zh: `去向落实日期 ${day} 早于毕业前一年（${earliest}）`,
        en: `The day it began, ${day}, is more than a year before graduation (${earliest})`,
      });
  }
  const pay = input.monthlyPay;
  if (pay !== null && (!Number.isInteger(pay) || pay < PAY_RANGE.min || pay > PAY_RANGE.max))
    problems.push({
      field: 'monthlyPay',
      code: 'OUT_OF_RANGE',
      zh: `起薪应为 ${PAY_RANGE.min}–${PAY_RANGE.max} 元之间的整数`,
      en: `The starting pay must be a whole number of yuan from ${PAY_RANGE.min} to ${PAY_RANGE.max}`,
    });
  return problems;
}

/** A recorded destination as the figures read it. */
export interface DestinationFact {
  kind: DestinationKind;
  relevantToMajor: boolean | null;
  monthlyPay: number | null;
  region: WorkRegion | null;
  studyRoute: StudyRoute | null;
}

/** The destinations of a set of graduates (a school's or a district's, of a year). */
export interface DestinationFigures {
  graduates: number;
  /** Graduates with a destination recorded. */
  recorded: number;
  counts: Record<DestinationKind, number>;
  /** 就业 (employed, self-employed, enlisted). */
  employed: number;
  /** Of the further study, through 中高职衔接. */
  articulation: number;
  /** (就业 + 升学) ÷ graduates: 去向落实率; null with no graduates. */
  settledShare: number | null;
  /** 就业 ÷ graduates; null with no graduates. */
  employmentShare: number | null;
  /** 升学 ÷ graduates; null with no graduates. */
  furtherStudyShare: number | null;
  /** 专业对口: of the employed and self-employed whose relevance is stated, the share relevant. */
  relevantShare: number | null;
  /** 本区就业: of the employed and self-employed whose region is stated, the share in the district. */
  inDistrictShare: number | null;
  /** Mean and median 起薪 of those with a starting pay (yuan, rounded to a yuan). */
  meanPay: number | null;
  medianPay: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The figures of `graduates` graduates of whom `facts` have a destination recorded (a graduate
 * without one counts among the graduates, never as settled).
 *
 * @example destinationFigures(10, [{ kind: 'employed', relevantToMajor: true, monthlyPay: 3200, region: 'district', studyRoute: null }]).employmentShare // 0.1
 */
export function destinationFigures(graduates: number, facts: readonly DestinationFact[]): DestinationFigures {
  const counts = Object.fromEntries(DESTINATION_KINDS.map((k) => [k, 0])) as Record<DestinationKind, number>;
  for (const f of facts) counts[f.kind] += 1;
  const employed = EMPLOYMENT_KINDS.reduce((n, k) => n + counts[k], 0);
  const working = facts.filter((f) => f.kind === 'employed' || f.kind === 'self_employed');
  const withRelevance = working.filter((f) => f.relevantToMajor !== null);
  const withRegion = working.filter((f) => f.region !== null);
  const pays = working
    .map((f) => f.monthlyPay)
    .filter((p): p is number => p !== null)
    .sort((a, b) => a - b);
  const mid = pays.length >> 1;
  return {
    graduates,
    recorded: facts.length,
    counts,
    employed,
    articulation: facts.filter((f) => f.kind === 'further_study' && f.studyRoute === 'articulation').length,
    settledShare: share(employed + counts.further_study, graduates),
    employmentShare: share(employed, graduates),
    furtherStudyShare: share(counts.further_study, graduates),
    relevantShare: share(withRelevance.filter((f) => f.relevantToMajor).length, withRelevance.length),
    inDistrictShare: share(withRegion.filter((f) => f.region === 'district').length, withRegion.length),
    meanPay: pays.length === 0 ? null : Math.round(pays.reduce((a, b) => a + b, 0) / pays.length),
    medianPay:
      pays.length === 0 ? null : pays.length % 2 ? pays[mid]! : Math.round((pays[mid - 1]! + pays[mid]!) / 2),
  };
}

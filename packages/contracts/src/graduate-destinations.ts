/**
 * Graduates' destinations (毕业去向, task （十一）: the quality evaluation reads learners' employment
 * quality): what each graduate of a vocational school went on to — kinds, study routes, workplaces —
 * shared by server and web.
 */

type Label = { zh: string; en: string };

/**
 * Where a graduate went: 就业 (employed by an enterprise or organisation), 自主创业, 参军入伍, 升学
 * (further study; 中高职衔接 included), 待就业 (still looking), 其他. The first three count as
 * employment; with 升学 they are the destinations settled (去向落实).
 */
export const DESTINATION_KINDS = [
  'employed',
  'self_employed',
  'enlisted',
  'further_study',
  'seeking',
  'other',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** The kinds counted as employment (就业) in the school's figures. */
export const EMPLOYMENT_KINDS: readonly DestinationKind[] = ['employed', 'self_employed', 'enlisted'];

export const DESTINATION_KIND_LABELS: Record<DestinationKind, Label> = {
  employed: { zh: '就业', en: 'Employed' },
  self_employed: { zh: '自主创业', en: 'Self-employed' },
  enlisted: { zh: '参军入伍', en: 'Enlisted' },
  further_study: { zh: '升学', en: 'Further study' },
  seeking: { zh: '待就业', en: 'Seeking work' },
  other: { zh: '其他', en: 'Other' },
};

/** How a graduate went on to study: 中高职衔接 (贯通培养, 3+2 …), 职教高考 (对口升学), other ways. */
export const STUDY_ROUTES = ['articulation', 'vocational_exam', 'other'] as const;
export type StudyRoute = (typeof STUDY_ROUTES)[number];

export const STUDY_ROUTE_LABELS: Record<StudyRoute, Label> = {
  articulation: { zh: '中高职衔接', en: 'Secondary–higher vocational articulation' },
  vocational_exam: { zh: '职教高考（对口升学）', en: 'Vocational college entrance exam' },
  other: { zh: '其他途径', en: 'Other route' },
};

/** The level of further study: 高职（专科） or 本科 (职业本科 and others). */
export const STUDY_LEVELS = ['higher_vocational', 'undergraduate'] as const;
export type StudyLevel = (typeof STUDY_LEVELS)[number];

export const STUDY_LEVEL_LABELS: Record<StudyLevel, Label> = {
  higher_vocational: { zh: '高职（专科）', en: 'Higher vocational (associate)' },
  undergraduate: { zh: '本科', en: 'Undergraduate' },
};

/** Where an employed graduate works, seen from the school's district: 本区, 本省其他地区, 省外. */
export const WORK_REGIONS = ['district', 'province', 'elsewhere'] as const;
export type WorkRegion = (typeof WORK_REGIONS)[number];

export const WORK_REGION_LABELS: Record<WorkRegion, Label> = {
  district: { zh: '本区', en: 'In the district' },
  province: { zh: '本省其他地区', en: 'Elsewhere in the province' },
  elsewhere: { zh: '省外', en: 'Outside the province' },
};

/** Where a destination came from: the school's own record or a graduate survey (毕业生跟踪调查). */
export const DESTINATION_SOURCES = ['school', 'survey'] as const;
export type DestinationSource = (typeof DESTINATION_SOURCES)[number];

export const DESTINATION_ERRORS = {
  DESTINATION_NOT_GRADUATED: {
    zh: '只有已毕业的学生才能登记毕业去向',
    en: 'Only a graduate’s destination can be recorded',
  },
  DESTINATION_INVALID: {
    zh: '毕业去向填写有误',
    en: 'The destination has errors',
  },
} as const;

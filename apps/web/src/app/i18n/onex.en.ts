import type { onexZh } from './onex.zh';

/** 1+X statistics messages in English: the same keys as `onex.zh.ts`. */
export const onexEn: Record<keyof typeof onexZh, string> = {
  'onex.tab': '1+X statistics',
  'onex.title': '1+X certificate statistics',
  'onex.subtitle':
    'How the schools’ students, per major, sit 1+X vocational skill level assessments: participation = students who sat in the year ÷ students on the register at its end; pass rate = sittings passed ÷ sittings (as the assessment bodies’ results imported say)',
  'onex.year': 'Year',
  'onex.yearOption': '{year}',
  'onex.asOf': 'Register as of {date}',
  'onex.total': 'District total',
  'onex.col.unit': 'School / major',
  'onex.empty': 'No register or sittings in this year',
  'onex.import.result': '考核结果 (result)',
  'onex.import.examOn': '考核日期 (day sat)',
  'onex.import.passed': 'Passed (合格)',
  'onex.import.failed': 'Failed (不合格)',
};

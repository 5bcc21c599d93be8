/**
 * The certification module's rule parameters with their defaults and sources (moved here from the
 * enterprises module, which keeps the register the criteria read). Each is meant to become
 * versioned configuration per district and year; the defaults are the national text's numbers.
 */
import type { CertificationRules } from './certification.rules.ts';

/**
 * 国家发展改革委 教育部《建设产教融合型企业实施办法（试行）》（发改社会〔2019〕590号）: the
 * 建设培育条件 of 第五条 that Zhijiao's records measure, with the thresholds as defaults. The
 * 3-year validity and the yearly re-check are the district's choice until the provincial measures
 * are in hand (DOMAIN.md: configurable).
 */
export const DEFAULT_CERTIFICATION_RULES: CertificationRules = {
  source: '发改社会〔2019〕590号《建设产教融合型企业实施办法（试行）》第五条',
  validityYears: 3,
  recheckEveryYears: 1,
  criteria: [
    {
      key: 'cooperation_years',
      group: 'all',
      threshold: 2,
      windowYears: null,
      basis: '第五条：在实训基地、学科专业、教学课程建设和技术研发等方面稳定开展校企合作（≥ 2 年）',
    },
    {
      key: 'long_interns',
      group: 'any',
      threshold: 60,
      windowYears: 3,
      basis: '第五条（四）：近 3 年内接收学生开展每年 3 个月以上实习实训累计达 60 人以上',
    },
    {
      key: 'apprentices',
      group: 'any',
      threshold: 1,
      windowYears: 3,
      basis: '第五条（三）：承担现代学徒制和企业新型学徒制试点任务',
    },
    {
      key: 'co_built_bases',
      group: 'any',
      threshold: 1,
      windowYears: null,
      basis: '第五条（二）：以校企合作等方式共建产业学院、实验室、实践基地、实训基地等',
    },
    {
      key: 'co_developed_courses',
      group: 'any',
      threshold: 1,
      windowYears: 3,
      basis: '第五条：在学科专业、教学课程建设方面开展校企合作（共同开发课程）',
    },
    {
      key: 'internship_duty',
      group: 'all',
      threshold: 1,
      windowYears: 1,
      basis: '行动计划（十三）：规模以上企业按职工总数的 2% 安排实习岗位（上一年度，规上企业适用）',
    },
  ],
};

import type { CriterionKey, DqCriteriaConfig } from './criteria.rules.ts';
import type { RecruitmentRule } from './recruitment.rules.ts';

/**
 * Where the per-level 双师型 criteria come from (DOMAIN.md: configurable, sources named), shown once
 * to reviewers beside the criteria, after the label 条件依据. The default numbers follow the
 * documents' structure (teaching years, enterprise practice, qualification or title, enterprise
 * years) and were set without the documents' text at hand, for the 区教育局 to confirm (noted for
 * the lead, not shown to officials); a district may replace them through its settings (`PUT /api/dq-settings`). The text
 * shown is the basis only: a district keeps whatever figures it sets, this sentence never changes.
 */
export const DQ_CRITERIA_SOURCE =
  '教育部办公厅《关于做好职业教育“双师型”教师认定工作的通知》（教师厅〔2022〕2号）及其附件' +
  '《职业教育“双师型”教师基本标准（试行）》；山西省 晋教〔2025〕5号。';

/**
 * Default per-level criteria (初级 / 中级 / 高级). A district may override them (teacher_setting).
 * Every non-null criterion outside `anyOf` must be met; of those in `anyOf`, at least one.
 */
export const DEFAULT_DQ_CRITERIA: DqCriteriaConfig = {
  source: DQ_CRITERIA_SOURCE,
  levels: {
    junior: {
      minTeachingYears: 1,
      minPractice: { hours: 480, withinYears: 5 },
      minEnterpriseYears: 1,
      minCertificateLevel: 'intermediate',
      minTitle: null,
      requiredRecognition: null,
      anyOf: ['enterprise_years', 'certificate'],
    },
    intermediate: {
      minTeachingYears: 5,
      minPractice: { hours: 960, withinYears: 5 },
      minEnterpriseYears: 3,
      minCertificateLevel: 'senior',
      minTitle: 'intermediate',
      requiredRecognition: null,
      anyOf: ['enterprise_years', 'certificate', 'title'],
    },
    senior: {
      minTeachingYears: 10,
      minPractice: { hours: 960, withinYears: 5 },
      minEnterpriseYears: 5,
      minCertificateLevel: 'technician',
      minTitle: 'associate_senior',
      requiredRecognition: 'intermediate',
      anyOf: ['enterprise_years', 'certificate', 'title'],
    },
  },
};

/**
 * The recruitment rule of task （七）: from 2020-01-01, a new 专业课 teacher has ≥ 3 years of
 * enterprise work and a 高职（专科）or higher degree; a special high-skill talent holding 高级工 or
 * above (at the hire date) may have a lower degree. Three years = 3 × 365 days of enterprise work
 * before the hire date, overlapping periods counted once.
 */
export const RECRUITMENT_RULE: RecruitmentRule = {
  effectiveFrom: '2020-01-01',
  minEnterpriseDays: 3 * 365,
  minEducation: 'vocational_college',
  highSkillMinLevel: 'senior',
};

/** Recognitions expiring within this many days raise a blue alert. */
export const EXPIRY_NOTICE_DAYS = 90;

/** Default validity of a new recognition when the district does not give an end date (years). */
export const DEFAULT_VALIDITY_YEARS = 5;

/**
 * Clear-text views of teachers' ID numbers and phones an account may make in an hour. A register
 * keeper looks up a few a day; more is a copy being made, so the view is refused and the audit
 * administrator alerted (SECURITY.md: personal data shown only when needed).
 */
export const PII_VIEWS_PER_HOUR = 20;

/**
 * The basis of each criterion's value, in words, shown beside it on the settings page: the part of
 * the documents (DQ_CRITERIA_SOURCE) the criterion follows. The wording names the documents and
 * their conditions, never a figure: the figures are the district's (or the defaults above).
 */
export const DQ_CRITERIA_BASIS: Record<CriterionKey, { zh: string; en: string }> = {
  teaching_years: {
    zh: '《职业教育“双师型”教师基本标准（试行）》（教师厅〔2022〕2号附件）各级别对从事职业教育教学工作年限的要求',
    en: 'The teaching-years condition of each level in the Basic Standard for 双师型 Teachers (annex to 教师厅〔2022〕2号)',
  },
  practice_hours: {
    zh: '《职业学校教师企业实践规定》（教师〔2016〕3号）专业课教师每5年累计企业实践的要求，及基本标准中的企业实践条件',
    en: 'The enterprise-practice rule for vocational teachers (教师〔2016〕3号: practice accumulated every five years) and the Basic Standard’s practice condition',
  },
  enterprise_years: {
    zh: '《职业教育“双师型”教师基本标准（试行）》（教师厅〔2022〕2号附件）中企业（行业）工作经历的条件',
    en: 'The enterprise (industry) work-experience condition of the Basic Standard',
  },
  certificate: {
    zh: '基本标准中职业资格证书或职业技能等级证书的条件；山西省 晋教〔2025〕5号的认定细则',
    en: 'The vocational qualification / skill-level certificate condition of the Basic Standard; Shanxi’s rules 晋教〔2025〕5号',
  },
  title: {
    zh: '基本标准中专业技术职务（职称）的条件；山西省 晋教〔2025〕5号的认定细则',
    en: 'The professional title condition of the Basic Standard; Shanxi’s rules 晋教〔2025〕5号',
  },
  recognition: {
    zh: '教师厅〔2022〕2号所定初级、中级、高级三个层次；申报较高级别是否须先持有较低级别的有效认定，由本区设定',
    en: 'The three levels (junior, intermediate, senior) of 教师厅〔2022〕2号; whether a higher level needs a valid lower one first is the district’s setting',
  },
};

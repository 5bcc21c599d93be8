import type { DqCriteriaConfig } from './criteria.rules.ts';
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

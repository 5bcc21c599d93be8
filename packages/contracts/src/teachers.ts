/** Teachers (教师队伍): the register, work history, certificates, 双师型 recognition, the ratio and the recruitment rule: enums and error messages shared by server and web. */

type Label = { zh: string; en: string };

/** 专任教师 (on the school's staff) or 企业兼职教师 (enterprise part-time teacher, a separate series). */
export const TEACHER_SERIES = ['full_time', 'enterprise_part_time'] as const;
export type TeacherSeries = (typeof TEACHER_SERIES)[number];

/** Highest education, lowest first; `vocational_college` is 高职（专科）. */
export const EDUCATION_LEVELS = [
  'junior_high',
  'senior_high',
  'secondary_vocational',
  'vocational_college',
  'bachelor',
  'master',
  'doctor',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Professional title (职称) grade, lowest first. */
export const PROFESSIONAL_TITLES = ['none', 'junior', 'intermediate', 'associate_senior', 'senior'] as const;
export type ProfessionalTitle = (typeof PROFESSIONAL_TITLES)[number];

/** 职业资格证书 or 职业技能等级证书 (incl. 1+X), or another professional certificate. */
export const CERTIFICATE_KINDS = ['vocational_qualification', 'skill_level', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Skill grade of a certificate, lowest first: 初级工(五级) … 高级技师(一级). */
export const SKILL_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** 双师型 levels 初级 / 中级 / 高级. */
export const DQ_LEVELS = ['junior', 'intermediate', 'senior'] as const;
export type DqLevel = (typeof DQ_LEVELS)[number];

/**
 * A 双师型 application: submitted → (school) passed or returned; returned → submitted again;
 * passed → (district) approved or refused; submitted or returned → withdrawn.
 */
export const DQ_APPLICATION_STATES = [
  'submitted',
  'returned',
  'school_passed',
  'approved',
  'refused',
  'withdrawn',
] as const;
export type DqApplicationState = (typeof DQ_APPLICATION_STATES)[number];

/** Applications still waiting for someone (at most one per teacher). */
export const DQ_OPEN_STATES: readonly DqApplicationState[] = ['submitted', 'returned', 'school_passed'];

/** Why a 2020+ hire of a 专业课 teacher does not meet the recruitment rule. */
export const HIRE_RULE_REASONS = ['ENTERPRISE_YEARS_SHORT', 'DEGREE_TOO_LOW'] as const;
export type HireRuleReason = (typeof HIRE_RULE_REASONS)[number];

/** Alert kinds the teachers module raises (see /api/alerts, `source: teachers`). */
export const TEACHER_ALERT_KINDS = ['dq_recognition_expiring', 'dq_recognition_expired'] as const;
export type TeacherAlertKind = (typeof TEACHER_ALERT_KINDS)[number];

export const TEACHER_SERIES_LABELS: Record<TeacherSeries, Label> = {
  full_time: { zh: '专任教师', en: 'Full-time teacher' },
  enterprise_part_time: { zh: '企业兼职教师', en: 'Enterprise part-time teacher' },
};

export const EDUCATION_LABELS: Record<EducationLevel, Label> = {
  junior_high: { zh: '初中及以下', en: 'Junior high or below' },
  senior_high: { zh: '高中', en: 'Senior high' },
  secondary_vocational: { zh: '中专（中职）', en: 'Secondary vocational' },
  vocational_college: { zh: '高职（专科）', en: 'Higher vocational (associate)' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  master: { zh: '硕士研究生', en: 'Master' },
  doctor: { zh: '博士研究生', en: 'Doctorate' },
};

export const TITLE_LABELS: Record<ProfessionalTitle, Label> = {
  none: { zh: '未定级', en: 'None' },
  junior: { zh: '初级（助理讲师）', en: 'Junior (assistant lecturer)' },
  intermediate: { zh: '中级（讲师）', en: 'Intermediate (lecturer)' },
  associate_senior: { zh: '副高级（高级讲师）', en: 'Associate senior (senior lecturer)' },
  senior: { zh: '正高级', en: 'Full senior' },
};

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, Label> = {
  vocational_qualification: { zh: '职业资格证书', en: 'Vocational qualification' },
  skill_level: { zh: '职业技能等级证书', en: 'Vocational skill level certificate' },
  other: { zh: '其他证书', en: 'Other certificate' },
};

export const SKILL_LEVEL_LABELS: Record<SkillLevel, Label> = {
  junior: { zh: '初级工（五级）', en: 'Junior worker (level 5)' },
  intermediate: { zh: '中级工（四级）', en: 'Intermediate worker (level 4)' },
  senior: { zh: '高级工（三级）', en: 'Senior worker (level 3)' },
  technician: { zh: '技师（二级）', en: 'Technician (level 2)' },
  senior_technician: { zh: '高级技师（一级）', en: 'Senior technician (level 1)' },
};

export const DQ_LEVEL_LABELS: Record<DqLevel, Label> = {
  junior: { zh: '初级', en: 'Junior' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  senior: { zh: '高级', en: 'Senior' },
};

export const DQ_STATE_LABELS: Record<DqApplicationState, Label> = {
  submitted: { zh: '待学校审核', en: 'Awaiting school review' },
  returned: { zh: '学校已退回', en: 'Returned by the school' },
  school_passed: { zh: '待区级认定', en: 'Awaiting district decision' },
  approved: { zh: '已认定', en: 'Recognised' },
  refused: { zh: '未予认定', en: 'Refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const TEACHER_ERRORS = {
  TEACHER_PII_VIEW_LIMIT: {
    zh: '一小时内查看教师身份证号等个人信息的次数已达上限，已通知审计管理员',
    en: 'You have viewed teachers’ personal details too often this hour; the audit administrator has been told',
  },
  TEACHER_EXISTS: {
    zh: '该身份证号的教师已在本校名册中',
    en: 'A teacher with this ID number is already on this school’s register',
  },
  TEACHER_NOT_A_SCHOOL: { zh: '教师只能登记在学校名下', en: 'Teachers belong to a school' },
  TEACHER_IMPORT_INVALID: {
    zh: '导入文件有误，未导入任何数据',
    en: 'The import file has errors; nothing was imported',
  },
  TEACHER_LEFT: { zh: '该教师已离职', en: 'The teacher has left' },
  TEACHER_DQ_APPLICATION_OPEN: {
    zh: '该教师已有一份未办结的双师型认定申请',
    en: 'The teacher already has an open 双师型 application',
  },
  TEACHER_DQ_INVALID_TRANSITION: {
    zh: '认定申请当前状态下不能执行此操作',
    en: 'Not allowed in the application’s current state',
  },
  TEACHER_DQ_REASON_REQUIRED: { zh: '退回或不予认定时须填写理由', en: 'A reason is required' },
  TEACHER_DQ_VALIDITY_INVALID: {
    zh: '认定有效期不正确：截止日期须晚于起始日期',
    en: 'The validity period is invalid: it must end after it starts',
  },
  TEACHER_HIRE_RULE_NOT_APPLICABLE: {
    zh: '该教师不是2020年起新聘的专业课教师，无需例外',
    en: 'The teacher is not a 专业课 hire from 2020; no exception is needed',
  },
  TEACHER_HIRE_COMPLIANT: {
    zh: '该教师符合招聘条件，无需例外',
    en: 'The hire meets the recruitment rule; no exception is needed',
  },
  TEACHER_HIRE_EXCEPTION_EXISTS: {
    zh: '该教师的招聘例外已记录',
    en: 'An exception is already recorded for this hire',
  },
} as const satisfies Record<string, Label>;

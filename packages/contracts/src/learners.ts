/**
 * Learners and the credit bank (学分银行, task （十六）): learning-outcome types and levels, ledger
 * entry kinds — enums and labels shared by server and web.
 */

type Label = { zh: string; en: string };

/**
 * The learning outcomes the credit bank records: 课程学分 (from schools), 1+X 职业技能等级证书
 * (issued by a 培训评价组织), 职业资格证书, 培训结业 and 技能竞赛获奖.
 */
export const OUTCOME_TYPES = [
  'course_credit',
  'one_plus_x_certificate',
  'vocational_qualification',
  'training_completion',
  'competition_award',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

/** A 1+X certificate's level, lowest first (the order a rule's minimum level is read in). */
export const OUTCOME_LEVELS = ['elementary', 'intermediate', 'advanced'] as const;
export type OutcomeLevel = (typeof OUTCOME_LEVELS)[number];

/** A credit-bank account entry: 积累 (credits posted), 冲正 (a reversing entry), 转换 (credits used). */
export const LEDGER_ENTRY_KINDS = ['post', 'reverse', 'convert'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

export const OUTCOME_TYPE_LABELS: Record<OutcomeType, Label> = {
  course_credit: { zh: '课程学分', en: 'Course credit' },
  one_plus_x_certificate: { zh: '1+X 职业技能等级证书', en: '1+X vocational skill level certificate' },
  vocational_qualification: { zh: '职业资格证书', en: 'Vocational qualification' },
  training_completion: { zh: '培训结业', en: 'Training completion' },
  competition_award: { zh: '技能竞赛获奖', en: 'Competition award' },
};

export const OUTCOME_LEVEL_LABELS: Record<OutcomeLevel, Label> = {
  elementary: { zh: '初级', en: 'Elementary' },
  intermediate: { zh: '中级', en: 'Intermediate' },
  advanced: { zh: '高级', en: 'Advanced' },
};

/** Where a learning outcome stands: 待认定, 已认定 (credits posted), 不予认定 (with reasons), 已撤销 (credits reversed). */
export const OUTCOME_STATUSES = ['pending', 'recognised', 'refused', 'revoked'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const OUTCOME_STATUS_LABELS: Record<OutcomeStatus, Label> = {
  pending: { zh: '待认定', en: 'Pending recognition' },
  recognised: { zh: '已认定', en: 'Recognised' },
  refused: { zh: '不予认定', en: 'Refused' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** How an outcome was recorded: by the school by hand, or from a 培训评价组织's results file. */
export const OUTCOME_SOURCES = ['school', 'import'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, Label> = {
  post: { zh: '积累', en: 'Posted' },
  reverse: { zh: '冲正', en: 'Reversed' },
  convert: { zh: '转换', en: 'Converted' },
};

/**
 * A learner's standing on the school's register (学籍状态): 在籍, 休学, 转学 (transferred out),
 * 退学, 毕业. The last three are final.
 */
export const LEARNER_STATUSES = ['enrolled', 'suspended', 'transferred', 'withdrawn', 'graduated'] as const;
export type LearnerStatus = (typeof LEARNER_STATUSES)[number];

export const LEARNER_STATUS_LABELS: Record<LearnerStatus, Label> = {
  enrolled: { zh: '在籍', en: 'Enrolled' },
  suspended: { zh: '休学', en: 'Suspended' },
  transferred: { zh: '转学', en: 'Transferred out' },
  withdrawn: { zh: '退学', en: 'Withdrawn' },
  graduated: { zh: '毕业', en: 'Graduated' },
};

/**
 * How a learner came onto the register: from an enrolment registration (报到), by import, or
 * registered as a social learner (社会学习者登记).
 */
export const LEARNER_SOURCES = ['enrollment', 'import', 'social'] as const;
export type LearnerSource = (typeof LEARNER_SOURCES)[number];

/** Who a register row is: a student of the school (学籍学生) or an adult it trains (社会学习者). */
export const LEARNER_KINDS = ['student', 'social'] as const;
export type LearnerKind = (typeof LEARNER_KINDS)[number];

export const LEARNER_KIND_LABELS: Record<LearnerKind, Label> = {
  student: { zh: '学籍学生', en: 'Student' },
  social: { zh: '社会学习者', en: 'Social learner' },
};

export const LEARNER_ERRORS = {
  LEARNER_NAME_MISMATCH: {
    zh: '该身份证号已在本校登记，但姓名不同，请核对后再登记',
    en: 'This ID number is on the school’s register under another name: check it and register again',
  },
  LEARNER_NOT_A_SCHOOL: {
    zh: '学籍只能登记在中职学校名下',
    en: 'Only a vocational school keeps a student register',
  },
  LEARNER_EXISTS: {
    zh: '以下考生已在本校学籍中（身份证号与已有学生相同），本次未生成学籍',
    en: 'These candidates are already on the school’s register (same ID number); nothing was added',
  },
  LEARNER_ID_INVALID: {
    zh: '以下考生的身份证号无法读取出生日期，本次未生成学籍',
    en: 'These candidates’ ID numbers give no birth date; nothing was added',
  },
  LEARNER_ID_REPEATED: {
    zh: '以下考生的身份证号相同，同一学生不能登记两次，本次未生成学籍',
    en: 'These candidates have the same ID number: one student cannot be put on the register twice; nothing was added',
  },
  LEARNER_PII_VIEW_LIMIT: {
    zh: '一小时内查看学生身份证号等个人信息的次数已达上限，已通知审计管理员',
    en: 'You have viewed students’ personal details too often this hour; the audit administrator has been told',
  },
  LEARNER_IMPORT_INVALID: {
    zh: '学籍文件有误，未导入任何学生，请按逐行列出的问题改正后再导入',
    en: 'The register file has errors; no student was imported. Correct the problems listed by row and import again',
  },
  LEARNER_CLASS_REFUSED: {
    zh: '以下学生已不在校，本次未分班',
    en: 'These learners have left the school; no class was assigned',
  },
  LEARNER_STATUS_CHANGE_REFUSED: {
    zh: '学籍状态不能这样变更',
    en: 'The student’s status cannot be changed so',
  },
  OUTCOME_DUPLICATE: {
    zh: '该培训评价组织的这一证书编号已登记为学习成果',
    en: 'This certificate number of this issuer is already recorded as a learning outcome',
  },
  OUTCOME_NOT_PENDING: {
    zh: '该学习成果已有认定结论，不能再认定或不予认定',
    en: 'This learning outcome has already been decided',
  },
  OUTCOME_NOT_RECOGNISABLE: {
    zh: '该学习成果不符合学习成果名录，不能认定（可不予认定并说明原因）',
    en: 'This learning outcome does not meet the catalogue and cannot be recognised (refuse it with the reasons)',
  },
  OUTCOME_NOT_RECOGNISED: {
    zh: '只有已认定的学习成果才能撤销',
    en: 'Only a recognised learning outcome can be revoked',
  },
  OUTCOME_CREDITS_CONVERTED: {
    zh: '该成果的学分已用于学分转换，请先撤销转换',
    en: 'This outcome’s credits were used by a conversion: reverse the conversion first',
  },
  OUTCOME_IMPORT_INVALID: {
    zh: '导入文件有误，未导入任何数据，请按行改正后重新导入',
    en: 'The file has errors and nothing was imported: correct the rows listed and import again',
  },
  OUTCOME_CATALOGUE_INVALID: {
    zh: '学习成果名录有误',
    en: 'The learning-outcome catalogue is not valid',
  },
  CONVERSION_REFUSED: {
    zh: '不符合转换规则，不能转换',
    en: 'The conversion does not meet its rule',
  },
  CONVERSION_NOT_APPLIED: {
    zh: '该转换申请已有结论',
    en: 'This conversion application has already been decided',
  },
  CONVERSION_NOT_APPROVED: {
    zh: '只有已批准的学分转换才能撤销',
    en: 'Only an approved conversion can be reversed',
  },
  CONVERSION_ALREADY_REVERSED: {
    zh: '该学分转换已撤销，不能重复撤销',
    en: 'This conversion is already reversed',
  },
  OUTCOME_NO_DISTRICT: {
    zh: '您的单位不属于任何区县，无法维护学习成果名录',
    en: 'Your unit belongs to no district: it keeps no learning-outcome catalogue',
  },
} as const;

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

export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, Label> = {
  post: { zh: '积累', en: 'Posted' },
  reverse: { zh: '冲正', en: 'Reversed' },
  convert: { zh: '转换', en: 'Converted' },
};

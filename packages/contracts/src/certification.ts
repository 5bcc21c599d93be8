/**
 * 产教融合型企业 certification (task （十二）) and the 组合式激励 ledger: states, incentive kinds,
 * the org-unit groups of the certifying bureau and of the joint-review (会签) bureaus, labels and
 * error messages, shared by server and web.
 */

type Label = { zh: string; en: string };

/**
 * An application (申报) for a year: 审核中 (submitted; the bureaus sign the 会签单) → 已认定 |
 * 未通过; a certification may later be 已撤销. Expiry and a due re-check are read from the dates.
 */
export const CERTIFICATION_STATES = ['submitted', 'certified', 'refused', 'revoked'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

export const CERTIFICATION_STATE_LABELS: Record<CertificationState, Label> = {
  submitted: { zh: '审核中', en: 'Under review' },
  certified: { zh: '已认定', en: 'Certified' },
  refused: { zh: '未通过', en: 'Refused' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** A certification's standing on a day (certification.rules.ts `certificationStateOn`). */
export const CERTIFICATION_STANDINGS = ['valid', 'recheck_due', 'expired', 'revoked', 'not_yet'] as const;
export type CertificationStanding = (typeof CERTIFICATION_STANDINGS)[number];

export const CERTIFICATION_STANDING_LABELS: Record<CertificationStanding, Label> = {
  valid: { zh: '有效', en: 'Valid' },
  recheck_due: { zh: '待年度复核', en: 'Re-check due' },
  expired: { zh: '已到期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  not_yet: { zh: '未生效', en: 'Not yet in force' },
};

/** The criteria of 发改社会〔2019〕590号 Zhijiao measures (server certification.rules.ts). */
export const CERTIFICATION_CRITERIA_KEYS = [
  'cooperation_years',
  'long_interns',
  'apprentices',
  'co_built_bases',
  'co_developed_courses',
  'internship_duty',
] as const;

/** A bureau's opinion on the 会签单 (joint-review sheet). */
export const CERTIFICATION_OPINIONS = ['agree', 'disagree'] as const;
export type CertificationOpinion = (typeof CERTIFICATION_OPINIONS)[number];

export const CERTIFICATION_OPINION_LABELS: Record<CertificationOpinion, Label> = {
  agree: { zh: '同意', en: 'Agree' },
  disagree: { zh: '不同意', en: 'Disagree' },
};

/** The kinds of the plan's 组合式激励: 金融、财政、土地、信用 and 税收 (教育费附加抵免 etc.). */
export const INCENTIVE_KINDS = ['finance', 'fiscal', 'land', 'credit', 'tax'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

export const INCENTIVE_KIND_LABELS: Record<IncentiveKind, Label> = {
  finance: { zh: '金融', en: 'Financial' },
  fiscal: { zh: '财政', en: 'Fiscal' },
  land: { zh: '土地', en: 'Land' },
  credit: { zh: '信用', en: 'Credit' },
  tax: { zh: '税收', en: 'Tax' },
};

/** The group of the unit that certifies (认定机关: 区发改科技局 in Shangdang). */
export const CERTIFICATION_AUTHORITY_GROUP = 'certification-authority';
/**
 * The group of the bureaus that sign the joint-review sheet (会签单位) and may grant incentives:
 * in Shangdang the ones task （十二） names — 区教育局, 区财政局, 区人社局, 区国资发展中心, 区工信局,
 * 区自然资源局, 区税务局.
 */
export const CERTIFICATION_PANEL_GROUP = 'certification-panel';

/** Whether a unit is the certifying bureau. */
export function certifiesEnterprises(unit: { groups: readonly string[] }): boolean {
  return unit.groups.includes(CERTIFICATION_AUTHORITY_GROUP);
}

/** Whether a unit signs the joint-review sheet. */
export function signsCertificationReview(unit: { groups: readonly string[] }): boolean {
  return unit.groups.includes(CERTIFICATION_PANEL_GROUP);
}

export const CERTIFICATION_ERRORS = {
  CERTIFICATION_NOT_APPLICANT: {
    zh: '只有企业本身或企业名录管理部门（区工信局）可以提交认定申报',
    en: 'Only the enterprise itself or the register’s keeper (区工信局) may apply',
  },
  CERTIFICATION_NOT_AUTHORITY: {
    zh: '只有认定机关（区发改科技局）可以作出认定、复核或撤销',
    en: 'Only the certifying bureau (区发改科技局) may decide, re-check or revoke',
  },
  CERTIFICATION_NOT_PANEL: {
    zh: '本单位不是会签单位，不能填写会签意见',
    en: 'This unit does not sign the joint review',
  },
  CERTIFICATION_RECUSED: {
    zh: '本单位提出了该申报，应当回避，不能在该申报的会签单上签署意见',
    en: 'Your unit filed this application and recuses itself: it may not sign its joint review',
  },
  CERTIFICATION_INVALID_TRANSITION: {
    zh: '申报当前状态不允许此操作',
    en: 'The application’s state does not allow this step',
  },
  CERTIFICATION_ALREADY_APPLIED: {
    zh: '该企业本年度已有认定申报',
    en: 'The enterprise already has an application for this year',
  },
  CERTIFICATION_OPINIONS_MISSING: {
    zh: '会签未完成：尚有单位未填写意见',
    en: 'The joint review is not complete: some bureaus have not given their opinion',
  },
  CERTIFICATION_PANEL_DISAGREES: {
    zh: '有会签单位不同意认定',
    en: 'A joint-review bureau disagrees with the certification',
  },
  CERTIFICATION_EXPIRED: {
    zh: '认定有效期已届满，不能复核，请重新申报',
    en: 'The certification has expired and cannot be re-checked: apply anew',
  },
  CERTIFICATION_NOT_ELIGIBLE: {
    zh: '不符合认定条件，不能认定',
    en: 'The enterprise does not meet the criteria and cannot be certified',
  },
  CERTIFICATION_NOT_ENTERPRISE: {
    zh: '所选单位不是企业',
    en: 'The unit chosen is not an enterprise',
  },
  CERTIFICATION_NOT_GRANTOR: {
    zh: '只有会签单位或认定机关可以登记激励措施',
    en: 'Only a joint-review bureau or the certifying bureau may record incentives',
  },
  CERTIFICATION_NOT_CERTIFIED_ON_DATE: {
    zh: '该企业在激励日期不是有效的产教融合型企业',
    en: 'The enterprise was not a certified industry–education enterprise on the incentive’s date',
  },
} as const satisfies Record<string, Label>;

/**
 * Training bases (实训基地, task （十四）) and vocational-education groups (职教集团, task （十五））:
 * enums, labels and error messages shared by server and web.
 */

type Label = { zh: string; en: string };

/**
 * 高水平专业化实训基地 (at an enterprise, kept by the district's keeper of such bases) / 校内实训基地
 * (a vocational school's own) / 校企共建 (built at a school with enterprise partners).
 */
export const TRAINING_BASE_KINDS = ['high_level', 'in_school', 'co_built'] as const;
export type TrainingBaseKind = (typeof TRAINING_BASE_KINDS)[number];

/** 规划 → 在建 → 建成运行. */
export const TRAINING_BASE_STATUSES = ['planned', 'building', 'operating'] as const;
export type TrainingBaseStatus = (typeof TRAINING_BASE_STATUSES)[number];

/** What a session is booked for: the four uses the plan names (实践教学、社会培训、企业生产、技术服务). */
export const TRAINING_SESSION_PURPOSES = [
  'teaching',
  'social_training',
  'production',
  'technical_service',
] as const;
export type TrainingSessionPurpose = (typeof TRAINING_SESSION_PURPOSES)[number];

export const TRAINING_SESSION_STATES = ['booked', 'cancelled'] as const;
export type TrainingSessionState = (typeof TRAINING_SESSION_STATES)[number];

/** What kind of unit a group member is (from its org unit): 应用型本科高校 / 职业学校 / 企业. */
export const VET_GROUP_MEMBER_KINDS = ['undergraduate', 'vocational_school', 'enterprise'] as const;
export type VetGroupMemberKind = (typeof VET_GROUP_MEMBER_KINDS)[number];

/** A member's place in the group: 理事长单位 / 副理事长单位 / 理事单位 / 成员单位. */
export const VET_GROUP_ROLES = ['chair', 'vice_chair', 'council', 'member'] as const;
export type VetGroupRole = (typeof VET_GROUP_ROLES)[number];

/** Joint programmes of a group: 中高职衔接招生 / 现代学徒制班 / 企业新型学徒制班. */
export const VET_PROGRAMME_KINDS = [
  'articulation',
  'modern_apprenticeship',
  'enterprise_apprenticeship',
] as const;
export type VetProgrammeKind = (typeof VET_PROGRAMME_KINDS)[number];

/** The org-unit group of the unit that keeps the district's high-level bases (区发改科技局). */
export const TRAINING_BASE_KEEPER_GROUP = 'training-base-keeper';

/**
 * Whether a unit keeps the district's 高水平专业化实训基地 (the lead of task （十四））.
 *
 * @example keepsHighLevelBases({ type: 'bureau', groups: ['public', 'training-base-keeper'] }) // true
 */
export function keepsHighLevelBases(unit: { type: string; groups: readonly string[] }): boolean {
  return unit.type !== 'enterprise' && unit.groups.includes(TRAINING_BASE_KEEPER_GROUP);
}

export const TRAINING_BASE_KIND_LABELS: Record<TrainingBaseKind, Label> = {
  high_level: { zh: '高水平专业化实训基地', en: 'High-level specialised base' },
  in_school: { zh: '校内实训基地', en: 'In-school base' },
  co_built: { zh: '校企共建实训基地', en: 'School–enterprise co-built base' },
};

export const TRAINING_BASE_STATUS_LABELS: Record<TrainingBaseStatus, Label> = {
  planned: { zh: '规划', en: 'Planned' },
  building: { zh: '在建', en: 'Under construction' },
  operating: { zh: '建成运行', en: 'In operation' },
};

export const TRAINING_SESSION_PURPOSE_LABELS: Record<TrainingSessionPurpose, Label> = {
  teaching: { zh: '实践教学', en: 'Practical teaching' },
  social_training: { zh: '社会培训', en: 'Social training' },
  production: { zh: '企业生产', en: 'Enterprise production' },
  technical_service: { zh: '技术服务', en: 'Technical service' },
};

export const TRAINING_SESSION_STATE_LABELS: Record<TrainingSessionState, Label> = {
  booked: { zh: '已预约', en: 'Booked' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const VET_GROUP_MEMBER_KIND_LABELS: Record<VetGroupMemberKind, Label> = {
  undergraduate: { zh: '应用型本科高校', en: 'Applied undergraduate university' },
  vocational_school: { zh: '职业学校', en: 'Vocational school' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const VET_GROUP_ROLE_LABELS: Record<VetGroupRole, Label> = {
  chair: { zh: '理事长单位', en: 'Chair' },
  vice_chair: { zh: '副理事长单位', en: 'Vice chair' },
  council: { zh: '理事单位', en: 'Council member' },
  member: { zh: '成员单位', en: 'Member' },
};

export const VET_PROGRAMME_KIND_LABELS: Record<VetProgrammeKind, Label> = {
  articulation: { zh: '中高职衔接招生', en: 'Secondary–higher vocational articulation' },
  modern_apprenticeship: { zh: '现代学徒制班', en: 'Modern apprenticeship class' },
  enterprise_apprenticeship: { zh: '企业新型学徒制班', en: 'Enterprise new-type apprenticeship class' },
};

export const TRAINING_BASE_ERRORS = {
  TRAINING_BASE_NOT_KEEPER: {
    zh: '高水平专业化实训基地由区发改科技局维护；校内及校企共建基地由所属职业学校维护',
    en: 'High-level bases are kept by the district’s keeper (区发改科技局); in-school and co-built bases by their own vocational school',
  },
  TRAINING_BASE_NOT_A_BOOKER: {
    zh: '只有职业学校或企业的账号可以预约实训基地',
    en: 'Only a vocational school’s or an enterprise’s account may book a training base',
  },
  TRAINING_SESSION_REFUSED: {
    zh: '预约不符合实训基地的开放时间或容量',
    en: 'The booking does not fit the base’s opening hours or capacity',
  },
  TRAINING_SESSION_NOT_CANCELLABLE: {
    zh: '该预约已取消或已开始，不能取消',
    en: 'The booking is already cancelled or has started, and cannot be cancelled',
  },
  VET_PROGRAMME_LINK_REFUSED: {
    zh: '该招生计划不能关联到此中高职衔接项目',
    en: 'The enrolment program cannot be linked to this articulation programme',
  },
  VET_GROUP_NOT_KEEPER: {
    zh: '职教集团由区教育局或集团牵头单位维护',
    en: 'A vocational-education group is kept by the education bureau or the group’s lead unit',
  },
} as const satisfies Record<string, Label>;

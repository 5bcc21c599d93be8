/**
 * School–enterprise cooperation (校企合作, tasks （十二）（十三）): agreements, apprenticeships,
 * innovation centres and teaching factories — enums, labels and error messages shared by server and web.
 */

type Label = { zh: string; en: string };

/** What an agreement covers (合作范围): one or more. */
export const COOPERATION_SCOPES = [
  'internship_training',
  'order_training',
  'modern_apprenticeship',
  'co_built_major',
  'technical_service',
  'staff_training',
  'other',
] as const;
export type CooperationScope = (typeof COOPERATION_SCOPES)[number];

/** An agreement's stored state: in force until terminated (expiry is read from its end date). */
export const AGREEMENT_STATES = ['in_force', 'terminated'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/** An agreement's status as shown on a day: 未生效 / 有效 / 已到期 / 已终止. */
export const AGREEMENT_STATUSES = ['not_started', 'in_force', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** 现代学徒制 (a school's students) / 企业新型学徒制 (an enterprise's employees). */
export const APPRENTICESHIP_SCHEMES = ['modern', 'enterprise'] as const;
export type ApprenticeshipScheme = (typeof APPRENTICESHIP_SCHEMES)[number];

/**
 * An apprenticeship: 草稿 → 学校已审批 (awaiting the enterprise) → 已批准 (both approved, running)
 * → 已完成 | 已终止. The enterprise may return a school-approved one to draft.
 */
export const APPRENTICESHIP_STATES = [
  'draft',
  'school_approved',
  'approved',
  'completed',
  'terminated',
] as const;
export type ApprenticeshipState = (typeof APPRENTICESHIP_STATES)[number];

/** 应用技术协同创新中心 / 教学工厂 (引企入校). */
export const CENTRE_KINDS = ['innovation_centre', 'teaching_factory'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

export const CENTRE_STATES = ['operating', 'closed'] as const;
export type CentreState = (typeof CENTRE_STATES)[number];

/** What a centre's or factory's project is. */
export const CENTRE_PROJECT_KINDS = [
  'research',
  'transfer',
  'promotion',
  'staff_training',
  'practice',
  'production',
] as const;
export type CentreProjectKind = (typeof CENTRE_PROJECT_KINDS)[number];

export const COOPERATION_SCOPE_LABELS: Record<CooperationScope, Label> = {
  internship_training: { zh: '实习实训', en: 'Internships and practical training' },
  order_training: { zh: '订单培养', en: 'Order-based training' },
  modern_apprenticeship: { zh: '现代学徒制', en: 'Modern apprenticeship' },
  co_built_major: { zh: '共建专业', en: 'Co-built major' },
  technical_service: { zh: '技术服务', en: 'Technical services' },
  staff_training: { zh: '职工培训', en: 'Staff training' },
  other: { zh: '其他', en: 'Other' },
};

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, Label> = {
  not_started: { zh: '未生效', en: 'Not yet in force' },
  in_force: { zh: '有效', en: 'In force' },
  expired: { zh: '已到期', en: 'Expired' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

export const APPRENTICESHIP_SCHEME_LABELS: Record<ApprenticeshipScheme, Label> = {
  modern: { zh: '现代学徒制', en: 'Modern apprenticeship' },
  enterprise: { zh: '企业新型学徒制', en: 'New enterprise apprenticeship' },
};

export const APPRENTICESHIP_STATE_LABELS: Record<ApprenticeshipState, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  school_approved: { zh: '学校已审批，待企业审批', en: 'Approved by the school, awaiting the enterprise' },
  approved: { zh: '校企已批准，实施中', en: 'Approved by both, running' },
  completed: { zh: '已完成', en: 'Completed' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

export const CENTRE_KIND_LABELS: Record<CentreKind, Label> = {
  innovation_centre: { zh: '应用技术协同创新中心', en: 'Applied-technology innovation centre' },
  teaching_factory: { zh: '教学工厂', en: 'Teaching factory' },
};

export const CENTRE_STATE_LABELS: Record<CentreState, Label> = {
  operating: { zh: '运行中', en: 'In operation' },
  closed: { zh: '已停办', en: 'Closed' },
};

export const CENTRE_PROJECT_KIND_LABELS: Record<CentreProjectKind, Label> = {
  research: { zh: '技术研发', en: 'Technology R&D' },
  transfer: { zh: '成果转化', en: 'Technology transfer' },
  promotion: { zh: '新技术推广', en: 'New-technology promotion' },
  staff_training: { zh: '职工培训', en: 'Staff training' },
  practice: { zh: '实习实训', en: 'Internships and practical training' },
  production: { zh: '生产经营', en: 'Production' },
};

export const COOPERATION_ERRORS = {
  COOPERATION_NOT_A_SCHOOL: {
    zh: '只有职业学校的账号可以登记校企合作协议、学徒制项目和共建中心',
    en: 'Only a vocational school’s account may record agreements, apprenticeships and centres',
  },
  COOPERATION_AGREEMENT_INVALID_TRANSITION: {
    zh: '合作协议当前状态不允许此操作',
    en: 'The agreement’s state does not allow this step',
  },
  COOPERATION_APPRENTICESHIP_INVALID_TRANSITION: {
    zh: '学徒制项目当前状态不允许此操作',
    en: 'The apprenticeship’s state does not allow this step',
  },
  COOPERATION_APPRENTICESHIP_REFUSED: {
    zh: '学徒制项目不满足审批或完成的条件',
    en: 'The apprenticeship does not meet the conditions of this step',
  },
  COOPERATION_CENTRE_INVALID_TRANSITION: {
    zh: '中心当前状态不允许此操作',
    en: 'The centre’s state does not allow this step',
  },
} as const satisfies Record<string, Label>;

/** Internships (学生实习): posts, placements, insurance and attendance — enums, labels and error messages shared by server and web. */

type Label = { zh: string; en: string };

/** 认识实习 (cognitive) / 岗位实习 (post), 教职成〔2021〕4号. */
export const INTERNSHIP_KINDS = ['cognitive', 'post'] as const;
export type InternshipKind = (typeof INTERNSHIP_KINDS)[number];

/** A post: 草稿 → 已发布 → 已关闭. */
export const POST_STATES = ['draft', 'published', 'closed'] as const;
export type PostState = (typeof POST_STATES)[number];

/** A placement: 待启动 (documents being gathered) → 实习中 → 已结束 | 已终止. */
export const PLACEMENT_STATES = ['draft', 'active', 'completed', 'terminated'] as const;
export type PlacementState = (typeof PLACEMENT_STATES)[number];

/** Who pays the liability insurance premium: never the student (the service refuses `student`). */
export const PREMIUM_PAYERS = ['school', 'enterprise', 'government', 'student'] as const;
export type PremiumPayer = (typeof PREMIUM_PAYERS)[number];

/** 营业性娱乐场所 kinds a post may not be in. */
export const POST_VENUES = [
  'bar',
  'nightclub',
  'karaoke',
  'bathhouse',
  'arcade',
  'internet_cafe',
  'other_entertainment',
] as const;
export type PostVenue = (typeof POST_VENUES)[number];

/** Work with a higher safety risk (allowed only when filed, 备案). */
export const POST_HIGH_RISK_WORK = [
  'high_altitude',
  'underground',
  'radioactive',
  'toxic',
  'flammable_explosive',
  'other_high_risk',
] as const;
export type PostHighRiskWork = (typeof POST_HIGH_RISK_WORK)[number];

/** What an attendance entry is flagged with (attendance.rules.ts). */
export const ATTENDANCE_FLAGS = [
  'night',
  'overtime_daily',
  'overtime_weekly',
  'holiday',
  'rest_day',
] as const;
export type AttendanceFlagKind = (typeof ATTENDANCE_FLAGS)[number];

/** The documents a placement needs before it starts (the 启动实习 checklist). */
export const PLACEMENT_DOCUMENTS = ['agreement', 'consent', 'insurance'] as const;
export type PlacementDocument = (typeof PLACEMENT_DOCUMENTS)[number];

/** Alert kinds the internships module raises (see /api/alerts, `source: internships`). */
export const INTERNSHIP_ALERT_KINDS = [
  'insurance_gap',
  'attendance_violation',
  'incident_insurer_not_notified',
  'internship_duty_short',
] as const;
export type InternshipAlertKind = (typeof INTERNSHIP_ALERT_KINDS)[number];

/**
 * The org-unit group of the bureaus that see to the 2 % duty of task （十三） (规模以上企业按职工总数的
 * 2% 安排实习岗位): told of every enterprise of their district short of it. 区工信局 and
 * 区国资发展中心 in Shangdang (plans/shangdang/org-units.yaml); a district gives it to whichever
 * bureaus it charges with the duty.
 */
export const INTERNSHIP_DUTY_OVERSIGHT_GROUP = 'internship-duty-oversight';

/**
 * Whether a unit oversees the enterprises' 2 % internship-post duty (an enterprise never does).
 *
 * @example overseesInternshipDuty({ type: 'bureau', groups: ['public', 'internship-duty-oversight'] }) // true
 */
export function overseesInternshipDuty(unit: { type: string; groups: readonly string[] }): boolean {
  return unit.type !== 'enterprise' && unit.groups.includes(INTERNSHIP_DUTY_OVERSIGHT_GROUP);
}

/** Kinds of incident (实习安全事故/事件) a school or host enterprise reports. */
export const INCIDENT_KINDS = [
  'work_injury',
  'accidental_injury',
  'illness',
  'property_loss',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The injury kinds: the insurer must be notified (a claim made), else the school has an alert. */
export const INJURY_INCIDENT_KINDS = [
  'work_injury',
  'accidental_injury',
] as const satisfies readonly IncidentKind[];

/** How grave an incident is: 一般 / 较重 / 严重. */
export const INCIDENT_SEVERITIES = ['minor', 'serious', 'grave'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/**
 * An evaluation's grade (实习考核等级), one four-level scheme for both evaluations and the overall
 * result: 优秀 / 良好 / 合格 / 不合格.
 */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/** Who evaluates: the school supervisor (学校指导教师) or the enterprise mentor (企业指导教师). */
export const EVALUATION_PARTIES = ['school', 'enterprise'] as const;
export type EvaluationParty = (typeof EVALUATION_PARTIES)[number];

export const INCIDENT_KIND_LABELS: Record<IncidentKind, Label> = {
  work_injury: { zh: '工伤', en: 'Work injury' },
  accidental_injury: { zh: '意外伤害', en: 'Accidental injury' },
  illness: { zh: '疾病', en: 'Illness' },
  property_loss: { zh: '财产损失', en: 'Property loss' },
  other: { zh: '其他', en: 'Other' },
};

export const INCIDENT_SEVERITY_LABELS: Record<IncidentSeverity, Label> = {
  minor: { zh: '一般', en: 'Minor' },
  serious: { zh: '较重', en: 'Serious' },
  grave: { zh: '严重', en: 'Grave' },
};

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, Label> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

export const EVALUATION_PARTY_LABELS: Record<EvaluationParty, Label> = {
  school: { zh: '学校指导教师评价', en: 'School supervisor’s evaluation' },
  enterprise: { zh: '企业指导教师评价', en: 'Enterprise mentor’s evaluation' },
};

export const INTERNSHIP_KIND_LABELS: Record<InternshipKind, Label> = {
  cognitive: { zh: '认识实习', en: 'Cognitive internship' },
  post: { zh: '岗位实习', en: 'Post internship' },
};

/** A 规上 enterprise's 2 % internship-post duty for a year, 未达标 first (the order a clerk reads them). */
export const DUTY_STATUSES = ['short', 'not_judged', 'met', 'not_applicable'] as const;
export type DutyStatusCode = (typeof DUTY_STATUSES)[number];

export const DUTY_STATUS_LABELS: Record<DutyStatusCode, Label> = {
  short: { zh: '未达标', en: 'Short' },
  not_judged: { zh: '未判定', en: 'Not judged' },
  met: { zh: '已达到', en: 'Met' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

export const POST_STATE_LABELS: Record<PostState, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const PLACEMENT_STATE_LABELS: Record<PlacementState, Label> = {
  draft: { zh: '待启动', en: 'Not started' },
  active: { zh: '实习中', en: 'Active' },
  completed: { zh: '已结束', en: 'Completed' },
  terminated: { zh: '已终止', en: 'Terminated' },
};

export const PREMIUM_PAYER_LABELS: Record<PremiumPayer, Label> = {
  school: { zh: '学校', en: 'School' },
  enterprise: { zh: '实习单位', en: 'Enterprise' },
  government: { zh: '财政', en: 'Government' },
  student: { zh: '学生', en: 'Student' },
};

export const POST_VENUE_LABELS: Record<PostVenue, Label> = {
  bar: { zh: '酒吧', en: 'Bar' },
  nightclub: { zh: '夜总会', en: 'Nightclub' },
  karaoke: { zh: '歌厅', en: 'Karaoke' },
  bathhouse: { zh: '洗浴中心', en: 'Bathhouse' },
  arcade: { zh: '电子游戏厅', en: 'Arcade' },
  internet_cafe: { zh: '网吧', en: 'Internet café' },
  other_entertainment: { zh: '其他营业性娱乐场所', en: 'Other entertainment venue' },
};

export const POST_HIGH_RISK_WORK_LABELS: Record<PostHighRiskWork, Label> = {
  high_altitude: { zh: '高空作业', en: 'Work at height' },
  underground: { zh: '井下作业', en: 'Underground work' },
  radioactive: { zh: '放射性作业', en: 'Radioactive work' },
  toxic: { zh: '有毒作业', en: 'Toxic work' },
  flammable_explosive: { zh: '易燃易爆作业', en: 'Flammable or explosive work' },
  other_high_risk: { zh: '其他较高安全风险作业', en: 'Other high-risk work' },
};

export const ATTENDANCE_FLAG_LABELS: Record<AttendanceFlagKind, Label> = {
  night: { zh: '夜班', en: 'Night' },
  overtime_daily: { zh: '日加班', en: 'Daily overtime' },
  overtime_weekly: { zh: '周加班', en: 'Weekly overtime' },
  holiday: { zh: '法定节假日', en: 'Statutory holiday' },
  rest_day: { zh: '休息日', en: 'Rest day' },
};

export const PLACEMENT_DOCUMENT_LABELS: Record<PlacementDocument, Label> = {
  agreement: { zh: '三方协议', en: 'Three-party agreement' },
  consent: { zh: '知情同意书', en: 'Consent' },
  insurance: { zh: '实习责任保险', en: 'Liability insurance' },
};

export const INTERNSHIP_ERRORS = {
  INTERNSHIP_NOT_AN_ENTERPRISE: {
    zh: '只有实习单位（企业）的账号可以发布实习岗位',
    en: 'Only an enterprise’s account may publish internship posts',
  },
  INTERNSHIP_NOT_A_SCHOOL: {
    zh: '只有职业学校的账号可以安排学生实习',
    en: 'Only a vocational school’s account may place students',
  },
  INTERNSHIP_POST_INVALID_TRANSITION: {
    zh: '岗位当前状态不允许此操作',
    en: 'The post’s state does not allow this step',
  },
  INTERNSHIP_POST_REFUSED: {
    zh: '岗位不符合学生实习管理规定，不能发布',
    en: 'The post breaks the internship rules and cannot be published',
  },
  INTERNSHIP_POST_NOT_OPEN: {
    zh: '岗位未发布或已关闭，不能安排学生',
    en: 'The post is not published (or is closed): students cannot be placed on it',
  },
  INTERNSHIP_POST_FULL: {
    zh: '岗位名额已满',
    en: 'Every place of the post is taken',
  },
  INTERNSHIP_PLACEMENT_INVALID_TRANSITION: {
    zh: '实习安排当前状态不允许此操作',
    en: 'The placement’s state does not allow this step',
  },
  INTERNSHIP_ACTIVATION_REFUSED: {
    zh: '不满足启动实习的条件',
    en: 'The placement cannot start yet',
  },
  INTERNSHIP_EXTENSION_REFUSED: {
    zh: '延长后的实习期不满足实习条件（如实习责任保险未覆盖新的实习期）',
    en: 'The extended placement would not meet the conditions (e.g. the liability insurance does not cover the new period)',
  },
  INTERNSHIP_DOCUMENTS_REFUSED: {
    zh: '实习进行中，材料只能更换、不能删除，且更换后仍须满足启动实习的条件',
    en: 'While the internship runs, its documents may be replaced but not removed, and must still meet the start conditions',
  },
  INTERNSHIP_COMPLETION_REFUSED: {
    zh: '不满足实习结束的条件（如考核评价未录入）',
    en: 'The placement cannot be completed yet (e.g. an evaluation is not on file)',
  },
  INTERNSHIP_STUDENT_EXISTS: {
    zh: '该学生已安排在此岗位',
    en: 'This student is already placed on this post',
  },
} as const satisfies Record<string, Label>;

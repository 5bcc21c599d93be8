/**
 * Internship post rules (task （十三）; DOMAIN.md, "Internships"; 教职成〔2021〕4号 第十六条 and its
 * working-time article, see DEFAULT_INTERNSHIP_RULES): what makes a published post unacceptable —
 * entertainment venues, agents, Class III+ physical labour, unfiled high-risk work, night shifts,
 * overtime, holiday work — and the reason types both post and placement checks return: every check
 * runs, and the reasons come back in the fixed order of INTERNSHIP_REASON_CODES, each with the field
 * it is about and a zh/en message. Pure.
 */

export type InternshipType = 'cognitive' | 'post';
export const ENTERTAINMENT_VENUES = [
  'bar',
  'nightclub',
  'karaoke',
  'bathhouse',
  'arcade',
  'internet_cafe',
  'other_entertainment',
] as const;
export type EntertainmentVenue = (typeof ENTERTAINMENT_VENUES)[number];
export const HIGH_RISK_WORK = [
  'high_altitude',
  'underground',
  'radioactive',
  'toxic',
  'flammable_explosive',
  'other_high_risk',
] as const;
export type HighRiskWork = (typeof HIGH_RISK_WORK)[number];
export type WorkTimeMode = 'refuse' | 'warn';

export interface InternshipRules {
  source: string;
  minPostInternshipAge: number;
  /** Under this age on the start date the guardian must consent and 未成年工 protections apply. */
  adultAge: number;
  /** 岗位实习 from this year of study on (2: not in the first year). */
  minStudyYear: number;
  minPayPercent: number;
  maxEnterpriseSharePercent: number;
  maxPostSharePercent: number;
  maxDailyHours: number;
  maxWeeklyHours: number;
  /** Night shifts, overtime and holiday work: refused or only warned (a filed arrangement warns). */
  workTime: Record<'night' | 'overtime' | 'holiday', WorkTimeMode>;
  /** Internship types that need the three-party agreement and the consents. */
  documentsRequiredFor: InternshipType[];
}

/** A post as the enterprise publishes it. */
export interface InternshipPost {
  /** The kind of 营业性娱乐场所 the post is in, or null. */
  venue: EntertainmentVenue | null;
  /** Arranged or managed through a 中介机构 or paid agent (劳务派遣 included). */
  viaAgent: boolean;
  /** 体力劳动强度分级 (GB 3869) I–IV as 1–4. */
  labourIntensityClass: 1 | 2 | 3 | 4;
  highRiskWork: readonly HighRiskWork[];
  /** The major's special need for it filed with the supervising department (备案). */
  specialArrangementFiled: boolean;
  dailyHours: number;
  weeklyHours: number;
  nightWork: boolean;
  /** Overtime declared on the post (加班), whatever its regular hours. */
  overtimeWork: boolean;
  holidayWork: boolean;
  /** 本单位相同岗位工资标准 (yuan/month), null when no employee holds the same post. */
  sameJobMonthlyWage: number | null;
  /** The enterprise's 最低档工资标准, the basis when no employee holds the same post. */
  lowestWageGrade: number | null;
  /** 同类岗位在岗职工数. */
  staffOnPost: number | null;
}

export const INTERNSHIP_REASON_CODES = [
  'PERIOD_INVALID',
  'POST_ENTERTAINMENT_VENUE',
  'POST_VIA_AGENT',
  'POST_LABOUR_INTENSITY',
  'POST_HIGH_RISK_WORK',
  'STUDENT_FIRST_YEAR',
  'STUDENT_UNDER_16',
  'MINOR_FORBIDDEN_WORK',
  'FEMALE_FORBIDDEN_WORK',
  'AGREEMENT_MISSING',
  'STUDENT_CONSENT_MISSING',
  'GUARDIAN_CONSENT_MISSING',
  'INSURANCE_MISSING',
  'INSURANCE_PERIOD_SHORT',
  'INSURANCE_STUDENT_NOT_NAMED',
  'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
  'PAY_BASIS_MISSING',
  'PAY_TOO_LOW',
  'ENTERPRISE_STAFF_UNKNOWN',
  'ENTERPRISE_SHARE_EXCEEDED',
  'POST_STAFF_UNKNOWN',
  'POST_SHARE_EXCEEDED',
  'NIGHT_WORK',
  'OVERTIME',
  'HOLIDAY_WORK',
  'ENTERPRISE_EVALUATION_MISSING',
  'SCHOOL_EVALUATION_MISSING',
  'INCIDENT_INSURER_NOT_NOTIFIED',
] as const;
export type InternshipReasonCode = (typeof INTERNSHIP_REASON_CODES)[number];

export interface InternshipReason {
  code: InternshipReasonCode;
  /** The field of the post or placement the reason is about (`insurance.endsOn`). */
  field: string;
  zh: string;
  en: string;
}

export interface InternshipCheck {
  ok: boolean;
  refusals: InternshipReason[];
  warnings: InternshipReason[];
}

const VENUE_ZH: Record<EntertainmentVenue, string> = {
  bar: '酒吧',
  nightclub: '夜总会',
  karaoke: '歌厅',
  bathhouse: '洗浴中心',
  arcade: '电子游戏厅',
  internet_cafe: '网吧',
  other_entertainment: '营业性娱乐场所',
};
export const RISK_ZH: Record<HighRiskWork, string> = {
  high_altitude: '高空',
  underground: '井下',
  radioactive: '放射性',
  toxic: '有毒',
  flammable_explosive: '易燃易爆',
  other_high_risk: '其他较高安全风险',
};

/** Collects reasons and returns them in the fixed order, refusals and warnings apart. */
export function collector() {
  const refusals: InternshipReason[] = [];
  const warnings: InternshipReason[] = [];
  const order = (a: InternshipReason, b: InternshipReason) =>
    INTERNSHIP_REASON_CODES.indexOf(a.code) - INTERNSHIP_REASON_CODES.indexOf(b.code);
  return {
    refuse: (code: InternshipReasonCode, field: string, zh: string, en: string) =>
      refusals.push({ code, field, zh, en }),
    warn: (code: InternshipReasonCode, field: string, zh: string, en: string) =>
      warnings.push({ code, field, zh, en }),
    add(mode: WorkTimeMode, code: InternshipReasonCode, field: string, zh: string, en: string) {
      (mode === 'refuse' ? refusals : warnings).push({ code, field, zh, en });
    },
    result: (): InternshipCheck => ({
      ok: refusals.length === 0,
      refusals: refusals.sort(order),
      warnings: warnings.sort(order),
    }),
  };
}
export type Collector = ReturnType<typeof collector>;

export function postReasons(p: InternshipPost, rules: InternshipRules, c: Collector): void {
  if (p.venue !== null) {
    c.refuse(
      'POST_ENTERTAINMENT_VENUE',
      'post.venue',
      `不得安排学生到${VENUE_ZH[p.venue]}等营业性娱乐场所实习`,
      `Interns may not be placed in entertainment venues (${p.venue.replace('_', ' ')})`,
    );
  }
  if (p.viaAgent) {
    c.refuse(
      'POST_VIA_AGENT',
      'post.viaAgent',
      '不得通过中介机构或有偿代理组织、安排和管理学生实习',
      'Internships may not be arranged or managed through an agent or paid intermediary',
    );
  }
  if (p.labourIntensityClass >= 3) {
    const roman = ['', 'I', 'II', 'III', 'IV'][p.labourIntensityClass];
    c.refuse(
      'POST_LABOUR_INTENSITY',
      'post.labourIntensityClass',
      `岗位为 ${roman} 级体力劳动强度，不得安排学生从事 III 级及以上强度的体力劳动`,
      `The post is Class ${roman} physical labour; interns may not do Class III or above`,
    );
  }
  if (p.highRiskWork.length > 0) {
    const kinds = p.highRiskWork.map((k) => RISK_ZH[k]).join('、');
    const mode: WorkTimeMode = p.specialArrangementFiled ? 'warn' : 'refuse';
    c.add(
      mode,
      'POST_HIGH_RISK_WORK',
      'post.highRiskWork',
      `岗位涉及${kinds}等较高安全风险作业${p.specialArrangementFiled ? '（已报上级主管部门备案）' : '，未报上级主管部门备案'}`,
      `The post involves high-risk work (${p.highRiskWork.join(', ')})${p.specialArrangementFiled ? ', filed with the supervising department' : ' not filed with the supervising department'}`,
    );
  }
  const filed = p.specialArrangementFiled;
  const mode = (m: WorkTimeMode): WorkTimeMode => (filed ? 'warn' : m);
  if (p.nightWork) {
    c.add(
      mode(rules.workTime.night),
      'NIGHT_WORK',
      'post.nightWork',
      '岗位安排夜班',
      'The post includes night shifts',
    );
  }
  if (p.dailyHours > rules.maxDailyHours || p.weeklyHours > rules.maxWeeklyHours) {
    c.add(
      mode(rules.workTime.overtime),
      'OVERTIME',
      p.dailyHours > rules.maxDailyHours ? 'post.dailyHours' : 'post.weeklyHours',
      `岗位工时每天 ${p.dailyHours} 小时、每周 ${p.weeklyHours} 小时，超过每天 ${rules.maxDailyHours} 小时或每周 ${rules.maxWeeklyHours} 小时`,
      `The post's hours (${p.dailyHours} a day, ${p.weeklyHours} a week) exceed ${rules.maxDailyHours} a day or ${rules.maxWeeklyHours} a week`,
    );
  } else if (p.overtimeWork) {
    c.add(
      mode(rules.workTime.overtime),
      'OVERTIME',
      'post.overtimeWork',
      '岗位安排加班',
      'The post includes overtime',
    );
  }
  if (p.holidayWork) {
    c.add(
      mode(rules.workTime.holiday),
      'HOLIDAY_WORK',
      'post.holidayWork',
      '岗位安排法定节假日工作',
      'The post includes work on statutory holidays',
    );
  }
}

/**
 * Checks a post before it is published: venue, agent, labour intensity, high-risk work and its
 * working time. High-risk work, night shifts, overtime and holiday work filed with the supervising
 * department only warn.
 *
 * @example checkPost({ ...post, venue: 'karaoke' }, DEFAULT_INTERNSHIP_RULES).refusals[0].code // 'POST_ENTERTAINMENT_VENUE'
 */
export function checkPost(post: InternshipPost, rules: InternshipRules): InternshipCheck {
  const c = collector();
  postReasons(post, rules, c);
  return c.result();
}

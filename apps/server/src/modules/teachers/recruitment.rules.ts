import {
  EDUCATION_LEVELS,
  EDUCATION_LABELS,
  SKILL_LEVELS,
  SKILL_LEVEL_LABELS,
  type CertificateKind,
  type EducationLevel,
  type HireRuleReason,
  type SkillLevel,
  type TeacherSeries,
} from '@zhijiao/contracts';
import { addDays, unionDays } from './date-math.ts';
import { teachesSpecialisedOn } from './ratio.rules.ts';

/** The recruitment rule's parameters (see RECRUITMENT_RULE in teachers.config.ts). */
export interface RecruitmentRule {
  effectiveFrom: string;
  minEnterpriseDays: number;
  minEducation: EducationLevel;
  /** A certificate at this skill level or above, held at hire, waives the degree requirement. */
  highSkillMinLevel: SkillLevel;
}

/** What the rule reads from a teacher's record. */
export interface HireFacts {
  series: TeacherSeries;
  hireDate: string;
  education: EducationLevel;
  specialisedPeriods: ReadonlyArray<{ startsOn: string; endsOn: string | null }>;
  workHistory: ReadonlyArray<{ startsOn: string; endsOn: string | null }>;
  certificates: ReadonlyArray<{ kind: CertificateKind; level: SkillLevel | null; issuedOn: string }>;
}

export interface HireCheck {
  /** A full-time 专业课 teacher (teaching 专业课 on the hire date) hired on or after the rule's start. */
  applies: boolean;
  compliant: boolean;
  /** Days of enterprise work before the hire date (overlaps once). */
  enterpriseDays: number;
  /** The same in years, one decimal. */
  enterpriseYears: number;
  /** Holds a 高级工-or-above certificate issued by the hire date (degree may be lower). */
  highSkill: boolean;
  reasons: Array<{ code: HireRuleReason; message: string; messageEn: string }>;
}

const rank = <T extends string>(list: readonly T[], v: T) => list.indexOf(v);

/** True when a certificate is a 职业资格 / 职业技能等级 at `min` or above, issued by `date`. */
export function holdsSkillLevel(
  certificates: HireFacts['certificates'],
  min: SkillLevel,
  date: string,
): boolean {
  return certificates.some(
    (c) =>
      c.kind !== 'other' &&
      c.level !== null &&
      c.issuedOn <= date &&
      rank(SKILL_LEVELS, c.level) >= rank(SKILL_LEVELS, min),
  );
}

/**
 * Checks one hire against the recruitment rule. Enterprise work counts up to the day before the
 * hire date; a period still open at hire counts up to then. Hires before the rule's start, part-time
 * teachers and teachers not teaching 专业课 on their hire date are out of scope (`applies: false`).
 *
 * @example
 * checkRecruitment({ series: 'full_time', hireDate: '2021-09-01', education: 'bachelor',
 *   specialisedPeriods: [{ startsOn: '2021-09-01', endsOn: null }],
 *   workHistory: [{ startsOn: '2019-01-01', endsOn: '2021-08-31' }], certificates: [] }, RECRUITMENT_RULE)
 * // { applies: true, compliant: false, reasons: [{ code: 'ENTERPRISE_YEARS_SHORT', … }], … }
 */
export function checkRecruitment(f: HireFacts, rule: RecruitmentRule): HireCheck {
  const enterpriseDays = unionDays(f.workHistory, addDays(f.hireDate, -1));
  const enterpriseYears = Math.floor((enterpriseDays / 365) * 10) / 10;
  const highSkill = holdsSkillLevel(f.certificates, rule.highSkillMinLevel, f.hireDate);
  const applies =
    f.series === 'full_time' && f.hireDate >= rule.effectiveFrom && teachesSpecialisedOn(f, f.hireDate);
  const reasons: HireCheck['reasons'] = [];
  if (applies && enterpriseDays < rule.minEnterpriseDays) {
    const need = Math.round(rule.minEnterpriseDays / 365);
    reasons.push({
      code: 'ENTERPRISE_YEARS_SHORT',
      message: `入职前企业工作经历 ${enterpriseYears} 年（${enterpriseDays} 天），不足 ${need} 年`,
      messageEn: `${enterpriseYears} years (${enterpriseDays} days) of enterprise work before the hire, less than ${need}`,
    });
  }
  if (
    applies &&
    rank(EDUCATION_LEVELS, f.education) < rank(EDUCATION_LEVELS, rule.minEducation) &&
    !highSkill
  ) {
    const min = EDUCATION_LABELS[rule.minEducation];
    const level = SKILL_LEVEL_LABELS[rule.highSkillMinLevel];
    reasons.push({
      code: 'DEGREE_TOO_LOW',
      message: `学历为${EDUCATION_LABELS[f.education].zh}，低于${min.zh}，且入职时未持有${level.zh}及以上证书`,
      messageEn: `Education is ${EDUCATION_LABELS[f.education].en}, below ${min.en}, with no ${level.en} or higher certificate at hire`,
    });
  }
  return {
    applies,
    compliant: !applies || reasons.length === 0,
    enterpriseDays,
    enterpriseYears,
    highSkill,
    reasons,
  };
}

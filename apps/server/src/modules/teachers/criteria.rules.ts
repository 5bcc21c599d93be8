import {
  DQ_LEVELS,
  DQ_LEVEL_LABELS,
  PROFESSIONAL_TITLES,
  SKILL_LEVEL_LABELS,
  TITLE_LABELS,
  type CertificateKind,
  type DqLevel,
  type ProfessionalTitle,
  type SkillLevel,
} from '@zhijiao/contracts';
import { ageAt } from '../../platform/validation/identifiers.ts';
import { unionDays } from './date-math.ts';
import { holdsSkillLevel } from './recruitment.rules.ts';

/** The criteria a level may require; `anyOf` names the ones of which one is enough. */
export const CRITERION_KEYS = [
  'teaching_years',
  'practice_hours',
  'enterprise_years',
  'certificate',
  'title',
  'recognition',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

/** One level's criteria; a null threshold is not required. */
export interface LevelCriteria {
  /** 教龄: completed years since the hire date. */
  minTeachingYears: number | null;
  /** 企业实践: at least `hours` in the last `withinYears` calendar years (the current one included). */
  minPractice: { hours: number; withinYears: number } | null;
  /** 企业工作经历: years of enterprise work (overlaps once) up to the date. */
  minEnterpriseYears: number | null;
  /** 职业资格 / 职业技能等级 certificate at this level or above. */
  minCertificateLevel: SkillLevel | null;
  /** 职称 at this grade or above. */
  minTitle: ProfessionalTitle | null;
  /** A valid 双师型 recognition at this level or above already held. */
  requiredRecognition: DqLevel | null;
  anyOf: CriterionKey[];
}

/** The per-level criteria with the documents they come from. */
export interface DqCriteriaConfig {
  source: string;
  levels: Record<DqLevel, LevelCriteria>;
}

/** What the criteria read from a teacher's record. */
export interface CriteriaFacts {
  hireDate: string;
  professionalTitle: ProfessionalTitle;
  workHistory: ReadonlyArray<{ startsOn: string; endsOn: string | null }>;
  certificates: ReadonlyArray<{ kind: CertificateKind; level: SkillLevel | null; issuedOn: string }>;
  practice: ReadonlyArray<{ year: number; hours: number }>;
  recognitions: ReadonlyArray<{ level: DqLevel; validFrom: string; validUntil: string }>;
}

type Text = { zh: string; en: string };

/** One criterion as shown to the reviewer: what is required, what the record says, met or not. */
export interface CriteriaCheck {
  key: CriterionKey;
  /** `any`: one of the `any` checks is enough; `all`: this one must be met. */
  group: 'all' | 'any';
  label: Text;
  required: Text;
  actual: Text;
  met: boolean;
}

export interface CriteriaEvaluation {
  level: DqLevel;
  eligible: boolean;
  checks: CriteriaCheck[];
}

const LABELS: Record<CriterionKey, Text> = {
  teaching_years: { zh: '教龄', en: 'Teaching years' },
  practice_hours: { zh: '企业实践', en: 'Enterprise practice' },
  enterprise_years: { zh: '企业工作经历', en: 'Enterprise work' },
  certificate: { zh: '职业资格/职业技能等级证书', en: 'Vocational certificate' },
  title: { zh: '专业技术职称', en: 'Professional title' },
  recognition: { zh: '已有双师型认定', en: 'Existing 双师型 recognition' },
};

const best = <T extends string>(order: readonly T[], values: readonly T[]): T | null =>
  values.reduce<T | null>((b, v) => (b === null || order.indexOf(v) > order.indexOf(b) ? v : b), null);

/**
 * Checks a teacher's record against one level's criteria on `date` and lists every criterion with
 * the facts behind it, e.g. `{ label: 企业实践, required: 近5年累计≥960小时, actual: 720小时, met: false }`.
 * Eligible when every `all` check is met and, if there are `any` checks, at least one of them.
 */
export function evaluateCriteria(
  facts: CriteriaFacts,
  level: DqLevel,
  config: DqCriteriaConfig,
  date: string,
): CriteriaEvaluation {
  const c = config.levels[level];
  const checks: CriteriaCheck[] = [];
  const add = (key: CriterionKey, required: Text, actual: Text, met: boolean) =>
    checks.push({
      key,
      group: c.anyOf.includes(key) ? 'any' : 'all',
      label: LABELS[key],
      required,
      actual,
      met,
    });
  if (c.minTeachingYears !== null) {
    const years = facts.hireDate <= date ? ageAt(facts.hireDate, date) : 0;
    add(
      'teaching_years',
      { zh: `≥ ${c.minTeachingYears} 年`, en: `≥ ${c.minTeachingYears} years` },
      { zh: `${years} 年（${facts.hireDate} 入职）`, en: `${years} years (hired ${facts.hireDate})` },
      years >= c.minTeachingYears,
    );
  }
  if (c.minPractice !== null) {
    const year = Number(date.slice(0, 4));
    const from = year - c.minPractice.withinYears + 1;
    const hours = facts.practice
      .filter((p) => p.year >= from && p.year <= year)
      .reduce((s, p) => s + p.hours, 0);
    add(
      'practice_hours',
      {
        zh: `近 ${c.minPractice.withinYears} 年（${from}–${year}）累计 ≥ ${c.minPractice.hours} 小时`,
        en: `≥ ${c.minPractice.hours} hours in ${from}–${year}`,
      },
      { zh: `${hours} 小时`, en: `${hours} hours` },
      hours >= c.minPractice.hours,
    );
  }
  if (c.minEnterpriseYears !== null) {
    const days = unionDays(facts.workHistory, date);
    const years = Math.floor((days / 365) * 10) / 10;
    add(
      'enterprise_years',
      { zh: `≥ ${c.minEnterpriseYears} 年`, en: `≥ ${c.minEnterpriseYears} years` },
      {
        zh: `${years} 年（${facts.workHistory.length} 段经历）`,
        en: `${years} years (${facts.workHistory.length} periods)`,
      },
      days >= c.minEnterpriseYears * 365,
    );
  }
  if (c.minCertificateLevel !== null) {
    const held = best(
      ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const,
      facts.certificates
        .filter((x) => x.kind !== 'other' && x.level && x.issuedOn <= date)
        .map((x) => x.level!),
    );
    const need = SKILL_LEVEL_LABELS[c.minCertificateLevel];
    add(
      'certificate',
      { zh: `${need.zh}及以上`, en: `${need.en} or higher` },
      held ? SKILL_LEVEL_LABELS[held] : { zh: '无', en: 'None' },
      holdsSkillLevel(facts.certificates, c.minCertificateLevel, date),
    );
  }
  if (c.minTitle !== null) {
    const need = TITLE_LABELS[c.minTitle];
    add(
      'title',
      { zh: `${need.zh}及以上`, en: `${need.en} or higher` },
      TITLE_LABELS[facts.professionalTitle],
      PROFESSIONAL_TITLES.indexOf(facts.professionalTitle) >= PROFESSIONAL_TITLES.indexOf(c.minTitle),
    );
  }
  if (c.requiredRecognition !== null) {
    const valid = facts.recognitions
      .filter((r) => r.validFrom <= date && date <= r.validUntil)
      .map((r) => r.level);
    const held = best(DQ_LEVELS, valid);
    const need = DQ_LEVEL_LABELS[c.requiredRecognition];
    add(
      'recognition',
      { zh: `有效的${need.zh}及以上认定`, en: `A valid ${need.en} or higher recognition` },
      held
        ? { zh: `${DQ_LEVEL_LABELS[held].zh}（有效）`, en: `${DQ_LEVEL_LABELS[held].en} (valid)` }
        : { zh: '无', en: 'None' },
      held !== null && DQ_LEVELS.indexOf(held) >= DQ_LEVELS.indexOf(c.requiredRecognition),
    );
  }
  return { level, eligible: eligibleOf(checks), checks };
}

/** Every `all` check met and, if there are `any` checks, at least one of them. */
export function eligibleOf(checks: ReadonlyArray<Pick<CriteriaCheck, 'group' | 'met'>>): boolean {
  const any = checks.filter((x) => x.group === 'any');
  return checks.every((x) => x.group === 'any' || x.met) && (any.length === 0 || any.some((x) => x.met));
}

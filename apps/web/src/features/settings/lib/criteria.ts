import {
  DQ_LEVEL_LABELS,
  DQ_LEVELS,
  SKILL_LEVEL_LABELS,
  TITLE_LABELS,
  type DqLevel,
} from '@zhijiao/contracts';
import type { MessageKey, Translate } from '@/lib/i18n';
import { pick, type Lang } from '@/lib/lang';
import type { DqLevels } from '@/lib/reads/dq-settings';

export type Criteria = DqLevels[DqLevel];
export type CriterionKey = Criteria['anyOf'][number];

/** The criteria in the order the documents give them, each with its label. */
export const CRITERIA: ReadonlyArray<{ key: CriterionKey; label: MessageKey }> = [
  { key: 'teaching_years', label: 'settings.dq.teachingYears' },
  { key: 'practice_hours', label: 'settings.dq.practice' },
  { key: 'enterprise_years', label: 'settings.dq.enterpriseYears' },
  { key: 'certificate', label: 'settings.dq.certificate' },
  { key: 'title', label: 'settings.dq.title' },
  { key: 'recognition', label: 'settings.dq.recognition' },
];

export { DQ_LEVELS };

type T = Translate;

/**
 * What a level requires of one criterion, in words (`≥ 5 年`, `近 5 年累计 ≥ 960 小时`), or
 * 不要求 when it sets none.
 */
export function requirementText(c: Criteria, key: CriterionKey, t: T, lang: Lang): string {
  switch (key) {
    case 'teaching_years':
      return c.minTeachingYears === null
        ? t('settings.dq.none')
        : t('settings.dq.years', { n: c.minTeachingYears });
    case 'practice_hours':
      return c.minPractice === null
        ? t('settings.dq.none')
        : t('settings.dq.practiceValue', { hours: c.minPractice.hours, years: c.minPractice.withinYears });
    case 'enterprise_years':
      return c.minEnterpriseYears === null
        ? t('settings.dq.none')
        : t('settings.dq.years', { n: c.minEnterpriseYears });
    case 'certificate':
      return c.minCertificateLevel === null
        ? t('settings.dq.none')
        : t('settings.dq.orAbove', { label: pick(SKILL_LEVEL_LABELS[c.minCertificateLevel], lang) });
    case 'title':
      return c.minTitle === null
        ? t('settings.dq.none')
        : t('settings.dq.orAbove', { label: pick(TITLE_LABELS[c.minTitle], lang) });
    case 'recognition':
      return c.requiredRecognition === null
        ? t('settings.dq.none')
        : t('settings.dq.holds', { label: pick(DQ_LEVEL_LABELS[c.requiredRecognition], lang) });
  }
}

/** The form's shape of one level: practice as two plain numbers, "one of these" as flags. */
export interface LevelForm {
  minTeachingYears: number | null;
  practiceHours: number | null;
  practiceWithinYears: number | null;
  minEnterpriseYears: number | null;
  minCertificateLevel: Criteria['minCertificateLevel'];
  minTitle: Criteria['minTitle'];
  requiredRecognition: Criteria['requiredRecognition'];
  anyOf: Record<CriterionKey, boolean>;
}

/** A level's criteria as the form holds them. */
export function toForm(c: Criteria): LevelForm {
  return {
    minTeachingYears: c.minTeachingYears,
    practiceHours: c.minPractice?.hours ?? null,
    practiceWithinYears: c.minPractice?.withinYears ?? null,
    minEnterpriseYears: c.minEnterpriseYears,
    minCertificateLevel: c.minCertificateLevel,
    minTitle: c.minTitle,
    requiredRecognition: c.requiredRecognition,
    anyOf: Object.fromEntries(CRITERIA.map(({ key }) => [key, c.anyOf.includes(key)])) as LevelForm['anyOf'],
  };
}

/** The form's level back as the API's criteria (empty practice hours: no practice required). */
export function fromForm(f: LevelForm): Criteria {
  return {
    minTeachingYears: f.minTeachingYears ?? null,
    minPractice:
      f.practiceHours === null || f.practiceHours === undefined
        ? null
        : { hours: f.practiceHours, withinYears: f.practiceWithinYears ?? 5 },
    minEnterpriseYears: f.minEnterpriseYears ?? null,
    minCertificateLevel: f.minCertificateLevel ?? null,
    minTitle: f.minTitle ?? null,
    requiredRecognition: f.requiredRecognition ?? null,
    anyOf: CRITERIA.filter(({ key }) => f.anyOf[key]).map(({ key }) => key),
  };
}

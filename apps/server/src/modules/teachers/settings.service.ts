import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { CriterionKey, DqCriteriaConfig, LevelCriteria } from './criteria.rules.ts';
import { districtSettings, type DistrictTeacherSettings } from './district-settings.ts';
import type { SettingsBody } from './dq.schema.ts';
import { upsertSetting } from './settings.repository.ts';
import { DEFAULT_DQ_CRITERIA, DQ_CRITERIA_BASIS, RECRUITMENT_RULE } from './teachers.config.ts';
import { mayReviewDistrict } from './teachers.policy.ts';

/*
 * The recorded per-district settings of the teachers module: whether enterprise part-time teachers
 * count in the 双师型 ratio, and the district's own per-level criteria (else the defaults). Only
 * `teacher.review` holders of the district change them; every change is audited with before/after.
 */

function view(actor: Actor, s: DistrictTeacherSettings) {
  return {
    ...s,
    defaults: DEFAULT_DQ_CRITERIA,
    basis: DQ_CRITERIA_BASIS,
    recruitmentRule: RECRUITMENT_RULE,
    abilities: { edit: actor.districtId !== null && mayReviewDistrict(actor, actor.districtId) },
  };
}

/** The settings of the actor's district in force, with the defaults and the recruitment rule. */
export async function getSettings(deps: ModuleDeps, actor: Actor) {
  return view(actor, await districtSettings(deps.db, actor.districtId));
}

const THRESHOLD: Record<CriterionKey, keyof LevelCriteria> = {
  teaching_years: 'minTeachingYears',
  practice_hours: 'minPractice',
  enterprise_years: 'minEnterpriseYears',
  certificate: 'minCertificateLevel',
  title: 'minTitle',
  recognition: 'requiredRecognition',
};
const LEVEL_ZH = { junior: '初级', intermediate: '中级', senior: '高级' } as const;
const KEY_ZH: Record<CriterionKey, string> = {
  teaching_years: '教龄',
  practice_hours: '企业实践',
  enterprise_years: '企业工作经历',
  certificate: '职业资格/技能等级证书',
  title: '职称',
  recognition: '已持有的认定级别',
};

/**
 * Refuses criteria that cannot be read: "one of these is enough" naming a criterion the level does
 * not set, or naming only one (then it is simply required), or a level that requires nothing.
 * Each refusal names its field (`criteria.senior.anyOf`) in both languages.
 */
function checkCriteria(levels: DqCriteriaConfig['levels']): void {
  const details = [];
  for (const level of ['junior', 'intermediate', 'senior'] as const) {
    const c = levels[level];
    const unset = c.anyOf.filter((k) => c[THRESHOLD[k]] === null);
    // The same criterion named twice would read as two: refused.
    const named = new Set(c.anyOf).size;
    const field = `criteria.${level}.anyOf`;
    if (unset.length > 0)
      details.push({
        field,
        code: 'TEACHER_CRITERIA_INVALID',
        message: `${LEVEL_ZH[level]}“任一满足”中的${unset.map((k) => KEY_ZH[k]).join('、')}未设要求，请先填写其数值或取消勾选`,
        messageEn: `${level}: “any one of” names ${unset.join(', ')}, which the level does not set`,
      });
    else if (named < c.anyOf.length)
      details.push({
        field,
        code: 'TEACHER_CRITERIA_INVALID',
        message: `${LEVEL_ZH[level]}“任一满足”中有重复的条件`,
        messageEn: `${level}: “any one of” names a criterion more than once`,
      });
    else if (named === 1)
      details.push({
        field,
        code: 'TEACHER_CRITERIA_INVALID',
        message: `${LEVEL_ZH[level]}“任一满足”至少勾选两项（只有一项即为必备条件）`,
        messageEn: `${level}: “any one of” needs at least two criteria (one alone is simply required)`,
      });
    if (Object.values(THRESHOLD).every((k) => c[k] === null))
      details.push({
        field: `criteria.${level}`,
        code: 'TEACHER_CRITERIA_INVALID',
        message: `${LEVEL_ZH[level]}未设任何条件`,
        messageEn: `${level}: the level requires nothing`,
      });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 400, details);
}

/** Records the district's settings; `criteria: null` goes back to the defaults. */
export async function updateSettings(deps: ModuleDeps, actor: Actor, input: Static<typeof SettingsBody>) {
  const districtId = actor.districtId;
  if (!districtId || !mayReviewDistrict(actor, districtId)) throw forbidden();
  if (input.criteria) checkCriteria(input.criteria);
  const criteria: DqCriteriaConfig | null = input.criteria
    ? { source: DEFAULT_DQ_CRITERIA.source, levels: input.criteria }
    : null;
  await deps.transaction(async (trx) => {
    const before = await districtSettings(trx, districtId);
    const now = deps.clock.now();
    await upsertSetting(trx, {
      districtId,
      countPartTime: input.countPartTime,
      criteria,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.settings.updated',
      objectType: 'teacher_setting',
      objectId: districtId,
      details: {
        before: {
          countPartTime: before.countPartTime,
          criteria: before.criteriaOverridden ? before.criteria.levels : null,
        },
        after: { countPartTime: input.countPartTime, criteria: input.criteria },
      },
    });
  });
  return getSettings(deps, actor);
}

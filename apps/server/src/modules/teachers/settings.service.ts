import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import type { DqCriteriaConfig, LevelCriteria } from './criteria.rules.ts';
import { DEFAULT_DQ_CRITERIA, RECRUITMENT_RULE } from './teachers.config.ts';
import { mayReviewDistrict } from './teachers.policy.ts';

/** A district's teacher settings in force (defaults where it has recorded none). */
export interface DistrictTeacherSettings {
  countPartTime: boolean;
  criteria: DqCriteriaConfig;
  /** The district replaced the default criteria. */
  criteriaOverridden: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Reads the settings of a district (null district: the defaults). */
export async function districtSettings(
  db: Executor,
  districtId: string | null,
): Promise<DistrictTeacherSettings> {
  const row = districtId
    ? await db
        .selectFrom('teacherSetting as s')
        .leftJoin('appUser as u', 'u.id', 's.updatedBy')
        .select(['s.countPartTime', 's.criteria', 's.updatedAt', 'u.displayName'])
        .where('s.districtId', '=', districtId)
        .executeTakeFirst()
    : undefined;
  return {
    countPartTime: row?.countPartTime ?? false,
    criteria: row?.criteria ?? DEFAULT_DQ_CRITERIA,
    criteriaOverridden: Boolean(row?.criteria),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.displayName ?? null,
  };
}

/**
 * The recorded per-district settings of the teachers module: whether enterprise part-time teachers
 * count in the 双师型 ratio, and the district's own per-level criteria (else the defaults). Only
 * `teacher.review` holders of the district change them; every change is audited with before/after.
 */
export function createSettingsService(deps: {
  db: Kysely<Database>;
  transaction: Transact;
  audit: AuditLog;
  clock: Clock;
  onWrite?: () => void;
}) {
  const { db, audit, clock } = deps;

  function view(actor: Actor, s: DistrictTeacherSettings) {
    return {
      ...s,
      defaults: DEFAULT_DQ_CRITERIA,
      recruitmentRule: RECRUITMENT_RULE,
      abilities: { edit: actor.districtId !== null && mayReviewDistrict(actor, actor.districtId) },
    };
  }

  async function getSettings(actor: Actor) {
    return view(actor, await districtSettings(db, actor.districtId));
  }

  /** Records the district's settings; `criteria: null` goes back to the defaults. */
  async function updateSettings(
    actor: Actor,
    input: {
      countPartTime: boolean;
      criteria: Record<'junior' | 'intermediate' | 'senior', LevelCriteria> | null;
    },
  ) {
    const districtId = actor.districtId;
    if (!districtId || !mayReviewDistrict(actor, districtId)) throw forbidden();
    const criteria: DqCriteriaConfig | null = input.criteria
      ? { source: DEFAULT_DQ_CRITERIA.source, levels: input.criteria }
      : null;
    await deps.transaction(async (trx) => {
      const before = await districtSettings(trx, districtId);
      const now = clock.now();
      await trx
        .insertInto('teacherSetting')
        .values({
          districtId,
          countPartTime: input.countPartTime,
          criteria: criteria ? JSON.stringify(criteria) : null,
          updatedBy: actor.userId,
          updatedAt: now,
        })
        .onConflict((oc) =>
          oc.column('districtId').doUpdateSet({
            countPartTime: input.countPartTime,
            criteria: criteria ? JSON.stringify(criteria) : null,
            updatedBy: actor.userId,
            updatedAt: now,
          }),
        )
        .execute();
      await audit.record(trx, auditActorOf(actor), {
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
    deps.onWrite?.();
    return getSettings(actor);
  }

  return { getSettings, updateSettings };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

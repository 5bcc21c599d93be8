import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DqCriteriaConfig } from './criteria.rules.ts';
import { findSettingRow } from './settings.repository.ts';
import { DEFAULT_DQ_CRITERIA, DQ_CRITERIA_SOURCE } from './teachers.config.ts';

/** A district's teacher settings in force (defaults where it has recorded none). */
export interface DistrictTeacherSettings {
  countPartTime: boolean;
  criteria: DqCriteriaConfig;
  /** The district replaced the default criteria. */
  criteriaOverridden: boolean;
  updatedAt: Date | null;
  /** The name of who recorded them. */
  updatedBy: string | null;
}

/** Reads the settings of a district (null district: the defaults). */
export async function districtSettings(
  db: Executor,
  districtId: string | null,
): Promise<DistrictTeacherSettings> {
  const row = districtId ? await findSettingRow(db, districtId) : undefined;
  const by = row?.updatedBy ? (await findUserRefs(db, [row.updatedBy])).get(row.updatedBy) : undefined;
  return {
    countPartTime: row?.countPartTime ?? false,
    // The basis is the framework's, not the district's: a saved row keeps no older wording of it.
    criteria: row?.criteria ? { ...row.criteria, source: DQ_CRITERIA_SOURCE } : DEFAULT_DQ_CRITERIA,
    criteriaOverridden: Boolean(row?.criteria),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: by?.displayName ?? null,
  };
}

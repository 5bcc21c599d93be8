import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DqCriteriaConfig } from './criteria.rules.ts';
import { findSettingRow } from './settings.repository.ts';
import { DEFAULT_DQ_CRITERIA } from './teachers.config.ts';

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
    criteria: row?.criteria ?? DEFAULT_DQ_CRITERIA,
    criteriaOverridden: Boolean(row?.criteria),
    updatedAt: row?.updatedAt ?? null,
    updatedBy: by?.displayName ?? null,
  };
}

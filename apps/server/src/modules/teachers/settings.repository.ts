import type { Executor } from '../../platform/db/database.ts';
import type { DqCriteriaConfig } from './criteria.rules.ts';

/** The settings a district recorded, if any (`updatedBy`: the user's id). */
export function findSettingRow(db: Executor, districtId: string) {
  return db
    .selectFrom('teacherSetting')
    .select(['countPartTime', 'criteria', 'updatedAt', 'updatedBy'])
    .where('districtId', '=', districtId)
    .executeTakeFirst();
}

/** Records a district's settings (replacing what it had). */
export async function upsertSetting(
  trx: Executor,
  row: {
    districtId: string;
    countPartTime: boolean;
    criteria: DqCriteriaConfig | null;
    updatedBy: string;
    updatedAt: Date;
  },
) {
  const values = { ...row, criteria: row.criteria ? JSON.stringify(row.criteria) : null };
  const { districtId: _key, ...set } = values;
  await trx
    .insertInto('teacherSetting')
    .values(values)
    .onConflict((oc) => oc.column('districtId').doUpdateSet(set))
    .execute();
}

import { findUserRefs } from '../../platform/auth/users.repository.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { listFullTimeHires, listHireExceptions } from './hires.repository.ts';
import { checkRecruitment } from './recruitment.rules.ts';
import { loadParts } from './teacher-parts.repository.ts';
import { RECRUITMENT_RULE } from './teachers.config.ts';

/** Recruitment exceptions of the given teachers, with the name of who granted them. */
export async function hireExceptionsOf(db: Executor, teacherIds: readonly string[]) {
  const rows = await listHireExceptions(db, teacherIds);
  const users = await findUserRefs(
    db,
    rows.map((r) => r.grantedBy),
  );
  return new Map(
    rows.map((r) => [
      r.teacherId,
      {
        reason: r.reason,
        grantedAt: r.grantedAt,
        grantedBy: r.grantedBy ? (users.get(r.grantedBy)?.displayName ?? null) : null,
      },
    ]),
  );
}

/**
 * Every full-time hire on or after the rule's start (up to `upTo`) in the given schools (null: all),
 * checked against the recruitment rule, with its school and its exception if one was granted; by
 * school code, hire date and name. Teachers not hired for 专业课 are left out (the rule does not
 * apply to them).
 */
export async function loadHireChecks(db: Executor, schoolIds: readonly string[] | null, upTo: string) {
  if (schoolIds !== null && schoolIds.length === 0) return [];
  const rows = await listFullTimeHires(db, schoolIds, RECRUITMENT_RULE.effectiveFrom, upTo);
  const ids = rows.map((r) => r.id);
  const [parts, exceptions] = [await loadParts(db, ids), await hireExceptionsOf(db, ids)];
  const schools = await listOrgUnitInfo(db, { ids: [...new Set(rows.map((r) => r.schoolId))] });
  const rank = new Map(schools.map((s, i) => [s.id, i]));
  return rows
    .map((r) => ({
      ...r,
      school: schools[rank.get(r.schoolId)!]!,
      check: checkRecruitment({ ...r, ...parts.get(r.id)! }, RECRUITMENT_RULE),
      exception: exceptions.get(r.id) ?? null,
    }))
    .filter((r) => r.check.applies)
    .sort((a, b) => rank.get(a.schoolId)! - rank.get(b.schoolId)!);
}

/**
 * Counts for the compliance metric on `upTo`: hires per school, and how many comply or had an
 * exception granted by then (an exception granted later does not mend an earlier period's number).
 */
export async function hireComplianceBySchool(db: Executor, schoolIds: readonly string[], upTo: string) {
  const out = new Map<string, { hires: number; ok: number }>();
  for (const c of await loadHireChecks(db, schoolIds, upTo)) {
    const e = out.get(c.schoolId) ?? { hires: 0, ok: 0 };
    e.hires++;
    if (c.check.compliant || (c.exception && chinaDate(c.exception.grantedAt) <= upTo)) e.ok++;
    out.set(c.schoolId, e);
  }
  return out;
}

import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inScopeSql } from './programs.repository.ts';

/**
 * Projects still owing their mid-term check (approved) or acceptance (past the mid-term), approved
 * on or before `approvedBy`, that the actor sees: of schools in their scope, or of the district
 * they review for (`reviewDistrictId`, null when they review none).
 */
export function listProjectsOwingStep(
  db: Executor,
  actor: Actor,
  f: { approvedBy: string; reviewDistrictId: string | null },
) {
  const own = inScopeSql(actor, 'p.school_id');
  const visible = f.reviewDistrictId ? sql<boolean>`(${own} OR p.district_id = ${f.reviewDistrictId})` : own;
  return db
    .selectFrom('programProject as p')
    .select(['p.id', 'p.schoolId', 'p.districtId', 'p.kind', 'p.title', 'p.level', 'p.state', 'p.approvedOn'])
    .where('p.state', 'in', ['approved', 'midterm_passed'])
    .where('p.approvedOn', 'is not', null)
    .where('p.approvedOn', '<=', f.approvedBy)
    .where(visible)
    .orderBy('p.approvedOn')
    .orderBy('p.id')
    .execute();
}

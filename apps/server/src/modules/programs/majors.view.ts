import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { listMajorEnrolment, listMajorStandards } from './majors.repository.ts';
import { mayManageSchool } from './programs.policy.ts';
import type { findMajor } from './programs.repository.ts';
import { majorLabel, orderBySchool } from './programs.view.ts';

type MajorRow = NonNullable<Awaited<ReturnType<typeof findMajor>>>;

/** Majors as the API shows them, by school: catalogue entry, standards, enrolment by year. */
export async function describeMajors(db: Executor, actor: Actor, majors: readonly MajorRow[]) {
  const ids = majors.map((m) => m.id);
  const [{ rows, schools }, standards, enrolment] = await Promise.all([
    orderBySchool(db, majors),
    listMajorStandards(db, ids),
    listMajorEnrolment(db, ids),
  ]);
  return rows.map((m) => ({
    id: m.id,
    school: schools.get(m.schoolId)!,
    catalogue: {
      version: m.catalogueVersion,
      code: m.catalogueCode,
      name: m.catalogueName,
      categoryCode: m.categoryCode,
      categoryName: m.categoryName,
      verified: m.verified,
    },
    name: majorLabel(m),
    direction: m.direction,
    status: m.status,
    establishedYear: m.establishedYear,
    standards: standards
      .filter((s) => s.majorId === m.id)
      .map((s) => ({ standard: s.standard, adoptedOn: s.adoptedOn, note: s.note })),
    enrolment: enrolment
      .filter((e) => e.majorId === m.id)
      .map((e) => ({ year: e.year, intake: e.intake, enrolled: e.enrolled })),
    abilities: { edit: mayManageSchool(actor, m.schoolId) },
  }));
}

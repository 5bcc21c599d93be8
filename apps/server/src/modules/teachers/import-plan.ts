import { keepsVocationalRecords } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { importRowHash } from '../../platform/crypto/import-row-hash.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findDistrictOf, unitsByCodes } from '../org/index.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { checkTeacherInput, type CheckedTeacher } from './teacher-input.ts';
import type { RegisterRow, RowProblem } from './teachers-file.ts';
import { listSpecialisedPeriods } from './teacher-parts.repository.ts';
import { mayManageSchool } from './teachers.policy.ts';
import { listTeachersByIdIndexes } from './teachers.repository.ts';

/** A row ready to write: its school, the ID's blind index, the checked record and the row's hash. */
export interface PlannedRow {
  r: RegisterRow;
  schoolId: string;
  idIndex: string;
  v: CheckedTeacher;
  rowHash: string;
}

/**
 * The rows' schools (by code → id) that exist, keep a teacher register (a vocational school, not a
 * bureau, junior high or general high school: `keepsVocationalRecords`, as `POST /api/teachers`)
 * and that the actor keeps.
 */
async function keptSchools(db: Executor, actor: Actor, rows: RegisterRow[]) {
  const units = await unitsByCodes(db, [...new Set(rows.map((r) => r.schoolCode))]);
  return new Map(
    [...units.values()]
      .filter((u) => keepsVocationalRecords(u) && mayManageSchool(actor, u.id))
      .map((u) => [u.code, u.id]),
  );
}

/**
 * Checks parsed register rows against the database and each other, adding every problem to
 * `problems`: unknown schools or schools the actor does not keep, an ID number twice for one
 * school, and each row as a whole teacher record (ID checksum, sex, dates, the row's 专业课 period
 * merged into the teacher's existing periods without overlap). Returns what to write.
 */
export async function planImport(
  db: Executor,
  crypto: FieldCrypto,
  actor: Actor,
  rows: RegisterRow[],
  today: Date,
  problems: RowProblem[],
) {
  const add = (row: number, field: string, code: string, message: string, messageEn: string) =>
    problems.push({ row, field, code, message, messageEn });

  const schools = await keptSchools(db, actor, rows);
  const districts = new Map<string, string>();
  for (const id of schools.values()) {
    const districtId = await findDistrictOf(db, id);
    if (districtId) districts.set(id, districtId);
  }
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const indexes = rows.map((r) => {
    const id = validateResidentId(r.idNumber, today);
    return id.ok ? crypto.blindIndex(id.normalized) : null;
  });
  const existing = new Map(
    (
      await listTeachersByIdIndexes(
        db,
        indexes.filter((x): x is string => x !== null),
      )
    ).map((t) => [`${t.schoolId}|${t.idIndex}`, t]),
  );
  const periodsOf = await listSpecialisedPeriods(
    db,
    [...existing.values()].map((t) => t.id),
  );

  rows.forEach((r, i) => {
    const schoolId = schools.get(r.schoolCode);
    if (!schoolId || !districts.has(schoolId))
      add(
        r.row,
        'schoolCode',
        'SCHOOL_UNKNOWN',
        `学校代码 ${r.schoolCode} 不存在或不在您的管理范围内`,
        `School ${r.schoolCode} is unknown or not yours to manage`,
      );
    const idIndex = indexes[i];
    if (idIndex && schoolId) {
      const key = `${schoolId}|${idIndex}`;
      const first = seen.get(key);
      if (first)
        add(
          r.row,
          'idNumber',
          'DUPLICATE',
          `身份证号与第 ${first} 行重复`,
          `The ID number repeats row ${first}`,
        );
      else seen.set(key, r.row);
    }
    const old = schoolId && idIndex ? existing.get(`${schoolId}|${idIndex}`) : undefined;
    const periods = (old ? (periodsOf.get(old.id) ?? []) : []).filter(
      (p) => p.startsOn !== r.specialised?.startsOn,
    );
    const checked = checkTeacherInput(
      {
        ...r,
        majors: r.majors ?? [],
        specialisedPeriods: r.specialised ? [...periods, r.specialised] : periods,
        workHistory: [],
        certificates: [],
        practice: [],
      },
      today,
      { requireId: true },
    );
    if (!checked.ok) {
      for (const p of checked.problems)
        add(
          r.row,
          p.field.startsWith('specialisedPeriods') ? 'specialised' : p.field,
          p.code,
          p.message,
          p.messageEn,
        );
      return;
    }
    if (schoolId && idIndex)
      planned.push({
        r,
        schoolId,
        idIndex,
        v: checked.value,
        rowHash: importRowHash(crypto, { ...r, row: undefined }),
      });
  });
  return { planned, districts, existing };
}

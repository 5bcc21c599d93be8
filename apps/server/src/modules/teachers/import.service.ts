import { createHash } from 'node:crypto';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { checkImportFile, refuseImport } from '../../platform/files/import-refusal.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { planImport, type PlannedRow } from './import-plan.ts';
import { findImportByHash, insertImport, setImportCounts } from './imports.repository.ts';
import { buildRegisterTemplate } from './register-workbooks.ts';
import { birthColumns, identityColumns, phoneColumns, recordColumns } from './teacher-columns.ts';
import { writeParts } from './teacher-parts.repository.ts';
import { readRegisterFile, type RowProblem } from './teachers-file.ts';
import { insertTeacher, updateTeacher } from './teachers.repository.ts';

/*
 * Import of a school's teachers from Excel and export of the register. The import is all or
 * nothing (any bad row and nothing is written, every problem listed per row), and idempotent: the
 * same file again changes nothing (its hash is remembered per importing unit), and a row equal to
 * the last import of that teacher changes nothing either. Teachers are matched by school and ID
 * number (blind index). The file is checked by the upload guard and never stored: it holds ID
 * numbers in clear. Every import (also a refused one) writes an audit row.
 */

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
type ImportFile = { buffer: Buffer; filename: string };
type Plan = Awaited<ReturnType<typeof planImport>>;

/** Writes one planned row: unchanged, an update of the teacher it matches, or a new teacher. */
async function writeRow(deps: ModuleDeps, trx: Executor, actor: Actor, plan: Plan, p: PlannedRow, now: Date) {
  const old = plan.existing.get(`${p.schoolId}|${p.idIndex}`);
  if (old?.rowHash === p.rowHash) return 'unchanged';
  const { v } = p;
  const core = {
    ...recordColumns(v),
    sex: v.sex!,
    ...birthColumns(deps.crypto, v.birthDate!),
    rowHash: p.rowHash,
    updatedAt: now,
    ...phoneColumns(deps.crypto, v.phone),
  };
  const parts = { specialisedPeriods: v.specialisedPeriods, ...(p.r.majors ? { majors: v.majors } : {}) };
  if (old) {
    await updateTeacher(trx, old.id, core);
    await writeParts(trx, old.id, parts);
    return 'updated';
  }
  const id = await insertTeacher(trx, {
    ...core,
    ...identityColumns(deps.crypto, v.idNumber!),
    schoolId: p.schoolId,
    districtId: plan.districts.get(p.schoolId)!,
    createdBy: actor.userId,
    createdAt: now,
  });
  await writeParts(trx, id, parts);
  return 'created';
}

/** Writes a checked file in one transaction: the import row, every teacher, the audit row. */
async function writeImport(deps: ModuleDeps, actor: Actor, input: ImportFile, rows: number, plan: Plan) {
  return deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const fileName = input.filename.slice(0, 200);
    const importId = await insertImport(trx, {
      orgUnitId: actor.orgUnitId,
      contentHash: sha256(input.buffer),
      fileName,
      rows,
      ...counts,
      importedBy: actor.userId,
      importedAt: now,
    });
    for (const p of plan.planned) counts[await writeRow(deps, trx, actor, plan, p, now)]++;
    await setImportCounts(trx, importId, counts);
    const schools = [...new Set(plan.planned.map((p) => p.schoolId))];
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'teacher.import',
      objectType: 'teacher_import',
      objectId: importId,
      details: { fileName, rows, schools, ...counts },
    });
    return { importId, repeated: false, rows, ...counts };
  });
}

/** Audits the refused import and throws TEACHER_IMPORT_INVALID with the problems by row. */
function refuse(deps: ModuleDeps, actor: Actor, filename: string, problems: RowProblem[]) {
  return refuseImport(deps, actor, {
    code: 'TEACHER_IMPORT_INVALID',
    action: 'teacher.import',
    objectType: 'teacher_import',
    details: { fileName: filename.slice(0, 200) },
    problems,
  });
}

/** Imports the register file, or throws TEACHER_IMPORT_INVALID with `[{ row, field, code, message, messageEn }]`. */
export async function importTeachers(deps: ModuleDeps, actor: Actor, input: ImportFile) {
  checkImportFile(input, deps.config.uploadMaxBytes);
  const previous = await findImportByHash(deps.db, actor.orgUnitId, sha256(input.buffer));
  if (previous) {
    const { id: importId, rows, created, updated, unchanged } = previous;
    return { importId, repeated: true, rows, created, updated, unchanged };
  }
  const { rows, problems } = readRegisterFile(input.buffer);
  // A file-level problem (unreadable, header) stops here; row problems are listed with the rest.
  if (problems.some((p) => p.row <= 1)) return refuse(deps, actor, input.filename, problems);
  const plan = await planImport(deps.db, deps.crypto, actor, rows, deps.clock.now(), problems);
  if (problems.length > 0) return refuse(deps, actor, input.filename, problems);
  return writeImport(deps, actor, input, rows.length, plan);
}

/** The blank register import template (.xlsx). */
export function template(_deps: ModuleDeps) {
  return buildRegisterTemplate();
}

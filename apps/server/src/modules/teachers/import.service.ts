import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { checkUpload } from '../../platform/files/file-guard.ts';
import { maskMobile, maskResidentId } from '../../platform/validation/identifiers.ts';
import { planImport } from './import-plan.ts';
import { buildRegisterExport, buildRegisterTemplate } from './register-workbooks.ts';
import { readRegisterFile, type RowProblem } from './teachers-file.ts';
import { writeParts } from './teachers.repository.ts';
import type { RegisterService, TeacherListFilter } from './register.service.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const EXPORT_MAX = 100_000;

/**
 * Import of a school's teachers from Excel and export of the register. The import is all or
 * nothing (any bad row and nothing is written, every problem listed per row), and idempotent: the
 * same file again changes nothing (its hash is remembered per importing unit), and a row equal to
 * the last import of that teacher changes nothing either. Teachers are matched by school and ID
 * number (blind index). The file is checked by the upload guard and never stored: it holds ID
 * numbers in clear. Every import (also a refused one) and every export writes an audit row.
 */
export function createImportService(deps: {
  db: Kysely<Database>;
  transaction: Transact;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  register: RegisterService;
  maxBytes: number;
  onWrite?: () => void;
}) {
  const { db, audit, clock, crypto } = deps;

  async function recordAudit(
    actor: Actor,
    result: 'success' | 'failure',
    objectId: string | null,
    details: Record<string, unknown>,
  ) {
    await deps.transaction((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'teacher.import',
        objectType: 'teacher_import',
        objectId,
        result,
        details,
      }),
    );
  }

  async function refuse(actor: Actor, filename: string, problems: RowProblem[]): Promise<never> {
    await recordAudit(actor, 'failure', null, {
      fileName: filename.slice(0, 200),
      problems: problems.length,
    });
    throw new AppError(
      'TEACHER_IMPORT_INVALID',
      400,
      problems.sort((a, b) => a.row - b.row),
    );
  }

  /** Imports the register file, or throws TEACHER_IMPORT_INVALID with `[{ row, field, code, message, messageEn }]`. */
  async function importTeachers(actor: Actor, input: { buffer: Buffer; filename: string }) {
    const check = checkUpload({
      buffer: input.buffer,
      declaredName: input.filename,
      allowed: ['xlsx'],
      maxBytes: deps.maxBytes,
    });
    if (!check.ok) {
      const code = check.code.startsWith('ZIP_') ? 'FILE_REJECTED' : check.code;
      throw new AppError(code as 'FILE_REJECTED', code === 'FILE_TOO_LARGE' ? 413 : 400, [
        { field: 'file', code: check.code, message: check.zh, messageEn: check.en },
      ]);
    }
    const contentHash = sha256(input.buffer);
    const previous = await db
      .selectFrom('teacherImport')
      .selectAll()
      .where('orgUnitId', '=', actor.orgUnitId)
      .where('contentHash', '=', contentHash)
      .executeTakeFirst();
    if (previous)
      return {
        importId: previous.id,
        repeated: true,
        rows: previous.rows,
        created: previous.created,
        updated: previous.updated,
        unchanged: previous.unchanged,
      };
    const { rows, problems } = await readRegisterFile(input.buffer);
    // A file-level problem (unreadable, header) stops here; row problems are listed with the rest.
    if (problems.some((p) => p.row <= 1)) return refuse(actor, input.filename, problems);
    const { planned, districts, existing } = await planImport(db, crypto, actor, rows, clock.now(), problems);
    if (problems.length > 0) return refuse(actor, input.filename, problems);

    const result = await deps.transaction(async (trx) => {
      const now = clock.now();
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const imp = await trx
        .insertInto('teacherImport')
        .values({
          orgUnitId: actor.orgUnitId,
          contentHash,
          fileName: input.filename.slice(0, 200),
          rows: rows.length,
          created: 0,
          updated: 0,
          unchanged: 0,
          importedBy: actor.userId,
          importedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const { r, schoolId, idIndex, v, rowHash } of planned) {
        const old = existing.get(`${schoolId}|${idIndex}`);
        if (old?.rowHash === rowHash) {
          counts.unchanged++;
          continue;
        }
        const core = {
          name: v.name,
          sex: v.sex!,
          birthDate: v.birthDate!,
          education: v.education,
          professionalTitle: v.professionalTitle,
          post: v.post,
          series: v.series,
          internshipInstructor: v.internshipInstructor,
          hireDate: v.hireDate,
          leaveDate: v.leaveDate,
          rowHash,
          updatedAt: now,
          ...(v.phone !== undefined
            ? {
                phoneCipher: v.phone ? crypto.encrypt(v.phone) : null,
                phoneMasked: v.phone ? maskMobile(v.phone) : null,
              }
            : {}),
        };
        const parts = { specialisedPeriods: v.specialisedPeriods, ...(r.majors ? { majors: v.majors } : {}) };
        if (old) {
          await trx.updateTable('teacher').set(core).where('id', '=', old.id).execute();
          await writeParts(trx, old.id, parts);
          counts.updated++;
        } else {
          const created = await trx
            .insertInto('teacher')
            .values({
              ...core,
              schoolId,
              districtId: districts.get(schoolId)!,
              idCipher: crypto.encrypt(v.idNumber!),
              idIndex,
              idMasked: maskResidentId(v.idNumber!),
              createdBy: actor.userId,
              createdAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await writeParts(trx, created.id, parts);
          counts.created++;
        }
      }
      await trx.updateTable('teacherImport').set(counts).where('id', '=', imp.id).execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'teacher.import',
        objectType: 'teacher_import',
        objectId: imp.id,
        details: {
          fileName: input.filename.slice(0, 200),
          rows: rows.length,
          schools: [...new Set(planned.map((p) => p.schoolId))],
          ...counts,
        },
      });
      return { importId: imp.id, repeated: false, rows: rows.length, ...counts };
    });
    deps.onWrite?.();
    return result;
  }

  /** The register (as filtered) as .xlsx with masked IDs and phones; the export is audited. */
  async function exportTeachers(actor: Actor, filter: Omit<TeacherListFilter, 'limit' | 'offset'>) {
    const asOf = filter.asOf ?? chinaDate(clock.now());
    const { items, total } = await deps.register.listTeachers(actor, {
      ...filter,
      asOf,
      limit: EXPORT_MAX,
      offset: 0,
    });
    const file = await buildRegisterExport(items, asOf);
    await deps.transaction((trx) =>
      audit.record(trx, auditActorOf(actor), {
        action: 'teacher.export',
        objectType: 'teacher',
        details: { rows: items.length, total, filter: { ...filter, asOf } },
      }),
    );
    return { file, filename: `教师名册-${asOf}.xlsx` };
  }

  return { importTeachers, exportTeachers, template: buildRegisterTemplate };
}

export type ImportService = ReturnType<typeof createImportService>;

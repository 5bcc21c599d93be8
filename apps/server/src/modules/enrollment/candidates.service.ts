import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { canonicalJson } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { checkUpload } from '../../platform/files/file-guard.ts';
import { maskResidentId } from '../../platform/validation/identifiers.ts';
import { buildTemplate, readCandidateFile, type CandidateRow, type RowProblem } from './candidates-file.ts';
import { candidateView } from './candidate-view.ts';
import { canManageSeason } from './enrollment.policy.ts';
import type { SetupService } from './setup.service.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * Candidates (考生) from the exam office's Excel file. The import is all-or-nothing: any bad row
 * and nothing is written, with every problem listed per row. The same file twice has one effect
 * (its content hash is remembered); within a new file, a row identical to the stored candidate
 * (same exam number, same content) changes nothing. ID numbers are stored only encrypted, with a
 * blind index for look-ups and a masked form for display; no answer ever carries one in clear.
 * The file itself is checked by the upload guard (type by magic bytes, zip-bomb limits) and never
 * kept on disk: it holds minors' ID numbers in clear.
 */
export function createCandidatesService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  setup: SetupService;
  maxBytes: number;
}) {
  const { db, audit, clock, crypto, setup } = deps;

  /** The season's blank import template (.xlsx). */
  async function template(actor: Actor, seasonId: string) {
    const season = await setup.loadSeason(actor, seasonId);
    return {
      file: await buildTemplate(season.subjects),
      filename: `考生名单模板-${season.admissionYear}.xlsx`,
    };
  }

  /** Imports the file, or throws ENROLLMENT_IMPORT_INVALID with `[{ row, field, code, message, messageEn }]`. */
  async function importCandidates(
    actor: Actor,
    seasonId: string,
    input: { buffer: Buffer; filename: string },
  ) {
    const season = await setup.loadSeason(actor, seasonId);
    if (!canManageSeason(actor, season)) throw forbidden();
    if (season.state === 'closed') throw new AppError('ENROLLMENT_SEASON_STATE', 409);
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
    const previous = await findImport(seasonId, contentHash);
    if (previous) return { ...previous, repeated: true };
    const { rows, problems } = await readCandidateFile(input.buffer, season.subjects, clock.now());
    const schools = await schoolsByCode(rows);
    for (const r of rows)
      if (!schools.has(r.schoolCode))
        problems.push(
          rowProblem(
            r.row,
            'schoolCode',
            'SCHOOL_UNKNOWN',
            `毕业学校代码 ${r.schoolCode} 不是初中学校`,
            `${r.schoolCode} is not a junior high school`,
          ),
        );
    if (problems.length > 0) throw importInvalid(problems);
    return db.transaction().execute(async (trx) => {
      const existing = new Map(
        (
          await trx
            .selectFrom('enrollmentCandidate')
            .select(['id', 'examNumber', 'idIndex', 'rowHash'])
            .where('seasonId', '=', seasonId)
            .execute()
        ).map((c) => [c.examNumber, c]),
      );
      const byIndex = new Map([...existing.values()].map((c) => [c.idIndex, c.examNumber]));
      const placed = new Set(
        (
          await trx
            .selectFrom('enrollmentPlacement')
            .select('candidateId')
            .where('seasonId', '=', seasonId)
            .execute()
        ).map((p) => p.candidateId),
      );
      const plan = rows.map((r) => ({
        r,
        idIndex: crypto.blindIndex(r.idNumber),
        rowHash: sha256(canonicalJson({ ...r, row: undefined })),
      }));
      const late: RowProblem[] = [];
      for (const { r, idIndex, rowHash } of plan) {
        const owner = byIndex.get(idIndex);
        if (owner && owner !== r.examNumber)
          late.push(
            rowProblem(
              r.row,
              'idNumber',
              'ID_IN_USE',
              `该身份证号已登记在考号 ${owner} 下`,
              `This ID number is already registered under exam number ${owner}`,
            ),
          );
        const old = existing.get(r.examNumber);
        if (old && old.rowHash !== rowHash && placed.has(old.id))
          late.push(
            rowProblem(
              r.row,
              'examNumber',
              'ENROLLMENT_CANDIDATE_PLACED',
              '该考生已被录取，不能再修改',
              'The candidate is already placed and cannot be changed',
            ),
          );
      }
      if (late.length > 0) throw importInvalid(late);
      const now = clock.now();
      const counts = { created: 0, updated: 0, unchanged: 0 };
      const fresh: Array<ReturnType<typeof candidateValues> & { seasonId: string; examNumber: string }> = [];
      const imp = await trx
        .insertInto('enrollmentImport')
        .values({
          seasonId,
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
      for (const { r, idIndex, rowHash } of plan) {
        const old = existing.get(r.examNumber);
        if (old?.rowHash === rowHash) {
          counts.unchanged++;
          continue;
        }
        const values = candidateValues(r, schools.get(r.schoolCode)!, idIndex, rowHash, imp.id);
        if (old) {
          await trx.updateTable('enrollmentCandidate').set(values).where('id', '=', old.id).execute();
          counts.updated++;
        } else {
          fresh.push({ ...values, seasonId, examNumber: r.examNumber });
          counts.created++;
        }
      }
      // New candidates go in by the thousand: a district file has thousands of rows.
      for (let i = 0; i < fresh.length; i += 1000)
        await trx
          .insertInto('enrollmentCandidate')
          .values(fresh.slice(i, i + 1000))
          .execute();
      await trx.updateTable('enrollmentImport').set(counts).where('id', '=', imp.id).execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.candidates.import',
        objectType: 'enrollment_import',
        objectId: imp.id,
        details: { seasonId, rows: rows.length, ...counts },
      });
      return { importId: imp.id, repeated: false, rows: rows.length, ...counts };
    });
  }

  function candidateValues(
    r: CandidateRow,
    schoolId: string,
    idIndex: string,
    rowHash: string,
    importId: string,
  ) {
    const total = Object.values(r.scores).reduce((a, b) => a + b, 0);
    return {
      name: r.name,
      idCipher: crypto.encrypt(r.idNumber),
      idIndex,
      idMasked: maskResidentId(r.idNumber),
      sex: r.sex,
      schoolId,
      scores: JSON.stringify(r.scores),
      total: Math.round(total * 1e6) / 1e6,
      bonus: r.bonus,
      rowHash,
      importId,
    };
  }

  async function findImport(seasonId: string, contentHash: string) {
    const row = await db
      .selectFrom('enrollmentImport')
      .selectAll()
      .where('seasonId', '=', seasonId)
      .where('contentHash', '=', contentHash)
      .executeTakeFirst();
    return row
      ? {
          importId: row.id,
          rows: row.rows,
          created: row.created,
          updated: row.updated,
          unchanged: row.unchanged,
        }
      : null;
  }

  async function schoolsByCode(rows: CandidateRow[]) {
    const codes = [...new Set(rows.map((r) => r.schoolCode))];
    if (codes.length === 0) return new Map<string, string>();
    const units = await db
      .selectFrom('orgUnit')
      .select(['id', 'code', 'groups', 'type'])
      .where('code', 'in', codes)
      .execute();
    return new Map(
      units.filter((u) => u.type === 'school' && u.groups.includes('junior-high')).map((u) => [u.code, u.id]),
    );
  }

  /** Candidates the actor may see: all for the manager, else those of schools in the actor's scope. */
  async function listCandidates(actor: Actor, seasonId: string) {
    const season = await setup.loadSeason(actor, seasonId);
    let q = db
      .selectFrom('enrollmentCandidate as c')
      .innerJoin('orgUnit as o', 'o.id', 'c.schoolId')
      .select([
        'c.id',
        'c.examNumber',
        'c.name',
        'c.idMasked',
        'c.sex',
        'c.scores',
        'c.total',
        'c.bonus',
        'o.id as schoolId',
        'o.code as schoolCode',
        'o.name as schoolName',
      ])
      .where('c.seasonId', '=', season.id);
    if (!canManageSeason(actor, season)) {
      const ids = actor.scope.all ? null : actor.scope.orgUnitIds;
      if (ids) q = ids.length ? q.where('c.schoolId', 'in', ids) : q.where('c.id', 'is', null);
    }
    return (await q.orderBy('c.examNumber').execute()).map(candidateView);
  }

  return { template, importCandidates, listCandidates };
}

function rowProblem(
  row: number,
  field: string,
  code: string,
  message: string,
  messageEn: string,
): RowProblem {
  return { row, field, code, message, messageEn };
}

function importInvalid(problems: RowProblem[]): AppError {
  return new AppError(
    'ENROLLMENT_IMPORT_INVALID',
    400,
    problems.sort((a, b) => a.row - b.row),
  );
}

export type CandidatesService = ReturnType<typeof createCandidatesService>;

import { createHash } from 'node:crypto';
import { keepsVocationalRecords } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { checkImportFile, refuseImport } from '../../platform/files/import-refusal.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { findDistrictOf, listOrgUnitInfo } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import {
  checkRows,
  differences,
  existsProblem,
  IMPORT_REASON,
  importStatusReason,
  type CheckedRow,
} from './learner-import.plan.ts';
import { learnersByIdIndexes } from './learner-import.repository.ts';
import {
  buildLearnersTemplate,
  LEARNER_COLUMNS,
  readLearnersFile,
  type RowProblem,
} from './learners-file.ts';
import { mayManageSchool } from './learners.policy.ts';
import * as repo from './learners.repository.ts';

/*
 * The import of students enrolled before Zhijiao (学籍导入) from Excel into the signed-in clerk's
 * own school's register. All or nothing: any bad row and nothing is written, every problem listed
 * by row and column. Idempotent: a row whose ID number is already on the register with the same
 * data is skipped (the same file again changes nothing); with other data it is a problem. Writes
 * go in one transaction under the school's register lock, in multi-row statements of a bounded
 * size. The file is checked by the upload guard and never stored (it holds ID numbers in clear);
 * no ID number, name or file name goes into a log or an audit row.
 */

type ImportFile = { buffer: Buffer; filename: string };
/** Rows a multi-row insert writes at most (a learner has 19 columns: well under the 65,535 parameters). */
const INSERT_CHUNK = 1_000;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The school the actor imports into: its own unit, when that is a vocational school whose register
 * it keeps (a clerk of 区教育局 sees the schools but keeps none: 403).
 */
async function ownSchool(deps: ModuleDeps, actor: Actor) {
  const [unit] = await listOrgUnitInfo(deps.db, { ids: [actor.orgUnitId] });
  if (!unit || !keepsVocationalRecords(unit) || !mayManageSchool(actor, unit.id)) throw forbidden();
  const districtId = await findDistrictOf(deps.db, unit.id);
  if (!districtId) throw forbidden();
  return { id: unit.id, districtId };
}

/** Inserts the new learners and their history lines, chunk by chunk; answers their ids in order. */
async function insertNew(
  deps: ModuleDeps,
  trx: Executor,
  actor: Actor,
  school: { id: string; districtId: string },
  fresh: readonly CheckedRow[],
) {
  const now = deps.clock.now();
  const ids: string[] = [];
  for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
    const chunk = fresh.slice(i, i + INSERT_CHUNK);
    const chunkIds = await repo.insertLearners(
      trx,
      chunk.map((c) => ({
        schoolId: school.id,
        districtId: school.districtId,
        majorCode: c.r.majorCode,
        majorName: c.r.majorName,
        className: c.r.className,
        cohortYear: c.r.cohortYear,
        name: c.r.name,
        ...identityColumns(deps.crypto, c.idNumber, c.birthDate),
        sex: c.sex,
        status: c.r.status,
        statusSince: c.statusSince,
        source: 'import' as const,
        enrollmentRegistrationId: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await repo.insertStatusChanges(
      trx,
      chunk.flatMap((c, j) => {
        const line = { learnerId: chunkIds[j]!, changedBy: actor.userId, changedAt: now };
        const entry = {
          ...line,
          fromStatus: null,
          toStatus: 'enrolled' as const,
          changedOn: c.entryDate,
          reason: IMPORT_REASON,
        };
        if (c.r.status === 'enrolled') return [entry];
        const change = {
          ...line,
          fromStatus: 'enrolled' as const,
          toStatus: c.r.status,
          changedOn: c.statusSince,
          reason: importStatusReason(c),
        };
        return [entry, change];
      }),
    );
    ids.push(...chunkIds);
  }
  return ids;
}

/** Audits the refused import (how many problems, not what they quote) and throws LEARNER_IMPORT_INVALID. */
function refuse(deps: ModuleDeps, actor: Actor, input: ImportFile, problems: RowProblem[]) {
  // By row, then in the file's column order (the file's own problems first).
  const column = (field: string) => LEARNER_COLUMNS.findIndex(([, f]) => f === field);
  return refuseImport(deps, actor, {
    code: 'LEARNER_IMPORT_INVALID',
    action: 'learner.import',
    objectType: 'learner_import',
    details: { contentHash: sha256(input.buffer) },
    problems,
    order: (a, b) => a.row - b.row || column(a.field) - column(b.field),
  });
}

/**
 * Imports the register file into the actor's own school, or throws LEARNER_IMPORT_INVALID with
 * `[{ row, field, code, message, messageEn }]` (nothing written). Answers the counts.
 *
 * @example await importLearners(deps, clerk, { buffer, filename: '学籍.xlsx' }) // { rows: 120, created: 118, skipped: 2 }
 */
export async function importLearners(deps: ModuleDeps, actor: Actor, input: ImportFile) {
  const school = await ownSchool(deps, actor);
  checkImportFile(input, deps.config.uploadMaxBytes);
  const { rows, problems } = readLearnersFile(input.buffer);
  // A file-level problem (unreadable, header) stops here; row problems are listed with the rest.
  if (problems.some((p) => p.row <= 1)) return refuse(deps, actor, input, problems);
  const checked = checkRows(deps.crypto, rows, deps.clock.now(), problems);
  const outcome = await deps.transaction(async (trx) => {
    // One import (or 报到 cohort) at a time per school: the register's ID numbers are compared and
    // written as one step.
    await repo.lockSchoolRegister(trx, school.id);
    const registered = await learnersByIdIndexes(
      trx,
      school.id,
      checked.map((c) => c.idIndex),
    );
    const fresh: CheckedRow[] = [];
    for (const c of checked) {
      const old = registered.get(c.idIndex);
      if (!old) fresh.push(c);
      else {
        const fields = differences(c, old);
        if (fields.length > 0) problems.push(existsProblem(c, fields));
      }
    }
    if (problems.length > 0) return { refused: true as const };
    const ids = await insertNew(deps, trx, actor, school, fresh);
    const counts = { rows: rows.length, created: fresh.length, skipped: checked.length - fresh.length };
    // The audit rows last: the chain's lock is held from here to the commit, not through the inserts.
    await deps.audit.recordMany(trx, auditActorOf(actor), [
      ...ids.map((id) => ({
        action: 'learner.created',
        objectType: 'learner',
        objectId: id,
        details: { schoolId: school.id, source: 'import' },
      })),
      {
        action: 'learner.import',
        objectType: 'learner_import',
        objectId: null,
        details: { schoolId: school.id, contentHash: sha256(input.buffer), ...counts },
      },
    ]);
    return { refused: false as const, ...counts };
  });
  if (outcome.refused) return refuse(deps, actor, input, problems);
  const { refused: _refused, ...counts } = outcome;
  return counts;
}

/** The import template (.xlsx): the headings and one example row marked as such. */
export function importTemplate(_deps: ModuleDeps) {
  return buildLearnersTemplate();
}

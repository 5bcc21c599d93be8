import type { Transaction } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { checkImportFile, refuseImport } from '../../platform/files/import-refusal.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitsByCodes } from '../org/index.ts';
import { buildTemplate, readCandidateFile, type CandidateRow, type RowProblem } from './candidates-file.ts';
import * as repo from './candidates.repository.ts';
import {
  candidateValues,
  conflictsWithStored,
  planRows,
  sha256,
  unknownSchools,
  type PlannedRow,
} from './candidates.rules.ts';
import { candidateView } from './candidate-view.ts';
import { loadSeason } from './enrollment.loaders.ts';
import { canManageSeason } from './enrollment.policy.ts';
import { seasonWorkflow } from './season.workflow.ts';

/**
 * Candidates (考生) from the exam office's Excel file. The import is all-or-nothing: any bad row
 * and nothing is written, with every problem listed per row. The same file twice has one effect
 * (its content hash is remembered); within a new file, a row identical to the stored candidate
 * (same exam number, same content) changes nothing. ID numbers are stored only encrypted, with a
 * blind index for look-ups and a masked form for display; no answer ever carries one in clear.
 * The file itself is checked by the upload guard (type by magic bytes, zip-bomb limits) and never
 * kept on disk: it holds minors' ID numbers in clear.
 */

/** The season's blank import template (.xlsx). */
export async function template(deps: ModuleDeps, actor: Actor, seasonId: string) {
  const season = await loadSeason(deps.db, actor, seasonId);
  return {
    file: await buildTemplate(season.subjects),
    filename: `考生名单模板-${season.admissionYear}.xlsx`,
  };
}

/** Imports the file, or throws ENROLLMENT_IMPORT_INVALID with `[{ row, field, code, message, messageEn }]`. */
export async function importCandidates(
  deps: ModuleDeps,
  actor: Actor,
  seasonId: string,
  input: { buffer: Buffer; filename: string },
) {
  const season = await loadSeason(deps.db, actor, seasonId);
  seasonWorkflow.assert('setUp', actor, season);
  checkImportFile(input, deps.config.uploadMaxBytes);
  const contentHash = sha256(input.buffer);
  const previous = await repo.findImportByHash(deps.db, season.id, contentHash);
  if (previous) {
    const { id: importId, rows, created, updated, unchanged } = previous;
    return { importId, rows, created, updated, unchanged, repeated: true };
  }
  const { rows, problems } = readCandidateFile(input.buffer, season.subjects, deps.clock.now());
  const schools = await juniorHighsByCode(deps.db, rows);
  problems.push(...unknownSchools(rows, schools));
  const refuse = (problems: RowProblem[]) =>
    refuseImport(deps, actor, {
      code: 'ENROLLMENT_IMPORT_INVALID',
      action: 'enrollment.candidates.import',
      objectType: 'enrollment_import',
      details: { seasonId: season.id, fileName: input.filename.slice(0, 200) },
      problems,
    });
  if (problems.length > 0) return refuse(problems);
  const file = { seasonId: season.id, contentHash, filename: input.filename };
  const written = await deps.transaction((trx) =>
    writeImport(deps, trx, actor, file, planRows(rows, deps.crypto), schools),
  );
  if (written.refused) return refuse(written.refused);
  return written;
}

/** Candidates the actor may see: all for the manager, else those of schools in the actor's scope. */
export async function listCandidates(deps: ModuleDeps, actor: Actor, seasonId: string) {
  const season = await loadSeason(deps.db, actor, seasonId);
  const { scope } = actor;
  const schoolIds = canManageSeason(actor, season) || scope.all ? null : scope.orgUnitIds;
  const rows = await repo.listCandidates(deps.db, season.id, schoolIds);
  return rows.map(candidateView);
}

/** Junior high schools by code, of the codes the file names. */
async function juniorHighsByCode(db: Executor, rows: CandidateRow[]): Promise<Map<string, string>> {
  const units = await unitsByCodes(db, [...new Set(rows.map((r) => r.schoolCode))]);
  return new Map(
    [...units.values()]
      .filter((u) => u.type === 'school' && u.groups.includes('junior-high'))
      .map((u) => [u.code, u.id]),
  );
}

/**
 * Writes a checked file: creates and updates rows, or — when the file conflicts with the stored
 * candidates (read in this transaction) — writes nothing and answers the conflicts (`refused`).
 */
async function writeImport(
  deps: ModuleDeps,
  trx: Transaction<Database>,
  actor: Actor,
  file: { seasonId: string; contentHash: string; filename: string },
  plan: PlannedRow[],
  schools: ReadonlyMap<string, string>,
) {
  const { seasonId } = file;
  const existing = new Map((await repo.listCandidateKeys(trx, seasonId)).map((c) => [c.examNumber, c]));
  const late = conflictsWithStored(plan, existing, await repo.listPlacedCandidateIds(trx, seasonId));
  if (late.length > 0) return { refused: late };
  const importId = await repo.insertImport(trx, {
    seasonId,
    contentHash: file.contentHash,
    fileName: file.filename.slice(0, 200),
    rows: plan.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    importedBy: actor.userId,
    importedAt: deps.clock.now(),
  });
  const counts = await writeRows(deps, trx, { seasonId, importId }, plan, existing, schools);
  await repo.updateImportCounts(trx, importId, counts);
  await deps.audit.record(trx, auditActorOf(actor), {
    action: 'enrollment.candidates.import',
    objectType: 'enrollment_import',
    objectId: importId,
    details: { seasonId, rows: plan.length, ...counts },
  });
  return { importId, repeated: false, rows: plan.length, ...counts };
}

/** Creates the new candidates and updates the changed ones; counts what each row did. */
async function writeRows(
  deps: ModuleDeps,
  trx: Transaction<Database>,
  ids: { seasonId: string; importId: string },
  plan: PlannedRow[],
  existing: ReadonlyMap<string, { id: string; rowHash: string }>,
  schools: ReadonlyMap<string, string>,
) {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const fresh = [];
  for (const row of plan) {
    const old = existing.get(row.r.examNumber);
    if (old?.rowHash === row.rowHash) {
      counts.unchanged++;
      continue;
    }
    const values = candidateValues(deps.crypto, row, schools.get(row.r.schoolCode)!, ids.importId);
    if (old) {
      await repo.updateCandidate(trx, old.id, values);
      counts.updated++;
    } else {
      fresh.push({ ...values, seasonId: ids.seasonId, examNumber: row.r.examNumber });
      counts.created++;
    }
  }
  await repo.insertCandidates(trx, fresh);
  return counts;
}

import { createHash } from 'node:crypto';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import { checkImportFile, refuseImport } from '../../platform/files/import-refusal.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { mayRecordOutcomes } from './credit-bank.policy.ts';
import { findLearnersByIdIndexes } from './learners.repository.ts';
import {
  buildResultsTemplate,
  readResultsFile,
  type ResultRow,
  type RowProblem,
} from './outcome-import-file.ts';
import { outcomeColumns, outcomeInputProblems } from './outcome-input.ts';
import { findOutcomesByCertificates, insertOutcomes } from './outcomes.repository.ts';
import { findSittingsOfLearners, insertSittings, sittingKey } from './sittings.repository.ts';

/*
 * Import of 1+X certificate results (a 培训评价组织's results file) by a school's own clerk, for its
 * own learners. All or nothing: any bad row and nothing is written, every problem listed by row and
 * column (zh and en). Idempotent: the same file again (by content hash per importing unit) changes
 * nothing, and a certificate (培训评价组织 + 证书编号) already recorded for the learner is one
 * outcome, not two. Learners are matched by ID number through the register's blind index, never by
 * name. Each row is a sitting (考核记录: 合格 or 不合格, one per learner, certificate, level and day);
 * a pass also makes the certificate's outcome, a failure none. The file holds ID numbers in clear:
 * it is checked by the upload guard and never stored.
 * Every import, also a refused one, writes an audit row.
 */

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
type ImportFile = { buffer: Buffer; filename: string };
/** Keys a lookup query takes at most (each is one parameter). */
const CHUNK = 5000;
/** Outcomes inserted per statement (about 20 parameters each). */
const INSERT_CHUNK = 1000;

async function chunked<T, R>(items: readonly T[], size: number, run: (part: T[]) => Promise<R[]>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

type Learner = { id: string; districtId: string; majorCode: string };
type Planned = {
  r: ResultRow & { passed: true };
  learner: Learner;
  columns: ReturnType<typeof outcomeColumns>;
};
/** A sitting to write: a pass names its certificate (new, or already recorded and not yet sat). */
type PlannedSitting = {
  r: ResultRow;
  learner: Learner;
  title: string;
  issuer: string;
  certificateCode: string | null;
  /** The new certificate's row, or the id of the certificate already recorded. */
  outcome: Planned | { id: string } | null;
};

/** Whether an outcome already recorded is the row's certificate as the row describes it. */
const sameCertificate = (
  a: {
    learnerId: string;
    title: string;
    level: string | null;
    achievedOn: string;
    certificateCode: string | null;
  },
  b: Planned,
) =>
  a.learnerId === b.learner.id &&
  a.title === b.columns.title &&
  a.level === b.columns.level &&
  a.achievedOn === b.columns.achievedOn &&
  a.certificateCode === b.columns.certificateCode;

type Add = (row: number, field: string, code: string, message: string, messageEn: string) => void;

/**
 * Checks the passes' certificates against the outcomes recorded and each other: answers the new
 * ones and, per certificate key, the outcome already recorded for the row (unchanged).
 */
async function planCertificates(db: Executor, candidates: Planned[], add: Add) {
  const held = await chunked(candidates, CHUNK, (part) =>
    findOutcomesByCertificates(
      db,
      part.map((p) => ({ issuer: p.columns.issuer, numberKey: p.columns.numberKey! })),
    ),
  );
  const heldByKey = new Map(held.map((h) => [`${h.issuer}|${h.numberKey}`, h]));
  const inFile = new Map<string, Planned>();
  const fresh: Planned[] = [];
  const recorded = new Map<Planned, { id: string }>();
  let unchanged = 0;
  for (const p of candidates) {
    const key = `${p.columns.issuer}|${p.columns.numberKey}`;
    const first = inFile.get(key);
    const old = heldByKey.get(key);
    if (first) {
      if (sameCertificate({ ...first.columns, learnerId: first.learner.id }, p)) unchanged++;
      else
        add(
          p.r.row,
          'number',
          'DUPLICATE',
          `证书编号与第 ${first.r.row} 行相同，但内容不同`,
          `The certificate number repeats row ${first.r.row} with other details`,
        );
      continue;
    }
    inFile.set(key, p);
    if (!old) fresh.push(p);
    else if (sameCertificate(old, p)) {
      unchanged++;
      recorded.set(p, { id: old.id });
    } else if (old.learnerId !== p.learner.id)
      add(
        p.r.row,
        'number',
        'CERTIFICATE_OF_ANOTHER_LEARNER',
        `${p.columns.issuer} 的证书 ${p.columns.number} 已登记在另一名学习者名下`,
        `Certificate ${p.columns.number} of ${p.columns.issuer} is already recorded for another learner`,
      );
    else
      add(
        p.r.row,
        'number',
        'CERTIFICATE_RECORDED_OTHERWISE',
        `${p.columns.issuer} 的证书 ${p.columns.number} 已登记，但证书名称、代码、等级或日期不同`,
        `Certificate ${p.columns.number} of ${p.columns.issuer} is already recorded with another name, code, level or date`,
      );
  }
  return { fresh, unchanged, recorded, firstInFile: new Set(inFile.values()) };
}

/**
 * Checks the sittings (one per row) against those recorded and each other: the same sitting twice
 * is one; the same learner, certificate, level and day with another result is refused. Answers the
 * sittings to write.
 */
async function planSittings(
  db: Executor,
  sittings: PlannedSitting[],
  certificates: Awaited<ReturnType<typeof planCertificates>>,
  add: Add,
) {
  const learnerIds = [...new Set(sittings.map((s) => s.learner.id))];
  const held = await chunked(learnerIds, CHUNK, (part) => findSittingsOfLearners(db, part));
  const heldByKey = new Map(held.map((h) => [sittingKey(h), h]));
  const sat = new Set(held.flatMap((h) => (h.outcomeId ? [h.outcomeId] : [])));
  const inFile = new Map<string, PlannedSitting>();
  const fresh: PlannedSitting[] = [];
  for (const s of sittings) {
    const key = sittingKey({
      learnerId: s.learner.id,
      issuer: s.issuer,
      certificateName: s.title,
      level: s.r.level,
      examOn: s.r.examOn,
    });
    const other = inFile.get(key) ?? heldByKey.get(key);
    if (other && ('r' in other ? other.r.passed : other.passed) !== s.r.passed) {
      const where = 'r' in other ? `第 ${other.r.row} 行` : '已登记的考核记录';
      const whereEn = 'r' in other ? `row ${other.r.row}` : 'the sitting already recorded';
      add(
        s.r.row,
        'result',
        'SITTING_RESULT_CONFLICT',
        `同一学生同一天同一证书同一等级的考核，${where}的考核结果不同`,
        `The same learner’s sitting of this certificate and level on this day has another result in ${whereEn}`,
      );
      continue;
    }
    if (other) continue;
    inFile.set(key, s);
    if (!s.r.passed) fresh.push(s);
    else {
      const p = s.outcome as Planned;
      // Only the row that carries its certificate writes the sitting; a certificate already sat is unchanged.
      if (!certificates.firstInFile.has(p)) continue;
      const recorded = certificates.recorded.get(p);
      if (recorded && sat.has(recorded.id)) continue;
      fresh.push({ ...s, outcome: recorded ?? p });
    }
  }
  return fresh;
}

/**
 * Checks parsed rows against the register, the outcomes and sittings recorded and each other,
 * adding every problem to `problems`; answers the certificates and sittings to write and how many
 * certificates were already there.
 */
async function planImport(
  deps: ModuleDeps,
  db: Executor,
  actor: Actor,
  rows: ResultRow[],
  problems: RowProblem[],
) {
  const add: Add = (row, field, code, message, messageEn) =>
    problems.push({ row, field, code, message, messageEn });
  const now = deps.clock.now();
  const today = chinaDate(now);
  const ids = rows.map((r) => {
    const id = validateResidentId(r.idNumber, now);
    if (!id.ok) {
      add(r.row, 'idNumber', id.code, `身份证号有误：${id.zh}`, `The ID number is not valid: ${id.en}`);
      return null;
    }
    return deps.crypto.blindIndex(id.normalized);
  });
  const indexes = [...new Set(ids.filter((x): x is string => x !== null))];
  const learners = new Map(
    (await chunked(indexes, CHUNK, (part) => findLearnersByIdIndexes(db, actor.orgUnitId, part))).map((l) => [
      l.idIndex,
      l,
    ]),
  );
  const candidates: Planned[] = [];
  const sittings: PlannedSitting[] = [];
  rows.forEach((r, i) => {
    const index = ids[i];
    const learner = index ? learners.get(index) : undefined;
    if (index && !learner)
      add(
        r.row,
        'idNumber',
        'LEARNER_UNKNOWN',
        '该身份证号不在本校学籍中',
        'No learner with this ID number on your school’s register',
      );
    const rowProblems = r.passed ? outcomeInputProblems({ ...r, type: 'one_plus_x_certificate' }, today) : [];
    // A pass's day defaults to its issue date, whose check has already spoken.
    if (r.examOn > today && !(r.passed && r.examOn === r.achievedOn))
      rowProblems.push({
        field: 'examOn',
        code: 'DATE_IN_FUTURE',
        message: `考核日期 ${r.examOn} 晚于今天（${today}）`,
        messageEn: `The day of the assessment, ${r.examOn}, is after today (${today})`,
      });
    for (const p of rowProblems) add(r.row, p.field, p.code, p.message, p.messageEn);
    if (!learner || rowProblems.length > 0) return;
    const sitting = {
      r,
      learner,
      title: r.title.trim(),
      issuer: r.issuer.trim(),
      certificateCode: r.certificateCode?.trim() || null,
    };
    if (!r.passed) return sittings.push({ ...sitting, outcome: null });
    const planned: Planned = {
      r,
      learner,
      columns: outcomeColumns({ ...r, type: 'one_plus_x_certificate' }),
    };
    candidates.push(planned);
    sittings.push({ ...sitting, outcome: planned });
  });
  const certificates = await planCertificates(db, candidates, add);
  const fresh = await planSittings(db, sittings, certificates, add);
  const passed = rows.filter((r) => r.passed).length;
  return {
    fresh: certificates.fresh,
    unchanged: certificates.unchanged,
    sittings: fresh,
    passed,
    failed: rows.length - passed,
  };
}

/**
 * Writes a checked file in one transaction: the import row, the new outcomes (待认定), the
 * sittings (each pass with its certificate), the audit row.
 */
async function writeImport(
  deps: ModuleDeps,
  actor: Actor,
  input: ImportFile,
  rows: number,
  plan: Awaited<ReturnType<typeof planImport>>,
) {
  return deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const fileName = input.filename.slice(0, 200);
    const { id: importId } = await trx
      .insertInto('outcomeImport')
      .values({
        orgUnitId: actor.orgUnitId,
        contentHash: sha256(input.buffer),
        fileName,
        rows,
        created: plan.fresh.length,
        unchanged: plan.unchanged,
        passed: plan.passed,
        failed: plan.failed,
        importedBy: actor.userId,
        importedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const outcomeIds = new Map<Planned, string>();
    await chunked(plan.fresh, INSERT_CHUNK, async (part) => {
      const ids = await insertOutcomes(
        trx,
        part.map((p) => ({
          ...p.columns,
          learnerId: p.learner.id,
          schoolId: actor.orgUnitId,
          districtId: p.learner.districtId,
          source: 'import' as const,
          importId,
          status: 'pending' as const,
          recordedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })),
      );
      part.forEach((p, i) => outcomeIds.set(p, ids[i]!));
      return ids;
    });
    await chunked(plan.sittings, INSERT_CHUNK, async (part) => {
      await insertSittings(
        trx,
        part.map((s) => ({
          learnerId: s.learner.id,
          schoolId: actor.orgUnitId,
          districtId: s.learner.districtId,
          majorCode: s.learner.majorCode,
          certificateCode: s.certificateCode,
          certificateName: s.title,
          level: s.r.level,
          issuer: s.issuer,
          examOn: s.r.examOn,
          passed: s.r.passed,
          outcomeId:
            s.outcome === null ? null : 'id' in s.outcome ? s.outcome.id : outcomeIds.get(s.outcome)!,
          importId,
          recordedAt: now,
        })),
      );
      return [];
    });
    const counts = {
      rows,
      created: plan.fresh.length,
      unchanged: plan.unchanged,
      passed: plan.passed,
      failed: plan.failed,
    };
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'learning_outcome.import',
      objectType: 'outcome_import',
      objectId: importId,
      details: { fileName, schoolId: actor.orgUnitId, ...counts, sittings: plan.sittings.length },
    });
    return { importId, repeated: false, ...counts };
  });
}

/** Audits the refused import and throws OUTCOME_IMPORT_INVALID with the problems by row. */
function refuse(deps: ModuleDeps, actor: Actor, filename: string, problems: RowProblem[]) {
  return refuseImport(deps, actor, {
    code: 'OUTCOME_IMPORT_INVALID',
    action: 'learning_outcome.import',
    objectType: 'outcome_import',
    details: { fileName: filename.slice(0, 200) },
    problems,
  });
}

/**
 * Imports a 1+X results file for the clerk's own school, or throws OUTCOME_IMPORT_INVALID with
 * `[{ row, field, code, message, messageEn }]`. Only a school's own register keeper (403).
 *
 * @example await importCertificateResults(deps, clerk, { buffer, filename: '1+X 结果.xlsx' }) // { importId, repeated: false, rows: 2, created: 2, unchanged: 0, passed: 2, failed: 0 }
 */
export async function importCertificateResults(deps: ModuleDeps, actor: Actor, input: ImportFile) {
  if (!mayRecordOutcomes(actor, actor.orgUnitId)) throw forbidden();
  checkImportFile(input, deps.config.uploadMaxBytes);
  const previous = await deps.db
    .selectFrom('outcomeImport')
    .selectAll()
    .where('orgUnitId', '=', actor.orgUnitId)
    .where('contentHash', '=', sha256(input.buffer))
    .executeTakeFirst();
  if (previous) {
    const { id: importId, rows, created, unchanged, passed, failed } = previous;
    return { importId, repeated: true, rows, created, unchanged, passed, failed };
  }
  const { rows, problems } = readResultsFile(input.buffer);
  if (problems.some((p) => p.row <= 1)) return refuse(deps, actor, input.filename, problems);
  const plan = await planImport(deps, deps.db, actor, rows, problems);
  if (problems.length > 0) return refuse(deps, actor, input.filename, problems);
  return writeImport(deps, actor, input, rows.length, plan);
}

/** The blank results template (.xlsx). */
export function certificateResultsTemplate(_deps: ModuleDeps) {
  return buildResultsTemplate();
}

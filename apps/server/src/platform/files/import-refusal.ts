import type { ErrorCode } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Transact } from '../db/transactions.ts';
import { AppError } from '../errors/app-error.ts';
import { checkUpload, IMPORT_KINDS } from './file-guard.ts';

/*
 * The refusals every spreadsheet import shares (teachers, enterprises, learners, 1+X results): the
 * upload guard's verdict on the file, and an all-or-nothing refusal that lists the problems by row
 * — a person-sized list — after auditing that the import was refused.
 */

/** One problem of an import: the row (1-based, as the spreadsheet shows it), the column's field, zh and en. */
export interface ImportRowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** Problems listed in a refused import's answer at most (the rest are counted). */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Refuses a file the upload guard rejects (not an xlsx, too large, a zip bomb): 413 for the size,
 * else 400, the guard's reason on the field `file` in zh and en.
 */
export function checkImportFile(input: { buffer: Buffer; filename: string }, maxBytes: number): void {
  const check = checkUpload({
    buffer: input.buffer,
    declaredName: input.filename,
    allowed: IMPORT_KINDS,
    maxBytes,
  });
  if (check.ok) return;
  const code = check.code.startsWith('ZIP_') ? 'FILE_REJECTED' : check.code;
  throw new AppError(code as 'FILE_REJECTED', code === 'FILE_TOO_LARGE' ? 413 : 400, [
    { field: 'file', code: check.code, message: check.zh, messageEn: check.en },
  ]);
}

/**
 * The problems in `order` (by row unless told), the first `max` of them and a last line counting
 * the rest: a file wrong on every row of 60,000 answers a list a person can read, not megabytes.
 */
export function listProblems(
  problems: readonly ImportRowProblem[],
  order: (a: ImportRowProblem, b: ImportRowProblem) => number = (a, b) => a.row - b.row,
  max = MAX_LISTED_PROBLEMS,
): ImportRowProblem[] {
  const sorted = [...problems].sort(order);
  const listed = sorted.slice(0, max);
  if (sorted.length > max)
    listed.push({
      row: sorted[max]!.row,
      field: 'file',
      code: 'MORE_PROBLEMS',
      message: `另有 ${sorted.length - max} 处问题未列出，请先改正以上问题后再导入`,
      messageEn: `${sorted.length - max} more problems are not listed: correct those above and import again`,
    });
  return listed;
}

/**
 * Audits a refused import (`result: 'failure'`, with `details` — counts and the file's name or
 * hash, never a row's content) in a transaction of its own, then throws `code` (400) with the
 * problems as `listProblems` lists them.
 *
 * @example await refuseImport(deps, actor, { code: 'TEACHER_IMPORT_INVALID', action: 'teacher.import', objectType: 'teacher_import', details: { fileName }, problems })
 */
export async function refuseImport(
  deps: { transaction: Transact; audit: AuditLog },
  actor: Actor,
  refusal: {
    code: ErrorCode;
    action: string;
    objectType: string;
    details: Record<string, unknown>;
    problems: readonly ImportRowProblem[];
    order?: (a: ImportRowProblem, b: ImportRowProblem) => number;
  },
): Promise<never> {
  await deps.transaction(
    (trx) =>
      deps.audit.record(trx, auditActorOf(actor), {
        action: refusal.action,
        objectType: refusal.objectType,
        objectId: null,
        result: 'failure',
        details: { ...refusal.details, problems: refusal.problems.length },
      }),
    { records: false },
  );
  throw new AppError(refusal.code, 400, listProblems(refusal.problems, refusal.order));
}

import type { Executor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { findStoredFiles, mayAttach, type StoredFileRef } from './files.repository.ts';

/** A named file the actor may not attach: `FILE_UNKNOWN` on its field, in Chinese and English. */
export function unknownFileProblem(field: string) {
  return {
    field,
    code: 'FILE_UNKNOWN',
    message: '附件不存在，或不是您上传的',
    messageEn: 'Unknown file, or not uploaded by you',
  };
}

/** The problems of `fileIds` against `mayAttach` (one per refused file), from files already read. */
export function evidenceProblems(
  files: ReadonlyMap<string, StoredFileRef>,
  actor: { userId: string; orgUnitId: string },
  fileIds: readonly string[],
  opts: { field?: (index: number) => string; attached?: Iterable<string> } = {},
) {
  const attached = new Set(opts.attached ?? []);
  const field = opts.field ?? ((i: number) => `fileIds.${i}`);
  return fileIds.flatMap((id, i) =>
    mayAttach(files.get(id), actor, attached) ? [] : [unknownFileProblem(field(i))],
  );
}

/**
 * Refuses (400, naming each field) evidence the actor may not attach: each file must be the
 * actor's own upload or already attached to the record being changed (`attached`).
 *
 * @example await checkEvidenceFiles(trx, actor, input.fileIds, { attached: current.fileIds })
 */
export async function checkEvidenceFiles(
  db: Executor,
  actor: { userId: string; orgUnitId: string },
  fileIds: readonly string[],
  opts: { field?: (index: number) => string; attached?: Iterable<string> } = {},
): Promise<void> {
  if (fileIds.length === 0) return;
  const problems = evidenceProblems(await findStoredFiles(db, fileIds), actor, fileIds, opts);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
}

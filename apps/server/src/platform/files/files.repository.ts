import type { Executor } from '../db/database.ts';

/** What a module may read of a stored file: its name, size, type and owning unit. */
export interface StoredFileRef {
  id: string;
  name: string;
  sizeBytes: number;
  mime: string;
  /** The unit of the user who uploaded it (evidence must be the acting unit's own file). */
  orgUnitId: string;
  /** The account that uploaded it: the only one that may attach it to a record first. */
  uploadedBy: string;
  createdAt: Date;
}

/**
 * Whether the actor may name this file as a record's evidence: a file the actor uploaded, or one
 * already attached to that record (kept when a colleague edits it). Anything else, a colleague's
 * upload not yet attached included, is not theirs to pass on: attaching it would let the actor and
 * the record's readers download it (files are readable through the records they are attached to).
 */
export function mayAttach(
  file: StoredFileRef | undefined,
  actor: { userId: string; orgUnitId: string },
  attached: ReadonlySet<string> = new Set(),
): boolean {
  if (!file || file.orgUnitId !== actor.orgUnitId) return false;
  return file.uploadedBy === actor.userId || attached.has(file.id);
}

/**
 * Stored files by id, for listing evidence and checking it belongs to the acting unit. Missing
 * ids are absent from the map.
 *
 * @example
 * const files = await findStoredFiles(trx, input.fileIds);
 * const refused = input.fileIds.filter((id) => !mayAttach(files.get(id), actor, attachedNow));
 */
export async function findStoredFiles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, StoredFileRef>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('storedFile')
    .select(['id', 'originalName as name', 'sizeBytes', 'mime', 'orgUnitId', 'uploadedBy', 'createdAt'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The ids of stored files whose name contains `pattern` (a `containsPattern` LIKE pattern,
 * case-insensitive), as a subquery a module joins into its own query of the files its records
 * hold: the matching runs in SQL, however many files the scope has.
 *
 * @example q.where('f.fileId', 'in', storedFileIdsNamed(db, containsPattern('方案')))
 */
export function storedFileIdsNamed(db: Executor, pattern: string) {
  return db.selectFrom('storedFile').select('storedFile.id').where('originalName', 'ilike', pattern);
}

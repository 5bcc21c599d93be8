import type { Executor } from '../db/database.ts';

/** What a module may read of a stored file: its name, size, type and owning unit. */
export interface StoredFileRef {
  id: string;
  name: string;
  sizeBytes: number;
  mime: string;
  /** The unit of the user who uploaded it (evidence must be the acting unit's own file). */
  orgUnitId: string;
  createdAt: Date;
}

/**
 * Stored files by id, for listing evidence and checking it belongs to the acting unit. Missing
 * ids are absent from the map.
 *
 * @example
 * const files = await findStoredFiles(trx, input.fileIds);
 * const foreign = input.fileIds.filter((id) => files.get(id)?.orgUnitId !== actor.orgUnitId);
 */
export async function findStoredFiles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, StoredFileRef>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('storedFile')
    .select(['id', 'originalName as name', 'sizeBytes', 'mime', 'orgUnitId', 'createdAt'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

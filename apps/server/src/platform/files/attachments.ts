import type { Permission } from '@zhijiao/contracts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';

/**
 * How a module answers for the files attached to one kind of its records (a progress report's
 * evidence, a project's documents …): the read permission of that kind of record, and the record
 * with the file attached that the actor may read, as the record's own read decides.
 */
export interface AttachmentOwner {
  /** What a reader needs to read this kind of record at all (the coarse permission of its GET). */
  permission: Permission;
  /** The id of a record of this kind that has `fileId` attached and that `actor` may read, or null. */
  readableRecord(actor: Actor, fileId: string): Promise<string | null>;
}

/** The record a download was allowed through (written to its audit row). */
export interface AttachedRecord {
  type: string;
  id: string;
}

/**
 * Which modules own which attachments: every module registers an `AttachmentOwner` per kind of
 * record it attaches files to (`attachments` in `defineModule`). A stored file is readable exactly
 * when one record it is attached to is readable; the file route asks here, and never decides by the
 * uploader's org unit alone (a district-wide role sees every unit, not every module's records).
 */
export class AttachmentOwners {
  private readonly owners = new Map<string, AttachmentOwner>();

  register(recordType: string, owner: AttachmentOwner): void {
    if (this.owners.has(recordType)) throw new Error(`Attachments of ${recordType} are already registered`);
    this.owners.set(recordType, owner);
  }

  /** The permissions any owner reads with: without one of them no attachment is readable. */
  permissions(): Permission[] {
    return [...new Set([...this.owners.values()].map((o) => o.permission))];
  }

  /**
   * A record the file is attached to that the actor may read (owners asked in registration order,
   * only those whose permission the actor holds), or null.
   */
  async readableRecord(actor: Actor, fileId: string): Promise<AttachedRecord | null> {
    for (const [type, owner] of this.owners) {
      if (!actor.permissions.has(owner.permission)) continue;
      const id = await owner.readableRecord(actor, fileId);
      if (id) return { type, id };
    }
    return null;
  }
}

/**
 * The first of `ids` that `load` finds visible, for an owner built on a module's own loader (which
 * throws NOT_FOUND for a record the actor may not see): the attachment rule is then the record's
 * read rule itself, not a copy of it.
 *
 * @example firstReadable(ids, (id) => loadOrder(db, actor, id))
 */
export async function firstReadable(
  ids: readonly string[],
  load: (id: string) => Promise<unknown>,
): Promise<string | null> {
  for (const id of ids) {
    try {
      await load(id);
      return id;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return null;
}

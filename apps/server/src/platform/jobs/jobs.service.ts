import type { Permission } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { can, inScope, type Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.types.ts';
import { notFound } from '../errors/app-error.ts';
import { findJobById } from './jobs.repository.ts';

/**
 * Reading jobs: a job is visible to the user who started it and to anyone whose scope holds the
 * unit it was started for and who holds its kind's permission (`permissionFor`, from the job
 * runner; a kind without one is visible to its owner only); anyone else gets 404, as if it did
 * not exist.
 */
export function createJobsService(deps: {
  db: Kysely<Database>;
  permissionFor?: (kind: string) => Permission | null;
}) {
  const { db } = deps;
  const permissionFor = deps.permissionFor ?? (() => null);

  /** One job with its state, progress and result or error. */
  async function getJob(actor: Actor, id: string) {
    const row = await findJobById(db, id);
    if (!row) throw notFound();
    const permission = permissionFor(row.kind);
    const visible =
      row.ownerId === actor.userId ||
      (row.orgUnitId !== null &&
        inScope(actor, row.orgUnitId) &&
        permission !== null &&
        can(actor, permission));
    if (!visible) throw notFound();
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      progress: row.progress,
      result: row.result ?? null,
      error: row.error,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
    };
  }

  return { getJob };
}

export type JobsService = ReturnType<typeof createJobsService>;

import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findCandidate } from './candidates.repository.ts';
import { canManageSeason, canSeeCandidate, canSeeSeason } from './enrollment.policy.ts';
import { findBatch, findSeason } from './enrollment.repository.ts';
import { findRun } from './runs.repository.ts';

/** The records use cases start from, loaded for an actor: 404 for whatever the actor may not see. */

/** A season the actor may see. */
export async function loadSeason(db: Executor, actor: Actor, id: string) {
  const season = await findSeason(db, id);
  if (!season || !canSeeSeason(actor, season)) throw notFound();
  return season;
}

/** A candidate the actor may see (招生办, or the candidate's junior high). */
export async function loadCandidate(db: Executor, actor: Actor, id: string) {
  const candidate = await findCandidate(db, id);
  if (!candidate || !canSeeCandidate(actor, candidate, candidate)) throw notFound();
  return candidate;
}

/** A batch of a season the actor manages (runs and what-ifs are 招生办's only). */
export async function loadManagedBatch(db: Executor, actor: Actor, batchId: string) {
  const batch = await findBatch(db, batchId);
  if (!batch || !canManageSeason(actor, batch)) throw notFound();
  return batch;
}

/** A run with its batch, for 招生办 of the season's district. */
export async function loadRun(db: Executor, actor: Actor, runId: string) {
  const run = await findRun(db, runId);
  if (!run) throw notFound();
  const batch = await loadManagedBatch(db, actor, run.batchId);
  return { run, batch };
}

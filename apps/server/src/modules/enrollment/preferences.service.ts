import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import * as candidates from './candidates.repository.ts';
import { candidateView } from './candidate-view.ts';
import { loadCandidate } from './enrollment.loaders.ts';
import * as repo from './enrollment.repository.ts';
import type { PreferencesBody } from './enrollment.schema.ts';
import { checkChoices, checkWindowOpen } from './preferences.rules.ts';
import { batchPreferences } from './preferences.view.ts';
import { findPlacement } from './runs.repository.ts';
import { seasonAllows, seasonWorkflow } from './season.workflow.ts';

/**
 * Preferences (志愿): a candidate's ordered choices per batch, filled by the clerk of the
 * candidate's junior high school while the batch's window is open. They can change until the
 * window closes, then they are locked (409 ENROLLMENT_WINDOW_CLOSED). Every change is kept in the
 * history table (who, when, old, new) and audited.
 */

type Candidate = Awaited<ReturnType<typeof loadCandidate>>;

/** Replaces the candidate's choices in one batch; answers all the candidate's choices as now. */
export async function setPreferences(
  deps: ModuleDeps,
  actor: Actor,
  candidateId: string,
  input: Static<typeof PreferencesBody>,
) {
  const c = await loadCandidate(deps.db, actor, candidateId);
  seasonWorkflow.assert('fillPreferences', actor, { ...c, state: c.seasonState });
  const batch = await repo.findBatch(deps.db, input.batchId);
  if (!batch || batch.seasonId !== c.seasonId) throw notFound();
  const now = deps.clock.now();
  checkWindowOpen(batch, now);
  if (await findPlacement(deps.db, c.id)) throw new AppError('ENROLLMENT_CANDIDATE_PLACED', 409);
  checkChoices(input.choices, batch, await repo.listPrograms(deps.db, { batchId: batch.id }));
  await deps.transaction(async (trx) => {
    const old = await candidates.findPreferenceForUpdate(trx, c.id, batch.id);
    if (old && JSON.stringify(old.choices) === JSON.stringify(input.choices)) return;
    await candidates.savePreference(trx, {
      candidateId: c.id,
      batchId: batch.id,
      old: old?.choices ?? null,
      choices: input.choices,
      by: actor.userId,
      at: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.preferences.set',
      objectType: 'enrollment_candidate',
      objectId: c.id,
      details: { batchId: batch.id, old: old?.choices ?? null, new: input.choices },
    });
  });
  return preferencesOf(deps, actor, c);
}

/** The candidate's choices in every batch of the season, with their history and lock state. */
export async function getPreferences(deps: ModuleDeps, actor: Actor, candidateId: string) {
  return preferencesOf(deps, actor, await loadCandidate(deps.db, actor, candidateId));
}

async function preferencesOf(deps: ModuleDeps, actor: Actor, c: Candidate) {
  const { db } = deps;
  const [batches, programs, current, history] = await Promise.all([
    repo.listBatches(db, c.seasonId),
    repo.listPrograms(db, { seasonId: c.seasonId }),
    candidates.listPreferencesOfCandidate(db, c.id),
    candidates.listPreferenceChanges(db, c.id),
  ]);
  const subject = { ...c, state: c.seasonState };
  return {
    candidate: candidateView(c),
    batches: batchPreferences({
      batches,
      programs: new Map(programs.map((p) => [p.id, p])),
      current,
      history,
      users: await findUserRefs(
        db,
        history.map((h) => h.changedBy),
      ),
      seasonOpen: seasonAllows('fillPreferences', c.seasonState),
      now: deps.clock.now(),
    }),
    abilities: { edit: seasonWorkflow.can('fillPreferences', actor, subject) },
  };
}

import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { loadSeason } from './enrollment.loaders.ts';
import { canManageSeason, canSeeSeason } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';
import type { BatchInput, ProgramInput, SeasonInput } from './enrollment.schema.ts';
import { validateProgram } from './program-rules.ts';
import { seasonWorkflow } from './season.workflow.ts';
import { checkBatchInput, checkReadyToOpen, checkSeasonInput, seasonExists } from './setup.rules.ts';
import { seasonDetail, seasonSummary } from './setup.view.ts';

/**
 * Season set-up (招生办): the admission year with its subjects and tie-break order, batches with
 * their preference windows, programs with quotas, conditions and reserved seats. A batch or a
 * program can be added only before that batch's window opens, so nobody's choices change under
 * them. Every change is audited in its transaction.
 */

/** Seasons of the actor's district, newest year first. */
export async function listSeasons(deps: ModuleDeps, actor: Actor) {
  const visible = (await repo.listSeasons(deps.db)).filter((s) => canSeeSeason(actor, s));
  const schools = await repo.listSeasonSchools(
    deps.db,
    visible.map((s) => s.id),
  );
  return visible.map((s) => seasonSummary(actor, s, schools.get(s.id)!));
}

/** A season with its batches (window state now) and programs, and what the actor may do. */
export async function getSeason(deps: ModuleDeps, actor: Actor, id: string) {
  const season = await loadSeason(deps.db, actor, id);
  const [batches, programs, published, schools] = await Promise.all([
    repo.listBatches(deps.db, season.id),
    repo.listPrograms(deps.db, { seasonId: season.id }),
    repo.listPublishedBatchIds(deps.db, season.id),
    repo.listSeasonSchools(deps.db, [season.id]),
  ]);
  return seasonDetail(actor, season, {
    batches,
    programs,
    published,
    schools: schools.get(season.id)!,
    now: deps.clock.now(),
  });
}

/** Creates the season of an admission year in the actor's district. */
export async function createSeason(deps: ModuleDeps, actor: Actor, input: SeasonInput) {
  const districtId = actor.districtId;
  if (!districtId || !canManageSeason(actor, { districtId })) throw forbidden();
  checkSeasonInput(input);
  const id = await deps.transaction(async (trx) => {
    if (await repo.findSeasonOfYear(trx, districtId, input.admissionYear))
      throw seasonExists(input.admissionYear);
    const now = deps.clock.now();
    const id = await repo.insertSeason(trx, {
      districtId,
      admissionYear: input.admissionYear,
      name: input.name.trim(),
      subjects: JSON.stringify(input.subjects),
      tieBreak: JSON.stringify(input.tieBreak),
      state: 'setup',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.season.create',
      objectType: 'enrollment_season',
      objectId: id,
      details: { admissionYear: input.admissionYear },
    });
    return id;
  });
  return getSeason(deps, actor, id);
}

/** Adds a batch; its window must lie ahead and its position be free. */
export async function addBatch(deps: ModuleDeps, actor: Actor, seasonId: string, input: BatchInput) {
  const season = await loadSeason(deps.db, actor, seasonId);
  seasonWorkflow.assert('setUp', actor, season);
  const window = checkBatchInput(input, await repo.listBatches(deps.db, season.id), deps.clock.now());
  await deps.transaction(async (trx) => {
    const id = await repo.insertBatch(trx, {
      seasonId: season.id,
      code: input.code,
      name: input.name.trim(),
      position: input.position,
      ...window,
      maxChoices: input.maxChoices,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.batch.create',
      objectType: 'enrollment_batch',
      objectId: id,
      details: { seasonId: season.id, code: input.code },
    });
  });
  return getSeason(deps, actor, season.id);
}

/** Adds a program to a batch whose window has not opened yet. */
export async function addProgram(deps: ModuleDeps, actor: Actor, seasonId: string, input: ProgramInput) {
  const season = await loadSeason(deps.db, actor, seasonId);
  seasonWorkflow.assert('setUp', actor, season);
  const checked = await validateProgram(deps.db, input, {
    batches: await repo.listBatches(deps.db, season.id),
    existing: await repo.listPrograms(deps.db, { seasonId: season.id }),
    now: deps.clock.now(),
  });
  await deps.transaction(async (trx) => {
    const id = await repo.insertProgram(trx, {
      seasonId: season.id,
      batchId: input.batchId,
      code: input.code,
      name: input.name.trim(),
      schoolId: checked.schoolId,
      track: input.track,
      quota: input.quota,
      minScore: input.minScore ?? null,
      requires: JSON.stringify(input.requires ?? {}),
      reserved: JSON.stringify(checked.reserved),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.program.create',
      objectType: 'enrollment_program',
      objectId: id,
      details: { seasonId: season.id, code: input.code, quota: input.quota },
    });
  });
  return getSeason(deps, actor, season.id);
}

/** setup → open (needs a batch and a program), open → closed. */
export async function changeState(deps: ModuleDeps, actor: Actor, seasonId: string, to: 'open' | 'closed') {
  const season = await loadSeason(deps.db, actor, seasonId);
  const step = to === 'open' ? 'open' : 'close';
  seasonWorkflow.assert(step, actor, season);
  if (step === 'open') {
    const [batches, programs] = await Promise.all([
      repo.listBatches(deps.db, season.id),
      repo.listPrograms(deps.db, { seasonId: season.id }),
    ]);
    checkReadyToOpen(batches.length, programs.length);
  }
  await deps.transaction((trx) => seasonWorkflow.apply(deps, trx, step, actor, season));
  return getSeason(deps, actor, season.id);
}

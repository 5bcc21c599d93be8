import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { candidateView } from './candidate-view.ts';
import { canFillPreferences, canSeeCandidate } from './enrollment.policy.ts';
import { Problems } from './enrollment.problems.ts';
import * as repo from './enrollment.repository.ts';

/**
 * Preferences (志愿): a candidate's ordered choices per batch, filled by the clerk of the
 * candidate's junior high school while the batch's window is open. They can change until the
 * window closes, then they are locked (409 ENROLLMENT_WINDOW_CLOSED). Every change is kept in the
 * history table (who, when, old, new) and audited.
 */
export function createPreferencesService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function loadCandidate(actor: Actor, id: string) {
    const c = await repo.findCandidate(db, id);
    if (!c || !canSeeCandidate(actor, c, c)) throw notFound();
    return c;
  }

  /** Replaces the candidate's choices in one batch. */
  async function setPreferences(
    actor: Actor,
    candidateId: string,
    input: { batchId: string; choices: string[] },
  ) {
    const c = await loadCandidate(actor, candidateId);
    if (!canFillPreferences(actor, c)) throw forbidden();
    const batch = await repo.findBatch(db, input.batchId);
    if (!batch || batch.seasonId !== c.seasonId) throw notFound();
    if (c.seasonState !== 'open') throw new AppError('ENROLLMENT_SEASON_STATE', 409);
    const now = clock.now();
    if (now < batch.opensAt) throw new AppError('ENROLLMENT_WINDOW_NOT_OPEN', 409);
    if (now >= batch.closesAt) throw new AppError('ENROLLMENT_WINDOW_CLOSED', 409);
    if (await repo.findPlacement(db, c.id)) throw new AppError('ENROLLMENT_CANDIDATE_PLACED', 409);
    const programs = await repo.listPrograms(db, { batchId: batch.id });
    const p = new Problems();
    if (input.choices.length > batch.maxChoices)
      p.add(
        'choices',
        'TOO_MANY_CHOICES',
        `本批次最多填报 ${batch.maxChoices} 个志愿`,
        `At most ${batch.maxChoices} choices in this batch`,
      );
    input.choices.forEach((id, i) => {
      if (!programs.some((pr) => pr.id === id))
        p.add(
          `choices.${i}`,
          'PROGRAM_NOT_IN_BATCH',
          '该招生计划不属于本批次',
          'The program is not offered in this batch',
        );
      else if (input.choices.indexOf(id) !== i)
        p.add(`choices.${i}`, 'DUPLICATE', '同一志愿不能重复填报', 'A program is listed twice');
    });
    p.throwIfAny();
    await db.transaction().execute(async (trx) => {
      const old = await trx
        .selectFrom('enrollmentPreference')
        .select('choices')
        .where('candidateId', '=', c.id)
        .where('batchId', '=', batch.id)
        .forUpdate()
        .executeTakeFirst();
      if (old && JSON.stringify(old.choices) === JSON.stringify(input.choices)) return;
      const choices = JSON.stringify(input.choices);
      await trx
        .insertInto('enrollmentPreference')
        .values({ candidateId: c.id, batchId: batch.id, choices, updatedBy: actor.userId, updatedAt: now })
        .onConflict((oc) =>
          oc
            .columns(['candidateId', 'batchId'])
            .doUpdateSet({ choices, updatedBy: actor.userId, updatedAt: now }),
        )
        .execute();
      await trx
        .insertInto('enrollmentPreferenceChange')
        .values({
          candidateId: c.id,
          batchId: batch.id,
          oldChoices: old ? JSON.stringify(old.choices) : null,
          newChoices: choices,
          changedBy: actor.userId,
          changedAt: now,
        })
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.preferences.set',
        objectType: 'enrollment_candidate',
        objectId: c.id,
        details: { batchId: batch.id, old: old?.choices ?? null, new: input.choices },
      });
    });
    return getPreferences(actor, c.id);
  }

  /** The candidate's choices in every batch of the season, with their history and lock state. */
  async function getPreferences(actor: Actor, candidateId: string) {
    const c = await loadCandidate(actor, candidateId);
    const now = clock.now();
    const batches = await repo.listBatches(db, c.seasonId);
    const programs = new Map((await repo.listPrograms(db, { seasonId: c.seasonId })).map((p) => [p.id, p]));
    const current = await db
      .selectFrom('enrollmentPreference')
      .selectAll()
      .where('candidateId', '=', c.id)
      .execute();
    const history = await db
      .selectFrom('enrollmentPreferenceChange as h')
      .leftJoin('appUser as u', 'u.id', 'h.changedBy')
      .select(['h.batchId', 'h.changedAt', 'h.oldChoices', 'h.newChoices', 'u.username'])
      .where('h.candidateId', '=', c.id)
      .orderBy('h.seq')
      .execute();
    const code = (id: string) => programs.get(id)?.code ?? id;
    return {
      candidate: candidateView({
        ...c,
        schoolId: c.schoolId,
        schoolCode: c.schoolCode,
        schoolName: c.schoolName,
      }),
      batches: batches.map((b) => ({
        batchId: b.id,
        choices: (current.find((x) => x.batchId === b.id)?.choices ?? []).map((id) => ({
          programId: id,
          code: code(id),
          name: programs.get(id)?.name ?? '',
        })),
        locked: c.seasonState !== 'open' || now < b.opensAt || now >= b.closesAt,
        history: history
          .filter((h) => h.batchId === b.id)
          .map((h) => ({
            at: h.changedAt,
            by: h.username,
            old: h.oldChoices?.map(code) ?? null,
            new: h.newChoices.map(code),
          })),
      })),
      abilities: { edit: canFillPreferences(actor, c) && c.seasonState === 'open' },
    };
  }

  return { setPreferences, getPreferences };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;

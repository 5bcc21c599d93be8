import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, fieldError, notFound, refusedItem } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { loadSeason } from './enrollment.loaders.ts';
import { canRegister, canSeeAdmissions } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';
import type { RegistrationBody } from './results.schema.ts';
import { admissionView, byProgramThenScore } from './registration.view.ts';
import * as runs from './runs.repository.ts';
import { seasonWorkflow } from './season.workflow.ts';

/**
 * The receiving school's side: its programs' admitted lists (ID numbers masked) and 报到 — who
 * actually enrolled, or did not (with a reason). Registrations feed the 职普比 metric.
 */

/**
 * Admitted candidates of the season's programs the actor may see (the receiving school its own,
 * 招生办 all), optionally of one program, batch or school; best score first, with their registration.
 */
export async function listAdmissions(
  deps: ModuleDeps,
  actor: Actor,
  seasonId: string,
  filter: { programId?: string; batchId?: string; schoolId?: string } = {},
) {
  const season = await loadSeason(deps.db, actor, seasonId);
  const { programId, batchId, schoolId } = filter;
  const programs = (await repo.listPrograms(deps.db, { seasonId: season.id })).filter(
    (p) =>
      canSeeAdmissions(actor, season, p) &&
      (!programId || p.id === programId) &&
      (!batchId || p.batchId === batchId) &&
      (!schoolId || p.schoolId === schoolId),
  );
  const byId = new Map(programs.map((p) => [p.id, p]));
  const rows = await runs.listPlacedCandidates(deps.db, [...byId.keys()]);
  return {
    items: rows.map((r) => admissionView(r, byId.get(r.programId)!)).sort(byProgramThenScore),
    abilities: {
      register: programs.some((p) =>
        seasonWorkflow.can('register', actor, { ...season, schoolId: p.schoolId }),
      ),
    },
  };
}

/**
 * Confirms 报到 of several admitted candidates at once (the school's list on the first day), all
 * or nothing: each must be admitted to a program the actor registers for, in a season taking
 * registrations; a refused batch writes nothing and names each candidate it refused (one the
 * actor sees but whose school is not its own to confirm refuses the whole request, 403). Each
 * candidate keeps its own audit row. Not enrolling needs a reason per candidate, so it stays one
 * at a time (`recordRegistration`).
 */
export async function confirmRegistrations(
  deps: ModuleDeps,
  actor: Actor,
  input: { candidateIds: readonly string[] },
): Promise<{ registered: number }> {
  const ids = [...new Set(input.candidateIds)];
  // Checked inside the transaction that writes: a season closing or a run withdrawn meanwhile is
  // seen by the check, never after it.
  return deps.transaction(async (trx) => {
    const refused: Array<{ field: string; code: string; message: string; messageEn: string }> = [];
    const confirmed: Array<{ candidateId: string; programId: string }> = [];
    for (const [i, candidateId] of ids.entries()) {
      const placement = await runs.findPlacement(trx, candidateId);
      const program = placement ? await repo.findProgram(trx, placement.programId) : undefined;
      const field = `candidateIds[${i}]`;
      if (!placement || !program || !canSeeAdmissions(actor, program, program)) {
        refused.push({
          field,
          code: 'NOT_FOUND',
          message: '未找到该录取考生',
          messageEn: 'No such admitted candidate',
        });
      } else if (!canRegister(actor, program)) {
        // Seen but not the actor's to confirm (a clerk of a unit above the receiving school): the
        // request is refused outright, as one candidate's 报到 would be.
        throw new AppError('FORBIDDEN', 403);
      } else if (!seasonWorkflow.can('register', actor, { ...program, state: program.seasonState })) {
        // The season does not take 报到 now: the workflow's own refusal, as on a single candidate.
        refused.push(refusedItem(field, seasonWorkflow.conflict('register').code));
      } else confirmed.push({ candidateId, programId: program.id });
    }
    if (refused.length > 0) throw new AppError('VALIDATION_FAILED', 400, refused);
    for (const c of confirmed) {
      await runs.saveRegistration(trx, {
        ...c,
        status: 'registered',
        reason: null,
        recordedBy: actor.userId,
        recordedAt: deps.clock.now(),
      });
      await deps.audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.registration.record',
        objectType: 'enrollment_candidate',
        objectId: c.candidateId,
        details: { programId: c.programId, status: 'registered', batch: true },
      });
    }
    return { registered: confirmed.length };
  });
}

/** Records (or corrects) whether an admitted candidate enrolled; answers the candidate's admission. */
export async function recordRegistration(
  deps: ModuleDeps,
  actor: Actor,
  candidateId: string,
  input: Static<typeof RegistrationBody>,
) {
  const placement = await runs.findPlacement(deps.db, candidateId);
  const program = placement ? await repo.findProgram(deps.db, placement.programId) : undefined;
  if (!placement || !program || !canSeeAdmissions(actor, program, program)) throw notFound();
  seasonWorkflow.assert('register', actor, { ...program, state: program.seasonState });
  const reason = input.reason?.trim() || null;
  if (input.status === 'declined' && !reason)
    throw fieldError(
      'reason',
      'REQUIRED',
      '未报到须填写原因',
      'A reason is required when the candidate did not enrol',
    );
  await deps.transaction(async (trx) => {
    await runs.saveRegistration(trx, {
      candidateId,
      programId: program.id,
      status: input.status,
      reason: input.status === 'declined' ? reason : null,
      recordedBy: actor.userId,
      recordedAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.registration.record',
      objectType: 'enrollment_candidate',
      objectId: candidateId,
      details: { programId: program.id, status: input.status },
    });
  });
  const [row] = await runs.listPlacedCandidates(deps.db, [program.id], candidateId);
  return admissionView(row!, program);
}

import type { EnrollmentRegistrationStatus } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Transact } from '../../platform/db/transactions.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { canRegister, canSeeAdmissions, canSeeSeason } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';

/**
 * The receiving school's side: its programs' admitted lists (ID numbers masked) and 报到 — who
 * actually enrolled, or did not (with a reason). Registrations feed the 职普比 metric.
 */
export function createRegistrationService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  transaction: Transact;
}) {
  const { db, audit, clock } = deps;

  /**
   * Admitted candidates of the season's programs the actor may see (the receiving school its own,
   * 招生办 all), optionally of one program; best score first, with their registration.
   */
  async function listAdmissions(actor: Actor, seasonId: string, programId?: string) {
    const season = await repo.findSeason(db, seasonId);
    if (!season || !canSeeSeason(actor, season)) throw notFound();
    const programs = (await repo.listPrograms(db, { seasonId: season.id })).filter(
      (p) => canSeeAdmissions(actor, season, p) && (!programId || p.id === programId),
    );
    const byId = new Map(programs.map((p) => [p.id, p]));
    const rows =
      programs.length === 0
        ? []
        : await db
            .selectFrom('enrollmentPlacement as pl')
            .innerJoin('enrollmentCandidate as c', 'c.id', 'pl.candidateId')
            .innerJoin('orgUnit as o', 'o.id', 'c.schoolId')
            .leftJoin('enrollmentRegistration as r', 'r.candidateId', 'pl.candidateId')
            .select([
              'c.id as candidateId',
              'c.examNumber',
              'c.name',
              'c.idMasked',
              'c.sex',
              'o.name as juniorHigh',
              'c.total',
              'c.bonus',
              'pl.programId',
              'pl.choice',
              'pl.seat',
              'r.status',
              'r.reason',
              'r.recordedAt',
            ])
            .where('pl.programId', 'in', [...byId.keys()])
            .execute();
    const items = rows
      .map((r) => {
        const p = byId.get(r.programId)!;
        return {
          candidateId: r.candidateId,
          examNumber: r.examNumber,
          name: r.name,
          idMasked: r.idMasked,
          sex: r.sex,
          juniorHigh: r.juniorHigh,
          program: { id: p.id, code: p.code, name: p.name },
          score: Math.round((r.total + r.bonus) * 1e6) / 1e6,
          choice: r.choice,
          seat: r.seat,
          registration: r.status ? { status: r.status, reason: r.reason, recordedAt: r.recordedAt! } : null,
        };
      })
      .sort(
        (a, b) =>
          a.program.code.localeCompare(b.program.code) ||
          b.score - a.score ||
          a.examNumber.localeCompare(b.examNumber),
      );
    return {
      items,
      abilities: { register: season.state === 'open' && programs.some((p) => canRegister(actor, p)) },
    };
  }

  /** Records (or corrects) whether an admitted candidate enrolled. */
  async function recordRegistration(
    actor: Actor,
    candidateId: string,
    input: { status: EnrollmentRegistrationStatus; reason?: string | undefined },
  ) {
    const placement = await repo.findPlacement(db, candidateId);
    const program = placement ? await repo.findProgram(db, placement.programId) : undefined;
    if (!placement || !program || !canSeeAdmissions(actor, program, program)) throw notFound();
    if (!canRegister(actor, program)) throw forbidden();
    if (program.seasonState !== 'open') throw new AppError('ENROLLMENT_SEASON_STATE', 409);
    const reason = input.reason?.trim() || null;
    if (input.status === 'declined' && !reason)
      throw fieldError(
        'reason',
        'REQUIRED',
        '未报到须填写原因',
        'A reason is required when the candidate did not enrol',
      );
    const now = clock.now();
    await deps.transaction(async (trx) => {
      const values = {
        status: input.status,
        reason: input.status === 'declined' ? reason : null,
        recordedBy: actor.userId,
        recordedAt: now,
      };
      await trx
        .insertInto('enrollmentRegistration')
        .values({ candidateId, programId: program.id, ...values })
        .onConflict((oc) => oc.column('candidateId').doUpdateSet(values))
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.registration.record',
        objectType: 'enrollment_candidate',
        objectId: candidateId,
        details: { programId: program.id, status: input.status },
      });
    });
    const list = await listAdmissions(actor, program.seasonId, program.id);
    return list.items.find((i) => i.candidateId === candidateId)!;
  }

  return { listAdmissions, recordRegistration };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;

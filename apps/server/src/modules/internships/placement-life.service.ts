import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { personalDataProblems } from '../../platform/validation/redact.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { today, type InternshipsDeps } from './internships.deps.ts';
import { partyOf } from './internships.policy.ts';
import type { EvaluationBody, IncidentBody, InsurerNotificationBody } from './internships.schema.ts';
import { placementWorkflow } from './internships.workflow.ts';
import {
  evaluationDateProblem,
  incidentCover,
  incidentFileProblems,
  incidentTimeProblems,
  incidentWindowProblem,
  mayNotifyInsurer,
  type FieldProblem,
} from './placement-life.rules.ts';
import {
  findIncident,
  insertIncident,
  listFilesInUse,
  markInsurerNotified,
  upsertEvaluation,
} from './placement-life.repository.ts';
import { lockPlacement } from './internships.repository.ts';
import { getPlacement, loadFor } from './placements.service.ts';

/*
 * During and at the end of a placement (placement-life.rules.ts): incident reports by the school
 * or the host enterprise (the policy that covered the day kept with the report; an injury not yet
 * reported to the insurer is the school's alert and todo, and blocks completion), the insurer's
 * notification, and each party's evaluation while the placement runs. Every step writes a history
 * row and an audit row through the placement's workflow.
 */

/** Reports an incident on a placement the actor's school or enterprise keeps; answers the placement. */
export async function reportIncident(
  deps: InternshipsDeps,
  actor: Actor,
  placementId: string,
  input: Static<typeof IncidentBody>,
) {
  const p = await loadFor(deps, actor, placementId);
  const party = partyOf(actor, p);
  if (party === null) throw forbidden();
  placementWorkflow.assert('reportIncident', actor, p);
  const notifiedAt = input.insurerNotifiedAt ?? null;
  const description = input.description.trim();
  if (!description) invalid([required('description', '请填写事故经过', 'Describe what happened')]);
  const measures = input.measures.trim();
  const claimReference = input.claimReference.trim();
  invalid(personalDataProblems({ description, measures, claimReference }));
  await checkEvidenceFiles(deps.db, actor, input.fileIds, { field: (i) => `fileIds.${i}` });
  // A placement's papers or another incident's file would become readable through this incident.
  invalid(incidentFileProblems(input.fileIds, await listFilesInUse(deps.db, input.fileIds)));
  await deps.transaction(async (trx) => {
    // The window, the times and the cover are judged on the placement under its lock: an end, an
    // extension or a new policy written meanwhile waits, or is seen.
    const current = await lockPlacement(trx, p.id);
    const window = incidentWindowProblem(current, today(deps));
    if (window) throw conflict(window);
    invalid(
      incidentTimeProblems(
        current,
        { occurredAt: input.occurredAt, insurerNotifiedAt: notifiedAt },
        deps.clock.now(),
      ),
    );
    const cover = incidentCover(current, input.occurredAt);
    const now = deps.clock.now();
    const id = await insertIncident(
      trx,
      {
        placementId: current.id,
        occurredAt: new Date(input.occurredAt),
        kind: input.kind,
        severity: input.severity,
        description,
        measures,
        insurer: cover?.insurer ?? null,
        policyNumber: cover?.policyNumber ?? null,
        insurerNotifiedAt: notifiedAt === null ? null : new Date(notifiedAt),
        claimReference,
        reportedByParty: party,
        reportedBy: actor.userId,
        reportedAt: now,
        updatedAt: now,
      },
      [...new Set(input.fileIds)],
    );
    // The history and audit rows name the incident, never its description (health details).
    await placementWorkflow.apply(deps, trx, 'reportIncident', actor, current, {
      details: {
        incidentId: id,
        kind: input.kind,
        severity: input.severity,
        covered: cover !== null,
        insurerNotified: notifiedAt !== null,
      },
    });
  });
  return getPlacement(deps, actor, placementId);
}

/**
 * Records when the insurer was notified of an incident (once), by the school or the party that
 * reported it (else 403); answers the placement.
 */
export async function notifyInsurer(
  deps: InternshipsDeps,
  actor: Actor,
  incidentId: string,
  input: Static<typeof InsurerNotificationBody>,
) {
  const incident = await findIncident(deps.db, incidentId);
  if (!incident) throw notFound();
  const p = await loadFor(deps, actor, incident.placementId);
  if (!mayNotifyInsurer(partyOf(actor, p), incident.reportedByParty)) throw forbidden();
  placementWorkflow.assert('notifyInsurer', actor, p);
  const claimReference = input.claimReference.trim();
  invalid(personalDataProblems({ claimReference }));
  invalid(
    incidentTimeProblems(
      { ...p, startsOn: '0000-01-01', endsOn: '9999-12-31', endedOn: null },
      { occurredAt: incident.occurredAt.toISOString(), insurerNotifiedAt: input.notifiedAt },
      deps.clock.now(),
    ),
  );
  await deps.transaction(async (trx) => {
    const written = await markInsurerNotified(trx, incident.id, {
      insurerNotifiedAt: new Date(input.notifiedAt),
      claimReference,
      updatedAt: deps.clock.now(),
    });
    if (!written)
      throw conflict({
        field: 'notifiedAt',
        code: 'ALREADY_NOTIFIED',
        zh: '该事故已登记报保险公司',
        en: 'The insurer’s notification of this incident is already on file',
      });
    await placementWorkflow.apply(deps, trx, 'notifyInsurer', actor, p, {
      details: { incidentId: incident.id, notifiedAt: input.notifiedAt },
    });
  });
  return getPlacement(deps, actor, p.id);
}

/** Writes the actor's party's evaluation of a running placement (replacing its earlier one). */
export async function evaluatePlacement(
  deps: InternshipsDeps,
  actor: Actor,
  placementId: string,
  input: Static<typeof EvaluationBody>,
) {
  const p = await loadFor(deps, actor, placementId);
  const party = partyOf(actor, p);
  if (party === null) throw forbidden();
  placementWorkflow.assert('evaluate', actor, p);
  const date = evaluationDateProblem(p, input.evaluatedOn, today(deps));
  if (date) invalid([date]);
  const comments = input.comments.trim();
  invalid(personalDataProblems({ comments }));
  await deps.transaction(async (trx) => {
    // The state guard first: a completion taken meanwhile makes this a 409 before anything is written.
    await placementWorkflow.apply(deps, trx, 'evaluate', actor, p, {
      details: { party, grade: input.grade, evaluatedOn: input.evaluatedOn },
    });
    await upsertEvaluation(trx, {
      placementId: p.id,
      party,
      grade: input.grade,
      comments,
      evaluatedOn: input.evaluatedOn,
      recordedBy: actor.userId,
      recordedAt: deps.clock.now(),
    });
  });
  return getPlacement(deps, actor, placementId);
}

function invalid(problems: readonly FieldProblem[]): void {
  if (problems.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      400,
      problems.map((p) => ({ field: p.field, code: p.code, message: p.zh, messageEn: p.en })),
    );
}

function conflict(p: FieldProblem): AppError {
  return new AppError('INTERNSHIP_PLACEMENT_INVALID_TRANSITION', 409, [
    { field: p.field, code: p.code, message: p.zh, messageEn: p.en },
  ]);
}

function required(field: string, zh: string, en: string): FieldProblem {
  return { field, code: 'REQUIRED', zh, en };
}

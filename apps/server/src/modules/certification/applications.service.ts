/*
 * 产教融合型企业 applications (task （十二）): the enterprise — or 区工信局 for it — applies for a
 * year; the joint-review bureaus sign the 会签单 (one line each: agree / disagree, with a comment);
 * 区发改科技局 certifies it when every line is signed, none disagrees and the criteria measured
 * from the records (as of the year applied for) are met, or refuses it with its reasons; the decision keeps the evidence and
 * evaluation it was taken on. A certification is re-checked every year on its anniversary (the
 * re-check keeps its own evaluation) and may be revoked with a reason. Every step is audited.
 */
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { StepWrite } from '../../platform/workflow/workflow.ts';
import { findDistrictOf, listOrgUnitInfo } from '../org/index.ts';
import { actorRoles, today, type ActorRoles, type CertificationDeps } from './certification.deps.ts';
import { measure, measureApplication } from './certification-evidence.ts';
import { canSeeApplication, mayApply, maySign, scopeOf } from './certification.policy.ts';
import {
  findApplication,
  findApplicationOfYear,
  insertApplication,
  insertRecheck,
  listApplications as listRows,
  listOpinions,
  lockApplication,
  upsertOpinion,
  type ApplicationRow,
} from './certification.repository.ts';
import {
  applicationYearRefusal,
  certificationSchedule,
  recheckRefusal,
  unmetReasons,
} from './certification.rules.ts';
import type {
  ApplyBody,
  ApplicationQuery,
  DecisionBody,
  OpinionBody,
  ReasonBody,
  RecheckBody,
} from './certification.schema.ts';
import { describeApplication, describeApplications, reviewLinesOf } from './certification.view.ts';
import { applicationWorkflow } from './certification.workflow.ts';

type Step = Parameters<typeof applicationWorkflow.assert>[0];

/** Applications the actor sees, newest year first. */
export async function listApplications(
  deps: CertificationDeps,
  actor: Actor,
  query: Static<typeof ApplicationQuery>,
) {
  const roles = await actorRoles(deps.db, actor);
  if (!actor.permissions.has('certification.read')) throw forbidden();
  const rows = await listRows(deps.db, scopeOf(actor, roles), query);
  return describeApplications(deps, actor, roles, rows);
}

/**
 * One application with its 会签单, its evaluation (the decision's snapshot, or measured now as of
 * the year applied for), re-checks and history.
 */
export async function getApplication(deps: CertificationDeps, actor: Actor, id: string) {
  const { row, roles } = await loadFor(deps, actor, id);
  return describeApplication(deps, actor, roles, row);
}

/**
 * The enterprise (or the register's keeper for it) applies for the current year (400 on `year`
 * otherwise: `applicationYearRefusal`).
 */
export async function applyForCertification(
  deps: CertificationDeps,
  actor: Actor,
  input: Static<typeof ApplyBody>,
) {
  const roles = await actorRoles(deps.db, actor);
  const enterpriseId = input.enterpriseId ?? actor.orgUnitId;
  if (!mayApply(actor, roles, enterpriseId)) throw new AppError('CERTIFICATION_NOT_APPLICANT', 403);
  const [unit] = await listOrgUnitInfo(deps.db, { ids: [enterpriseId] });
  const districtId = unit ? await findDistrictOf(deps.db, unit.id) : null;
  if (!unit || unit.type !== 'enterprise' || !districtId)
    throw new AppError('CERTIFICATION_NOT_ENTERPRISE', 400, [
      {
        field: 'enterpriseId',
        code: 'NOT_AN_ENTERPRISE',
        message: '所选单位不是企业名录中的企业',
        messageEn: 'The unit chosen is not an enterprise of the register',
      },
    ]);
  if (!roles.isEnterprise && districtId !== roles.districtId) throw notFound();
  const appliedOn = today(deps);
  const badYear = applicationYearRefusal(input.year, appliedOn);
  if (badYear) throw fieldError('year', badYear.code, badYear.zh, badYear.en);
  if (await findApplicationOfYear(deps.db, enterpriseId, input.year))
    throw new AppError('CERTIFICATION_ALREADY_APPLIED', 409, [
      {
        field: 'year',
        code: 'CERTIFICATION_ALREADY_APPLIED',
        message: `${unit.name} 已有 ${input.year} 年度的认定申报`,
        messageEn: `${unit.name} already has an application for ${input.year}`,
      },
    ]);
  const id = await deps.transaction(async (trx) => {
    const id = await insertApplication(
      trx,
      {
        enterpriseId,
        districtId,
        year: input.year,
        appliedByUnitId: actor.orgUnitId,
        appliedOn,
        statement: input.statement.trim(),
      },
      deps.clock.now(),
    );
    await applicationWorkflow.record(deps, trx, 'apply', actor, id, {
      details: { enterpriseId, year: input.year, appliedByUnitId: actor.orgUnitId },
    });
    return id;
  });
  return getApplication(deps, actor, id);
}

/**
 * A joint-review bureau signs (or re-signs) its line of the 会签单 while under review; the unit
 * that filed the application is refused (403 `CERTIFICATION_RECUSED`: 回避).
 */
export function giveOpinion(
  deps: CertificationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof OpinionBody>,
) {
  const comment = input.comment.trim();
  return takeStep(deps, actor, id, 'sign', async (trx) => {
    if (input.opinion === 'disagree' && !comment)
      throw fieldError('comment', 'REQUIRED', '不同意时请填写理由', 'Give the reason when disagreeing');
    await upsertOpinion(trx, {
      applicationId: id,
      bureauId: actor.orgUnitId,
      opinion: input.opinion,
      comment,
      givenOn: today(deps),
      actorId: actor.userId,
    });
    return { comment, details: { bureauId: actor.orgUnitId, opinion: input.opinion } };
  });
}

/**
 * 区发改科技局 certifies: refused (409) while a bureau has not signed or one disagrees, or when the
 * criteria measured as of the year applied for (`applicationAsOf`) are not met (each unmet one
 * named, zh and en). The 会签单 and the state
 * are read on the application's row locked, in the transaction that writes the decision, and the
 * evidence through it: the decision rests on what was read there. Keeps the snapshot; the
 * validity runs from today (certification.rules.ts `certificationSchedule`).
 */
export function certify(
  deps: CertificationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof DecisionBody>,
) {
  return takeStep(deps, actor, id, 'certify', async (trx, row) => {
    await assertPanelAgrees(trx, row);
    const snapshot = await measureApplication(deps, trx, row);
    if (!snapshot.evaluation.eligible)
      throw new AppError(
        'CERTIFICATION_NOT_ELIGIBLE',
        409,
        unmetReasons(snapshot.evaluation).map((r) => ({
          field: 'evaluation',
          code: 'CRITERION_UNMET',
          message: r.zh,
          messageEn: r.en,
        })),
      );
    const on = today(deps);
    const { validUntil } = certificationSchedule(on, deps.rules);
    return {
      set: {
        decidedOn: on,
        certifiedOn: on,
        validUntil,
        decisionNote: input.note.trim(),
        evaluation: JSON.stringify(snapshot),
      },
      comment: input.note.trim() || null,
      details: { certifiedOn: on, validUntil, measuredAsOf: snapshot.date },
    };
  });
}

/**
 * 区发改科技局 refuses, with its reason; the criteria measured as of the year applied for are kept
 * with it.
 */
export function refuse(deps: CertificationDeps, actor: Actor, id: string, input: Static<typeof ReasonBody>) {
  return takeStep(deps, actor, id, 'refuse', async (trx, row) => {
    const reason = requiredReason(input.reason);
    const snapshot = await measureApplication(deps, trx, row);
    return {
      set: { decidedOn: today(deps), decisionNote: reason, evaluation: JSON.stringify(snapshot) },
      comment: reason,
      details: { unmet: unmetReasons(snapshot.evaluation).map((r) => r.zh) },
    };
  });
}

/**
 * The yearly re-check (年度复核): the criteria measured as of the re-check's own day (windows
 * ending with its year), kept with the re-check. Refused (409 `CERTIFICATION_EXPIRED`) once the
 * validity stored by the decision has ended: an expired certification is applied for anew, not
 * re-checked. A passed re-check keeps it valid to that stored end, whatever the rules say now.
 */
export function recheck(
  deps: CertificationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof RecheckBody>,
) {
  const comment = input.comment.trim();
  return takeStep(deps, actor, id, 'recheck', async (trx, row) => {
    const expired = recheckRefusal(row.validUntil!, today(deps));
    if (expired)
      throw new AppError('CERTIFICATION_EXPIRED', 409, [
        { field: 'validUntil', code: 'CERTIFICATION_EXPIRED', message: expired.zh, messageEn: expired.en },
      ]);
    const snapshot = await measure(deps, trx, row.enterpriseId, today(deps));
    await insertRecheck(trx, {
      applicationId: id,
      checkedOn: snapshot.date,
      passed: snapshot.evaluation.eligible,
      evaluation: JSON.stringify(snapshot),
      comment,
      actorId: actor.userId,
      createdAt: deps.clock.now(),
    });
    return {
      comment: comment || null,
      details: { checkedOn: snapshot.date, passed: snapshot.evaluation.eligible },
    };
  });
}

/** Revokes a certification from today, with its reason. */
export function revoke(deps: CertificationDeps, actor: Actor, id: string, input: Static<typeof ReasonBody>) {
  return takeStep(deps, actor, id, 'revoke', async () => {
    const reason = requiredReason(input.reason);
    return {
      set: { revokedOn: today(deps), revokeReason: reason },
      comment: reason,
      details: { revokedOn: today(deps) },
    };
  });
}

/** The application, if the actor sees it (else 404), with the actor's part in the procedure. */
export async function loadFor(deps: CertificationDeps, actor: Actor, id: string) {
  const [row, roles] = await Promise.all([findApplication(deps.db, id), actorRoles(deps.db, actor)]);
  if (!row || !canSeeApplication(actor, roles, row)) throw notFound();
  return { row, roles };
}

/**
 * Takes `step` in one transaction on the application's row locked (`FOR UPDATE`): whether the actor
 * sees it (404), may take the step (403, `notAllowed`) and its state allows it (409) are judged on
 * the row as locked; `prepare` checks the input, reads through `trx` what else the step rests on,
 * writes the step's own rows and returns what the step writes on the application. A request
 * changing the application meanwhile waits for the commit, then finds the step taken.
 */
async function takeStep(
  deps: CertificationDeps,
  actor: Actor,
  id: string,
  step: Step,
  prepare: (trx: Executor, row: ApplicationRow) => Promise<StepWrite>,
) {
  const roles = await actorRoles(deps.db, actor);
  await deps.transaction(async (trx) => {
    const row = await lockApplication(trx, id);
    if (!row || !canSeeApplication(actor, roles, row)) throw notFound();
    const subject = { ...row, roles };
    if (!applicationWorkflow.definition.steps[step].may(actor, subject)) throw notAllowed(step, actor, roles);
    applicationWorkflow.assert(step, actor, subject);
    await applicationWorkflow.apply(deps, trx, step, actor, subject, await prepare(trx, row));
  });
  return getApplication(deps, actor, id);
}

/**
 * Why the actor may not take `step` (403): on the 会签单, the unit that filed the application
 * recuses itself (回避) and a unit off the panel does not sign; the decisions — certify, refuse,
 * re-check, revoke — are the certifying bureau's (`CERTIFICATION_NOT_AUTHORITY`).
 */
function notAllowed(step: Step, actor: Actor, roles: ActorRoles): AppError {
  if (step !== 'sign') return new AppError('CERTIFICATION_NOT_AUTHORITY', 403);
  if (!maySign(actor, roles)) return new AppError('CERTIFICATION_NOT_PANEL', 403);
  return new AppError('CERTIFICATION_RECUSED', 403, [
    {
      field: 'opinion',
      code: 'RECUSED',
      message: '本单位提出了该申报，应当回避：不能在该申报的会签单上签署意见，会签由其他会签单位完成',
      messageEn:
        'Your unit filed this application and recuses itself: it may not sign its joint review, which the other bureaus complete',
    },
  ]);
}

/**
 * The 会签单 as `db` reads it (the decision's transaction): 409 while a line is missing or
 * disagrees. The applying unit's line is recused (回避) and not needed.
 */
async function assertPanelAgrees(db: Executor, row: ApplicationRow) {
  const [lines, opinions] = await Promise.all([reviewLinesOf(db, row), listOpinions(db, [row.id])]);
  const panel = lines.filter((b) => !b.recused);
  const signed = new Map(opinions.map((o) => [o.bureauId, o]));
  const missing = panel.filter((b) => !signed.has(b.id));
  if (missing.length > 0)
    throw new AppError(
      'CERTIFICATION_OPINIONS_MISSING',
      409,
      missing.map((b) => ({
        field: `opinions.${b.code}`,
        code: 'OPINION_MISSING',
        message: `${b.name} 尚未填写会签意见`,
        messageEn: `${b.name} has not given its opinion`,
      })),
    );
  const against = panel.filter((b) => signed.get(b.id)?.opinion === 'disagree');
  if (against.length > 0)
    throw new AppError(
      'CERTIFICATION_PANEL_DISAGREES',
      409,
      against.map((b) => ({
        field: `opinions.${b.code}`,
        code: 'OPINION_DISAGREE',
        message: `${b.name} 不同意：${signed.get(b.id)!.comment}`,
        messageEn: `${b.name} disagrees: ${signed.get(b.id)!.comment}`,
      })),
    );
}

function requiredReason(text: string): string {
  const reason = text.trim();
  if (!reason) throw fieldError('reason', 'REQUIRED', '请填写理由', 'The reason is required');
  return reason;
}

import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { loadAgreement } from './agreements.service.ts';
import { asDetails, rejectInput, today, unitScope, type CooperationDeps } from './cooperation.deps.ts';
import { canSeeParties, mayKeepAsSchool } from './cooperation.policy.ts';
import {
  completeStage,
  countApprenticeships,
  findAgreement,
  findApprenticeship,
  insertApprenticeship,
  listApprenticeshipIdsWithFile,
  listApprenticeships as listApprenticeshipRows,
  listStages,
  replaceStages,
  type ApprenticeshipRow,
} from './cooperation.repository.ts';
import {
  approvalRefusals,
  completionRefusals,
  periodRefusals,
  stageRefusals,
  type Refusal,
} from './cooperation.rules.ts';
import type {
  ApprenticeshipBody,
  ApprenticeshipQuery,
  CompletionBody,
  EndBody,
  ReturnBody,
  StageCompletionBody,
} from './cooperation.schema.ts';
import { approvalFacts, describeApprenticeship, describeApprenticeships } from './cooperation.view.ts';
import { apprenticeshipWorkflow } from './cooperation.workflow.ts';

/*
 * Apprenticeships (现代学徒制 / 企业新型学徒制) under a school's agreement with an enterprise: the
 * school writes the programme with the jointly made training plan and approves it, the enterprise
 * approves it (or returns it); both approvals are refused with every reason while anything is
 * missing (cooperation.rules.ts). Apprentices are counted, not named: there is no learner register
 * yet, and personal data not collected is personal data that cannot leak.
 */

const refused = (refusals: readonly Refusal[]) =>
  new AppError('COOPERATION_APPRENTICESHIP_REFUSED', 409, asDetails(refusals));

/** Apprenticeships the actor sees, filtered, latest start first, with the total. */
export async function listApprenticeships(
  deps: CooperationDeps,
  actor: Actor,
  query: Static<typeof ApprenticeshipQuery>,
) {
  const { limit, offset, ...filter } = query;
  const [rows, total] = await Promise.all([
    listApprenticeshipRows(deps.db, unitScope(actor), filter, { limit, offset }),
    countApprenticeships(deps.db, unitScope(actor), filter),
  ]);
  return { items: await describeApprenticeships(deps.db, actor, rows), total };
}

/** One apprenticeship with its stages, history and approval check. */
export async function getApprenticeship(deps: CooperationDeps, actor: Actor, id: string) {
  return describeApprenticeship(deps.db, actor, await loadApprenticeship(deps, actor, id), today(deps));
}

/** Writes a draft programme under one of the actor's school's agreements. */
export async function createApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  input: Static<typeof ApprenticeshipBody>,
) {
  const agreement = await loadAgreement(deps, actor, input.agreementId);
  if (!mayKeepAsSchool(actor, agreement.schoolId)) throw new AppError('COOPERATION_NOT_A_SCHOOL', 403);
  await checkInput(deps, actor, input, []);
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertApprenticeship(trx, {
      ...columns(input),
      schoolId: agreement.schoolId,
      enterpriseId: agreement.enterpriseId,
      districtId: agreement.districtId,
      state: 'draft',
      schoolApprovedOn: null,
      enterpriseApprovedOn: null,
      completedOn: null,
      terminatedOn: null,
      completedCount: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replaceStages(trx, id, input.stages);
    await apprenticeshipWorkflow.record(deps, trx, 'create', actor, id, {
      details: { agreementId: agreement.id, scheme: input.scheme, apprenticeCount: input.apprenticeCount },
    });
    return id;
  });
  return getApprenticeship(deps, actor, id);
}

/** Edits a draft (its agreement stays). */
export async function updateApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ApprenticeshipBody>,
) {
  const row = await loadApprenticeship(deps, actor, id);
  apprenticeshipWorkflow.assert('edit', actor, row);
  if (input.agreementId !== row.agreementId)
    rejectInput([
      {
        field: 'agreementId',
        code: 'AGREEMENT_FIXED',
        zh: '学徒制项目所属的合作协议不能更改',
        en: 'The apprenticeship’s agreement cannot change',
      },
    ]);
  await checkInput(deps, actor, input, row.planFileId ? [row.planFileId] : []);
  await deps.transaction(async (trx) => {
    await apprenticeshipWorkflow.apply(deps, trx, 'edit', actor, row, {
      set: columns(input),
      details: { apprenticeCount: input.apprenticeCount },
    });
    await replaceStages(trx, id, input.stages);
  });
  return getApprenticeship(deps, actor, id);
}

/**
 * The school's approval (学校审批) of its draft, or the enterprise's (企业审批) of a school-approved
 * programme: each refused (409) with every reason `approvalRefusals` gives on the day.
 */
export async function approveApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  side: 'school' | 'enterprise',
) {
  const row = await loadApprenticeship(deps, actor, id);
  const step = side === 'school' ? 'schoolApproval' : 'enterpriseApproval';
  apprenticeshipWorkflow.assert(step, actor, row);
  const day = today(deps);
  await deps.transaction(async (trx) => {
    const refusals = await approvalCheck(trx, row, day);
    if (refusals.length > 0) throw refused(refusals);
    await apprenticeshipWorkflow.apply(deps, trx, step, actor, row, {
      set: side === 'school' ? { schoolApprovedOn: day } : { enterpriseApprovedOn: day },
    });
  });
  return getApprenticeship(deps, actor, id);
}

/** The enterprise returns a school-approved programme to the school's draft, with the reason. */
export async function returnApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ReturnBody>,
) {
  const row = await loadApprenticeship(deps, actor, id);
  const reason = requiredReason(input.reason);
  await deps.transaction((trx) =>
    apprenticeshipWorkflow.apply(deps, trx, 'return', actor, row, {
      set: { schoolApprovedOn: null },
      comment: reason,
    }),
  );
  return getApprenticeship(deps, actor, id);
}

/** Records a stage of a running programme as done (either party). */
export async function completeApprenticeshipStage(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof StageCompletionBody>,
) {
  const row = await loadApprenticeship(deps, actor, id);
  apprenticeshipWorkflow.assert('progress', actor, row);
  const stage = (await listStages(deps.db, [id])).find((s) => s.id === input.stageId);
  if (!stage) throw notFound();
  rejectInput(stageRefusals(row, input.completedOn));
  if (input.completedOn > today(deps))
    rejectInput([
      {
        field: 'completedOn',
        code: 'IN_FUTURE',
        zh: '完成日期不能晚于今天',
        en: 'The completion date is in the future',
      },
    ]);
  await deps.transaction(async (trx) => {
    await apprenticeshipWorkflow.apply(deps, trx, 'progress', actor, row, {
      comment: `${stage.seq}. ${stage.title}`,
      details: { stageId: stage.id, completedOn: input.completedOn },
    });
    await completeStage(trx, stage.id, input.completedOn, input.note.trim());
  });
  return getApprenticeship(deps, actor, id);
}

/** Records the completion (结业) of a running programme: every stage done, refused otherwise. */
export async function completeApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof CompletionBody>,
) {
  const row = await loadApprenticeship(deps, actor, id);
  apprenticeshipWorkflow.assert('complete', actor, row);
  const stages = await listStages(deps.db, [id]);
  const refusals = completionRefusals(approvalFacts(row, stages), input.completedOn, input.completedCount);
  if (refusals.length > 0) throw refused(refusals);
  await deps.transaction((trx) =>
    apprenticeshipWorkflow.apply(deps, trx, 'complete', actor, row, {
      set: {
        completedOn: input.completedOn,
        completedCount: input.completedCount,
        endNote: input.note.trim(),
      },
      details: { completedCount: input.completedCount },
    }),
  );
  return getApprenticeship(deps, actor, id);
}

/** Terminates a programme (the school), with the reason. */
export async function terminateApprenticeship(
  deps: CooperationDeps,
  actor: Actor,
  id: string,
  input: Static<typeof EndBody>,
) {
  const row = await loadApprenticeship(deps, actor, id);
  const reason = requiredReason(input.reason);
  await deps.transaction((trx) =>
    apprenticeshipWorkflow.apply(deps, trx, 'terminate', actor, row, {
      set: { endNote: reason, terminatedOn: today(deps) },
      comment: reason,
    }),
  );
  return getApprenticeship(deps, actor, id);
}

/** An apprenticeship with the training plan file that the actor may read, or null. */
export async function readableApprenticeshipWithFile(deps: CooperationDeps, actor: Actor, fileId: string) {
  return firstReadable(await listApprenticeshipIdsWithFile(deps.db, fileId), (id) =>
    loadApprenticeship(deps, actor, id),
  );
}

/** The apprenticeship, if the actor sees it (else 404). */
export async function loadApprenticeship(deps: Pick<CooperationDeps, 'db'>, actor: Actor, id: string) {
  const row = await findApprenticeship(deps.db, id);
  if (!row || !canSeeParties(actor, row)) throw notFound();
  return row;
}

async function approvalCheck(db: Executor, row: ApprenticeshipRow, day: string) {
  const [agreement, stages] = await Promise.all([
    findAgreement(db, row.agreementId),
    listStages(db, [row.id]),
  ]);
  return approvalRefusals(approvalFacts(row, stages), agreement!, day);
}

function requiredReason(text: string) {
  const reason = text.trim();
  if (!reason) rejectInput([{ field: 'reason', code: 'REQUIRED', zh: '请填写原因', en: 'Give the reason' }]);
  return reason;
}

async function checkInput(
  deps: CooperationDeps,
  actor: Actor,
  input: Static<typeof ApprenticeshipBody>,
  attached: string[],
) {
  rejectInput(periodRefusals(input.startsOn, input.endsOn));
  if (input.planFileId)
    await checkEvidenceFiles(deps.db, actor, [input.planFileId], { attached, field: () => 'planFileId' });
}

function columns(input: Static<typeof ApprenticeshipBody>) {
  const names = (list: readonly string[]) => [...new Set(list.map((n) => n.trim()).filter(Boolean))];
  return {
    agreementId: input.agreementId,
    scheme: input.scheme,
    title: input.title.trim(),
    occupation: input.occupation.trim(),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    apprenticeCount: input.apprenticeCount,
    schoolMentors: names(input.schoolMentors),
    enterpriseMentors: names(input.enterpriseMentors),
    planSummary: input.planSummary.trim(),
    planFileId: input.planFileId,
  };
}

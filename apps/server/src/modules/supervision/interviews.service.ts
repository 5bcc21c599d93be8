import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitRefsByIds } from '../org/index.ts';
import { countFindingsOfInspection } from './findings.repository.ts';
import { inspectionWorkflow } from './inspections.workflow.ts';
import { insertInterview, listInterviewRows, updateCommitment } from './records.repository.ts';
import type { FollowUpInput, InterviewInput } from './records.schema.ts';
import { loadInspection, loadInterview, unitNamer } from './supervision.access.ts';
import { canSeeInterview, mayInspect, supervisionView } from './supervision.policy.ts';
import { interviewOut } from './supervision.views.ts';

/** Interviews (约谈) of a running inspection, with the commitments made and their follow-up. */

/** The interviewed unit must exist, the findings named be of this inspection; answers their ids, once each. */
async function checkInterview(db: Executor, inspectionId: string, input: InterviewInput) {
  if (!(await unitRefsByIds(db, [input.orgUnitId])).has(input.orgUnitId))
    throw fieldError('orgUnitId', 'ORG_UNIT_UNKNOWN', '被约谈单位不存在', 'Unknown unit');
  const findingIds = [...new Set(input.findingIds)];
  if ((await countFindingsOfInspection(db, inspectionId, findingIds)) !== findingIds.length)
    throw fieldError(
      'findingIds',
      'UNKNOWN',
      '关联的问题不属于本次督导',
      'The linked findings are not from this inspection',
    );
  return findingIds;
}

/** Records an interview with its commitments; the findings it names must be of this inspection. */
export async function recordInterview(
  deps: ModuleDeps,
  actor: Actor,
  inspectionId: string,
  input: InterviewInput,
) {
  const inspection = await loadInspection(deps.db, actor, inspectionId);
  inspectionWorkflow.assert('recordInterview', actor, inspection);
  const findingIds = await checkInterview(deps.db, inspectionId, input);
  const id = await deps.transaction(async (trx) => {
    const id = await insertInterview(trx, {
      inspectionId,
      districtId: inspection.districtId,
      orgUnitId: input.orgUnitId,
      heldOn: input.heldOn,
      interviewers: input.interviewers.trim(),
      interviewees: input.interviewees.trim(),
      reason: input.reason.trim(),
      findingIds,
      commitments: input.commitments.map((c) => ({ text: c.text.trim(), dueDate: c.dueDate ?? null })),
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'supervision.interview.recorded',
      objectType: 'interview',
      objectId: id,
      details: {
        inspectionId,
        orgUnitId: input.orgUnitId,
        findings: findingIds.length,
        commitments: input.commitments.length,
      },
    });
    return id;
  });
  return getInterview(deps, actor, id);
}

export async function getInterview(deps: ModuleDeps, actor: Actor, id: string) {
  const interview = await loadInterview(deps.db, actor, id);
  const unit = await unitNamer(deps.db, [interview.orgUnitId]);
  return interviewOut(actor, interview, unit(interview.orgUnitId), interview.inspectorIds);
}

/** The interviews of an inspection the actor sees (a unit: its own). */
export async function listInterviews(deps: ModuleDeps, actor: Actor, inspectionId: string) {
  const { inspectorIds } = await loadInspection(deps.db, actor, inspectionId);
  const view = supervisionView(actor);
  const rows = (await listInterviewRows(deps.db, { inspectionId })).filter((r) =>
    canSeeInterview(view, { ...r, inspectorIds }),
  );
  const unit = await unitNamer(
    deps.db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => interviewOut(actor, r, unit(r.orgUnitId), inspectorIds));
}

/** Follow-up of one commitment made at an interview: fulfilled or not, with what was found. */
export async function followUpCommitment(
  deps: ModuleDeps,
  actor: Actor,
  interviewId: string,
  commitmentId: string,
  input: FollowUpInput,
) {
  const interview = await loadInterview(deps.db, actor, interviewId);
  if (!mayInspect(actor, interview)) throw forbidden();
  if (!interview.commitments.some((c) => c.id === commitmentId)) throw notFound();
  await deps.transaction(async (trx) => {
    await updateCommitment(trx, commitmentId, {
      state: input.state,
      followUp: input.followUp.trim(),
      followedUpAt: deps.clock.now(),
      followedUpBy: actor.userId,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'supervision.commitment.followed_up',
      objectType: 'interview',
      objectId: interviewId,
      details: { commitmentId, state: input.state },
    });
  });
  return getInterview(deps, actor, interviewId);
}

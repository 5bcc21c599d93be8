/**
 * Convening a joint meeting (联席会议) and getting it ready: create it with its member units and
 * agenda, generate each member unit's status report (情况汇报) from the plan and supervision
 * records, collect the units' remarks, and record attendance — which marks it held. Each step is
 * checked against the meeting's workflow and audited in its transaction.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { mayManageMeeting, seesUnitOf } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { loadMeeting, lockForStep } from './meetings.rules.ts';
import type { AttendanceInput, MeetingInput, MeetingListFilter } from './meetings.schema.ts';
import { attendanceProblems, validateMeetingInput } from './meetings.validation.ts';
import { meetingDetail, meetingSummaries } from './meetings.view.ts';
import { meetingFlow } from './meetings.workflow.ts';
import { buildStatusSnapshots } from './status-reports.ts';

const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** The fields of a meeting as entered, trimmed. */
function detailsOf(input: MeetingInput, conveningUnitId: string): repo.MeetingDetails {
  return {
    title: input.title.trim(),
    meetingDate: input.meetingDate,
    location: input.location.trim(),
    chair: input.chair.trim(),
    conveningUnitId: input.conveningUnitId ?? conveningUnitId,
    agenda: input.agenda.map((a) => a.trim()),
  };
}

/**
 * (Re)computes every member's status report as of `asOf` (default today), keeping the remarks
 * already written. Holding the meeting takes the last one, as of the meeting's day: it is stored
 * and shown from then on, the situation as it was at the meeting.
 */
async function prepareStatusReports(deps: ModuleDeps, trx: Executor, meetingId: string, asOf = today(deps)) {
  const meeting = (await repo.findMeetingById(trx, meetingId))!;
  const since = await repo.previousMeetingDate(trx, meeting.districtId, meeting.meetingDate, meeting.id);
  const unitIds = (await repo.listMembers(trx, [meeting.id])).map((m) => m.orgUnitId);
  const snapshots = await buildStatusSnapshots(trx, deps.metrics, {
    districtId: meeting.districtId,
    unitIds,
    since,
    today: asOf,
  });
  const now = deps.clock.now();
  await repo.writeSnapshots(trx, meeting.id, snapshots, now);
  const windowStart = snapshots.values().next().value?.windowStart ?? since;
  await repo.markMeetingPrepared(trx, meeting.id, { preparedAt: now, windowStart });
  return unitIds.length;
}

/** Meetings the actor may see, newest first. */
export async function listMeetings(deps: ModuleDeps, actor: Actor, filter: MeetingListFilter) {
  return meetingSummaries(deps.db, actor, await repo.listMeetings(deps.db, actor, filter));
}

/** One meeting as the actor may see it; 404 when they may not. */
export async function getMeeting(deps: ModuleDeps, actor: Actor, id: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  return meetingDetail(deps.db, actor, meeting, today(deps));
}

/** Convenes a meeting (筹备中) of the actor's district with its member units and agenda. */
export async function createMeeting(deps: ModuleDeps, actor: Actor, input: MeetingInput) {
  const districtId = actor.districtId;
  if (!districtId) throw new AppError('MEETING_NO_DISTRICT', 400);
  if (!mayManageMeeting(actor, { districtId, conveningUnitId: actor.orgUnitId }))
    throw new AppError('FORBIDDEN', 403);
  const id = await deps.transaction(async (trx) => {
    await validateMeetingInput(trx, actor, input);
    const now = deps.clock.now();
    const meetingId = await repo.insertMeeting(trx, {
      ...detailsOf(input, actor.orgUnitId),
      districtId,
      number: await repo.nextMeetingNumber(trx, districtId),
      state: 'planned',
      preparedAt: null,
      windowStart: null,
      heldAt: null,
      minutesFinalAt: null,
      closedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.writeMembers(trx, meetingId, input.memberUnitIds);
    await meetingFlow.record(deps, trx, 'create', actor, meetingId, {
      details: { title: input.title, members: input.memberUnitIds.length },
    });
    return meetingId;
  });
  return getMeeting(deps, actor, id);
}

/** Changes a planned meeting; once status reports exist, every member gets one for the new date. */
export async function updateMeeting(deps: ModuleDeps, actor: Actor, id: string, input: MeetingInput) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  meetingFlow.assert('edit', actor, meeting);
  await deps.transaction(async (trx) => {
    await validateMeetingInput(trx, actor, input);
    await meetingFlow.apply(deps, trx, 'edit', actor, meeting, {
      details: { members: input.memberUnitIds.length },
    });
    await repo.updateMeetingDetails(trx, id, detailsOf(input, meeting.conveningUnitId));
    await repo.writeMembers(trx, id, input.memberUnitIds);
    if (meeting.preparedAt) await prepareStatusReports(deps, trx, id);
  });
  return getMeeting(deps, actor, id);
}

/** Generates (or refreshes) every member unit's status report from its plan and supervision records. */
export async function prepareMeeting(deps: ModuleDeps, actor: Actor, id: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  const step = meeting.preparedAt ? 'refreshStatus' : 'prepare';
  meetingFlow.assert(step, actor, meeting);
  await deps.transaction(async (trx) => {
    await lockForStep(trx, step, actor, meeting);
    const units = await prepareStatusReports(deps, trx, id);
    await meetingFlow.apply(deps, trx, step, actor, meeting, { details: { units } });
  });
  return getMeeting(deps, actor, id);
}

/** The member unit adds its remarks (情况说明) to its status report, before the meeting. */
export async function submitRemarks(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  unitId: string,
  remarks: string,
) {
  const { meeting, members } = await loadMeeting(deps.db, actor, id);
  const member = members.find((m) => m.orgUnitId === unitId);
  if (!member || !seesUnitOf(actor, meeting, unitId)) throw notFound();
  const subject = { ...meeting, remarkUnitId: unitId };
  meetingFlow.assert('remark', actor, subject);
  if (!member.snapshot) throw new AppError('MEETING_NOT_PREPARED', 409);
  await deps.transaction(async (trx) => {
    await meetingFlow.apply(deps, trx, 'remark', actor, subject, {
      details: { unitId, first: member.remarks === null },
    });
    await repo.writeRemarks(trx, id, unitId, {
      remarks: remarks.trim(),
      remarksBy: actor.userId,
      remarksAt: deps.clock.now(),
    });
  });
  return getMeeting(deps, actor, id);
}

/** Records who attended for each member unit; the meeting is then held (已召开). */
export async function recordAttendance(deps: ModuleDeps, actor: Actor, id: string, input: AttendanceInput) {
  const { meeting, members } = await loadMeeting(deps.db, actor, id);
  meetingFlow.assert('recordAttendance', actor, meeting);
  if (!meeting.preparedAt) throw new AppError('MEETING_NOT_PREPARED', 409);
  if (meeting.meetingDate > today(deps)) throw new AppError('MEETING_DATE_NOT_REACHED', 409);
  const problems = attendanceProblems(members, input);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  const absent = input.units.filter((u) => !u.present).map((u) => u.unitId);
  await deps.transaction(async (trx) => {
    await meetingFlow.apply(deps, trx, 'recordAttendance', actor, meeting, {
      set: { heldAt: deps.clock.now() },
      details: { present: input.units.length - absent.length, absent },
    });
    await repo.writeAttendance(trx, id, input.units);
    await prepareStatusReports(deps, trx, id, meeting.meetingDate);
  });
  return getMeeting(deps, actor, id);
}

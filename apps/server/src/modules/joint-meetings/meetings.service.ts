import type { ErrorCode } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { canSeeMeeting, mayManageMeeting, mayRemark, seesUnitOf } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import type { AttendanceInput, MeetingInput } from './meetings.schema.ts';
import { attendanceProblems, validateMeetingInput } from './meetings.validation.ts';
import { meetingDetail, meetingSummaries } from './meetings.view.ts';
import { buildStatusSnapshots, type OpenOrdersQuery } from './status-reports.ts';

export interface MeetingDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  openOrders: OpenOrdersQuery;
}

/** Allowed to act on the meeting, just not in its state → 409 with `code`; not allowed at all → 403. */
export function refusal(mayAct: boolean, code: ErrorCode): AppError {
  return mayAct ? new AppError(code, 409) : new AppError('FORBIDDEN', 403);
}

/** A meeting the actor may see, with its member unit ids; 404 otherwise. */
export async function loadMeeting(db: Executor, actor: Actor, id: string) {
  const meeting = await repo.findMeetingRow(db, id);
  if (!meeting) throw notFound();
  const members = await repo.listMembers(db, [id]);
  if (
    !canSeeMeeting(
      actor,
      meeting,
      members.map((m) => m.orgUnitId),
    )
  )
    throw notFound();
  return { meeting, members };
}

/**
 * Convening a joint meeting (联席会议) and getting it ready: create it with its member units and
 * agenda, generate each member unit's status report (情况汇报) from the plan and supervision
 * records, collect the units' remarks, and record attendance — which marks it held. Each step is
 * a use case with a policy check and an audit row in its transaction.
 */
export function createMeetingService(deps: MeetingDeps) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  async function record(trx: Executor, actor: Actor, action: string, id: string, details = {}) {
    await audit.record(trx, auditActorOf(actor), {
      action: `meeting.${action}`,
      objectType: 'meeting',
      objectId: id,
      details,
    });
  }

  async function writeMembers(trx: Executor, id: string, unitIds: string[]) {
    await trx
      .deleteFrom('meetingMember')
      .where('meetingId', '=', id)
      .where('orgUnitId', 'not in', unitIds)
      .execute();
    for (const [position, orgUnitId] of unitIds.entries()) {
      await trx
        .insertInto('meetingMember')
        .values({
          meetingId: id,
          orgUnitId,
          position,
          snapshot: null,
          snapshotAt: null,
          remarks: null,
          remarksBy: null,
          remarksAt: null,
        })
        .onConflict((oc) => oc.columns(['meetingId', 'orgUnitId']).doUpdateSet({ position }))
        .execute();
    }
  }

  /** (Re)computes every member's status report, keeping the remarks already written. */
  async function snapshot(trx: Executor, meeting: { id: string; districtId: string; meetingDate: string }) {
    const since = await repo.previousMeetingDate(trx, meeting.districtId, meeting.meetingDate, meeting.id);
    const unitIds = (await repo.listMembers(trx, [meeting.id])).map((m) => m.orgUnitId);
    const snapshots = await buildStatusSnapshots(trx, deps, {
      districtId: meeting.districtId,
      unitIds,
      since,
      today: today(),
    });
    const now = clock.now();
    for (const [unitId, s] of snapshots) {
      await trx
        .updateTable('meetingMember')
        .set({ snapshot: JSON.stringify(s), snapshotAt: now })
        .where('meetingId', '=', meeting.id)
        .where('orgUnitId', '=', unitId)
        .execute();
    }
    await trx
      .updateTable('meeting')
      .set({
        preparedAt: now,
        windowStart: snapshots.values().next().value?.windowStart ?? since,
        updatedAt: now,
      })
      .where('id', '=', meeting.id)
      .execute();
    return unitIds.length;
  }

  async function listMeetings(actor: Actor, filter: Parameters<typeof repo.listMeetingRows>[2]) {
    return meetingSummaries(db, actor, await repo.listMeetingRows(db, actor, filter));
  }

  async function getMeeting(actor: Actor, id: string) {
    const { meeting } = await loadMeeting(db, actor, id);
    return meetingDetail(db, actor, meeting, today());
  }

  async function createMeeting(actor: Actor, input: MeetingInput) {
    const districtId = actor.districtId;
    if (!districtId) throw new AppError('MEETING_NO_DISTRICT', 400);
    if (!mayManageMeeting(actor, { districtId, conveningUnitId: actor.orgUnitId }))
      throw new AppError('FORBIDDEN', 403);
    const id = await db.transaction().execute(async (trx) => {
      await validateMeetingInput(trx, actor, input);
      const now = clock.now();
      const row = await trx
        .insertInto('meeting')
        .values({
          districtId,
          number: await repo.nextMeetingNumber(trx, districtId),
          title: input.title.trim(),
          meetingDate: input.meetingDate,
          location: input.location.trim(),
          chair: input.chair.trim(),
          conveningUnitId: input.conveningUnitId ?? actor.orgUnitId,
          agenda: input.agenda.map((a) => a.trim()),
          state: 'planned',
          preparedAt: null,
          windowStart: null,
          heldAt: null,
          minutesFinalAt: null,
          closedAt: null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeMembers(trx, row.id, input.memberUnitIds);
      await record(trx, actor, 'created', row.id, {
        title: input.title,
        members: input.memberUnitIds.length,
      });
      return row.id;
    });
    return getMeeting(actor, id);
  }

  async function updateMeeting(actor: Actor, id: string, input: MeetingInput) {
    const { meeting } = await loadMeeting(db, actor, id);
    const manage = mayManageMeeting(actor, meeting);
    if (!manage || meeting.state !== 'planned') throw refusal(manage, 'MEETING_INVALID_TRANSITION');
    await db.transaction().execute(async (trx) => {
      await validateMeetingInput(trx, actor, input);
      const updated = await trx
        .updateTable('meeting')
        .set({
          title: input.title.trim(),
          meetingDate: input.meetingDate,
          location: input.location.trim(),
          chair: input.chair.trim(),
          conveningUnitId: input.conveningUnitId ?? meeting.conveningUnitId,
          agenda: input.agenda.map((a) => a.trim()),
          updatedAt: clock.now(),
        })
        .where('id', '=', id)
        .where('state', '=', 'planned')
        .returning(['id', 'districtId', 'meetingDate'])
        .executeTakeFirst();
      if (!updated) throw new AppError('MEETING_INVALID_TRANSITION', 409);
      await writeMembers(trx, id, input.memberUnitIds);
      // Once status reports exist, every member (a new one too) gets one for the new date.
      if (meeting.preparedAt) await snapshot(trx, updated);
      await record(trx, actor, 'updated', id, { members: input.memberUnitIds.length });
    });
    return getMeeting(actor, id);
  }

  async function prepareMeeting(actor: Actor, id: string) {
    const { meeting } = await loadMeeting(db, actor, id);
    const manage = mayManageMeeting(actor, meeting);
    if (!manage || meeting.state !== 'planned') throw refusal(manage, 'MEETING_ALREADY_HELD');
    await db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom('meeting')
        .select(['id', 'districtId', 'meetingDate', 'state'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (locked.state !== 'planned') throw new AppError('MEETING_ALREADY_HELD', 409);
      const units = await snapshot(trx, locked);
      await record(trx, actor, meeting.preparedAt ? 'status_refreshed' : 'prepared', id, { units });
    });
    return getMeeting(actor, id);
  }

  async function submitRemarks(actor: Actor, id: string, unitId: string, remarks: string) {
    const { meeting, members } = await loadMeeting(db, actor, id);
    const member = members.find((m) => m.orgUnitId === unitId);
    if (!member || !seesUnitOf(actor, meeting, unitId)) throw notFound();
    if (!mayRemark(actor, unitId)) throw new AppError('FORBIDDEN', 403);
    if (meeting.state !== 'planned') throw new AppError('MEETING_ALREADY_HELD', 409);
    if (!member.snapshot) throw new AppError('MEETING_NOT_PREPARED', 409);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const done = await trx
        .updateTable('meetingMember')
        .set({ remarks: remarks.trim(), remarksBy: actor.userId, remarksAt: now })
        .where('meetingId', '=', id)
        .where('orgUnitId', '=', unitId)
        .where((eb) =>
          eb.exists(
            eb.selectFrom('meeting').select('id').where('id', '=', id).where('state', '=', 'planned'),
          ),
        )
        .returning('meetingId')
        .executeTakeFirst();
      if (!done) throw new AppError('MEETING_ALREADY_HELD', 409);
      await record(trx, actor, 'remarks_submitted', id, { unitId, first: member.remarks === null });
    });
    return getMeeting(actor, id);
  }

  async function recordAttendance(actor: Actor, id: string, input: AttendanceInput) {
    const { meeting, members } = await loadMeeting(db, actor, id);
    const manage = mayManageMeeting(actor, meeting);
    if (!manage || meeting.state !== 'planned') throw refusal(manage, 'MEETING_INVALID_TRANSITION');
    if (!meeting.preparedAt) throw new AppError('MEETING_NOT_PREPARED', 409);
    if (meeting.meetingDate > today()) throw new AppError('MEETING_DATE_NOT_REACHED', 409);
    const problems = attendanceProblems(members, input);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const held = await trx
        .updateTable('meeting')
        .set({ state: 'held', heldAt: now, updatedAt: now })
        .where('id', '=', id)
        .where('state', '=', 'planned')
        .returning('id')
        .executeTakeFirst();
      if (!held) throw new AppError('MEETING_INVALID_TRANSITION', 409);
      for (const u of input.units) {
        await trx
          .updateTable('meetingMember')
          .set({
            attendance: u.present ? 'present' : 'absent',
            attendees: u.present ? u.attendees.trim() : '',
            absenceReason: u.present ? '' : (u.absenceReason ?? '').trim(),
          })
          .where('meetingId', '=', id)
          .where('orgUnitId', '=', u.unitId)
          .execute();
      }
      const absent = input.units.filter((u) => !u.present).map((u) => u.unitId);
      await record(trx, actor, 'held', id, { present: input.units.length - absent.length, absent });
    });
    return getMeeting(actor, id);
  }

  return {
    listMeetings,
    getMeeting,
    createMeeting,
    updateMeeting,
    prepareMeeting,
    submitRemarks,
    recordAttendance,
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;

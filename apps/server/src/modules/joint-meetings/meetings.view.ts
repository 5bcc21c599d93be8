import type { AlertTier } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { deadlineTier } from '../../platform/alerts/alert-tiers.ts';
import {
  findPendingUpdates,
  listActionItems,
  listItemStatesOfMeetings,
  type ActionItemRow,
} from './action-items.repository.ts';
import { toActionItemRef } from './action-items.queries.ts';
import { actionItemAbilities } from './action-items.workflow.ts';
import { seesUnitOf, seesWholeMeeting } from './meetings.policy.ts';
import { listMembers, type MeetingRow } from './meetings.repository.ts';
import { meetingFlow, minutesIssued } from './meetings.workflow.ts';

/** Lateness of an action item that is still to be done: days late (negative = left) and its alert tier. */
export function itemLateness(
  item: { state: string; deadline: string },
  today: string,
): { daysLate: number | null; tier: AlertTier | null } {
  if (item.state === 'completed' || item.state === 'draft') return { daysLate: null, tier: null };
  return deadlineTier(item.deadline, today);
}

/** Action items still to be done: issued and not yet completed. */
const isUnfinished = (state: string) => state !== 'draft' && state !== 'completed';

/** The API shape of action items, with what the actor may do with each. */
export async function actionItemViews(db: Executor, actor: Actor, rows: ActionItemRow[], today: string) {
  const pending = await findPendingUpdates(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...toActionItemRef(r),
    ...itemLateness(r, today),
    abilities: actionItemAbilities(actor, {
      ...r,
      pendingSubmittedBy: pending.get(r.id)?.submittedBy ?? null,
    }),
  }));
}

/** Meetings as list rows: counts only over what the actor may see of each. */
export async function meetingSummaries(db: Executor, actor: Actor, rows: MeetingRow[]) {
  const ids = rows.map((r) => r.id);
  const [members, items] = await Promise.all([listMembers(db, ids), listItemStatesOfMeetings(db, ids)]);
  return rows.map((m) => {
    const own = members.filter((x) => x.meetingId === m.id);
    return {
      id: m.id,
      number: m.number,
      title: m.title,
      meetingDate: m.meetingDate,
      location: m.location,
      conveningUnit: m.conveningUnit,
      state: m.state,
      memberCount: own.length,
      remarksMissing:
        m.state === 'planned' && m.preparedAt
          ? own.filter((x) => x.remarks === null && seesUnitOf(actor, m, x.orgUnitId)).length
          : 0,
      actionItemsOpen: items.filter(
        (i) => i.meetingId === m.id && isUnfinished(i.state) && seesUnitOf(actor, m, i.responsibleUnitId),
      ).length,
    };
  });
}

/** What the actor may do with a meeting now, under the names the API has always sent. */
function meetingAbilities(actor: Actor, m: MeetingRow, today: string) {
  const can = meetingFlow.abilities(actor, m);
  return {
    edit: can.edit,
    prepare: can.prepare,
    recordAttendance: can.recordAttendance && m.preparedAt !== null && m.meetingDate <= today,
    decide: can.decide,
    finaliseMinutes: can.finaliseMinutes,
    close: can.close,
    exportMinutes: minutesIssued(m.state),
  };
}

/** One meeting as the actor may see it: everything for its district, a member unit its own part. */
export async function meetingDetail(db: Executor, actor: Actor, m: MeetingRow, today: string) {
  const [summary] = await meetingSummaries(db, actor, [m]);
  const members = await listMembers(db, [m.id]);
  const whole = seesWholeMeeting(actor, m);
  const items = (await listActionItems(db, { scope: null, meetingId: m.id })).filter(
    (i) => seesUnitOf(actor, m, i.responsibleUnitId) && (whole || i.state !== 'draft'),
  );
  items.sort((a, b) => a.number - b.number);
  return {
    ...summary!,
    district: m.district,
    chair: m.chair,
    agenda: m.agenda,
    minutesSummary: m.minutesSummary,
    preparedAt: m.preparedAt,
    windowStart: m.windowStart,
    heldAt: m.heldAt,
    minutesFinalAt: m.minutesFinalAt,
    closedAt: m.closedAt,
    members: members.map((x) => ({
      unit: x.unit,
      attendance: x.attendance,
      attendees: x.attendees,
      absenceReason: x.absenceReason,
    })),
    statusReports: members
      .filter((x) => seesUnitOf(actor, m, x.orgUnitId))
      .map((x) => ({
        unit: x.unit,
        snapshot: x.snapshot,
        snapshotAt: x.snapshotAt,
        remarks: x.remarks,
        remarksByName: x.remarksByName,
        remarksAt: x.remarksAt,
        abilities: {
          remark:
            x.snapshot !== null && meetingFlow.can('remark', actor, { ...m, remarkUnitId: x.orgUnitId }),
        },
      })),
    decisions: await actionItemViews(db, actor, items, today),
    abilities: meetingAbilities(actor, m, today),
  };
}

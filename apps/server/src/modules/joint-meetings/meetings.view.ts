import type { AlertTier } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { APPROACHING_DAYS, daysBetween, tierForLateness } from '../action-plans/index.ts';
import {
  canUpdateActionItem,
  mayManageMeeting,
  mayRemark,
  mayReviewUpdate,
  meetingAbilities,
  seesUnitOf,
  seesWholeMeeting,
} from './meetings.policy.ts';
import {
  listActionItemRows,
  listMembers,
  type ActionItemRow,
  type MeetingRow,
} from './meetings.repository.ts';

/** Lateness of an action item that is still to be done: days late (negative = left) and its alert tier. */
export function itemLateness(item: { state: string; deadline: string }, today: string) {
  if (item.state === 'completed' || item.state === 'draft') return { daysLate: null, tier: null };
  const daysLate = daysBetween(item.deadline, today);
  const tier: AlertTier | null =
    daysLate > 0 || -daysLate <= APPROACHING_DAYS ? tierForLateness(daysLate) : null;
  return { daysLate, tier };
}

/** Who submitted the update awaiting review of each item (for the self-review rule). */
async function pendingSubmitters(db: Executor, itemIds: string[]) {
  if (itemIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('actionItemUpdate')
    .select(['actionItemId', 'submittedBy'])
    .where('actionItemId', 'in', itemIds)
    .where('state', '=', 'submitted')
    .execute();
  return new Map(rows.map((r) => [r.actionItemId, r.submittedBy]));
}

/** The API shape of action items, with what the actor may do with each. */
export async function actionItemViews(db: Executor, actor: Actor, rows: ActionItemRow[], today: string) {
  const pending = await pendingSubmitters(
    db,
    rows.filter((r) => r.state === 'submitted').map((r) => r.id),
  );
  return rows.map((r) => {
    const submittedBy = pending.get(r.id);
    return {
      id: r.id,
      meeting: { id: r.meetingId, title: r.meetingTitle, meetingDate: r.meetingDate },
      number: r.number,
      decision: r.decision,
      responsibleUnit: { id: r.responsibleUnitId, code: r.unitCode, name: r.unitName },
      deadline: r.deadline,
      state: r.state,
      completedOn: r.completedOn,
      ...itemLateness(r, today),
      abilities: {
        update: canUpdateActionItem(actor, r),
        review: r.state === 'submitted' && mayReviewUpdate(actor, r, submittedBy ? { submittedBy } : null),
        remove: r.state === 'draft' && mayManageMeeting(actor, r),
      },
    };
  });
}

/** Meetings as list rows: counts only over what the actor may see of each. */
export async function meetingSummaries(db: Executor, actor: Actor, rows: MeetingRow[]) {
  const ids = rows.map((r) => r.id);
  const [members, items] = await Promise.all([
    listMembers(db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('actionItem')
          .select(['meetingId', 'responsibleUnitId', 'state'])
          .where('meetingId', 'in', ids)
          .where('state', 'not in', ['draft', 'completed'])
          .execute(),
  ]);
  return rows.map((m) => {
    const own = members.filter((x) => x.meetingId === m.id);
    return {
      id: m.id,
      number: m.number,
      title: m.title,
      meetingDate: m.meetingDate,
      location: m.location,
      conveningUnit: { id: m.conveningUnitId, code: m.conveningUnitCode, name: m.conveningUnitName },
      state: m.state,
      memberCount: own.length,
      remarksMissing:
        m.state === 'planned' && m.preparedAt
          ? own.filter((x) => x.remarks === null && seesUnitOf(actor, m, x.orgUnitId)).length
          : 0,
      actionItemsOpen: items.filter((i) => i.meetingId === m.id && seesUnitOf(actor, m, i.responsibleUnitId))
        .length,
    };
  });
}

/** One meeting as the actor may see it: everything for its district, a member unit its own part. */
export async function meetingDetail(db: Executor, actor: Actor, m: MeetingRow, today: string) {
  const [summary] = await meetingSummaries(db, actor, [m]);
  const members = await listMembers(db, [m.id]);
  const whole = seesWholeMeeting(actor, m);
  const items = (await listActionItemRows(db, { scope: null, meetingId: m.id })).filter(
    (i) => seesUnitOf(actor, m, i.responsibleUnitId) && (whole || i.state !== 'draft'),
  );
  items.sort((a, b) => a.number - b.number);
  return {
    ...summary!,
    district: { id: m.districtId, code: m.districtCode, name: m.districtName },
    chair: m.chair,
    agenda: m.agenda,
    minutesSummary: m.minutesSummary,
    preparedAt: m.preparedAt,
    windowStart: m.windowStart,
    heldAt: m.heldAt,
    minutesFinalAt: m.minutesFinalAt,
    closedAt: m.closedAt,
    members: members.map((x) => ({
      unit: { id: x.orgUnitId, code: x.unitCode, name: x.unitName },
      attendance: x.attendance,
      attendees: x.attendees,
      absenceReason: x.absenceReason,
    })),
    statusReports: members
      .filter((x) => seesUnitOf(actor, m, x.orgUnitId))
      .map((x) => ({
        unit: { id: x.orgUnitId, code: x.unitCode, name: x.unitName },
        snapshot: x.snapshot,
        snapshotAt: x.snapshotAt,
        remarks: x.remarks,
        remarksByName: x.remarksByName,
        remarksAt: x.remarksAt,
        abilities: {
          remark: m.state === 'planned' && x.snapshot !== null && mayRemark(actor, x.orgUnitId),
        },
      })),
    decisions: await actionItemViews(db, actor, items, today),
    abilities: meetingAbilities(actor, m, today, m.meetingDate),
  };
}

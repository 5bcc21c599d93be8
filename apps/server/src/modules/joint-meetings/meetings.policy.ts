import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with joint meetings. Pure functions: (actor, resource) → boolean. Which states
 * allow each step is declared in meetings.workflow.ts and action-items.workflow.ts.
 * - The district's people (coordinator, viewers) see every meeting of their district, every
 *   status report and every action item; a member unit sees the meetings it attends, its own
 *   status report and the action items it is responsible for.
 * - Convening, attendance, decisions, minutes and review of action items: `meeting.manage` in
 *   the meeting's district.
 * - Remarks on a status report: the member unit's own clerk (`meeting.remark`).
 * - Updates on an action item: the responsible unit's own people (`meeting.remark` or `meeting.manage`).
 */

export interface MeetingRef {
  districtId: string;
  conveningUnitId: string;
}

const inScope = (actor: Actor, unitId: string) => actor.scope.all || actor.scope.orgUnitIds.includes(unitId);

/** District-wide view of a meeting: all its status reports, decisions and the minutes. */
export function seesWholeMeeting(actor: Actor, meeting: MeetingRef): boolean {
  return inScope(actor, meeting.districtId);
}

/** A meeting is visible to its district's people, its convening unit and its member units. */
export function canSeeMeeting(actor: Actor, meeting: MeetingRef, memberUnitIds: readonly string[]): boolean {
  return (
    seesWholeMeeting(actor, meeting) ||
    inScope(actor, meeting.conveningUnitId) ||
    memberUnitIds.some((id) => inScope(actor, id))
  );
}

/** Whether the actor sees a given member unit's status report or action item within a visible meeting. */
export function seesUnitOf(actor: Actor, meeting: MeetingRef, unitId: string): boolean {
  return seesWholeMeeting(actor, meeting) || inScope(actor, unitId);
}

/** A unit the actor may name on a meeting (member, convening or responsible unit): within reach. */
export function mayNameUnit(actor: Actor, unitId: string): boolean {
  return inScope(actor, unitId);
}

/** Convening and running the meeting (whatever its state). */
export function mayManageMeeting(actor: Actor, meeting: MeetingRef): boolean {
  return actor.permissions.has('meeting.manage') && seesWholeMeeting(actor, meeting);
}

/** Writing a member unit's remarks (whatever the meeting's state). */
export function mayRemark(actor: Actor, unitId: string): boolean {
  return actor.permissions.has('meeting.remark') && actor.orgUnitId === unitId;
}

/** Reporting progress on an action item (whatever its state). */
export function mayUpdateActionItem(actor: Actor, item: { responsibleUnitId: string }): boolean {
  return (
    (actor.permissions.has('meeting.remark') || actor.permissions.has('meeting.manage')) &&
    actor.orgUnitId === item.responsibleUnitId
  );
}

/** Reviewing an update: the meeting's managers, never the person who submitted it. */
export function mayReviewUpdate(
  actor: Actor,
  meeting: MeetingRef,
  update: { submittedBy: string } | null,
): boolean {
  return mayManageMeeting(actor, meeting) && update?.submittedBy !== actor.userId;
}

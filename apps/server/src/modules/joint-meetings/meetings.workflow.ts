import type { MeetingState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { defineWorkflow, type Subject } from '../../platform/workflow/workflow.ts';
import { mayManageMeeting, mayRemark, type MeetingRef } from './meetings.policy.ts';

/** What the meeting's rules read: its district and convening unit; for remarks, the unit writing. */
export type MeetingFacts = MeetingRef & { remarkUnitId?: string };

const manage = (actor: Actor, m: MeetingFacts) => mayManageMeeting(actor, m);
const remark = (actor: Actor, m: MeetingFacts) =>
  m.remarkUnitId !== undefined && mayRemark(actor, m.remarkUnitId);

/**
 * A joint meeting (联席会议): convened and prepared while planned (筹备中), held once attendance is
 * recorded (已召开), its minutes made final (纪要已印发), closed once every action item is done (已办结).
 */
export const meetingFlow = defineWorkflow({
  table: 'meeting',
  auditPrefix: 'meeting',
  objectType: 'meeting',
  conflict: 'MEETING_INVALID_TRANSITION',
  steps: {
    create: { from: [], to: 'planned', may: manage, action: 'created' },
    edit: { from: ['planned'], may: manage, action: 'updated' },
    prepare: {
      from: ['planned'],
      may: manage,
      conflict: 'MEETING_ALREADY_HELD',
      action: 'prepared',
    },
    refreshStatus: {
      from: ['planned'],
      may: manage,
      conflict: 'MEETING_ALREADY_HELD',
      action: 'status_refreshed',
    },
    remark: {
      from: ['planned'],
      may: remark,
      conflict: 'MEETING_ALREADY_HELD',
      action: 'remarks_submitted',
    },
    recordAttendance: { from: ['planned'], to: 'held', may: manage, action: 'held' },
    decide: { from: ['held'], may: manage, action: 'decision_added' },
    finaliseMinutes: {
      from: ['held'],
      to: 'minutes_final',
      may: manage,
      action: 'minutes_finalised',
    },
    close: { from: ['minutes_final'], to: 'closed', may: manage, action: 'closed' },
  },
});

export type MeetingStep = (typeof meetingFlow.steps)[number];
export type MeetingSubject = Subject<MeetingState, MeetingFacts>;

/** The steps of the minutes: refused with MEETING_NOT_HELD while the meeting is still planned. */
const AFTER_THE_MEETING: readonly MeetingStep[] = ['decide', 'finaliseMinutes', 'close'];

/**
 * Refuses a step as the workflow does (403 when the actor may never take it, 409 when the state
 * does not allow it), except that a step of the minutes on a meeting not yet held says so.
 */
export function assertMeetingStep(step: MeetingStep, actor: Actor, meeting: MeetingSubject): void {
  if (
    meeting.state === 'planned' &&
    AFTER_THE_MEETING.includes(step) &&
    meetingFlow.definition.steps[step].may(actor, meeting)
  )
    throw new AppError('MEETING_NOT_HELD', 409);
  meetingFlow.assert(step, actor, meeting);
}

/** Whether the minutes are issued (印发): readable by every member unit, exportable. */
export function minutesIssued(state: MeetingState): boolean {
  return state === 'minutes_final' || state === 'closed';
}

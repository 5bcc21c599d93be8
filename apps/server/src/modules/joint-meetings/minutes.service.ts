/**
 * After the meeting: record its decisions (议定事项), each with a responsible unit and a
 * deadline; make the minutes (会议纪要) final, which turns the decisions into action items the
 * units must carry out; close the meeting once every action item is 销号; export the minutes.
 */
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { MEDIA_TYPES, type FileAnswer } from '../../platform/http/file-reply.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actionItemAssignedNotice } from './action-items.notices.ts';
import * as items from './action-items.repository.ts';
import { actionItemFlow } from './action-items.workflow.ts';
import { listMembers } from './meetings.repository.ts';
import { loadMeeting, lockForStep } from './meetings.rules.ts';
import type { DecisionInput } from './meetings.schema.ts';
import { validateResponsibleUnit } from './meetings.validation.ts';
import { meetingDetail } from './meetings.view.ts';
import { assertMeetingStep, meetingFlow, minutesIssued } from './meetings.workflow.ts';
import { buildMinutes } from './minutes.ts';

/** A decision's own audit row (on the action item: its history starts with the decision). */
async function recordDecision(
  deps: ModuleDeps,
  trx: Executor,
  actor: Actor,
  action: 'decision_added' | 'decision_removed',
  itemId: string,
  details: Record<string, unknown>,
) {
  await deps.audit.record(trx, auditActorOf(actor), {
    action: `meeting.${action}`,
    objectType: 'action_item',
    objectId: itemId,
    details,
  });
}

async function detail(deps: ModuleDeps, actor: Actor, id: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  return meetingDetail(deps.db, actor, meeting, chinaDate(deps.clock.now()));
}

/** Records a decision of a held meeting, as a draft action item of its minutes. */
export async function addDecision(deps: ModuleDeps, actor: Actor, id: string, input: DecisionInput) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  assertMeetingStep('decide', actor, meeting);
  await validateResponsibleUnit(deps.db, actor, input.responsibleUnitId);
  await deps.transaction(async (trx) => {
    await lockForStep(trx, 'decide', actor, meeting);
    const now = deps.clock.now();
    const itemId = await items.insertActionItem(trx, {
      meetingId: id,
      number: await items.nextActionItemNumber(trx, id),
      decision: input.decision.trim(),
      responsibleUnitId: input.responsibleUnitId,
      deadline: input.deadline,
      state: 'draft',
      completedOn: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordDecision(deps, trx, actor, 'decision_added', itemId, {
      meetingId: id,
      responsibleUnitId: input.responsibleUnitId,
      deadline: input.deadline,
    });
  });
  return detail(deps, actor, id);
}

/** Removes a decision while the minutes are a draft; the others keep numbers without gaps. */
export async function removeDecision(deps: ModuleDeps, actor: Actor, id: string, itemId: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  assertMeetingStep('decide', actor, meeting);
  await deps.transaction(async (trx) => {
    await lockForStep(trx, 'decide', actor, meeting);
    const item = await items.findActionItemById(trx, itemId);
    const subject = item && { ...item, pendingSubmittedBy: null };
    if (!subject || subject.meetingId !== id || !actionItemFlow.can('remove', actor, subject))
      throw notFound();
    await items.deleteActionItem(trx, id, itemId);
    await recordDecision(deps, trx, actor, 'decision_removed', itemId, { meetingId: id });
  });
  return detail(deps, actor, id);
}

/** Makes the minutes final (纪要印发): the decisions become action items the units carry out. */
export async function finaliseMinutes(deps: ModuleDeps, actor: Actor, id: string, summary: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  assertMeetingStep('finaliseMinutes', actor, meeting);
  await deps.transaction(async (trx) => {
    await lockForStep(trx, 'finaliseMinutes', actor, meeting);
    const now = deps.clock.now();
    const issued = await items.moveActionItemsOfMeeting(trx, id, actionItemFlow.definition.steps.issue, now);
    if (issued.length === 0) throw new AppError('MEETING_NO_DECISIONS', 409);
    await meetingFlow.apply(deps, trx, 'finaliseMinutes', actor, meeting, {
      set: { minutesFinalAt: now, minutesSummary: summary.trim() },
      details: { actionItems: issued.length },
    });
    for (const item of issued) await deps.notifications.publish(trx, actionItemAssignedNotice(meeting, item));
  });
  return detail(deps, actor, id);
}

/** Closes the meeting (办结) once every action item is completed (销号). */
export async function closeMeeting(deps: ModuleDeps, actor: Actor, id: string) {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  assertMeetingStep('close', actor, meeting);
  await deps.transaction(async (trx) => {
    await lockForStep(trx, 'close', actor, meeting);
    const states = await items.listItemStatesOfMeetings(trx, [id]);
    if (states.some((i) => i.state !== 'completed')) throw new AppError('MEETING_ACTION_ITEMS_OPEN', 409);
    await meetingFlow.apply(deps, trx, 'close', actor, meeting, { set: { closedAt: deps.clock.now() } });
  });
  return detail(deps, actor, id);
}

/**
 * The minutes as an official document (DOCX or PDF), once final. Issued minutes go to every
 * member unit (印发各成员单位), so whoever sees the meeting may download them. Audited as an export.
 */
export async function renderMinutes(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  lang: 'zh' | 'en',
  format: 'docx' | 'pdf',
): Promise<FileAnswer> {
  const { meeting } = await loadMeeting(deps.db, actor, id);
  if (!minutesIssued(meeting.state)) throw new AppError('MEETING_MINUTES_NOT_FINAL', 409);
  // The minutes carry every member and every decision, not only the reader's.
  const [members, decisions] = await Promise.all([
    listMembers(deps.db, [id]),
    items.listActionItems(deps.db, { scope: null, meetingId: id }),
  ]);
  await deps.transaction((trx) =>
    deps.audit.record(trx, auditActorOf(actor), {
      action: 'meeting.minutes_exported',
      objectType: 'meeting',
      objectId: id,
      details: { format, lang },
    }),
  );
  const doc = buildMinutes(
    {
      ...meeting,
      minutesDate: meeting.minutesFinalAt ? chinaDate(meeting.minutesFinalAt) : null,
      members,
      decisions,
    },
    lang,
  );
  const body = format === 'pdf' ? await deps.documents.pdf(doc) : await deps.documents.docx(doc);
  return {
    body,
    mediaType: MEDIA_TYPES[format],
    filename: `${meeting.meetingDate}-${meeting.title}-纪要.${format}`,
  };
}

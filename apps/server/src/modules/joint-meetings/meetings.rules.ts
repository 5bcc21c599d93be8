import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { findActionItemById, findPendingUpdates } from './action-items.repository.ts';
import { canSeeMeeting, seesUnitOf, seesWholeMeeting } from './meetings.policy.ts';
import { findMeetingById, listMembers, lockMeetingState, type MeetingRow } from './meetings.repository.ts';
import { assertMeetingStep, type MeetingStep } from './meetings.workflow.ts';

/** A meeting the actor may see, with its member units; 404 otherwise. */
export async function loadMeeting(db: Executor, actor: Actor, id: string) {
  const meeting = await findMeetingById(db, id);
  if (!meeting) throw notFound();
  const members = await listMembers(db, [id]);
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
 * Locks the meeting for the rest of the transaction and checks the step against its state now
 * (403 / 409): for steps that write beside the meeting (decisions, the minutes).
 */
export async function lockForStep(trx: Executor, step: MeetingStep, actor: Actor, meeting: MeetingRow) {
  const state = await lockMeetingState(trx, meeting.id);
  assertMeetingStep(step, actor, { ...meeting, state });
}

/**
 * An action item the actor may see (its unit's, or its district's; drafts only district-wide),
 * with who submitted the update awaiting review; 404 otherwise.
 */
export async function loadActionItem(db: Executor, actor: Actor, id: string) {
  const item = await findActionItemById(db, id);
  if (!item || !seesUnitOf(actor, item, item.responsibleUnitId)) throw notFound();
  if (item.state === 'draft' && !seesWholeMeeting(actor, item)) throw notFound();
  const pending = (await findPendingUpdates(db, [id])).get(id) ?? null;
  return { ...item, pending, pendingSubmittedBy: pending?.submittedBy ?? null };
}

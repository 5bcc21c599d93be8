import type { ActionItemState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow, type Subject } from '../../platform/workflow/workflow.ts';
import {
  mayManageMeeting,
  mayReviewUpdate,
  mayUpdateActionItem,
  type MeetingRef,
} from './meetings.policy.ts';

/**
 * What an action item's rules read: its meeting's district and convening unit, its responsible
 * unit, and who submitted the update awaiting review (nobody reviews their own).
 */
export type ActionItemFacts = MeetingRef & { responsibleUnitId: string; pendingSubmittedBy: string | null };

const mayReview = (actor: Actor, item: ActionItemFacts) =>
  mayReviewUpdate(actor, item, item.pendingSubmittedBy ? { submittedBy: item.pendingSubmittedBy } : null);

/**
 * A decision of a joint meeting carried out (议定事项落实): a draft while the minutes are, open once
 * they are final; the responsible unit submits an update, the convening side accepts it (销号 when
 * the update says the work is done) or returns it.
 */
export const actionItemFlow = defineWorkflow({
  table: 'actionItem',
  auditPrefix: 'action_item',
  objectType: 'action_item',
  conflict: 'ACTION_ITEM_INVALID_TRANSITION',
  steps: {
    remove: { from: ['draft'], may: mayManageMeeting, action: 'removed' },
    issue: { from: ['draft'], to: 'open', may: mayManageMeeting, action: 'issued' },
    submit: {
      from: ['open', 'returned'],
      to: 'submitted',
      may: mayUpdateActionItem,
      action: 'update_submitted',
    },
    accept: { from: ['submitted'], to: 'open', may: mayReview, action: 'update_accepted' },
    acceptAsDone: { from: ['submitted'], to: 'completed', may: mayReview, action: 'update_accepted' },
    return: { from: ['submitted'], to: 'returned', may: mayReview, action: 'update_returned' },
  },
});

export type ActionItemSubject = Subject<ActionItemState, ActionItemFacts>;

/** What the UI may offer on an action item now (the names the API has always sent). */
export function actionItemAbilities(actor: Actor, item: ActionItemSubject) {
  const can = actionItemFlow.abilities(actor, item);
  return { update: can.submit, review: can.accept, remove: can.remove };
}

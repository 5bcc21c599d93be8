/**
 * Carrying out the decisions of a joint meeting (议定事项落实): the responsible unit reports
 * progress with evidence, the convening side accepts it or returns it with a comment; an accepted
 * update that says the work is done completes the item (销号). Every step is audited.
 */
import type { ActionItemState } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import * as repo from './action-items.repository.ts';
import { actionItemFlow } from './action-items.workflow.ts';
import { mayManageMeeting, mayUpdateActionItem } from './meetings.policy.ts';
import { loadActionItem } from './meetings.rules.ts';
import type { ActionItemListFilter, UpdateInput } from './meetings.schema.ts';
import { actionItemViews } from './meetings.view.ts';

const TO_BE_DONE: ActionItemState[] = ['open', 'submitted', 'returned'];
const today = (deps: ModuleDeps) => chinaDate(deps.clock.now());

/** Which states a list shows: drafts (decisions of minutes not yet final) show on their meeting only. */
function statesShown(filter: ActionItemListFilter): ActionItemState[] {
  if (filter.overdue) return TO_BE_DONE.filter((s) => !filter.state || s === filter.state);
  if (filter.state) return filter.state === 'draft' ? [] : [filter.state];
  return [...TO_BE_DONE, 'completed'];
}

/**
 * An action item with the file `fileId` among its updates' evidence that the actor may read (as
 * `getActionItem` would let them), or null: the file route serves evidence through it.
 */
export async function readableActionItemWithFile(deps: ModuleDeps, actor: Actor, fileId: string) {
  const ids = await repo.listItemIdsWithFile(deps.db, fileId);
  return firstReadable(ids, (id) => loadActionItem(deps.db, actor, id));
}

/** Action items the actor may see (its unit's, or the district's), by deadline. */
export async function listActionItems(deps: ModuleDeps, actor: Actor, filter: ActionItemListFilter) {
  const rows = await repo.listActionItems(deps.db, {
    scope: actor.scope.all ? null : actor.scope.orgUnitIds,
    meetingId: filter.meetingId,
    unitId: filter.unitId,
    states: statesShown(filter),
    deadlineBefore: filter.overdue ? chinaDate(new Date(deps.clock.now().getTime() - 86_400_000)) : undefined,
    limit: filter.limit,
    offset: filter.offset,
  });
  return actionItemViews(deps.db, actor, rows, today(deps));
}

/** One action item with its progress updates and their review; 404 when the actor may not see it. */
export async function getActionItem(deps: ModuleDeps, actor: Actor, id: string) {
  const item = await loadActionItem(deps.db, actor, id);
  const [view] = await actionItemViews(deps.db, actor, [item], today(deps));
  return { ...view!, updates: await repo.listUpdates(deps.db, id) };
}

/** The responsible unit reports progress with evidence; `complete` asks for 销号. */
export async function submitUpdate(deps: ModuleDeps, actor: Actor, id: string, input: UpdateInput) {
  const item = await loadActionItem(deps.db, actor, id);
  if (!mayUpdateActionItem(actor, item)) throw new AppError('ACTION_ITEM_NOT_RESPONSIBLE', 403);
  actionItemFlow.assert('submit', actor, item);
  await checkEvidenceFiles(deps.db, actor, input.fileIds);
  await deps.transaction(async (trx) => {
    const updateId = await repo.insertUpdate(
      trx,
      {
        actionItemId: id,
        narrative: input.narrative.trim(),
        claimsCompletion: input.complete,
        state: 'submitted',
        submittedBy: actor.userId,
        submittedAt: deps.clock.now(),
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
      },
      input.fileIds,
    );
    await actionItemFlow.apply(deps, trx, 'submit', actor, item, {
      details: { updateId, complete: input.complete },
    });
  });
  return getActionItem(deps, actor, id);
}

/**
 * Reviews the pending update: accepted (the item is completed, 销号, when the update says the work
 * is done) or returned with a comment.
 */
async function review(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  outcome: 'accepted' | 'returned',
  comment: string | null,
) {
  const item = await loadActionItem(deps.db, actor, id);
  const pending = item.pending;
  // The workflow would answer a plain 403; the reviewer's own update gets its own code.
  if (pending?.submittedBy === actor.userId && mayManageMeeting(actor, item))
    throw new AppError('ACTION_ITEM_SELF_REVIEW', 403);
  const completes = outcome === 'accepted' && pending?.claimsCompletion === true;
  const step = outcome === 'returned' ? 'return' : completes ? 'acceptAsDone' : 'accept';
  actionItemFlow.assert(step, actor, item);
  if (!pending) throw actionItemFlow.conflict(step);
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    await actionItemFlow.apply(deps, trx, step, actor, item, {
      set: { completedOn: completes ? chinaDate(now) : null },
      comment,
      details: { updateId: pending.id },
    });
    await repo.writeReview(trx, pending.id, {
      state: outcome,
      reviewedBy: actor.userId,
      reviewedAt: now,
      reviewComment: comment,
    });
    if (completes)
      await deps.audit.record(trx, auditActorOf(actor), {
        action: 'action_item.completed',
        objectType: 'action_item',
        objectId: id,
        details: {},
      });
  });
  return getActionItem(deps, actor, id);
}

/** Accepts the pending update; when it reports completion the item is completed (销号). */
export async function acceptUpdate(deps: ModuleDeps, actor: Actor, id: string) {
  return review(deps, actor, id, 'accepted', null);
}

/** Returns the pending update with a comment (退回). */
export async function returnUpdate(deps: ModuleDeps, actor: Actor, id: string, comment: string) {
  if (!comment.trim())
    throw new AppError('VALIDATION_FAILED', 400, [
      {
        field: 'comment',
        code: 'REQUIRED',
        message: '退回时须填写意见',
        messageEn: 'A comment is required when returning',
      },
    ]);
  return review(deps, actor, id, 'returned', comment.trim());
}

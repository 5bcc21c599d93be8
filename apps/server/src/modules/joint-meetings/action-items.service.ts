import type { ActionItemState } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import {
  canUpdateActionItem,
  mayManageMeeting,
  mayUpdateActionItem,
  seesUnitOf,
  seesWholeMeeting,
} from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import type { UpdateInput } from './meetings.schema.ts';
import { actionItemViews } from './meetings.view.ts';

const PENDING: ActionItemState[] = ['open', 'submitted', 'returned'];

/**
 * Carrying out the decisions of a joint meeting (议定事项落实): the responsible unit reports
 * progress with evidence, the convening side accepts it or returns it with a comment; an accepted
 * update that says the work is done completes the item (销号). Every step is audited.
 */
export function createActionItemService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  async function load(actor: Actor, id: string) {
    const item = await repo.findActionItemRow(db, id);
    if (!item || !seesUnitOf(actor, item, item.responsibleUnitId)) throw notFound();
    if (item.state === 'draft' && !seesWholeMeeting(actor, item)) throw notFound();
    return item;
  }

  async function record(trx: Executor, actor: Actor, action: string, id: string, details = {}) {
    await audit.record(trx, auditActorOf(actor), {
      action: `action_item.${action}`,
      objectType: 'action_item',
      objectId: id,
      details,
    });
  }

  async function listActionItems(
    actor: Actor,
    filter: {
      meetingId?: string;
      state?: ActionItemState;
      unitId?: string;
      overdue?: boolean;
      limit?: number;
      offset?: number;
    },
  ) {
    const rows = await repo.listActionItemRows(db, {
      scope: actor.scope.all ? null : actor.scope.orgUnitIds,
      meetingId: filter.meetingId,
      unitId: filter.unitId,
      // Drafts are decisions of minutes not yet final: they show on their meeting only.
      states: filter.overdue
        ? PENDING.filter((s) => !filter.state || s === filter.state)
        : filter.state
          ? [filter.state].filter((s) => s !== 'draft')
          : ['open', 'submitted', 'returned', 'completed'],
      deadlineBefore: filter.overdue ? chinaDate(new Date(clock.now().getTime() - 86_400_000)) : undefined,
      limit: filter.limit,
      offset: filter.offset,
    });
    return actionItemViews(db, actor, rows, today());
  }

  async function getActionItem(actor: Actor, id: string) {
    const item = await load(actor, id);
    const [view] = await actionItemViews(db, actor, [item], today());
    const updates = (await repo.listUpdates(db, [id])).map(
      ({ actionItemId: _i, submittedBy: _s, ...u }) => u,
    );
    return { ...view!, updates };
  }

  async function submitUpdate(actor: Actor, id: string, input: UpdateInput) {
    const item = await load(actor, id);
    if (!mayUpdateActionItem(actor, item)) throw new AppError('ACTION_ITEM_NOT_RESPONSIBLE', 403);
    if (!canUpdateActionItem(actor, item)) throw new AppError('ACTION_ITEM_INVALID_TRANSITION', 409);
    if (input.fileIds.length > 0) {
      const own = await db
        .selectFrom('storedFile')
        .select('id')
        .where('id', 'in', input.fileIds)
        .where('orgUnitId', '=', actor.orgUnitId)
        .execute();
      const ok = new Set(own.map((f) => f.id));
      const problems = input.fileIds.flatMap((fid, i) =>
        ok.has(fid)
          ? []
          : [
              {
                field: `fileIds.${i}`,
                code: 'FILE_UNKNOWN',
                message: '附件不存在或不属于本单位',
                messageEn: 'Unknown file, or not uploaded by your unit',
              },
            ],
      );
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
    }
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const moved = await trx
        .updateTable('actionItem')
        .set({ state: 'submitted', updatedAt: now })
        .where('id', '=', id)
        .where('state', 'in', ['open', 'returned'])
        .returning('id')
        .executeTakeFirst();
      if (!moved) throw new AppError('ACTION_ITEM_INVALID_TRANSITION', 409);
      const update = await trx
        .insertInto('actionItemUpdate')
        .values({
          actionItemId: id,
          narrative: input.narrative.trim(),
          claimsCompletion: input.complete,
          state: 'submitted',
          submittedBy: actor.userId,
          submittedAt: now,
          reviewedBy: null,
          reviewedAt: null,
          reviewComment: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.fileIds.length > 0)
        await trx
          .insertInto('actionItemUpdateFile')
          .values(input.fileIds.map((fileId) => ({ updateId: update.id, fileId })))
          .execute();
      await record(trx, actor, 'update_submitted', id, { updateId: update.id, complete: input.complete });
    });
    return getActionItem(actor, id);
  }

  /** The update awaiting review, checked against the reviewer; 403 / 409 otherwise. */
  async function pendingFor(actor: Actor, item: repo.ActionItemRow) {
    if (!mayManageMeeting(actor, item)) throw new AppError('FORBIDDEN', 403);
    if (item.state !== 'submitted') throw new AppError('ACTION_ITEM_INVALID_TRANSITION', 409);
    const pending = await db
      .selectFrom('actionItemUpdate')
      .select(['id', 'submittedBy', 'claimsCompletion'])
      .where('actionItemId', '=', item.id)
      .where('state', '=', 'submitted')
      .executeTakeFirst();
    if (!pending) throw new AppError('ACTION_ITEM_INVALID_TRANSITION', 409);
    if (pending.submittedBy === actor.userId) throw new AppError('ACTION_ITEM_SELF_REVIEW', 403);
    return pending;
  }

  async function review(actor: Actor, id: string, outcome: 'accepted' | 'returned', comment: string | null) {
    const item = await load(actor, id);
    const pending = await pendingFor(actor, item);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const reviewed = await trx
        .updateTable('actionItemUpdate')
        .set({ state: outcome, reviewedBy: actor.userId, reviewedAt: now, reviewComment: comment })
        .where('id', '=', pending.id)
        .where('state', '=', 'submitted')
        .returning('id')
        .executeTakeFirst();
      if (!reviewed) throw new AppError('ACTION_ITEM_INVALID_TRANSITION', 409);
      const completes = outcome === 'accepted' && pending.claimsCompletion;
      const next: ActionItemState = outcome === 'returned' ? 'returned' : completes ? 'completed' : 'open';
      await trx
        .updateTable('actionItem')
        .set({ state: next, completedOn: completes ? chinaDate(now) : null, updatedAt: now })
        .where('id', '=', id)
        .where('state', '=', 'submitted')
        .execute();
      await record(trx, actor, `update_${outcome}`, id, {
        updateId: pending.id,
        ...(comment ? { comment } : {}),
      });
      if (completes) await record(trx, actor, 'completed', id);
    });
    return getActionItem(actor, id);
  }

  const acceptUpdate = (actor: Actor, id: string) => review(actor, id, 'accepted', null);
  const returnUpdate = (actor: Actor, id: string, comment: string) => {
    if (!comment.trim())
      throw new AppError('VALIDATION_FAILED', 400, [
        {
          field: 'comment',
          code: 'REQUIRED',
          message: '退回时须填写意见',
          messageEn: 'A comment is required when returning',
        },
      ]);
    return review(actor, id, 'returned', comment.trim());
  };

  return { listActionItems, getActionItem, submitUpdate, acceptUpdate, returnUpdate };
}

export type ActionItemService = ReturnType<typeof createActionItemService>;

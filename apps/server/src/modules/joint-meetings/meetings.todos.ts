import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { daysLateOf, type TodoItem, type TodoSource } from '../../platform/todos/todo-sources.ts';
import { findPendingUpdates, listActionItems, type ActionItemRow } from './action-items.repository.ts';
import { listMissingRemarks } from './meetings.repository.ts';
import { mayRemark, mayReviewUpdate, mayUpdateActionItem } from './meetings.policy.ts';

type Lang = 'zh' | 'en';

/** How far ahead a planned meeting's missing remarks are listed (its status report is prepared). */
const REMARKS_HORIZON_DAYS = 60;

/**
 * Todo source `joint-meetings`:
 * - `action_item_to_do`: action items (议定事项) the actor's unit is responsible for, open or
 *   returned, with their deadline;
 * - `action_item_to_review`: updates submitted on the district's items, for the meeting's managers
 *   who did not submit them;
 * - `remarks_to_write`: the unit's status report for a prepared meeting still without its remarks.
 */
export function createMeetingTodos(deps: { db: Executor }): TodoSource {
  return async (actor: Actor, lang: Lang, today: string) => {
    if (!actor.permissions.has('meeting.read')) return [];
    const scope = actor.scope.all ? null : actor.scope.orgUnitIds;
    const own = await listActionItems(deps.db, {
      scope,
      unitId: actor.orgUnitId,
      states: ['open', 'returned'],
    });
    const submitted = actor.permissions.has('meeting.manage')
      ? await listActionItems(deps.db, { scope, states: ['submitted'] })
      : [];
    const pending = await findPendingUpdates(
      deps.db,
      submitted.map((i) => i.id),
    );
    const horizon = new Date(Date.parse(today) + REMARKS_HORIZON_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const remarks = actor.permissions.has('meeting.remark')
      ? await listMissingRemarks(deps.db, { scope, from: today, to: horizon })
      : [];
    return [
      ...own.filter((i) => mayUpdateActionItem(actor, i)).map((i) => itemTodo('do', i, lang, today)),
      ...submitted
        .filter((i) => mayReviewUpdate(actor, i, pending.get(i.id) ?? null))
        .map((i) => itemTodo('review', i, lang, today)),
      ...remarks
        .filter((r) => mayRemark(actor, r.orgUnitId))
        .map((r): TodoItem => ({
          id: `joint-meetings:remarks:${r.meetingId}:${r.orgUnitId}`,
          source: 'joint-meetings',
          kind: 'remarks_to_write',
          title:
            lang === 'zh'
              ? `填写联席会议情况说明：${r.title}`
              : `Add remarks to the status report: ${r.title}`,
          unit: r.unit,
          dueDate: r.meetingDate,
          daysLate: daysLateOf(r.meetingDate, today),
          link: `/meetings/${r.meetingId}`,
          count: null,
        })),
    ];
  };
}

function itemTodo(step: 'do' | 'review', i: ActionItemRow, lang: Lang, today: string): TodoItem {
  const dueDate = step === 'do' ? i.deadline : null;
  const verb =
    step === 'do'
      ? { zh: i.state === 'returned' ? '议定事项（已退回）' : '议定事项', en: 'Action item' }
      : { zh: '审核议定事项进展', en: 'Review the action item update' };
  return {
    id: `joint-meetings:${step}:${i.id}`,
    source: 'joint-meetings',
    kind: step === 'do' ? 'action_item_to_do' : 'action_item_to_review',
    title: lang === 'zh' ? `${verb.zh}：${i.decision}` : `${verb.en}: ${i.decision}`,
    unit: i.responsibleUnit,
    dueDate,
    daysLate: daysLateOf(dueDate, today),
    link: `/meetings/action-items/${i.id}`,
    count: null,
  };
}

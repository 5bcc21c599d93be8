import type { Notice } from '../../platform/notifications/index.ts';

/** What a notice about an assigned action item needs to know of it. */
interface AssignedItem {
  id: string;
  number: number;
  decision: string;
  deadline: string;
  responsibleUnitId: string;
}

/**
 * The notice to the responsible unit that the final minutes (纪要印发) assigned it an action item
 * (议定事项交办), with the decision and its deadline.
 *
 * @example actionItemAssignedNotice({ title: '2021年第一次联席会议' }, item)
 */
export function actionItemAssignedNotice(meeting: { title: string }, item: AssignedItem): Notice {
  return {
    unitId: item.responsibleUnitId,
    kind: 'action_item.assigned',
    title: {
      zh: `联席会议议定事项交办：${meeting.title}第${item.number}项`,
      en: `Joint meeting action item assigned: ${meeting.title}, item ${item.number}`,
    },
    body: {
      zh: `${item.decision}（完成时限：${item.deadline}）`,
      en: `${item.decision} (deadline: ${item.deadline})`,
    },
    link: `/meetings/action-items/${item.id}`,
    object: { type: 'action_item', id: item.id },
  };
}

import type { Notice } from '../../platform/notifications/index.ts';

/** What a notice about an order needs to know of it. */
interface NoticedOrder {
  id: string;
  orgUnitId: string;
  title: string;
  dueDate: string;
}

/** The inspector's steps an inspected unit is told of. */
export type OrderEvent = 'issued' | 'verified' | 'returned' | 'closed';

const TITLES: Record<OrderEvent, { zh: string; en: string }> = {
  issued: { zh: '收到整改通知', en: 'Rectification order issued' },
  verified: { zh: '整改情况复核通过', en: 'Rectification answer accepted' },
  returned: { zh: '整改情况被退回重改', en: 'Rectification answer returned' },
  closed: { zh: '整改通知已销号', en: 'Rectification order closed (销号)' },
};

/**
 * The notice to the inspected unit of a step on its rectification order (整改通知): issued to it,
 * its answer verified (复核通过) or sent back (退回) with the inspector's comment, or closed (销号).
 *
 * @example orderNotice(order, 'returned', '佐证材料不全')
 */
export function orderNotice(order: NoticedOrder, event: OrderEvent, comment: string | null = null): Notice {
  const title = TITLES[event];
  const body =
    event === 'issued'
      ? { zh: `整改期限：${order.dueDate}`, en: `Deadline: ${order.dueDate}` }
      : comment
        ? { zh: `复核意见：${comment}`, en: `Inspector’s comment: ${comment}` }
        : null;
  return {
    unitId: order.orgUnitId,
    kind: `rectification_order.${event}`,
    title: { zh: `${title.zh}：${order.title}`, en: `${title.en}: ${order.title}` },
    body,
    link: `/supervision/orders/${order.id}`,
    object: { type: 'rectification_order', id: order.id },
  };
}

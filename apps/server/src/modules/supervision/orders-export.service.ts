import { ALERT_TIER_LABELS, ORDER_STATE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  YES,
  exportList,
  type ExportColumn,
  type ExportFilter,
  type ExportLocale,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNameOf } from '../org/index.ts';
import { listOrders } from './orders-read.service.ts';
import type { OrdersFilter } from './supervision.schema.ts';

type OrderRow = Awaited<ReturnType<typeof listOrders>>[number];
/** Every order of the filter in one file; the list's own page size does not apply to an export. */
const EXPORT_MAX = 100_000;

const COLUMNS: ExportColumn<OrderRow>[] = [
  { header: { zh: '整改通知', en: 'Order' }, value: (o) => o.title, width: 32 },
  { header: { zh: '责任单位', en: 'Responsible unit' }, value: (o) => o.unit.name, width: 22 },
  { header: { zh: '督导', en: 'Inspection' }, value: (o) => o.inspection.title, width: 28 },
  { header: { zh: '问题', en: 'Finding' }, value: (o) => o.finding.title, width: 28 },
  { header: { zh: '整改要求', en: 'Requirements' }, value: (o) => o.requirements, width: 40 },
  { header: { zh: '状态', en: 'State' }, value: (o, l) => ORDER_STATE_LABELS[o.state][l], width: 14 },
  { header: { zh: '下发日期', en: 'Issued on' }, value: (o) => o.issuedOn, format: 'date', width: 12 },
  { header: { zh: '整改期限', en: 'Due' }, value: (o) => o.dueDate, format: 'date', width: 12 },
  { header: { zh: '销号日期', en: 'Closed on' }, value: (o) => o.closedOn, format: 'date', width: 12 },
  {
    header: { zh: '逾期天数', en: 'Days late' },
    value: (o) => (o.closedOn === null && o.daysLate > 0 ? o.daysLate : null),
    format: 'integer',
    width: 10,
  },
  {
    header: { zh: '预警', en: 'Alert' },
    value: (o, l) => (o.tier ? ALERT_TIER_LABELS[o.tier][l] : ''),
    width: 10,
  },
];

/** The filters of the orders list as the export's title block shows them. */
function describeFilters(q: Omit<OrdersFilter, 'limit' | 'offset'>, rows: OrderRow[]): ExportFilter[] {
  const filters: ExportFilter[] = [];
  if (q.state) filters.push({ label: { zh: '状态', en: 'State' }, value: ORDER_STATE_LABELS[q.state] });
  const first = rows[0];
  if (q.inspectionId)
    filters.push({
      label: { zh: '督导', en: 'Inspection' },
      value: first?.inspection.title ?? q.inspectionId,
    });
  if (q.orgUnitId)
    filters.push({ label: { zh: '责任单位', en: 'Unit' }, value: first?.unit.name ?? q.orgUnitId });
  if (q.overdue) filters.push({ label: { zh: '仅逾期', en: 'Overdue only' }, value: YES });
  if (q.dueSoon) filters.push({ label: { zh: '临期（7天内）', en: 'Due within 7 days' }, value: YES });
  return filters;
}

/**
 * The orders list (整改通知) as .xlsx: the same query as `listOrders`, so a unit's export holds
 * only its own orders and the filters apply exactly as on the page; audited as `supervision.export`.
 */
export async function exportOrders(
  deps: ModuleDeps,
  actor: Actor,
  filter: Omit<OrdersFilter, 'limit' | 'offset'>,
  locale: ExportLocale,
) {
  const rows = await listOrders(deps, actor, { ...filter, limit: EXPORT_MAX, offset: 0 });
  return exportList(deps, actor, {
    module: 'supervision',
    list: 'rectification_order',
    title: { zh: '整改通知', en: 'Rectification orders' },
    unitName: await unitNameOf(deps.db, actor.orgUnitId),
    filters: describeFilters(filter, rows),
    query: filter,
    columns: COLUMNS,
    rows,
    locale,
  });
}

import { ALERT_TIER_LABELS, ORDER_STATE_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  YES,
  daysLateColumn,
  exportList,
  tierColumn,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn } from '../org/index.ts';
import { listOrders } from './orders-read.service.ts';
import type { OrdersExportFilter } from './supervision.schema.ts';

type OrderRow = Awaited<ReturnType<typeof listOrders>>[number];

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
  daysLateColumn((o) => (o.closedOn === null ? o.daysLate : null)),
  tierColumn((o) => o.tier),
];

/** The filters of the orders list as the export's title block shows them. */
function describeFilters(q: OrdersExportFilter, rows: OrderRow[]): ListExport<OrderRow>['filters'] {
  const filters: ListExport<OrderRow>['filters'][number][] = [];
  if (q.tier) filters.push({ label: { zh: '预警', en: 'Alert' }, value: ALERT_TIER_LABELS[q.tier] });
  if (q.state) filters.push({ label: { zh: '状态', en: 'State' }, value: ORDER_STATE_LABELS[q.state] });
  const first = rows[0];
  if (q.inspectionId)
    filters.push({
      label: { zh: '督导', en: 'Inspection' },
      value: first?.inspection.title ?? q.inspectionId,
    });
  if (q.orgUnitId) filters.push({ label: { zh: '责任单位', en: 'Unit' }, unitId: q.orgUnitId });
  if (q.overdue) filters.push({ label: { zh: '仅逾期', en: 'Overdue only' }, value: YES });
  if (q.dueSoon) filters.push({ label: { zh: '临期（7天内）', en: 'Due within 7 days' }, value: YES });
  return filters;
}

/**
 * The orders list (整改通知) as .xlsx: the same query as `listOrders`, so a unit's export holds
 * only its own orders and the filters apply exactly as on the page (the colour tier too, which the
 * page filters on what the list answered); audited as `supervision.export`.
 */
export async function exportOrders(
  deps: ModuleDeps,
  actor: Actor,
  filter: OrdersExportFilter,
  locale: ExportLocale,
) {
  const { tier, ...listFilter } = filter;
  const all = await listOrders(deps, actor, { ...listFilter, ...ALL_ROWS });
  const rows = tier ? all.filter((o) => o.tier === tier) : all;
  return exportList(deps, actor, {
    module: 'supervision',
    list: 'rectification_order',
    title: { zh: '整改通知', en: 'Rectification orders' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter, all),
    query: filter,
    columns: COLUMNS,
    rows,
    locale,
  });
}

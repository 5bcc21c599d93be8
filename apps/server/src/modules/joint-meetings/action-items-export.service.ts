import { ACTION_ITEM_STATE_LABELS, ALERT_TIER_LABELS } from '@zhijiao/contracts';
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
import { listActionItems } from './action-items.service.ts';
import type { ActionItemListFilter } from './meetings.schema.ts';

type ItemRow = Awaited<ReturnType<typeof listActionItems>>[number];
/** Every item of the filter in one file; the list's page size does not apply to an export. */
const EXPORT_MAX = 100_000;

const COLUMNS: ExportColumn<ItemRow>[] = [
  { header: { zh: '会议', en: 'Meeting' }, value: (i) => i.meeting.title, width: 32 },
  {
    header: { zh: '会议日期', en: 'Meeting date' },
    value: (i) => i.meeting.meetingDate,
    format: 'date',
    width: 12,
  },
  { header: { zh: '序号', en: 'No.' }, value: (i) => i.number, format: 'integer', width: 6 },
  { header: { zh: '议定事项', en: 'Decision' }, value: (i) => i.decision, width: 48 },
  { header: { zh: '责任单位', en: 'Responsible unit' }, value: (i) => i.responsibleUnit.name, width: 20 },
  { header: { zh: '完成时限', en: 'Deadline' }, value: (i) => i.deadline, format: 'date', width: 12 },
  { header: { zh: '状态', en: 'State' }, value: (i, l) => ACTION_ITEM_STATE_LABELS[i.state][l], width: 12 },
  { header: { zh: '完成日期', en: 'Completed on' }, value: (i) => i.completedOn, format: 'date', width: 12 },
  {
    header: { zh: '逾期天数', en: 'Days late' },
    value: (i) => (i.daysLate !== null && i.daysLate > 0 ? i.daysLate : null),
    format: 'integer',
    width: 10,
  },
  {
    header: { zh: '预警', en: 'Alert' },
    value: (i, l) => (i.tier ? ALERT_TIER_LABELS[i.tier][l] : ''),
    width: 10,
  },
];

function describeFilters(q: Omit<ActionItemListFilter, 'limit' | 'offset'>, rows: ItemRow[]): ExportFilter[] {
  const filters: ExportFilter[] = [];
  const first = rows[0];
  if (q.meetingId)
    filters.push({ label: { zh: '会议', en: 'Meeting' }, value: first?.meeting.title ?? q.meetingId });
  if (q.unitId)
    filters.push({ label: { zh: '责任单位', en: 'Unit' }, value: first?.responsibleUnit.name ?? q.unitId });
  if (q.state) filters.push({ label: { zh: '状态', en: 'State' }, value: ACTION_ITEM_STATE_LABELS[q.state] });
  if (q.overdue) filters.push({ label: { zh: '仅逾期', en: 'Overdue only' }, value: YES });
  return filters;
}

/**
 * The action items list (议定事项) as .xlsx: the same query as `listActionItems`, so a unit sees
 * its own items only and the filters apply as on the page; audited as `meetings.export`.
 */
export async function exportActionItems(
  deps: ModuleDeps,
  actor: Actor,
  filter: Omit<ActionItemListFilter, 'limit' | 'offset'>,
  locale: ExportLocale,
) {
  const rows = await listActionItems(deps, actor, { ...filter, limit: EXPORT_MAX, offset: 0 });
  return exportList(deps, actor, {
    module: 'meetings',
    list: 'action_item',
    title: { zh: '议定事项', en: 'Action items' },
    unitName: await unitNameOf(deps.db, actor.orgUnitId),
    filters: describeFilters(filter, rows),
    query: filter,
    columns: COLUMNS,
    rows,
    locale,
  });
}

import { ACTION_ITEM_STATE_LABELS } from '@zhijiao/contracts';
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
import { listActionItems } from './action-items.service.ts';
import type { ActionItemListFilter } from './meetings.schema.ts';

type ItemRow = Awaited<ReturnType<typeof listActionItems>>[number];

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
  daysLateColumn((i) => i.daysLate),
  tierColumn((i) => i.tier),
];

function describeFilters(
  q: Omit<ActionItemListFilter, 'limit' | 'offset'>,
  rows: ItemRow[],
): ListExport<ItemRow>['filters'] {
  const filters: ListExport<ItemRow>['filters'][number][] = [];
  const first = rows[0];
  if (q.meetingId)
    filters.push({ label: { zh: '会议', en: 'Meeting' }, value: first?.meeting.title ?? q.meetingId });
  if (q.unitId) filters.push({ label: { zh: '责任单位', en: 'Unit' }, unitId: q.unitId });
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
  const rows = await listActionItems(deps, actor, { ...filter, ...ALL_ROWS });
  return exportList(deps, actor, {
    module: 'meetings',
    list: 'action_item',
    title: { zh: '议定事项', en: 'Action items' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter, rows),
    query: filter,
    columns: COLUMNS,
    rows,
    locale,
  });
}

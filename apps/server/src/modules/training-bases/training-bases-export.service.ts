import { TRAINING_BASE_KIND_LABELS, TRAINING_BASE_STATUS_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { exportList, type ExportColumn, type ExportLocale } from '../../platform/export/list-export.ts';
import { unitNamesIn } from '../org/index.ts';
import { listBases } from './bases.service.ts';
import type { TrainingBasesDeps } from './training-bases.deps.ts';
import type { BaseFilter } from './training-bases.repository.ts';

type BaseRow = Awaited<ReturnType<typeof listBases>>[number];

const COLUMNS: ExportColumn<BaseRow>[] = [
  { header: { zh: '基地名称', en: 'Base' }, value: (b) => b.name, width: 32 },
  { header: { zh: '类型', en: 'Kind' }, value: (b, l) => TRAINING_BASE_KIND_LABELS[b.kind][l], width: 18 },
  { header: { zh: '所属单位', en: 'Owner' }, value: (b) => b.owner.name, width: 20 },
  {
    header: { zh: '合作单位', en: 'Partners' },
    value: (b) => b.partners.map((p) => p.name).join('、'),
    width: 28,
  },
  { header: { zh: '服务专业', en: 'Majors' }, value: (b) => b.majors.join('、'), width: 24 },
  { header: { zh: '工位数', en: 'Stations' }, value: (b) => b.capacity, format: 'integer', width: 8 },
  {
    header: { zh: '设备总值（元）', en: 'Equipment (yuan)' },
    value: (b) => b.equipmentValue,
    format: 'number',
    width: 14,
  },
  {
    header: { zh: '状态', en: 'Status' },
    value: (b, l) => TRAINING_BASE_STATUS_LABELS[b.status][l],
    width: 10,
  },
  {
    header: { zh: '投入运行日期', en: 'In operation since' },
    value: (b) => b.operatingSince ?? '',
    format: 'date',
    width: 14,
  },
];

/** The bases list as .xlsx: the list's own query, same scope and filters; audited. */
export async function exportBases(
  deps: TrainingBasesDeps,
  actor: Actor,
  filter: BaseFilter,
  lang: ExportLocale,
) {
  const rows = await listBases(deps, actor, filter);
  const filters = [];
  if (filter.kind)
    filters.push({ label: { zh: '类型', en: 'Kind' }, value: TRAINING_BASE_KIND_LABELS[filter.kind] });
  if (filter.status)
    filters.push({ label: { zh: '状态', en: 'Status' }, value: TRAINING_BASE_STATUS_LABELS[filter.status] });
  if (filter.q) filters.push({ label: { zh: '名称', en: 'Name' }, value: filter.q });
  return exportList(deps, actor, {
    module: 'trainingBases',
    list: 'training_base',
    title: { zh: '实训基地', en: 'Training bases' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: { ...filter },
    columns: COLUMNS,
    rows,
    locale: lang,
  });
}

import { LEARNER_STATUS_LABELS, type LearnerStatus } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  exportList,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn } from '../org/index.ts';
import { listLearners } from './register.service.ts';

type LearnerFilter = { schoolId?: string; cohortYear?: number; status?: LearnerStatus };
type Row = Awaited<ReturnType<typeof listLearners>>['items'][number];

const SOURCE_LABELS = {
  enrollment: { zh: '招生报到', en: 'Enrolment' },
  import: { zh: '学籍导入', en: 'Import' },
  social: { zh: '社会学习者登记', en: 'Social learner' },
} as const;

/**
 * The register's columns. The ID number only masked (first 6, last 4), as the list shows it; the
 * birth date not at all: beside the masked ID it would be the rest of the number.
 */
const COLUMNS: ExportColumn<Row>[] = [
  { header: { zh: '学校', en: 'School' }, value: (r) => r.school.name, width: 22 },
  { header: { zh: '姓名', en: 'Name' }, value: (r) => r.name, width: 10 },
  { header: { zh: '身份证号（掩码）', en: 'ID number (masked)' }, value: (r) => r.idMasked, width: 22 },
  {
    header: { zh: '性别', en: 'Sex' },
    value: (r, l) => (r.sex === 'M' ? { zh: '男', en: 'M' } : { zh: '女', en: 'F' })[l],
    width: 6,
  },
  { header: { zh: '专业代码', en: 'Major code' }, value: (r) => r.majorCode, width: 10 },
  { header: { zh: '专业名称', en: 'Major' }, value: (r) => r.majorName, width: 20 },
  { header: { zh: '班级', en: 'Class' }, value: (r) => r.className, width: 12 },
  { header: { zh: '入学年份', en: 'Cohort' }, value: (r) => r.cohortYear, format: 'integer', width: 8 },
  {
    header: { zh: '学籍状态', en: 'Status' },
    value: (r, l) => LEARNER_STATUS_LABELS[r.status][l],
    width: 10,
  },
  { header: { zh: '状态日期', en: 'Since' }, value: (r) => r.statusSince, format: 'date', width: 12 },
  { header: { zh: '来源', en: 'Source' }, value: (r, l) => SOURCE_LABELS[r.source][l], width: 10 },
];

function describeFilters(q: LearnerFilter): ListExport<Row>['filters'] {
  const filters: ListExport<Row>['filters'][number][] = [];
  if (q.schoolId) filters.push({ label: { zh: '学校', en: 'School' }, unitId: q.schoolId });
  if (q.cohortYear !== undefined)
    filters.push({ label: { zh: '入学年份', en: 'Cohort' }, value: String(q.cohortYear) });
  if (q.status)
    filters.push({ label: { zh: '学籍状态', en: 'Status' }, value: LEARNER_STATUS_LABELS[q.status] });
  return filters;
}

/**
 * The student register (学籍名册) as .xlsx: the same query as `listLearners` (a school's clerk its
 * own school, the coordinator the district), the same filters and order, ID numbers masked; audited
 * as `learners.export` like every list export.
 */
export async function exportLearners(
  deps: ModuleDeps,
  actor: Actor,
  filter: LearnerFilter,
  locale: ExportLocale,
) {
  const { items } = await listLearners(deps, actor, { ...filter, ...ALL_ROWS });
  return exportList(deps, actor, {
    module: 'learners',
    list: 'learner',
    title: { zh: '学籍名册', en: 'Student register' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter),
    query: { ...filter },
    columns: COLUMNS,
    rows: items,
    locale,
  });
}

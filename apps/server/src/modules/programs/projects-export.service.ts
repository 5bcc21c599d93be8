import { PROJECT_KIND_LABELS, PROJECT_LEVEL_LABELS, PROJECT_STATE_LABELS } from '@zhijiao/contracts';
import type { Static } from 'typebox';
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
import type { ProjectQuery } from './projects.schema.ts';
import { listProjects } from './projects.service.ts';

type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];
type ProjectFilter = Omit<Static<typeof ProjectQuery>, 'limit' | 'offset'>;

const COLUMNS: ExportColumn<ProjectRow>[] = [
  { header: { zh: '项目名称', en: 'Project' }, value: (p) => p.title, width: 36 },
  { header: { zh: '类别', en: 'Kind' }, value: (p, l) => PROJECT_KIND_LABELS[p.kind][l], width: 14 },
  { header: { zh: '学校', en: 'School' }, value: (p) => p.school.name, width: 22 },
  { header: { zh: '专业', en: 'Major' }, value: (p) => p.major?.name, width: 20 },
  { header: { zh: '课程', en: 'Course' }, value: (p) => p.course?.name, width: 20 },
  { header: { zh: '负责人', en: 'Lead teacher' }, value: (p) => p.teacherName, width: 10 },
  {
    header: { zh: '级别', en: 'Level' },
    value: (p, l) => (p.level ? PROJECT_LEVEL_LABELS[p.level][l] : ''),
    width: 10,
  },
  { header: { zh: '状态', en: 'State' }, value: (p, l) => PROJECT_STATE_LABELS[p.state][l], width: 12 },
  { header: { zh: '评审均分', en: 'Mean score' }, value: (p) => p.averageScore, format: 'number', width: 10 },
  { header: { zh: '申报时间', en: 'Applied' }, value: (p) => p.appliedAt, format: 'datetime', width: 17 },
  { header: { zh: '立项日期', en: 'Approved on' }, value: (p) => p.approvedOn, format: 'date', width: 12 },
  { header: { zh: '中期检查', en: 'Mid-term' }, value: (p) => p.midtermOn, format: 'date', width: 12 },
  { header: { zh: '结项日期', en: 'Closed on' }, value: (p) => p.closedOn, format: 'date', width: 12 },
];

function describeFilters(q: ProjectFilter): ListExport<ProjectRow>['filters'] {
  const filters: ListExport<ProjectRow>['filters'][number][] = [];
  if (q.kind) filters.push({ label: { zh: '类别', en: 'Kind' }, value: PROJECT_KIND_LABELS[q.kind] });
  if (q.level) filters.push({ label: { zh: '级别', en: 'Level' }, value: PROJECT_LEVEL_LABELS[q.level] });
  if (q.state) filters.push({ label: { zh: '状态', en: 'State' }, value: PROJECT_STATE_LABELS[q.state] });
  if (q.schoolId) filters.push({ label: { zh: '学校', en: 'School' }, unitId: q.schoolId });
  return filters;
}

/**
 * The projects list (项目管理) as .xlsx: the same query as `listProjects`, so a school sees only
 * its own projects and the filters apply as on the page; audited as `programs.export`.
 */
export async function exportProjects(
  deps: ModuleDeps,
  actor: Actor,
  filter: ProjectFilter,
  locale: ExportLocale,
) {
  const rows = await listProjects(deps, actor, { ...filter, ...ALL_ROWS });
  return exportList(deps, actor, {
    module: 'programs',
    list: 'program_project',
    title: { zh: '项目管理', en: 'Projects' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter),
    query: filter,
    columns: COLUMNS,
    rows,
    locale,
  });
}

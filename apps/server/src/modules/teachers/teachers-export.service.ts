import { DQ_LEVEL_LABELS, EDUCATION_LABELS, TEACHER_SERIES_LABELS, TITLE_LABELS } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import {
  ALL_ROWS,
  exportList,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { unitNamesIn } from '../org/index.ts';
import { listTeachers } from './register.service.ts';
import type { TeacherListQuery } from './teachers.schema.ts';
import type { TeacherSummary } from './teachers.views.ts';

type TeacherFilter = Omit<Static<typeof TeacherListQuery>, 'limit' | 'offset'>;
const STATUS_LABELS = {
  employed: { zh: '在职', en: 'Employed' },
  left: { zh: '离职', en: 'Left' },
  all: { zh: '全部', en: 'All' },
} as const;
const DQ_FILTER_LABELS = {
  recognised: { zh: '已认定', en: 'Recognised' },
  not_recognised: { zh: '未认定', en: 'Not recognised' },
} as const;
const SORT_LABELS = {
  name: { zh: '姓名', en: 'Name' },
  school: { zh: '学校', en: 'School' },
  age: { zh: '年龄', en: 'Age' },
  hireDate: { zh: '入职日期', en: 'Hired' },
  dq: { zh: '双师型等级', en: 'Dual-qualified level' },
} as const;
const ORDER_LABELS = {
  asc: { zh: '升序', en: 'ascending' },
  desc: { zh: '降序', en: 'descending' },
} as const;
const YES_NO = (on: boolean) => (on ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });

/**
 * The register's columns a clerk works with. No ID number and no phone, not even masked: the
 * encrypted fields never leave the system in a file (SECURITY.md), and the age stands in for the
 * birth date.
 */
function columns(asOf: string): ExportColumn<TeacherSummary>[] {
  return [
    { header: { zh: '学校', en: 'School' }, value: (t) => t.school.name, width: 22 },
    { header: { zh: '姓名', en: 'Name' }, value: (t) => t.name, width: 10 },
    {
      header: { zh: '性别', en: 'Sex' },
      value: (t, l) => (t.sex === 'M' ? { zh: '男', en: 'M' } : { zh: '女', en: 'F' })[l],
      width: 6,
    },
    { header: { zh: '年龄', en: 'Age' }, value: (t) => t.age, format: 'integer', width: 6 },
    { header: { zh: '学历', en: 'Education' }, value: (t, l) => EDUCATION_LABELS[t.education][l], width: 10 },
    { header: { zh: '职称', en: 'Title' }, value: (t, l) => TITLE_LABELS[t.professionalTitle][l], width: 12 },
    { header: { zh: '岗位', en: 'Post' }, value: (t) => t.post, width: 14 },
    {
      header: { zh: '教师类别', en: 'Series' },
      value: (t, l) => TEACHER_SERIES_LABELS[t.series][l],
      width: 14,
    },
    {
      header: { zh: '实习指导教师', en: 'Internship instructor' },
      value: (t, l) => YES_NO(t.internshipInstructor)[l],
      width: 8,
    },
    {
      // Named as on the register page: 美容美体艺术（740601）, not the bare code.
      header: { zh: '任教专业', en: 'Majors' },
      value: (t) => t.majors.map((m) => (m.name.trim() ? `${m.name}（${m.code}）` : m.code)).join('；'),
      width: 28,
    },
    { header: { zh: '入职日期', en: 'Hired' }, value: (t) => t.hireDate, format: 'date', width: 12 },
    { header: { zh: '离职日期', en: 'Left' }, value: (t) => t.leaveDate, format: 'date', width: 12 },
    {
      header: { zh: `专业课教师（${asOf}）`, en: `Specialised (${asOf})` },
      value: (t, l) => YES_NO(t.specialised)[l],
      width: 12,
    },
    {
      header: { zh: '双师型等级', en: 'Dual-qualified level' },
      value: (t, l) => (t.dq ? DQ_LEVEL_LABELS[t.dq.level][l] : ''),
      width: 12,
    },
    {
      header: { zh: '双师型有效期至', en: 'Dual-qualified until' },
      value: (t) => t.dq?.validUntil,
      format: 'date',
      width: 14,
    },
  ];
}

function describeFilters(q: TeacherFilter, asOf: string): ListExport<TeacherSummary>['filters'] {
  const filters: ListExport<TeacherSummary>['filters'][number][] = [
    { label: { zh: '日期', en: 'As of' }, value: asOf },
  ];
  if (q.schoolId) filters.push({ label: { zh: '学校', en: 'School' }, unitId: q.schoolId });
  if (q.series)
    filters.push({ label: { zh: '教师类别', en: 'Series' }, value: TEACHER_SERIES_LABELS[q.series] });
  if (q.status) filters.push({ label: { zh: '在职状态', en: 'Status' }, value: STATUS_LABELS[q.status] });
  if (q.specialised !== undefined)
    filters.push({ label: { zh: '专业课教师', en: 'Specialised' }, value: YES_NO(q.specialised) });
  if (q.dq) filters.push({ label: { zh: '双师型', en: 'Dual-qualified' }, value: DQ_FILTER_LABELS[q.dq] });
  if (q.majorCode) filters.push({ label: { zh: '任教专业', en: 'Major' }, value: q.majorCode });
  if (q.q) filters.push({ label: { zh: '姓名含', en: 'Name contains' }, value: q.q });
  if (q.sort) {
    const [by, order] = [SORT_LABELS[q.sort], ORDER_LABELS[q.order ?? 'asc']];
    filters.push({
      label: { zh: '排序', en: 'Sorted by' },
      value: { zh: `${by.zh}（${order.zh}）`, en: `${by.en} (${order.en})` },
    });
  }
  return filters;
}

/**
 * The teacher register (教师名册) as .xlsx: the same query as `listTeachers` (a school exports
 * its own teachers only) in the same order (`sort`, `order`), without ID numbers or phones;
 * audited as `teachers.export`.
 */
export async function exportTeachers(
  deps: ModuleDeps,
  actor: Actor,
  filter: TeacherFilter,
  locale: ExportLocale,
) {
  const asOf = filter.asOf ?? chinaDate(deps.clock.now());
  const { items } = await listTeachers(deps, actor, { ...filter, asOf, ...ALL_ROWS });
  return exportList(deps, actor, {
    module: 'teachers',
    list: 'teacher',
    title: { zh: '教师名册', en: 'Teacher register' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter, asOf),
    query: { ...filter, asOf },
    columns: columns(asOf),
    rows: items,
    locale,
  });
}

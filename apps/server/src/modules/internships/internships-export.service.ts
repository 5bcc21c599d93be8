import { INTERNSHIP_KIND_LABELS, PLACEMENT_STATE_LABELS, POST_STATE_LABELS } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  exportList,
  YES,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import { unitNamesIn } from '../org/index.ts';
import type { InternshipsDeps } from './internships.deps.ts';
import type { PlacementQuery, PostQuery } from './internships.schema.ts';
import { listPlacements } from './placements.service.ts';
import { listPosts } from './posts.service.ts';

type PostRow = Awaited<ReturnType<typeof listPosts>>['items'][number];
type PlacementRow = Awaited<ReturnType<typeof listPlacements>>[number];
type PostFilter = Omit<Static<typeof PostQuery>, 'limit' | 'offset'>;
type PlacementFilter = Omit<Static<typeof PlacementQuery>, 'limit' | 'offset'>;
type Filters = Array<ListExport<unknown>['filters'][number]>;

const yes = (v: boolean, l: ExportLocale) => (v ? YES[l] : '');

const POST_COLUMNS: ExportColumn<PostRow>[] = [
  { header: { zh: '岗位名称', en: 'Post' }, value: (p) => p.title, width: 30 },
  { header: { zh: '实习单位', en: 'Enterprise' }, value: (p) => p.enterprise.name, width: 22 },
  { header: { zh: '类型', en: 'Kind' }, value: (p, l) => INTERNSHIP_KIND_LABELS[p.kind][l], width: 10 },
  { header: { zh: '适用专业', en: 'Majors' }, value: (p) => p.majors.join('、'), width: 24 },
  { header: { zh: '年度', en: 'Year' }, value: (p) => p.year, format: 'integer', width: 8 },
  { header: { zh: '名额', en: 'Places' }, value: (p) => p.places, format: 'integer', width: 8 },
  { header: { zh: '已安排', en: 'Placed' }, value: (p) => p.placed, format: 'integer', width: 8 },
  { header: { zh: '开始日期', en: 'Starts' }, value: (p) => p.startsOn, format: 'date', width: 12 },
  { header: { zh: '结束日期', en: 'Ends' }, value: (p) => p.endsOn, format: 'date', width: 12 },
  { header: { zh: '实习地点', en: 'Location' }, value: (p) => p.location, width: 20 },
  {
    header: { zh: '报酬（元/月）', en: 'Pay (yuan/month)' },
    value: (p) => p.monthlyPay,
    format: 'number',
    width: 12,
  },
  { header: { zh: '夜班', en: 'Night' }, value: (p, l) => yes(p.nightWork, l), width: 6 },
  { header: { zh: '加班', en: 'Overtime' }, value: (p, l) => yes(p.overtimeWork, l), width: 6 },
  { header: { zh: '节假日', en: 'Holidays' }, value: (p, l) => yes(p.holidayWork, l), width: 6 },
  { header: { zh: '备案文号', en: 'Filing' }, value: (p) => p.filingReference, width: 16 },
  { header: { zh: '状态', en: 'State' }, value: (p, l) => POST_STATE_LABELS[p.state][l], width: 8 },
];

const PLACEMENT_COLUMNS: ExportColumn<PlacementRow>[] = [
  { header: { zh: '学生', en: 'Student' }, value: (p) => p.student.name, width: 10 },
  { header: { zh: '身份证号', en: 'ID number' }, value: (p) => p.student.idMasked, width: 20 },
  { header: { zh: '学校', en: 'School' }, value: (p) => p.school.name, width: 20 },
  { header: { zh: '专业', en: 'Major' }, value: (p) => p.major, width: 16 },
  { header: { zh: '年级', en: 'Year of study' }, value: (p) => p.studyYear, format: 'integer', width: 6 },
  { header: { zh: '实习单位', en: 'Enterprise' }, value: (p) => p.enterprise.name, width: 20 },
  { header: { zh: '岗位', en: 'Post' }, value: (p) => p.post.title, width: 24 },
  { header: { zh: '类型', en: 'Kind' }, value: (p, l) => INTERNSHIP_KIND_LABELS[p.post.kind][l], width: 10 },
  { header: { zh: '开始日期', en: 'Starts' }, value: (p) => p.startsOn, format: 'date', width: 12 },
  { header: { zh: '结束日期', en: 'Ends' }, value: (p) => p.endsOn, format: 'date', width: 12 },
  { header: { zh: '三方协议', en: 'Agreement' }, value: (p, l) => yes(p.documents.agreement, l), width: 8 },
  { header: { zh: '知情同意', en: 'Consent' }, value: (p, l) => yes(p.documents.consent, l), width: 8 },
  { header: { zh: '保险覆盖', en: 'Insured' }, value: (p, l) => yes(p.documents.insurance, l), width: 8 },
  {
    header: { zh: '保险止期', en: 'Insured until' },
    value: (p) => p.insuredUntil,
    format: 'date',
    width: 12,
  },
  { header: { zh: '状态', en: 'State' }, value: (p, l) => PLACEMENT_STATE_LABELS[p.state][l], width: 8 },
];

function commonFilters(q: { year?: number; enterpriseId?: string }): Filters {
  const f: Filters = [];
  if (q.year) f.push({ label: { zh: '年度', en: 'Year' }, value: String(q.year) });
  if (q.enterpriseId) f.push({ label: { zh: '实习单位', en: 'Enterprise' }, unitId: q.enterpriseId });
  return f;
}

/** The posts list (实习岗位) as .xlsx: the list's own query, every row of the filter; audited. */
export async function exportPosts(
  deps: InternshipsDeps,
  actor: Actor,
  filter: PostFilter,
  locale: ExportLocale,
) {
  const { items } = await listPosts(deps, actor, { ...filter, ...ALL_ROWS });
  const filters = commonFilters(filter);
  if (filter.state)
    filters.push({ label: { zh: '状态', en: 'State' }, value: POST_STATE_LABELS[filter.state] });
  if (filter.kind)
    filters.push({ label: { zh: '类型', en: 'Kind' }, value: INTERNSHIP_KIND_LABELS[filter.kind] });
  return exportList(deps, actor, {
    module: 'internships',
    list: 'internship_post',
    title: { zh: '实习岗位', en: 'Internship posts' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: filter,
    columns: POST_COLUMNS,
    rows: items,
    locale,
  });
}

/** The placements list (实习安排) as .xlsx, ID numbers masked as the list shows them; audited. */
export async function exportPlacements(
  deps: InternshipsDeps,
  actor: Actor,
  filter: PlacementFilter,
  locale: ExportLocale,
) {
  const rows = await listPlacements(deps, actor, { ...filter, ...ALL_ROWS });
  const filters = commonFilters(filter);
  if (filter.state)
    filters.push({ label: { zh: '状态', en: 'State' }, value: PLACEMENT_STATE_LABELS[filter.state] });
  if (filter.schoolId) filters.push({ label: { zh: '学校', en: 'School' }, unitId: filter.schoolId });
  return exportList(deps, actor, {
    module: 'internships',
    list: 'internship_placement',
    title: { zh: '实习安排', en: 'Internship placements' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: filter,
    columns: PLACEMENT_COLUMNS,
    rows,
    locale,
  });
}

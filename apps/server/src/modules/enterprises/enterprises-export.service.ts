import {
  ABOVE_SCALE_SOURCE_LABELS,
  ENTERPRISE_STATUS_LABELS,
  INDUSTRY_SECTIONS,
  industryDivision,
} from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  exportList,
  type ExportColumn,
  type ExportLocale,
  type ListExport,
} from '../../platform/export/list-export.ts';
import { unitNamesIn } from '../org/index.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import type { EnterpriseListInput } from './enterprises.schema.ts';
import type { EnterpriseSummary } from './enterprises.views.ts';
import { listEnterprises } from './read.service.ts';

type Filter = Omit<EnterpriseListInput, 'limit' | 'offset'>;
const YES_NO = (on: boolean) => (on ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });
const sectionName = (code: string) => INDUSTRY_SECTIONS.find((s) => s.code === code);

/** The register's columns for one year. No contacts and no phones: those never leave in a file. */
function columns(year: number): ExportColumn<EnterpriseSummary>[] {
  return [
    { header: { zh: '企业名称', en: 'Registered name' }, value: (e) => e.legalName, width: 32 },
    { header: { zh: '简称', en: 'Short name' }, value: (e) => e.name, width: 14 },
    { header: { zh: '统一社会信用代码', en: 'Unified social credit code' }, value: (e) => e.uscc, width: 22 },
    {
      header: { zh: '行业门类', en: 'Industry section' },
      value: (e, l) => `${e.industrySection} ${sectionName(e.industrySection)?.[l] ?? ''}`.trim(),
      width: 22,
    },
    {
      header: { zh: '行业大类', en: 'Industry division' },
      value: (e) => `${e.industryDivision} ${industryDivision(e.industryDivision)?.zh ?? ''}`.trim(),
      width: 24,
    },
    {
      header: { zh: '状态', en: 'Status' },
      value: (e, l) => ENTERPRISE_STATUS_LABELS[e.status][l],
      width: 8,
    },
    {
      header: { zh: `${year} 年职工总数`, en: `Staff ${year}` },
      value: (e) => e.facts?.staff ?? null,
      format: 'integer',
      width: 12,
    },
    {
      header: { zh: `${year} 年规模以上`, en: `Above scale ${year}` },
      value: (e, l) => (e.facts?.aboveScale === null || !e.facts ? '' : YES_NO(e.facts.aboveScale)[l]),
      width: 10,
    },
    {
      header: { zh: '规上来源', en: 'Above-scale source' },
      value: (e, l) =>
        e.facts?.aboveScaleSource ? ABOVE_SCALE_SOURCE_LABELS[e.facts.aboveScaleSource][l] : '',
      width: 14,
    },
  ];
}

function describeFilters(q: Filter, year: number): ListExport<EnterpriseSummary>['filters'] {
  const filters: ListExport<EnterpriseSummary>['filters'][number][] = [
    { label: { zh: '年度', en: 'Year' }, value: String(year) },
  ];
  if (q.aboveScale !== undefined)
    filters.push({ label: { zh: '规模以上', en: 'Above scale' }, value: YES_NO(q.aboveScale) });
  if (q.section) {
    const s = sectionName(q.section);
    filters.push({
      label: { zh: '行业门类', en: 'Industry section' },
      value: { zh: `${q.section} ${s?.zh ?? ''}`, en: `${q.section} ${s?.en ?? ''}` },
    });
  }
  if (q.status)
    filters.push({ label: { zh: '状态', en: 'Status' }, value: ENTERPRISE_STATUS_LABELS[q.status] });
  if (q.q) filters.push({ label: { zh: '名称或代码含', en: 'Name or code contains' }, value: q.q });
  return filters;
}

/**
 * The register (企业名录) as .xlsx: the same query as `listEnterprises` (an enterprise exports only
 * itself), without contacts; audited as `enterprises.export`.
 */
export async function exportEnterprises(
  deps: EnterprisesDeps,
  actor: Actor,
  filter: Filter,
  locale: ExportLocale,
) {
  const { year, items } = await listEnterprises(deps, actor, { ...filter, ...ALL_ROWS });
  return exportList(deps, actor, {
    module: 'enterprises',
    list: 'enterprise',
    title: { zh: '企业名录', en: 'Enterprise register' },
    unitNames: unitNamesIn(deps.db),
    filters: describeFilters(filter, year),
    query: { ...filter, year },
    columns: columns(year),
    rows: items,
    locale,
  });
}

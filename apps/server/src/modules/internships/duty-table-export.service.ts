import { DUTY_STATUS_LABELS } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  exportList,
  type ExportColumn,
  type ExportLocale,
} from '../../platform/export/list-export.ts';
import { unitNamesIn } from '../org/index.ts';
import type { DutyTable, DutyTableQuery } from './duty-table.schema.ts';
import { internshipDutyTable } from './duty-table.service.ts';
import type { InternshipsDeps } from './internships.deps.ts';

type EnterpriseRow = DutyTable['enterprises']['items'][number];
type DistrictRow = DutyTable['districts'][number];

const int = (zh: string, en: string, width = 10) => ({
  header: { zh, en },
  format: 'integer' as const,
  width,
});

const ENTERPRISE_COLUMNS: ExportColumn<EnterpriseRow>[] = [
  { header: { zh: '企业', en: 'Enterprise' }, value: (r) => r.enterprise.name, width: 26 },
  { header: { zh: '落实情况', en: 'Duty' }, value: (r, l) => DUTY_STATUS_LABELS[r.status][l], width: 10 },
  { ...int('职工总数', 'Staff'), value: (r) => r.staff },
  { ...int('应提供', 'Required'), value: (r) => r.required },
  { ...int('已提供名额', 'Places offered'), value: (r) => r.offered },
  { ...int('实际接收', 'Filled'), value: (r) => r.filled },
  { ...int('差额', 'Shortfall'), value: (r) => r.shortfall },
  { ...int('在岗实习', 'Interns'), value: (r) => r.placements },
  { ...int('已投保', 'Insured'), value: (r) => r.insured },
  { header: { zh: '说明', en: 'Note' }, value: (r) => r.note, width: 48 },
];

const DISTRICT_COLUMNS: ExportColumn<DistrictRow>[] = [
  { header: { zh: '区县', en: 'District' }, value: (r) => r.district.name, width: 16 },
  { ...int('规上企业', 'Above scale'), value: (r) => r.aboveScale },
  { ...int('已达到', 'Met'), value: (r) => r.met },
  { ...int('未达标', 'Short'), value: (r) => r.short },
  { ...int('未判定', 'Not judged'), value: (r) => r.notJudged },
  { ...int('职工总数', 'Staff', 12), value: (r) => r.staff },
  { ...int('应提供', 'Required'), value: (r) => r.required },
  { ...int('已提供名额', 'Places offered'), value: (r) => r.offered },
  { ...int('实际接收', 'Filled'), value: (r) => r.filled },
  {
    header: { zh: '岗位占职工比例（%）', en: 'Posts ÷ staff (%)' },
    value: (r) => r.sharePercent,
    format: 'number',
    width: 12,
  },
  { ...int('在岗实习', 'Interns'), value: (r) => r.placements },
  { ...int('已投保', 'Insured'), value: (r) => r.insured },
];

/**
 * The 2 % table as .xlsx, as the page shows it (its year, district and filters, every row): a
 * district's enterprises, or one row per district for a user above districts; audited.
 */
export async function exportDutyTable(
  deps: InternshipsDeps,
  actor: Actor,
  filter: Omit<DutyTableQuery, 'limit' | 'offset'>,
  locale: ExportLocale,
) {
  const table = await internshipDutyTable(deps, actor, { ...filter, ...ALL_ROWS }, locale);
  const filters = [
    { label: { zh: '年度', en: 'Year' }, value: String(filter.year) },
    ...(filter.districtId ? [{ label: { zh: '区县', en: 'District' }, unitId: filter.districtId }] : []),
    ...(filter.status
      ? [{ label: { zh: '落实情况', en: 'Duty' }, value: DUTY_STATUS_LABELS[filter.status] }]
      : []),
    ...(filter.q ? [{ label: { zh: '企业', en: 'Enterprise' }, value: filter.q }] : []),
  ];
  const title = { zh: '规上企业实习岗位 2% 落实情况', en: 'Internship posts: the 2 % duty' };
  const common = {
    module: 'internships',
    title,
    unitNames: unitNamesIn(deps.db),
    filters,
    query: filter,
    locale,
  };
  return table.level === 'region'
    ? exportList(deps, actor, {
        ...common,
        list: 'internship_duty_district',
        columns: DISTRICT_COLUMNS,
        rows: table.districts,
      })
    : exportList(deps, actor, {
        ...common,
        list: 'internship_duty',
        columns: ENTERPRISE_COLUMNS,
        rows: table.enterprises.items,
      });
}

import {
  ALERT_KIND_LABELS,
  ALERT_TIER_LABELS,
  type AlertTier,
  type AnyAlertKind,
  type IndicatorStatus,
  INDICATOR_STATUS_LABELS,
  PROGRESS_STATUS_LABELS,
  REPORT_STATE_LABELS,
} from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  ALL_ROWS,
  daysLateColumn,
  exportList,
  tierColumn,
  type ExportColumn,
  type ExportFilter,
  type ExportLocale,
} from '../../platform/export/list-export.ts';
import { unitNamesIn } from '../org/index.ts';
import type { ReportListQuery } from './action-plans.schema.ts';
import { alerts } from './plan-alerts.service.ts';
import type { PlanViewDeps } from './plan-reads.ts';
import { listIndicators } from './plan-view.service.ts';
import { listReports } from './progress.service.ts';

/*
 * The plan's lists as .xlsx — progress reports, indicators with their verdict per year, alerts —
 * each from the same service query as its list route, so scope and filters are the page's own.
 */

type ReportRow = Awaited<ReturnType<typeof listReports>>[number];
type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>[number];
type AlertRow = Awaited<ReturnType<typeof alerts>>[number];
const FINAL_VERDICT_LABELS = {
  met: { zh: '已达成', en: 'Met' },
  not_met: { zh: '未达成', en: 'Not met' },
  no_data: { zh: '无数据', en: 'No data' },
} as const;

const REPORT_COLUMNS: ExportColumn<ReportRow>[] = [
  { header: { zh: '任务', en: 'Task' }, value: (r) => `${r.taskLabel} ${r.taskTitle}`, width: 40 },
  { header: { zh: '填报期', en: 'Period' }, value: (r) => r.period.label, width: 14 },
  { header: { zh: '填报单位', en: 'Unit' }, value: (r) => r.unit.name, width: 20 },
  { header: { zh: '状态', en: 'State' }, value: (r, l) => REPORT_STATE_LABELS[r.state][l], width: 10 },
  {
    header: { zh: '进展', en: 'Progress' },
    value: (r, l) => PROGRESS_STATUS_LABELS[r.progress][l],
    width: 12,
  },
  { header: { zh: '提交时间', en: 'Submitted' }, value: (r) => r.submittedAt, format: 'datetime', width: 17 },
  { header: { zh: '审核时间', en: 'Reviewed' }, value: (r) => r.reviewedAt, format: 'datetime', width: 17 },
  { header: { zh: '审核意见', en: 'Review comment' }, value: (r) => r.reviewComment, width: 32 },
];

/** The progress reports list (进展填报) as .xlsx; audited as `plans.export`. */
export async function exportReports(
  deps: PlanViewDeps,
  actor: Actor,
  filter: Omit<ReportListQuery, 'limit' | 'offset'>,
  locale: ExportLocale,
) {
  const rows = await listReports(deps, actor, { ...filter, ...ALL_ROWS });
  const first = rows[0];
  const filters: ExportFilter[] = [];
  if (filter.planCode) filters.push({ label: { zh: '规划', en: 'Plan' }, value: filter.planCode });
  if (filter.state)
    filters.push({ label: { zh: '状态', en: 'State' }, value: REPORT_STATE_LABELS[filter.state] });
  if (filter.taskId)
    filters.push({ label: { zh: '任务', en: 'Task' }, value: first?.taskLabel ?? filter.taskId });
  if (filter.periodId)
    filters.push({ label: { zh: '填报期', en: 'Period' }, value: first?.period.label ?? filter.periodId });
  return exportList(deps, actor, {
    module: 'plans',
    list: 'progress_report',
    title: { zh: '进展填报', en: 'Progress reports' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: filter,
    columns: REPORT_COLUMNS,
    rows,
    locale,
  });
}

/** The indicator columns, then a value and a verdict column for each period (年度) any indicator is judged in. */
function indicatorColumns(rows: IndicatorRow[]): ExportColumn<IndicatorRow>[] {
  const periods = new Map<string, { label: string; labelEn: string }>();
  for (const p of rows.flatMap((r) => r.periods).sort((a, b) => a.endsOn.localeCompare(b.endsOn)))
    periods.set(p.label, p);
  const target = (r: IndicatorRow) =>
    r.targetLow !== null && r.targetHigh !== null ? `${r.targetLow}–${r.targetHigh}` : (r.target ?? '');
  return [
    { header: { zh: '任务', en: 'Task' }, value: (r) => r.taskLabel, width: 8 },
    { header: { zh: '编号', en: 'Code' }, value: (r) => r.code, width: 10 },
    { header: { zh: '指标', en: 'Indicator' }, value: (r, l) => (l === 'zh' ? r.name : r.nameEn), width: 36 },
    { header: { zh: '单位', en: 'Unit' }, value: (r) => r.unit, width: 8 },
    { header: { zh: '基线值', en: 'Baseline' }, value: (r) => r.baseline, format: 'number', width: 10 },
    { header: { zh: '目标值', en: 'Target' }, value: target, width: 12 },
    { header: { zh: '截止日期', en: 'Deadline' }, value: (r) => r.deadline, format: 'date', width: 12 },
    {
      header: { zh: '最新值', en: 'Latest value' },
      value: (r) => r.latestValue,
      format: 'number',
      width: 10,
    },
    {
      header: { zh: '当前状态', en: 'Status' },
      value: (r, l) => INDICATOR_STATUS_LABELS[r.status][l],
      width: 10,
    },
    {
      header: { zh: '最终结论', en: 'Final verdict' },
      value: (r, l) => (r.verdict ? FINAL_VERDICT_LABELS[r.verdict][l] : ''),
      width: 10,
    },
    ...[...periods.values()].flatMap((p): ExportColumn<IndicatorRow>[] => {
      const of = (r: IndicatorRow) => r.periods.find((x) => x.label === p.label);
      return [
        {
          header: { zh: `${p.label} 数值`, en: `${p.labelEn} value` },
          value: (r) => of(r)?.value,
          format: 'number',
        },
        {
          header: { zh: `${p.label} 判定`, en: `${p.labelEn} verdict` },
          value: (r, l) => {
            const x = of(r);
            return x && x.phase !== 'future' ? INDICATOR_STATUS_LABELS[x.status][l] : '';
          },
        },
      ];
    }),
  ];
}

/** The plan's indicators (指标) with the verdict of each year, as .xlsx; audited as `plans.export`. */
export async function exportIndicators(
  deps: PlanViewDeps,
  actor: Actor,
  code: string,
  q: { periodId?: string; status?: IndicatorStatus },
  locale: ExportLocale,
) {
  const { periodId, status } = q;
  const all = await listIndicators(deps, actor, code, periodId);
  // The page filters the status on what the list answered; the export does the same.
  const rows = status ? all.filter((i) => i.status === status) : all;
  const filters: ExportFilter[] = [{ label: { zh: '规划', en: 'Plan' }, value: code }];
  if (periodId)
    filters.push({ label: { zh: '填报期', en: 'Period' }, value: all[0]?.latestPeriod ?? periodId });
  if (status) filters.push({ label: { zh: '状态', en: 'Status' }, value: INDICATOR_STATUS_LABELS[status] });
  return exportList(deps, actor, {
    module: 'plans',
    list: 'indicator',
    title: { zh: '指标完成情况', en: 'Indicators' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: { code, ...q },
    columns: indicatorColumns(rows),
    rows,
    locale,
  });
}

const ALERT_COLUMNS: ExportColumn<AlertRow>[] = [
  tierColumn((a) => a.tier, { zh: '预警等级', en: 'Tier' }),
  { header: { zh: '单位', en: 'Unit' }, value: (a) => a.unit.name, width: 20 },
  {
    header: { zh: '事项', en: 'Subject' },
    value: (a) => a.title ?? a.task?.title ?? a.indicator?.name,
    width: 36,
  },
  { header: { zh: '预警内容', en: 'Message' }, value: (a) => a.message, width: 48 },
  { header: { zh: '期限', en: 'Due' }, value: (a) => a.dueDate, format: 'date', width: 12 },
  daysLateColumn((a) => a.daysLate),
  {
    header: { zh: '知悉情况', en: 'Acknowledged' },
    value: (a, locale) =>
      a.acknowledgement ? ACKNOWLEDGED_LABELS.true[locale] : ACKNOWLEDGED_LABELS.false[locale],
    width: 10,
  },
  { header: { zh: '知悉人', en: 'By' }, value: (a) => a.acknowledgement?.by, width: 12 },
  {
    header: { zh: '知悉时间', en: 'At' },
    value: (a) => a.acknowledgement?.at,
    format: 'datetime',
    width: 18,
  },
  { header: { zh: '知悉备注', en: 'Note' }, value: (a) => a.acknowledgement?.note, width: 30 },
];

const ACKNOWLEDGED_LABELS = {
  true: { zh: '已知悉', en: 'Acknowledged' },
  false: { zh: '未知悉', en: 'Not acknowledged' },
} as const;

/** The alerts list (预警) as .xlsx, messages in the export's language; audited as `plans.export`. */
export async function exportAlerts(
  deps: PlanViewDeps,
  actor: Actor,
  q: { planCode?: string; tier?: AlertTier; kind?: string; acknowledged?: boolean },
  locale: ExportLocale,
) {
  const { planCode, tier, kind, acknowledged } = q;
  // The page filters tier and kind on what the list answered; the export does the same.
  const rows = (await alerts(deps, actor, locale, planCode, { acknowledged })).filter(
    (a) => (!tier || a.tier === tier) && (!kind || a.kind === kind),
  );
  const filters: ExportFilter[] = [];
  if (planCode) filters.push({ label: { zh: '规划', en: 'Plan' }, value: planCode });
  if (tier) filters.push({ label: { zh: '预警等级', en: 'Tier' }, value: ALERT_TIER_LABELS[tier] });
  if (kind)
    filters.push({
      label: { zh: '类型', en: 'Kind' },
      value: ALERT_KIND_LABELS[kind as AnyAlertKind] ?? kind,
    });
  if (acknowledged !== undefined)
    filters.push({
      label: { zh: '知悉情况', en: 'Acknowledged' },
      value: ACKNOWLEDGED_LABELS[`${acknowledged}`],
    });
  return exportList(deps, actor, {
    module: 'plans',
    list: 'alert',
    title: { zh: '预警', en: 'Alerts' },
    unitNames: unitNamesIn(deps.db),
    filters,
    query: q,
    columns: ALERT_COLUMNS,
    rows,
    locale,
  });
}

import {
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  PROGRESS_STATUS_LABELS,
  PROGRESS_STATUSES,
  type IndicatorStatus,
  type ProgressStatus,
} from '@zhijiao/contracts';
import { Card, Col, Row } from 'antd';
import { CHART_COLORS, EChart, type ChartOption } from '@/components/echart';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { DashboardKpis, DashboardSection } from '../types';

const INDICATOR_COLORS: Record<IndicatorStatus, string> = {
  met: CHART_COLORS.green,
  on_track: '#95de64',
  at_risk: CHART_COLORS.gold,
  off_track: CHART_COLORS.red,
  no_data: CHART_COLORS.grey,
};

const PROGRESS_CHART_COLORS: Record<ProgressStatus, string> = {
  on_track: CHART_COLORS.green,
  at_risk: CHART_COLORS.gold,
  behind: CHART_COLORS.red,
  completed: CHART_COLORS.blue,
};

/** Indicator statuses as a doughnut and task progress by section as stacked bars. */
export function PlanCharts({ kpis, sections }: { kpis: DashboardKpis; sections: DashboardSection[] }) {
  const t = useT();
  const lang = useLang();

  const indicatorOption: ChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: INDICATOR_STATUSES.map((status) => ({
          name: pick(INDICATOR_STATUS_LABELS[status], lang),
          value: kpis.indicatorsByStatus[status] ?? 0,
          itemStyle: { color: INDICATOR_COLORS[status] },
        })).filter((d) => d.value > 0),
      },
    ],
  };

  const visible = sections.filter((s) => s.tasks.length > 0);
  const count = (section: DashboardSection, status: ProgressStatus | null) =>
    section.tasks.filter((task) => task.progress === status).length;
  const sectionOption: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: visible.map((s) => s.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...PROGRESS_STATUSES.map((status) => ({
        type: 'bar' as const,
        stack: 'tasks',
        name: pick(PROGRESS_STATUS_LABELS[status], lang),
        itemStyle: { color: PROGRESS_CHART_COLORS[status] },
        data: visible.map((s) => count(s, status)),
      })),
      {
        type: 'bar' as const,
        stack: 'tasks',
        name: t('plan.notReported'),
        itemStyle: { color: CHART_COLORS.grey },
        data: visible.map((s) => count(s, null)),
      },
    ],
  };

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('plan.chart.indicators')}>
          <EChart option={indicatorOption} height={280} testId="chart-indicator-status" />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('plan.chart.sections')}>
          <EChart option={sectionOption} height={280} testId="chart-section-status" />
        </Card>
      </Col>
    </Row>
  );
}

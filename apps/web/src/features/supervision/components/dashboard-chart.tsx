import { ORDER_STATE_LABELS, ORDER_STATES } from '@zhijiao/contracts';
import { Empty, Segmented } from 'antd';
import { useState } from 'react';
import { CHART_COLORS, EChart, type ChartOption } from '@/components/echart';
import { useT } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import type { SupervisionDashboard } from '../types';

const STATE_COLORS = [CHART_COLORS.blue, '#722ed1', '#fa541c', '#13c2c2', CHART_COLORS.green];

/** Orders by state (bar) or per responsible unit (stacked: overdue, open, closed on time, closed late). */
export function DashboardChart({ data }: { data: SupervisionDashboard }) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<'state' | 'unit'>('state');
  if (data.orders.total === 0) return <Empty description={t('supervision.dashboard.noOrders')} />;
  const units = data.units.filter((u) => u.orders > 0).slice(0, 15);
  const option: ChartOption =
    view === 'state'
      ? {
          tooltip: { trigger: 'axis' },
          grid: { left: 40, right: 16, top: 16, bottom: 32 },
          xAxis: {
            type: 'category',
            data: ORDER_STATES.map((s) => pick(ORDER_STATE_LABELS[s], lang)),
            axisLabel: { interval: 0, fontSize: 11 },
          },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            {
              type: 'bar',
              barMaxWidth: 48,
              data: ORDER_STATES.map((s, i) => ({
                value: data.orders.byState[s] ?? 0,
                itemStyle: { color: STATE_COLORS[i] },
              })),
            },
          ],
        }
      : {
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { bottom: 0 },
          grid: { left: 110, right: 16, top: 8, bottom: 40 },
          yAxis: { type: 'category', inverse: true, data: units.map((u) => u.unit.name) },
          xAxis: { type: 'value', minInterval: 1 },
          series: [
            {
              name: t('supervision.chart.overdue'),
              key: 'overdue',
              color: CHART_COLORS.red,
              get: (u: Unit) => u.overdue,
            },
            {
              name: t('supervision.chart.open'),
              key: 'open',
              color: CHART_COLORS.blue,
              get: (u: Unit) => u.open - u.overdue,
            },
            {
              name: t('supervision.chart.closedOnTime'),
              key: 'onTime',
              color: CHART_COLORS.green,
              get: (u: Unit) => u.closedOnTime,
            },
            {
              name: t('supervision.chart.closedLate'),
              key: 'late',
              color: CHART_COLORS.gold,
              get: (u: Unit) => u.closedLate,
            },
          ].map((s) => ({
            type: 'bar' as const,
            stack: 'orders',
            name: s.name,
            itemStyle: { color: s.color },
            barMaxWidth: 22,
            data: units.map(s.get),
          })),
        };
  return (
    <div data-testid="supervision-chart">
      <Segmented
        size="small"
        value={view}
        onChange={(v) => setView(v as 'state' | 'unit')}
        options={[
          { value: 'state', label: t('supervision.chart.byState') },
          { value: 'unit', label: t('supervision.chart.byUnit') },
        ]}
        style={{ marginBottom: 8 }}
      />
      <EChart option={option} height={view === 'unit' ? Math.max(240, units.length * 34 + 60) : 280} />
    </div>
  );
}

type Unit = SupervisionDashboard['units'][number];

import { CHART_COLORS, EChart, type ChartOption } from '@/components/echart';
import { formatTarget } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Indicator, IndicatorPoint } from '../types';

/**
 * The indicator's values over time; the target is a line (a band is a shaded area) and the
 * deadline a vertical line, so the distance left to go is visible at a glance.
 */
export function IndicatorHistoryChart({
  indicator,
  history,
}: {
  indicator: Indicator;
  history: IndicatorPoint[];
}) {
  const t = useT();
  const points = history.filter((p) => p.value !== null);
  const band =
    indicator.comparator === 'between' && indicator.targetLow !== null && indicator.targetHigh !== null;
  const targetLabel = `${t('indicator.target')} ${formatTarget(indicator)}`;

  const markLineData: object[] = [];
  if (!band && indicator.target !== null) {
    markLineData.push({
      yAxis: indicator.target,
      name: targetLabel,
      label: { formatter: targetLabel, position: 'insideEndTop' },
      lineStyle: { color: CHART_COLORS.red, type: 'dashed' },
    });
  }
  if (indicator.deadline) {
    const deadlineLabel = `${t('indicator.deadline')} ${indicator.deadline}`;
    markLineData.push({
      xAxis: indicator.deadline,
      name: deadlineLabel,
      label: { formatter: deadlineLabel, position: 'end' },
      lineStyle: { color: '#8c8c8c', type: 'dotted' },
    });
  }

  const values = points.map((p) => p.value as number);
  const targets = [indicator.target, indicator.targetLow, indicator.targetHigh, indicator.baseline].filter(
    (v): v is number => v !== null,
  );
  const all = [...values, ...targets];
  const yMin = all.length ? Math.min(...all) : 0;
  const yMax = all.length ? Math.max(...all) : 1;
  const pad = (yMax - yMin || Math.abs(yMax) || 1) * 0.15;
  // Round the axis ends to a tidy step (1, 2, 5 × 10^n) so the ticks read well.
  const rough = (yMax - yMin + 2 * pad) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10;
  const axisMin = Math.max(yMin >= 0 ? 0 : -Infinity, Math.floor((yMin - pad) / step) * step);
  const axisMax = Math.ceil((yMax + pad) / step) * step;

  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) =>
        v === null || v === undefined ? '—' : `${String(v)}${indicator.unit ? ` ${indicator.unit}` : ''}`,
    },
    grid: { left: 56, right: 40, top: 36, bottom: 40 },
    xAxis: {
      type: 'time',
      max:
        indicator.deadline && points.every((p) => p.endsOn < indicator.deadline!)
          ? indicator.deadline
          : undefined,
    },
    yAxis: {
      type: 'value',
      name: indicator.unit ?? '',
      min: axisMin,
      max: axisMax,
    },
    series: [
      {
        type: 'line',
        name: indicator.name,
        data: points.map((p) => ({ value: [p.endsOn, p.value], name: p.periodLabel })),
        symbolSize: 8,
        itemStyle: { color: CHART_COLORS.blue },
        markLine: markLineData.length
          ? { symbol: 'none', silent: true, data: markLineData as never }
          : undefined,
        markArea: band
          ? {
              silent: true,
              itemStyle: { color: 'rgba(82, 196, 26, 0.12)' },
              label: { formatter: targetLabel, position: 'insideTopRight' },
              data: [[{ yAxis: indicator.targetLow! }, { yAxis: indicator.targetHigh! }]],
            }
          : undefined,
      },
    ],
  };
  return <EChart option={option} height={340} testId="indicator-history-chart" />;
}

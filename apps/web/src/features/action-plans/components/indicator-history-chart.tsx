import { CHART_COLORS, EChart, type ChartOption } from '@/components/echart';
import { formatNumber, formatTarget } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import type { Indicator, IndicatorDetail } from '../types';

type TimelinePoint = IndicatorDetail['timeline'][number];

const STATUS_COLORS: Record<string, string> = {
  met: CHART_COLORS.green,
  on_track: CHART_COLORS.green,
  at_risk: CHART_COLORS.gold,
  off_track: CHART_COLORS.red,
};

/** Axis label of a period: `2021年\n第3季度`, `2021年度`, `2021年\n3月`; English as given. */
function axisLabel(p: TimelinePoint, lang: 'zh' | 'en'): string {
  if (lang === 'en') return p.labelEn;
  return p.label.replace(/^(\d{4}年)(第\d季度|\d{1,2}月)$/, '$1\n$2');
}

/** Axis ends rounded to a tidy step (1, 2, 5 × 10^n) around the values and the target. */
function axisRange(values: number[]): { min: number; max: number } {
  const yMin = values.length ? Math.min(...values) : 0;
  const yMax = values.length ? Math.max(...values) : 1;
  const pad = (yMax - yMin || Math.abs(yMax) || 1) * 0.15;
  const rough = (yMax - yMin + 2 * pad) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? magnitude * 10;
  return {
    min: Math.max(yMin >= 0 ? 0 : -Infinity, Math.floor((yMin - pad) / step) * step),
    max: Math.ceil((yMax + pad) / step) * step,
  };
}

/**
 * The indicator over the plan's whole span up to its deadline: one point per period (per judged
 * year of a recurring target, coloured by its verdict) against the target line (a band is a shaded
 * area), so the distance left to go and any missed year are visible at a glance.
 */
export function IndicatorHistoryChart({
  indicator,
  timeline,
}: {
  indicator: Indicator;
  timeline: TimelinePoint[];
}) {
  const t = useT();
  const lang = useLang();
  const band =
    indicator.comparator === 'between' && indicator.targetLow !== null && indicator.targetHigh !== null;
  const targetLabel = `${t('indicator.target')} ${formatTarget(indicator)}`;
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const targets = [indicator.target, indicator.targetLow, indicator.targetHigh, indicator.baseline];
  const { min, max } = axisRange(
    [...timeline.map((p) => p.value), ...targets].filter((v): v is number => v !== null),
  );

  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v)}${unit}` : '—'),
    },
    grid: { left: 64, right: 48, top: 40, bottom: 56 },
    xAxis: {
      type: 'category',
      name: t('indicator.chart.period'),
      nameLocation: 'middle',
      nameGap: 40,
      data: timeline.map((p) => axisLabel(p, lang)),
      axisLabel: { interval: 0, fontSize: 11, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: indicator.unit ?? '',
      min,
      max,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        type: 'line',
        name: lang === 'zh' ? indicator.name : indicator.nameEn || indicator.name,
        connectNulls: true,
        data: timeline.map((p) => ({
          value: p.value,
          itemStyle: p.status && STATUS_COLORS[p.status] ? { color: STATUS_COLORS[p.status] } : undefined,
        })),
        symbolSize: 9,
        itemStyle: { color: CHART_COLORS.blue },
        lineStyle: { color: CHART_COLORS.blue },
        markLine:
          !band && indicator.target !== null
            ? {
                symbol: 'none',
                silent: true,
                data: [
                  {
                    yAxis: indicator.target,
                    name: targetLabel,
                    label: { formatter: targetLabel, position: 'insideEndTop' },
                    lineStyle: { color: CHART_COLORS.red, type: 'dashed' },
                  },
                ],
              }
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

import { Col, Row } from 'antd';
import { CHART_COLORS, EChart, type ChartOption } from '@/components/echart';
import { useT } from '@/lib/i18n';
import type { VocationalBand } from '../lib/vocational-band';
import type { Simulation } from '../types';

const pct = (v: number) => Math.round(v * 1000) / 10;

/**
 * Two pictures of the what-if: 职普比 now and tried against the plan's band (shaded), and each
 * program's fill rate now and tried.
 */
export function SimulationCharts({ simulation, band }: { simulation: Simulation; band: VocationalBand }) {
  const t = useT();
  const { current, scenario } = simulation;
  const labels = [t('enrollment.simulation.current'), t('enrollment.simulation.scenario')];
  const share: ChartOption = {
    grid: { left: 90, right: 40, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: labels, inverse: true },
    series: [
      {
        type: 'bar',
        name: t('enrollment.summary.share'),
        barWidth: 22,
        data: [pct(current.summary.vocationalShare), pct(scenario.summary.vocationalShare)].map((v) => ({
          value: v,
          itemStyle: {
            color: v >= pct(band.low) && v <= pct(band.high) ? CHART_COLORS.green : CHART_COLORS.red,
          },
        })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(82, 196, 26, 0.12)' },
          label: {
            show: true,
            position: 'insideTop',
            color: '#389e0d',
            formatter: t('enrollment.simulation.band'),
          },
          data: [[{ xAxis: pct(band.low) }, { xAxis: pct(band.high) }]],
        },
      },
    ],
  };
  const before = new Map(current.programs.map((p) => [p.programId, p]));
  const fill: ChartOption = {
    grid: { left: 48, right: 16, top: 40, bottom: 60 },
    legend: { top: 0, data: labels },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}%` },
    xAxis: {
      type: 'category',
      data: scenario.programs.map((p) => `${p.school} ${p.name}`),
      axisLabel: { rotate: scenario.programs.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: labels[0],
        color: CHART_COLORS.grey,
        data: scenario.programs.map((p) => pct(before.get(p.programId)?.fillRate ?? 0)),
      },
      {
        type: 'bar',
        name: labels[1],
        color: CHART_COLORS.blue,
        data: scenario.programs.map((p) => pct(p.fillRate)),
      },
    ],
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <EChart option={share} height={200} testId="simulation-share-chart" />
      </Col>
      <Col xs={24} lg={14}>
        <EChart option={fill} height={260} testId="simulation-fill-chart" />
      </Col>
    </Row>
  );
}

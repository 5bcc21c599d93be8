import { Card, Empty, Space, Table, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { formatNumber, formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { bandText, type VocationalBand } from '../lib/vocational-band';
import type { MatchSummary, Simulation } from '../types';
import { ShareVsBand, TrackTag } from './enrollment-tags';
import { SimulationCharts } from './simulation-charts';

/** A before → after pair, the after in bold when it differs. */
function Change({
  from,
  to,
  format = (v) => formatNumber(v),
}: {
  from: number;
  to: number;
  format?: (v: number) => string;
}) {
  if (from === to) return <>{format(to)}</>;
  return (
    <span>
      <Typography.Text type="secondary">{format(from)}</Typography.Text> → <strong>{format(to)}</strong>
    </span>
  );
}

/**
 * The what-if's answer: the season's projection with the current quotas beside the tried ones —
 * placements, 普高 / 中职, 职普比 against the plan's band — then each program's quota, admitted,
 * fill rate and 投档线, before → after.
 */
export function SimulationResult({ simulation, band }: { simulation: Simulation; band: VocationalBand }) {
  const t = useT();
  const { current, scenario } = simulation;
  const rows: { key: keyof MatchSummary; label: string }[] = [
    { key: 'candidates', label: t('enrollment.summary.candidates') },
    { key: 'placed', label: t('enrollment.summary.placed') },
    { key: 'unplaced', label: t('enrollment.summary.unplaced') },
    { key: 'general', label: t('enrollment.summary.general') },
    { key: 'vocational', label: t('enrollment.summary.vocational') },
  ];
  const summary: { key: string; label: string; current: ReactNode; scenario: ReactNode }[] = [
    ...rows.map((r) => ({
      key: r.key,
      label: r.label,
      current: formatNumber(current.summary[r.key]),
      scenario: <Change from={current.summary[r.key]} to={scenario.summary[r.key]} />,
    })),
    {
      key: 'share',
      label: t('enrollment.summary.share'),
      current: (
        <ShareVsBand share={current.summary.vocationalShare} band={band} testId="simulation-share-current" />
      ),
      scenario: (
        <ShareVsBand
          share={scenario.summary.vocationalShare}
          band={band}
          testId="simulation-share-scenario"
        />
      ),
    },
  ];
  const before = new Map(current.programs.map((p) => [p.programId, p]));
  return (
    <Card
      size="small"
      data-testid="simulation-result"
      title={t('enrollment.simulation.result', { source: simulation.source.name })}
      extra={
        <Typography.Text type="secondary">
          {t('enrollment.simulation.batches', { batches: simulation.batches.map((b) => b.name).join(' → ') })}
        </Typography.Text>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {current.summary.candidates === 0 && (
          <Empty description={t('enrollment.simulation.noCandidates')} data-testid="simulation-empty" />
        )}
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={summary}
          columns={[
            { title: '', dataIndex: 'label', width: 180 },
            { title: t('enrollment.simulation.current'), dataIndex: 'current' },
            { title: t('enrollment.simulation.scenario'), dataIndex: 'scenario' },
          ]}
        />
        <Typography.Text type="secondary">
          {t('enrollment.simulation.bandNote', { band: bandText(band) })}
        </Typography.Text>
        <SimulationCharts simulation={simulation} band={band} />
        <Table
          size="small"
          rowKey="programId"
          dataSource={scenario.programs}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(p, index) =>
            ({
              'data-testid': `simulation-program-row-${index ?? 0}`,
              'data-code': p.code,
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('enrollment.col.code'), dataIndex: 'code', width: 120 },
            { title: t('enrollment.col.program'), dataIndex: 'name' },
            { title: t('enrollment.col.school'), dataIndex: 'school' },
            {
              title: t('enrollment.col.track'),
              key: 'track',
              width: 80,
              render: (_, p) => <TrackTag track={p.track} />,
            },
            {
              title: t('enrollment.col.quota'),
              key: 'quota',
              align: 'right',
              render: (_, p) => <Change from={before.get(p.programId)?.quota ?? p.quota} to={p.quota} />,
            },
            {
              title: t('enrollment.col.admitted'),
              key: 'admitted',
              align: 'right',
              render: (_, p) => (
                <Change from={before.get(p.programId)?.admitted ?? p.admitted} to={p.admitted} />
              ),
            },
            {
              title: t('enrollment.col.fillRate'),
              key: 'fill',
              align: 'right',
              render: (_, p) => (
                <Change
                  from={before.get(p.programId)?.fillRate ?? p.fillRate}
                  to={p.fillRate}
                  format={formatShare}
                />
              ),
            },
            {
              title: t('enrollment.col.cutoff'),
              key: 'cutoff',
              align: 'right',
              render: (_, p) => {
                const from = before.get(p.programId)?.cutoff ?? null;
                if (from === null || p.cutoff === null) return formatNumber(p.cutoff);
                return <Change from={from} to={p.cutoff} />;
              },
            },
          ]}
        />
      </Space>
    </Card>
  );
}

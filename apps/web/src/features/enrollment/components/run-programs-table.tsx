import { Empty, Progress, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatNumber } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { MatchOutput } from '../lib/match-output';
import type { SeasonDetail } from '../types';
import { TrackTag } from './enrollment-tags';

/** Each program of a run: capacity, admitted, fill rate, 投档线; reserved groups (指标到校) expand below. */
export function RunProgramsTable({ season, output }: { season: SeasonDetail; output: MatchOutput }) {
  const t = useT();
  const byCode = new Map(season.programs.map((p) => [p.code, p]));
  const rows = output.programs.map((r) => ({ ...r, program: byCode.get(r.id) }));
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={(r, index) =>
        ({ 'data-testid': `run-program-row-${index ?? 0}`, 'data-code': r.id }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: <Empty /> }}
      expandable={{
        rowExpandable: (r) => r.reserved.length > 0,
        expandedRowRender: (r) => (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.reserved}
            columns={[
              { title: t('enrollment.col.reserved'), dataIndex: 'id' },
              { title: t('enrollment.col.quota'), dataIndex: 'capacity', align: 'right' },
              { title: t('enrollment.col.admitted'), dataIndex: 'admitted', align: 'right' },
              {
                title: t('enrollment.col.cutoff'),
                key: 'cutoff',
                align: 'right',
                render: (_, g) => (g.cutoff ? formatNumber(g.cutoff.score) : '—'),
              },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('enrollment.col.code'), dataIndex: 'id', width: 120 },
        { title: t('enrollment.col.program'), key: 'name', render: (_, r) => r.program?.name ?? '—' },
        { title: t('enrollment.col.school'), key: 'school', render: (_, r) => r.program?.school.name ?? '—' },
        {
          title: t('enrollment.col.track'),
          key: 'track',
          width: 80,
          render: (_, r) => (r.program ? <TrackTag track={r.program.track} /> : '—'),
        },
        { title: t('enrollment.col.quota'), dataIndex: 'capacity', width: 80, align: 'right' },
        { title: t('enrollment.col.admitted'), dataIndex: 'admitted', width: 90, align: 'right' },
        {
          title: t('enrollment.col.fillRate'),
          key: 'fill',
          width: 170,
          render: (_, r) => (
            <Progress
              size="small"
              percent={r.capacity === 0 ? 0 : Math.round((r.admitted / r.capacity) * 100)}
              status={r.admitted < r.capacity ? 'normal' : 'success'}
            />
          ),
        },
        {
          title: t('enrollment.col.cutoff'),
          key: 'cutoff',
          width: 110,
          align: 'right',
          render: (_, r) => (r.cutoff ? <strong>{formatNumber(r.cutoff.score)}</strong> : '—'),
        },
      ]}
    />
  );
}

import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError, QueryState } from '@/components/query-state';
import { formatDateTime, formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useRuns } from '../api/get-runs';
import { useSeason } from '../api/get-season';
import { useStartRun } from '../api/start-run';
import type { SeasonDetail } from '../types';
import { RunStateTag, WindowTag } from './enrollment-tags';
import { EnrollmentTabs } from './enrollment-tabs';
import { RunProgress } from './run-progress';
import { SeasonSelect, useSeasonChoice } from './season-choice';

/**
 * `/enrollment/matching`: 录取 for 招生办 — each batch with its window, a match (投档) once the
 * window has closed, the job's progress, and every run of the season to review and publish.
 */
export function MatchingPage() {
  const t = useT();
  const { seasons, season, choose } = useSeasonChoice();
  const detail = useSeason(season?.id);
  return (
    <div data-testid="enrollment-matching-page">
      <EnrollmentTabs />
      <PageHeader
        title={t('enrollment.matching.title')}
        subtitle={t('enrollment.matching.subtitle')}
        extra={seasons.data && <SeasonSelect seasons={seasons.data} value={season?.id} onChange={choose} />}
      />
      {seasons.isPending && <Loading />}
      {seasons.isError && <QueryError error={seasons.error} onRetry={() => void seasons.refetch()} />}
      {seasons.data?.length === 0 && <Empty description={t('enrollment.seasons.emptyManage')} />}
      {season && <QueryState query={detail}>{(s) => <SeasonMatching season={s} />}</QueryState>}
    </div>
  );
}

function SeasonMatching({ season }: { season: SeasonDetail }) {
  const t = useT();
  const showError = useShowError();
  const runs = useRuns(season.id);
  const start = useStartRun();
  const [jobId, setJobId] = useState<string | null>(null);
  const batchName = (id: string) => season.batches.find((b) => b.id === id)?.name ?? '—';
  const latest = (batchId: string) => runs.data?.find((r) => r.batchId === batchId);
  const run = (batchId: string) =>
    start.mutate(batchId, { onSuccess: (r) => setJobId(r.jobId), onError: (error) => showError(error) });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {season.state !== 'open' && (
        <Typography.Text type="warning" data-testid="matching-season-state">
          {t(season.state === 'setup' ? 'enrollment.matching.notOpen' : 'enrollment.matching.closed')}
        </Typography.Text>
      )}
      <Card size="small" title={t('enrollment.batches.title')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={season.batches}
          pagination={false}
          onRow={(b, index) =>
            ({ 'data-testid': `batch-row-${index ?? 0}`, 'data-code': b.code }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty description={t('enrollment.batches.empty')} /> }}
          columns={[
            { title: t('enrollment.col.position'), dataIndex: 'position', width: 70 },
            { title: t('enrollment.col.batch'), dataIndex: 'name' },
            {
              title: t('enrollment.col.window'),
              key: 'window',
              render: (_, b) => (
                <Space wrap>
                  <WindowTag state={b.window} />
                  <Typography.Text type="secondary">
                    {t('enrollment.matching.closesAt', { at: formatDateTime(b.closesAt) })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('enrollment.matching.latestRun'),
              key: 'run',
              render: (_, b) => {
                const r = latest(b.id);
                if (b.published) return <Tag color="success">{t('enrollment.batches.published')}</Tag>;
                return r ? (
                  <Link to={`/enrollment/seasons/${season.id}/runs/${r.id}`}>
                    <RunStateTag state={r.state} /> {formatDateTime(r.createdAt)}
                  </Link>
                ) : (
                  '—'
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 150,
              render: (_, b) => {
                const blocked = season.state !== 'open' || b.published;
                const button = (
                  <Button
                    size="small"
                    type="primary"
                    icon={<ThunderboltOutlined />}
                    disabled={blocked || (start.isPending && start.variables === b.id)}
                    data-testid="run-match"
                    title={b.window !== 'closed' ? t('enrollment.matching.windowNotClosed') : undefined}
                  >
                    {latest(b.id) ? t('enrollment.matching.rerun') : t('enrollment.matching.run')}
                  </Button>
                );
                return blocked ? (
                  button
                ) : (
                  <Popconfirm
                    title={t('enrollment.matching.runConfirm', { batch: b.name })}
                    description={t('enrollment.matching.runHint')}
                    okButtonProps={{ 'data-testid': 'run-match-confirm' }}
                    onConfirm={() => run(b.id)}
                  >
                    {button}
                  </Popconfirm>
                );
              },
            },
          ]}
        />
      </Card>
      {jobId && <RunProgress jobId={jobId} seasonId={season.id} onDone={() => setJobId(null)} />}
      <Card size="small" title={t('enrollment.matching.runs')}>
        <QueryState query={runs}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              onRow={(r, index) =>
                ({
                  'data-testid': `run-row-${index ?? 0}`,
                  'data-state': r.state,
                }) as HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: <Empty description={t('enrollment.matching.noRuns')} /> }}
              columns={[
                { title: t('enrollment.col.batch'), key: 'batch', render: (_, r) => batchName(r.batchId) },
                {
                  title: t('enrollment.matching.runAt'),
                  key: 'at',
                  render: (_, r) => formatDateTime(r.createdAt),
                },
                {
                  title: t('enrollment.col.state'),
                  key: 'state',
                  render: (_, r) => <RunStateTag state={r.state} />,
                },
                {
                  title: t('enrollment.matching.placed'),
                  key: 'placed',
                  render: (_, r) =>
                    t('enrollment.matching.placedValue', {
                      placed: r.summary.placed,
                      total: r.summary.candidates,
                    }),
                },
                {
                  title: t('enrollment.summary.share'),
                  key: 'share',
                  render: (_, r) => formatShare(r.summary.vocationalShare),
                },
                {
                  title: t('common.actions'),
                  key: 'view',
                  render: (_, r) => (
                    <Link to={`/enrollment/seasons/${season.id}/runs/${r.id}`}>{t('common.view')}</Link>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}

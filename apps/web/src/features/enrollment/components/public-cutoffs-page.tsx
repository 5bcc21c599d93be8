import { Card, Empty, Progress, Space, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { QueryState } from '@/components/query-state';
import { formatNumber, formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useCutoffs } from '../api/get-cutoffs';
import { TrackTag } from './enrollment-tags';
import { PublicLayout } from '@/components/public-layout';
import { ResponsiveTable } from '@/components/responsive-table';
import { PublicSeasonSelect, usePublicSeasonChoice } from './public-season-select';

/**
 * `/public/enrollment/cutoffs` (no sign-in): 录取分数线 and fill rates of a season's published
 * batches — counts only, no candidate anywhere.
 */
export function PublicCutoffsPage() {
  const t = useT();
  const choice = usePublicSeasonChoice();
  const cutoffs = useCutoffs(choice.season?.id);
  return (
    <PublicLayout footer={t('enrollment.public.footer')}>
      <Card data-testid="public-cutoffs-page">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('enrollment.public.cutoffsTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('enrollment.public.cutoffsHint')}</Typography.Text>
          <PublicSeasonSelect choice={choice} />
          {choice.seasons.data?.length === 0 && <Empty description={t('enrollment.public.noSeasons')} />}
          {choice.season && (
            <QueryState query={cutoffs}>
              {(data) => (
                <ResponsiveTable
                  size="small"
                  rowKey={(p) => `${p.batch}-${p.code}`}
                  dataSource={data.programs}
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  onRow={(p, index) =>
                    ({
                      'data-testid': `cutoff-row-${index ?? 0}`,
                      'data-code': p.code,
                    }) as HTMLAttributes<HTMLElement>
                  }
                  locale={{ emptyText: <Empty description={t('enrollment.public.noCutoffs')} /> }}
                  cardTitle={(p) => (
                    <>
                      {p.name} <TrackTag track={p.track} />
                    </>
                  )}
                  columns={[
                    { title: t('enrollment.col.batch'), dataIndex: 'batch', width: 100 },
                    { title: t('enrollment.col.school'), dataIndex: 'school' },
                    { title: t('enrollment.col.program'), dataIndex: 'name', responsive: ['md'] },
                    {
                      title: t('enrollment.col.track'),
                      key: 'track',
                      width: 80,
                      responsive: ['md'],
                      render: (_, p) => <TrackTag track={p.track} />,
                    },
                    { title: t('enrollment.col.quota'), dataIndex: 'quota', width: 80, align: 'right' },
                    { title: t('enrollment.col.admitted'), dataIndex: 'admitted', width: 90, align: 'right' },
                    {
                      title: t('enrollment.col.fillRate'),
                      key: 'fill',
                      width: 160,
                      render: (_, p) => (
                        <Progress
                          size="small"
                          aria-label={`${t('enrollment.col.fillRate')} ${formatShare(p.fillRate)}`}
                          percent={Math.round(p.fillRate * 100)}
                          format={() => formatShare(p.fillRate)}
                        />
                      ),
                    },
                    {
                      title: t('enrollment.col.cutoff'),
                      key: 'cutoff',
                      width: 110,
                      align: 'right',
                      render: (_, p) => (p.cutoff === null ? '—' : <strong>{formatNumber(p.cutoff)}</strong>),
                    },
                  ]}
                />
              )}
            </QueryState>
          )}
        </Space>
      </Card>
    </PublicLayout>
  );
}

import { Button, Card, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useReportColumns } from '@/components/report-columns';
import { useCurrentPlan } from '@/lib/current-plan';
import { useT } from '@/lib/i18n';
import { useReviewQueue } from '../api/get-reports';
import { ReviewDrawer } from './review-drawer';

/** `/review`: the coordinator's queue of submitted reports; a row opens the report for review. */
export function ReviewPage() {
  const t = useT();
  const cols = useReportColumns();
  const plan = useCurrentPlan();
  const queue = useReviewQueue(plan?.code);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div data-testid="review-page">
      <PageHeader title={t('review.queue')} />
      <Card size="small">
        <QueryState query={queue}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={items}
              locale={{ emptyText: t('review.empty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 900 }}
              onRow={(r) => ({ 'data-testid': `review-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
              columns={[
                cols.task,
                cols.unit,
                cols.period,
                cols.progress,
                cols.state,
                cols.submitted,
                {
                  title: t('common.actions'),
                  key: 'open',
                  width: 90,
                  render: (_, r) => (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      data-testid="review-open"
                      onClick={() => setOpen(r.id)}
                    >
                      {t('review.title')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <ReviewDrawer reportId={open} onClose={() => setOpen(null)} />
    </div>
  );
}

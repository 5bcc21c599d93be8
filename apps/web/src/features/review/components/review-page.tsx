import { Button, Card, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ProgressStatusTag, ReportStateTag } from '@/components/status-tags';
import { useCurrentPlan } from '@/lib/current-plan';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useReviewQueue } from '../api/get-review-queue';
import { ReviewDrawer } from './review-drawer';

/** `/review`: the coordinator's queue of submitted reports; a row opens the report for review. */
export function ReviewPage() {
  const t = useT();
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
                {
                  title: t('alerts.task'),
                  key: 'task',
                  render: (_, r) => <Link to={`/tasks/${r.taskId}`}>{`${r.taskLabel} ${r.taskTitle}`}</Link>,
                },
                { title: t('task.col.reportUnit'), key: 'unit', width: 140, render: (_, r) => r.unit.name },
                { title: t('task.col.period'), key: 'period', width: 130, render: (_, r) => r.period.label },
                {
                  title: t('task.col.progress'),
                  key: 'progress',
                  width: 100,
                  render: (_, r) => <ProgressStatusTag status={r.progress} />,
                },
                {
                  title: t('task.col.state'),
                  key: 'state',
                  width: 90,
                  render: (_, r) => <ReportStateTag state={r.state} />,
                },
                {
                  title: t('task.col.submitted'),
                  dataIndex: 'submittedAt',
                  width: 150,
                  render: formatDateTime,
                },
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

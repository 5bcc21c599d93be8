import { Button, Table } from 'antd';
import { Link } from 'react-router';
import { ProgressStatusTag, ReportStateTag } from '@/components/status-tags';
import type { ReportSummary } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';

/** The task's progress reports, newest first, with an edit link where the server allows it. */
export function TaskReportsTable({ reports }: { reports: ReportSummary[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={reports}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('common.empty') }}
      data-testid="task-reports"
      columns={[
        { title: t('task.col.period'), key: 'period', width: 130, render: (_, r) => r.period.label },
        { title: t('task.col.reportUnit'), key: 'unit', width: 140, render: (_, r) => r.unit.name },
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
        { title: t('task.col.submitted'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
        { title: t('task.col.reviewed'), dataIndex: 'reviewedAt', width: 150, render: formatDateTime },
        { title: t('task.col.comment'), dataIndex: 'reviewComment', render: (c: string | null) => c ?? '' },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 80,
          render: (_, r) =>
            r.abilities.edit ? (
              <Link to={`/progress/${r.id}/edit`}>
                <Button size="small" type="link">
                  {t('common.edit')}
                </Button>
              </Link>
            ) : null,
        },
      ]}
    />
  );
}

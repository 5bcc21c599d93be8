import { Button, Table } from 'antd';
import { Link } from 'react-router';
import { useReportColumns } from '@/components/report-columns';
import { useT } from '@/lib/i18n';
import type { ReportSummary } from '../types';

/** The task's progress reports, newest first, with an edit link where the server allows it. */
export function TaskReportsTable({ reports }: { reports: ReportSummary[] }) {
  const t = useT();
  const cols = useReportColumns();
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
        cols.period,
        cols.unit,
        cols.progress,
        cols.state,
        cols.submitted,
        cols.reviewed,
        cols.comment,
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

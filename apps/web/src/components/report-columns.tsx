import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { ProgressStatusTag, ReportStateTag } from '@/components/status-tags';
import type { ApiResponse } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';

type ReportSummary = ApiResponse<'get', '/api/progress-reports'>['items'][number];
type Column = TableColumnType<ReportSummary>;

/**
 * The columns every list of progress reports shows (task, unit, period, status, state, dates),
 * defined once; each table picks the ones it needs and adds its own actions.
 */
export function useReportColumns(): Record<
  'task' | 'unit' | 'period' | 'progress' | 'state' | 'submitted' | 'reviewed' | 'comment',
  Column
> {
  const t = useT();
  return {
    task: {
      title: t('alerts.task'),
      key: 'task',
      render: (_, r) => <Link to={`/tasks/${r.taskId}`}>{`${r.taskLabel} ${r.taskTitle}`}</Link>,
    },
    unit: { title: t('task.col.reportUnit'), key: 'unit', width: 140, render: (_, r) => r.unit.name },
    period: { title: t('task.col.period'), key: 'period', width: 130, render: (_, r) => r.period.label },
    progress: {
      title: t('task.col.progress'),
      key: 'progress',
      width: 100,
      render: (_, r) => <ProgressStatusTag status={r.progress} />,
    },
    state: {
      title: t('task.col.state'),
      key: 'state',
      width: 90,
      render: (_, r) => <ReportStateTag state={r.state} />,
    },
    submitted: {
      title: t('task.col.submitted'),
      dataIndex: 'submittedAt',
      width: 150,
      render: formatDateTime,
    },
    reviewed: { title: t('task.col.reviewed'), dataIndex: 'reviewedAt', width: 150, render: formatDateTime },
    comment: {
      title: t('task.col.comment'),
      dataIndex: 'reviewComment',
      render: (c: string | null) => c ?? '',
    },
  };
}

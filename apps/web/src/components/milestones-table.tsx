import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ApiResponse } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';

/** A task's milestone; the plan's list (`/api/plans/{code}/milestones`) adds its task. */
type Milestone = ApiResponse<'get', '/api/tasks/{id}'>['milestones'][number] & {
  task?: ApiResponse<'get', '/api/plans/{code}/milestones'>['items'][number]['task'];
};

/**
 * Milestones with due date, whether done, and an overdue tag; with `task` on each row (the plan's
 * list) a column links to the task.
 */
export function MilestonesTable({
  milestones,
  testId = 'task-milestones',
}: {
  milestones: Milestone[];
  testId?: string;
}) {
  const showTask = milestones.some((m) => m.task);
  const t = useT();
  const lang = useLang();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={milestones}
      pagination={false}
      locale={{ emptyText: t('common.empty') }}
      data-testid={testId}
      columns={[
        ...(showTask
          ? [
              {
                title: t('indicator.task'),
                key: 'task',
                width: 90,
                render: (_: unknown, m: Milestone) =>
                  m.task ? <Link to={`/tasks/${m.task.id}`}>{m.task.label}</Link> : null,
              },
            ]
          : []),
        {
          title: t('task.col.milestone'),
          key: 'title',
          render: (_, m) => (
            <>
              {localName(m.title, m.titleEn, lang)}
              {m.ownerNote && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('task.ownerNote', { note: m.ownerNote })}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('task.col.reportUnit'), key: 'unit', width: 140, render: (_, m) => m.unit?.name ?? '' },
        { title: t('task.col.due'), dataIndex: 'due', width: 110, render: formatDate },
        {
          title: t('task.col.done'),
          key: 'done',
          width: 190,
          render: (_, m) => (
            <>
              {m.completedOn ? (
                <Tag color="success" icon={<CheckCircleFilled />}>
                  {t('task.done', { date: formatDate(m.completedOn) })}
                </Tag>
              ) : (
                <Tag icon={<ClockCircleOutlined />}>
                  {m.completedBy ? t('task.byRecordsPending', { metric: m.completedBy }) : t('task.notDone')}
                </Tag>
              )}
              {m.completedBy && m.completedOn && <Tag color="blue">{t('task.byRecords')}</Tag>}
              {m.overdue && <Tag color="red">{t('task.overdue')}</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

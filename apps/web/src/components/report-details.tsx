import { PaperClipOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Table, Timeline, Typography } from 'antd';
import { apiUrl, type ApiResponse } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { formatBytes, formatDateTime, formatValue, ratioText } from '@/lib/format';
import { SimpleList } from './simple-list';
import { ProgressStatusTag, ReportStateTag } from './status-tags';

type ReportDetail = ApiResponse<'get', '/api/progress-reports/{id}'>['report'];
type Milestone = ApiResponse<'get', '/api/tasks/{id}'>['milestones'][number];

/**
 * Everything a unit reported for one task and period: narrative, indicator values, evidence
 * files (download links) and the review history. Pure display; the caller fetches.
 */
export function ReportDetails({ report, milestones }: { report: ReportDetail; milestones?: Milestone[] }) {
  const t = useT();
  const milestoneTitle = (id: string) => milestones?.find((m) => m.id === id || m.code === id)?.title ?? id;
  return (
    <div data-testid="report-details">
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          {
            key: 'task',
            label: t('alerts.task'),
            span: 2,
            children: `${report.taskLabel} ${report.taskTitle}`,
          },
          { key: 'unit', label: t('task.col.reportUnit'), children: report.unit.name },
          { key: 'period', label: t('task.col.period'), children: report.period.label },
          {
            key: 'progress',
            label: t('task.col.progress'),
            children: <ProgressStatusTag status={report.progress} />,
          },
          { key: 'state', label: t('task.col.state'), children: <ReportStateTag state={report.state} /> },
          { key: 'submitted', label: t('task.col.submitted'), children: formatDateTime(report.submittedAt) },
          { key: 'reviewed', label: t('task.col.reviewed'), children: formatDateTime(report.reviewedAt) },
          ...(report.reviewComment
            ? [{ key: 'comment', label: t('task.col.comment'), span: 2, children: report.reviewComment }]
            : []),
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('progress.narrative')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-narrative-text">
        {report.narrative}
      </Typography.Paragraph>

      <Typography.Title level={5}>{t('progress.values')}</Typography.Title>
      <Table
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={report.values}
        locale={{ emptyText: t('common.empty') }}
        columns={[
          { title: t('task.col.code'), dataIndex: 'code', width: 90 },
          { title: t('task.col.name'), dataIndex: 'name' },
          {
            title: t('indicator.value'),
            key: 'value',
            render: (_, v) => `${formatValue(v.value, v.unit)}${ratioText(v)}`,
            width: 200,
          },
          { title: t('progress.valueNote'), dataIndex: 'note', render: (note: string) => note },
        ]}
      />

      {report.completedMilestones.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('progress.milestones')}
          </Typography.Title>
          <ul>
            {report.completedMilestones.map((id) => (
              <li key={id}>{milestoneTitle(id)}</li>
            ))}
          </ul>
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('progress.files')}
      </Typography.Title>
      {report.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <SimpleList
          items={report.files}
          rowKey={(file) => file.id}
          renderItem={(file) => (
            <>
              <a
                href={apiUrl('/api/files/{id}', { id: file.id })}
                target="_blank"
                rel="noreferrer"
                data-testid="report-file"
              >
                <PaperClipOutlined /> {file.name}
              </a>
              <Typography.Text type="secondary">{formatBytes(file.sizeBytes)}</Typography.Text>
            </>
          )}
        />
      )}

      {report.events.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('review.events')}
          </Typography.Title>
          <Timeline
            items={report.events.map((e, i) => ({
              key: i,
              title: formatDateTime(e.at),
              content: (
                <span>
                  {e.actor} · {t(`review.event.${e.action}`)}
                  {e.comment ? `：${e.comment}` : ''}
                </span>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}

import { Button, Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useFormSubmit } from '@/components/form-modal';
import { AlertTierTag, IndicatorStatusTag, ProgressStatusTag, UnitRoleTag } from '@/components/status-tags';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSubmitRemarks } from '../api/submit-remarks';
import type { StatusReport } from '../types';

/**
 * One member unit's status report (情况汇报): its tasks, led indicators, overdue reports and open
 * rectification orders as of the preparation, and its remarks (a form for the unit itself).
 */
export function StatusReportCard({ meetingId, report }: { meetingId: string; report: StatusReport }) {
  const t = useT();
  const s = report.snapshot;
  return (
    <Card
      size="small"
      title={report.unit.name}
      extra={
        s && (
          <Typography.Text type="secondary">
            {t('meetings.window', { from: s.windowStart, to: s.windowEnd })}
          </Typography.Text>
        )
      }
      data-testid={`status-report-${report.unit.code}`}
    >
      {!s ? (
        <Typography.Text type="secondary">{t('meetings.notPrepared')}</Typography.Text>
      ) : (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('meetings.tasks')}>
            <Space wrap size={4}>
              {s.tasks.length === 0 && t('meetings.none')}
              {s.tasks.map((task) => (
                <Space key={task.id} size={2}>
                  <UnitRoleTag name={task.label} role={task.role} />
                  {task.progress && <ProgressStatusTag status={task.progress} />}
                </Space>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.indicators')}>
            <Space wrap size={4}>
              {s.indicators.length === 0 && t('meetings.none')}
              {s.indicators.map((i) => (
                <span key={i.id}>
                  {i.name} <IndicatorStatusTag status={i.status} />
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.overdueReports')}>
            {s.overdueReports.length === 0
              ? t('meetings.none')
              : s.overdueReports.map((r) => (
                  <div key={`${r.taskId}-${r.periodLabel}`}>
                    {r.taskLabel}
                    {r.taskTitle} · {r.periodLabel}{' '}
                    <Tag color="red">{t('meetings.daysLate', { n: r.daysLate })}</Tag>
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.rectification')}>
            {t('meetings.rectificationCount', {
              open: s.rectification.open,
              overdue: s.rectification.overdue,
            })}
            {s.rectification.items.map((o) => (
              <div key={o.id}>
                {o.title} · {o.dueDate} <AlertTierTag tier={o.tier} />
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.remarks')}>
            <Remarks meetingId={meetingId} report={report} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function Remarks({ meetingId, report }: { meetingId: string; report: StatusReport }) {
  const t = useT();
  const save = useSubmitRemarks();
  const { form, submit, submitting } = useFormSubmit({
    mutation: save,
    toInput: (v: { remarks: string }) => ({ id: meetingId, unitId: report.unit.id, remarks: v.remarks }),
    successMessage: t('meetings.remarksSaved'),
  });
  const shown = report.remarks ? (
    <div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
        {report.remarks}
      </Typography.Paragraph>
      <Typography.Text type="secondary">
        {t('meetings.remarksBy', { name: report.remarksByName ?? '', at: formatDateTime(report.remarksAt) })}
      </Typography.Text>
    </div>
  ) : (
    <Typography.Text type="warning">{t('meetings.remarksPending')}</Typography.Text>
  );
  if (!report.abilities.remark) return shown;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ remarks: report.remarks ?? '' }}
      onFinish={() => void submit()}
    >
      {shown}
      <Form.Item name="remarks" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="remarks-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="remarks-submit">
        {t('meetings.remarksSubmit')}
      </Button>
    </Form>
  );
}

/** Every status report the user may see, one card each. */
export const StatusReportList = ({ meetingId, reports }: { meetingId: string; reports: StatusReport[] }) => (
  <List
    grid={{ gutter: 12, column: 1 }}
    dataSource={reports}
    renderItem={(r) => (
      <List.Item>
        <StatusReportCard meetingId={meetingId} report={r} />
      </List.Item>
    )}
  />
);

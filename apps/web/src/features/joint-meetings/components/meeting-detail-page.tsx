import type { ButtonProps } from 'antd';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useMeeting, useMeetingStep } from '../api/meetings';
import type { MeetingDetail } from '../types';
import { AttendanceModal } from './attendance-modal';
import { DecisionsCard } from './decisions-card';
import { MeetingStateTag } from './meeting-tags';
import { StatusReportList } from './status-report-card';

/** `/meetings/:id`: agenda, attendance, the member units' status reports, decisions and the minutes. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <div data-testid="meeting-page">
      <QueryState query={meeting}>{(m) => <MeetingView meeting={m} />}</QueryState>
    </div>
  );
}

function MeetingView({ meeting: m }: { meeting: MeetingDetail }) {
  const t = useT();
  const lang = useLang();
  const step = useMeetingStep();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [attendance, setAttendance] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const run = (path: string, done?: string) =>
    step.mutate({ path }, { onSuccess: () => done && message.success(done), onError: (e) => showError(e) });
  const present = m.members.filter((x) => x.attendance === 'present');
  const absent = m.members.filter((x) => x.attendance === 'absent');
  return (
    <>
      <PageHeader
        back
        title={m.title}
        subtitle={
          <Space>
            {t('meetings.number', { n: m.number })}
            <MeetingStateTag state={m.state} />
          </Space>
        }
        extra={
          <Space wrap>
            {m.abilities.prepare && (
              <Button
                data-testid="meeting-prepare"
                loading={step.isPending}
                onClick={() => run(`/api/meetings/${m.id}/preparation`, t('meetings.prepared'))}
              >
                {m.preparedAt ? t('meetings.refresh') : t('meetings.prepare')}
              </Button>
            )}
            {m.abilities.recordAttendance && (
              <Button type="primary" data-testid="meeting-attendance" onClick={() => setAttendance(true)}>
                {t('meetings.recordAttendance')}
              </Button>
            )}
            {m.abilities.finaliseMinutes && (
              <Button type="primary" data-testid="meeting-finalise" onClick={() => setFinalising(true)}>
                {t('meetings.finalise')}
              </Button>
            )}
            {m.abilities.close && (
              <Button
                data-testid="meeting-close"
                onClick={() =>
                  modal.confirm({
                    title: t('meetings.close'),
                    onOk: () => run(`/api/meetings/${m.id}/closure`),
                  })
                }
              >
                {t('meetings.close')}
              </Button>
            )}
            {m.abilities.exportMinutes && (
              <>
                <Button href={`/api/meetings/${m.id}/minutes.docx?lang=${lang}`} data-testid="minutes-docx">
                  {t('meetings.exportDocx')}
                </Button>
                <Button href={`/api/meetings/${m.id}/minutes.pdf?lang=${lang}`} data-testid="minutes-pdf">
                  {t('meetings.exportPdf')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('meetings.date')}>{m.meetingDate}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.location')}>{m.location || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.chair')}>{m.chair || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.convening')}>{m.conveningUnit.name}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.agenda')} span={2}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="meeting-agenda">
                {m.agenda.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ol>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t('meetings.attendance')} data-testid="meeting-attendance-card">
          {m.state === 'planned' ? (
            <Space wrap>
              {m.members.map((x) => (
                <Tag key={x.unit.id}>{x.unit.name}</Tag>
              ))}
            </Space>
          ) : (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('meetings.present')}>
                {present.map((x) => `${x.unit.name}（${x.attendees}）`).join('、') || t('meetings.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetings.absent')}>
                {absent
                  .map((x) => (x.absenceReason ? `${x.unit.name}（${x.absenceReason}）` : x.unit.name))
                  .join('、') || t('meetings.none')}
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>
        <div>
          <Typography.Title level={5}>{t('meetings.statusReports')}</Typography.Title>
          <StatusReportList meetingId={m.id} reports={m.statusReports} />
        </div>
        {m.state !== 'planned' && <DecisionsCard meeting={m} />}
      </Space>
      {attendance && <AttendanceModal meeting={m} open={attendance} onClose={() => setAttendance(false)} />}
      <FinaliseModal meeting={m} open={finalising} onClose={() => setFinalising(false)} />
    </>
  );
}

function FinaliseModal({
  meeting,
  open,
  onClose,
}: {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ summary?: string }>();
  const step = useMeetingStep();
  const showError = useShowError();
  return (
    <Modal
      open={open}
      title={t('meetings.finalise')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={step.isPending}
      okButtonProps={{ 'data-testid': 'finalise-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('meetings.finaliseConfirm')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          step.mutate(
            { path: `/api/meetings/${meeting.id}/minutes`, body: { summary: v.summary ?? '' } },
            { onSuccess: onClose, onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item name="summary" label={t('meetings.summary')}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

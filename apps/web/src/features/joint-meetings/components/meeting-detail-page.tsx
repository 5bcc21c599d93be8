import { App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useLang } from '@/lib/lang';
import { useShowError } from '@/lib/use-show-error';
import { useCloseMeeting } from '../api/close-meeting';
import { useDownloadMinutes } from '../api/download-minutes';
import { useFinaliseMinutes } from '../api/finalise-minutes';
import { useMeeting } from '../api/get-meeting';
import { usePrepareMeeting } from '../api/prepare-meeting';
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
  const prepare = usePrepareMeeting();
  const close = useCloseMeeting();
  const minutes = useDownloadMinutes();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const [attendance, setAttendance] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const onError = (e: unknown) => showError(e);
  const present = m.members.filter((x) => x.attendance === 'present');
  const absent = m.members.filter((x) => x.attendance === 'absent');
  return (
    <>
      <PageHeader
        back
        printable
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
                loading={prepare.isPending}
                onClick={() =>
                  prepare.mutate(m.id, { onSuccess: () => message.success(t('meetings.prepared')), onError })
                }
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
                    onOk: () => close.mutate(m.id, { onError }),
                  })
                }
              >
                {t('meetings.close')}
              </Button>
            )}
            {m.abilities.exportMinutes && (
              <>
                <Button
                  data-testid="minutes-docx"
                  onClick={() => minutes.mutate({ id: m.id, format: 'docx', lang }, { onError })}
                >
                  {t('meetings.exportDocx')}
                </Button>
                <Button
                  data-testid="minutes-pdf"
                  onClick={() => minutes.mutate({ id: m.id, format: 'pdf', lang }, { onError })}
                >
                  {t('meetings.exportPdf')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
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
  const finalise = useFinaliseMinutes();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('meetings.finalise')}
      testId="finalise-submit"
      mutation={finalise}
      toInput={(v: { summary?: string }) => ({ id: meeting.id, summary: v.summary ?? '' })}
    >
      <Typography.Paragraph>{t('meetings.finaliseConfirm')}</Typography.Paragraph>
      <Form.Item name="summary" label={t('meetings.summary')}>
        <Input.TextArea rows={4} maxLength={10000} />
      </Form.Item>
    </FormModal>
  );
}

import { Form, Input, Switch, Table } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useRecordAttendance, type AttendanceInput } from '../api/record-attendance';
import type { MeetingDetail } from '../types';

type Values = {
  units: Array<{ unitId: string; present: boolean; attendees: string; absenceReason: string }>;
};

/** Recording attendance (出席/缺席, who attended for each unit), which marks the meeting held. */
export function AttendanceModal({
  meeting,
  open,
  onClose,
}: {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const save = useRecordAttendance();
  const initial = meeting.members.map((m) => ({
    unitId: m.unit.id,
    present: m.attendance !== 'absent',
    attendees: m.attendees,
    absenceReason: m.absenceReason,
  }));
  return (
    <FormModal<Values, { id: string; body: AttendanceInput }, MeetingDetail>
      open={open}
      onClose={onClose}
      width={760}
      title={t('meetings.recordAttendance')}
      testId="attendance-submit"
      layout="horizontal"
      initialValues={{ units: initial }}
      mutation={save}
      toInput={(v) => ({ id: meeting.id, body: { units: v.units } })}
    >
      {(form) => (
        <Form.List name="units">
          {(fields) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              columns={[
                {
                  title: t('meetings.members'),
                  key: 'unit',
                  render: (_, f) => meeting.members[f.name]?.unit.name,
                },
                {
                  title: t('meetings.attended'),
                  key: 'present',
                  width: 70,
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'present']} valuePropName="checked" noStyle>
                      <Switch size="small" />
                    </Form.Item>
                  ),
                },
                {
                  title: `${t('meetings.attendees')} / ${t('meetings.absenceReason')}`,
                  key: 'who',
                  render: (_, f) => (
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['units', f.name, 'present']) ? (
                          <Form.Item
                            name={[f.name, 'attendees']}
                            style={{ margin: 0 }}
                            rules={[{ required: true, message: t('common.required') }]}
                          >
                            <Input maxLength={500} placeholder={t('meetings.attendees')} />
                          </Form.Item>
                        ) : (
                          <Form.Item name={[f.name, 'absenceReason']} style={{ margin: 0 }}>
                            <Input maxLength={500} placeholder={t('meetings.absenceReason')} />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
      )}
    </FormModal>
  );
}

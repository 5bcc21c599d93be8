import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreateMeeting, type MeetingInput } from '../api/create-meeting';
import { useUnits } from '../api/get-org-units';

interface Values {
  title: string;
  meetingDate: Dayjs;
  location?: string;
  chair?: string;
  memberUnitIds: string[];
  agenda?: string;
}

const toInput = (v: Values): MeetingInput => ({
  title: v.title,
  meetingDate: v.meetingDate.format('YYYY-MM-DD'),
  location: v.location ?? '',
  chair: v.chair ?? '',
  memberUnitIds: v.memberUnitIds,
  agenda: (v.agenda ?? '')
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean),
});

/** Convening a joint meeting: title, date, venue, chair, member units and the agenda (one item a line). */
export function MeetingFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const save = useCreateMeeting();
  const units = useUnits();
  const navigate = useNavigate();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('meetings.new')}
      testId="meeting-form-submit"
      mutation={save}
      toInput={toInput}
      successMessage={t('meetings.created')}
      onSaved={(m) => void navigate(`/meetings/${m.id}`)}
    >
      <Form.Item
        name="title"
        label={t('meetings.title')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={200} data-testid="meeting-title" />
      </Form.Item>
      <Form.Item
        name="meetingDate"
        label={t('meetings.date')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="meeting-date" />
      </Form.Item>
      <Form.Item name="location" label={t('meetings.location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="chair" label={t('meetings.chair')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="memberUnitIds"
        label={t('meetings.members')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          mode="multiple"
          loading={units.isLoading}
          optionFilterProp="label"
          data-testid="meeting-members"
          options={(units.data ?? [])
            .filter((u) => u.type !== 'district')
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="agenda" label={t('meetings.agenda')} extra={t('meetings.agendaHint')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

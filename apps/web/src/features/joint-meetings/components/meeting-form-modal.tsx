import type { ButtonProps } from 'antd';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useMeetingStep, useUnits } from '../api/meetings';

interface Values {
  title: string;
  meetingDate: Dayjs;
  location?: string;
  chair?: string;
  memberUnitIds: string[];
  agenda?: string;
}

/** Convening a joint meeting: title, date, venue, chair, member units and the agenda (one item a line). */
export function MeetingFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const step = useMeetingStep();
  const showError = useShowError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const submit = (v: Values) =>
    step.mutate(
      {
        path: '/api/meetings',
        body: {
          title: v.title,
          meetingDate: v.meetingDate.format('YYYY-MM-DD'),
          location: v.location ?? '',
          chair: v.chair ?? '',
          memberUnitIds: v.memberUnitIds,
          agenda: (v.agenda ?? '')
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
        },
      },
      {
        onSuccess: (m) => {
          message.success(t('meetings.created'));
          form.resetFields();
          onClose();
          void navigate(`/meetings/${m.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );
  return (
    <Modal
      open={open}
      title={t('meetings.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={step.isPending}
      okButtonProps={{ 'data-testid': 'meeting-form-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
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
      </Form>
    </Modal>
  );
}

import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useRequestExtension } from '../api/request-extension';
import type { OrderDetail } from '../types';

/** The responsible unit asks for a later deadline (申请延期) with its reason. */
export function OrderExtensionModal({
  order,
  open,
  onClose,
}: {
  order: OrderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('supervision.extension.request')}
      testId="extension-submit"
      mutation={useRequestExtension()}
      toInput={(v: { dueDate: Dayjs; reason: string }) => ({
        id: order.id,
        body: { dueDate: v.dueDate.format('YYYY-MM-DD'), reason: v.reason.trim() },
      })}
      successMessage={t('supervision.extension.requested')}
    >
      <Form.Item
        name="dueDate"
        label={t('supervision.extension.newDue')}
        extra={t('supervision.extension.currentDue', { date: order.dueDate })}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: 200 }} disabledDate={(d) => !d.isAfter(dayjs(order.dueDate), 'day')} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('supervision.extension.reason')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

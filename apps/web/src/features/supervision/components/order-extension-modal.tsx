import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
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
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ dueDate: Dayjs; reason: string }>();
  const request = useRequestExtension();
  const submit = async () => {
    let v: { dueDate: Dayjs; reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    request.mutate(
      { id: order.id, body: { dueDate: v.dueDate.format('YYYY-MM-DD'), reason: v.reason.trim() } },
      {
        onSuccess: () => {
          message.success(t('supervision.extension.requested'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('supervision.extension.request')}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'extension-submit' }}
      confirmLoading={request.isPending}
      onOk={() => void submit()}
    >
      <Form form={form} layout="vertical" preserve={false}>
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
      </Form>
    </Modal>
  );
}

import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useIssueOrder } from '../api/issue-order';
import type { Finding } from '../types';

interface Values {
  title?: string;
  requirements: string;
  dueDate: Dayjs;
}

/** Issues the rectification order (整改通知书) of a finding: requirements and a deadline (限期整改). */
export function IssueOrderModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const issue = useIssueOrder();
  const submit = async () => {
    if (!finding) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    issue.mutate(
      {
        findingId: finding.id,
        body: {
          ...(v.title?.trim() ? { title: v.title.trim() } : {}),
          requirements: v.requirements.trim(),
          dueDate: v.dueDate.format('YYYY-MM-DD'),
        },
      },
      {
        onSuccess: (order) => {
          message.success(t('supervision.order.issued'));
          onClose();
          navigate(`/supervision/orders/${order.id}`);
        },
        onError: (error) => showError(error, form),
      },
    );
  };
  return (
    <Modal
      open={!!finding}
      title={t('supervision.order.issueTitle')}
      width={600}
      onCancel={onClose}
      destroyOnHidden
      okText={t('supervision.order.issue')}
      okButtonProps={{ 'data-testid': 'order-form-submit' }}
      confirmLoading={issue.isPending}
      onOk={() => void submit()}
    >
      {finding && (
        <Typography.Paragraph type="secondary">
          {t('supervision.order.forFinding', { title: finding.title, unit: finding.unit.name })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ dueDate: dayjs().add(30, 'day') }}
      >
        <Form.Item name="title" label={t('supervision.field.orderTitle')} rules={[{ max: 300 }]}>
          <Input
            maxLength={300}
            placeholder={finding ? t('supervision.field.orderTitleDefault', { title: finding.title }) : ''}
          />
        </Form.Item>
        <Form.Item
          name="requirements"
          label={t('supervision.field.requirements')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 5000 }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={5000}
            showCount
            data-testid="order-requirements"
            placeholder={t('supervision.field.requirementsPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('supervision.field.dueDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker
            data-testid="order-due"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

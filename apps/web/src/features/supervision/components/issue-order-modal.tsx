import { DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useIssueOrder } from '../api/issue-order';
import type { Finding } from '../types';
import { chinaTodayDay } from '@/lib/format';

interface Values {
  title?: string;
  requirements: string;
  dueDate: Dayjs;
}

/** Issues the rectification order (整改通知书) of a finding: requirements and a deadline (限期整改). */
export function IssueOrderModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <FormModal
      open={!!finding}
      onClose={onClose}
      title={t('supervision.order.issueTitle')}
      width={600}
      okText={t('supervision.order.issue')}
      testId="order-form-submit"
      initialValues={{ dueDate: chinaTodayDay().add(30, 'day') }}
      mutation={useIssueOrder()}
      toInput={(v: Values) => ({
        findingId: finding!.id,
        body: {
          ...(v.title?.trim() ? { title: v.title.trim() } : {}),
          requirements: v.requirements.trim(),
          dueDate: v.dueDate.format('YYYY-MM-DD'),
        },
      })}
      successMessage={t('supervision.order.issued')}
      onSaved={(order) => navigate(`/supervision/orders/${order.id}`)}
    >
      {finding && (
        <Typography.Paragraph type="secondary">
          {t('supervision.order.forFinding', { title: finding.title, unit: finding.unit.name })}
        </Typography.Paragraph>
      )}
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
          disabledDate={(d) => d.isBefore(chinaTodayDay(), 'day')}
          style={{ width: 200 }}
        />
      </Form.Item>
    </FormModal>
  );
}

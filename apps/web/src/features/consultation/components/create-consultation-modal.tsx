import { DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useCandidateVersions, useCreateConsultation } from '../api/editor-consultations';

interface Values {
  planId: string;
  title?: string;
  description?: string;
  closesOn: Dayjs;
}

/** Prepares a consultation on a draft plan version; the period ends at the end of the chosen day (China time). */
export function CreateConsultationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const candidates = useCandidateVersions(open);
  const create = useCreateConsultation();
  return (
    <Modal
      open={open}
      title={t('consultation.list.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'consultation-create-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            {
              planId: v.planId,
              title: v.title?.trim() || undefined,
              description: v.description?.trim() || undefined,
              closesAt: `${v.closesOn.format('YYYY-MM-DD')}T23:59:59+08:00`,
            },
            { onSuccess: (r) => navigate(`/consultation/${r.id}`), onError: (e) => showError(e, form) },
          )
        }
      >
        <Form.Item
          name="planId"
          label={t('consultation.create.plan')}
          rules={[{ required: true, message: t('consultation.create.required') }]}
        >
          <Select
            data-testid="consultation-create-plan"
            loading={candidates.isPending}
            notFoundContent={t('consultation.create.noDrafts')}
            options={candidates.data?.map((c) => ({
              value: c.id,
              label: `${c.title}（${t('consultation.list.version', { version: c.version })}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('consultation.create.name')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('consultation.create.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="closesOn"
          label={t('consultation.create.closesAt')}
          rules={[{ required: true, message: t('consultation.create.required') }]}
        >
          <DatePicker data-testid="consultation-create-closes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

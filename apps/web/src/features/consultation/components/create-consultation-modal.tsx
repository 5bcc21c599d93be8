import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCreateConsultation, type CreateConsultationInput } from '../api/create-consultation';
import { useCandidateVersions } from '../api/get-candidate-versions';

interface Values {
  planId: string;
  title?: string;
  description?: string;
  closesOn: Dayjs;
}

/** The period ends at the end of the chosen day (China time). */
const toInput = (v: Values): CreateConsultationInput => ({
  planId: v.planId,
  title: v.title?.trim() || undefined,
  description: v.description?.trim() || undefined,
  closesAt: `${v.closesOn.format('YYYY-MM-DD')}T23:59:59+08:00`,
});

/** Prepares a consultation on a draft plan version. */
export function CreateConsultationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const candidates = useCandidateVersions(open);
  const create = useCreateConsultation();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('consultation.list.create')}
      testId="consultation-create-submit"
      mutation={create}
      toInput={toInput}
      onSaved={(r) => void navigate(`/consultation/${r.id}`)}
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
    </FormModal>
  );
}

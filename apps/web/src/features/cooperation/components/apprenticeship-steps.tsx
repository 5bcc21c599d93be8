import { DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCompleteApprenticeship, useCompleteStage, type Apprenticeship } from '../api/apprenticeships';

/** 记录阶段完成: the day a training stage was done, with a note. */
export function StageModal({
  a,
  stageId,
  onClose,
}: {
  a: Apprenticeship;
  stageId: string;
  onClose: () => void;
}) {
  const t = useT();
  const save = useCompleteStage();
  return (
    <FormModal<{ completedOn: Dayjs; note?: string }, Parameters<typeof save.mutate>[0], Apprenticeship>
      open
      onClose={onClose}
      title={t('cooperation.apprenticeships.stageDone')}
      okText={t('cooperation.save')}
      testId="stage-save"
      mutation={save}
      toInput={(v) => ({
        id: a.id,
        body: { stageId, completedOn: v.completedOn.format('YYYY-MM-DD'), note: v.note?.trim() ?? '' },
      })}
      successMessage={t('cooperation.apprenticeships.saved')}
    >
      <Form.Item
        name="completedOn"
        label={t('cooperation.apprenticeships.completedOn')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} data-testid="stage-date" />
      </Form.Item>
      <Form.Item name="note" label={t('cooperation.apprenticeships.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** 结业: the completion date and how many apprentices finished. */
export function CompletionModal({ a, onClose }: { a: Apprenticeship; onClose: () => void }) {
  const t = useT();
  const save = useCompleteApprenticeship();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<
      { completedOn: Dayjs; completedCount: number; note?: string },
      Parameters<typeof save.mutate>[0],
      Apprenticeship
    >
      open
      onClose={onClose}
      title={t('cooperation.apprenticeships.complete')}
      okText={t('cooperation.save')}
      testId="completion-save"
      mutation={save}
      toInput={(v) => ({
        id: a.id,
        body: {
          completedOn: v.completedOn.format('YYYY-MM-DD'),
          completedCount: v.completedCount,
          note: v.note?.trim() ?? '',
        },
      })}
      successMessage={t('cooperation.apprenticeships.completed')}
      initialValues={{ completedCount: a.apprenticeCount }}
    >
      <Form.Item name="completedOn" label={t('cooperation.apprenticeships.completedOn')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="completedCount"
        label={t('cooperation.apprenticeships.completedCount')}
        rules={required}
      >
        <InputNumber min={0} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('cooperation.apprenticeships.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

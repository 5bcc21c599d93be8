import { Form, Input, Typography } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useCompleteInspection } from '../api/complete-inspection';

/** Completes an inspection with the conclusion (督导结论与意见) that goes into its report. */
export function CompleteInspectionModal({
  id,
  open,
  onClose,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={t('supervision.inspection.complete')}
      width={640}
      testId="inspection-complete-submit"
      mutation={useCompleteInspection()}
      toInput={(v: { conclusion: string }) => ({ id, conclusion: v.conclusion.trim() })}
      successMessage={t('supervision.inspection.completed')}
    >
      <Typography.Paragraph type="secondary">{t('supervision.inspection.completeHint')}</Typography.Paragraph>
      <Form.Item
        name="conclusion"
        label={t('supervision.field.conclusion')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 20000 }]}
      >
        <Input.TextArea rows={8} maxLength={20000} showCount data-testid="inspection-conclusion" />
      </Form.Item>
    </FormModal>
  );
}

import { App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
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
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ conclusion: string }>();
  const complete = useCompleteInspection();
  const submit = async () => {
    let v: { conclusion: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    complete.mutate(
      { id, conclusion: v.conclusion.trim() },
      {
        onSuccess: () => {
          message.success(t('supervision.inspection.completed'));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('supervision.inspection.complete')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'inspection-complete-submit' }}
      confirmLoading={complete.isPending}
      onOk={() => void submit()}
    >
      <Typography.Paragraph type="secondary">{t('supervision.inspection.completeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="conclusion"
          label={t('supervision.field.conclusion')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 20000 }]}
        >
          <Input.TextArea rows={8} maxLength={20000} showCount data-testid="inspection-conclusion" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

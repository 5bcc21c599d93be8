import { Form, Input, Modal } from 'antd';
import { useT } from '@/lib/i18n';

/**
 * A short modal asking for a comment or reason (退回理由, 审批意见, 复核意见); `required` makes the
 * form refuse an empty one before anything is sent.
 */
export function CommentModal({
  open,
  title,
  label,
  required,
  loading,
  okText,
  okTestId,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  required: boolean;
  loading: boolean;
  okText?: string;
  okTestId?: string;
  onSubmit: (comment: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ comment?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      okText={okText}
      okButtonProps={okTestId ? { 'data-testid': okTestId } : undefined}
      confirmLoading={loading}
      onOk={() =>
        form
          .validateFields()
          .then((v) => onSubmit((v.comment ?? '').trim()))
          .catch(() => undefined)
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={label}
          rules={[
            { required, whitespace: required, message: t('supervision.reasonRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="comment-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

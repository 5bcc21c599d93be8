import { Form, Input } from 'antd';
import { FormModal, type FormSubmitOptions } from '@/components/form-modal';
import { useT } from '@/lib/i18n';

/**
 * A short modal asking for a comment or reason (退回理由, 审批意见, 复核意见) and saving it with
 * `mutation`; `required` makes the form refuse an empty one before anything is sent.
 */
export function CommentModal<Vars, Result>({
  open,
  title,
  label,
  required,
  okText,
  okTestId,
  onClose,
  toInput,
  ...options
}: Omit<FormSubmitOptions<{ comment?: string }, Vars, Result>, 'toInput'> & {
  open: boolean;
  title: string;
  label: string;
  required: boolean;
  okText?: string;
  okTestId?: string;
  /** The mutation's input from the trimmed comment. */
  toInput: (comment: string) => Vars;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <FormModal
      {...options}
      open={open}
      title={title}
      okText={okText}
      testId={okTestId}
      onClose={onClose}
      toInput={(v: { comment?: string }) => toInput((v.comment ?? '').trim())}
    >
      <Form.Item
        name="comment"
        label={label}
        rules={[{ required, whitespace: required, message: t('supervision.reasonRequired') }, { max: 2000 }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="comment-input" />
      </Form.Item>
    </FormModal>
  );
}

import { ADOPTION_DECISIONS } from '@zhijiao/contracts';
import { App, Form, Input, Modal, Radio, type ButtonProps } from 'antd';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useConsultationActions } from '../api/editor-consultations';
import type { EditorComment } from '../api/types';

interface Values {
  reply: string;
  decision: EditorComment['decision'];
  reason?: string;
}

/** The reply and adoption decision (采纳 / 部分采纳 / 未采纳 with a reason) for one published comment. */
export function ReplyModal({
  consultationId,
  comment,
  onClose,
}: {
  consultationId: string;
  comment: EditorComment | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const { reply } = useConsultationActions(consultationId);
  return (
    <Modal
      open={comment !== null}
      title={comment ? t('consultation.manage.replyTitle', { seq: comment.seq }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reply.isPending}
      okText={t('consultation.manage.replySubmit')}
      okButtonProps={{ 'data-testid': 'reply-submit' } as ButtonProps}
      destroyOnHidden
    >
      {comment && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            reply: comment.reply ?? '',
            decision: comment.decision ?? 'adopted',
            reason: comment.decisionReason ?? '',
          }}
          onFinish={(v) =>
            reply.mutate(
              {
                commentId: comment.id,
                reply: v.reply,
                decision: v.decision!,
                reason: v.reason?.trim() || undefined,
              },
              {
                onSuccess: () => {
                  void message.success(t('consultation.manage.saved'));
                  onClose();
                },
                onError: (e) => showError(e, form),
              },
            )
          }
        >
          <blockquote
            style={{
              margin: '0 0 16px',
              paddingLeft: 12,
              borderLeft: '3px solid #d9d9d9',
              whiteSpace: 'pre-wrap',
            }}
          >
            {comment.body}
          </blockquote>
          <Form.Item
            name="reply"
            label={t('consultation.manage.replyText')}
            rules={[{ required: true, whitespace: true, message: t('consultation.create.required') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} data-testid="reply-text" />
          </Form.Item>
          <Form.Item name="decision" label={t('consultation.manage.decision')} rules={[{ required: true }]}>
            <Radio.Group data-testid="reply-decision">
              {ADOPTION_DECISIONS.map((d) => (
                <Radio key={d} value={d} data-testid={`reply-decision-${d}`}>
                  {t(`consultation.decision.${d}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('consultation.manage.reason')}
            dependencies={['decision']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  getFieldValue('decision') === 'adopted' || (value ?? '').trim() !== ''
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('consultation.create.required'))),
              }),
            ]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="reply-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

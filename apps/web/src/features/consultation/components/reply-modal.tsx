import { ADOPTION_DECISIONS, type AdoptionDecision } from '@zhijiao/contracts';
import { Form, Input, Radio } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useReplyToComment } from '../api/reply-to-comment';
import type { EditorComment } from '../types';

interface Values {
  reply: string;
  decision: AdoptionDecision;
  reason?: string;
}

/** The reply and adoption decision (采纳 / 部分采纳 / 未采纳 with a reason) for one published comment. */
export function ReplyModal({ comment, onClose }: { comment: EditorComment | null; onClose: () => void }) {
  const t = useT();
  const reply = useReplyToComment();
  return (
    <FormModal
      open={comment !== null}
      onClose={onClose}
      title={comment ? t('consultation.manage.replyTitle', { seq: comment.seq }) : ''}
      okText={t('consultation.manage.replySubmit')}
      testId="reply-submit"
      mutation={reply}
      toInput={(v: Values) => ({
        commentId: comment!.id,
        reply: v.reply,
        decision: v.decision,
        reason: v.reason?.trim() || undefined,
      })}
      successMessage={t('consultation.done.replied')}
      initialValues={{
        reply: comment?.reply ?? '',
        decision: comment?.decision ?? 'adopted',
        reason: comment?.decisionReason ?? '',
      }}
    >
      {comment && (
        <>
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
        </>
      )}
    </FormModal>
  );
}

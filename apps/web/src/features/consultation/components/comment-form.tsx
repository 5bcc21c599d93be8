import { COMMENT_LIMITS } from '@zhijiao/contracts';
import { Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useFormSubmit } from '@/components/form-modal';
import { useT } from '@/lib/i18n';
import { useSubmitComment, type CommentDraft } from '../api/submit-comment';

/**
 * The comment form under one clause: text, optional name (shown), optional contact (never shown),
 * a honeypot field hidden from people, and the proof of work solved on submit ("正在验证…").
 */
export function CommentForm({
  consultationId,
  clauseKey,
  onDone,
}: {
  consultationId: string;
  clauseKey: string;
  onDone: () => void;
}) {
  const t = useT();
  const [verifying, setVerifying] = useState(false);
  const [submittedSeq, setSubmittedSeq] = useState<number | null>(null);
  const save = useSubmitComment(consultationId, setVerifying);
  const { form, submit, submitting } = useFormSubmit({
    mutation: save,
    toInput: (values: Omit<CommentDraft, 'clauseKey'>) => ({ ...values, clauseKey }),
    onSaved: (r) => setSubmittedSeq(r.seq),
  });

  if (submittedSeq !== null) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="comment-success"
        title={t('consultation.comment.submitted', { seq: submittedSeq })}
        action={
          <Button size="small" onClick={onDone}>
            {t('consultation.comment.close')}
          </Button>
        }
      />
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid={`comment-form-${clauseKey}`}
      style={{ background: '#fafafa', padding: 16, borderRadius: 8 }}
      onFinish={() => void submit()}
    >
      <Form.Item
        name="body"
        label={t('consultation.comment.body')}
        rules={[{ required: true, whitespace: true, message: t('consultation.comment.bodyRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={COMMENT_LIMITS.bodyMax} showCount data-testid="comment-body" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="authorName"
          label={t('consultation.comment.name')}
          style={{ flex: 1, minWidth: 200 }}
        >
          <Input maxLength={COMMENT_LIMITS.nameMax} data-testid="comment-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('consultation.comment.contact')}
          extra={t('consultation.comment.contactNote')}
          style={{ flex: 1, minWidth: 200 }}
        >
          <Input maxLength={COMMENT_LIMITS.contactMax} autoComplete="off" data-testid="comment-contact" />
        </Form.Item>
      </Flex>
      {/* Honeypot: invisible to people and screen readers; bots that fill every field get refused. */}
      <div
        aria-hidden="true"
        style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}
      >
        <Form.Item name="website">
          <Input tabIndex={-1} autoComplete="off" />
        </Form.Item>
      </div>
      <Flex gap={8} align="center">
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="comment-submit">
          {verifying ? t('consultation.comment.verifying') : t('consultation.comment.submit')}
        </Button>
        <Button onClick={onDone} disabled={submitting}>
          {t('consultation.comment.cancel')}
        </Button>
        {verifying && <span data-testid="comment-verifying">{t('consultation.comment.verifying')}</span>}
      </Flex>
    </Form>
  );
}

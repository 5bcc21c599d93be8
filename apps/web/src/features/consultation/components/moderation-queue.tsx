import { App, Button, Empty, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/form-modal';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useModerateComment } from '../api/moderate-comment';
import type { Clause, EditorComment } from '../types';

/** Pending comments, oldest first: publish, or reject with a reason that is kept and never shown. */
export function ModerationQueue(props: {
  clauses: Clause[];
  comments: EditorComment[];
  canModerate: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const moderate = useModerateComment();
  const [rejecting, setRejecting] = useState<EditorComment | null>(null);
  const clauseName = (key: string) => {
    const c = props.clauses.find((x) => x.key === key);
    return c ? (c.kind === 'preamble' ? t('consultation.clause.preamble') : `${c.label}${c.title}`) : key;
  };
  const pending = props.comments.filter((c) => c.status === 'pending');
  if (pending.length === 0) return <Empty description={t('consultation.manage.queueEmpty')} />;
  const publish = (comment: EditorComment) =>
    moderate.mutate(
      { commentId: comment.id, action: 'publish' },
      {
        onSuccess: () => void message.success(t('consultation.done.published')),
        onError: (e) => showError(e),
      },
    );
  return (
    <Flex vertical gap={12}>
      {pending.map((c) => (
        <div
          key={c.id}
          data-testid={`comment-row-${c.seq}`}
          style={{ padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }}
        >
          <Flex justify="space-between" gap={16} wrap>
            <Typography.Text type="secondary">
              #{c.seq} · {clauseName(c.clauseKey)} · {c.authorName ?? t('consultation.comment.anonymous')}
              {c.contact && ` · ${t('consultation.manage.contact')} ${c.contact}`} ·{' '}
              {formatDateTime(c.createdAt)}
            </Typography.Text>
            {props.canModerate && (
              <Flex gap={8}>
                <Button
                  type="primary"
                  size="small"
                  loading={moderate.isPending}
                  onClick={() => publish(c)}
                  data-testid={`moderation-publish-${c.seq}`}
                >
                  {t('consultation.manage.publish')}
                </Button>
                <Button
                  danger
                  size="small"
                  onClick={() => setRejecting(c)}
                  data-testid={`moderation-reject-${c.seq}`}
                >
                  {t('consultation.manage.reject')}
                </Button>
              </Flex>
            )}
          </Flex>
          <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Typography.Paragraph>
        </div>
      ))}
      <FormModal
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('consultation.manage.reject')}
        testId="moderation-reject-submit"
        mutation={moderate}
        toInput={(v: { reason: string }) => ({
          commentId: rejecting!.id,
          action: 'reject' as const,
          reason: v.reason,
        })}
        successMessage={t('consultation.done.rejected')}
      >
        <Form.Item
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('consultation.create.required') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('consultation.manage.rejectReason')}
            data-testid="moderation-reject-reason"
          />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

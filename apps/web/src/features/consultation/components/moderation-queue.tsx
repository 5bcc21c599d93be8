import { App, Button, Checkbox, Empty, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/form-modal';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useModerateComment } from '../api/moderate-comment';
import { useModerateComments } from '../api/moderate-comments';
import type { Clause, EditorComment } from '../types';

/**
 * Pending comments, oldest first: publish, or reject with a reason that is kept and never shown —
 * one at a time, or the ticked ones at once (each comment's text is on the page, so a batch is read
 * before it is decided).
 */
export function ModerationQueue(props: {
  consultationId: string;
  clauses: Clause[];
  comments: EditorComment[];
  canModerate: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const moderate = useModerateComment();
  const moderateMany = useModerateComments();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  /** The comments being rejected — one, or the ticked ones — while the reason is asked for. */
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const clauseName = (key: string) => {
    const c = props.clauses.find((x) => x.key === key);
    return c ? (c.kind === 'preamble' ? t('consultation.clause.preamble') : `${c.label}${c.title}`) : key;
  };
  const pending = props.comments.filter((c) => c.status === 'pending');
  if (pending.length === 0) return <Empty description={t('consultation.manage.queueEmpty')} />;
  const ticked = pending.filter((c) => selected.has(c.id)).map((c) => c.id);
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const publishTicked = () =>
    moderateMany.mutate(
      { consultationId: props.consultationId, commentIds: ticked, action: 'publish' },
      {
        onSuccess: () => {
          void message.success(t('consultation.manage.batchPublished', { count: ticked.length }));
          setSelected(new Set());
        },
        onError: (e) => showError(e),
      },
    );
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
      {props.canModerate && (
        <Flex gap={8} align="center" wrap data-testid="moderation-batch">
          <Checkbox
            checked={ticked.length === pending.length}
            indeterminate={ticked.length > 0 && ticked.length < pending.length}
            onChange={(e) => setSelected(new Set(e.target.checked ? pending.map((c) => c.id) : []))}
            data-testid="moderation-select-all"
          >
            {t('consultation.manage.selectAll')}
          </Checkbox>
          <Button
            size="small"
            type="primary"
            disabled={ticked.length === 0}
            loading={moderateMany.isPending}
            onClick={publishTicked}
            data-testid="moderation-batch-publish"
          >
            {t('consultation.manage.batchPublish', { count: ticked.length })}
          </Button>
          <Button
            size="small"
            danger
            disabled={ticked.length === 0}
            onClick={() => setRejecting(ticked)}
            data-testid="moderation-batch-reject"
          >
            {t('consultation.manage.batchReject', { count: ticked.length })}
          </Button>
        </Flex>
      )}
      {pending.map((c) => (
        <div
          key={c.id}
          data-testid={`comment-row-${c.seq}`}
          style={{ padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }}
        >
          <Flex justify="space-between" gap={16} wrap>
            <Typography.Text type="secondary">
              {props.canModerate && (
                <Checkbox
                  checked={selected.has(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  aria-label={t('consultation.manage.selectOne', { seq: c.seq })}
                  data-testid={`moderation-select-${c.seq}`}
                  style={{ marginRight: 8 }}
                />
              )}
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
                  onClick={() => setRejecting([c.id])}
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
        title={
          rejecting?.length === 1
            ? t('consultation.manage.reject')
            : t('consultation.manage.batchReject', { count: rejecting?.length ?? 0 })
        }
        testId="moderation-reject-submit"
        mutation={moderateMany}
        toInput={(v: { reason: string }) => ({
          consultationId: props.consultationId,
          commentIds: rejecting!,
          action: 'reject' as const,
          reason: v.reason,
        })}
        onSaved={() => setSelected(new Set())}
        successMessage={
          rejecting?.length === 1
            ? t('consultation.done.rejected')
            : t('consultation.manage.batchRejected', { count: rejecting?.length ?? 0 })
        }
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

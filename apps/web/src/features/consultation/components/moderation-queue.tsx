import { App, Button, Empty, Flex, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useConsultationActions } from '../api/editor-consultations';
import type { Clause, EditorComment } from '../api/types';

/** Pending comments, oldest first: publish, or reject with a reason that is kept and never shown. */
export function ModerationQueue(props: {
  consultationId: string;
  clauses: Clause[];
  comments: EditorComment[];
  canModerate: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { moderate } = useConsultationActions(props.consultationId);
  const [rejecting, setRejecting] = useState<EditorComment | null>(null);
  const [reason, setReason] = useState('');
  const clauseName = (key: string) => {
    const c = props.clauses.find((x) => x.key === key);
    return c ? (c.kind === 'preamble' ? t('consultation.clause.preamble') : `${c.label}${c.title}`) : key;
  };
  const pending = props.comments.filter((c) => c.status === 'pending');
  if (pending.length === 0) return <Empty description={t('consultation.manage.queueEmpty')} />;
  const act = (comment: EditorComment, action: 'publish' | 'reject', why?: string) =>
    moderate.mutate(
      { commentId: comment.id, action, reason: why },
      {
        onSuccess: () => {
          void message.success(t('consultation.manage.saved'));
          setRejecting(null);
          setReason('');
        },
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
                  onClick={() => act(c, 'publish')}
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
      <Modal
        open={rejecting !== null}
        title={t('consultation.manage.reject')}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && act(rejecting, 'reject', reason)}
        okButtonProps={
          {
            danger: true,
            disabled: reason.trim() === '',
            'data-testid': 'moderation-reject-submit',
          } as ButtonProps
        }
        confirmLoading={moderate.isPending}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          placeholder={t('consultation.manage.rejectReason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="moderation-reject-reason"
        />
      </Modal>
    </Flex>
  );
}

import { Button, Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import type { Clause, EditorComment } from '../types';
import { ReplyModal } from './reply-modal';
import { CommentStatusTag, DecisionTag } from './status-tags';
import { BRAND_RED } from '@/lib/brand';

/** Moderated comments grouped by clause, each with its reply and decision and a reply button. */
export function ClauseReplies(props: { clauses: Clause[]; comments: EditorComment[]; canReply: boolean }) {
  const t = useT();
  const [replying, setReplying] = useState<EditorComment | null>(null);
  const moderated = props.comments.filter((c) => c.status !== 'pending');
  const groups = props.clauses
    .map((clause) => ({ clause, comments: moderated.filter((c) => c.clauseKey === clause.key) }))
    .filter((g) => g.comments.length > 0);
  if (groups.length === 0) return <Empty description={t('consultation.manage.noComments')} />;
  return (
    <>
      <Collapse
        defaultActiveKey={groups.map((g) => g.clause.key)}
        items={groups.map(({ clause, comments }) => {
          const unanswered = comments.filter((c) => c.status === 'published' && !c.reply).length;
          return {
            key: clause.key,
            label: (
              <Space>
                <span data-testid={`clause-group-${clause.key}`}>
                  {clause.kind === 'preamble'
                    ? t('consultation.clause.preamble')
                    : `${clause.label}${clause.title}`}
                </span>
                <Tag>{t('consultation.comment.count', { count: comments.length })}</Tag>
                {unanswered > 0 && (
                  <Tag color="gold">{`${t('consultation.manage.unanswered')} ${unanswered}`}</Tag>
                )}
              </Space>
            ),
            children: (
              <Flex vertical gap={12}>
                {comments.map((c) => (
                  <div
                    key={c.id}
                    data-testid={`comment-row-${c.seq}`}
                    style={{ padding: 12, background: '#fafafa', borderRadius: 8 }}
                  >
                    <Flex justify="space-between" gap={16} wrap>
                      <Space>
                        <Typography.Text strong>#{c.seq}</Typography.Text>
                        <CommentStatusTag status={c.status} />
                        {c.decision && <DecisionTag decision={c.decision} />}
                        <Typography.Text type="secondary">
                          {c.authorName ?? t('consultation.comment.anonymous')}
                        </Typography.Text>
                      </Space>
                      {props.canReply && c.status === 'published' && (
                        <Button
                          size="small"
                          type={c.reply ? 'default' : 'primary'}
                          onClick={() => setReplying(c)}
                          data-testid={`reply-open-${c.seq}`}
                        >
                          {c.reply ? t('consultation.manage.replyEdit') : t('consultation.manage.replyOpen')}
                        </Button>
                      )}
                    </Flex>
                    <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>
                      {c.body}
                    </Typography.Paragraph>
                    {c.status === 'rejected' && (
                      <Typography.Text type="secondary">{c.rejectReason}</Typography.Text>
                    )}
                    {c.reply && (
                      <div style={{ borderLeft: `3px solid ${BRAND_RED}`, paddingLeft: 12 }}>
                        <Typography.Text strong>{t('consultation.comment.reply')}：</Typography.Text>
                        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</Typography.Text>
                        {c.decisionReason && (
                          <div>
                            <Typography.Text type="secondary">
                              {t('consultation.decision.reason')}：{c.decisionReason}
                            </Typography.Text>
                          </div>
                        )}
                      </div>
                    )}
                  </div>
                ))}
              </Flex>
            ),
          };
        })}
      />
      <ReplyModal comment={replying} onClose={() => setReplying(null)} />
    </>
  );
}

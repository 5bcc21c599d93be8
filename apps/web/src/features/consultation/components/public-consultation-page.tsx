import { CommentOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Loading, QueryError } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePublicConsultation } from '../api/get-public-consultation';
import type { Clause, PublicComment } from '../types';
import { CommentForm } from './comment-form';
import { PublicLayout } from '@/components/public-layout';
import { ConsultationStatusTag, DecisionTag } from './status-tags';
import { BRAND_RED } from '@/lib/brand';

/** `/consultations/:id`: the draft read clause by clause, a comment form per clause, published comments and replies. */
export function PublicConsultationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = usePublicConsultation(id);
  const [openClause, setOpenClause] = useState<string | null>(null);
  const c = query.data;
  return (
    <PublicLayout>
      {query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {c && (
        <Flex vertical gap={16}>
          <Card>
            <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
              {c.title} <ConsultationStatusTag status={c.status} />
            </Typography.Title>
            {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
            <Typography.Paragraph type="secondary">
              {t('consultation.portal.period', { from: formatDate(c.opensAt), to: formatDate(c.closesAt) })}
            </Typography.Paragraph>
            {c.acceptingComments ? (
              <Alert type="info" showIcon title={t('consultation.portal.intro')} />
            ) : (
              <Alert type="warning" showIcon title={t('consultation.portal.notAccepting')} />
            )}
            {c.status === 'closed' && (
              <Link to={`/consultations/${c.id}/summary`}>
                <Button
                  icon={<FileTextOutlined />}
                  style={{ marginTop: 12 }}
                  data-testid="public-summary-link"
                >
                  {t('consultation.portal.summary')}
                </Button>
              </Link>
            )}
          </Card>
          <Card>
            <Typography.Title level={4} style={{ textAlign: 'center' }}>
              {c.plan.title}
            </Typography.Title>
            {c.clauses.map((clause) => (
              <ClauseBlock
                key={clause.key}
                clause={clause}
                comments={c.comments.filter((m) => m.clauseKey === clause.key)}
                canComment={c.acceptingComments}
                formOpen={openClause === clause.key}
                onOpen={() => setOpenClause(clause.key)}
                onClose={() => setOpenClause(null)}
                consultationId={c.id}
              />
            ))}
          </Card>
        </Flex>
      )}
    </PublicLayout>
  );
}

function ClauseBlock(props: {
  clause: Clause;
  comments: PublicComment[];
  canComment: boolean;
  formOpen: boolean;
  onOpen: () => void;
  onClose: () => void;
  consultationId: string;
}) {
  const t = useT();
  const { clause } = props;
  return (
    <section
      data-testid={`consultation-clause-${clause.key}`}
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      {clause.kind === 'section' ? (
        <Typography.Title level={5}>{clause.text}</Typography.Title>
      ) : (
        <Typography.Paragraph style={{ textIndent: '2em', marginBottom: 8 }}>
          {clause.kind === 'preamble' && (
            <Typography.Text type="secondary">【{t('consultation.clause.preamble')}】</Typography.Text>
          )}
          {clause.text}
        </Typography.Paragraph>
      )}
      <Flex gap={8} align="center">
        {props.canComment && !props.formOpen && (
          <Button
            size="small"
            icon={<CommentOutlined />}
            onClick={props.onOpen}
            data-testid={`comment-open-${clause.key}`}
          >
            {t('consultation.comment.open')}
          </Button>
        )}
        {props.comments.length > 0 && (
          <Typography.Text type="secondary">
            {t('consultation.comment.count', { count: props.comments.length })}
          </Typography.Text>
        )}
      </Flex>
      {props.formOpen && (
        <div style={{ marginTop: 12 }}>
          <CommentForm consultationId={props.consultationId} clauseKey={clause.key} onDone={props.onClose} />
        </div>
      )}
      {props.comments.map((m) => (
        <PublicCommentView key={m.seq} comment={m} />
      ))}
    </section>
  );
}

function PublicCommentView({ comment }: { comment: PublicComment }) {
  const t = useT();
  return (
    <div
      data-testid={`public-comment-${comment.seq}`}
      style={{ margin: '12px 0 0 24px', padding: 12, background: '#fafafa', borderRadius: 8 }}
    >
      <Space size={8}>
        <Typography.Text strong>#{comment.seq}</Typography.Text>
        <Typography.Text type="secondary">
          {comment.authorName ?? t('consultation.comment.anonymous')}
        </Typography.Text>
        <Typography.Text type="secondary">{formatDate(comment.createdAt)}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Typography.Paragraph>
      {comment.reply && (
        <div
          data-testid={`public-reply-${comment.seq}`}
          style={{ borderLeft: `3px solid ${BRAND_RED}`, paddingLeft: 12 }}
        >
          <Space size={8}>
            <Typography.Text strong>{t('consultation.comment.reply')}</Typography.Text>
            {comment.decision && <DecisionTag decision={comment.decision} />}
          </Space>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
            {comment.reply}
          </Typography.Paragraph>
          {comment.decisionReason && (
            <Typography.Text type="secondary">
              {t('consultation.decision.reason')}：{comment.decisionReason}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}

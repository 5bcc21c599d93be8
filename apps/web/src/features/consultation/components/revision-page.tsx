import { App, Button, Card, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useShowError } from '@/lib/use-show-error';
import { useCreateRevision } from '../api/create-revision';
import { useConsultation } from '../api/get-consultation';

/** `/consultation/:id/revision`: the clause editor that creates the next draft version after a consultation. */
export function RevisionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const query = useConsultation(id);
  const revise = useCreateRevision();
  const [texts, setTexts] = useState<Record<string, string>>({});
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const edits = c.clauses
    .filter((k) => texts[k.key] !== undefined && texts[k.key] !== k.text)
    .map((k) => ({ key: k.key, text: texts[k.key]! }));
  const commented = new Set(c.comments.filter((m) => m.status === 'published').map((m) => m.clauseKey));
  return (
    <>
      <PageHeader
        back
        title={t('consultation.revision.title')}
        subtitle={t('consultation.revision.intro')}
        extra={
          <Button
            type="primary"
            disabled={edits.length === 0 || !c.abilities.revise}
            loading={revise.isPending}
            data-testid="revision-submit"
            onClick={() =>
              revise.mutate(
                { id, edits },
                {
                  onSuccess: (r) => {
                    void message.success(t('consultation.revision.created', { version: r.version }));
                    navigate(`/consultation/${id}/diff`);
                  },
                  onError: (e) => showError(e),
                },
              )
            }
          >
            {edits.length === 0 ? t('consultation.revision.nothing') : t('consultation.revision.submit')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap={16}>
          {c.clauses.map((k) => {
            const value = texts[k.key] ?? k.text;
            const edited = value !== k.text;
            return (
              <div key={k.key} data-testid={`revision-clause-${k.key}`}>
                <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
                  <Typography.Text strong>
                    {k.kind === 'preamble' ? t('consultation.clause.preamble') : `${k.label}${k.title}`}
                  </Typography.Text>
                  {commented.has(k.key) && (
                    <Tag color="blue">
                      {t('consultation.comment.count', {
                        count: c.comments.filter((m) => m.status === 'published' && m.clauseKey === k.key)
                          .length,
                      })}
                    </Tag>
                  )}
                  {edited && <Tag color="orange">{t('consultation.revision.edited')}</Tag>}
                </Flex>
                <Input.TextArea
                  autoSize={{ minRows: k.kind === 'section' ? 1 : 2, maxRows: 12 }}
                  value={value}
                  maxLength={5000}
                  onChange={(e) => setTexts((prev) => ({ ...prev, [k.key]: e.target.value }))}
                  data-testid={`revision-text-${k.key}`}
                />
              </div>
            );
          })}
        </Flex>
      </Card>
    </>
  );
}

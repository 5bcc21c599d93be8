import { Card, Empty, Flex, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { Loading, QueryError } from '@/components/query-state';
import { useT } from '@/lib/i18n';
import { useComparableVersions } from '../api/get-comparable-versions';
import { useConsultation } from '../api/get-consultation';
import { useVersionDiff } from '../api/get-version-diff';
import type { DiffOp } from '../types';

const STATUS_COLORS = { added: 'green', removed: 'red', changed: 'orange', unchanged: 'default' } as const;

/** A character diff: insertions green, deletions red with a strikethrough. */
function DiffText({ ops }: { ops: DiffOp[] }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, lineHeight: 1.9 }}>
      {ops.map((o, i) =>
        o.op === 'insert' ? (
          <ins
            key={i}
            className="diff-insert"
            style={{ background: '#d9f7be', color: '#135200', textDecoration: 'none' }}
          >
            {o.text}
          </ins>
        ) : o.op === 'delete' ? (
          <del key={i} className="diff-delete" style={{ background: '#ffccc7', color: '#a8071a' }}>
            {o.text}
          </del>
        ) : (
          <span key={i}>{o.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

/** `/consultation/:id/diff`: the consulted version against its revision (or another version), clause by clause. */
export function DiffPage() {
  const { id = '' } = useParams();
  const t = useT();
  const consultation = useConsultation(id);
  const versions = useComparableVersions(id);
  const [to, setTo] = useState<string | undefined>(undefined);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const target = to ?? consultation.data?.revisionPlanId ?? versions.data?.at(-1)?.id;
  const diff = useVersionDiff(id, target, !!target);
  if (consultation.isPending || versions.isPending) return <Loading />;
  if (consultation.isError) return <QueryError error={consultation.error} />;
  return (
    <>
      <PageHeader
        back
        title={t('consultation.diff.title')}
        subtitle={consultation.data.title}
        extra={
          <Flex gap={12} align="center">
            <span>{t('consultation.diff.against')}</span>
            <Select
              style={{ minWidth: 200 }}
              value={target}
              onChange={setTo}
              data-testid="diff-version"
              options={versions.data?.map((v) => ({
                value: v.id,
                label: t('consultation.list.version', { version: v.version }),
              }))}
            />
            <Switch checked={onlyChanged} onChange={setOnlyChanged} />
            <span>{t('consultation.diff.onlyChanged')}</span>
          </Flex>
        }
      />
      {!target && <Empty description={t('consultation.diff.none')} />}
      {diff.isPending && target && <Loading />}
      {diff.isError && <QueryError error={diff.error} />}
      {diff.data && (
        <Card
          title={t('consultation.diff.changed', {
            from: diff.data.from.version,
            to: diff.data.to.version,
            count: diff.data.changed,
          })}
        >
          <Flex vertical gap={16}>
            {diff.data.clauses
              .filter((d) => !onlyChanged || d.status !== 'unchanged')
              .map((d) => (
                <div key={d.key} data-testid={`diff-clause-${d.key}`} data-status={d.status}>
                  <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
                    <Typography.Text strong>
                      {d.key === 'preamble' ? t('consultation.clause.preamble') : `${d.label}${d.title}`}
                    </Typography.Text>
                    {d.status !== 'unchanged' && (
                      <Tag color={STATUS_COLORS[d.status]}>
                        {t(
                          d.status === 'added'
                            ? 'consultation.diff.added'
                            : d.status === 'removed'
                              ? 'consultation.diff.removed'
                              : 'consultation.diff.modified',
                        )}
                      </Tag>
                    )}
                  </Flex>
                  <DiffText ops={d.ops} />
                </div>
              ))}
          </Flex>
        </Card>
      )}
    </>
  );
}

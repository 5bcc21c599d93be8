import { Button, Empty, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { AlertTierTag } from '@/components/status-tags';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { Finding } from '../types';
import { EvidenceSummary } from './evidence-summary';
import { DueText, FindingStateTag, OrderStateTag, SeverityTag } from './supervision-tags';

/** Link to the task or indicator a finding names. */
function SubjectLink({ f }: { f: Finding }) {
  const t = useT();
  const text = f.subjectLabel || '—';
  const kind = t(`supervision.subjectType.${f.subjectType}`);
  if (f.subjectId && f.subjectType === 'task')
    return <Link to={`/tasks/${f.subjectId}`}>{`${kind} · ${text}`}</Link>;
  if (f.subjectId && f.subjectType === 'indicator')
    return <Link to={`/indicators/${f.subjectId}`}>{`${kind} · ${text}`}</Link>;
  return <span>{`${kind} · ${text}`}</span>;
}

/**
 * Findings of an inspection with their order; a row opens to show the description and evidence.
 * Rows carry `data-testid="finding-row-N"` (N from 0 in the order shown).
 */
export function FindingsTable({
  findings,
  emptyText,
  onIssueOrder,
}: {
  findings: Finding[];
  emptyText: string;
  onIssueOrder: (finding: Finding) => void;
}) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={findings}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 960 }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      onRow={(f, index) =>
        ({ 'data-testid': `finding-row-${index ?? 0}`, 'data-id': f.id }) as HTMLAttributes<HTMLElement>
      }
      expandable={{
        expandedRowRender: (f) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {f.description && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {f.description}
              </Typography.Paragraph>
            )}
            <EvidenceSummary evidence={f.evidence} />
          </Space>
        ),
      }}
      columns={[
        { title: t('supervision.col.finding'), dataIndex: 'title' },
        { title: t('supervision.col.unit'), key: 'unit', width: 130, render: (_, f) => f.unit.name || '—' },
        {
          title: t('supervision.col.subject'),
          key: 'subject',
          width: 220,
          render: (_, f) => <SubjectLink f={f} />,
        },
        {
          title: t('supervision.col.severity'),
          key: 'severity',
          width: 80,
          render: (_, f) => <SeverityTag severity={f.severity} />,
        },
        {
          title: t('supervision.col.state'),
          key: 'state',
          width: 110,
          render: (_, f) => <FindingStateTag state={f.state} />,
        },
        {
          title: t('supervision.col.order'),
          key: 'order',
          width: 230,
          render: (_, f) =>
            f.order ? (
              <Space size={4} wrap>
                <Link to={`/supervision/orders/${f.order.id}`}>
                  <OrderStateTag state={f.order.state} />
                </Link>
                <AlertTierTag tier={f.order.tier} />
                <DueText daysLate={f.order.daysLate} closedOnTime={f.order.closedOnTime} />
              </Space>
            ) : f.abilities.issueOrder ? (
              <Button
                size="small"
                type="primary"
                ghost
                data-testid="issue-order-button"
                onClick={() => onIssueOrder(f)}
              >
                {t('supervision.order.issue')}
              </Button>
            ) : (
              '—'
            ),
        },
        {
          title: t('supervision.col.recordedAt'),
          dataIndex: 'createdAt',
          width: 140,
          render: formatDateTime,
        },
      ]}
    />
  );
}

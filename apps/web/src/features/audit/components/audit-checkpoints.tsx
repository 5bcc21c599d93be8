import { Card, Space, Table, Tag, Typography } from 'antd';
import { QueryError } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useAuditCheckpoints, type AuditCheckpoints as Checkpoints } from '../api/get-audit-checkpoints';

type Checkpoint = Checkpoints['items'][number];

/**
 * The signed checkpoints of the chain head, kept outside the database where the database role
 * cannot rewrite them, and who last verified the log with what outcome.
 */
export function AuditCheckpoints() {
  const t = useT();
  const query = useAuditCheckpoints(true);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const last = data?.lastVerification;
  return (
    <Card
      size="small"
      title={t('admin.audit.checkpoints')}
      loading={query.isPending}
      style={{ marginBottom: 16 }}
      data-testid="audit-checkpoints"
    >
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('admin.audit.checkpointsHint')}</Typography.Text>
          <Typography.Text>
            {t('admin.audit.checkpointFile', { total: data.total, valid: data.valid })}
            <code>{data.file}</code>
          </Typography.Text>
          <Typography.Text data-testid="audit-last-verification">
            {t('admin.audit.lastVerification')}
            {last ? (
              <>
                {formatDateTime(String(last.at))} · {last.actorName ?? '—'} ·{' '}
                <Tag color={last.result === 'success' ? 'green' : 'red'}>
                  {last.result === 'success' ? t('admin.audit.success') : t('admin.audit.failure')}
                </Tag>
              </>
            ) : (
              t('admin.audit.neverVerified')
            )}
          </Typography.Text>
          <Table<Checkpoint>
            size="small"
            rowKey="line"
            dataSource={data.items}
            pagination={false}
            locale={{ emptyText: t('admin.audit.noCheckpoints') }}
            columns={[
              { title: t('admin.audit.checkpointLine'), dataIndex: 'line', width: 80 },
              { title: '#', dataIndex: 'seq', width: 90, render: (seq: number | null) => seq ?? '—' },
              { title: t('admin.audit.time'), dataIndex: 'at', width: 150, render: formatDateTime },
              {
                title: t('admin.audit.headHash'),
                dataIndex: 'hash',
                render: (hash: string | null) => (hash ? <code>{hash.slice(0, 16)}…</code> : '—'),
              },
              {
                title: t('admin.audit.signature'),
                dataIndex: 'valid',
                width: 110,
                render: (valid: boolean) =>
                  valid ? (
                    <Tag color="green">{t('admin.audit.signatureValid')}</Tag>
                  ) : (
                    <Tag color="red">{t('admin.audit.signatureInvalid')}</Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

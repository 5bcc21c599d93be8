import { AlertOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { QueryError } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useShowError } from '@/lib/use-show-error';
import { useAudit, type AuditFilter, type AuditRow } from '../api/get-audit';
import { useVerifyAudit } from '../api/verify-audit';
import { AuditCheckpoints } from './audit-checkpoints';
import { AuditVerifyResult } from './audit-verify-result';

/** The action of the rows the audit administrator must look at (the server's SECURITY_ALERT_ACTION). */
const SECURITY_ALERT = 'security.alert';

interface FilterValues {
  action?: string;
  actor?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * `/admin/audit`: the audit log, newest first, filtered by action, actor and dates; 校验 checks the
 * hash chain against the signed checkpoints, which are listed with the last verification.
 */
export function AuditPage() {
  const t = useT();
  const me = useSession();
  const showError = useShowError();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(filter);
  const verify = useVerifyAudit();
  const rows = audit.data?.pages.flat() ?? [];
  const [form] = Form.useForm<FilterValues>();
  const showAlerts = () => {
    form.setFieldsValue({ action: SECURITY_ALERT });
    setFilter({ action: SECURITY_ALERT });
  };
  const alertLabel = (details: unknown) => {
    const kind = (details as { kind?: unknown } | null)?.kind;
    if (kind === 'pii_view_limit') return t('admin.audit.alert.pii_view_limit');
    return typeof kind === 'string' ? kind : null;
  };

  const onSearch = ({ action, actor, dates }: FilterValues) =>
    setFilter({
      action: action?.trim() || undefined,
      actor: actor?.trim() || undefined,
      from: dates?.[0]?.format('YYYY-MM-DD'),
      to: dates?.[1]?.format('YYYY-MM-DD'),
    });

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t('admin.audit')}
        extra={
          can(me, 'audit.verify') && (
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => verify.mutate(undefined, { onError: (e) => showError(e) })}
              data-testid="audit-verify"
            >
              {t('admin.audit.verify')}
            </Button>
          )
        }
      />
      {verify.data && <AuditVerifyResult result={verify.data} onClose={() => verify.reset()} />}
      {can(me, 'audit.verify') && <AuditCheckpoints />}
      <Card size="small">
        <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item name="action" label={t('admin.audit.action')}>
            <Input allowClear placeholder="auth.login" data-testid="audit-action" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="actor" label={t('admin.audit.actor')}>
            <Input allowClear data-testid="audit-actor" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="dates" label={t('admin.audit.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('common.search')}
            </Button>
            <Button htmlType="reset" onClick={() => setFilter({})}>
              {t('common.reset')}
            </Button>
            <Button danger icon={<AlertOutlined />} onClick={showAlerts} data-testid="audit-alerts">
              {t('admin.audit.alerts')}
            </Button>
          </Space>
        </Form>
        {audit.isError ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<AuditRow>
            size="small"
            rowKey="seq"
            loading={audit.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1000 }}
            expandable={{
              rowExpandable: (r) =>
                typeof r.details === 'object' && r.details !== null && Object.keys(r.details).length > 0,
              expandedRowRender: (r) => (
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                  {JSON.stringify(r.details, null, 2)}
                </Typography.Text>
              ),
            }}
            columns={[
              { title: '#', dataIndex: 'seq', width: 80 },
              { title: t('admin.audit.time'), dataIndex: 'at', width: 150, render: formatDateTime },
              { title: t('admin.audit.actor'), dataIndex: 'actorName', width: 130 },
              {
                title: t('admin.audit.action'),
                dataIndex: 'action',
                width: 180,
                render: (a: string, r) =>
                  a === SECURITY_ALERT ? (
                    <Tag color="volcano" icon={<AlertOutlined />}>
                      {alertLabel(r.details) ?? t('admin.audit.alerts')}
                    </Tag>
                  ) : (
                    <code>{a}</code>
                  ),
              },
              {
                title: t('admin.audit.object'),
                key: 'object',
                render: (_, r) =>
                  r.objectType ? `${r.objectType}${r.objectId ? ` · ${r.objectId.slice(0, 8)}` : ''}` : '—',
              },
              {
                title: t('admin.audit.result'),
                dataIndex: 'result',
                width: 90,
                render: (result: string) =>
                  result === 'success' ? (
                    <Tag color="green">{t('admin.audit.success')}</Tag>
                  ) : (
                    <Tag color="red">{result === 'failure' ? t('admin.audit.failure') : result}</Tag>
                  ),
              },
              {
                title: t('admin.audit.ip'),
                dataIndex: 'ip',
                width: 130,
                render: (ip: string | null) => ip ?? '—',
              },
            ]}
          />
        )}
        {audit.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button
              onClick={() => void audit.fetchNextPage()}
              loading={audit.isFetchingNextPage}
              data-testid="audit-more"
            >
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

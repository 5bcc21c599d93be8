import { ALERT_TIER_LABELS, ALERT_TIERS, type AlertTier } from '@zhijiao/contracts';
import { Badge, Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CodedName } from '@/components/coded-name';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ALERT_TIER_COLORS, AlertTierTag } from '@/components/status-tags';
import { useCurrentPlan } from '@/lib/current-plan';
import { formatDate } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAlerts } from '../api/get-alerts';
import type { Alert } from '../types';

const TIER_ORDER: Record<AlertTier, number> = { red: 0, yellow: 1, blue: 2 };

/** Alert kinds are an open set (each module raises its own); the app's dictionaries name every one. */
const kindKey = (kind: string) => `alerts.kind.${kind}` as MessageKey;

/** `/alerts`: alerts by colour tier (红 / 黄 / 蓝), filterable by tier (`?tier=`) and kind. */
export function AlertsPage() {
  const t = useT();
  const lang = useLang();
  const plan = useCurrentPlan();
  const alerts = useAlerts(plan?.code);
  const [params, setParams] = useSearchParams();
  const tier = (params.get('tier') as AlertTier | null) ?? 'all';
  const kind = params.get('kind') ?? undefined;

  const counts = useMemo(() => {
    const c: Record<AlertTier, number> = { red: 0, yellow: 0, blue: 0 };
    for (const a of alerts.data ?? []) c[a.tier] += 1;
    return c;
  }, [alerts.data]);
  // The kinds offered are those the actor's alerts have, whichever module raised them.
  const kinds = useMemo(() => [...new Set((alerts.data ?? []).map((a) => a.kind))].sort(), [alerts.data]);

  const setFilter = (key: 'tier' | 'kind', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const filter = (items: Alert[]) =>
    items
      .filter((a) => (tier === 'all' || a.tier === tier) && (!kind || a.kind === kind))
      .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.daysLate - a.daysLate);

  return (
    <div data-testid="alerts-page">
      <PageHeader
        title={t('alerts.title')}
        extra={
          <ExportButton
            path="/api/alerts/export.xlsx"
            query={{ planCode: plan?.code, tier: tier === 'all' ? undefined : tier, kind }}
            filename="预警.xlsx"
          />
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            data-testid="alerts-tier-filter"
            value={tier}
            onChange={(v) => setFilter('tier', String(v))}
            options={[
              { value: 'all', label: t('common.all') },
              ...ALERT_TIERS.map((x) => ({
                value: x,
                label: (
                  <Space size={4}>
                    <Badge color={ALERT_TIER_COLORS[x]} />
                    {pick(ALERT_TIER_LABELS[x], lang)} {counts[x]}
                  </Space>
                ),
              })),
            ]}
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('alerts.kind')}
            aria-label={t('alerts.kind')}
            value={kind}
            onChange={(v) => setFilter('kind', v)}
            options={kinds.map((k) => ({
              value: k,
              label: t(kindKey(k)),
            }))}
          />
        </Space>
        <QueryState query={alerts}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={filter(items)}
              locale={{ emptyText: t('alerts.empty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              columns={[
                {
                  title: t('alerts.tier'),
                  key: 'tier',
                  width: 110,
                  render: (_, a) => <AlertTierTag tier={a.tier} />,
                },
                {
                  title: t('alerts.kind'),
                  key: 'kind',
                  width: 110,
                  render: (_, a) => <Tag>{t(kindKey(a.kind))}</Tag>,
                },
                { title: t('alerts.unit'), key: 'unit', width: 130, render: (_, a) => a.unit?.name || '—' },
                {
                  title: t('alerts.task'),
                  key: 'task',
                  render: (_, a) => (
                    <Space orientation="vertical" size={0}>
                      {a.task && <Link to={`/tasks/${a.task.id}`}>{`${a.task.label} ${a.task.title}`}</Link>}
                      {!a.task && !a.indicator && a.link && <Link to={a.link}>{a.title ?? a.link}</Link>}
                      {a.indicator && (
                        <Link to={`/indicators/${a.indicator.id}`}>
                          <CodedName name={a.indicator.name} code={a.indicator.code} />
                        </Link>
                      )}
                    </Space>
                  ),
                },
                { title: t('alerts.due'), dataIndex: 'dueDate', width: 110, render: formatDate },
                {
                  title: t('alerts.daysLate'),
                  dataIndex: 'daysLate',
                  width: 90,
                  align: 'right',
                  render: (days: number) =>
                    days > 0 ? <span style={{ color: '#cf1322' }}>{t('alerts.days', { days })}</span> : '—',
                },
                { title: t('alerts.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </div>
  );
}

import {
  ALERT_TIER_LABELS,
  ALERT_TIERS,
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type AlertTier,
  type OrderState,
} from '@zhijiao/contracts';
import { Badge, Card, Checkbox, Empty, Segmented, Select, Space, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ALERT_TIER_COLORS, AlertTierTag } from '@/components/status-tags';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { byDate, byNumber, byText } from '@/lib/sorters';
import { pick, useLang } from '@/lib/lang';
import { useOrders } from '../api/get-orders';
import { DueText, OrderStateTag } from './supervision-tags';
import { SupervisionTabs } from './supervision-tabs';
import { UnitSelect } from './unit-select';

/** Sorting by tier puts red first (ascending), orders without a tier last. */
const TIER_RANK = { red: 0, yellow: 1, blue: 2 } as const;

/**
 * `/supervision/orders`: rectification orders (整改通知) by deadline, filtered by state, colour tier,
 * unit and overdue (`?state=&tier=&unit=&overdue=1`, so dashboard cards link straight to a filter).
 * The API scopes the list: a unit sees its own orders.
 */
export function OrdersPage() {
  const t = useT();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as OrderState | null) ?? undefined;
  const tier = (params.get('tier') as AlertTier | null) ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const overdue = params.get('overdue') === '1';
  const orders = useOrders({ state, orgUnitId: unit, overdue: overdue || undefined });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <div data-testid="orders-page">
      <SupervisionTabs />
      <PageHeader
        title={t('supervision.orders.title')}
        subtitle={t('supervision.orders.subtitle')}
        extra={
          <ExportButton
            path="/api/supervision/orders/export.xlsx"
            query={{ state, tier, orgUnitId: unit, overdue: overdue || undefined }}
            filename="整改通知.xlsx"
          />
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented
            value={tier ?? 'all'}
            onChange={(v) => set('tier', v === 'all' ? undefined : String(v))}
            data-testid="orders-tier-filter"
            options={[
              { value: 'all', label: t('common.all') },
              ...ALERT_TIERS.map((x) => ({
                value: x,
                label: (
                  <Space size={4}>
                    <Badge color={ALERT_TIER_COLORS[x]} />
                    {pick(ALERT_TIER_LABELS[x], lang)}
                  </Space>
                ),
              })),
            ]}
          />
          <Select
            allowClear
            style={{ minWidth: 150 }}
            placeholder={t('supervision.col.state')}
            aria-label={t('supervision.col.state')}
            value={state}
            onChange={(v) => set('state', v)}
            options={ORDER_STATES.map((s) => ({ value: s, label: pick(ORDER_STATE_LABELS[s], lang) }))}
          />
          <UnitSelect
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('supervision.col.unit')}
            value={unit}
            onChange={(v: string | undefined) => set('unit', v)}
          />
          <Checkbox checked={overdue} onChange={(e) => set('overdue', e.target.checked ? '1' : undefined)}>
            {t('supervision.orders.overdueOnly')}
          </Checkbox>
        </Space>
        <QueryState query={orders}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={tier ? items.filter((o) => o.tier === tier) : items}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 1000 }}
              onRow={(o, index) =>
                ({ 'data-testid': `order-row-${index ?? 0}`, 'data-id': o.id }) as HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: <Empty description={t('supervision.orders.empty')} /> }}
              columns={[
                {
                  title: t('supervision.col.tier'),
                  key: 'tier',
                  width: 100,
                  sorter: byNumber((o) => (o.tier ? TIER_RANK[o.tier] : null)),
                  render: (_, o) => (o.tier ? <AlertTierTag tier={o.tier} /> : '—'),
                },
                {
                  title: t('supervision.col.order'),
                  key: 'title',
                  sorter: byText((o) => o.title),
                  render: (_, o) => (
                    <Space size={4} wrap>
                      <Link to={o.link}>{o.title}</Link>
                      {o.pendingExtension && <Tag color="gold">{t('supervision.extension.pendingTag')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('supervision.col.unit'),
                  key: 'unit',
                  width: 140,
                  sorter: byText((o) => o.unit.name),
                  render: (_, o) => o.unit.name || '—',
                },
                {
                  title: t('supervision.col.inspection'),
                  key: 'inspection',
                  width: 200,
                  sorter: byText((o) => o.inspection.title),
                  filters: [...new Map(items.map((o) => [o.inspection.id, o.inspection.title]))].map(
                    ([id, title]) => ({ text: title, value: id }),
                  ),
                  onFilter: (value, o) => o.inspection.id === value,
                  render: (_, o) => (
                    <Link to={`/supervision/inspections/${o.inspection.id}`}>{o.inspection.title}</Link>
                  ),
                },
                {
                  title: t('supervision.col.state'),
                  key: 'state',
                  width: 120,
                  render: (_, o) => <OrderStateTag state={o.state} />,
                },
                {
                  title: t('supervision.col.due'),
                  dataIndex: 'dueDate',
                  width: 110,
                  sorter: byDate((o) => o.dueDate),
                  render: formatDate,
                },
                {
                  title: t('supervision.col.daysLate'),
                  key: 'late',
                  width: 120,
                  sorter: byNumber((o) => o.daysLate),
                  render: (_, o) => <DueText daysLate={o.daysLate} closedOnTime={o.closedOnTime} />,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </div>
  );
}

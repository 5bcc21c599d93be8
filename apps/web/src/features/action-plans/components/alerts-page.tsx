import { ALERT_TIER_LABELS, ALERT_TIERS, type AlertTier } from '@zhijiao/contracts';
import { Badge, Button, Card, Checkbox, Grid, Segmented, Select, Space, Tag } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { ResponsiveTable } from '@/components/responsive-table';
import { selectAllTitle } from '@/components/select-all-title';
import { ALERT_TIER_COLORS, AlertTierTag } from '@/components/status-tags';
import { useCurrentPlan } from '@/lib/current-plan';
import { formatDate } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { pick, useLang } from '@/lib/lang';
import { useAlerts } from '../api/get-alerts';
import type { Alert } from '../types';
import { AcknowledgeModal, AcknowledgementCell, AlertSubject, alertSubject } from './alert-acknowledgement';

const TIER_ORDER: Record<AlertTier, number> = { red: 0, yellow: 1, blue: 2 };
/** 知悉情况 filter: every alert, the 未知悉 ones, the 已知悉 ones (`?ack=`). */
const ACK_FILTERS = ['all', 'pending', 'done'] as const;
type AckFilter = (typeof ACK_FILTERS)[number];

/** Alert kinds are an open set (each module raises its own); the app's dictionaries name every one. */
const kindKey = (kind: string) => `alerts.kind.${kind}` as MessageKey;
/** The tiers by colour alone on a phone, where 蓝色提示 · 黄色预警 · 红色预警 with two-digit counts overflow 390 px. */
const PHONE_TIER_LABELS = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  red: { zh: '红色', en: 'Red' },
} as const;

/**
 * `/alerts`: alerts by colour tier (红 / 黄 / 蓝), filterable by tier (`?tier=`), kind and 知悉情况
 * (`?ack=pending|done`). Each shows whether the addressed unit acknowledged it (已知悉, who, when);
 * the alerts addressed to the user's own unit can be acknowledged one by one (知悉) or ticked and
 * acknowledged together (批量知悉). On a phone each alert is a card, its tick in the card's title.
 */
export function AlertsPage() {
  const t = useT();
  const lang = useLang();
  const plan = useCurrentPlan();
  const alerts = useAlerts(plan?.code);
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const tier = (params.get('tier') as AlertTier | null) ?? 'all';
  const kind = params.get('kind') ?? undefined;
  const ackParam = params.get('ack') as AckFilter | null;
  const ack: AckFilter = ackParam && ACK_FILTERS.includes(ackParam) ? ackParam : 'all';
  const [ticked, setTicked] = useState<string[]>([]);
  const [acknowledging, setAcknowledging] = useState<Alert[] | null>(null);

  const items = useMemo(() => alerts.data ?? [], [alerts.data]);
  const counts = useMemo(() => {
    const c: Record<AlertTier | 'pending' | 'done', number> = {
      red: 0,
      yellow: 0,
      blue: 0,
      pending: 0,
      done: 0,
    };
    for (const a of items) {
      c[a.tier] += 1;
      c[a.acknowledgement ? 'done' : 'pending'] += 1;
    }
    return c;
  }, [items]);
  // The kinds offered are those the actor's alerts have, whichever module raised them.
  const kinds = useMemo(() => [...new Set(items.map((a) => a.kind))].sort(), [items]);
  const shown = items
    .filter(
      (a) =>
        (tier === 'all' || a.tier === tier) &&
        (!kind || a.kind === kind) &&
        (ack === 'all' || (ack === 'done') === (a.acknowledgement !== null)),
    )
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.daysLate - a.daysLate);
  // Ticks hold only what may still be acknowledged (a refreshed list may have moved on).
  const acknowledgeable = shown.filter((a) => a.abilities.acknowledge);
  const tickedAlerts = acknowledgeable.filter((a) => ticked.includes(a.id));
  const tick = (id: string, on: boolean) =>
    setTicked((now) => (on ? [...now, id] : now.filter((x) => x !== id)));

  const setFilter = (key: 'tier' | 'kind' | 'ack', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'all') next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="alerts-page">
      <PageHeader
        title={t('alerts.title')}
        extra={
          <ExportButton
            path="/api/alerts/export.xlsx"
            query={{
              planCode: plan?.code,
              tier: tier === 'all' ? undefined : tier,
              kind,
              acknowledged: ack === 'all' ? undefined : ack === 'done',
            }}
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
                    {pick((phone ? PHONE_TIER_LABELS : ALERT_TIER_LABELS)[x], lang)} {counts[x]}
                  </Space>
                ),
              })),
            ]}
          />
          <Segmented
            data-testid="alerts-ack-filter"
            aria-label={t('alerts.ack.filter')}
            value={ack}
            onChange={(v) => setFilter('ack', String(v))}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'pending', label: `${t('alerts.ack.pending')} ${counts.pending}` },
              { value: 'done', label: `${t('alerts.ack.done')} ${counts.done}` },
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
          {items.some((a) => a.abilities.acknowledge) && (
            <Space wrap>
              {phone && (
                <Checkbox
                  data-testid="alerts-ack-select-all"
                  checked={acknowledgeable.length > 0 && tickedAlerts.length === acknowledgeable.length}
                  indeterminate={tickedAlerts.length > 0 && tickedAlerts.length < acknowledgeable.length}
                  onChange={(e) => setTicked(e.target.checked ? acknowledgeable.map((a) => a.id) : [])}
                >
                  {t('alerts.ack.selectAll')}
                </Checkbox>
              )}
              <Button
                type="primary"
                data-testid="alerts-ack-batch"
                disabled={tickedAlerts.length === 0}
                onClick={() => setAcknowledging(tickedAlerts)}
              >
                {t('alerts.ack.batch', { count: tickedAlerts.length })}
              </Button>
            </Space>
          )}
        </Space>
        <QueryState query={alerts}>
          {() => (
            <ResponsiveTable<Alert>
              size="small"
              rowKey="id"
              dataSource={shown}
              locale={{ emptyText: t('alerts.empty') }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 1040 }}
              onRow={(a) => ({ 'data-testid': `alert-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
              rowSelection={
                phone
                  ? undefined
                  : {
                      selectedRowKeys: tickedAlerts.map((a) => a.id),
                      columnTitle: selectAllTitle(t('alerts.ack.selectAll')),
                      onChange: (keys) => setTicked(keys.map(String)),
                      getCheckboxProps: (a) => ({
                        disabled: !a.abilities.acknowledge,
                        'aria-label': t('alerts.ack.select', { name: alertSubject(a) }),
                      }),
                    }
              }
              cardTitle={(a) => (
                <Space wrap size={4}>
                  {a.abilities.acknowledge && (
                    <Checkbox
                      checked={ticked.includes(a.id)}
                      onChange={(e) => tick(a.id, e.target.checked)}
                      aria-label={t('alerts.ack.select', { name: alertSubject(a) })}
                    />
                  )}
                  <AlertTierTag tier={a.tier} />
                  <AlertSubject alert={a} />
                </Space>
              )}
              columns={[
                {
                  // Tier and kind in one column: the table fits a 1440 px screen beside the menu.
                  title: t('alerts.tier'),
                  key: 'tier',
                  width: 128,
                  responsive: ['md'],
                  render: (_, a) => (
                    <Space orientation="vertical" size={4}>
                      <AlertTierTag tier={a.tier} />
                      <Tag>{t(kindKey(a.kind))}</Tag>
                    </Space>
                  ),
                },
                {
                  // On a phone's card only: the desktop shows the kind under the tier.
                  title: t('alerts.kind'),
                  key: 'kind',
                  responsive: ['xs'],
                  render: (_, a) => <Tag>{t(kindKey(a.kind))}</Tag>,
                },
                { title: t('alerts.unit'), key: 'unit', width: 130, render: (_, a) => a.unit?.name || '—' },
                {
                  title: t('alerts.task'),
                  key: 'task',
                  responsive: ['md'],
                  render: (_, a) => <AlertSubject alert={a} />,
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
                {
                  title: t('alerts.ack.column'),
                  key: 'acknowledgement',
                  width: 120,
                  render: (_, a) => <AcknowledgementCell alert={a} />,
                },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  fixed: 'right',
                  render: (_, a) =>
                    a.abilities.acknowledge ? (
                      <Button
                        size="small"
                        data-testid={`alert-ack-${a.id}`}
                        onClick={() => setAcknowledging([a])}
                      >
                        {t('alerts.ack.action')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <AcknowledgeModal
        alerts={acknowledging}
        onClose={() => setAcknowledging(null)}
        onDone={() => setTicked([])}
      />
    </div>
  );
}

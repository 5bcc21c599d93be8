import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { SupervisionDashboard } from '../types';

interface Kpi {
  key: string;
  title: string;
  value: number | string;
  color?: string;
  note?: ReactNode;
  to?: string;
}

/**
 * The headline numbers of supervision; each card carries `data-testid="supervision-kpi-<key>"` and
 * its number in `data-value`. `inspections` is left out for a unit (it sees no inspections).
 */
export function DashboardKpis({
  data,
  inspections,
}: {
  data: SupervisionDashboard;
  inspections: number | null;
}) {
  const t = useT();
  const { orders, findings } = data;
  const closed = orders.closedOnTime + orders.closedLate;
  const openFindings = (findings.byState.open ?? 0) + (findings.byState.rectifying ?? 0);
  const cards: Kpi[] = [
    ...(inspections === null
      ? []
      : [
          {
            key: 'inspections',
            title: t('supervision.kpi.inspections'),
            value: inspections,
            to: '/supervision/inspections',
          },
        ]),
    {
      key: 'open-findings',
      title: t('supervision.kpi.openFindings'),
      value: openFindings,
      note: t('supervision.kpi.findingsTotal', { count: findings.total }),
    },
    {
      key: 'open-orders',
      title: t('supervision.kpi.openOrders'),
      value: orders.open,
      color: '#1677ff',
      note: t('supervision.kpi.ordersTotal', { count: orders.total }),
      to: '/supervision/orders',
    },
    {
      key: 'red',
      title: t('supervision.kpi.red'),
      value: orders.byTier.red,
      color: orders.byTier.red ? '#cf1322' : undefined,
      note: t('supervision.kpi.redNote'),
      to: '/supervision/orders?tier=red',
    },
    {
      key: 'yellow',
      title: t('supervision.kpi.yellow'),
      value: orders.byTier.yellow,
      color: orders.byTier.yellow ? '#d48806' : undefined,
      note: t('supervision.kpi.yellowNote'),
      to: '/supervision/orders?tier=yellow',
    },
    {
      key: 'blue',
      title: t('supervision.kpi.blue'),
      value: orders.byTier.blue,
      color: orders.byTier.blue ? '#1677ff' : undefined,
      note: t('supervision.kpi.blueNote'),
      to: '/supervision/orders?tier=blue',
    },
    {
      key: 'on-time',
      title: t('supervision.kpi.onTime'),
      value: closed ? formatShare(orders.closedOnTime / closed) : '—',
      color: '#389e0d',
      note: t('supervision.kpi.onTimeNote', { onTime: orders.closedOnTime, closed }),
    },
  ];
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
        gap: 12,
        marginBottom: 16,
      }}
    >
      {cards.map((card) => {
        const body = (
          <Card
            size="small"
            hoverable={!!card.to}
            data-testid={`supervision-kpi-${card.key}`}
            data-value={card.value}
            style={{ height: '100%' }}
          >
            <Statistic
              title={card.title}
              value={card.value}
              styles={{ content: card.color ? { color: card.color } : undefined }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {card.note ?? '\u00a0'}
            </Typography.Text>
          </Card>
        );
        return card.to ? (
          <Link key={card.key} to={card.to}>
            {body}
          </Link>
        ) : (
          <div key={card.key}>{body}</div>
        );
      })}
    </div>
  );
}

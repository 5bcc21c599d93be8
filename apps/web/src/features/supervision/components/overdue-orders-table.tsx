import { Table } from 'antd';
import { Link } from 'react-router';
import { AlertTierTag } from '@/components/status-tags';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { SupervisionDashboard } from '../types';
import { DueText, OrderStateTag } from './supervision-tags';

/** The most overdue open orders, red first by lateness, each linking to its page. */
export function OverdueOrdersTable({ items }: { items: SupervisionDashboard['overdue'] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      data-testid="supervision-overdue"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('supervision.dashboard.noOverdue') }}
      scroll={{ x: 720 }}
      columns={[
        {
          title: t('supervision.col.tier'),
          key: 'tier',
          width: 100,
          render: (_, o) => <AlertTierTag tier={o.tier} />,
        },
        {
          title: t('supervision.col.order'),
          key: 'title',
          render: (_, o) => <Link to={o.link}>{o.title}</Link>,
        },
        { title: t('supervision.col.unit'), key: 'unit', width: 140, render: (_, o) => o.unit.name || '—' },
        {
          title: t('supervision.col.state'),
          key: 'state',
          width: 120,
          render: (_, o) => <OrderStateTag state={o.state} />,
        },
        { title: t('supervision.col.due'), dataIndex: 'dueDate', width: 110, render: formatDate },
        {
          title: t('supervision.col.daysLate'),
          key: 'late',
          width: 110,
          render: (_, o) => <DueText daysLate={o.daysLate} />,
        },
      ]}
    />
  );
}

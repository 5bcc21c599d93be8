import { Card, Table } from 'antd';
import { useT } from '@/lib/i18n';
import type { UnitStatus } from '../types';

const cell = (color: string) => (value: number) =>
  value > 0 ? <span style={{ color, fontWeight: 600 }}>{value}</span> : value;

/** Status by responsible unit: tasks it leads and how its tasks stand this period. */
export function UnitsTable({ units }: { units: UnitStatus[] }) {
  const t = useT();
  const rows = [...units].sort((a, b) => b.lead - a.lead || a.unit.code.localeCompare(b.unit.code));
  return (
    <Card size="small" title={t('plan.units')} data-testid="plan-units">
      <Table
        size="small"
        rowKey={(row) => row.unit.id}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('plan.col.unit'), key: 'unit', render: (_, row) => row.unit.name },
          { title: t('plan.col.led'), dataIndex: 'lead', align: 'center', width: 90 },
          {
            title: t('plan.kpi.onTrack'),
            dataIndex: 'onTrack',
            align: 'center',
            width: 90,
            render: cell('#389e0d'),
          },
          {
            title: t('plan.kpi.atRisk'),
            dataIndex: 'atRisk',
            align: 'center',
            width: 90,
            render: cell('#d48806'),
          },
          {
            title: t('plan.kpi.behind'),
            dataIndex: 'behind',
            align: 'center',
            width: 80,
            render: cell('#cf1322'),
          },
          {
            title: t('plan.kpi.completed'),
            dataIndex: 'completed',
            align: 'center',
            width: 80,
            render: cell('#1677ff'),
          },
          {
            title: t('plan.kpi.notReported'),
            dataIndex: 'notReported',
            align: 'center',
            width: 80,
            render: cell('#8c8c8c'),
          },
        ]}
      />
    </Card>
  );
}

import { Badge, Table } from 'antd';
import { formatDate, formatTarget, formatValue, ratioText } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { PublicIndicator } from '../types';
import { IndicatorVerdict } from './period-verdicts';

const DOT: Record<PublicIndicator['status'], 'success' | 'warning' | 'error' | 'default'> = {
  met: 'success',
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
};

const VERDICT_DOT: Record<NonNullable<PublicIndicator['verdict']>, 'success' | 'error' | 'default'> = {
  met: 'success',
  not_met: 'error',
  no_data: 'default',
};

/** Public indicators with target, deadline, latest value and a traffic light. */
export function PublicIndicators({ indicators }: { indicators: PublicIndicator[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Table
      size="small"
      rowKey="code"
      dataSource={indicators}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 820 }}
      locale={{ emptyText: t('common.empty') }}
      data-testid="public-indicators"
      columns={[
        {
          title: '',
          key: 'light',
          width: 36,
          render: (_, i) => <Badge status={i.verdict ? VERDICT_DOT[i.verdict] : DOT[i.status]} />,
        },
        { title: t('indicator.task'), dataIndex: 'taskLabel', width: 90 },
        { title: t('task.col.name'), key: 'name', render: (_, i) => localName(i.name, i.nameEn, lang) },
        { title: t('task.col.target'), key: 'target', width: 120, render: (_, i) => formatTarget(i) },
        { title: t('task.col.deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
        {
          title: t('task.col.latest'),
          key: 'latest',
          width: 110,
          render: (_, i) => `${formatValue(i.latestValue, i.unit)}${ratioText(i)}`,
        },
        {
          title: t('task.col.status'),
          key: 'status',
          width: 150,
          render: (_, i) => <IndicatorVerdict indicator={i} />,
        },
      ]}
    />
  );
}

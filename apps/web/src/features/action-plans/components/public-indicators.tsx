import { Badge } from 'antd';
import { Link } from 'react-router';
import { ResponsiveTable } from '@/components/responsive-table';
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

/**
 * Public indicators with target, deadline, latest value and a traffic light; each name opens the
 * indicator's public page. On a phone each indicator is a card.
 */
export function PublicIndicators({
  planCode,
  indicators,
}: {
  planCode: string;
  indicators: PublicIndicator[];
}) {
  const t = useT();
  const lang = useLang();
  const light = (i: PublicIndicator) => <Badge status={i.verdict ? VERDICT_DOT[i.verdict] : DOT[i.status]} />;
  const name = (i: PublicIndicator) => (
    <Link
      to={`/public/plans/${encodeURIComponent(planCode)}/indicators/${encodeURIComponent(i.code)}`}
      data-testid={`public-indicator-link-${i.code}`}
    >
      {localName(i.name, i.nameEn, lang)}
    </Link>
  );
  return (
    <ResponsiveTable
      size="small"
      rowKey="code"
      dataSource={indicators}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 820 }}
      locale={{ emptyText: t('common.empty') }}
      data-testid="public-indicators"
      cardTitle={(i) => (
        <>
          {light(i)} {name(i)}
        </>
      )}
      columns={[
        {
          title: '',
          key: 'light',
          width: 36,
          responsive: ['md'],
          render: (_, i) => light(i),
        },
        { title: t('indicator.task'), dataIndex: 'taskLabel', width: 90 },
        { title: t('task.col.name'), key: 'name', responsive: ['md'], render: (_, i) => name(i) },
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

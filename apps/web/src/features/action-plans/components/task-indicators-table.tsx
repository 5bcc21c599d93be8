import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { IndicatorStatusTag } from '@/components/status-tags';
import { formatDate, formatNumber, formatTarget } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { Indicator } from '../types';
import { IndicatorVerdictOrStatus } from './verdict-tag';

/** The task's indicators: target with comparator, latest value and traffic light. */
export function TaskIndicatorsTable({ indicators }: { indicators: Indicator[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={indicators}
      pagination={false}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('common.empty') }}
      data-testid="task-indicators"
      columns={[
        {
          title: t('task.col.code'),
          dataIndex: 'code',
          width: 150,
          render: (code: string) => <span style={{ whiteSpace: 'nowrap' }}>{code}</span>,
        },
        {
          title: t('task.col.name'),
          key: 'name',
          render: (_, i) => <Link to={`/indicators/${i.id}`}>{localName(i.name, i.nameEn, lang)}</Link>,
        },
        { title: t('task.col.target'), key: 'target', width: 120, render: (_, i) => formatTarget(i) },
        {
          title: t('task.col.unit'),
          dataIndex: 'unit',
          width: 70,
          render: (unit: string | null) => unit ?? '',
        },
        { title: t('task.col.deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
        { title: t('task.col.baseline'), dataIndex: 'baseline', width: 80, render: formatNumber },
        {
          title: t('task.col.latest'),
          key: 'latest',
          width: 120,
          render: (_, i) => (
            <span>
              {formatNumber(i.latestValue)}
              {i.latestPeriod && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {i.latestPeriod}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: t('task.col.status'),
          key: 'status',
          width: 170,
          render: (_, i) => (
            <IndicatorVerdictOrStatus indicator={i} status={<IndicatorStatusTag status={i.status} />} />
          ),
        },
        {
          title: t('task.col.kind'),
          key: 'kind',
          width: 100,
          render: (_, i) => (
            <Tag color={i.kind === 'computed' ? 'purple' : 'cyan'}>{t(`task.kind.${i.kind}`)}</Tag>
          ),
        },
      ]}
    />
  );
}

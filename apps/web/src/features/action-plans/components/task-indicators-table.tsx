import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useSeesCodes } from '@/components/coded-name';
import { formatDate, formatNumber, formatTarget, ratioText } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { Indicator } from '../types';
import { IndicatorVerdict } from './period-verdicts';

/** The task's indicators: target with comparator, latest value and traffic light. */
export function TaskIndicatorsTable({ indicators }: { indicators: Indicator[] }) {
  const t = useT();
  const lang = useLang();
  const seesCodes = useSeesCodes();
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
          title: t('task.col.name'),
          key: 'name',
          render: (_, i) => <Link to={`/indicators/${i.id}`}>{localName(i.name, i.nameEn, lang)}</Link>,
        },
        // The code is the coordinator's handle on the plan file, a secondary column for them only.
        ...(seesCodes
          ? [
              {
                title: t('task.col.code'),
                dataIndex: 'code',
                width: 150,
                render: (code: string) => (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {code}
                  </Typography.Text>
                ),
              },
            ]
          : []),
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
              {ratioText(i) && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {ratioText(i)}
                </Typography.Text>
              )}
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
          width: 150,
          render: (_, i) => <IndicatorVerdict indicator={i} />,
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

import { Card, Segmented, Table, Tag } from 'antd';
import { INDICATOR_STATUS_LABELS, INDICATOR_STATUSES, type IndicatorStatus } from '@zhijiao/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { CodedName } from '@/components/coded-name';
import { ExportButton } from '@/components/export-button';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { useCurrentPlan } from '@/lib/current-plan';
import { formatDate, formatNumber, formatTarget, ratioText } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { byDate, byFirstSeen, byNumber, byText } from '@/lib/sorters';
import { localName, pick, useLang } from '@/lib/lang';
import { usePlanIndicators } from '../api/get-plan-indicators';
import { usePlanMilestones } from '../api/get-plan-milestones';
import { IndicatorVerdict } from './period-verdicts';
import { MilestonesTable } from '@/components/milestones-table';

/**
 * `/indicators`: every indicator of the current plan with its traffic light, filterable by status
 * and kind, sortable by name, task, deadline and latest value (the list is loaded whole).
 */
export function IndicatorsPage() {
  const t = useT();
  const lang = useLang();
  const plan = useCurrentPlan();
  const query = usePlanIndicators(plan?.code);
  const milestones = usePlanMilestones(plan?.code);
  const [status, setStatus] = useState<IndicatorStatus | 'all'>('all');
  return (
    <div data-testid="indicators-page">
      <PageHeader
        title={t('indicator.list')}
        subtitle={plan ? localName(plan.title, plan.titleEn, lang) : undefined}
        extra={
          plan && (
            <ExportButton
              path="/api/plans/{code}/indicators/export.xlsx"
              params={{ code: plan.code }}
              query={{ status: status === 'all' ? undefined : status }}
              filename="指标完成情况.xlsx"
            />
          )
        }
      />
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => setStatus(v as IndicatorStatus | 'all')}
          options={[
            { value: 'all', label: t('common.all') },
            ...INDICATOR_STATUSES.map((s) => ({ value: s, label: pick(INDICATOR_STATUS_LABELS[s], lang) })),
          ]}
        />
        <QueryState query={query}>
          {(items) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={status === 'all' ? items : items.filter((i) => i.status === status)}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('task.col.name'),
                  key: 'name',
                  sorter: byText((i) => localName(i.name, i.nameEn, lang)),
                  render: (_, i) => (
                    <Link to={`/indicators/${i.id}`}>
                      <CodedName name={localName(i.name, i.nameEn, lang)} code={i.code} />
                    </Link>
                  ),
                },
                {
                  title: t('indicator.task'),
                  key: 'task',
                  width: 90,
                  sorter: byFirstSeen(items, (i) => i.taskId),
                  render: (_, i) => <Link to={`/tasks/${i.taskId}`}>{i.taskLabel}</Link>,
                },
                { title: t('task.col.target'), key: 'target', width: 120, render: (_, i) => formatTarget(i) },
                {
                  title: t('task.col.deadline'),
                  dataIndex: 'deadline',
                  width: 110,
                  sorter: byDate((i) => i.deadline),
                  render: formatDate,
                },
                {
                  title: t('task.col.latest'),
                  key: 'latest',
                  width: 110,
                  sorter: byNumber((i) => i.latestValue),
                  render: (_, i) => `${formatNumber(i.latestValue)}${ratioText(i)}`,
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
                  filters: (['reported', 'computed'] as const).map((k) => ({
                    text: t(`task.kind.${k}`),
                    value: k,
                  })),
                  onFilter: (value, i) => i.kind === value,
                  render: (_, i) => (
                    <Tag color={i.kind === 'computed' ? 'purple' : 'cyan'}>{t(`task.kind.${i.kind}`)}</Tag>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Card size="small" title={t('task.milestones')} style={{ marginTop: 16 }}>
        <QueryState query={milestones}>
          {(items) => <MilestonesTable milestones={items} testId="plan-milestones" />}
        </QueryState>
      </Card>
    </div>
  );
}

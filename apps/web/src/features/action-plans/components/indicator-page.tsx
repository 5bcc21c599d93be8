import { Card, Col, Descriptions, Empty, Row, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { CodedName } from '@/components/coded-name';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { IndicatorStatusTag } from '@/components/status-tags';
import { formatDate, formatNumber, formatTarget, formatValue, ratioText } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { useIndicator } from '../api/get-indicator';
import { IndicatorFindingButton } from './indicator-finding-button';
import { IndicatorHistoryChart } from './indicator-history-chart';
import { PeriodVerdictTable } from './period-verdicts';

/** `/indicators/:id`: details, history chart against target and deadline, and a breakdown when there is one. */
export function IndicatorPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const query = useIndicator(id);
  return (
    <QueryState query={query}>
      {({ indicator: i, history, timeline, drillDown, metricDescription }) => (
        <div data-testid="indicator-page">
          <PageHeader
            back
            title={<CodedName name={localName(i.name, i.nameEn, lang)} code={i.code} />}
            subtitle={<IndicatorStatusTag status={i.status} />}
            extra={<IndicatorFindingButton indicator={i} />}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('indicator.title')}>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    {
                      key: 'task',
                      label: t('indicator.task'),
                      children: <Link to={`/tasks/${i.taskId}`}>{i.taskLabel}</Link>,
                    },
                    {
                      key: 'target',
                      label: t('task.col.target'),
                      children: <strong>{formatTarget(i)}</strong>,
                    },
                    { key: 'deadline', label: t('task.col.deadline'), children: formatDate(i.deadline) },
                    {
                      key: 'baseline',
                      label: t('task.col.baseline'),
                      children: formatValue(i.baseline, i.unit),
                    },
                    {
                      key: 'latest',
                      label: t('task.col.latest'),
                      children: `${formatValue(i.latestValue, i.unit)}${ratioText(i)}${i.latestPeriod ? `（${i.latestPeriod}）` : ''}`,
                    },
                    {
                      key: 'recurrence',
                      label: t('indicator.recurrence'),
                      children:
                        i.recurrence === 'once'
                          ? t('indicator.recurrence.once')
                          : `${t(`indicator.recurrence.${i.recurrence}`)}（${t(`indicator.rule.${i.verdictRule}`)}）`,
                    },
                    {
                      key: 'status',
                      label: t('task.col.status'),
                      children: <IndicatorStatusTag status={i.status} />,
                    },
                    {
                      key: 'kind',
                      label: t('task.col.kind'),
                      children: (
                        <Tag color={i.kind === 'computed' ? 'purple' : 'cyan'}>
                          {t(`task.kind.${i.kind}`)}
                        </Tag>
                      ),
                    },
                    // 计算口径 in words; the metric's name is the coordinator's, in a tooltip.
                    ...(metricDescription
                      ? [
                          {
                            key: 'metric',
                            label: t('indicator.metric'),
                            children: (
                              <span data-testid="indicator-metric">
                                <CodedName
                                  name={lang === 'en' ? metricDescription.en : metricDescription.zh}
                                  code={i.metric}
                                />
                              </span>
                            ),
                          },
                        ]
                      : []),
                    {
                      key: 'public',
                      label: t('indicator.public'),
                      children: i.isPublic ? t('common.yes') : t('common.no'),
                    },
                    ...(i.description
                      ? [{ key: 'description', label: t('indicator.description'), children: i.description }]
                      : []),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('indicator.history')}>
                {timeline.some((p) => p.value !== null) ? (
                  <IndicatorHistoryChart indicator={i} timeline={timeline} />
                ) : (
                  <Empty description={t('indicator.noHistory')} />
                )}
              </Card>
            </Col>
            {i.periods.length > 0 && (
              <Col xs={24}>
                <Card size="small" title={t('indicator.periods')}>
                  <PeriodVerdictTable indicator={i} />
                </Card>
              </Col>
            )}
            <Col xs={24} xl={drillDown?.length ? 14 : 24}>
              <Card size="small" title={t('indicator.historyTable')}>
                <Table
                  size="small"
                  rowKey="periodId"
                  dataSource={[...history].reverse()}
                  pagination={{ pageSize: 12, hideOnSinglePage: true }}
                  locale={{ emptyText: t('indicator.noHistory') }}
                  columns={[
                    { title: t('task.col.period'), dataIndex: 'periodLabel' },
                    {
                      title: t('indicator.value'),
                      key: 'value',
                      render: (_, p) => formatValue(p.value, i.unit),
                    },
                    {
                      title: t('indicator.source'),
                      key: 'source',
                      render: (_, p) => t(`indicator.source.${p.source}`),
                    },
                  ]}
                />
              </Card>
            </Col>
            {drillDown && drillDown.length > 0 && (
              <Col xs={24} xl={10}>
                <Card size="small" title={t('indicator.drillDown')}>
                  <Table
                    size="small"
                    rowKey="label"
                    dataSource={drillDown}
                    pagination={false}
                    columns={[
                      { title: t('task.col.name'), dataIndex: 'label' },
                      { title: t('indicator.value'), dataIndex: 'value', render: formatNumber },
                    ]}
                  />
                </Card>
              </Col>
            )}
          </Row>
        </div>
      )}
    </QueryState>
  );
}

import { Alert, Flex, Grid, Table, Tag, Typography } from 'antd';
import { QueryState } from '@/components/query-state';
import { useCurrentPlan } from '@/lib/current-plan';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { usePeriods, type Period } from '@/lib/reads/periods';

const STATUS_COLOR: Record<Period['status'], string> = {
  upcoming: 'default',
  open: 'processing',
  closed: 'default',
};

/**
 * 填报周期 of the plan being shown: name, start, end, due date and status (未开始 / 填报中 /
 * 已截止), read-only. The periods are generated from the plan file when a version is imported
 * (its reporting rhythm, due a fixed number of days after each period ends) and generated again for
 * every revision, so a due date changed here would silently go back at the next revision: the
 * page says so instead of offering an edit that does not last.
 */
export function PeriodsTab() {
  const t = useT();
  const lang = useLang();
  const plan = useCurrentPlan();
  const periods = usePeriods(plan?.code);
  const phone = !Grid.useBreakpoint().sm;
  const nowrap = { whiteSpace: 'nowrap' } as const;
  if (!plan) return <Alert type="info" showIcon title={t('settings.periods.noPlan')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>{localName(plan.title, plan.titleEn, lang)}</Typography.Text>
      <Alert
        type="info"
        showIcon
        title={t('settings.periods.readOnly')}
        description={t('settings.periods.why')}
      />
      <QueryState query={periods}>
        {(items) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={[...items].reverse()}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}

            data-testid="settings-periods"
            columns={[
              {
                title: t('settings.periods.name'),
                dataIndex: 'label',
                render: (label: string, p) => (
                  <span data-testid={`period-${p.startsOn}`}>
                    {label}
                    {p.current && (
                      <Tag color="blue" style={{ marginLeft: 6 }}>
                        {t('settings.periods.current')}
                      </Tag>
                    )}
                    {phone && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {formatDate(p.startsOn)} {t('settings.periods.until', { date: formatDate(p.endsOn) })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('settings.periods.span'),
                key: 'span',
                responsive: ['sm'],
                render: (_, p) => (
                  <span style={nowrap}>
                    {formatDate(p.startsOn)} {t('settings.periods.until', { date: formatDate(p.endsOn) })}
                  </span>
                ),
              },
              {
                title: t('settings.periods.due'),
                dataIndex: 'dueOn',
                render: (d: string) => <span style={nowrap}>{formatDate(d)}</span>,
              },
              {
                title: t('settings.periods.status'),
                dataIndex: 'status',
                render: (s: Period['status']) => (
                  <Tag color={STATUS_COLOR[s]} data-testid="period-status">
                    {t(`settings.periods.status.${s}`)}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Flex>
  );
}

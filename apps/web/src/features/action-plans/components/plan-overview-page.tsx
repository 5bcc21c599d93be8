import { Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { can } from '@/lib/permissions';
import { useSession } from '@/lib/session';
import { useDashboard } from '../api/get-dashboard';
import { usePeriods } from '@/lib/reads/periods';
import { rememberPlan } from '../remember-plan';
import { KpiCards } from './kpi-cards';
import { LifecycleBanner } from './lifecycle-banner';
import { PeriodSelect } from './period-select';
import { PlanCharts } from './plan-charts';
import { SectionTasks } from './section-tasks';
import { UnitsTable } from './units-table';

/** `/plans/:code`: the plan dashboard for a reporting period (`?period=`; the current one by default). */
export function PlanOverviewPage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const me = useSession();
  const periods = usePeriods(code);
  const periodId = params.get('period') ?? undefined;
  const dashboard = useDashboard(code, periodId);

  useEffect(() => rememberPlan(code), [code]);

  const selected = periodId ?? dashboard.data?.period.id ?? periods.data?.find((p) => p.current)?.id;

  return (
    <QueryState query={dashboard}>
      {(data) => (
        <div data-testid="plan-overview" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}>
          <PageHeader
            title={localName(data.plan.title, data.plan.titleEn, lang)}
            subtitle={
              <Space size={8} wrap>
                <Tag color="red">
                  {t('plan.version')} {data.plan.version}
                </Tag>
                <span>{data.plan.district.name}</span>
                <span>
                  {formatDate(data.plan.startDate)} — {formatDate(data.plan.endDate)}
                </span>
              </Space>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">{t('plan.period')}</Typography.Text>
                <PeriodSelect
                  periods={periods.data ?? [{ ...data.period, current: false }]}
                  value={selected}
                  onChange={(id) => setParams({ period: id }, { replace: true })}
                />
              </Space>
            }
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('plan.periodRange', {
              start: formatDate(data.period.startsOn),
              end: formatDate(data.period.endsOn),
              due: formatDate(data.period.dueOn),
            })}
          </Typography.Paragraph>
          <LifecycleBanner planCode={data.plan.code} lifecycle={data.lifecycle} />
          <KpiCards kpis={data.kpis} showReviews={can(me, 'progress.review')} />
          <PlanCharts kpis={data.kpis} sections={data.sections} />
          <Typography.Title level={4}>{t('plan.sections')}</Typography.Title>
          <SectionTasks sections={data.sections} />
          {data.units.length > 0 && (
            <div style={{ marginTop: 16 }}>
              <UnitsTable units={data.units} />
            </div>
          )}
        </div>
      )}
    </QueryState>
  );
}

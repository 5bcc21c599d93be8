import { Card, Descriptions, Result, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PublicLayout } from '@/components/public-layout';
import { QueryState } from '@/components/query-state';
import { formatDate, formatTarget, formatValue, ratioText } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { usePublicPlan } from '../api/get-public-plans';
import { IndicatorVerdict, PeriodVerdictTable } from './period-verdicts';

/**
 * `/public/plans/:code/indicators/:indicator` (no sign-in): one public indicator of a published
 * plan — target, deadline, latest value, its verdict and, for a recurring target, each period.
 */
export function PublicIndicatorPage() {
  const { code = '', indicator: indicatorCode = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const plan = usePublicPlan(code);
  return (
    <PublicLayout>
      <div>
        <Link to="/">← {t('portal.backHome')}</Link>
      </div>
      <QueryState query={plan}>
        {(p) => {
          const i = p?.indicators.find((x) => x.code === indicatorCode);
          if (!p || !i) return <Result status="404" title={t('portal.notFound')} />;
          const task = p.sections.flatMap((s) => s.tasks).find((x) => x.label === i.taskLabel);
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 12 }}>
              <Card data-testid="public-indicator">
                <Typography.Text type="secondary">{localName(p.title, p.titleEn, lang)}</Typography.Text>
                <Typography.Title level={1} style={{ marginTop: 8, fontSize: 24 }}>
                  {localName(i.name, i.nameEn, lang)}
                </Typography.Title>
                <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('indicator.task')}>
                    {task ? (
                      <Link to={`/public/plans/${encodeURIComponent(p.code)}/tasks/${task.number}`}>
                        {task.label} {localName(task.title, task.titleEn, lang)}
                      </Link>
                    ) : (
                      i.taskLabel
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('task.col.target')}>{formatTarget(i)}</Descriptions.Item>
                  <Descriptions.Item label={t('task.col.deadline')}>
                    {formatDate(i.deadline)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('task.col.latest')}>
                    {`${formatValue(i.latestValue, i.unit)}${ratioText(i)}`}
                  </Descriptions.Item>
                  {i.latestPeriod && (
                    <Descriptions.Item label={t('portal.indicator.latestPeriod')}>
                      {i.latestPeriod}
                    </Descriptions.Item>
                  )}
                  <Descriptions.Item label={t('task.col.status')}>
                    <IndicatorVerdict indicator={i} />
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card title={t('portal.indicator.periods')} size="small">
                {i.periods.length === 0 ? (
                  <Typography.Text type="secondary">{t('portal.indicator.noPeriods')}</Typography.Text>
                ) : (
                  <PeriodVerdictTable indicator={i} />
                )}
              </Card>
            </Space>
          );
        }}
      </QueryState>
    </PublicLayout>
  );
}

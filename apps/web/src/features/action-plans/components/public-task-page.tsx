import { Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PublicLayout } from '@/components/public-layout';
import { QueryState } from '@/components/query-state';
import { sectionHeading } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import { usePublicPlan } from '../api/get-public-plans';
import { PublicIndicators } from './public-indicators';

/**
 * `/public/plans/:code/tasks/:number` (no sign-in): one task of a published plan — its part, the
 * lead and co-operating units and its public indicators, from the open-data plan.
 */
export function PublicTaskPage() {
  const { code = '', number = '' } = useParams();
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
          const section = p?.sections.find((s) => s.tasks.some((task) => String(task.number) === number));
          const task = section?.tasks.find((x) => String(x.number) === number);
          if (!p || !section || !task) return <Result status="404" title={t('portal.notFound')} />;
          const indicators = p.indicators.filter((i) => i.taskLabel === task.label);
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 12 }}>
              <Card data-testid="public-task">
                <Typography.Text type="secondary">{localName(p.title, p.titleEn, lang)}</Typography.Text>
                <Typography.Title level={1} style={{ marginTop: 8, fontSize: 24 }}>
                  {task.label} {localName(task.title, task.titleEn, lang)}
                </Typography.Title>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('portal.task.section')}>
                    {sectionHeading(section.label, localName(section.title, section.titleEn, lang))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('plan.col.lead')}>
                    {task.lead ? <Tag color="red">{task.lead.name}</Tag> : '—'}
                  </Descriptions.Item>
                  {task.cooperating.length > 0 && (
                    <Descriptions.Item label={t('plan.col.coop')}>
                      <Space size={[0, 4]} wrap>
                        {task.cooperating.map((u) => (
                          <Tag key={u.code}>{u.name}</Tag>
                        ))}
                      </Space>
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              <Card title={t('portal.task.indicators')} size="small">
                {indicators.length === 0 ? (
                  <Typography.Text type="secondary">{t('portal.task.noIndicators')}</Typography.Text>
                ) : (
                  <PublicIndicators planCode={p.code} indicators={indicators} />
                )}
              </Card>
            </Space>
          );
        }}
      </QueryState>
    </PublicLayout>
  );
}

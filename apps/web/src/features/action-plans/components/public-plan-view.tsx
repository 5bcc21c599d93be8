import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { localName, useLang } from '@/lib/lang';
import type { PublicPlan } from '../types';
import { PublicIndicators } from './public-indicators';
import { PublicSections } from './public-sections';
import { BRAND_RED } from '@/lib/brand';

/** One published plan: title block, a few counts, the indicators and the sections with tasks. */
export function PublicPlanView({ plan }: { plan: PublicPlan }) {
  const t = useT();
  const lang = useLang();
  const { sections, indicators } = plan;
  const taskCount = sections.reduce((n, s) => n + s.tasks.length, 0);
  // Once the plan has ended, each indicator counts by its verdict at the deadline.
  const light = (i: (typeof indicators)[number]) =>
    i.verdict ? { met: 'met', not_met: 'off_track', no_data: 'no_data' }[i.verdict] : i.status;
  const count = (...statuses: string[]) => indicators.filter((i) => statuses.includes(light(i))).length;

  return (
    <section data-testid={`public-plan-${plan.code}`} style={{ marginBottom: 32 }}>
      <Card style={{ borderTop: `3px solid ${BRAND_RED}`, marginBottom: 16 }}>
        <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 8, fontSize: 24 }}>
          {localName(plan.title, plan.titleEn, lang)}
          {plan.stage === 'consultation-draft' && (
            <Tag color="orange" style={{ marginInlineStart: 12, verticalAlign: 'middle' }}>
              {t('public.consultationDraft')}
            </Tag>
          )}
          {plan.phase === 'closed' && (
            <Tag
              color="green"
              style={{ marginInlineStart: 12, verticalAlign: 'middle' }}
              data-testid="public-closed"
            >
              {t('closing.public.closed', { date: formatDate(plan.closedOn) })}
            </Tag>
          )}
        </Typography.Title>
        <Typography.Text type="secondary">
          {plan.district.name} · {t('public.period')} {formatDate(plan.startDate)} —{' '}
          {formatDate(plan.endDate)} · {t('public.version')} {plan.version}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 16 }}>
          {t('public.intro')}
        </Typography.Paragraph>
        {plan.phase === 'closed' && (
          <Typography.Paragraph>
            <a
              href={`/api/public/plans/${encodeURIComponent(plan.code)}/final-evaluation.pdf?lang=${lang}`}
              data-testid="public-final-evaluation"
            >
              {t('closing.public.report')}
            </a>
          </Typography.Paragraph>
        )}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('public.sections')} value={taskCount} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('public.indicators')} value={indicators.length} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('public.metOrOnTrack')}
              value={count('met', 'on_track')}
              styles={{ content: { color: '#389e0d' } }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('public.atRisk')}
              value={count('at_risk')}
              styles={{ content: { color: '#d48806' } }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('public.offTrack')}
              value={count('off_track')}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Col>
        </Row>
      </Card>
      <Card title={t('public.indicators')} size="small" style={{ marginBottom: 16 }}>
        <PublicIndicators planCode={plan.code} indicators={indicators} />
      </Card>
      <Typography.Title level={3} style={{ fontSize: 20 }}>
        {t('public.sections')}
      </Typography.Title>
      <PublicSections planCode={plan.code} sections={sections} />
    </section>
  );
}

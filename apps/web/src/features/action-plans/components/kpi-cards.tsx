import { Card, Grid, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatShare } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { DashboardKpis } from '../types';

interface Kpi {
  testId: string;
  title: string;
  value: number;
  color?: string;
  note?: ReactNode;
}

/**
 * The headline numbers of the plan for the period; each card's text contains its number. A closed
 * plan's last period shows the final evaluation instead: tasks by outcome, indicators by verdict,
 * and no reporting cards (nothing is reported any more).
 */
export function KpiCards({ kpis, showReviews }: { kpis: DashboardKpis; showReviews: boolean }) {
  const t = useT();
  const by = kpis.indicatorsByStatus;
  const indicatorCard: Kpi = {
    testId: 'kpi-indicators',
    title: t('plan.kpi.indicators'),
    value: kpis.indicators,
    note: t('plan.kpi.indicatorsDetail', {
      met: (by.met ?? 0) + (by.on_track ?? 0),
      atRisk: by.at_risk ?? 0,
      offTrack: by.off_track ?? 0,
    }),
  };
  const outcomes = kpis.taskOutcomes;
  if (outcomes) {
    return (
      <CardGrid
        cards={[
          {
            testId: 'kpi-tasks',
            title: t('plan.kpi.tasks'),
            value: kpis.tasks,
            note: t('plan.kpi.finalNote'),
          },
          {
            testId: 'kpi-outcome-completed',
            title: t('closing.outcome.completed'),
            value: outcomes.completed,
            color: '#389e0d',
          },
          {
            testId: 'kpi-outcome-partly',
            title: t('closing.outcome.partly'),
            value: outcomes.partly,
            color: '#d48806',
          },
          {
            testId: 'kpi-outcome-not-completed',
            title: t('closing.outcome.not_completed'),
            value: outcomes.not_completed,
            color: '#cf1322',
          },
          indicatorCard,
        ]}
      />
    );
  }
  const cards: Kpi[] = [
    {
      testId: 'kpi-tasks',
      title: t('plan.kpi.tasks'),
      value: kpis.tasks,
      note: `${t('plan.kpi.completed')} ${kpis.tasksCompleted}`,
    },
    {
      testId: 'kpi-tasks-on-track',
      title: t('plan.kpi.onTrack'),
      value: kpis.tasksOnTrack,
      color: '#389e0d',
      note: t('plan.kpi.onTrackShare', { share: formatShare(kpis.tasksOnTrackShare) }),
    },
    { testId: 'kpi-tasks-at-risk', title: t('plan.kpi.atRisk'), value: kpis.tasksAtRisk, color: '#d48806' },
    { testId: 'kpi-tasks-behind', title: t('plan.kpi.behind'), value: kpis.tasksBehind, color: '#cf1322' },
    { testId: 'kpi-tasks-not-reported', title: t('plan.kpi.notReported'), value: kpis.tasksNotReported },
    indicatorCard,
    {
      testId: 'kpi-overdue-reports',
      title: t('plan.kpi.overdueReports'),
      value: kpis.overdueReports,
      color: kpis.overdueReports ? '#cf1322' : undefined,
    },
    {
      testId: 'kpi-milestones-due',
      title: t('plan.kpi.milestonesDue'),
      value: kpis.milestonesDue,
      note: t('plan.kpi.milestonesOverdue', { count: kpis.milestonesOverdue }),
    },
  ];
  if (showReviews) {
    cards.push({
      testId: 'kpi-pending-reviews',
      title: t('plan.kpi.pendingReviews'),
      value: kpis.pendingReviews,
      color: '#1677ff',
    });
  }
  return <CardGrid cards={cards} />;
}

/** The KPI cards in a grid: as many columns as fit, at least two on a phone. */
function CardGrid({ cards }: { cards: Kpi[] }) {
  const phone = Grid.useBreakpoint().md === false;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fill, minmax(${phone ? 140 : 180}px, 1fr))`,
        gap: 12,
        marginBottom: 16,
      }}
    >
      {cards.map((card) => (
        <Card key={card.testId} size="small" data-testid={card.testId} data-value={card.value}>
          <Statistic
            title={card.title}
            value={card.value}
            styles={{ content: card.color ? { color: card.color } : undefined }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {card.note ?? '\u00a0'}
          </Typography.Text>
        </Card>
      ))}
    </div>
  );
}

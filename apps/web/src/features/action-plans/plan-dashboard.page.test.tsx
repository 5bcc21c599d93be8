import type { ApiResponse } from '@zhijiao/contracts/api';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

const PLAN = 'shangdang-vet-2020';
type Dashboard = ApiResponse<'get', '/api/plans/{code}/dashboard'>;

describe('the plan dashboard (/plans/:code), as the coordinator sees it', () => {
  let dashboard: Dashboard;
  beforeAll(async () => {
    await signIn('coordinator');
    dashboard = await getJson<Dashboard>(`/api/plans/${PLAN}/dashboard`);
  });

  it('shows the headline numbers the API computes, every section and every task', async () => {
    renderPage(`/plans/${PLAN}`);
    const kpis = dashboard.kpis;
    await waitFor(() => expect(screen.getByTestId('kpi-tasks').textContent).toContain(String(kpis.tasks)), {
      timeout: 30_000,
    });
    const cards: Array<[string, number]> = [
      ['kpi-tasks-on-track', kpis.tasksOnTrack],
      ['kpi-tasks-at-risk', kpis.tasksAtRisk],
      ['kpi-tasks-behind', kpis.tasksBehind],
      ['kpi-tasks-not-reported', kpis.tasksNotReported],
      ['kpi-indicators', kpis.indicators],
      ['kpi-overdue-reports', kpis.overdueReports],
      ['kpi-milestones-due', kpis.milestonesDue],
    ];
    for (const [testId, value] of cards)
      expect(screen.getByTestId(testId).textContent).toContain(String(value));
    expect(kpis.tasks).toBe(21);
    const sections = screen.getByTestId('plan-sections');
    for (const section of dashboard.sections) {
      const block = within(sections).getByTestId(`section-${section.number}`);
      for (const task of section.tasks)
        expect(within(block).getByTestId(`task-link-${task.number}`)).toBeTruthy();
    }
    expect(within(screen.getByTestId('plan-units')).getAllByRole('row').length).toBeGreaterThan(1);
  });
});

import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it('sorts a section’s tasks by a column header: 指标数 descending puts the most indicators first', async () => {
    const section = dashboard.sections.find((s) => new Set(s.tasks.map((t) => t.indicatorCount)).size > 1)!;
    renderPage(`/plans/${PLAN}`);
    const block = await screen.findByTestId(`section-${section.number}`, {}, { timeout: 30_000 });
    const taskOrder = () =>
      within(block)
        .getAllByTestId(/^task-link-/)
        .map((a) => Number(a.getAttribute('data-testid')!.slice('task-link-'.length)));
    expect(taskOrder()).toEqual(section.tasks.map((t) => t.number));
    // A table with a horizontal scroll renders its header twice (one for measuring): the first is the visible one.
    const header = within(block).getAllByText('指标数')[0]!;
    fireEvent.click(header);
    fireEvent.click(header);
    const most = Math.max(...section.tasks.map((t) => t.indicatorCount));
    await waitFor(() =>
      expect(section.tasks.find((t) => t.number === taskOrder()[0])!.indicatorCount).toBe(most),
    );
    const counts = taskOrder().map((n) => section.tasks.find((t) => t.number === n)!.indicatorCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

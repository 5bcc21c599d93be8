import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage } from '@/test/render-page';
import type { PublicPlan } from './types';

describe('the public task and indicator pages (no sign-in)', () => {
  let plan: PublicPlan;
  // The first request waits for the page server to finish loading the demo.
  beforeAll(async () => {
    plan = (await getJson<{ items: PublicPlan[] }>('/api/public/plans')).items[0]!;
  }, 240_000);

  it('shows a task with its lead unit and its public indicators, each linking to its page', async () => {
    const indicator = plan.indicators[0]!;
    const task = plan.sections.flatMap((s) => s.tasks).find((x) => x.label === indicator.taskLabel)!;
    renderPage(`/public/plans/${plan.code}/tasks/${task.number}`);
    const card = await screen.findByTestId('public-task', {}, { timeout: 45_000 });
    expect(card.textContent).toContain(task.title);
    if (task.lead) expect(card.textContent).toContain(task.lead.name);
    const link = await screen.findByTestId(`public-indicator-link-${indicator.code}`);
    expect(link.getAttribute('href')).toBe(`/public/plans/${plan.code}/indicators/${indicator.code}`);
  });

  it('shows an indicator with its target and task, and a missing one as not found', async () => {
    const indicator = plan.indicators[0]!;
    const view = renderPage(`/public/plans/${plan.code}/indicators/${indicator.code}`);
    const card = await screen.findByTestId('public-indicator', {}, { timeout: 45_000 });
    expect(card.textContent).toContain(indicator.name);
    expect(card.textContent).toContain(indicator.taskLabel);
    view.unmount();
    renderPage(`/public/plans/${plan.code}/indicators/no-such-indicator`);
    await screen.findByText('未找到该公开内容，可能已调整或尚未公开', {}, { timeout: 45_000 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

const PLAN = 'shangdang-vet-2020';

/** The indicator card's counts (达标 N · 风险 N · 未达标 N). */
async function indicatorCounts(page: Page) {
  const text = await page.getByTestId('kpi-indicators').innerText();
  const m = /达标\s*(\d+)\s*·\s*风险\s*(\d+)\s*·\s*未达标\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no indicator counts in "${text}"`);
  return { met: Number(m[1]), atRisk: Number(m[2]), missed: Number(m[3]) };
}

/**
 * The plan ran 2020–2022 and the server runs today: the demo holds the plan's own years, so a past
 * period reads as it stood then, the ended plan waits for its final evaluation, and the coordinator
 * reviews the last reports, closes the plan, and the dashboard and the portal read as finished.
 */
describe('the coordinator looks back on the ended plan and closes it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(page, server, 'coordinator');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the ended plan at its last period, and a 2021 period as it stood then', async () => {
    await page.goto(`${server.url}/plans/${PLAN}`);
    await page.getByTestId('lifecycle-ended').waitFor();
    await expect(page.getByTestId('plan-overview').innerText()).resolves.toContain(
      '2022-10-01 至 2022-12-31',
    );
    const final = await indicatorCounts(page);
    // Judged at the deadlines on the demo's records of 2020–2022: a mix, mostly met.
    expect(final.met).toBeGreaterThan(final.missed);
    expect(final.missed).toBeGreaterThan(0);
    await shot(page, '20-ended-plan-today');

    await page.getByTestId('period-select').click();
    await page.getByTitle('2021年第2季度').click();
    await page.waitForURL(/period=/);
    await expect
      .poll(() => page.getByTestId('plan-overview').innerText())
      .toContain('2021-04-01 至 2021-06-30');
    const mid = await indicatorCounts(page);
    // Half-way through, the once-only targets are judged as they stood then: some at risk.
    expect(mid).not.toEqual(final);
    expect(mid.atRisk + mid.missed).toBeGreaterThan(0);
    // Task progress of that quarter, not the final outcomes.
    await page.getByTestId('kpi-tasks-on-track').waitFor();
    await shot(page, '21-plan-2021-q2');
  });

  it('reviews the last reports, closes the plan, and the dashboard and portal read as finished', async () => {
    await page.goto(`${server.url}/review`);
    await page.getByTestId('review-page').waitFor();
    const rows = page.locator('[data-testid^="review-row-"]');
    await rows.first().waitFor();
    while ((await rows.count()) > 0) {
      const row = page.getByTestId((await rows.first().getAttribute('data-testid'))!);
      await row.getByTestId('review-open').click();
      await page.getByTestId('report-details').waitFor();
      await page.getByTestId('review-approve').click();
      await row.waitFor({ state: 'detached' });
    }

    await page.goto(`${server.url}/plans/${PLAN}/evaluation`);
    await page.getByTestId('evaluation-page').waitFor();
    await page
      .getByTestId('evaluation-narrative')
      .fill('计划实施期内，全区职业教育改革各项任务总体推进，多数指标按期达成。');
    await page.getByTestId('close-plan').click();
    await page.getByTestId('close-plan-confirm').click();
    await page
      .locator('[data-testid="evaluation-state"]', { hasText: '已收官' })
      .waitFor({ timeout: 60_000 });

    await page.goto(`${server.url}/plans/${PLAN}`);
    await page.getByTestId('lifecycle-closed').waitFor();
    // The headline numbers are the final evaluation's: tasks by outcome, no reporting cards.
    const outcomes = await Promise.all(
      ['kpi-outcome-completed', 'kpi-outcome-partly', 'kpi-outcome-not-completed'].map(async (id) =>
        Number(await page.getByTestId(id).getAttribute('data-value')),
      ),
    );
    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(21);
    expect(await page.getByTestId('kpi-overdue-reports').count()).toBe(0);
    await shot(page, '22-closed-plan');

    await page.goto(server.url);
    await page.getByTestId('public-closed').waitFor();
    await page.getByTestId('public-final-evaluation').waitFor();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  cspViolations,
  firstSignIn,
  launchBrowser,
  shot,
  startServer,
  type RunningServer,
} from './support.ts';

const PLAN = 'shangdang-vet-2020';
const DESKTOP = { width: 1440, height: 900 };
// A minimal valid PDF: the upload guard checks the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The number of met indicators the dashboard shows (达标 N). */
async function metIndicators(page: Page): Promise<number> {
  const text = await page.getByTestId('kpi-indicators').innerText();
  const m = /达标\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no met count in "${text}"`);
  return Number(m[1]);
}

/**
 * The plan runs 2020–2022, so this journey runs the server from 20 May 2022 (its clock then moves
 * on at the real pace): the demo holds the plan's own years, 2020 and 2021 met the 8000 元 floor
 * and 2022 so far (the first quarter's figure) falls short.
 */
describe('a bureau reports, the coordinator approves, the dashboard moves', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ clockStart: '2022-05-20T02:00:00Z' });
    expect(Object.keys(server.passwords)).toEqual(
      expect.arrayContaining(['coordinator', 'finance', 'hrss', 'vhs']),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the published plan on the public home page without signing in', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const violations = cspViolations(page);
    await page.goto(server.url);
    await page.getByTestId(`public-plan-${PLAN}`).waitFor();
    await expect(page.getByTestId('public-sections').innerText()).resolves.toContain(
      '实施职业教育铸魂育人计划',
    );
    await expect(page.getByTestId('public-indicators').innerText()).resolves.toContain('省级思政教育工作室');
    await shot(page, '01-public-home');
    // The API documentation page runs under the same policy.
    await page.goto(`${server.url}/api/docs`);
    await page.locator('#swagger-ui .info').waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('runs the report → review → dashboard journey from each one’s workbench, and tells the bureau', async () => {
    const coordinator = await browser.newPage({ viewport: DESKTOP });
    const violations = cspViolations(coordinator);
    await firstSignIn(coordinator, server, 'coordinator');
    // Every role lands on its workbench (工作台): the coordinator's holds the district's reviews.
    await coordinator.waitForURL(/\/workbench$/);
    await coordinator.locator('[data-testid^="todo-"]').first().waitFor();
    await shot(coordinator, '10-coordinator-workbench');
    await coordinator.goto(`${server.url}/plans/${PLAN}`);
    await coordinator.getByTestId('kpi-indicators').waitFor();
    const metBefore = await metIndicators(coordinator);
    await shot(coordinator, '02-coordinator-dashboard-before');

    // 区财政局 leads task （二十）: its workbench asks for this quarter's report, and it reports
    // 8600 yuan per student from there.
    const clerk = await browser.newPage({ viewport: DESKTOP });
    const clerkViolations = cspViolations(clerk);
    await firstSignIn(clerk, server, 'finance');
    await clerk.waitForURL(/\/workbench$/);
    const toWrite = clerk.locator('[data-testid^="todo-action-plans:write:"]', { hasText: '（二十）' });
    await toWrite.waitFor();
    await expect(toWrite.getByTestId('todo-deadline').innerText()).resolves.toMatch(/剩余 \d+ 天|今日到期/);
    await shot(clerk, '11-finance-workbench');
    await toWrite.getByTestId('todo-link').click();
    await clerk.getByTestId('report-form').waitFor();
    await clerk.getByTestId('report-status-on_track').click();
    await clerk
      .getByTestId('report-narrative')
      .fill('本季度生均财政拨款已足额拨付，达到每生每年 8600 元，附拨款文件。');
    await clerk.getByTestId('report-value-T20-PER-STUDENT').fill('8600');
    await clerk
      .getByTestId('report-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '生均拨款文件.pdf', mimeType: 'application/pdf', buffer: PDF });
    await clerk.getByText('生均拨款文件.pdf').first().waitFor();
    await shot(clerk, '04-finance-report-form');
    await clerk.getByTestId('report-submit').click();
    await clerk.waitForURL(/\/tasks\//);
    await clerk.getByTestId('task-reports').getByText('待审核').first().waitFor();
    await shot(clerk, '05-finance-task-submitted');
    // Its own tasks only, on the dashboard too.
    await clerk.goto(`${server.url}/plans/${PLAN}`);
    await clerk.getByTestId('task-link-20').waitFor();
    expect(await clerk.getByTestId('task-link-1').count()).toBe(0);
    await shot(clerk, '03-finance-dashboard-own-tasks');
    // The report handed in, the todo is gone from its workbench.
    await clerk.getByTestId('nav').getByText('工作台').click();
    await clerk.getByTestId('workbench-page').waitFor();
    await clerk.locator('[data-testid^="todo-"]').first().waitFor();
    expect(await toWrite.count()).toBe(0);

    // The coordinator's workbench now asks for its review; the todo leads to the review queue.
    await coordinator.goto(`${server.url}/workbench`);
    const toReview = coordinator.locator('[data-testid^="todo-action-plans:report_to_review:"]', {
      hasText: '（二十）',
    });
    await toReview.first().waitFor();
    await toReview.first().getByTestId('todo-link').click();
    await coordinator.waitForURL(/\/review$/);
    const row = coordinator.locator('[data-testid^="review-row-"]', { hasText: '（二十）' }).first();
    await row.getByTestId('review-open').click();
    await coordinator.getByTestId('report-details').waitFor();
    await expect(coordinator.getByTestId('report-details').innerText()).resolves.toContain('8600');
    await shot(coordinator, '06-coordinator-review');
    await coordinator.getByTestId('review-approve').click();
    await row.waitFor({ state: 'detached' });

    // 消息中心: the bureau learns its report was approved — the bell counts it, the page says it.
    await clerk.reload();
    await expect
      .poll(async () => Number(await clerk.getByTestId('notifications-badge').getAttribute('data-count')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await clerk.getByTestId('notifications-badge').click();
    await clerk.getByTestId('notifications-page').waitFor();
    const notice = clerk.locator('[data-testid^="notification-"]', { hasText: '（二十）' }).first();
    await expect(notice.innerText()).resolves.toContain('通过');
    await shot(clerk, '12-finance-notifications');

    await coordinator.goto(`${server.url}/plans/${PLAN}`);
    await coordinator.getByTestId('kpi-indicators').waitFor();
    await expect.poll(() => metIndicators(coordinator), { timeout: 10_000 }).toBe(metBefore + 1);
    await shot(coordinator, '07-coordinator-dashboard-after');

    const evidence = (await fetch(`${server.url}/api/public/plans/${PLAN}`).then((r) => r.json())) as {
      indicators: Array<{
        code: string;
        latestValue: number;
        status: string;
        periods: Array<{ label: string; value: number | null; status: string }>;
      }>;
    };
    const perStudent = evidence.indicators.find((i) => i.code === 'T20-PER-STUDENT');
    expect(perStudent).toMatchObject({ latestValue: 8600, status: 'met' });
    // 每年达到: judged per year, the year reported now is 2022.
    expect(perStudent?.periods.map((p) => `${p.label}:${p.status}`)).toEqual([
      '2020年度:met',
      '2021年度:met',
      '2022年度:met',
    ]);
    expect(perStudent?.periods[2]?.value).toBe(8600);
    // Dashboard charts, forms and the upload all ran under the strict content policy.
    expect([...violations, ...clerkViolations]).toEqual([]);
  });
});

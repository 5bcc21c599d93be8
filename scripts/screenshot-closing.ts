/**
 * Screenshots of closing the demo plan (终期评估 → 关闭计划) on a fresh demo server:
 * `node --import tsx scripts/screenshot-closing.ts [outDir]` (after `npm run build`). Closes the
 * plan on that throw-away server only: the dashboard today and at a 2021 period, the evaluation
 * page before and after, the dashboard and the portal once closed, and the first page of the final
 * evaluation report.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'closing'));
fs.mkdirSync(out, { recursive: true });
const PLAN = 'shangdang-vet-2020';

async function snap(page: Page, name: string, url: string, waitFor: string, fullPage = false) {
  await page.goto(url);
  await page.locator(waitFor).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log(`  ${path.join(out, `${name}.png`)}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const base = server.url;
  await firstSignIn(page, server, 'coordinator');
  await snap(page, '01-dashboard-ended', `${base}/plans/${PLAN}`, '[data-testid="lifecycle-ended"]');
  // A past period reads as it stood then: the second quarter of 2021.
  const periods = (await (await page.request.get(`${base}/api/plans/${PLAN}/periods`)).json()) as {
    items: Array<{ id: string; label: string }>;
  };
  const q2of2021 = periods.items.find((p) => p.label === '2021年第2季度')!;
  await snap(
    page,
    '00-dashboard-2021-q2',
    `${base}/plans/${PLAN}?period=${q2of2021.id}`,
    '[data-testid="kpi-indicators"]',
  );
  await snap(
    page,
    '02-evaluation-draft',
    `${base}/plans/${PLAN}/evaluation`,
    '[data-testid="evaluation-tasks"]',
  );
  // The last quarter's reports waiting for review are approved first (closing waits for them).
  await page.goto(`${base}/review`);
  await page.getByTestId('review-page').waitFor();
  const rows = page.locator('[data-testid^="review-row-"]');
  await page.waitForLoadState('networkidle');
  while ((await rows.count()) > 0) {
    const row = page.getByTestId((await rows.first().getAttribute('data-testid'))!);
    await row.getByTestId('review-open').click();
    await page.getByTestId('report-details').waitFor();
    await page.getByTestId('review-approve').click();
    await row.waitFor({ state: 'detached' });
  }
  await page.goto(`${base}/plans/${PLAN}/evaluation`);
  await page.getByTestId('evaluation-tasks').waitFor();
  await page
    .getByTestId('evaluation-narrative')
    .fill('计划实施期内，全区职业教育改革各项任务总体推进，多数指标按期达成。');
  await page.getByTestId('close-plan').click();
  await page.getByTestId('close-plan-confirm').click();
  await page.locator('[data-testid="evaluation-state"]', { hasText: '已收官' }).waitFor({ timeout: 60_000 });
  await snap(
    page,
    '03-evaluation-closed',
    `${base}/plans/${PLAN}/evaluation`,
    '[data-testid="evaluation-tasks"]',
  );
  await snap(page, '04-dashboard-closed', `${base}/plans/${PLAN}`, '[data-testid="lifecycle-closed"]');
  await snap(page, '05-indicators-closed', `${base}/indicators`, '[data-testid="verdict-tag"]');
  await snap(page, '06-portal-closed', base, '[data-testid="public-closed"]');
  const res = await page.request.get(`${base}/api/plans/${PLAN}/final-evaluation.pdf`);
  if (!res.ok()) throw new Error(`final evaluation PDF: ${res.status()}`);
  const pdf = path.join(out, '07-final-evaluation.pdf');
  fs.writeFileSync(pdf, await res.body());
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '2',
    pdf,
    path.join(out, '07-final-evaluation'),
  ]);
  console.log(`  ${pdf} (+ -1.png, -2.png)`);
  const alerts = (await (await page.request.get(`${base}/api/alerts`)).json()) as {
    items: Array<{ source: string }>;
  };
  console.log(`  plan alerts after closing: ${alerts.items.filter((a) => a.source === 'plan').length}`);
} finally {
  await browser.close();
  await server.stop();
}

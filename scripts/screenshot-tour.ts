/**
 * A tour of the main pages on a fresh demo server, for reviewing the UI and for release notes:
 * `node --import tsx scripts/screenshot-tour.ts [outDir]` (after `npm run build`; needs Debian
 * chromium and the CJK fonts). Writes one PNG per page (viewport, not full page) and the first
 * page of each generated document (督导报告, 会议纪要, 采纳情况说明) as PNG via pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'tour'));
fs.mkdirSync(out, { recursive: true });
const PLAN = 'shangdang-vet-2020';

async function snap(page: Page, name: string, url: string, waitFor?: string) {
  await page.goto(url);
  if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`  ${name}.png  ${url.replace(/^https?:\/\/[^/]+/, '')}`);
}

async function documentPage(page: Page, name: string, url: string) {
  const res = await page.request.get(url);
  if (!res.ok()) {
    // e.g. the consultation summary exists only once the consultation has closed.
    console.log(`  ${name}: not available (${res.status()}) ${url.replace(/^https?:\/\/[^/]+/, '')}`);
    return;
  }
  const pdf = path.join(out, `${name}.pdf`);
  fs.writeFileSync(pdf, await res.body());
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, path.join(out, name)]);
  console.log(`  ${name}-1.png (and -2)  ${url.replace(/^https?:\/\/[^/]+/, '')}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const base = server.url;
  await snap(page, '01-public-home', base, `[data-testid="public-plan-${PLAN}"]`);
  const consultations = (await (await page.request.get(`${base}/api/public/consultations`)).json()) as {
    items: Array<{ id: string }>;
  };
  const consultationId = consultations.items[0]!.id;
  await snap(
    page,
    '02-public-consultation',
    `${base}/consultations/${consultationId}`,
    '[data-testid^="consultation-clause-"]',
  );
  const reports = (await (await page.request.get(`${base}/api/public/supervision-reports`)).json()) as {
    items: Array<{ id: string }>;
  };
  await snap(
    page,
    '03-public-supervision-report',
    `${base}/public/supervision-reports/${reports.items[0]!.id}`,
  );
  await snap(page, '04-public-enrollment-lookup', `${base}/public/enrollment/results`);
  // The phone views (05–09, 17–19) come from scripts/screenshot-phone.ts.

  await firstSignIn(page, server, 'coordinator');
  await snap(page, '10-plan-overview', `${base}/plans/${PLAN}`, '[data-testid="kpi-indicators"]');
  await snap(page, '11-indicators', `${base}/indicators`);
  await snap(
    page,
    '20-supervision-dashboard',
    `${base}/supervision`,
    '[data-testid="supervision-kpi-open-orders"]',
  );
  await snap(page, '21-inspections', `${base}/supervision/inspections`, '[data-testid^="inspection-row-"]');
  const inspections = (await (await page.request.get(`${base}/api/supervision/inspections`)).json()) as {
    items: Array<{ id: string; state: string }>;
  };
  const running = inspections.items.find((i) => i.state === 'in_progress') ?? inspections.items[0]!;
  const done = inspections.items.find((i) => i.state === 'completed') ?? inspections.items[0]!;
  await snap(
    page,
    '22-inspection',
    `${base}/supervision/inspections/${running.id}`,
    '[data-testid^="finding-row-"]',
  );
  const orders = (await (await page.request.get(`${base}/api/supervision/orders`)).json()) as {
    items: Array<{ id: string; state: string }>;
  };
  const answered = orders.items.find((o) => o.state === 'answered') ?? orders.items[0]!;
  await snap(page, '23-order', `${base}/supervision/orders/${answered.id}`, '[data-testid="order-state"]');
  await snap(page, '24-orders', `${base}/supervision/orders`, '[data-testid^="order-row-"]');
  await snap(page, '25-assessment', `${base}/supervision/assessment`);
  await snap(page, '30-meetings', `${base}/meetings`, '[data-testid^="meeting-row-"]');
  const meetings = (await (await page.request.get(`${base}/api/meetings`)).json()) as {
    items: Array<{ id: string; state: string }>;
  };
  const planned = meetings.items.find((m) => m.state === 'planned') ?? meetings.items[0]!;
  const held = meetings.items.find((m) => m.state !== 'planned') ?? meetings.items[0]!;
  await snap(page, '31-meeting', `${base}/meetings/${planned.id}`);
  await snap(page, '32-action-items', `${base}/meetings/action-items`, '[data-testid^="action-item-row-"]');
  await snap(page, '40-consultation-manage', `${base}/consultation/${consultationId}`);
  await snap(page, '50-enrollment', `${base}/enrollment`);
  await snap(page, '51-enrollment-simulation', `${base}/enrollment/simulation`);
  await snap(page, '60-teachers', `${base}/teachers`, '[data-testid^="teacher-row-"]');
  await snap(page, '61-dq-ratio', `${base}/teachers/ratio`, '[data-testid^="dq-ratio-"]');
  await snap(page, '62-dq-applications', `${base}/teachers/dq`);
  await snap(page, '70-programs', `${base}/programs`);
  await snap(page, '71-projects', `${base}/programs/projects`);
  await snap(page, '72-resources', `${base}/programs/resources`);
  await snap(page, '80-alerts', `${base}/alerts`);

  await documentPage(
    page,
    'doc-supervision-report',
    `${base}/api/supervision/inspections/${done.id}/report.pdf`,
  );
  await documentPage(page, 'doc-meeting-minutes', `${base}/api/meetings/${held.id}/minutes.pdf`);
  await documentPage(
    page,
    'doc-consultation-summary',
    `${base}/api/consultations/${consultationId}/summary.pdf`,
  );
  console.log(`written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}

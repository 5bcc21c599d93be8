/**
 * The portal and the main signed-in pages on a 390 × 844 phone, each beside its 1440 × 900 desktop
 * view, on a fresh demo server: `node --import tsx scripts/screenshot-phone.ts [outDir]` (after
 * `npm run build`; Debian chromium and the CJK fonts). Writes `NN-phone-*.png` (viewport, as the
 * phone shows it) and `wide-*.png` (the same page on a desktop, for comparing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { demoAdmissionYear } from '../apps/server/src/modules/enrollment/enrollment.demo.ts';
import {
  makeCandidates,
  PRESENT_SEASON,
} from '../apps/server/src/modules/enrollment/enrollment.demo-data.ts';
import { firstSignIn, launchBrowser, ROOT, startServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'phone-tour'));
fs.mkdirSync(out, { recursive: true });
const PLAN = 'shangdang-vet-2020';

async function snap(page: Page, name: string, url?: string, waitFor?: string) {
  if (url) await page.goto(url);
  if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`  ${name}.png  ${page.url().replace(/^https?:\/\/[^/]+/, '')}`);
}

const phoneOf = (browser: Browser) =>
  browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
const desktopOf = (browser: Browser) => browser.newPage({ viewport: { width: 1440, height: 900 } });

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const base = server.url;
  const get = async <T>(page: Page, p: string) => (await (await page.request.get(`${base}${p}`)).json()) as T;
  const phone = await phoneOf(browser);
  const wide = await desktopOf(browser);
  const plan = await get<{
    indicators: Array<{ code: string; taskLabel: string; periods: unknown[] }>;
    sections: Array<{ tasks: Array<{ number: number; label: string }> }>;
  }>(phone, `/api/public/plans/${PLAN}`);
  // A recurring target shows its per-period verdicts.
  const indicator = plan.indicators.find((i) => i.periods.length > 0) ?? plan.indicators[0]!;
  const task = plan.sections.flatMap((s) => s.tasks).find((x) => x.label === indicator.taskLabel)!;
  const { items: consultations } = await get<{ items: Array<{ id: string }> }>(
    phone,
    '/api/public/consultations',
  );
  const pages: Array<[string, string, string]> = [
    ['05-phone-public-home', '/', `[data-testid="public-plan-${PLAN}"]`],
    [
      '07-phone-public-consultation',
      `/consultations/${consultations[0]!.id}`,
      '[data-testid^="consultation-clause-"]',
    ],
    ['09-phone-cutoffs', '/public/enrollment/cutoffs', '[data-testid="cutoff-row-0"]'],
    ['09a-phone-public-task', `/public/plans/${PLAN}/tasks/${task.number}`, '[data-testid="public-task"]'],
    [
      '09b-phone-public-indicator',
      `/public/plans/${PLAN}/indicators/${indicator.code}`,
      '[data-testid="public-indicator"]',
    ],
  ];
  for (const [name, url, ready] of pages) {
    await snap(phone, name, `${base}${url}`, ready);
    await snap(wide, name.replace(/^\d+\w?-phone-/, 'wide-'), `${base}${url}`, ready);
  }

  // A candidate of the demo's last season looks up the result.
  const candidate = makeCandidates(
    demoAdmissionYear(new Date().toISOString().slice(0, 10)),
    PRESENT_SEASON.candidates,
  )[3]!;
  for (const [page, name] of [
    [phone, '06-phone-public-lookup'],
    [wide, 'wide-public-lookup'],
  ] as const) {
    await page.goto(`${base}/public/enrollment/results`);
    await page.getByTestId('lookup-exam-number').fill(candidate.exam);
    await page.getByTestId('lookup-id-number').fill(candidate.id);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').waitFor({ timeout: 30_000 });
    await page.getByTestId('lookup-result').evaluate((el) => el.scrollIntoView());
    await snap(page, name, undefined, '[data-testid="lookup-result"]');
  }
  await phone.goto(base);
  await phone.getByTestId('public-menu').click();
  await snap(phone, '08-phone-public-menu', undefined, '.ant-drawer [data-testid="public-home-link"]');

  const clerk = await phoneOf(browser);
  await firstSignIn(clerk, server, 'finance');
  await snap(clerk, '17-phone-dashboard', `${base}/plans/${PLAN}`, '[data-testid="kpi-indicators"]');
  await clerk.getByTestId('nav-open').click();
  await snap(clerk, '18-phone-nav-drawer', undefined, '[data-testid="nav"]');
  await clerk.keyboard.press('Escape');
  await clerk.getByTestId('header-user').click();
  await snap(clerk, '19-phone-account-menu', undefined, '[data-testid="header-user-who"]');
  await snap(clerk, '19a-phone-progress', `${base}/progress`, '.ant-table, .ant-card');
  await firstSignIn(wide, server, 'coordinator');
  const coordinator = await phoneOf(browser);
  await coordinator.context().addCookies(await wide.context().cookies());
  await snap(coordinator, '19b-phone-supervision', `${base}/supervision`, '.ant-card');
  await snap(coordinator, '19c-phone-teachers', `${base}/teachers`, '.ant-table, .ant-card');
  await snap(wide, 'wide-dashboard', `${base}/plans/${PLAN}`, '[data-testid="kpi-indicators"]');
  console.log(`written to ${out}`);
} finally {
  await browser.close();
  await server.stop();
}

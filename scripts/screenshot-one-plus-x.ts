/**
 * 1+X统计 (/learners/one-plus-x) at 1440 × 900 and on a 390 × 844 phone, as the coordinator (the
 * district: both schools, the first opened per major, the total) and 区职业高中 (`vhs`: its own):
 * `node --import tsx scripts/screenshot-one-plus-x.ts [outDir]` (after `npm run build`; it starts a
 * fresh demo server). Writes `<user>-one-plus-x-wide.png` and `-phone.png` (full page).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer, type RunningServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'one-plus-x-tour'));
fs.mkdirSync(out, { recursive: true });
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const YEAR = 2021;

async function snap(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

/** A signed-in page at each width, sharing the account's cookies. */
async function pages(browser: Browser, server: RunningServer, username: string) {
  const wide = await browser.newPage({ viewport: WIDE });
  await firstSignIn(wide, server, username);
  const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await phone.context().addCookies(await wide.context().cookies());
  return { wide, phone };
}

async function both(two: { wide: Page; phone: Page }, url: string, name: string) {
  await two.wide.goto(url);
  await two.wide.getByTestId('one-plus-x-row-school').first().waitFor({ timeout: 60_000 });
  await two.wide.locator('.ant-table-row-expand-icon').first().click();
  await snap(two.wide, `${name}-wide`);
  await two.phone.goto(url);
  await two.phone.getByTestId('one-plus-x-row-school').first().waitFor({ timeout: 60_000 });
  await snap(two.phone, `${name}-phone`);
}

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const url = `${server.url}/learners/one-plus-x?year=${YEAR}`;
  const coordinator = await pages(browser, server, 'coordinator');
  await both(coordinator, url, 'coordinator-one-plus-x');
  // Task （十六）'s yearly indicators as live numbers on the plan's indicator list.
  await coordinator.wide.goto(`${server.url}/indicators`);
  await coordinator.wide.locator('.ant-pagination-item-2').first().click({ timeout: 60_000 });
  const pass = coordinator.wide.getByText('“1+X”证书考核通过率').first();
  await pass.waitFor({ timeout: 60_000 });
  await pass.scrollIntoViewIfNeeded();
  await coordinator.wide.waitForTimeout(700);
  await coordinator.wide.screenshot({ path: path.join(out, 'coordinator-t16-indicators-wide.png') });
  console.log('  coordinator-t16-indicators-wide.png');
  await both(await pages(browser, server, 'vhs'), url, 'vhs-one-plus-x');
} finally {
  await browser.close();
  await server.stop();
}

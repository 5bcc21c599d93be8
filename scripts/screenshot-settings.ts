/**
 * The settings page (区级设置), each tab at 1440 × 900 and on a 390 × 844 phone, signed in as the
 * coordinator on a fresh demo server: `node --import tsx scripts/screenshot-settings.ts [outDir]`
 * (after `npm run build`). Writes `settings-<tab>-wide.png` and `settings-<tab>-phone.png`
 * (full page).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'settings-tour'));
fs.mkdirSync(out, { recursive: true });
const TABS: Array<[tab: string, ready: string]> = [
  ['dq', '[data-testid="dq-criteria"]'],
  ['periods', '[data-testid^="period-"]'],
  ['catalogue', '[data-testid="catalogue-version"]'],
  ['uploads', '[data-testid="upload-max"]'],
];

async function snap(page: Page, url: string, ready: string, name: string) {
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const wide = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await firstSignIn(wide, server, 'coordinator');
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.context().addCookies(await wide.context().cookies());
  for (const [tab, ready] of TABS) {
    await snap(wide, `${server.url}/settings?tab=${tab}`, ready, `settings-${tab}-wide`);
    await snap(phone, `${server.url}/settings?tab=${tab}`, ready, `settings-${tab}-phone`);
  }
  // The criteria in edit mode, as the reviewer changes them.
  await wide.goto(`${server.url}/settings?tab=dq`);
  await wide.getByTestId('dq-criteria-edit').click();
  await wide.waitForTimeout(500);
  await wide.screenshot({ path: path.join(out, 'settings-dq-edit-wide.png'), fullPage: true });
  console.log('  settings-dq-edit-wide.png');
  // The ratio page shows the part-time setting and links to the settings page.
  await snap(wide, `${server.url}/teachers/ratio`, '[data-testid="dq-settings-link"]', 'ratio-link-wide');
} finally {
  await browser.close();
  await server.stop();
}

/**
 * The training-bases pages (实训基地, 职教集团) at 1440 × 900 and on a 390 × 844 phone, as
 * 区发改科技局 (`drc`: the bases, 易通集团's base with its utilisation, the base form), 区职业高中
 * (`vhs`: the bases it may book, the booking form) and the coordinator (the group):
 * `node --import tsx scripts/screenshot-training-bases.ts [outDir]` (after `npm run build`; it
 * starts a fresh demo server). Writes `<user>-<page>-wide.png` and `-phone.png` (full page).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer, type RunningServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'training-bases-tour'));
fs.mkdirSync(out, { recursive: true });
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

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

async function both(two: { wide: Page; phone: Page }, url: string, ready: string, name: string) {
  for (const [p, suffix] of [
    [two.wide, 'wide'],
    [two.phone, 'phone'],
  ] as const) {
    await p.goto(url);
    await p.locator(ready).first().waitFor({ timeout: 60_000 });
    await snap(p, `${name}-${suffix}`);
  }
}

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const d = await pages(browser, server, 'drc');
  await both(d, `${server.url}/training-bases`, '[data-testid="base-link"]', 'drc-bases');
  await d.wide.goto(`${server.url}/training-bases`);
  await d.wide.getByTestId('base-link').first().waitFor();
  const yitong = d.wide.getByTestId('base-link').filter({ hasText: '易通集团' });
  const baseUrl = `${server.url}${await yitong.first().getAttribute('href')}`;
  await both(d, baseUrl, '[data-testid="base-utilisation"]', 'drc-base');
  await d.wide.getByTestId('edit-base').click();
  await d.wide.getByTestId('base-name').waitFor();
  await snap(d.wide, 'drc-base-form-wide');

  const v = await pages(browser, server, 'vhs');
  await both(v, `${server.url}/training-bases`, '[data-testid="base-link"]', 'vhs-bases');
  await v.wide.goto(baseUrl);
  await v.wide.getByTestId('book-base').click();
  await v.wide.getByTestId('booking-size').waitFor();
  await snap(v.wide, 'vhs-booking-form-wide');

  const c = await pages(browser, server, 'coordinator');
  await both(c, `${server.url}/vet-groups`, '[data-testid="vet-group"]', 'coordinator-groups');
} finally {
  await browser.close();
  await server.stop();
}

/**
 * The cooperation pages (校企合作) at 1440 × 900 and on a 390 × 844 phone, as 区职教中心 (`vec`:
 * agreements, the agreement form, an apprenticeship with its stages, the centres) and 易通集团
 * (`yitong`: the class waiting for its approval): `node --import tsx scripts/screenshot-cooperation.ts
 * [outDir]` (after `npm run build`; it starts a fresh demo server). Writes `<user>-<page>-wide.png`
 * and `-phone.png` (full page).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer, type RunningServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'cooperation-tour'));
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

/** Opens `url` on both widths and saves `<name>-wide` and `<name>-phone`, after `ready` shows. */
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
  const v = await pages(browser, server, 'vec');
  await both(v, `${server.url}/cooperation/agreements`, '[data-testid="agreement-link"]', 'vec-agreements');
  await v.wide.getByTestId('new-agreement').click();
  await v.wide.getByTestId('agreement-title').waitFor();
  await snap(v.wide, 'vec-agreement-form-wide');
  await v.wide.goto(`${server.url}/cooperation/apprenticeships`);
  await v.wide.getByTestId('apprenticeship-link').first().waitFor();
  const hrefs = await v.wide
    .getByTestId('apprenticeship-link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await both(
    v,
    `${server.url}/cooperation/apprenticeships`,
    '[data-testid="apprenticeship-link"]',
    'vec-apprenticeships',
  );
  await both(v, `${server.url}${hrefs.at(-1)}`, '.ant-descriptions', 'vec-apprenticeship');
  await both(v, `${server.url}/cooperation/centres`, '[data-testid="centre-link"]', 'vec-centres');
  await v.wide.goto(`${server.url}/cooperation/centres`);
  await v.wide.getByTestId('centre-link').first().click();
  await v.wide.getByTestId('centre-totals').waitFor();
  await snap(v.wide, 'vec-centre-wide');
  const y = await pages(browser, server, 'yitong');
  await y.wide.goto(`${server.url}/cooperation/apprenticeships?state=school_approved`);
  await y.wide.getByTestId('apprenticeship-link').first().click();
  await y.wide.getByTestId('enterprise-approval').waitFor();
  await snap(y.wide, 'yitong-approval-wide');
} finally {
  await browser.close();
  await server.stop();
}

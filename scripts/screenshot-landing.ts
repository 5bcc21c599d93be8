/**
 * Every demo account's landing page — where it arrives after its first sign-in — at 1440 × 900
 * and on a 390 × 844 phone, on a fresh demo server: `node --import tsx scripts/screenshot-landing.ts
 * [outDir]` (after `npm run build`; Debian chromium and the CJK fonts). Writes
 * `landing-<username>.png` and `landing-phone-<username>.png`, and prints where each account landed.
 * The administrators' pages are scripts/screenshot-admin.ts's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { firstSignIn, launchBrowser, newPassword, ROOT, startServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'landing-tour'));
fs.mkdirSync(out, { recursive: true });

async function snap(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  // The three administrators enrol TOTP at their first sign-in: scripts/screenshot-admin.ts.
  const named = process.argv.slice(3);
  const accounts = Object.keys(server.passwords).filter(
    (u) => !u.endsWith('admin') && (named.length === 0 || named.includes(u)),
  );
  for (const username of accounts.sort()) {
    const wide = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await firstSignIn(wide, server, username);
    const landed = new URL(wide.url()).pathname;
    // Again without the 密码已修改 notice over the header.
    await wide.goto(wide.url());
    await snap(wide, `landing-${username}`);
    await wide.close();
    // The same account on a phone, signed in with the password it now has.
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${server.url}/login`);
    await phone.getByTestId('login-username').fill(username);
    await phone.getByTestId('login-password').fill(newPassword(username));
    await phone.getByTestId('login-submit').click();
    await phone.waitForURL((url) => url.pathname !== '/login');
    await snap(phone, `landing-phone-${username}`);
    await phone.close();
    console.log(`  ${username.padEnd(14)} → ${landed}`);
  }
} finally {
  await browser.close();
  await server.stop();
}

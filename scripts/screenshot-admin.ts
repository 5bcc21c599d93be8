/**
 * The administrators' pages (三权分立) on a fresh demo server, at 1440 px and on a 390 px phone:
 * `node --import tsx scripts/screenshot-admin.ts [outDir]` (after `npm run build`). Each
 * administrator signs in for the first time as a person would: the one-time password, a new one,
 * then the TOTP authenticator (the new password again, and the code computed from the secret the
 * page shows).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../apps/server/src/platform/auth/totp.ts';
import {
  firstSignIn,
  launchBrowser,
  newPassword,
  ROOT,
  startServer,
  type RunningServer,
} from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'tour-admin'));
fs.mkdirSync(out, { recursive: true });

async function snap(page: Page, name: string, url: string | null, waitFor?: string) {
  if (url) await page.goto(url);
  if (waitFor) await page.locator(waitFor).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`  ${name}.png`);
}

/** First sign-in of an administrator: new password, then the authenticator. */
async function adminSignIn(browser: Browser, server: RunningServer, username: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await firstSignIn(page, server, username).catch(() => undefined);
  await page.waitForURL(/\/account\/totp/);
  // Generating the secret asks for the password: the one just set.
  const start = page.getByTestId('totp-start').first();
  await start.waitFor();
  await page.getByTestId('totp-current-password').fill(newPassword(username));
  await start.click();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  await page.getByTestId('totp-code').fill(totpCode(secret, Date.now()));
  await page.getByTestId('totp-confirm').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account'));
  return page;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const base = server.url;
  const sec = await adminSignIn(browser, server, 'secadmin');
  await snap(sec, 'a1-users-secadmin', `${base}/admin/users`, '[data-testid="users-page"]');
  const grant = sec.locator('[data-testid^="user-grant-"]').first();
  if (await grant.count()) {
    await grant.click();
    await sec.waitForTimeout(800);
    await snap(sec, 'a2-grant-role', null);
    await sec.keyboard.press('Escape');
  }
  const audit = await adminSignIn(browser, server, 'auditadmin');
  await snap(audit, 'a3-audit', `${base}/admin/audit`, '[data-testid="audit-page"]');
  await audit.getByTestId('audit-verify').click();
  await audit.waitForTimeout(1500);
  await snap(audit, 'a4-audit-verified', null);
  await audit.getByTestId('audit-alerts').click();
  await snap(audit, 'a5-audit-alerts', null);
  const sys = await adminSignIn(browser, server, 'sysadmin');
  await snap(sys, 'a6-users-sysadmin', `${base}/admin/users`, '[data-testid="users-page"]');
  await sys.getByTestId('user-create').click();
  await sys.waitForTimeout(800);
  await snap(sys, 'a7-create-user', null);
  // The newcomer without a role, and the TOTP page a signed-in user opens to replace a secret.
  const newcomer = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (server.passwords.newcomer) {
    await firstSignIn(newcomer, server, 'newcomer').catch(() => undefined);
    await snap(newcomer, 'a8-awaiting-role', null);
  }
  await snap(sec, 'a9-totp-replace', `${base}/account/totp`);
  await sec.setViewportSize({ width: 390, height: 844 });
  await snap(sec, 'a10-phone-users', `${base}/admin/users`, '[data-testid="users-page"]');
  await audit.setViewportSize({ width: 390, height: 844 });
  await snap(audit, 'a12-phone-audit', `${base}/admin/audit`, '[data-testid="audit-page"]');
  const login = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await snap(login, 'a11-phone-login', `${base}/login`, '[data-testid="login-username"]');
} finally {
  await browser.close();
  await server.stop();
}

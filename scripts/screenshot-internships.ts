/**
 * The internships pages (学生实习) at 1440 × 900 and on a 390 × 844 phone, as 振东集团 (`zhendong`:
 * posts, the post form, a post, its placements, the attendance log), 区职业高中 (`vhs`: placements,
 * the placement form, a placement refused at 启动实习 with its checklist, the document form) and
 * the coordinator (the district's read): `node --import tsx scripts/screenshot-internships.ts
 * [outDir]` (after `npm run build`; it starts a fresh demo server, or uses the running one at
 * `ZHIJIAO_URL` whose demo passwords have already been changed to the journeys' password).
 * Writes `<user>-<page>-wide.png` and `-phone.png` (full page), and `en-…` in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckChar } from '../apps/server/src/platform/validation/identifiers.ts';
import {
  firstSignIn,
  launchBrowser,
  newPassword,
  ROOT,
  startServer,
  type RunningServer,
} from '../e2e/support.ts';

/** A synthetic, valid 居民身份证号 (上党区, 140404) of a student `age` years old today. */
function syntheticId(age: number): string {
  const born = new Date();
  born.setFullYear(born.getFullYear() - age, 0, 1);
  const body = `140404${born.getFullYear()}0101${String(Date.now() % 450).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'internships-tour'));
fs.mkdirSync(out, { recursive: true });
const WIDE = { width: 1440, height: 900 };
// A minimal valid PDF: the upload guard checks the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PHONE = { width: 390, height: 844 };

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
}

async function snap(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

/** A form in its modal, whole: the viewport grows to the modal's height for the picture. */
async function snapModal(page: Page, name: string) {
  await settle(page);
  const size = page.viewportSize()!;
  const box = await page.locator('.ant-modal').last().boundingBox();
  const height = Math.max(size.height, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 120));
  await page.setViewportSize({ width: size.width, height });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await page.setViewportSize(size);
  console.log(`  ${name}.png`);
}

/** The accounts whose first sign-in (the password change) this run has done. */
const changed = new Set<string>();

/** A signed-in page at each width, sharing the account's cookies. */
async function pages(browser: Browser, server: RunningServer, username: string, lang: 'zh' | 'en' = 'zh') {
  const wide = await browser.newPage({ viewport: WIDE });
  let signedIn = false;
  if (process.env.ZHIJIAO_URL || changed.has(username)) {
    // A running server: the account may already have its new password.
    await wide.goto(`${server.url}/login`);
    await wide.getByTestId('login-username').fill(username);
    await wide.getByTestId('login-password').fill(newPassword(username));
    await wide.getByTestId('login-submit').click();
    signedIn = await wide
      .waitForURL((url) => url.pathname !== '/login', { timeout: 5000 })
      .then(() => true)
      .catch(() => false);
  }
  if (!signedIn) await firstSignIn(wide, server, username);
  changed.add(username);
  const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await phone.context().addCookies(await wide.context().cookies());
  for (const p of [wide, phone]) await p.addInitScript((l) => localStorage.setItem('zhijiao.lang', l), lang);
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

/** The one-time passwords a running server printed at its first start (`ZHIJIAO_LOG`). */
function printedPasswords(): Record<string, string> {
  const log = process.env.ZHIJIAO_LOG ? fs.readFileSync(process.env.ZHIJIAO_LOG, 'utf8') : '';
  return Object.fromEntries([...log.matchAll(/^ {2}(\S+)\s+(\S+)\s{3}/gm)].map((m) => [m[1]!, m[2]!]));
}

const server: RunningServer = process.env.ZHIJIAO_URL
  ? {
      url: process.env.ZHIJIAO_URL,
      dataDir: '',
      passwords: printedPasswords(),
      output: () => '',
      stop: async () => {},
    }
  : await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const only = (section: string) => !process.env.ONLY || process.env.ONLY.split(',').includes(section);
  if (only('zhendong')) {
    // 振东集团: its posts, the form, a post with its placements, its interns' attendance.
    const z = await pages(browser, server, 'zhendong');
    await both(z, `${server.url}/internships/posts`, '[data-testid="post-link"]', 'zhendong-posts');
    await z.wide.getByTestId('new-post').click();
    await z.wide.getByTestId('post-title').waitFor();
    await snapModal(z.wide, 'zhendong-post-form-wide');
    await z.phone.goto(`${server.url}/internships/posts`);
    await z.phone.getByTestId('new-post').click();
    await z.phone.getByTestId('post-title').waitFor();
    await snapModal(z.phone, 'zhendong-post-form-phone');
    await z.wide.goto(`${server.url}/internships/posts`);
    await z.wide.getByTestId('post-link').first().waitFor();
    const postUrl = `${server.url}${await z.wide.getByTestId('post-link').first().getAttribute('href')}`;
    await both(z, postUrl, '[data-testid="internship-post-page"] .ant-descriptions', 'zhendong-post');
    await both(
      z,
      `${server.url}/internships/placements`,
      '[data-testid="placement-link"]',
      'zhendong-placements',
    );
    await z.wide.goto(`${server.url}/internships/placements?state=active`);
    await z.wide.getByTestId('placement-link').first().waitFor();
    const activeUrl = `${server.url}${await z.wide.getByTestId('placement-link').first().getAttribute('href')}`;
    await both(z, activeUrl, '[data-testid="attendance-card"]', 'zhendong-placement-attendance');
    await z.wide.getByTestId('attendance-add').click();
    await z.wide.locator('.ant-modal').waitFor();
    await snapModal(z.wide, 'zhendong-attendance-form-wide');
  }

  // 区职业高中: its placements, the placement form on 振东集团's post, a placement refused at 启动实习.
  const v = await pages(browser, server, 'vhs');
  await both(v, `${server.url}/internships/placements`, '[data-testid="placement-link"]', 'vhs-placements');
  await both(v, `${server.url}/internships/posts`, '[data-testid="post-link"]', 'vhs-posts');
  await v.wide.goto(`${server.url}/internships/posts?state=published`);
  await v.wide.getByTestId('post-link').first().waitFor();
  await v.wide.locator('[data-testid="post-link"]', { hasText: '药品生产线' }).first().click();
  await v.wide.getByTestId('place-student').click();
  await v.wide.getByTestId('placement-student').waitFor();
  await snapModal(v.wide, 'vhs-placement-form-wide');
  const placeUrl = v.wide.url();
  await v.phone.goto(placeUrl);
  await v.phone.getByTestId('place-student').click();
  await v.phone.getByTestId('placement-student').waitFor();
  await snapModal(v.phone, 'vhs-placement-form-phone');
  await v.wide.getByTestId('placement-student').fill('测试学生');
  await v.wide.getByTestId('placement-id').fill(syntheticId(17));
  await v.wide.getByTestId('placement-guardian').fill('测试家长');
  await v.wide.getByTestId('placement-save').click();
  await v.wide.waitForURL(/\/internships\/placements\//, { timeout: 15_000 }).catch(async () => {
    await snap(v.wide, 'vhs-placement-form-error-wide');
    throw new Error('placement not created');
  });
  await v.wide.getByTestId('activation-checklist').waitFor();
  await v.wide.getByTestId('activate').click();
  await v.wide.waitForTimeout(1500);
  await snap(v.wide, 'vhs-placement-refused-wide');
  await v.phone.goto(v.wide.url());
  await v.phone.getByTestId('activation-checklist').waitFor();
  await snap(v.phone, 'vhs-placement-refused-phone');
  await v.wide.getByTestId('put-insurance').click();
  await v.wide.locator('.ant-modal').waitFor();
  await snapModal(v.wide, 'vhs-documents-insurance-wide');
  await v.phone.getByTestId('put-consent').click();
  await v.phone.locator('.ant-modal').waitFor();
  await snapModal(v.phone, 'vhs-documents-consent-phone');

  // The agreement and the consent on file, and a policy that ends a month early: 启动实习 names it.
  const placementId = v.wide.url().split('/').pop()!;
  const api = v.wide.request;
  const { csrfToken } = (await (await api.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const upload = async (name: string) =>
    (
      (await (
        await api.post(`${server.url}/api/files`, {
          headers,
          multipart: { file: { name, mimeType: 'application/pdf', buffer: PDF } },
        })
      ).json()) as { id: string }
    ).id;
  const placement = (
    (await (await api.get(`${server.url}/api/internship-placements/${placementId}`)).json()) as {
      placement: { startsOn: string; endsOn: string };
    }
  ).placement;
  const monthEarly = new Date(`${placement.endsOn}T00:00:00Z`);
  monthEarly.setUTCMonth(monthEarly.getUTCMonth() - 1);
  const put = await api.put(`${server.url}/api/internship-placements/${placementId}/documents`, {
    headers,
    data: {
      agreement: { fileId: await upload('三方协议-测试学生.pdf'), signedOn: placement.startsOn },
      consent: {
        fileId: await upload('知情同意书-测试学生.pdf'),
        studentSignedOn: placement.startsOn,
        guardianSignedOn: placement.startsOn,
      },
      insurance: {
        insurer: '中国人民财产保险股份有限公司长治市分公司',
        policyNumber: 'PZBA20261404TEST',
        startsOn: placement.startsOn,
        endsOn: monthEarly.toISOString().slice(0, 10),
        premiumPaidBy: 'school',
        fileId: await upload('实习责任保险单-测试学生.pdf'),
      },
    },
  });
  if (!put.ok()) throw new Error(`documents: ${put.status()} ${await put.text()}`);
  await v.wide.reload();
  await v.wide.getByTestId('activate').click();
  await v.wide.getByTestId('reason-INSURANCE_PERIOD_SHORT').waitFor();
  await v.wide.waitForTimeout(1000);
  await snap(v.wide, 'vhs-placement-insurance-short-wide');
  // The school's placements on a phone, as the phone pictures in docs/screenshots are: one screen.
  await v.phone.goto(`${server.url}/internships/placements`);
  await v.phone.getByTestId('placement-link').first().waitFor();
  await settle(v.phone);
  await v.phone.screenshot({ path: path.join(out, 'vhs-placements-phone-screen.png') });
  console.log('  vhs-placements-phone-screen.png');

  // The coordinator reads the district's posts and placements.
  const c = await pages(browser, server, 'coordinator');
  await both(c, `${server.url}/internships/posts`, '[data-testid="post-link"]', 'coordinator-posts');
  await both(
    c,
    `${server.url}/internships/placements`,
    '[data-testid="placement-link"]',
    'coordinator-placements',
  );
  await both(c, v.wide.url(), '[data-testid="activation-checklist"]', 'coordinator-placement');

  // In English.
  const e = await pages(browser, server, 'vhs', 'en');
  await both(e, v.wide.url(), '[data-testid="activation-checklist"]', 'en-vhs-placement');
  await both(e, `${server.url}/internships/posts`, '[data-testid="post-link"]', 'en-vhs-posts');
} finally {
  await browser.close();
  await server.stop();
}

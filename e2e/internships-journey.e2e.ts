import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../apps/server/src/platform/validation/identifiers.ts';
import {
  cspViolations,
  firstSignIn,
  launchBrowser,
  newPassword,
  shot,
  startServer,
  type RunningServer,
} from './support.ts';

// A minimal valid PDF: the upload guard checks the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const DESKTOP = { width: 1440, height: 900 };
const POST = '中药提取车间岗位实习';
const STUDENT = '旅程测试生';

/** A China calendar date `days` from now, `YYYY-MM-DD` (the server and the pages count days in China). */
const chinaDay = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A synthetic, valid 居民身份证号 (上党区 140404) of a student 17 years and 60 days old. */
function minorId(): string {
  const born = new Date(Date.now() + 8 * 3600_000 - 60 * 86_400_000);
  born.setUTCFullYear(born.getUTCFullYear() - 17);
  const body = `140404${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(Date.now() % 400).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** Types a date (or a time) into an antd picker's input and confirms it. */
async function typeInto(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** Fills both inputs of an antd range picker carrying `testId` (antd puts it on each input). */
async function typeRange(page: Page, testId: string, from: string, to: string) {
  const inputs = page.locator(`input[data-testid="${testId}"]`);
  await typeInto(inputs.nth(0), from);
  await typeInto(inputs.nth(1), to);
  await expect.poll(() => inputs.nth(1).inputValue()).toBe(to);
}

/** Puts one document on file through its modal: the scan, then what `fill` types; saves. */
async function putDocument(page: Page, document: string, file: string, fill: () => Promise<void>) {
  await page.getByTestId(`put-${document}`).click();
  await page
    .getByTestId(`upload-${document}`)
    .locator('input[type=file]')
    .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId(`upload-${document}-item`).locator('.ant-upload-list-item-done').waitFor();
  await fill();
  await page.getByTestId('documents-save').click();
  // Gone from the page, not only hidden: the next document's modal must not find this one's fields.
  await page.getByTestId(`upload-${document}`).waitFor({ state: 'detached' });
}

/**
 * 学生实习, end to end in Chromium on one demo server: 振东集团 publishes a post; 区职业高中 places a
 * 17-year-old on it, is refused at 启动实习 with the missing documents named, puts the agreement,
 * the consent (the guardian's too) and a policy that ends before the internship does on file and
 * sees that reason, replaces the policy and starts the internship; 振东集团 then sees its intern and
 * records the day's attendance.
 */
describe('学生实习: publish a post, place a student, start only with the documents, keep attendance', () => {
  let server: RunningServer;
  let browser: Browser;
  let placementUrl = '';
  const startsOn = chinaDay(0);
  const endsOn = chinaDay(90);
  const newPage = () => browser.newPage({ viewport: DESKTOP, timezoneId: 'Asia/Shanghai' });
  /** Signs in again with the password the first sign-in set. */
  const signIn = async (page: Page, username: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(newPassword(username));
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname !== '/login');
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('振东集团 publishes a post, and 区职业高中 places a student on it', async () => {
    const enterprise = await newPage();
    const violations = cspViolations(enterprise);
    await firstSignIn(enterprise, server, 'zhendong');
    await enterprise.getByTestId('nav-internships').click();
    await enterprise.getByTestId('new-post').click();
    await enterprise.getByTestId('post-title').fill(POST);
    await typeRange(enterprise, 'post-period', startsOn, endsOn);
    await enterprise.getByTestId('post-location').fill('振东集团 制药基地 提取车间');
    await enterprise.getByTestId('post-pay').fill('3000');
    await enterprise.getByTestId('post-wage').fill('3500');
    await enterprise.getByTestId('post-staff').fill('40');
    await enterprise.getByTestId('post-publish').check();
    await enterprise.getByTestId('post-save').click();
    await enterprise.waitForURL(/\/internships\/posts\/[\w-]+$/);
    await enterprise.getByTestId('internship-post-page').getByText('已发布').first().waitFor();
    expect(violations).toEqual([]);
    await enterprise.close();

    const school = await newPage();
    await firstSignIn(school, server, 'vhs');
    await school.goto(`${server.url}/internships/posts?state=published`);
    await school.getByTestId('post-link').filter({ hasText: POST }).click();
    await school.getByTestId('place-student').click();
    await school.getByTestId('placement-student').fill(STUDENT);
    await school.getByTestId('placement-id').fill(minorId());
    // The post names no major: the clerk gives the student's.
    await expect(school.getByTestId('placement-major').inputValue()).resolves.toBe('');
    await school.getByTestId('placement-major').fill('中药');
    // A minor: the form asks for the guardian before it saves.
    await school.getByTestId('placement-save').click();
    await school.getByText('须填写监护人').waitFor();
    await school.getByTestId('placement-guardian').fill('旅程家长');
    await school.getByTestId('placement-save').click();
    await school.waitForURL(/\/internships\/placements\/[\w-]+$/);
    placementUrl = school.url();
    await school.close();
  });

  it('refuses 启动实习 naming the missing documents, then the policy that ends too soon, then starts', async () => {
    const school = await newPage();
    await signIn(school, 'vhs');
    await school.goto(placementUrl);

    await school.getByTestId('activate').click();
    await school.getByText('不满足启动实习的条件').waitFor();
    const checklist = school.getByTestId('activation-checklist');
    await expect(checklist.getByTestId('reason-AGREEMENT_MISSING').innerText()).resolves.toBe(
      '未签订学校、实习单位、学生三方实习协议',
    );
    await expect(checklist.getByTestId('reason-GUARDIAN_CONSENT_MISSING').innerText()).resolves.toContain(
      '缺少监护人知情同意书',
    );
    await expect(checklist.getByTestId('reason-INSURANCE_MISSING').innerText()).resolves.toBe(
      '未投保学生实习责任保险',
    );

    await putDocument(school, 'agreement', '三方协议.pdf', () =>
      typeInto(school.getByTestId('agreement-signed-on'), startsOn),
    );
    await putDocument(school, 'consent', '知情同意书.pdf', async () => {
      await typeInto(school.getByTestId('consent-student-signed-on'), startsOn);
      await typeInto(school.getByTestId('consent-guardian-signed-on'), startsOn);
    });
    // The policy runs out ten days before the internship does.
    const short = chinaDay(80);
    await putDocument(school, 'insurance', '实习责任保险单.pdf', async () => {
      await school.getByTestId('insurance-insurer').fill('中国人民财产保险股份有限公司长治市分公司');
      await school.getByTestId('insurance-policy').fill('PZBA-JOURNEY-01');
      await typeRange(school, 'insurance-period', startsOn, short);
    });
    await expect.poll(() => checklist.getByTestId('check-agreement').getAttribute('data-ok')).toBe('true');
    await expect(checklist.getByTestId('check-consent').getAttribute('data-ok')).resolves.toBe('true');
    await school.getByTestId('activate').click();
    const reason = checklist.getByTestId('reason-INSURANCE_PERIOD_SHORT');
    await expect(reason.innerText()).resolves.toBe(
      `保单 PZBA-JOURNEY-01 保险期间 ${startsOn} 至 ${short}，未覆盖实习期 ${startsOn} 至 ${endsOn}`,
    );
    await shot(school, 'internships-01-insurance-short');

    // A policy covering the whole internship: 启动实习 goes through.
    await putDocument(school, 'insurance', '实习责任保险单（更正）.pdf', () =>
      typeRange(school, 'insurance-period', startsOn, endsOn),
    );
    await expect.poll(() => checklist.getByTestId('check-insurance').getAttribute('data-ok')).toBe('true');
    await school.getByTestId('activate').click();
    await school.getByText('实习已启动').waitFor();
    await checklist.waitFor({ state: 'detached' });
    await expect(school.getByTestId('placement-history').innerText()).resolves.toContain('启动实习');
    await school.close();
  });

  it('振东集团 sees its intern and records the day’s attendance', async () => {
    const enterprise = await newPage();
    await signIn(enterprise, 'zhendong');
    await enterprise.goto(`${server.url}/internships/placements?state=active`);
    const row = enterprise.locator('tr', { has: enterprise.getByText(STUDENT) });
    await expect(row.innerText()).resolves.toMatch(/区职业高中[\s\S]*实习中/);
    await row.getByTestId('placement-link').click();
    await enterprise.getByTestId('attendance-add').click();
    await expect(enterprise.getByTestId('attendance-date').inputValue()).resolves.toBe(startsOn);
    await typeRange(enterprise, 'attendance-times', '09:00', '17:00');
    await enterprise.getByTestId('attendance-save').click();
    await enterprise.getByText('考勤已记录').waitFor();
    const log = enterprise.getByTestId('attendance-card');
    await expect(log.locator('tbody').innerText()).resolves.toMatch(
      new RegExp(`${startsOn}\\s+09:00 ~ 17:00\\s+8`),
    );
    await shot(enterprise, 'internships-02-attendance');
    await enterprise.close();
  });
});

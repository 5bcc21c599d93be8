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
const PLAN = 'shangdang-vet-2020';
/** The post form's default places: what the journey's post adds to 振东集团's offer. */
const POST_PLACES = 5;

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

interface DutyRow {
  enterprise: { id: string; name: string };
  status: string;
  offered: number;
  shortfall: number | null;
  placements: number;
  insured: number;
}
interface DutyTable {
  totals: { offered: number; placements: number; insured: number };
  enterprises: { items: DutyRow[] };
}
/** What the journey moves: this year's 2 % table (district totals, 振东集团's row) and the plan's T13 values. */
interface Figures {
  totals: DutyTable['totals'];
  zhendong: DutyRow;
  plan: Record<string, number | null>;
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
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
  // This file's entry, by name: a file it replaces may still be in the list while it fades out.
  await page
    .getByTestId(`upload-${document}-item`)
    .locator('.ant-upload-list-item-done')
    .filter({ hasText: file })
    .waitFor();
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
 * records the day's attendance. Before and after, 区工信局 reads this year's 2 % table (实习岗位 2%
 * 落实): 振东集团's offer and the district's insured placements move, its shortfall alert shrinks,
 * and the ended plan's T13 indicators keep the values of its years.
 */
describe('学生实习: publish a post, place a student, start only with the documents, keep attendance', () => {
  let server: RunningServer;
  let browser: Browser;
  let placementUrl = '';
  const startsOn = chinaDay(0);
  const endsOn = chinaDay(90);
  const year = Number(startsOn.slice(0, 4));
  let before: Figures;
  const newPage = () => browser.newPage({ viewport: DESKTOP, timezoneId: 'Asia/Shanghai' });
  /** The year's 2 % table as 区工信局 (`bureau`) reads it, and the plan's T13 values as the coordinator does. */
  const figures = async (bureau: Page, coordinator: Page): Promise<Figures> => {
    const duty = (query: string) =>
      getJson<DutyTable>(bureau, `${server.url}/api/internships/duty?year=${year}${query}`);
    const [all, mine, indicators] = await Promise.all([
      duty('&limit=1'),
      duty(`&q=${encodeURIComponent('振东')}`),
      getJson<{ items: Array<{ code: string; latestValue: number | null }> }>(
        coordinator,
        `${server.url}/api/plans/${PLAN}/indicators`,
      ),
    ]);
    const zhendong = mine.enterprises.items.find((r) => r.enterprise.name === '振东集团');
    if (!zhendong) throw new Error(`振东集团 is not in ${year}'s 2 % table`);
    const plan = Object.fromEntries(
      indicators.items.filter((i) => i.code.startsWith('T13-INTERN')).map((i) => [i.code, i.latestValue]),
    );
    return { totals: all.totals, zhendong, plan };
  };
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

  it('区工信局 reads this year’s 2 % table, and the coordinator the plan’s T13 indicators', async () => {
    const [bureau, coordinator] = await Promise.all([newPage(), newPage()]);
    await firstSignIn(bureau, server, 'iit');
    await firstSignIn(coordinator, server, 'coordinator');
    before = await figures(bureau, coordinator);
    expect(Object.keys(before.plan).sort()).toEqual(['T13-INTERN-INSURANCE', 'T13-INTERN-POSTS']);
    await Promise.all([bureau.close(), coordinator.close()]);
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
  it('the 2 % table and the coverage move with the post and the insured placement; the ended plan keeps 2022’s values', async () => {
    const [bureau, coordinator] = await Promise.all([newPage(), newPage()]);
    await signIn(bureau, 'iit');
    await signIn(coordinator, 'coordinator');
    const after = await figures(bureau, coordinator);
    // The post's places are 振东集团's offer; the started placement runs this year, insured throughout.
    expect(after.zhendong.offered).toBe(before.zhendong.offered + POST_PLACES);
    expect(after.zhendong.placements).toBe(before.zhendong.placements + 1);
    expect(after.zhendong.insured).toBe(before.zhendong.insured + 1);
    expect(after.totals.offered).toBe(before.totals.offered + POST_PLACES);
    expect(after.totals.placements).toBe(before.totals.placements + 1);
    expect(after.totals.insured).toBe(before.totals.insured + 1);
    if (before.zhendong.shortfall !== null) {
      expect(after.zhendong.shortfall).toBe(Math.max(0, before.zhendong.shortfall - POST_PLACES));
    }
    // The plan ran 2020–2022: its T13 indicators are judged on those years, not on this one.
    expect(after.plan).toEqual(before.plan);

    // 区工信局's page shows the same row, and the alert names the shortfall left.
    await bureau.goto(`${server.url}/enterprises/internship-duty?q=${encodeURIComponent('振东集团')}`);
    const row = bureau.locator(`[data-id="${after.zhendong.enterprise.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain(String(after.zhendong.offered));
    expect(cells).toContain(String(after.zhendong.insured));
    await shot(bureau, 'internships-03-duty-table');
    if (after.zhendong.status === 'short') {
      const { items } = await getJson<{ items: Array<{ id: string; message: string }> }>(
        bureau,
        `${server.url}/api/alerts`,
      );
      const alert = items.find((a) => a.id === `internships:duty:${after.zhendong.enterprise.id}:${year}`);
      expect(alert?.message).toContain(`差 ${after.zhendong.shortfall} 个`);
    }
    await Promise.all([bureau.close(), coordinator.close()]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

const PLAN = 'shangdang-vet-2020';
const SCHOOL = 'SD-VHS';
const INDICATOR = 'T07-DQ-RATIO';
// A minimal valid PDF: the upload guard checks the magic bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

interface Counts {
  numerator: number;
  denominator: number;
  percent: number;
}
interface Ratio {
  date: string;
  overall: Counts;
  schools: Array<Counts & { school: { id: string; code: string; name: string } }>;
}

/** The percentage the ratio page shows (one decimal, as ratio.rules.ts rounds it). */
const percentOf = (numerator: number, denominator: number) =>
  denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10;

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The school's row on /teachers/ratio: numerator, denominator and the percentage in data-value. */
async function ratioRow(page: Page, code: string) {
  const cell = page.getByTestId(`dq-ratio-${code}`);
  await cell.waitFor({ timeout: 30_000 });
  const cells = page.locator('tr', { has: cell }).locator('td');
  return {
    percent: Number(await cell.getAttribute('data-value')),
    numerator: Number(await cells.nth(1).innerText()),
    denominator: Number(await cells.nth(2).innerText()),
  };
}

/** The plan indicator's current value, as the coordinator's API reads it. */
async function indicatorValue(page: Page, url: string): Promise<number | null> {
  const { items } = await getJson<{ items: Array<{ code: string; latestValue: number | null }> }>(
    page,
    `${url}/api/plans/${PLAN}/indicators`,
  );
  const indicator = items.find((i) => i.code === INDICATOR);
  if (!indicator) throw new Error(`the plan has no indicator ${INDICATOR}`);
  return indicator.latestValue;
}

/**
 * A full-time 专业课 teacher of the school, employed, without a valid recognition and without an
 * open application (the teacher page offers 申请认定), read through the API as the signed-in clerk.
 */
async function pickTeacher(page: Page, url: string, schoolId: string) {
  const { items } = await getJson<{ items: Array<{ id: string; name: string }> }>(
    page,
    `${url}/api/teachers?schoolId=${schoolId}&series=full_time&status=employed&specialised=true&dq=not_recognised&limit=100`,
  );
  for (const candidate of items) {
    const { teacher } = await getJson<{ teacher: { abilities: { apply: boolean } } }>(
      page,
      `${url}/api/teachers/${candidate.id}`,
    );
    if (teacher.abilities.apply) return candidate;
  }
  throw new Error(`no 专业课 teacher of ${SCHOOL} free to apply among ${items.length}`);
}

describe('a teacher’s 双师型 application approved → the ratio moves', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('vhs applies for 中级, the school passes it, the district approves it; the ratio moves, the ended plan’s indicator keeps its value on the plan’s last day', async () => {
    // The school's clerk reads the ratio of the school before.
    const vhs = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(vhs, server, 'vhs');
    await vhs.goto(`${server.url}/teachers/ratio`);
    const before = await ratioRow(vhs, SCHOOL);
    expect(before.denominator).toBeGreaterThan(before.numerator);
    expect(before.percent).toBe(percentOf(before.numerator, before.denominator));
    const school = (await getJson<Ratio>(vhs, `${server.url}/api/dq-ratio`)).schools.find(
      (s) => s.school.code === SCHOOL,
    );
    expect(school).toMatchObject({ numerator: before.numerator, denominator: before.denominator });
    await shot(vhs, '61-vhs-ratio-before');

    // A 专业课 teacher of the school without a valid recognition, opened from the register.
    const teacher = await pickTeacher(vhs, server.url, school!.school.id);
    const query = new URLSearchParams({
      series: 'full_time',
      spec: '1',
      dq: 'not_recognised',
      q: teacher.name,
    });
    await vhs.goto(`${server.url}/teachers?${query.toString()}`);
    const row = vhs.locator('[data-testid^="teacher-row-"]', { hasText: teacher.name }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await vhs.waitForURL(new RegExp(`/teachers/${teacher.id}$`));

    // Applies for 中级 with a statement and an evidence PDF.
    await vhs.getByTestId('dq-apply-button').click();
    const dialog = vhs.getByRole('dialog');
    await dialog.getByText('中级', { exact: true }).click();
    await dialog
      .locator('textarea')
      .fill('近五年每年赴企业实践不少于一个月，持相关职业技能等级证书，申请中级“双师型”教师认定。');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '企业实践证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog
      .locator('.ant-upload-list-item-done', { hasText: '企业实践证明.pdf' })
      .waitFor({ timeout: 30_000 });
    await shot(vhs, '62-vhs-apply');
    await vhs.getByTestId('dq-apply-submit').click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    const link = vhs.locator('a[href^="/teachers/dq?open="]').first();
    await link.waitFor({ timeout: 30_000 });
    const applicationId = new URL(`${server.url}${await link.getAttribute('href')}`).searchParams.get(
      'open',
    )!;
    await shot(vhs, '63-vhs-teacher-applied');

    // The school reviews it: the criteria are in front of it; it passes it to the district.
    await link.click();
    const application = vhs.getByTestId('dq-application');
    await expect.poll(() => application.getAttribute('data-state'), { timeout: 30_000 }).toBe('submitted');
    await vhs.getByTestId('dq-criteria').waitFor();
    // Refusal: the school cannot decide at district level.
    expect(await vhs.getByTestId('dq-district-approve').count()).toBe(0);
    await vhs.getByTestId('dq-school-comment').fill('材料真实完整，同意推荐。');
    await vhs.getByTestId('dq-school-pass').click();
    await expect
      .poll(() => application.getAttribute('data-state'), { timeout: 30_000 })
      .toBe('school_passed');
    expect(await vhs.getByTestId('dq-district-approve').count()).toBe(0);
    await shot(vhs, '64-vhs-school-passed');

    // The coordinator: the indicator and the district's ratio before the decision.
    const coordinator = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(coordinator, server, 'coordinator');
    // The plan ran 2020–2022: its indicator is the district's ratio on the plan's last day.
    const atPlanEnd = await getJson<Ratio>(coordinator, `${server.url}/api/dq-ratio?date=2022-12-31`);
    const indicatorBefore = await indicatorValue(coordinator, server.url);
    expect(indicatorBefore).toBe(atPlanEnd.overall.percent);

    // The district decides with the criteria met / not met in front of it, and approves.
    await coordinator.goto(`${server.url}/teachers/dq?queue=district&open=${applicationId}`);
    const decision = coordinator.getByTestId('dq-application');
    await expect.poll(() => decision.getAttribute('data-state'), { timeout: 30_000 }).toBe('school_passed');
    const criteria = coordinator.getByTestId('dq-criteria');
    await criteria.waitFor();
    await expect.poll(() => criteria.locator('tr[data-met]').count()).toBeGreaterThan(0);
    await expect(criteria.innerText()).resolves.toMatch(/符合|不符合/);
    // The district writes why it approves (required when a criterion is not met).
    await coordinator.getByTestId('dq-decision-reason').fill('企业实践经历经区认定委员会核实，同意认定。');
    await coordinator.getByTestId('dq-district-approve').scrollIntoViewIfNeeded();
    await shot(coordinator, '65-coordinator-decision');
    await coordinator.getByTestId('dq-district-approve').click();
    await expect.poll(() => decision.getAttribute('data-state'), { timeout: 30_000 }).toBe('approved');
    await shot(coordinator, '66-coordinator-approved');

    // The school's ratio: one more recognised teacher over the same 专业课 teachers.
    await vhs.goto(`${server.url}/teachers/ratio`);
    await expect
      .poll(() => ratioRow(vhs, SCHOOL), { timeout: 30_000 })
      .toEqual({
        numerator: before.numerator + 1,
        denominator: before.denominator,
        percent: percentOf(before.numerator + 1, before.denominator),
      });
    expect(before.percent).toBeLessThan(percentOf(before.numerator + 1, before.denominator));
    await shot(vhs, '67-vhs-ratio-after');

    // The ended plan's indicator is judged on the plan's last day: today's decision, which drops
    // the plan's cached numbers (records.changed), does not rewrite it.
    const expected = indicatorBefore!;
    expect(await indicatorValue(coordinator, server.url)).toBe(expected);
    const { items } = await getJson<{ items: Array<{ id: string; code: string }> }>(
      coordinator,
      `${server.url}/api/plans/${PLAN}/indicators`,
    );
    await coordinator.goto(`${server.url}/indicators/${items.find((i) => i.code === INDICATOR)!.id}`);
    await coordinator.getByTestId('indicator-page').waitFor({ timeout: 30_000 });
    await expect(coordinator.getByTestId('indicator-page').innerText()).resolves.toContain(String(expected));
    await shot(coordinator, '68-coordinator-indicator-after');
  });
});

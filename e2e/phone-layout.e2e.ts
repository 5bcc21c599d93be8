import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoAdmissionYear } from '../apps/server/src/modules/enrollment/enrollment.demo.ts';
import {
  makeCandidates,
  PRESENT_SEASON,
} from '../apps/server/src/modules/enrollment/enrollment.demo-data.ts';
import { audit, formatFinding } from './accessibility-audit.ts';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

const PLAN = 'shangdang-vet-2020';
const PHONE = { width: 390, height: 844 };

/** What a 390 px phone shows wrong on the current page: sideways scrolling, squeezed cells and bars. */
interface PhoneLayout {
  scrollWidth: number;
  /** Visible elements reaching past the screen's right edge, outside any scrolling box. */
  offScreen: string[];
  /** Table cells of three or more characters with room for fewer than three. */
  squeezedCells: string[];
  /** Progress bars narrower than 80 px. */
  squeezedBars: number[];
}

/*
 * The measure runs in the browser, but e2e/ is compiled with the server's libraries (no DOM), so
 * the few browser globals it reads are declared here, for this file only.
 */
interface DomBox {
  width: number;
  height: number;
  right: number;
}
interface DomElement {
  tagName: string;
  children: { length: number };
  parentElement: DomElement | null;
  textContent: string | null;
  innerText?: string;
  clientWidth: number;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): DomBox;
}
declare const document: {
  documentElement: { clientWidth: number; scrollWidth: number };
  body: DomElement;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};
declare function getComputedStyle(element: DomElement): {
  overflowX: string;
  visibility: string;
  paddingLeft: string;
  paddingRight: string;
  fontSize: string;
};

/** Measures the page as it lies now (run in the browser). */
function measure(page: Page): Promise<PhoneLayout> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const clipped = (el: DomElement) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (overflow !== 'visible') return true;
      }
      return false;
    };
    const visible = (el: DomElement) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: DomElement) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    const offScreen = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.children.length === 0 && visible(el))
      .filter((el) => el.getBoundingClientRect().right > viewport + 1 && !clipped(el))
      .slice(0, 5)
      .map(name);
    const squeezedCells = Array.from(document.querySelectorAll('td'))
      .filter((td) => visible(td) && (td.innerText ?? '').trim().length >= 3)
      .filter((td) => {
        const style = getComputedStyle(td);
        const room = td.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return room < 2.8 * parseFloat(style.fontSize);
      })
      .slice(0, 5)
      .map(name);
    const squeezedBars = Array.from(document.querySelectorAll('.ant-progress-line'))
      .filter(visible)
      .map((bar) => Math.round(bar.getBoundingClientRect().width))
      .filter((w) => w < 80);
    return { scrollWidth: document.documentElement.scrollWidth, offScreen, squeezedCells, squeezedBars };
  });
}

/**
 * Opens `path` on the phone, waits for `ready`, and asserts the phone layout holds; with `a11y`
 * (the account's name, or `public`) also runs the accessibility audit of e2e/accessibility-audit.ts
 * on the same visit: these pages are the 390 px audits PHONE_AUDIT_GROUPS leaves to this walk.
 */
async function checkPhonePage(
  page: Page,
  url: string,
  path: string,
  ready: string,
  shotName?: string,
  a11y?: string,
) {
  await page.goto(`${url}${path}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  const layout = await measure(page);
  expect.soft(layout, `${path} at 390 px`).toEqual({
    scrollWidth: PHONE.width,
    offScreen: [],
    squeezedCells: [],
    squeezedBars: [],
  });
  if (a11y) {
    const findings = await audit(page, `${a11y} @390px ${path}`);
    expect.soft(findings.map(formatFinding), `${path}: the accessibility audit at 390 px`).toEqual([]);
  }
  if (shotName) await shot(page, shotName);
}

describe('every public page and the main signed-in pages on a 390 px phone', () => {
  let server: RunningServer;
  let browser: Browser;
  // The demo loads slowly on a shared machine; the journey waits for it rather than fail.
  beforeAll(async () => {
    server = await startServer({ startTimeoutMs: 540_000 });
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the public portal: one header and navigation, nothing wider than the phone, readable tables', async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    const get = async <T>(path: string) =>
      (await (await page.request.get(`${server.url}${path}`)).json()) as T;
    const plan = await get<{
      sections: Array<{ tasks: Array<{ number: number }> }>;
      indicators: Array<{ code: string }>;
    }>(`/api/public/plans/${PLAN}`);
    const reports = await get<{ items: Array<{ id: string }> }>('/api/public/supervision-reports');
    const consultations = await get<{ items: Array<{ id: string; status: string }> }>(
      '/api/public/consultations',
    );
    const closed = consultations.items.find((c) => c.status === 'closed');

    await checkPhonePage(
      page,
      server.url,
      '/',
      `[data-testid="public-plan-${PLAN}"]`,
      'p05-phone-public-home',
      'public',
    );
    const title = await page.getByTestId('public-title').boundingBox();
    expect.soft(title!.width, 'the portal title is not squeezed to one character').toBeGreaterThan(150);
    const task = plan.sections[0]!.tasks[0]!.number;
    await checkPhonePage(
      page,
      server.url,
      `/public/plans/${PLAN}/tasks/${task}`,
      '[data-testid="public-task"]',
    );
    await checkPhonePage(
      page,
      server.url,
      `/public/plans/${PLAN}/indicators/${plan.indicators[0]!.code}`,
      '[data-testid="public-indicator"]',
      undefined,
      'public',
    );
    await checkPhonePage(
      page,
      server.url,
      '/public/supervision-reports',
      '[data-testid="public-supervision-reports"]',
    );
    await checkPhonePage(
      page,
      server.url,
      `/public/supervision-reports/${reports.items[0]!.id}`,
      '[data-testid="public-supervision-report"]',
      undefined,
      'public',
    );
    await checkPhonePage(
      page,
      server.url,
      '/consultations',
      '[data-testid^="public-consultation-"]',
      undefined,
      'public',
    );
    await checkPhonePage(
      page,
      server.url,
      `/consultations/${consultations.items[0]!.id}`,
      '[data-testid^="consultation-clause-"]',
    );
    if (closed) {
      await checkPhonePage(
        page,
        server.url,
        `/consultations/${closed.id}/summary`,
        '[data-testid="summary-document"]',
      );
    }
    await checkPhonePage(
      page,
      server.url,
      '/public/enrollment/cutoffs',
      '[data-testid="cutoff-row-0"]',
      'p09-phone-cutoffs',
      'public',
    );
    await checkPhonePage(
      page,
      server.url,
      '/public/credentials/verify',
      '[data-testid="credential-verify"]',
      undefined,
      'public',
    );

    // A candidate of the demo's last season looks up the result and why.
    const candidate = makeCandidates(
      demoAdmissionYear(new Date().toISOString().slice(0, 10)),
      PRESENT_SEASON.candidates,
    )[3]!;
    await checkPhonePage(page, server.url, '/public/enrollment/results', '[data-testid="lookup-submit"]');
    await page
      .getByTestId('lookup-exam-number')
      .locator('input')
      .or(page.getByTestId('lookup-exam-number'))
      .first()
      .fill(candidate.exam);
    await page
      .getByTestId('lookup-id-number')
      .locator('input')
      .or(page.getByTestId('lookup-id-number'))
      .first()
      .fill(candidate.id);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400);
    expect.soft(await measure(page), 'the look-up result at 390 px').toEqual({
      scrollWidth: PHONE.width,
      offScreen: [],
      squeezedCells: [],
      squeezedBars: [],
    });
    await shot(page, 'p06-phone-public-lookup');

    // The same navigation on every public page, from a drawer; the title leads home.
    await page.getByTestId('public-menu').click();
    await page.getByTestId('public-enrollment-cutoffs-link').last().click();
    await page.waitForURL(/\/public\/enrollment\/cutoffs/);
    await page.getByTestId('public-title').click();
    await page.waitForURL(`${server.url}/`);
    // A task and an indicator open from the home.
    await page.getByTestId(`public-task-link-${task}`).click();
    await page.getByTestId('public-task').waitFor();
    await page.close();
  }, 600_000);

  it('the signed-in pages of a clerk and of the coordinator fit the phone', async () => {
    const clerk = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await firstSignIn(clerk, server, 'finance');
    await checkPhonePage(
      clerk,
      server.url,
      `/plans/${PLAN}`,
      '[data-testid="kpi-indicators"]',
      'p17-phone-dashboard',
    );
    // The menu is a drawer; the name, unit and logout sit in the account menu.
    await clerk.getByTestId('nav-open').click();
    await clerk.getByTestId('nav').waitFor();
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('nav').waitFor({ state: 'hidden' });
    await clerk.getByTestId('header-user').click();
    await expect(clerk.getByTestId('header-user-who').innerText()).resolves.toContain('区财政局');
    await clerk.getByTestId('logout').waitFor();
    await checkPhonePage(clerk, server.url, '/progress', '.ant-table, .ant-card');
    await clerk.close();

    const coordinator = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await firstSignIn(coordinator, server, 'coordinator');
    // The landing page, whose module filter is a row of choices, and the indicators with theirs.
    await checkPhonePage(
      coordinator,
      server.url,
      '/workbench',
      '[data-testid="workbench-source-filter"]',
      undefined,
      'coordinator',
    );
    await checkPhonePage(coordinator, server.url, '/indicators', '.ant-segmented');
    await checkPhonePage(
      coordinator,
      server.url,
      `/plans/${PLAN}`,
      '[data-testid="kpi-indicators"]',
      undefined,
      'coordinator',
    );
    await checkPhonePage(coordinator, server.url, '/review', '.ant-table, .ant-card, .ant-empty');
    await checkPhonePage(coordinator, server.url, '/alerts', '.ant-table, .ant-card, .ant-empty');
    await checkPhonePage(coordinator, server.url, '/supervision', '.ant-card', 'p18-phone-supervision');
    await checkPhonePage(
      coordinator,
      server.url,
      '/teachers',
      '.ant-table, .ant-card',
      undefined,
      'coordinator',
    );
    for (const tab of ['dq', 'periods', 'catalogue', 'uploads'])
      await checkPhonePage(
        coordinator,
        server.url,
        `/settings?tab=${tab}`,
        '.ant-tabs',
        undefined,
        tab === 'catalogue' ? 'coordinator' : undefined,
      );
    await checkPhonePage(
      coordinator,
      server.url,
      '/search?q=教师',
      '[data-testid="search-page"]',
      undefined,
      'coordinator',
    );
    await coordinator.close();
  }, 600_000);
});

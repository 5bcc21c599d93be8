/// <reference lib="dom" />
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../apps/server/src/platform/auth/totp.ts';
import { firstSignIn, newPassword, type RunningServer } from './support.ts';

/**
 * The accessibility audit of issue 12, shared by `npm run a11y` (scripts/a11y-audit.ts) and the CI
 * walk e2e/accessibility-walk.ts: the page list and the checks live here, once.
 */

/** axe-core's browser bundle, evaluated in each page (through the debugger, so the page's CSP allows it). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** One line per finding: page, rule id, what it means and the elements it names. */
export const formatFinding = (f: Finding) =>
  `${f.page}\t${f.rule} (${f.impact})\t${f.help}${f.targets.length ? `\t${f.targets.join(' | ')}` : ''}`;

/**
 * A page to audit: a path, or a record page reached through the first link on a list page whose
 * address matches `link` (a CSS selector), so the audit needs no ids of the demo's records.
 */
export type AuditPage = string | { from: string; link: string };

export interface AuditGroup {
  /** What the findings are labelled with: `public`, `public(en)`, the account. */
  name: string;
  /** The demo account signed in (first sign-in, and TOTP set-up for the administrators). */
  account?: string;
  lang?: 'zh' | 'en';
  pages: readonly AuditPage[];
}

const PLAN = 'shangdang-vet-2020';

const PUBLIC_PAGES: readonly AuditPage[] = [
  '/',
  `/public/plans/${PLAN}/tasks/7`,
  { from: '/', link: `a[href^="/public/plans/${PLAN}/indicators/"]` },
  '/consultations',
  { from: '/consultations', link: 'a[href^="/consultations/"]:not([href$="/summary"])' },
  '/public/supervision-reports',
  { from: '/public/supervision-reports', link: 'a[href^="/public/supervision-reports/"]' },
  '/public/enrollment/results',
  '/public/enrollment/cutoffs',
  '/public/credentials/verify',
  '/login',
];

/** First record page behind a list page (`/teachers` → `/teachers/…`). */
const first = (from: string, prefix = from) => ({ from, link: `a[href^="${prefix}/"]` });
/** An enterprise's page from the register (the import page's link left out). */
const ENTERPRISE_PAGE = {
  from: '/enterprises',
  link: 'a[href^="/enterprises/"]:not([href="/enterprises/import"])',
};

/**
 * Every main page: the public portal in both languages, and the signed-in pages of each demo role
 * (workbench, messages, list pages and a record page per module), the administrators' pages.
 */
export const AUDIT_GROUPS: readonly AuditGroup[] = [
  { name: 'public', pages: PUBLIC_PAGES },
  { name: 'public(en)', lang: 'en', pages: PUBLIC_PAGES },
  {
    name: 'coordinator',
    account: 'coordinator',
    pages: [
      '/workbench',
      '/notifications',
      '/plans',
      `/plans/${PLAN}`,
      `/plans/${PLAN}/evaluation`,
      first(`/plans/${PLAN}`, '/tasks'),
      '/indicators',
      first('/indicators'),
      '/review',
      '/alerts',
      '/supervision',
      '/supervision/inspections',
      first('/supervision/inspections'),
      '/supervision/orders',
      first('/supervision/orders'),
      '/supervision/interviews',
      '/supervision/assessment',
      '/meetings',
      { from: '/meetings', link: 'a[href^="/meetings/"]:not([href^="/meetings/action-items"])' },
      '/meetings/action-items',
      '/consultation',
      first('/consultation'),
      '/enrollment',
      first('/enrollment', '/enrollment/seasons'),
      '/enrollment/matching',
      '/enrollment/admissions',
      '/enrollment/simulation',
      '/teachers',
      first('/teachers'),
      '/teachers/dq',
      '/teachers/ratio',
      '/teachers/hires',
      '/programs',
      '/programs/courses',
      '/programs/projects',
      '/programs/resources',
      '/settings?tab=dq',
      '/settings?tab=periods',
      '/settings?tab=catalogue',
      '/settings?tab=uploads',
      '/internships/posts',
      '/internships/placements',
      first('/internships/placements'),
      '/search?q=%E6%95%99%E5%B8%88',
      '/account/password',
      '/account/totp',
    ],
  },
  { name: 'coordinator(en)', account: 'coordinator', lang: 'en', pages: ['/workbench', `/plans/${PLAN}`] },
  {
    name: 'hrss',
    account: 'hrss',
    pages: [
      '/workbench',
      '/notifications',
      '/progress',
      '/progress/new',
      '/supervision/orders',
      '/meetings/action-items',
      '/search?q=%E5%AE%9E%E4%B9%A0',
    ],
  },
  { name: 'finance', account: 'finance', pages: ['/workbench', '/progress', '/progress/new'] },
  {
    name: 'vhs',
    account: 'vhs',
    pages: [
      '/workbench',
      '/notifications',
      '/teachers',
      first('/teachers'),
      '/teachers/dq',
      '/programs',
      '/programs/projects',
      '/programs/resources',
      '/enrollment/admissions',
      '/internships/posts',
      first('/internships/posts'),
      '/internships/placements',
      first('/internships/placements'),
      '/learners',
      '/learners/outcomes',
      '/learners/conversion-rules',
      '/learners/catalogue',
    ],
  },
  { name: 'jhs1', account: 'jhs1', pages: ['/workbench', '/notifications', '/enrollment/preferences'] },
  {
    name: 'iit',
    account: 'iit',
    pages: [
      '/workbench',
      '/enterprises',
      ENTERPRISE_PAGE,
      '/enterprises/import',
      '/enterprises/internship-duty',
      '/search?q=%E9%9B%86%E5%9B%A2',
    ],
  },
  {
    name: 'yitong',
    account: 'yitong',
    pages: ['/workbench', '/enterprises', ENTERPRISE_PAGE, '/enterprises/internship-duty'],
  },
  { name: 'hs1', account: 'hs1', pages: ['/workbench', '/notifications', '/enrollment/admissions'] },
  {
    name: 'zhendong',
    account: 'zhendong',
    pages: [
      '/workbench',
      '/internships/posts',
      first('/internships/posts'),
      '/internships/placements',
      // A placement not started (its 启动实习 checklist) and a running one (its attendance log).
      { from: '/internships/placements?state=draft', link: 'a[href^="/internships/placements/"]' },
      { from: '/internships/placements?state=active', link: 'a[href^="/internships/placements/"]' },
    ],
  },
  {
    name: 'inspector',
    account: 'inspector',
    pages: ['/workbench', '/supervision', '/supervision/inspections', first('/supervision/inspections')],
  },
  { name: 'sysadmin', account: 'sysadmin', pages: ['/admin/users', '/admin/org-units', '/settings'] },
  { name: 'secadmin', account: 'secadmin', pages: ['/admin/users'] },
  { name: 'auditadmin', account: 'auditadmin', pages: ['/admin/audit'] },
  { name: 'newcomer', account: 'newcomer', pages: ['/account/awaiting-role'] },
];

/** The viewports audited: a desktop, and a phone (iPhone 12–15 width) where layouts change. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * The pages the CI journey audits at phone width as well — one of each kind whose layout changes
 * under the `md` breakpoint, since all of AUDIT_GROUPS twice would double the journey (each page
 * takes 1–3 s; `npm run a11y -- --phone` still audits every page at 390 px): the shell with its
 * menu drawer (workbench), the tab bars that overflow into a "…" button (teachers, supervision,
 * enrollment, programs, settings, a teacher's record), tables wider than the screen that scroll
 * sideways (the plan's sections, a task, the evaluation, the annual assessment, matching, a
 * season, courses, the audit log), the tables that become cards (public indicators, cut-offs, a
 * supervision report), forms (progress report, preferences) and the English shell.
 *
 * The pages the phone-layout walk (e2e/phone-layout.e2e.ts) visits are audited there, on the visit
 * that measures their layout (the same page in the same phone viewport, opened once): the public
 * home, an indicator, the consultations, a supervision report and the cut-offs; the coordinator's
 * workbench, plan, teachers, the settings' catalogue tab and a search. PHONE_AUDIT_GROUPS holds
 * the others.
 */
export const PHONE_AUDIT_GROUPS: readonly AuditGroup[] = [
  { name: 'public', pages: ['/login'] },
  {
    name: 'coordinator',
    account: 'coordinator',
    pages: [
      '/notifications',
      `/plans/${PLAN}/evaluation`,
      first(`/plans/${PLAN}`, '/tasks'),
      '/supervision/orders',
      '/supervision/assessment',
      { from: '/enrollment', link: 'a[href^="/enrollment/seasons/"]' },
      '/enrollment/matching',
      '/teachers/dq',
      '/programs/courses',
    ],
  },
  { name: 'coordinator(en)', account: 'coordinator', lang: 'en', pages: ['/workbench', `/plans/${PLAN}`] },
  { name: 'hrss', account: 'hrss', pages: ['/progress/new'] },
  { name: 'vhs', account: 'vhs', pages: ['/teachers', first('/teachers'), '/learners'] },
  { name: 'jhs1', account: 'jhs1', pages: ['/enrollment/preferences'] },
  { name: 'auditadmin', account: 'auditadmin', pages: ['/admin/audit'] },
];

const CJK = /[\u3400-\u9fff]/;

/**
 * Controls antd draws inside its components, named by antd in English whatever the locale (the
 * pagination's arrows, the tabs' overflow button, the clear button, the number steppers, the
 * segmented control's and the table's select-all names, a column's filter button): the name checks
 * skip them (what is left of issue 12; axe still checks them).
 */
const ANTD_OWN = [
  '.ant-pagination',
  '.ant-tabs-nav-more',
  '.ant-input-clear-icon',
  '.ant-input-number-action',
  '.ant-segmented',
  '.ant-table-selection',
  '.ant-table-filter-trigger',
].join(', ');

/**
 * Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page as it stands and answers its
 * serious and critical violations, plus what the issue adds: one main landmark, exactly one h1, a
 * `lang` on the page, every icon-only control named, and names in the page's language (an English
 * name on a Chinese page, a Chinese one on an English page).
 */
export async function audit(page: Page, label: string): Promise<Finding[]> {
  await page.waitForLoadState('networkidle');
  // The page has rendered what it loaded: its heading is there and no loading spinner or skeleton
  // is left. On a busy machine React can render a page's data well after the network is idle (an
  // inspection page was audited with 0 h1 under load). A page that never shows an h1 is still
  // reported below: the wait ends after 15 s without failing.
  await page
    .waitForFunction(
      () =>
        document.querySelector('main h1, h1') !== null &&
        document.querySelector('.ant-spin-spinning, .ant-skeleton') === null,
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(300);
  await page.evaluate(AXE_SOURCE);
  // tsx (npm run a11y) names the functions below with a helper the page lacks.
  await page.evaluate('window.__name = window.__name || ((f) => f)');
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    return (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    })) as {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    };
  });
  const structure = await page.evaluate((ANTD_OWN) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''}`;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.height > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[aria-hidden="true"]')
      );
    };
    // Controls antd draws itself with its own (English) names: left to the library, not checked here.
    const antdOwn = (el: Element) => !!el.closest(ANTD_OWN);
    const controls = Array.from(document.querySelectorAll('button, a[href], [role="button"]'))
      .filter(shown)
      .filter((el) => !antdOwn(el));
    // A control showing only an icon is named by that icon's English file name unless labelled.
    const unnamed = controls
      .filter((el) => !(el.textContent ?? '').trim() && el.querySelector('.anticon'))
      .filter((el) => !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map(describe);
    // The names we give (aria-label), on anything but antd's own icon glyphs, with the language
    // they are marked in (the page's, or their own `lang`: the 中文 / English switch).
    const names = Array.from(document.querySelectorAll('[aria-label]'))
      .filter((el) => !el.classList.contains('anticon') && shown(el) && !antdOwn(el))
      .map((el) => ({
        el,
        name: el.getAttribute('aria-label')!,
        lang: el.closest('[lang]')?.getAttribute('lang') ?? '',
      }));
    return {
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main, [role="main"]').length,
      lang: document.documentElement.lang,
      unnamed,
      names: names.map(({ el, name, lang }) => ({ name, lang, target: describe(el) })),
    };
  }, ANTD_OWN);
  const findings: Finding[] = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  const add = (rule: string, help: string, targets: string[] = []) =>
    findings.push({ page: label, rule, impact: 'structure', help, targets });
  if (structure.h1 !== 1) add('one-h1', `${structure.h1} h1`);
  if (structure.main !== 1) add('one-main', `${structure.main} main`);
  if (!/^zh|^en/.test(structure.lang)) add('html-lang', structure.lang);
  if (structure.unnamed.length)
    add('icon-button-name', 'icon-only control without a name', structure.unnamed);
  const foreign = structure.names.filter(({ name, lang }) =>
    lang.startsWith('en') ? CJK.test(name) : !CJK.test(name) && /[A-Za-z]{3}/.test(name),
  );
  if (foreign.length)
    add(
      'name-language',
      `name not in the page's language (${structure.lang})`,
      foreign.slice(0, 5).map((f) => `${f.target} "${f.name}"`),
    );
  return findings;
}

/** Completes an administrator's required TOTP set-up, as someone with an authenticator would. */
async function setUpTotp(page: Page, username: string) {
  await page.getByTestId('totp-current-password').fill(newPassword(username));
  await page.getByTestId('totp-start').click();
  const secret = (await page.getByTestId('totp-secret').first().textContent())!.trim();
  await page.getByTestId('totp-code').fill(totpCode(secret, Date.now()));
  await page.getByTestId('totp-confirm').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account'));
}

const unreachable = (page: string, error: unknown): Finding => ({
  page,
  rule: 'unreachable',
  impact: 'structure',
  help: (error as Error).message.split('\n')[0]!,
  targets: [],
});

/** Opens an audit page: a path, or the first matching link's target on a list page. */
async function open(page: Page, url: string, target: AuditPage): Promise<string> {
  if (typeof target === 'string') {
    await page.goto(`${url}${target}`);
    return target;
  }
  await page.goto(`${url}${target.from}`);
  const link = page.locator(target.link).first();
  await link.waitFor({ timeout: 30_000 });
  const href = (await link.getAttribute('href'))!;
  await page.goto(`${url}${href}`);
  return href;
}

/**
 * Audits one group's pages in a fresh browser context at `viewport`: signs the account in (its
 * first sign-in; administrators also set up TOTP, and the set-up page is audited on the way), sets
 * the language, then visits each page. A page that cannot be reached is a finding too.
 */
export async function auditGroup(
  browser: Browser,
  server: RunningServer,
  group: AuditGroup,
  viewport: { width: number; height: number },
  signedIn?: Map<string, string>,
): Promise<Finding[]> {
  const suffix = viewport.width < 768 ? ` @${viewport.width}px` : '';
  const label = `${group.name}${suffix}`;
  const storageState = group.account ? signedIn?.get(group.account) : undefined;
  const context = await browser.newContext({
    viewport,
    ...(viewport.width < 768 ? { isMobile: true, hasTouch: true } : {}),
    ...(storageState ? { storageState: JSON.parse(storageState) } : {}),
  });
  const findings: Finding[] = [];
  try {
    const page = await context.newPage();
    if (group.account && !storageState) {
      try {
        await firstSignIn(page, server, group.account);
        if (new URL(page.url()).pathname === '/account/totp') {
          findings.push(...(await audit(page, `${label} /account/totp`)));
          await setUpTotp(page, group.account);
        }
      } catch (error) {
        return [...findings, unreachable(`${label} sign-in`, error)];
      }
      signedIn?.set(group.account, JSON.stringify(await context.storageState()));
    } else {
      await page.goto(`${server.url}/login`);
    }
    await page.evaluate((lang) => localStorage.setItem('zhijiao.lang', lang), group.lang ?? 'zh');
    for (const target of group.pages) {
      let path = typeof target === 'string' ? target : `${target.from} → ${target.link}`;
      try {
        path = await open(page, server.url, target);
        findings.push(...(await audit(page, `${label} ${path}`)));
      } catch (error) {
        findings.push(unreachable(`${label} ${path}`, error));
      }
    }
  } finally {
    await context.close();
  }
  return findings;
}

/// <reference lib="dom" />
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, startServer } from '../e2e/support.ts';

/** axe-core's browser bundle, evaluated in each page (through the debugger, so the page's CSP allows it). */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page as it stands and answers its
 * serious and critical violations, plus the page structure the issue names: one main landmark and
 * exactly one h1.
 */
async function audit(page: Page, label: string): Promise<Finding[]> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.evaluate(AXE_SOURCE);
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
  const structure = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main, [role="main"]').length,
    lang: document.documentElement.lang,
  }));
  const findings: Finding[] = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  if (structure.h1 !== 1)
    findings.push({
      page: label,
      rule: 'one-h1',
      impact: 'structure',
      help: `${structure.h1} h1`,
      targets: [],
    });
  if (structure.main !== 1)
    findings.push({
      page: label,
      rule: 'one-main',
      impact: 'structure',
      help: `${structure.main} main`,
      targets: [],
    });
  if (!/^zh|^en/.test(structure.lang))
    findings.push({ page: label, rule: 'html-lang', impact: 'structure', help: structure.lang, targets: [] });
  return findings;
}

const PLAN = 'shangdang-vet-2020';

/** Public pages, no account. */
const PUBLIC_PAGES = [
  '/',
  `/public/plans/${PLAN}/tasks/7`,
  '/consultations',
  '/public/supervision-reports',
  '/public/enrollment/results',
  '/public/enrollment/cutoffs',
  '/login',
];

/** Signed-in pages by account (each signs in once, then visits its pages). */
const SIGNED_IN: Record<string, string[]> = {
  coordinator: [
    `/plans/${PLAN}`,
    '/indicators',
    '/review',
    '/alerts',
    '/supervision',
    '/supervision/orders',
    '/meetings',
    '/consultation',
    '/enrollment',
    '/teachers',
    '/teachers/dq',
    '/programs/projects',
  ],
  finance: ['/progress', '/progress/new'],
  jhs1: ['/enrollment/preferences'],
};

/**
 * `npm run a11y` (after `npm run build`): starts the demo on a fresh embedded database, runs axe-core
 * on the public pages (zh and en) and on the signed-in pages above, prints every serious or
 * critical violation and each page without exactly one h1 and one main landmark, and exits 1 when
 * there is any. It becomes a CI journey once it finds none (issue 12).
 */
async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  const findings: Finding[] = [];
  try {
    const visit = async (page: Page, paths: readonly string[], who: string) => {
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        findings.push(...(await audit(page, `${who} ${path}`)));
      }
    };
    const pub = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await pub.newPage();
    await visit(page, PUBLIC_PAGES, 'public');
    await page.evaluate(() => localStorage.setItem('zhijiao.lang', 'en'));
    await visit(page, ['/', '/consultations'], 'public(en)');
    await pub.close();
    for (const [username, paths] of Object.entries(SIGNED_IN)) {
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const p = await context.newPage();
      await firstSignIn(p, server, username);
      findings.push(...(await audit(p, `${username} landing`)));
      await visit(p, paths, username);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  for (const f of findings)
    console.log(`${f.page}\t${f.rule} (${f.impact})\t${f.help}\t${f.targets.join(' | ')}`);
  const pages = new Set(findings.map((f) => f.page)).size;
  console.log(`${findings.length} findings on ${pages} pages`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

await main();

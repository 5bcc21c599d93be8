/**
 * The learner's transcript (学分档案 / 成绩单) at 1440 × 900 and on a 390 × 844 phone, as 区职业高中's
 * clerk (`vhs`) and the district's reviewer (`coordinator`), printed to an A4 PDF, and the public
 * verification of the signed transcript: `node --import tsx scripts/screenshot-transcript.ts
 * [outDir]` (after `npm run build`; it starts a fresh demo server with a public URL so it can sign).
 * Writes `<user>-transcript-wide.png` / `-phone.png`, `transcript-a4.pdf` and `verify-transcript-*.png`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, ROOT, startServer, type RunningServer } from '../e2e/support.ts';

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'var', 'transcript-tour'));
fs.mkdirSync(out, { recursive: true });
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
process.env.ZHIJIAO_PUBLIC_URL ??= 'https://zhijiao.example.gov.cn';

async function snap(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(700);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`  ${name}.png`);
}

async function pages(browser: Browser, server: RunningServer, username: string) {
  const wide = await browser.newPage({ viewport: WIDE });
  await firstSignIn(wide, server, username);
  const phone = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await phone.context().addCookies(await wide.context().cookies());
  return { wide, phone };
}

/** A demo graduate of 区职业高中 with an approved conversion, else the most recognised outcomes. */
async function holder(page: Page, base: string): Promise<string> {
  const get = async (url: string) => (await page.request.get(`${base}${url}`)).json();
  const { items } = (await get('/api/learners?cohortYear=2020&status=graduated&limit=100')) as {
    items: { id: string }[];
  };
  let best = { id: items[0]!.id, n: -1 };
  for (const l of items) {
    const outcomes = ((await get(`/api/learners/${l.id}/outcomes`)) as { items: { status: string }[] }).items;
    const conversions = ((await get(`/api/learners/${l.id}/conversions`)) as { items: { status: string }[] })
      .items;
    const n =
      outcomes.filter((o) => o.status === 'recognised').length +
      100 * conversions.filter((c) => c.status === 'approved').length;
    if (n > best.n) best = { id: l.id, n };
  }
  return best.id;
}

const server = await startServer({ startTimeoutMs: 540_000 });
const browser = await launchBrowser();
try {
  const v = await pages(browser, server, 'vhs');
  await v.wide.goto(`${server.url}/learners`);
  await v.wide.waitForLoadState('networkidle');
  const id = await holder(v.wide, server.url);
  await v.wide.goto(`${server.url}/learners/${id}`);
  await v.wide.getByTestId('learner-transcript').click();
  await v.wide.getByTestId('transcript-outcomes').waitFor({ timeout: 60_000 });
  await snap(v.wide, 'vhs-transcript-wide');
  await v.wide.emulateMedia({ media: 'print' });
  await snap(v.wide, 'vhs-transcript-print');
  await v.wide.emulateMedia({ media: 'screen' });
  await v.wide.pdf({ path: path.join(out, 'transcript-a4.pdf'), format: 'A4', printBackground: false });
  console.log('  transcript-a4.pdf');
  await v.phone.goto(`${server.url}/learners/${id}/transcript`);
  await v.phone.getByTestId('transcript-outcomes').waitFor({ timeout: 60_000 });
  await snap(v.phone, 'vhs-transcript-phone');

  await v.wide.goto(`${server.url}/learners/${id}/transcript`);
  const [download] = await Promise.all([
    v.wide.waitForEvent('download'),
    v.wide.getByTestId('transcript-credential').click(),
  ]);
  const jwt = fs.readFileSync(await download.path(), 'utf8');
  console.log(`  downloaded ${download.suggestedFilename()}`);

  const c = await pages(browser, server, 'coordinator');
  await c.wide.goto(`${server.url}/learners/${id}/transcript`);
  await c.wide.getByTestId('transcript-outcomes').waitFor({ timeout: 60_000 });
  await snap(c.wide, 'coordinator-transcript-wide');

  for (const [viewport, suffix] of [
    [WIDE, 'wide'],
    [PHONE, 'phone'],
  ] as const) {
    const p = await browser.newPage({ viewport });
    await p.goto(`${server.url}/public/credentials/verify`);
    await p.getByTestId('credential-text').fill(jwt);
    await p.getByTestId('credential-verify').click();
    await p.getByTestId('credential-verdict').waitFor({ timeout: 60_000 });
    await snap(p, `verify-transcript-${suffix}`);
  }
} finally {
  await browser.close();
  await server.stop();
}

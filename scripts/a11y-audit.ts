import {
  AUDIT_GROUPS,
  auditGroup,
  DESKTOP,
  formatFinding,
  PHONE,
  type Finding,
} from '../e2e/accessibility-audit.ts';
import { launchBrowser, startServer } from '../e2e/support.ts';

/**
 * `npm run a11y` (after `npm run build`; `-- --phone` also at 390 px): starts the demo on a fresh
 * embedded database and runs the accessibility audit of e2e/accessibility-audit.ts — axe-core on
 * every main page, public (zh and en) and signed in by each demo role — printing every serious or
 * critical violation and every page without one h1 and one main landmark; exits 1 when there is
 * any. The CI walk e2e/accessibility-walk.ts runs the same audit.
 */
async function main() {
  const viewports = process.argv.includes('--phone') ? [DESKTOP, PHONE] : [DESKTOP];
  const server = await startServer();
  const browser = await launchBrowser();
  const findings: Finding[] = [];
  const signedIn = new Map<string, string>();
  let pages = 0;
  try {
    for (const viewport of viewports)
      for (const group of AUDIT_GROUPS) {
        pages += group.pages.length;
        const found = await auditGroup(browser, server, group, viewport, signedIn);
        for (const f of found) console.error(formatFinding(f));
        findings.push(...found);
      }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log('');
  for (const f of findings) console.log(formatFinding(f));
  const failing = new Set(findings.map((f) => f.page)).size;
  console.log(`${findings.length} findings on ${failing} of ${pages} pages`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

await main();

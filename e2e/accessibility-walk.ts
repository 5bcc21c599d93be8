import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  AUDIT_GROUPS,
  auditGroup,
  DESKTOP,
  formatFinding,
  PHONE,
  PHONE_AUDIT_GROUPS,
  type AuditGroup,
} from './accessibility-audit.ts';
import { launchBrowser, startServer, type RunningServer } from './support.ts';

/**
 * Issue 12 in CI: axe-core (WCAG 2.1 A/AA and best practices) finds no serious or critical
 * violation on any main page, public in both languages and signed in by each demo role, and every
 * page has one h1 and one main landmark, icon-only controls named in the page's language. The page
 * list and the checks are those of `npm run a11y` (e2e/accessibility-audit.ts). At 390 px it audits
 * PHONE_AUDIT_GROUPS, with e2e/phone-layout.e2e.ts auditing the rest of a page of each layout that
 * changes on a phone on the visits it makes anyway (all pages twice would double the journey;
 * `npm run a11y -- --phone` audits every one).
 *
 * The walk is cut into parts of about equal length, one file each (accessibility-<part>.e2e.ts),
 * so the run's two workers share it with the journeys instead of one worker walking ~140 pages
 * alone at the end of the run. A group belongs to the part naming it; `units` takes every group
 * no other part names, so a group added to AUDIT_GROUPS is walked without touching this list.
 */
const NAMED_PARTS = {
  public: {
    desktop: ['public', 'public(en)', 'sysadmin', 'secadmin', 'auditadmin', 'newcomer'],
    phone: PHONE_AUDIT_GROUPS.map((g) => g.name),
  },
  coordinator: { desktop: ['coordinator', 'coordinator(en)'], phone: [] as string[] },
};

export type WalkPart = keyof typeof NAMED_PARTS | 'units';

/** The parts, one file each (e2e/accessibility-<part>.e2e.ts). */
export const WALK_PARTS: readonly WalkPart[] = ['public', 'coordinator', 'units'];

/** The desktop and phone groups a part walks. */
export function walkPart(part: WalkPart): { desktop: AuditGroup[]; phone: AuditGroup[] } {
  if (part !== 'units') {
    const { desktop, phone } = NAMED_PARTS[part];
    return {
      desktop: AUDIT_GROUPS.filter((g) => desktop.includes(g.name)),
      phone: PHONE_AUDIT_GROUPS.filter((g) => phone.includes(g.name)),
    };
  }
  const named = new Set(Object.values(NAMED_PARTS).flatMap((p) => p.desktop));
  const namedPhone = new Set(Object.values(NAMED_PARTS).flatMap((p) => p.phone));
  return {
    desktop: AUDIT_GROUPS.filter((g) => !named.has(g.name)),
    phone: PHONE_AUDIT_GROUPS.filter((g) => !namedPhone.has(g.name)),
  };
}

/** Pages per test: a long group (the coordinator's ~50 pages) is walked in several tests, each with its own budget. */
const PAGES_PER_TEST = 12;

/** A group cut into groups of at most PAGES_PER_TEST pages, named `coordinator 1/4` …. */
function chunked(groups: AuditGroup[]): AuditGroup[] {
  return groups.flatMap((g) => {
    const count = Math.ceil(g.pages.length / PAGES_PER_TEST);
    if (count <= 1) return [g];
    return Array.from({ length: count }, (_, i) => ({
      ...g,
      name: `${g.name} ${i + 1}/${count}`,
      pages: g.pages.slice(i * PAGES_PER_TEST, (i + 1) * PAGES_PER_TEST),
    }));
  });
}

/** One part of the walk: one server, one browser; each account signs in once. */
export function describeAccessibilityWalk(part: WalkPart) {
  const parts = walkPart(part);
  const desktop = chunked(parts.desktop);
  const phone = chunked(parts.phone);
  describe('the accessibility walk’s parts', () => {
    const names = (groups: readonly AuditGroup[]) => groups.map((g) => g.name).sort();
    it('walk every audit group in exactly one part, each part some, each named group as named', () => {
      const parts = WALK_PARTS.map(walkPart);
      expect(names(parts.flatMap((p) => p.desktop))).toEqual(names(AUDIT_GROUPS));
      expect(names(parts.flatMap((p) => p.phone))).toEqual(names(PHONE_AUDIT_GROUPS));
      for (const p of parts) expect(p.desktop.length + p.phone.length).toBeGreaterThan(0);
      // A misspelt name would move its group to `units` unnoticed, unbalancing the parts.
      for (const [name, named] of Object.entries(NAMED_PARTS)) {
        const walked = walkPart(name as WalkPart);
        expect(names(walked.desktop)).toEqual([...named.desktop].sort());
        expect(names(walked.phone)).toEqual([...named.phone].sort());
      }
    });
  });

  describe(`every main page passes the accessibility audit (${part})`, () => {
    let server: RunningServer;
    let browser: Browser;
    const signedIn = new Map<string, string>();
    // The demo loads slowly on a shared machine; the walk waits for it rather than fail.
    beforeAll(async () => {
      server = await startServer({ startTimeoutMs: 540_000 });
      browser = await launchBrowser();
    }, 600_000);
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it.each(desktop.map((g) => [g.name, g] as const))(
      '%s: no serious or critical violation, one h1 and one main on each page',
      async (_name, group) => {
        const findings = await auditGroup(browser, server, group, DESKTOP, signedIn);
        expect(findings.map(formatFinding)).toEqual([]);
      },
      300_000,
    );

    it.each(phone.map((g) => [g.name, g] as const))(
      '%s at 390 px: no serious or critical violation, one h1 and one main on each page',
      async (_name, group) => {
        const findings = await auditGroup(browser, server, group, PHONE, signedIn);
        expect(findings.map(formatFinding)).toEqual([]);
      },
      300_000,
    );
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

const PLAN = 'shangdang-vet-2020';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const CLERKS: Record<string, string> = { 'SD-FIN': 'finance', 'SD-HRSS': 'hrss', 'SD-VHS': 'vhs' };

interface Indicator {
  id: string;
  taskId: string;
  code: string;
  name: string;
  status: string;
}

/**
 * An off-track indicator led by a unit with a demo clerk and not yet the subject of a finding
 * (the demo already holds some), read through the API as the signed-in inspector.
 */
async function pickIndicator(page: Page, url: string) {
  const get = async <T>(path: string) => (await (await page.request.get(`${url}${path}`)).json()) as T;
  const { items: indicators } = await get<{ items: Indicator[] }>(`/api/plans/${PLAN}/indicators`);
  const { items: tasks } = await get<{
    items: Array<{ id: string; units: Array<{ code: string; role: string }> }>;
  }>(`/api/plans/${PLAN}/tasks`);
  const { items: findings } = await get<{ items: Array<{ subjectId: string | null }> }>(
    '/api/supervision/findings?limit=200',
  );
  const taken = new Set(findings.map((f) => f.subjectId));
  for (const ind of indicators) {
    if (ind.status !== 'off_track' || taken.has(ind.id)) continue;
    const lead = tasks.find((t) => t.id === ind.taskId)?.units.find((u) => u.role === 'lead');
    if (lead && CLERKS[lead.code]) return { indicator: ind, clerk: CLERKS[lead.code]! };
  }
  throw new Error('the demo holds no free off-track indicator of a unit with a demo clerk');
}

describe('from an off-track indicator to a closed rectification order (销号)', () => {
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

  it('inspector opens a finding and an order; the unit answers; the inspector verifies and closes it', async () => {
    const inspector = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(inspector, server, 'inspector');
    const { indicator, clerk } = await pickIndicator(inspector, server.url);

    // One click from the indicator: the finding carries the indicator's evidence.
    await inspector.goto(`${server.url}/indicators/${indicator.id}`);
    await inspector.getByTestId('create-finding-button').click();
    await inspector.getByText('将附带的佐证').waitFor();
    await shot(inspector, '11-inspector-finding-from-indicator');
    await inspector.getByTestId('finding-form-submit').click();
    await inspector.waitForURL(/\/supervision\/inspections\//);
    const row = inspector.locator('[data-testid^="finding-row-"]', { hasText: indicator.name }).first();
    await row.waitFor();
    await row.getByTestId('issue-order-button').click();
    await inspector
      .getByTestId('order-requirements')
      .fill('对照目标值查找差距，制定整改方案，30日内报送整改情况及佐证材料。');
    await shot(inspector, '12-inspector-issue-order');
    await inspector.getByTestId('order-form-submit').click();
    await inspector.waitForURL(/\/supervision\/orders\//);
    const orderUrl = inspector.url();
    await expect(inspector.getByTestId('order-state').getAttribute('data-state')).resolves.toBe('issued');

    // The responsible unit answers with measures and evidence.
    const unit = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(unit, server, clerk);
    await unit.goto(`${server.url}/supervision/orders`);
    await unit.locator('[data-testid^="order-row-"]').first().waitFor();
    await shot(unit, '13-unit-orders');
    await unit.goto(orderUrl);
    await unit
      .getByTestId('order-measures')
      .fill('1. 已制定专项整改方案并印发；2. 相关经费已纳入年度预算；3. 建立按月调度机制。');
    await unit
      .getByTestId('order-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await unit.getByText('整改方案.pdf').first().waitFor();
    await shot(unit, '14-unit-answer');
    await unit.getByTestId('order-answer-submit').click();
    await expect
      .poll(() => unit.getByTestId('order-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('answered');
    // The unit can neither verify nor close its own order.
    expect(await unit.getByTestId('order-verify-button').count()).toBe(0);

    // The inspector verifies (复核通过) and closes it (销号).
    await inspector.reload();
    await inspector.getByTestId('order-verify-button').click();
    await inspector.getByTestId('comment-input').fill('经复核，整改措施落实到位，佐证材料齐全。');
    await inspector.getByTestId('order-verify-submit').click();
    await expect
      .poll(() => inspector.getByTestId('order-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('verified');
    await inspector.getByTestId('order-close-button').click();
    await inspector.getByTestId('order-close-confirm').click();
    await expect
      .poll(() => inspector.getByTestId('order-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('closed');
    await shot(inspector, '15-inspector-order-closed');

    await inspector.goto(`${server.url}/supervision`);
    await inspector.getByTestId('supervision-kpi-open-orders').waitFor();
    await shot(inspector, '16-supervision-dashboard');
  });
});

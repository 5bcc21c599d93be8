import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ALERT_TIER_LABELS, type AlertTier } from '@zhijiao/contracts';
import { firstSignIn, launchBrowser, shot, startServer, type RunningServer } from './support.ts';

type Order = { id: string; title: string; tier: AlertTier | null };

/** The rows of a downloaded export as text: title block (3 rows), header, data rows. */
async function readDownload(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) =>
    rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

describe('export to Excel with the page’s filters, and print without the chrome', () => {
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

  it('the coordinator exports the orders list filtered by colour tier, then prints an order without sider or header', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await firstSignIn(page, server, 'coordinator');
    const all = (
      (await (await page.request.get(`${server.url}/api/supervision/orders`)).json()) as {
        items: Order[];
      }
    ).items;
    const tier = all.find((o) => o.tier)?.tier;
    expect(tier, 'the demo has an order with a colour tier').toBeDefined();
    const expected = all.filter((o) => o.tier === tier).map((o) => o.title);
    expect(expected.length).toBeLessThan(all.length);

    await page.goto(`${server.url}/supervision/orders?tier=${tier}`);
    await page.getByTestId('order-row-0').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^整改通知-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await readDownload((await file.path())!);
    expect(rows[0]![0]).toMatch(/^整改通知 — /);
    expect(rows[1]![0]).toBe(`筛选：预警=${ALERT_TIER_LABELS[tier!].zh}`);
    expect(rows[3]![0]).toBe('整改通知');
    expect(
      rows
        .slice(4)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...expected].sort());
    await shot(page, '41-orders-filtered-export');

    await page.goto(`${server.url}/supervision/orders/${all[0]!.id}`);
    await page.getByTestId('print-button').waitFor();
    expect(await page.locator('.ant-layout-sider').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').first().isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-header').first().isVisible()).toBe(false);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    await shot(page, '42-order-print');
  });
});

import type { ApiResponse } from '@zhijiao/contracts/api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getJson, renderPage, signIn } from '@/test/render-page';

type Orders = ApiResponse<'get', '/api/supervision/orders'>;

/**
 * The anchors the download helper clicks, with the file each one saves. happy-dom cannot fetch a
 * `blob:` URL, so the blob is kept as the page hands it to `URL.createObjectURL` (which still runs).
 */
function capturedDownloads() {
  const saved: Array<{ name: string; href: string }> = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob) => {
    const href = create(blob);
    blobs.set(href, blob);
    return href;
  };
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target as HTMLAnchorElement;
      if (a.tagName === 'A' && a.download) {
        saved.push({ name: a.download, href: a.href });
        e.preventDefault();
      }
    },
    true,
  );
  return { saved, blobOf: (href: string) => blobs.get(href)! };
}

describe('导出 Excel on the orders list (/supervision/orders)', () => {
  let closed: Orders['items'];
  beforeAll(async () => {
    await signIn('coordinator');
    closed = (await getJson<Orders>('/api/supervision/orders?state=closed&limit=500')).items;
  });

  it('downloads the list’s export with the page’s filters, under the server’s Chinese file name', async () => {
    const { saved, blobOf } = capturedDownloads();
    renderPage('/supervision/orders?state=closed');
    await waitFor(() => expect(screen.getByTestId('order-row-0')).toBeTruthy(), { timeout: 30_000 });
    fireEvent.click(screen.getByTestId('export-button'));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 15_000 });
    expect(saved[0]!.name).toMatch(/^整改通知-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blobOf(saved[0]!.href).arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('筛选：状态=已销号');
    expect(ws.rowCount - 4).toBe(closed.length);
  });
});

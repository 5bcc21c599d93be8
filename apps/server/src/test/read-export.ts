import ExcelJS from 'exceljs';
import { TITLE_ROWS } from '../platform/export/xlsx-export.ts';

/** An export as a test reads it: the title block, the header row and the data rows, as text. */
export interface ReadExport {
  sheetName: string;
  titleBlock: string[];
  header: string[];
  rows: string[][];
  /** Every cell of the sheet, as text (for "holds no ID number" checks). */
  cells: string[];
  frozenRows: number | undefined;
  disposition: string;
}

const text = (v: ExcelJS.CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v);

/** Opens an export answer (`app.inject` response) with exceljs, as a clerk's Excel would. */
export async function readExport(res: {
  rawPayload: Buffer;
  headers: Record<string, unknown>;
}): Promise<ReadExport> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const all: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    all.push(values.slice(1).map(text));
  });
  const view = ws.views[0] as { ySplit?: number } | undefined;
  return {
    sheetName: ws.name,
    titleBlock: all.slice(0, TITLE_ROWS).map((r) => r[0] ?? ''),
    header: all[TITLE_ROWS] ?? [],
    rows: all.slice(TITLE_ROWS + 1),
    cells: all.flat(),
    frozenRows: view?.ySplit,
    disposition: String(res.headers['content-disposition'] ?? ''),
  };
}

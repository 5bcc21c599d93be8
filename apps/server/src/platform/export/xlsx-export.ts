import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { escapeCell } from '../files/spreadsheet-escape.ts';

/*
 * One writer for every list's Excel export: typed columns in, an .xlsx stream out. The sheet has a
 * title block (list name and unit, the filters applied, the export time in China time), a bold
 * frozen header row and set column widths, and every text cell escaped against formula injection
 * (SECURITY.md). Rows are written and committed one by one through exceljs's streaming writer, so a
 * long list is never held as a whole workbook in memory.
 */

/** The language of an export's headers and title block. */
export type ExportLocale = 'zh' | 'en';

/** A text in both languages (Simplified Chinese first). */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * How a column's values are written: `text` as escaped strings, `integer`/`number` as numbers,
 * `percent` as a share (0.25 → 25.0 %), `date` a `YYYY-MM-DD` calendar date, `datetime` an
 * instant shown in China time.
 */
export type ExportFormat = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime';

/** One column of an export: its header, how a row gives its value, its format and width. */
export interface ExportColumn<Row> {
  header: Bilingual;
  /** The row's value; labels in `locale` (the export's language). */
  value: (row: Row, locale: ExportLocale) => unknown;
  format?: ExportFormat;
  /** Width in characters; 14 when not given. */
  width?: number;
}

/** A filter as shown in the title block, e.g. `{ label: { zh: '状态', en: 'Status' }, value: '已下发' }`. */
export interface ExportFilter {
  label: Bilingual;
  value: string | Bilingual;
}

/** Everything one export sheet needs. */
export interface ExportSheet<Row> {
  /** The list's name; also the sheet name (Chinese) and the file name. */
  title: Bilingual;
  /** The actor's unit, named in the title block. */
  unitName: string;
  filters: readonly ExportFilter[];
  exportedAt: Date;
  columns: readonly ExportColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  locale?: ExportLocale;
}

const NUMBER_FORMATS: Record<ExportFormat, string | undefined> = {
  text: '@',
  integer: '0',
  number: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const CHINA_OFFSET_MS = 8 * 3600_000;
/** Rows above the header: title, filters, export time. */
export const TITLE_ROWS = 3;

/** China time as `YYYY-MM-DD HH:mm`, the way the title block and file names show it. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A cell value in the column's format. Dates become Excel dates (an instant is shifted to China
 * time first, since a spreadsheet has no time zone); anything that is not what the format expects
 * falls back to escaped text, so no value reaches the sheet unescaped.
 *
 * @example cellValue('percent', 0.25) // 0.25 (shown 25.0%)
 * @example cellValue('text', '=1+1')  // "'=1+1"
 */
export function cellValue(format: ExportFormat, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return '';
  if (format === 'integer' || format === 'number' || format === 'percent') {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n === 'number' && Number.isFinite(n)) return n;
  }
  if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  if (format === 'datetime' || format === 'date') {
    const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (at && !Number.isNaN(at.getTime()))
      return format === 'date'
        ? new Date(`${chinaDateTime(at).slice(0, 10)}T00:00:00Z`)
        : new Date(at.getTime() + CHINA_OFFSET_MS);
  }
  return escapeCell(value);
}

/** The sheet name: Excel allows 31 characters and none of `\ / ? * [ ] :`. */
function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** The filters line of the title block, e.g. `筛选：状态=已下发；年度=2025` (or `筛选：无`). */
export function filtersLine(filters: readonly ExportFilter[], locale: ExportLocale): string {
  const label = locale === 'zh' ? '筛选：' : 'Filters: ';
  if (filters.length === 0) return label + (locale === 'zh' ? '无' : 'none');
  return (
    label +
    filters
      .map((f) => `${f.label[locale]}=${typeof f.value === 'string' ? f.value : f.value[locale]}`)
      .join(locale === 'zh' ? '；' : '; ')
  );
}

/**
 * A further sheet of the same workbook (a summary, a note on the columns): its own title, columns
 * and rows under the first sheet's title block (unit, filters, export time).
 */
export interface ExtraSheet<Row> {
  title: Bilingual;
  columns: readonly ExportColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
}

async function writeSheets<Row>(
  sheet: ExportSheet<Row>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  more: readonly ExtraSheet<any>[],
  out: PassThrough,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  await writeSheet(wb, sheet);
  for (const extra of more) await writeSheet(wb, { ...sheet, ...extra });
  await wb.commit();
}

async function writeSheet<Row>(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExportSheet<Row>,
): Promise<number> {
  const locale = sheet.locale ?? 'zh';
  const ws = wb.addWorksheet(sheetName(sheet.title.zh), {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1, xSplit: 0 }],
  });
  ws.columns = sheet.columns.map((c) => ({
    width: c.width ?? 14,
    style: { numFmt: NUMBER_FORMATS[c.format ?? 'text'] },
  }));
  const title = ws.addRow([escapeCell(`${sheet.title[locale]} — ${sheet.unitName}`)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([escapeCell(filtersLine(sheet.filters, locale))]).commit();
  const time = chinaDateTime(sheet.exportedAt);
  ws.addRow([locale === 'zh' ? `导出时间：${time}（北京时间）` : `Exported: ${time} (China time)`]).commit();
  // Headers may come from user data (a season's subjects, its batches): escaped like any cell.
  const header = ws.addRow(sheet.columns.map((c) => escapeCell(c.header[locale])));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of sheet.rows) {
    ws.addRow(sheet.columns.map((c) => cellValue(c.format ?? 'text', c.value(row, locale)))).commit();
    count += 1;
  }
  ws.commit();
  return count;
}

/**
 * Writes an export sheet (and `more` sheets after it) as an .xlsx stream. The stream fails (is destroyed with the error) if
 * writing fails after it was handed out.
 *
 * @example
 * const stream = writeXlsx({ title: { zh: '整改通知书', en: 'Rectification orders' }, unitName: '区教育局',
 *   filters: [], exportedAt: clock.now(), columns, rows: orders });
 */
export function writeXlsx<Row>(
  sheet: ExportSheet<Row>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  more: readonly ExtraSheet<any>[] = [],
): Readable {
  const out = new PassThrough();
  writeSheets(sheet, more, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

import ExcelJS from 'exceljs';
import { cellWord, emptyRequiredCells, sheetRecords } from '../../platform/files/sheet-records.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';

/** One row-level problem of an import: Excel row number, field, code, messages, and a code's position. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
  position?: number | null;
}

/** One row of the 规上 list / staff count file, parsed (codes and enterprises not yet checked). */
export interface RegisterRow {
  row: number;
  uscc: string;
  /** 企业名称: needed only to register an enterprise not yet on the register. */
  legalName: string;
  /** 行业代码 (大类): likewise. */
  industryDivision: string;
  address: string;
  year: number;
  /** Undefined: the cell was empty (the year keeps its value). */
  staff?: number;
  listedAboveScale?: boolean;
  revenueWan?: number;
}

/** The columns of the file, in template order: header and field. */
export const COLUMNS = [
  ['统一社会信用代码', 'uscc'],
  ['企业名称', 'legalName'],
  ['行业代码', 'industryDivision'],
  ['地址', 'address'],
  ['年度', 'year'],
  ['职工总数', 'staff'],
  ['是否规上', 'listedAboveScale'],
  ['营业收入（万元）', 'revenueWan'],
] as const;
const REQUIRED = new Set(['uscc', 'year']);
export const MAX_ROWS = 60_000;
/** Columns read at most: the template has 8, the header is looked up by name; cells further right are ignored. */
const MAX_COLUMNS = 64;
/** The bounds of the API's year body (enterprises.schema.ts), which the columns hold. */
const MAX_STAFF = 10_000_000;
const MAX_REVENUE_WAN = 1e12;
/** A cell quoted in a problem, cut to 50 characters: a row error never echoes a whole paragraph. */
const quoted = (text: string) => {
  // Only the head is spread into characters: a cell may be long (32,767 characters in Excel).
  const head = [...text.slice(0, 102)];
  return head.length > 50 ? `${head.slice(0, 50).join('')}…` : text;
};
const YES_NO: Record<string, boolean> = { 是: true, 否: false, 规上: true, 规下: false };

/**
 * Reads the file (first sheet, header row first) and returns each non-empty row parsed, or the
 * problems of the row: missing columns, empty required cells, years, counts and amounts that are not
 * numbers, unknown 是否规上 words. Codes, industries and enterprises are the caller's to check.
 */
export async function readRegisterFile(
  buffer: Buffer,
  thisYear: number,
): Promise<{ rows: RegisterRow[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const fileProblem = (code: string, message: string, messageEn: string) => ({
    rows: [],
    problems: [{ row: 0, field: 'file', code, message, messageEn }],
  });
  const sheet = readFirstSheet(buffer, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
  if (!sheet.ok)
    return sheet.code === 'TOO_MANY_ROWS'
      ? fileProblem('FILE_TOO_MANY_ROWS', `不能超过 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows`)
      : fileProblem(
          'FILE_UNREADABLE',
          `无法读取该 Excel 文件：${sheet.why.zh}`,
          `The Excel file cannot be read: ${sheet.why.en}`,
        );
  if (sheet.rowCount < 2) return fileProblem('FILE_NO_ROWS', '文件中没有企业数据', 'The file holds no rows');
  const { missing, records } = sheetRecords<string>(sheet, COLUMNS, REQUIRED, (h) =>
    h.replace(/\(/g, '（').replace(/\)/g, '）'),
  );
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: RegisterRow[] = [];
  for (const record of records) {
    const { row: n, cell } = record;
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    problems.push(...emptyRequiredCells(record, COLUMNS, REQUIRED));
    const number = (field: string, h: string, whole: boolean, max: number) => {
      const text = cell[field]!.replace(/[,，\s]/g, '');
      if (!text) return undefined;
      const value = Number(text);
      if (!/^\d+(\.\d+)?$/.test(text) || (whole && !Number.isInteger(value))) {
        add(
          field,
          'NUMBER_INVALID',
          `“${h}”应为${whole ? '非负整数' : '非负数'}，现为“${quoted(cell[field]!)}”`,
          `“${h}” must be a ${whole ? 'whole number' : 'number'} ≥ 0, not “${quoted(cell[field]!)}”`,
        );
        return undefined;
      }
      // The same bounds as the API's (enterprises.schema.ts): larger values do not fit the columns.
      if (value > max) {
        add(
          field,
          'NUMBER_TOO_LARGE',
          `“${h}”不能超过 ${max}，现为 ${quoted(text)}`,
          `“${h}” must be at most ${max}, not ${quoted(text)}`,
        );
        return undefined;
      }
      return value;
    };
    let year: number | undefined;
    if (cell.year) {
      year = number('year', '年度', true, 9999);
      if (year !== undefined && (year < 1949 || year > thisYear)) {
        add(
          'year',
          'YEAR_INVALID',
          `年度 ${year} 不在 1949–${thisYear} 之间`,
          `Year ${year} is not within 1949–${thisYear}`,
        );
        year = undefined;
      }
    }
    const staff = number('staff', '职工总数', true, MAX_STAFF);
    const revenueWan = number('revenueWan', '营业收入（万元）', false, MAX_REVENUE_WAN);
    const listed = cellWord(YES_NO, cell.listedAboveScale);
    if (cell.listedAboveScale && listed === undefined)
      add(
        'listedAboveScale',
        'VALUE_UNKNOWN',
        `“是否规上”应填“是”或“否”，现为“${quoted(cell.listedAboveScale!)}”`,
        `“是否规上” must be 是 or 否, not “${quoted(cell.listedAboveScale!)}”`,
      );
    if (problems.length > before || year === undefined) continue;
    rows.push({
      row: n,
      uscc: cell.uscc!,
      legalName: cell.legalName!.slice(0, 200),
      industryDivision: cell.industryDivision!,
      address: cell.address!.slice(0, 200),
      year,
      ...(staff !== undefined ? { staff } : {}),
      ...(listed !== undefined ? { listedAboveScale: listed } : {}),
      ...(revenueWan !== undefined ? { revenueWan } : {}),
    });
  }
  return { rows, problems };
}

/** The blank import template (.xlsx): the header row (the code column as text) and a help sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('规上企业名录');
  ws.addRow(COLUMNS.map(([h]) => h));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = [0, 1, 3].includes(i) ? 28 : 14;
    if (i === 0 || i === 2) c.numFmt = '@';
  });
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一家企业一个年度；以统一社会信用代码识别企业，同一企业同一年度只能出现一行。同一文件导入两次只生效一次。',
    '必填：统一社会信用代码（18 位，按文本填写；有误时提示出错的位置）、年度。',
    '名录中尚无的企业：须填写企业名称和行业代码（国民经济行业分类大类，两位数字，如 27 医药制造业），导入时同时登记到本区企业名录；已登记的企业不必填写这三列，填写也不会改动名录信息。',
    '职工总数：年末职工人数，非负整数；留空则保留原值。',
    '是否规上：统计局规模以上企业名录的结论，填“是”或“否”；留空则保留原值，没有名录结论时按营业收入和行业标准测算。',
    '营业收入（万元）：非负数；留空则保留原值。',
    '文件中任何一行有误时，整个文件不导入，并逐行列出问题。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

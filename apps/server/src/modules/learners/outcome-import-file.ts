import { OUTCOME_LEVEL_LABELS, type OutcomeLevel } from '@zhijiao/contracts';
import ExcelJS from 'exceljs';
import { cellWord, emptyRequiredCells, sheetRecords } from '../../platform/files/sheet-records.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';

/** One problem of an import: the Excel row, the column's field, a stable code, zh and en. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/**
 * One row of a 1+X results file, parsed (ID, learner and certificate not yet checked): one sitting
 * (考核记录). A pass (合格) carries the certificate's number and issue date; a failure (不合格)
 * neither. The assessment's day is the 考核日期 column's, else the issue date.
 */
export type ResultRow = {
  row: number;
  idNumber: string;
  title: string;
  certificateCode: string | null;
  level: OutcomeLevel;
  issuer: string;
  examOn: string;
} & (
  { passed: true; number: string; achievedOn: string } | { passed: false; number: null; achievedOn: null }
);

/** The columns of the results file, in template order: header and field (姓名 may be there; it is never read). */
export const COLUMNS = [
  ['身份证号', 'idNumber'],
  ['证书名称', 'title'],
  ['证书代码', 'certificateCode'],
  ['等级', 'level'],
  ['培训评价组织', 'issuer'],
  ['证书编号', 'number'],
  ['发证日期', 'achievedOn'],
  ['考核结果', 'result'],
  ['考核日期', 'examOn'],
] as const;
const HEADER_OF = Object.fromEntries(COLUMNS.map(([h, f]) => [f, h])) as Record<string, string>;
/** Columns a file must have (考核结果 and 考核日期 may be absent: an older file lists passes only). */
const REQUIRED = new Set(['idNumber', 'title', 'level', 'issuer', 'number', 'achievedOn']);
/** Cells a failure's row must fill: no certificate number or issue date, the day it sat instead. */
const REQUIRED_FAILED = new Set(['idNumber', 'title', 'level', 'issuer', 'examOn']);
/** 考核结果 as written → passed; an empty cell or an absent column is 合格. */
const RESULT_WORDS: Record<string, boolean> = {
  合格: true,
  不合格: false,
  pass: true,
  fail: false,
  passed: true,
  failed: false,
};
/** The most characters each text field holds (the columns of learning_outcome). */
const MAX_LENGTH: Record<string, number> = { title: 100, certificateCode: 50, issuer: 100, number: 64 };
export const MAX_ROWS = 100_000;
const MAX_COLUMNS = 64;
const LEVEL_WORDS: Record<string, OutcomeLevel> = {
  ...Object.fromEntries(Object.entries(OUTCOME_LEVEL_LABELS).map(([k, v]) => [v.zh, k as OutcomeLevel])),
  ...Object.fromEntries(
    Object.entries(OUTCOME_LEVEL_LABELS).map(([k, v]) => [v.en.toLowerCase(), k as OutcomeLevel]),
  ),
};
/** A cell quoted in a problem, cut to 50 characters. */
const quoted = (text: string) => (text.length > 50 ? `${text.slice(0, 50)}…` : text);

/** `2021-6-1`, `2021/06/01`, `2021.6.1`, `2021年6月1日` → `2021-06-01`; not a real day → null. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * Reads a 1+X results file (first sheet, header row first; columns found by their header) and
 * returns each non-empty row parsed, or its problems: missing columns, empty required cells,
 * unknown levels, dates that are no day, texts too long. The ID number, the learner and the
 * certificate are the caller's to check.
 */
export function readResultsFile(buffer: Buffer): { rows: ResultRow[]; problems: RowProblem[] } {
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
  if (sheet.rowCount < 2) return fileProblem('FILE_NO_ROWS', '文件中没有证书数据', 'The file holds no rows');
  const { missing, records } = sheetRecords<string>(sheet, COLUMNS, REQUIRED);
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: ResultRow[] = [];
  for (const record of records) {
    const { row: n, cell } = record;
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    const result = cell.result ? RESULT_WORDS[cell.result.toLowerCase()] : true;
    if (result === undefined)
      add(
        'result',
        'VALUE_UNKNOWN',
        `“考核结果”应为合格或不合格，现为“${quoted(cell.result!)}”`,
        `“考核结果” must be 合格 (pass) or 不合格 (fail), not “${quoted(cell.result!)}”`,
      );
    const passed = result !== false;
    // A failure's day is its 考核日期, or the date column an older habit fills.
    if (!passed && !cell.examOn && cell.achievedOn) cell.examOn = cell.achievedOn;
    problems.push(...emptyRequiredCells(record, COLUMNS, passed ? REQUIRED : REQUIRED_FAILED));
    if (!passed && cell.number)
      add(
        'number',
        'NOT_ALLOWED',
        '不合格的考核没有证书编号，请核对“考核结果”',
        'A failed sitting has no certificate number: check “考核结果”',
      );
    for (const [field, max] of Object.entries(MAX_LENGTH))
      if (cell[field]!.length > max)
        add(
          field,
          'TOO_LONG',
          `“${HEADER_OF[field]}”不能超过 ${max} 个字符`,
          `“${HEADER_OF[field]}” holds at most ${max} characters`,
        );
    const level = cellWord(LEVEL_WORDS, cell.level?.toLowerCase());
    if (cell.level && !level)
      add(
        'level',
        'VALUE_UNKNOWN',
        `“等级”应为初级、中级或高级，现为“${quoted(cell.level)}”`,
        `“等级” must be 初级, 中级 or 高级, not “${quoted(cell.level)}”`,
      );
    const date = (field: 'achievedOn' | 'examOn') => {
      const text = cell[field]!;
      const day = text ? normaliseDate(text) : null;
      if (text && !day)
        add(
          field,
          'DATE_INVALID',
          `“${HEADER_OF[field]}”不是有效日期（YYYY-MM-DD），现为“${quoted(text)}”`,
          `“${HEADER_OF[field]}” is not a date (YYYY-MM-DD): “${quoted(text)}”`,
        );
      return day;
    };
    const achievedOn = passed ? date('achievedOn') : null;
    const examOn = cell.examOn ? date('examOn') : achievedOn;
    if (problems.length > before) continue;
    const common = {
      row: n,
      idNumber: cell.idNumber!,
      title: cell.title!,
      certificateCode: cell.certificateCode || null,
      level: level!,
      issuer: cell.issuer!,
      examOn: examOn!,
    };
    rows.push(
      passed
        ? { ...common, passed, number: cell.number!, achievedOn: achievedOn! }
        : { ...common, passed, number: null, achievedOn: null },
    );
  }
  return { rows, problems };
}

/** The blank results template (.xlsx): the header row (ID and number columns as text) and a help sheet. */
export async function buildResultsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1+X证书结果');
  ws.addRow(['姓名', ...COLUMNS.map(([h]) => h)]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = [1, 5, 6].includes(i) ? 28 : 16;
    c.numFmt = '@';
  });
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一本 1+X 职业技能等级证书；学生按身份证号与本校学籍匹配（不按姓名匹配，姓名列仅供核对）。',
    '每行一次考核（考核记录）：“考核结果”填合格或不合格（不填视为合格；没有该列的旧文件每行均视为合格）。',
    '合格必填：身份证号、证书名称、等级（初级、中级、高级）、培训评价组织、证书编号、发证日期（YYYY-MM-DD）。证书代码选填。',
    '不合格必填：身份证号、证书名称、等级、培训评价组织、考核日期；不填证书编号和发证日期。合格的考核日期不填时按发证日期计。',
    '同一学生同一天参加同一培训评价组织同一证书同一等级的考核只记一次：同一考核再次导入不会重复。合格的考核生成证书（学习成果），不合格的不生成。',
    '同一培训评价组织的同一证书编号只登记一次：已登记的证书再次导入不会重复；同一文件导入两次只生效一次。',
    '导入的证书为“待认定”，由区教育局对照学习成果名录认定后计入学分银行账户。',
    '文件中任何一行有误时，整个文件不导入，并逐行列出问题。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

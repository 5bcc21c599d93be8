import { LEARNER_STATUS_LABELS, type LearnerStatus } from '@zhijiao/contracts';
import ExcelJS from 'exceljs';
import { cellWord, sheetRecords } from '../../platform/files/sheet-records.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';

/*
 * The register import file (学籍导入): students enrolled before Zhijiao, one a row, on the first
 * sheet under a header row. This file reads the cells into rows (and lists what is wrong with a
 * cell by itself); the ID number, the dates against each other and the register are checked by
 * learner-import.plan.ts.
 */

/** One row-level problem of an import: Excel row number, field, code and message in zh and en. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/**
 * One row of the file, parsed (the ID number, dates and register not yet checked). A row with a
 * problem of its own cells comes too, `complete: false`, so that its ID number is still checked and
 * the clerk sees every problem of the row at once; its other fields are then not to be relied on.
 */
export interface LearnerFileRow {
  row: number;
  complete: boolean;
  name: string;
  idNumber: string;
  /** Undefined: the cell was empty (the sex is the ID number's). */
  sex?: 'M' | 'F';
  majorCode: string;
  majorName: string;
  className: string;
  cohortYear: number;
  status: LearnerStatus;
  /** Undefined: the cell was empty (allowed for 在籍 only). */
  statusDate?: string;
}

/** The columns of the file, in template order: header and field. */
export const LEARNER_COLUMNS = [
  ['姓名', 'name'],
  ['身份证号', 'idNumber'],
  ['性别', 'sex'],
  ['专业代码', 'majorCode'],
  ['专业名称', 'majorName'],
  ['班级', 'className'],
  ['入学年份', 'cohortYear'],
  ['学籍状态', 'status'],
  ['状态日期', 'statusDate'],
] as const;
const REQUIRED = new Set(['name', 'idNumber', 'majorCode', 'majorName', 'cohortYear', 'status']);
/** The longest text each column holds (as the register's columns do, migration 0036). */
const MAX_LENGTH: Record<string, number> = { name: 100, majorCode: 32, majorName: 100, className: 50 };
export const MAX_ROWS = 20_000;
const MAX_COLUMNS = 64;
/** The first cell of the template's example row starts so: the import passes over that row. */
export const EXAMPLE_MARK = '（示例）';

const SEX: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F' };
const STATUS_WORDS: Record<string, LearnerStatus> = Object.fromEntries(
  Object.entries(LEARNER_STATUS_LABELS).map(([k, v]) => [v.zh, k as LearnerStatus]),
);

/** A cell quoted in a problem, cut to 50 characters. */
const quoted = (text: string) => {
  const head = [...text.slice(0, 102)];
  return head.length > 50 ? `${head.slice(0, 50).join('')}…` : text;
};

/** `2021-9-1`, `2021/09/01`, `2021.9.1`, `2021年9月1日` and Excel dates → `2021-09-01`; anything else → null. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const date = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d ? d : null;
}

const fileProblem = (code: string, message: string, messageEn: string) => ({
  rows: [],
  problems: [{ row: 0, field: 'file', code, message, messageEn }],
});

/**
 * Reads the file (first sheet, header row first) with the platform's reader and returns each
 * non-empty row parsed, and the problems of its cells: missing columns, empty required cells, unknown
 * 性别 and 学籍状态 words, a year or a date that is not one, a text too long. The template's
 * example row (its name starting `（示例）`) is passed over.
 */
export function readLearnersFile(buffer: Buffer): { rows: LearnerFileRow[]; problems: RowProblem[] } {
  const sheet = readFirstSheet(buffer, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
  if (!sheet.ok)
    return sheet.code === 'TOO_MANY_ROWS'
      ? fileProblem('FILE_TOO_MANY_ROWS', `学生不能超过 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows`)
      : fileProblem(
          'FILE_UNREADABLE',
          `无法读取该 Excel 文件：${sheet.why.zh}`,
          `The Excel file cannot be read: ${sheet.why.en}`,
        );
  const problems: RowProblem[] = [];
  const { missing, records } = sheetRecords<string>(sheet, LEARNER_COLUMNS, REQUIRED);
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: LearnerFileRow[] = [];
  for (const { row: n, cell } of records) {
    if (cell.name!.startsWith(EXAMPLE_MARK)) continue;
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    for (const [h, field] of LEARNER_COLUMNS) {
      if (REQUIRED.has(field) && !cell[field]) add(field, 'REQUIRED', `“${h}”不能为空`, `“${h}” is required`);
      const max = MAX_LENGTH[field];
      if (max && [...cell[field]!].length > max)
        add(field, 'TOO_LONG', `“${h}”不能超过 ${max} 个字`, `“${h}” holds at most ${max} characters`);
    }
    const sex = cellWord(SEX, cell.sex);
    if (cell.sex && !sex)
      add(
        'sex',
        'VALUE_UNKNOWN',
        `“性别”应填“男”或“女”，现为“${quoted(cell.sex)}”`,
        `“性别” must be 男 or 女, not “${quoted(cell.sex)}”`,
      );
    const status = cellWord(STATUS_WORDS, cell.status);
    if (cell.status && !status)
      add(
        'status',
        'VALUE_UNKNOWN',
        `“学籍状态”应为 在籍、休学、转学、退学 或 毕业，现为“${quoted(cell.status)}”`,
        `“学籍状态” must be 在籍, 休学, 转学, 退学 or 毕业, not “${quoted(cell.status)}”`,
      );
    const year = /^\d{4}$/.test(cell.cohortYear!) ? Number(cell.cohortYear) : undefined;
    if (cell.cohortYear && year === undefined)
      add(
        'cohortYear',
        'YEAR_INVALID',
        `“入学年份”应为四位年份，如 2021，现为“${quoted(cell.cohortYear)}”`,
        `“入学年份” must be a year such as 2021, not “${quoted(cell.cohortYear)}”`,
      );
    const statusDate = cell.statusDate ? normaliseDate(cell.statusDate) : undefined;
    if (statusDate === null)
      add(
        'statusDate',
        'DATE_INVALID',
        `“状态日期”不是有效日期（YYYY-MM-DD），现为“${quoted(cell.statusDate!)}”`,
        `“状态日期” is not a date (YYYY-MM-DD): “${quoted(cell.statusDate!)}”`,
      );
    if (status && status !== 'enrolled' && !cell.statusDate)
      add(
        'statusDate',
        'REQUIRED',
        `学籍状态为“${cell.status}”时须填写“状态日期”`,
        `“状态日期” is required when the status is ${cell.status}`,
      );
    rows.push({
      row: n,
      complete: problems.length === before,
      name: cell.name!,
      idNumber: cell.idNumber!,
      ...(sex ? { sex } : {}),
      majorCode: cell.majorCode!,
      majorName: cell.majorName!,
      className: cell.className!,
      cohortYear: year ?? 0,
      status: status ?? 'enrolled',
      ...(statusDate ? { statusDate } : {}),
    });
  }
  if (rows.length === 0 && problems.length === 0)
    return fileProblem('FILE_NO_ROWS', '文件中没有学生数据', 'The file holds no students');
  return { rows, problems };
}

/**
 * The import template (.xlsx): the header row (the ID number and the codes as text), one example
 * row marked `（示例）` that the import passes over, and a help sheet.
 */
export async function buildLearnersTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学籍导入');
  ws.addRow(LEARNER_COLUMNS.map(([h]) => h));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = [1, 4].includes(i) ? 22 : 12;
    if (i === 1 || i === 3) c.numFmt = '@';
  });
  const example = ws.addRow([
    `${EXAMPLE_MARK}王小明`,
    '140421200603150034',
    '男',
    '660301',
    '焊接技术应用',
    '2021级1班',
    '2021',
    '毕业',
    '2024-07-01',
  ]);
  example.font = { italic: true, color: { argb: 'FF888888' } };
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一名学生，导入到本校学籍（登录账号所属学校）。第 2 行为示例（姓名以“（示例）”开头），导入时自动跳过，可删除。',
    '必填：姓名、身份证号（18 位，按文本填写）、专业代码、专业名称、入学年份（四位年份，如 2021）、学籍状态。',
    '性别：男 或 女，可不填（按身份证号）；填写时须与身份证号一致。班级可不填。',
    '学籍状态：在籍、休学、转学、退学 或 毕业。状态日期：该状态生效的日期（YYYY-MM-DD），不早于入学年份、不晚于今天；状态不是“在籍”时必填，“在籍”时为入学（注册）日期，可不填（按入学年份 9 月 1 日）。',
    '每名学生的学籍变动记录从一条“学籍导入”的入学记录开始；状态不是“在籍”时，另记一条该状态在状态日期的变动。',
    '文件中任何一行有误时，整个文件不导入，并逐行列出问题。已在本校学籍中且信息相同的学生跳过（同一文件再次导入不会重复登记）；信息不同的报错，请在学生详情页办理学籍变动。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

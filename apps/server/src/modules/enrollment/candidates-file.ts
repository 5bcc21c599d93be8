import ExcelJS from 'exceljs';
import type { ImportRowProblem } from '../../platform/files/import-refusal.ts';
import { emptyRequiredCells, sheetRecords } from '../../platform/files/sheet-records.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';

/** One row-level problem of an import: Excel row number, column, code and message in zh and en. */
export type RowProblem = ImportRowProblem;

/** One valid candidate row, normalised. */
export interface CandidateRow {
  row: number;
  examNumber: string;
  name: string;
  idNumber: string;
  sex: 'M' | 'F';
  schoolCode: string;
  scores: Record<string, number>;
  bonus: number;
}

/** The fixed columns of the exam office's file, in template order: header text and field key. */
const FIXED = [
  ['考号', 'examNumber'],
  ['姓名', 'name'],
  ['身份证号', 'idNumber'],
  ['性别', 'sex'],
  ['毕业学校代码', 'schoolCode'],
] as const;
/** The fixed columns' cells are required; a subject's or the bonus's are checked as numbers. */
const REQUIRED_CELLS = new Set<string>(FIXED.map(([, field]) => field));
const BONUS = ['政策照顾分', 'bonus'] as const;
const MAX_ROWS = 100_000;

/** A season's columns: fixed ones, one per subject (by name, field `scores.<key>`), then the bonus. */
function seasonColumns(subjects: Array<{ key: string; name: string }>): Array<readonly [string, string]> {
  return [...FIXED, ...subjects.map((s) => [s.name, `scores.${s.key}`] as const), BONUS];
}

/** The header row of a season's file: fixed columns, one per subject (by name), then the bonus. */
export function templateHeaders(subjects: Array<{ key: string; name: string }>): string[] {
  return seasonColumns(subjects).map(([header]) => header);
}

/** The blank import template (.xlsx) for a season, with the header row and text-formatted ID columns. */
export async function buildTemplate(subjects: Array<{ key: string; name: string }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考生名单');
  ws.addRow(templateHeaders(subjects));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 2 ? 22 : 14;
    if (i < 5) c.numFmt = '@';
  });
  const help = wb.addWorksheet('说明');
  help.addRow([
    '每行一名考生；身份证号按文本填写；性别填“男”或“女”；毕业学校代码为系统中的单位代码；各科成绩与政策照顾分填数字。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SEX: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F', m: 'M', f: 'F' };

/**
 * Reads the exam office's .xlsx (first sheet, header row first) against the season's subjects and
 * returns every valid row and every problem, row by row: missing columns, empty cells, ID numbers
 * failing the checksum, a sex that contradicts the ID, scores that are not numbers, exam numbers
 * or ID numbers listed twice. Checks against the database (school codes) are the caller's.
 */
export function readCandidateFile(
  buffer: Buffer,
  subjects: Array<{ key: string; name: string }>,
  today: Date,
): { rows: CandidateRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const fileProblem = (code: string, message: string, messageEn: string) => ({
    rows: [],
    problems: [{ row: 0, field: 'file', code, message, messageEn }],
  });
  const sheet = readFirstSheet(buffer, { maxRows: MAX_ROWS });
  if (!sheet.ok)
    return sheet.code === 'TOO_MANY_ROWS'
      ? fileProblem('FILE_TOO_MANY_ROWS', `考生不能超过 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} candidate rows`)
      : fileProblem(
          'FILE_UNREADABLE',
          `无法读取该 Excel 文件：${sheet.why.zh}`,
          `The Excel file cannot be read: ${sheet.why.en}`,
        );
  if (sheet.rowCount < 2)
    return fileProblem('FILE_NO_ROWS', '文件中没有考生数据', 'The file holds no candidates');
  const columns = seasonColumns(subjects);
  // Every column's header is required, a subject's and the bonus's too (their cells are numbers).
  const { missing, records } = sheetRecords(sheet, columns, new Set(columns.map(([, field]) => field)));
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: CandidateRow[] = [];
  const examSeen = new Map<string, number>();
  const idSeen = new Map<string, number>();
  for (const record of records) {
    const { row: n, cell } = record;
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    problems.push(...emptyRequiredCells(record, FIXED, REQUIRED_CELLS));
    const { examNumber = '', name = '', idNumber: rawId = '', sex: rawSex = '', schoolCode = '' } = cell;
    let idNumber = '';
    let idSex: 'M' | 'F' | null = null;
    if (rawId) {
      const v = validateResidentId(rawId, today);
      if (v.ok) {
        idNumber = v.normalized;
        idSex = v.sex;
      } else add('idNumber', v.code, v.zh, v.en);
    }
    const sex = SEX[rawSex];
    if (rawSex && !sex) add('sex', 'SEX_INVALID', '性别应填“男”或“女”', 'Sex must be 男 or 女');
    else if (sex && idSex && sex !== idSex)
      add('sex', 'SEX_ID_MISMATCH', '性别与身份证号不一致', 'Sex does not match the ID number');
    const number = (h: string, field: string, allowEmpty: boolean) => {
      const v = cell[field]!;
      if (!v && allowEmpty) return 0;
      const x = Number(v);
      if (!v || !Number.isFinite(x) || x < 0 || x > 10000) {
        add(field, 'SCORE_INVALID', `“${h}”应为 0–10000 的数字`, `“${h}” must be a number from 0 to 10000`);
        return 0;
      }
      return x;
    };
    const scores: Record<string, number> = {};
    for (const s of subjects) scores[s.key] = number(s.name, `scores.${s.key}`, false);
    const bonus = number(BONUS[0], 'bonus', true);
    if (examNumber) {
      const first = examSeen.get(examNumber);
      if (first)
        add('examNumber', 'DUPLICATE', `考号与第 ${first} 行重复`, `Exam number repeats row ${first}`);
      else examSeen.set(examNumber, n);
    }
    if (idNumber) {
      const first = idSeen.get(idNumber);
      if (first)
        add('idNumber', 'DUPLICATE', `身份证号与第 ${first} 行重复`, `ID number repeats row ${first}`);
      else idSeen.set(idNumber, n);
    }
    if (problems.length === before)
      rows.push({ row: n, examNumber, name, idNumber, sex: sex!, schoolCode, scores, bonus });
  }
  return { rows, problems };
}

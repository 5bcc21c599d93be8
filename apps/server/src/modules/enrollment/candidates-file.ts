import ExcelJS from 'exceljs';
import { validateResidentId } from '../../platform/validation/identifiers.ts';

/** One row-level problem of an import: Excel row number, column, code and message in zh and en. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

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
  { header: '考号', field: 'examNumber' },
  { header: '姓名', field: 'name' },
  { header: '身份证号', field: 'idNumber' },
  { header: '性别', field: 'sex' },
  { header: '毕业学校代码', field: 'schoolCode' },
] as const;
const BONUS = { header: '政策照顾分', field: 'bonus' } as const;
const MAX_ROWS = 100_000;

/** The header row of a season's file: fixed columns, one per subject (by name), then the bonus. */
export function templateHeaders(subjects: Array<{ key: string; name: string }>): string[] {
  return [...FIXED.map((f) => f.header), ...subjects.map((s) => s.name), BONUS.header];
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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

const SEX: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F', m: 'M', f: 'F' };

/**
 * Reads the exam office's .xlsx (first sheet, header row first) against the season's subjects and
 * returns every valid row and every problem, row by row: missing columns, empty cells, ID numbers
 * failing the checksum, a sex that contradicts the ID, scores that are not numbers, exam numbers
 * or ID numbers listed twice. Checks against the database (school codes) are the caller's.
 */
export async function readCandidateFile(
  buffer: Buffer,
  subjects: Array<{ key: string; name: string }>,
  today: Date,
): Promise<{ rows: CandidateRow[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      problems: [
        {
          row: 0,
          field: 'file',
          code: 'FILE_UNREADABLE',
          message: '无法读取该 Excel 文件',
          messageEn: 'The Excel file cannot be read',
        },
      ],
    };
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 2)
    return {
      rows: [],
      problems: [
        {
          row: 0,
          field: 'file',
          code: 'FILE_NO_ROWS',
          message: '文件中没有考生数据',
          messageEn: 'The file holds no candidates',
        },
      ],
    };
  if (ws.rowCount > MAX_ROWS + 1)
    return {
      rows: [],
      problems: [
        {
          row: 0,
          field: 'file',
          code: 'FILE_TOO_MANY_ROWS',
          message: `考生不能超过 ${MAX_ROWS} 行`,
          messageEn: `At most ${MAX_ROWS} candidate rows`,
        },
      ],
    };
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value), col));
  const columns = [...FIXED, ...subjects.map((s) => ({ header: s.name, field: `scores.${s.key}` })), BONUS];
  for (const c of columns)
    if (!header.has(c.header))
      problems.push({
        row: 1,
        field: c.field,
        code: 'COLUMN_MISSING',
        message: `缺少“${c.header}”列`,
        messageEn: `Column “${c.header}” is missing`,
      });
  if (problems.length > 0) return { rows: [], problems };
  const col = (h: string) => header.get(h)!;
  const rows: CandidateRow[] = [];
  const examSeen = new Map<string, number>();
  const idSeen = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const text = (h: string) => cellText(r.getCell(col(h)).value);
    if (columns.every((c) => text(c.header) === '')) return;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    const required = (h: string, field: string) => {
      const v = text(h);
      if (!v) add(field, 'REQUIRED', `“${h}”不能为空`, `“${h}” is required`);
      return v;
    };
    const examNumber = required('考号', 'examNumber');
    const name = required('姓名', 'name');
    const rawId = required('身份证号', 'idNumber');
    const rawSex = required('性别', 'sex');
    const schoolCode = required('毕业学校代码', 'schoolCode');
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
      const v = text(h);
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
    const bonus = number(BONUS.header, 'bonus', true);
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
    if (!problems.some((p) => p.row === n))
      rows.push({ row: n, examNumber, name, idNumber, sex: sex!, schoolCode, scores, bonus });
  });
  return { rows, problems };
}

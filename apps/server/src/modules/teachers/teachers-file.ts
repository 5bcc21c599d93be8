import {
  EDUCATION_LABELS,
  TITLE_LABELS,
  type EducationLevel,
  type ProfessionalTitle,
  type TeacherSeries,
} from '@zhijiao/contracts';
import type { ImportRowProblem } from '../../platform/files/import-refusal.ts';
import { cellWord, emptyRequiredCells, sheetRecords } from '../../platform/files/sheet-records.ts';
import { readFirstSheet } from '../../platform/files/xlsx-reader.ts';
import { isRealDate } from './date-math.ts';

/** One row-level problem of an import: Excel row number, field, code and message in zh and en. */
export type RowProblem = ImportRowProblem;

/** One row of the register file, parsed (not yet checked against the ID or the database). */
export interface RegisterRow {
  row: number;
  schoolCode: string;
  name: string;
  idNumber: string;
  sex?: 'M' | 'F';
  /** Undefined: the cell was empty (an existing teacher keeps their phone). */
  phone?: string;
  education: EducationLevel;
  professionalTitle: ProfessionalTitle;
  post: string;
  series: TeacherSeries;
  internshipInstructor: boolean;
  /** Undefined: the cell was empty (an existing teacher keeps their majors). */
  majors?: Array<{ code: string; name: string }>;
  hireDate: string;
  leaveDate: string | null;
  /** The 专业课 period this row describes (none when the start cell is empty). */
  specialised: { startsOn: string; endsOn: string | null } | null;
}

/** The columns of the register file, in template order: header and field. */
export const COLUMNS = [
  ['学校代码', 'schoolCode'],
  ['姓名', 'name'],
  ['身份证号', 'idNumber'],
  ['性别', 'sex'],
  ['手机号', 'phone'],
  ['学历', 'education'],
  ['职称', 'professionalTitle'],
  ['岗位', 'post'],
  ['教师类别', 'series'],
  ['实习指导教师', 'internshipInstructor'],
  ['任教专业', 'majors'],
  ['入职日期', 'hireDate'],
  ['离职日期', 'leaveDate'],
  ['专业课任教起始日期', 'specialised.startsOn'],
  ['专业课任教截止日期', 'specialised.endsOn'],
] as const;
const REQUIRED = new Set([
  'schoolCode',
  'name',
  'idNumber',
  'education',
  'professionalTitle',
  'series',
  'hireDate',
]);
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 64;

/** Accepted spellings of each enumerated cell (labels and their usual short forms). */
const EDUCATION_WORDS: Record<string, EducationLevel> = {
  ...Object.fromEntries(Object.entries(EDUCATION_LABELS).map(([k, v]) => [v.zh, k as EducationLevel])),
  初中: 'junior_high',
  高中: 'senior_high',
  中专: 'secondary_vocational',
  中职: 'secondary_vocational',
  技校: 'secondary_vocational',
  高职: 'vocational_college',
  专科: 'vocational_college',
  大专: 'vocational_college',
  本科: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  硕士研究生: 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
};
const TITLE_WORDS: Record<string, ProfessionalTitle> = {
  ...Object.fromEntries(Object.entries(TITLE_LABELS).map(([k, v]) => [v.zh, k as ProfessionalTitle])),
  无: 'none',
  未定级: 'none',
  初级: 'junior',
  助理讲师: 'junior',
  中级: 'intermediate',
  讲师: 'intermediate',
  副高级: 'associate_senior',
  高级讲师: 'associate_senior',
  副高: 'associate_senior',
  正高级: 'senior',
  正高: 'senior',
};
const SERIES_WORDS: Record<string, TeacherSeries> = {
  专任教师: 'full_time',
  专任: 'full_time',
  企业兼职教师: 'enterprise_part_time',
  兼职: 'enterprise_part_time',
  企业兼职: 'enterprise_part_time',
};
const YES_NO: Record<string, boolean> = { 是: true, 否: false, '': false };
const SEX: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F' };

/** `2021-9-1`, `2021/09/01`, `2021.9.1` and Excel dates → `2021-09-01`; anything else → null. */
function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(d) ? d : null;
}

/**
 * Reads the register .xlsx (first sheet, header row first; columns found by their header) with the
 * platform's reader and returns each non-empty row parsed, or the problems of the row: missing
 * columns, empty required cells, unknown words, bad dates, malformed majors. Checks of the ID
 * number, dates against each other and the database are the caller's.
 */
export function readRegisterFile(buffer: Buffer): { rows: RegisterRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const fileProblem = (code: string, message: string, messageEn: string) => ({
    rows: [],
    problems: [{ row: 0, field: 'file', code, message, messageEn }],
  });
  const sheet = readFirstSheet(buffer, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
  if (!sheet.ok)
    return sheet.code === 'TOO_MANY_ROWS'
      ? fileProblem('FILE_TOO_MANY_ROWS', `教师不能超过 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows`)
      : fileProblem(
          'FILE_UNREADABLE',
          `无法读取该 Excel 文件：${sheet.why.zh}`,
          `The Excel file cannot be read: ${sheet.why.en}`,
        );
  if (sheet.rowCount < 2)
    return fileProblem('FILE_NO_ROWS', '文件中没有教师数据', 'The file holds no teachers');
  const { missing, records } = sheetRecords<string>(sheet, COLUMNS, REQUIRED);
  if (missing.length > 0) return { rows: [], problems: missing };
  const rows: RegisterRow[] = [];
  for (const record of records) {
    const { row: n, cell } = record;
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: n, field, code, message, messageEn });
    problems.push(...emptyRequiredCells(record, COLUMNS, REQUIRED));
    const pick = <T>(field: string, words: Record<string, T>, h: string): T | undefined => {
      const v = cellWord(words, cell[field]);
      if (cell[field] && v === undefined)
        add(
          field,
          'VALUE_UNKNOWN',
          `“${h}”的值“${cell[field]}”无法识别`,
          `“${h}”: “${cell[field]}” is not an accepted value`,
        );
      return v;
    };
    const date = (field: string, h: string) => {
      if (!cell[field]) return null;
      const d = normaliseDate(cell[field]!);
      if (!d)
        add(field, 'DATE_INVALID', `“${h}”不是有效日期（YYYY-MM-DD）`, `“${h}” is not a date (YYYY-MM-DD)`);
      return d;
    };
    const education = pick('education', EDUCATION_WORDS, '学历');
    const professionalTitle = pick('professionalTitle', TITLE_WORDS, '职称');
    const series = pick('series', SERIES_WORDS, '教师类别');
    const internshipInstructor = pick('internshipInstructor', YES_NO, '实习指导教师');
    const sex = pick('sex', SEX, '性别');
    const hireDate = date('hireDate', '入职日期');
    const leaveDate = date('leaveDate', '离职日期');
    const startsOn = date('specialised.startsOn', '专业课任教起始日期');
    const endsOn = date('specialised.endsOn', '专业课任教截止日期');
    if (cell['specialised.endsOn'] && !cell['specialised.startsOn'])
      add(
        'specialised.startsOn',
        'REQUIRED',
        '填写了截止日期时须填写起始日期',
        'A start date is required with an end date',
      );
    let majors: RegisterRow['majors'];
    if (cell.majors) {
      majors = [];
      for (const part of cell.majors
        .split(/[;；,，、\n]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^([0-9A-Za-z]{1,20})(?:[\s:：]+(.{0,100}))?$/.exec(part);
        if (m) majors.push({ code: m[1]!, name: (m[2] ?? '').trim() });
        else
          add(
            'majors',
            'MAJOR_INVALID',
            `任教专业“${part}”应为专业代码（可附名称）`,
            `Major “${part}” must be a code, optionally with a name`,
          );
      }
    }
    if (problems.length > before) continue;
    rows.push({
      row: n,
      schoolCode: cell.schoolCode!,
      name: cell.name!,
      idNumber: cell.idNumber!,
      ...(sex ? { sex } : {}),
      ...(cell.phone ? { phone: cell.phone } : {}),
      education: education!,
      professionalTitle: professionalTitle!,
      post: cell.post!.slice(0, 100),
      series: series!,
      internshipInstructor: internshipInstructor ?? false,
      ...(majors ? { majors } : {}),
      hireDate: hireDate!,
      leaveDate,
      specialised: startsOn ? { startsOn, endsOn } : null,
    });
  }
  return { rows, problems };
}

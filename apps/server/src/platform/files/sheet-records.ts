import type { ImportRowProblem } from './import-refusal.ts';
import type { SheetRow } from './xlsx-reader.ts';

/*
 * A spreadsheet import's rows as records keyed by field, its columns found by their header (the
 * first row), for the imports read with `readFirstSheet`: the enterprise register, the student
 * register, 1+X results, the teacher register and the enrolment candidates.
 */

/** One data row: its row number as the spreadsheet shows it and each field's text ('' when absent). */
export interface SheetRecord<F extends string> {
  row: number;
  cell: Record<F, string>;
}

/**
 * The sheet's data rows as records (empty rows left out), or — when a required column's header is
 * missing — one problem per missing column on row 1 (in zh and en) and no records.
 *
 * @example const { missing, records } = sheetRecords(sheet, [['姓名', 'name'], ['身份证号', 'idNumber']], new Set(['idNumber']));
 */
export function sheetRecords<F extends string>(
  sheet: { rows: readonly SheetRow[] },
  columns: ReadonlyArray<readonly [header: string, field: F]>,
  required: ReadonlySet<string>,
  normaliseHeader: (header: string) => string = (h) => h,
): { missing: ImportRowProblem[]; records: Array<SheetRecord<F>> } {
  const header = new Map<string, number>();
  (sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : []).forEach((text, i) =>
    header.set(normaliseHeader(text), i),
  );
  const missing = columns
    .filter(([h, field]) => !header.has(h) && required.has(field))
    .map(([h, field]) => ({
      row: 1,
      field,
      code: 'COLUMN_MISSING',
      message: `缺少“${h}”列`,
      messageEn: `Column “${h}” is missing`,
    }));
  if (missing.length > 0) return { missing, records: [] };
  // Each field's column in the sheet (-1: the file has no such column).
  const at = columns.map(([h]) => header.get(h) ?? -1);
  const records: Array<SheetRecord<F>> = [];
  for (const { row, cells } of sheet.rows) {
    if (row === 1) continue;
    const cell = {} as Record<F, string>;
    columns.forEach(([, field], i) => (cell[field] = cells[at[i]!] ?? ''));
    if (Object.values<string>(cell).every((v) => v === '')) continue;
    records.push({ row, cell });
  }
  return { missing, records };
}

/** A record's empty required cells, one problem each (“姓名”不能为空). */
export function emptyRequiredCells<F extends string>(
  record: SheetRecord<F>,
  columns: ReadonlyArray<readonly [header: string, field: F]>,
  required: ReadonlySet<string>,
): ImportRowProblem[] {
  return columns
    .filter(([, field]) => required.has(field) && !record.cell[field])
    .map(([h, field]) => ({
      row: record.row,
      field,
      code: 'REQUIRED',
      message: `“${h}”不能为空`,
      messageEn: `“${h}” is required`,
    }));
}

/**
 * The value a cell's word stands for in a table of accepted words (`{ 男: 'M', 女: 'F' }`), or
 * undefined: only the table's own keys count, so a cell reading `constructor` or `__proto__` is an
 * unknown word, not something inherited from `Object.prototype`.
 *
 * @example cellWord({ 是: true, 否: false }, 'constructor') // undefined
 */
export function cellWord<T>(words: Readonly<Record<string, T>>, cell: string | undefined): T | undefined {
  return cell !== undefined && Object.hasOwn(words, cell) ? words[cell] : undefined;
}

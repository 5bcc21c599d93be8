import { LEARNER_STATUS_LABELS } from '@zhijiao/contracts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import type { RegisteredLearner } from './learner-import.repository.ts';
import { LEARNER_COLUMNS, type LearnerFileRow, type RowProblem } from './learners-file.ts';

/*
 * The checks of the register import that need the ID number, today and the register: each row by
 * itself (ID checksum, sex against the ID, a cohort year that makes sense, the status date), the
 * rows against each other (an ID twice), and against the school's register (an ID already on it
 * with other data). Pure, but for the blind index.
 */

/** The earliest 入学年份 an import takes (the register list filters from 2000 too). */
export const EARLIEST_COHORT = 2000;
/** The youngest age a student enters a vocational school at (in years, by the cohort year). */
const YOUNGEST_ENTRY_AGE = 12;

/** A row that passed its own checks: the file's row, the ID's facts, and the register's dates. */
export interface CheckedRow {
  r: LearnerFileRow;
  idNumber: string;
  idIndex: string;
  birthDate: string;
  sex: 'M' | 'F';
  /** The day of the history's entry line: 1 September of the cohort year, or earlier when the status date is. */
  entryDate: string;
  /** The day the row's status took effect: the status date, or the entry date for 在籍 without one. */
  statusSince: string;
}

const header = (field: string) => LEARNER_COLUMNS.find(([, f]) => f === field)?.[0] ?? field;

/**
 * Checks each row by itself and against the others, adding every problem to `problems`; answers the
 * rows that passed.
 *
 * @example checkRows(crypto, rows, new Date(), problems) // [{ r, idIndex, sex: 'M', entryDate: '2021-09-01', … }]
 */
export function checkRows(
  crypto: FieldCrypto,
  rows: readonly LearnerFileRow[],
  now: Date,
  problems: RowProblem[],
): CheckedRow[] {
  const today = chinaDate(now);
  const thisYear = Number(today.slice(0, 4));
  const seen = new Map<string, number>();
  const checked: CheckedRow[] = [];
  for (const r of rows) {
    const before = problems.length;
    const add = (field: string, code: string, message: string, messageEn: string) =>
      problems.push({ row: r.row, field, code, message, messageEn });
    // An empty ID number is the reader's REQUIRED already.
    if (!r.idNumber) continue;
    const id = validateResidentId(r.idNumber, now);
    if (!id.ok) add('idNumber', id.code, id.zh, id.en);
    else if (r.sex && r.sex !== id.sex)
      add('sex', 'SEX_ID_MISMATCH', '性别与身份证号不一致', 'The sex does not match the ID number');
    // A row with a problem of its own cells: only its ID number is checked further.
    if (r.complete) {
      if (r.cohortYear < EARLIEST_COHORT || r.cohortYear > thisYear)
        add(
          'cohortYear',
          'YEAR_OUT_OF_RANGE',
          `入学年份 ${r.cohortYear} 不在 ${EARLIEST_COHORT}–${thisYear} 之间`,
          `The cohort year ${r.cohortYear} is not within ${EARLIEST_COHORT}–${thisYear}`,
        );
      else if (id.ok && r.cohortYear - Number(id.birthDate.slice(0, 4)) < YOUNGEST_ENTRY_AGE)
        add(
          'cohortYear',
          'YEAR_BEFORE_AGE',
          `入学年份 ${r.cohortYear} 时学生不满 ${YOUNGEST_ENTRY_AGE} 岁（按身份证号的出生日期）`,
          `In ${r.cohortYear} the student was under ${YOUNGEST_ENTRY_AGE} (by the ID number’s birth date)`,
        );
      if (r.statusDate && r.statusDate < `${r.cohortYear}-01-01`)
        add(
          'statusDate',
          'DATE_BEFORE_COHORT',
          `状态日期 ${r.statusDate} 早于入学年份 ${r.cohortYear}`,
          `The status date ${r.statusDate} is before the cohort year ${r.cohortYear}`,
        );
      if (r.statusDate && r.statusDate > today)
        add(
          'statusDate',
          'DATE_IN_FUTURE',
          `状态日期 ${r.statusDate} 不能晚于今天（${today}）`,
          `The status date ${r.statusDate} cannot be after today (${today})`,
        );
    }
    const idIndex = id.ok ? crypto.blindIndex(id.normalized) : null;
    if (idIndex) {
      const first = seen.get(idIndex);
      if (first)
        add('idNumber', 'DUPLICATE', `身份证号与第 ${first} 行重复`, `The ID number repeats row ${first}`);
      else seen.set(idIndex, r.row);
    }
    if (problems.length > before || !r.complete || !id.ok || !idIndex) continue;
    const september = `${r.cohortYear}-09-01`;
    const start = september < today ? september : today;
    const entryDate =
      r.status === 'enrolled' ? (r.statusDate ?? start) : r.statusDate! < start ? r.statusDate! : start;
    checked.push({
      r,
      idNumber: id.normalized,
      idIndex,
      birthDate: id.birthDate,
      sex: id.sex,
      entryDate,
      statusSince: r.status === 'enrolled' ? entryDate : r.statusDate!,
    });
  }
  return checked;
}

/**
 * The columns in which a row differs from the learner already on the register with its ID number
 * (empty: the same student, the row is skipped). The status date is compared only when the row
 * gives one.
 */
export function differences(row: CheckedRow, old: RegisteredLearner): string[] {
  const fields: string[] = [];
  const r = row.r;
  if (old.name !== r.name) fields.push('name');
  if (old.sex !== row.sex) fields.push('sex');
  if (old.majorCode !== r.majorCode) fields.push('majorCode');
  if (old.majorName !== r.majorName) fields.push('majorName');
  if (old.className !== r.className) fields.push('className');
  if (old.cohortYear !== r.cohortYear) fields.push('cohortYear');
  if (old.status !== r.status) fields.push('status');
  if (r.statusDate && old.statusSince !== row.statusSince) fields.push('statusDate');
  return fields;
}

/** The problem of a row whose ID number is on the register with other data. */
export function existsProblem(row: CheckedRow, fields: string[]): RowProblem {
  const zh = fields.map(header).join('、');
  return {
    row: row.r.row,
    field: 'idNumber',
    code: 'LEARNER_EXISTS_DIFFERENT',
    message: `该身份证号的学生已在本校学籍中，但以下信息不同：${zh}；请核对，已登记学生的变动请在学生详情页办理`,
    messageEn: `A student with this ID number is already on the register with other data in: ${zh}; check the row (changes to a registered student are made on their page)`,
  };
}

/** The reasons of an imported learner's history lines. */
export const IMPORT_REASON = '学籍导入';
export const importStatusReason = (row: CheckedRow) =>
  `${IMPORT_REASON}（${LEARNER_STATUS_LABELS[row.r.status].zh}）`;

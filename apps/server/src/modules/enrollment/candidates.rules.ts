import { createHash } from 'node:crypto';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { importRowHash } from '../../platform/crypto/import-row-hash.ts';
import { maskResidentId } from '../../platform/validation/identifiers.ts';
import type { CandidateRow, RowProblem } from './candidates-file.ts';

/** Hex sha256 of a file. */
export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function rowProblem(
  row: number,
  field: string,
  code: string,
  message: string,
  messageEn: string,
): RowProblem {
  return { row, field, code, message, messageEn };
}

/** Rows whose junior high code is not a junior high school. */
export function unknownSchools(rows: CandidateRow[], schools: ReadonlyMap<string, string>): RowProblem[] {
  return rows
    .filter((r) => !schools.has(r.schoolCode))
    .map((r) =>
      rowProblem(
        r.row,
        'schoolCode',
        'SCHOOL_UNKNOWN',
        `毕业学校代码 ${r.schoolCode} 不是初中学校`,
        `${r.schoolCode} is not a junior high school`,
      ),
    );
}

/** A file row with its ID number's blind index and the hash of its content. */
export interface PlannedRow {
  r: CandidateRow;
  idIndex: string;
  rowHash: string;
}

export function planRows(rows: CandidateRow[], crypto: FieldCrypto): PlannedRow[] {
  return rows.map((r) => ({
    r,
    idIndex: crypto.blindIndex(r.idNumber),
    rowHash: importRowHash(crypto, { ...r, row: undefined }),
  }));
}

/**
 * Problems only the stored candidates reveal: an ID number already registered under another exam
 * number, a changed row of a candidate already placed.
 */
export function conflictsWithStored(
  plan: PlannedRow[],
  existing: ReadonlyMap<string, { id: string; idIndex: string; rowHash: string }>,
  placed: ReadonlySet<string>,
): RowProblem[] {
  const byIndex = new Map([...existing].map(([examNumber, c]) => [c.idIndex, examNumber]));
  const out: RowProblem[] = [];
  for (const { r, idIndex, rowHash } of plan) {
    const owner = byIndex.get(idIndex);
    if (owner && owner !== r.examNumber)
      out.push(
        rowProblem(
          r.row,
          'idNumber',
          'ID_IN_USE',
          `该身份证号已登记在考号 ${owner} 下`,
          `This ID number is already registered under exam number ${owner}`,
        ),
      );
    const old = existing.get(r.examNumber);
    if (old && old.rowHash !== rowHash && placed.has(old.id))
      out.push(
        rowProblem(
          r.row,
          'examNumber',
          'ENROLLMENT_CANDIDATE_PLACED',
          '该考生已被录取，不能再修改',
          'The candidate is already placed and cannot be changed',
        ),
      );
  }
  return out;
}

/** The stored columns of a candidate row: the ID number only encrypted, indexed and masked. */
export function candidateValues(
  crypto: FieldCrypto,
  { r, idIndex, rowHash }: PlannedRow,
  schoolId: string,
  importId: string,
) {
  const total = Object.values(r.scores).reduce((a, b) => a + b, 0);
  return {
    name: r.name,
    idCipher: crypto.encrypt(r.idNumber),
    idIndex,
    idMasked: maskResidentId(r.idNumber),
    sex: r.sex,
    schoolId,
    scores: JSON.stringify(r.scores),
    total: Math.round(total * 1e6) / 1e6,
    bonus: r.bonus,
    rowHash,
    importId,
  };
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResidentId } from '../../platform/validation/identifiers.ts';
import { createTestContext, demoContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { addYears } from './date-math.ts';
import type { TeachersModule } from './index.ts';
import { loadTeacherDemo } from './teachers.demo.ts';

/** The teacher's columns that are not in clear: AES-GCM tokens and keyed (HMAC) blind indexes. */
const SEALED = /(Cipher|Index)$/;
/** Every column a dump shows in clear. A new one must be weighed against the mask before it is added here. */
const CLEAR_COLUMNS = [
  'birthYear',
  'createdAt',
  'createdBy',
  'districtId',
  'education',
  'hireDate',
  'id',
  'idMasked',
  'internshipInstructor',
  'leaveDate',
  'name',
  'nameSortKey',
  'phoneMasked',
  'post',
  'professionalTitle',
  // Keyed (HMAC under the field key, migration 0030): a dump cannot check guesses against it.
  'rowHash',
  'schoolId',
  'series',
  'sex',
  'updatedAt',
];

type Row = Record<string, unknown> & {
  idMasked: string;
  birthYear: number;
  sex: 'M' | 'F';
  hireDate: string;
  createdAt: Date;
  idCipher: string;
};

/**
 * Every 居民身份证号 that agrees with what a dump shows of a teacher in clear: the masked ID (area,
 * sequence, check character), the birth year, the sex, a hire at 16 or older, a record made after
 * the birth. The hidden digits are the birth date (YYYYMMDD), so only its month and day are open:
 * each is tried, and kept when the whole number passes the checksum and the checks above.
 */
function candidates(t: Row): string[] {
  const area = t.idMasked.slice(0, 6);
  const tail = t.idMasked.slice(-4);
  const out: string[] = [];
  for (let month = 1; month <= 12; month++)
    for (let day = 1; day <= 31; day++) {
      const birth = `${t.birthYear}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
      const v = validateResidentId(`${area}${birth}${tail}`, t.createdAt);
      if (v.ok && v.sex === t.sex && addYears(v.birthDate, 16) <= t.hireDate) out.push(v.normalized);
    }
  return out;
}

describe('a dump of the teacher register cannot give the ID numbers back', () => {
  let ctx: TestContext;
  let rows: Row[];
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2021-12-20T02:00:00Z' });
    await seedShangdang(ctx);
    await loadTeacherDemo(demoContext<TeachersModule>(ctx, 'teachers'));
    rows = (await sql<Row>`SELECT * FROM teacher ORDER BY id`.execute(ctx.db)).rows;
  });
  afterAll(() => ctx?.close());

  it('shows in clear only the listed columns, and neither an ID number nor a birth date', () => {
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      const clear = Object.fromEntries(Object.entries(row).filter(([k]) => !SEALED.test(k)));
      expect(Object.keys(clear).sort()).toEqual(CLEAR_COLUMNS);
      const id = ctx.crypto.decrypt(row.idCipher);
      const dump = JSON.stringify(clear);
      expect(dump).not.toContain(id);
      expect(dump).not.toContain(id.slice(6, 14));
      expect(dump).not.toContain(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
    }
  });

  it('leaves every teacher’s ID among many candidates: the mask, the birth year and the rest fit 32 to 35 numbers', () => {
    const counts = rows.map((row) => {
      const found = candidates(row);
      // The count is of the numbers that truly fit: the teacher's own is always one of them.
      expect(found).toContain(ctx.crypto.decrypt(row.idCipher));
      return found.length;
    });
    // 365 or 366 dates of the birth year, one check character in 11: 32 to 35 fit in any year
    // 1900–2010 (a hire in the year of the 16th birthday could cut that; no demo teacher's does).
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(32);
    expect(Math.max(...counts)).toBeLessThanOrEqual(35);
  });
});

/**
 * Chinese identifiers that Zhijiao validates by their checksums (DOMAIN.md, "Identifiers";
 * SECURITY.md, "Input and files") and masks for display (SECURITY.md, "Personal data").
 * Pure functions: no I/O, and "today" is a parameter so tests and imports are reproducible.
 * The 统一社会信用代码 (GB 32100-2015) has its own file, credit-code.ts.
 */

/** A validation failure with its stable code and a message in each UI language. */
export interface IdentifierError<Code extends string> {
  ok: false;
  code: Code;
  zh: string;
  en: string;
}

/** A valid resident ID with what it encodes, or why it is invalid. */
export type ResidentIdResult =
  | { ok: true; normalized: string; birthDate: string; sex: 'M' | 'F' }
  | IdentifierError<'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTH_DATE'>;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
/** Earliest birth year accepted: DOMAIN.md's own example was born in 1880. */
const ID_MIN_BIRTH_YEAR = 1800;
/** China Standard Time has no daylight saving: a fixed UTC+8 offset gives the local calendar date. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function fail<Code extends string>(code: Code, zh: string, en: string): IdentifierError<Code> {
  return { ok: false, code, zh, en };
}

/**
 * The GB 11643-1999 check character for the first 17 digits of a resident ID:
 * `"10X98765432"[Σ digit[i]·W[i] mod 11]`. Throws unless given exactly 17 digits.
 *
 * @example residentIdCheckChar('11010519491231002') // 'X'
 */
export function residentIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error('residentIdCheckChar: need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** Today's calendar date in China as `YYYY-MM-DD`, the date an ID's birth date is compared with. */
function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates an 18-character 居民身份证号 (GB 11643-1999): 6-digit area code, birth date
 * `YYYYMMDD`, 3-digit sequence (odd = male), check character. Surrounding spaces are trimmed and a
 * lowercase `x` becomes `X`. The birth date must exist and not lie after `today` (China's date).
 * Other documents (港澳台居住证, 外国人永久居留证) have their own type and must not be sent here.
 *
 * @example
 * validateResidentId('11010519491231002x')
 * // { ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F' }
 */
export function validateResidentId(id: string, today: Date = new Date()): ResidentIdResult {
  const normalized = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return fail(
      'ID_FORMAT',
      '身份证号应为 18 位，最后一位可为 X',
      'A resident ID has 18 characters; the last may be X',
    );
  }
  if (residentIdCheckChar(normalized.slice(0, 17)) !== normalized[17]) {
    return fail(
      'ID_CHECKSUM',
      '身份证号校验位不正确，请核对',
      'The resident ID check character does not match',
    );
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (year < ID_MIN_BIRTH_YEAR || !isRealDate(year, month, day) || birthDate > chinaDate(today)) {
    return fail(
      'ID_BIRTH_DATE',
      '身份证号中的出生日期无效',
      'The birth date in the resident ID is not valid',
    );
  }
  return { ok: true, normalized, birthDate, sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F' };
}

/**
 * Normalises a mainland mobile number as people type it (`+86 138-0013-8000`, `0086 13800138000`,
 * full-width spaces) to its 11 digits, or returns null when the result is not `^1[3-9]\d{9}$`.
 * Store and compare only the normalised form, so the blind index finds the same person.
 *
 * @example normalizeMobile('+86 138 0013 8000') // '13800138000'
 */
export function normalizeMobile(input: string): string | null {
  const compact = input.replace(/[\s\u3000\-\u2010-\u2015]/g, '');
  const national = compact.replace(/^(?:\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(national) ? national : null;
}

/**
 * Masks a resident ID for display to roles that may not see it: the first 6 characters (area)
 * and the last 4 stay, everything between (including the birth date) becomes `*`.
 * Input that is too short to mask safely comes back as all stars, never in clear.
 *
 * @example maskResidentId('140421200001011234') // '140421********1234'
 */
export function maskResidentId(id: string): string {
  const value = id.trim();
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/**
 * Masks a mobile number for display: the first 3 and last 4 digits stay. Formatting and a
 * `+86`/`0086` prefix are removed first; anything that is not a mobile number keeps only its last
 * 4 characters when long enough, else becomes all stars.
 *
 * @example maskMobile('+86 138-0013-8000') // '138****8000'
 */
export function maskMobile(mobile: string): string {
  const normalized = normalizeMobile(mobile);
  if (normalized) return `${normalized.slice(0, 3)}****${normalized.slice(-4)}`;
  const value = mobile.trim();
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

function parseDateOnly(value: string, what: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parts = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const [year, month, day] = parts;
  if (year === undefined || month === undefined || day === undefined || !isRealDate(year, month, day)) {
    throw new RangeError(`ageAt: ${what} must be a real YYYY-MM-DD date`);
  }
  return [year, month, day];
}

/**
 * Age in completed years (周岁) on `date`, e.g. to decide whether a student is under 14 at the
 * date the data was collected (PIPL art. 28, 31: guardian consent). The age goes up on the
 * birthday itself; someone born on 29 February becomes a year older on 1 March in common years.
 * A `Date` is read as China's calendar date. Throws if either date is invalid or `date` precedes
 * the birth.
 *
 * @example ageAt('2010-09-01', '2024-08-31') // 13
 */
export function ageAt(birthDate: string, date: string | Date): number {
  const [by, bm, bd] = parseDateOnly(birthDate, 'birthDate');
  const [y, m, d] = parseDateOnly(typeof date === 'string' ? date : chinaDate(date), 'date');
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 0) throw new RangeError('ageAt: date precedes birthDate');
  return age;
}

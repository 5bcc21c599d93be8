/**
 * The password rules of SECURITY.md: MLPS 2.0 level 3 asks for length and composition
 * (≥ 8 characters, ≥ 3 of 4 character classes), and we add ASVS's breached-password check.
 * Pure: no I/O, so it runs the same in the browser form and on the server.
 */
import { randomInt } from 'node:crypto';
import { COMMON_PASSWORDS, CONTEXT_NAMES } from './common-passwords.ts';

/** Shortest accepted password, in characters (MLPS 2.0 level 3 practice). */
export const PASSWORD_MIN_LENGTH = 8;
/** Longest accepted password, in characters: bounds hashing cost, long enough for passphrases. */
export const PASSWORD_MAX_LENGTH = 128;
/** Character classes (lowercase, uppercase, digit, symbol) a password must draw from. */
export const PASSWORD_MIN_CLASSES = 3;
/** Usernames shorter than this are not searched for inside passwords (`li` would forbid too much). */
const MIN_USERNAME_CHECK_LENGTH = 3;

/** Stable codes for each broken password rule; the web client maps them to messages. */
export type PasswordPolicyCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_FEW_CLASSES'
  | 'PASSWORD_COMMON'
  | 'PASSWORD_CONTAINS_USERNAME'
  | 'PASSWORD_TOO_LONG';

/** One broken rule, with a message in each UI language. */
export interface PasswordPolicyReason {
  code: PasswordPolicyCode;
  zh: string;
  en: string;
}

/** `ok`, or every broken rule at once. */
export type PasswordPolicyResult = { ok: true } | { ok: false; reasons: PasswordPolicyReason[] };

const MESSAGES: Record<PasswordPolicyCode, { zh: string; en: string }> = {
  PASSWORD_TOO_SHORT: {
    zh: `密码长度至少 ${PASSWORD_MIN_LENGTH} 位`,
    en: `Password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  },
  PASSWORD_TOO_LONG: {
    zh: `密码长度不能超过 ${PASSWORD_MAX_LENGTH} 位`,
    en: `Password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
  },
  PASSWORD_TOO_FEW_CLASSES: {
    zh: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
    en: 'Password must use at least three of: lowercase letters, uppercase letters, digits, symbols',
  },
  PASSWORD_COMMON: {
    zh: '密码过于常见，容易被猜中，请换一个',
    en: 'This password is too common and easy to guess; choose another',
  },
  PASSWORD_CONTAINS_USERNAME: {
    zh: '密码不能包含用户名',
    en: 'Password must not contain the username',
  },
};

// ASCII punctuation and space, then also digits: what people bolt onto a word to pass composition rules.
const EDGE_SYMBOLS = /^[ !-/:-@[-`{-~]+|[ !-/:-@[-`{-~]+$/g;
const EDGE_SYMBOLS_AND_DIGITS = /^[\d !-/:-@[-`{-~]+|[\d !-/:-@[-`{-~]+$/g;
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '0': 'o', $: 's', '5': 's', '7': 't' };

// Each letter with the characters people write in its place.
const LEET_FORMS: Record<string, string> = {
  a: 'a@4',
  b: 'b8',
  e: 'e3',
  g: 'g9',
  i: 'i1l!|',
  l: 'l1|',
  o: 'o0',
  s: 's$5',
  t: 't7',
};
const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');
const DECORATION = '[\\d !-/:-@[-`{-~]*';
const NAME_PATTERN = CONTEXT_NAMES.map((name) =>
  [...name].map((c) => (LEET_FORMS[c] ? `[${escapeClass(LEET_FORMS[c])}]` : c)).join(''),
).join('|');
// Only the names (one or more, in any order), decorated with digits and symbols at either end.
const CONTEXT_NAME_PASSWORD = new RegExp(
  `^${DECORATION}(?:${NAME_PATTERN})(?:[ !-/:-@[-\`{-~]*(?:${NAME_PATTERN}))*${DECORATION}$`,
  'u',
);

/**
 * Says whether a password is only the district's, city's, province's or product's name (see
 * `CONTEXT_NAMES`), with leetspeak and leading/trailing digits, years and symbols.
 *
 * @example isContextNamePassword('Sh@ngdang2020') // true
 * @example isContextNamePassword('Lantern-Shangdang-Orchid-7') // false
 */
export function isContextNamePassword(password: string): boolean {
  return CONTEXT_NAME_PASSWORD.test(password.toLowerCase());
}

/** Counts the character classes present. Anything that is not an ASCII letter or digit is a symbol. */
function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

/**
 * Says whether a password is, or is a trivial decoration of, a common password: compared
 * lowercase, then with leading/trailing symbols stripped (`Qq123456!` → `qq123456`), then with
 * leading/trailing digits and symbols stripped (`Password123!` → `password`), each also with
 * common letter substitutions undone (`P@$$w0rd` → `password`); and whether it is only the
 * district's or the product's names, decorated the same ways (`Sh@ngdang2020`).
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const candidates = new Set([
    lower,
    lower.replace(EDGE_SYMBOLS, ''),
    lower.replace(EDGE_SYMBOLS_AND_DIGITS, ''),
  ]);
  for (const candidate of [...candidates]) {
    const unleeted = candidate.replace(/[@43$057]/g, (c) => LEET[c] ?? c);
    candidates.add(unleeted.replace(/1/g, 'i'));
    candidates.add(unleeted.replace(/1/g, 'l'));
  }
  if (isContextNamePassword(password)) return true;
  return [...candidates].some((candidate) => candidate !== '' && COMMON_PASSWORDS.has(candidate));
}

/**
 * Checks a new password against every rule and returns all broken rules at once, so the form can
 * show them together. Length is counted in Unicode characters, so `密码` is 2, not 6.
 *
 * @example
 * checkPasswordPolicy('Password123!', { username: 'zhangsan' })
 * // { ok: false, reasons: [{ code: 'PASSWORD_COMMON', … }] }
 */
export function checkPasswordPolicy(
  password: string,
  options: { username?: string | null } = {},
): PasswordPolicyResult {
  const codes: PasswordPolicyCode[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) codes.push('PASSWORD_TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) codes.push('PASSWORD_TOO_LONG');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) codes.push('PASSWORD_TOO_FEW_CLASSES');
  if (isCommonPassword(password)) codes.push('PASSWORD_COMMON');
  const username = (options.username ?? '').trim().toLowerCase();
  if (username.length >= MIN_USERNAME_CHECK_LENGTH && password.toLowerCase().includes(username)) {
    codes.push('PASSWORD_CONTAINS_USERNAME');
  }
  if (codes.length === 0) return { ok: true };
  return { ok: false, reasons: codes.map((code) => ({ code, ...MESSAGES[code] })) };
}

// Without 0/O, 1/l/I, and without symbols that are hard to read aloud or type on a phone.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#$%&*+-=?@^_';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;
const INITIAL_PASSWORD_LENGTH = 14;

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

/**
 * Generates a one-time initial password for an account an admin creates (the user must change
 * it at first login): 14 characters from a cryptographic RNG, at least one of each class, no
 * look-alike characters (0/O, 1/l/I) so it survives being read out or copied from paper.
 * About 85 bits of entropy. It never holds `username` (the policy refuses that).
 */
export function generateInitialPassword(username?: string | null): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    // The account's policy, username included: a random password holding a short username
    // (`vhs`, `hs1`) was refused for the very account it was made for.
    if (checkPasswordPolicy(password, { username }).ok) return password;
  }
}

import type { MatchingIssue } from './matching.types.ts';

/** Stable codes of the problems a matching input can have. */
export const MATCHING_ISSUE_CODES = [
  'MATCHING_FIELD_REQUIRED',
  'MATCHING_UNKNOWN_FIELD',
  'MATCHING_INVALID_TYPE',
  'MATCHING_INVALID_VALUE',
  'MATCHING_NOT_A_NUMBER',
  'MATCHING_NOT_INTEGER',
  'MATCHING_NEGATIVE_CAPACITY',
  'MATCHING_RESERVED_OVER_CAPACITY',
  'MATCHING_DUPLICATE_ID',
  'MATCHING_DUPLICATE_SUBJECT',
  'MATCHING_SCHOOL_IN_TWO_GROUPS',
  'MATCHING_UNKNOWN_PROGRAM',
  'MATCHING_DUPLICATE_PREFERENCE',
  'MATCHING_UNKNOWN_CANDIDATE',
  'MATCHING_TIE_BREAK_SUBJECT_MISSING',
] as const;
export type MatchingIssueCode = (typeof MATCHING_ISSUE_CODES)[number];

interface Phrase {
  zh: string;
  en: string;
}

/** Builds one issue at a JSON path. */
export function issue(code: MatchingIssueCode, path: string, message: Phrase): MatchingIssue {
  return { path, code, message: message.zh, messageEn: message.en };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The JSON path of `key` under `base`, bracketed when the key is not a plain identifier.
 * @example keyPath('$.programs[0].rankBy', 'C-01') // '$.programs[0].rankBy["C-01"]'
 */
export function keyPath(base: string, key: string): string {
  return IDENTIFIER.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Names of JSON value kinds, for "expected … got …". */
export const KINDS = {
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  string: { zh: '非空字符串', en: 'a non-empty string' },
  number: { zh: '有限数值', en: 'a finite number' },
  scalar: { zh: '字符串、数值或布尔值', en: 'a string, number or boolean' },
} satisfies Record<string, Phrase>;

/** The kind of a JSON value as a reader would name it. */
export function kindOf(value: unknown): Phrase {
  if (value === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(value)) return KINDS.array;
  if (typeof value === 'string')
    return value === '' ? { zh: '空字符串', en: 'an empty string' } : KINDS.string;
  if (typeof value === 'number')
    return Number.isFinite(value) ? KINDS.number : { zh: String(value), en: String(value) };
  if (typeof value === 'boolean') return { zh: '布尔值', en: 'a boolean' };
  if (value === undefined) return { zh: '空值', en: 'nothing' };
  return KINDS.object;
}

/** Message texts, one function per situation. */
export const messages = {
  required: (field: string): Phrase => ({
    zh: `缺少必填字段“${field}”`,
    en: `Required field '${field}' is missing`,
  }),
  unknownField: (field: string, allowed: readonly string[]): Phrase => ({
    zh: `未知字段“${field}”，可用字段：${allowed.join('、')}`,
    en: `Unknown field '${field}'; allowed: ${allowed.join(', ')}`,
  }),
  invalidType: (expected: Phrase, actual: unknown): Phrase => ({
    zh: `应为${expected.zh}，实际为${kindOf(actual).zh}`,
    en: `Expected ${expected.en}, got ${kindOf(actual).en}`,
  }),
  notOneOf: (value: string, allowed: readonly string[]): Phrase => ({
    zh: `取值“${value}”无效，可选值：${allowed.join('、')}`,
    en: `Invalid value '${value}'; allowed: ${allowed.join(', ')}`,
  }),
  notANumber: (actual: unknown): Phrase => ({
    zh: `分数应为有限数值，实际为${kindOf(actual).zh}`,
    en: `A score must be a finite number, got ${kindOf(actual).en}`,
  }),
  notInteger: (value: number): Phrase => ({
    zh: `名额应为整数，实际为 ${value}`,
    en: `Seats must be a whole number, got ${value}`,
  }),
  negativeCapacity: (value: number): Phrase => ({
    zh: `名额不能为负数，实际为 ${value}`,
    en: `Capacity must not be negative, got ${value}`,
  }),
  reservedOverCapacity: (reserved: number, capacity: number): Phrase => ({
    zh: `指标到校名额合计 ${reserved} 超过计划总名额 ${capacity}`,
    en: `Reserved seats total ${reserved}, above the program's capacity ${capacity}`,
  }),
  duplicateId: (kind: Phrase, id: string, firstPath: string): Phrase => ({
    zh: `${kind.zh}编号“${id}”重复，首次出现于 ${firstPath}`,
    en: `Duplicate ${kind.en} id '${id}'; first used at ${firstPath}`,
  }),
  duplicateSubject: (subject: string): Phrase => ({
    zh: `同分排序科目“${subject}”重复列出`,
    en: `Tie-break subject '${subject}' is listed twice`,
  }),
  schoolInTwoGroups: (school: string, firstPath: string): Phrase => ({
    zh: `初中学校“${school}”在本计划的指标到校名额中重复列出，首次出现于 ${firstPath}`,
    en: `School '${school}' is listed twice in this program's reserved seats; first at ${firstPath}`,
  }),
  unknownProgram: (id: string): Phrase => ({
    zh: `志愿中的招生计划“${id}”不存在`,
    en: `Preference names unknown program '${id}'`,
  }),
  duplicatePreference: (id: string, firstPath: string): Phrase => ({
    zh: `招生计划“${id}”在志愿中重复填报，首次出现于 ${firstPath}`,
    en: `Program '${id}' is listed twice in the preferences; first at ${firstPath}`,
  }),
  unknownCandidate: (id: string): Phrase => ({
    zh: `考生“${id}”不在本批次考生名单中`,
    en: `Candidate '${id}' is not among this batch's candidates`,
  }),
  tieBreakSubjectMissing: (subject: string): Phrase => ({
    zh: `缺少同分排序科目“${subject}”的成绩`,
    en: `Missing the score of tie-break subject '${subject}'`,
  }),
};

/** Kinds of ids, for duplicate messages. */
export const ID_KINDS = {
  program: { zh: '招生计划', en: 'program' },
  reserved: { zh: '指标到校名额组', en: 'reserved group' },
  candidate: { zh: '考生', en: 'candidate' },
} satisfies Record<string, Phrase>;

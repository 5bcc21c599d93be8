import type { PlanFileIssue } from './plan-file.types.ts';

/** Stable codes of the problems a plan or org-unit file can have. */
export const PLAN_FILE_ISSUE_CODES = [
  'PLAN_FILE_YAML_SYNTAX',
  'PLAN_FILE_FIELD_REQUIRED',
  'PLAN_FILE_UNKNOWN_FIELD',
  'PLAN_FILE_INVALID_TYPE',
  'PLAN_FILE_INVALID_VALUE',
  'PLAN_FILE_INVALID_DATE',
  'PLAN_FILE_DATE_OUT_OF_RANGE',
  'PLAN_FILE_DUPLICATE_CODE',
  'PLAN_FILE_DUPLICATE_NUMBER',
  'PLAN_FILE_DUPLICATE_NAME',
  'PLAN_FILE_DUPLICATE_UNIT',
  'PLAN_FILE_UNKNOWN_UNIT',
  'PLAN_FILE_UNIT_ALIAS',
  'PLAN_FILE_TASK_UNMEASURED',
  'PLAN_FILE_MILESTONE_UNIT_OUTSIDE_TASK',
] as const;
export type PlanFileIssueCode = (typeof PLAN_FILE_ISSUE_CODES)[number];

/** A bilingual phrase used inside messages, e.g. a type name. */
export interface Phrase {
  zh: string;
  en: string;
}

/** Builds one issue. */
export function issue(
  code: PlanFileIssueCode,
  line: number | null,
  path: string,
  message: Phrase,
): PlanFileIssue {
  return { line, path, code, message: message.zh, messageEn: message.en };
}

const at = (path: string, line: number | null): Phrase => {
  const where = path || '(root)';
  return line === null
    ? { zh: where, en: where }
    : { zh: `${where}（第 ${line} 行）`, en: `${where} (line ${line})` };
};

/** Message texts, one function per situation. */
export const messages = {
  yamlSyntax: (detail: string): Phrase => ({
    zh: `YAML 语法错误：${detail}`,
    en: `YAML syntax error: ${detail}`,
  }),
  required: (field: string): Phrase => ({
    zh: `缺少必填字段“${field}”`,
    en: `Required field '${field}' is missing`,
  }),
  unknownField: (field: string, suggestion: string | null): Phrase => ({
    zh: `未知字段“${field}”${suggestion ? `，是否应为“${suggestion}”？` : ''}`,
    en: `Unknown field '${field}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
  }),
  invalidType: (expected: Phrase, actual: Phrase): Phrase => ({
    zh: `应为${expected.zh}，实际为${actual.zh}`,
    en: `Expected ${expected.en}, got ${actual.en}`,
  }),
  notOneOf: (value: string, allowed: readonly string[]): Phrase => ({
    zh: `取值“${value}”无效，可选值：${allowed.join('、')}`,
    en: `Invalid value '${value}'; allowed: ${allowed.join(', ')}`,
  }),
  emptyString: (): Phrase => ({ zh: '不能为空', en: 'Must not be empty' }),
  pattern: (value: string, hint: Phrase): Phrase => ({
    zh: `取值“${value}”格式不正确：${hint.zh}`,
    en: `Invalid format '${value}': ${hint.en}`,
  }),
  notInteger: (value: number): Phrase => ({
    zh: `应为整数，实际为 ${value}`,
    en: `Expected an integer, got ${value}`,
  }),
  belowMin: (value: number, min: number): Phrase => ({
    zh: `取值 ${value} 小于最小值 ${min}`,
    en: `Value ${value} is below the minimum ${min}`,
  }),
  tooFewItems: (min: number): Phrase => ({
    zh: `至少需要 ${min} 项`,
    en: `At least ${min} item(s) required`,
  }),
  invalidDate: (value: string): Phrase => ({
    zh: `“${value}”不是有效日期，应为 YYYY-MM-DD 格式的真实日期`,
    en: `'${value}' is not a valid date; expected a real date as YYYY-MM-DD`,
  }),
  dateOutOfRange: (value: string, start: string, end: string): Phrase => ({
    zh: `日期 ${value} 不在计划期限 ${start} 至 ${end} 之内`,
    en: `Date ${value} is outside the plan period ${start} to ${end}`,
  }),
  endBeforeStart: (start: string, end: string): Phrase => ({
    zh: `结束日期 ${end} 早于开始日期 ${start}`,
    en: `End date ${end} is before start date ${start}`,
  }),
  notAllowedWith: (field: string, other: string, value: string): Phrase => ({
    zh: `“${other}”为“${value}”时不能填写“${field}”`,
    en: `'${field}' is not allowed when '${other}' is '${value}'`,
  }),
  requiredWith: (field: string, other: string, value: string): Phrase => ({
    zh: `“${other}”为“${value}”时必须填写“${field}”`,
    en: `'${field}' is required when '${other}' is '${value}'`,
  }),
  lowAboveHigh: (low: number, high: number): Phrase => ({
    zh: `下限 ${low} 大于上限 ${high}`,
    en: `Lower bound ${low} is greater than upper bound ${high}`,
  }),
  labelMismatch: (label: string, expected: string): Phrase => ({
    zh: `序号“${label}”与编号不符，应为“${expected}”`,
    en: `Label '${label}' does not match the number; expected '${expected}'`,
  }),
  duplicate: (kind: Phrase, value: string, firstPath: string, firstLine: number | null): Phrase => {
    const first = at(firstPath, firstLine);
    return {
      zh: `${kind.zh}“${value}”重复，首次出现于 ${first.zh}`,
      en: `Duplicate ${kind.en} '${value}'; first used at ${first.en}`,
    };
  },
  unknownUnit: (name: string): Phrase => ({
    zh: `单位“${name}”不在单位名录中（请使用已登记的名称或别名）`,
    en: `Unit '${name}' is not in the org-unit list (use a registered name or alias)`,
  }),
  duplicateUnit: (name: string, code: string): Phrase => ({
    zh: `单位“${name}”（${code}）在同一任务中重复列出`,
    en: `Unit '${name}' (${code}) is listed more than once in the task`,
  }),
  taskUnmeasured: (): Phrase => ({
    zh: '该任务既没有指标也没有里程碑，无法跟踪进展',
    en: 'The task has neither indicators nor milestones, so its progress cannot be tracked',
  }),
  milestoneUnitOutsideTask: (code: string, unit: string): Phrase => ({
    zh: `里程碑 ${code} 的责任单位“${unit}”不是该任务的责任单位；请改为任务的责任单位，或在 ownerNote 中说明理由`,
    en: `Milestone ${code} is owned by '${unit}', which is not one of the task's units; give it to a task unit or explain why in ownerNote`,
  }),
  aliasesNotSupported: (): Phrase => ({
    zh: '不支持 YAML 锚点引用（*别名），请直接写出内容',
    en: 'YAML aliases (*anchor references) are not supported; write the content out',
  }),
};

/** Closest candidate within edit distance 2 (or differing only in case), for "did you mean". */
export function suggest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

import type { OutcomeLevel, OutcomeType } from '@zhijiao/contracts';
import { normaliseCertificateNumber } from './recognition.rules.ts';

/** A learning outcome as a school records it (by hand or one row of a results file). */
export interface OutcomeInput {
  type: OutcomeType;
  title: string;
  certificateCode?: string | null;
  level?: OutcomeLevel | null;
  issuer: string;
  number?: string | null;
  achievedOn: string;
  evidenceFileId?: string | null;
}

/** One problem of an outcome's input: its field, a stable code, zh and en. */
export interface InputProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** The columns an outcome is stored with, from checked input: trimmed texts, the number's key. */
export function outcomeColumns(input: OutcomeInput) {
  const number = input.number?.trim() || null;
  return {
    type: input.type,
    title: input.title.trim(),
    certificateCode: input.certificateCode?.trim() || null,
    level: input.level ?? null,
    issuer: input.issuer.trim(),
    number,
    numberKey: number === null ? null : normaliseCertificateNumber(number),
    achievedOn: input.achievedOn,
    evidenceFileId: input.evidenceFileId ?? null,
  };
}

/**
 * What is wrong with an outcome as recorded, before any catalogue is asked: a 1+X certificate
 * needs its level and number, names must not be blank, the date must not be after `today`.
 * Whether the outcome counts is the reviewer's, against the catalogue (recognition.rules.ts).
 *
 * @example outcomeInputProblems({ type: 'one_plus_x_certificate', title: 'Web 前端开发', issuer: '工信教育', achievedOn: '2021-06-01' }, '2021-07-01')
 *   // [{ field: 'level', code: 'REQUIRED', … }, { field: 'number', code: 'REQUIRED', … }]
 */
export function outcomeInputProblems(input: OutcomeInput, today: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (field: string, code: string, message: string, messageEn: string) =>
    problems.push({ field, code, message, messageEn });
  const c = outcomeColumns(input);
  if (c.title === '') add('title', 'REQUIRED', '请填写证书、课程或奖项名称', 'The name is required');
  if (c.issuer === '') add('issuer', 'REQUIRED', '请填写颁发机构', 'The issuer is required');
  if (input.type === 'one_plus_x_certificate') {
    if (c.level === null)
      add('level', 'REQUIRED', '1+X 证书须填写等级（初级、中级、高级）', 'A 1+X certificate needs its level');
    if (c.numberKey === null)
      add('number', 'REQUIRED', '1+X 证书须填写证书编号', 'A 1+X certificate needs its certificate number');
  }
  if (c.achievedOn > today)
    add(
      'achievedOn',
      'DATE_IN_FUTURE',
      `获得日期 ${c.achievedOn} 晚于今天（${today}）`,
      `The date achieved, ${c.achievedOn}, is after today (${today})`,
    );
  return problems;
}

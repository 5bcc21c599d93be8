import { COMMENT_LIMITS } from '@zhijiao/contracts';
import { maskMobile, normalizeMobile } from '../../platform/validation/identifiers.ts';

/** A field problem in the shape every VALIDATION_FAILED answer carries. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** A public comment after validation: trimmed text, normalised contact. */
export interface CleanComment {
  body: string;
  authorName: string | null;
  contact: { kind: 'mobile' | 'email'; value: string } | null;
}

/** Control characters other than tab, line feed and carriage return (NUL included). */
const hasControl = (text: string) =>
  Array.from(text).some((ch) => {
    const code = ch.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
  });
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/;

const lengthOf = (s: string) => Array.from(s).length;

/**
 * Validates and cleans a public comment: body 1–2,000 characters, optional name up to 40, no
 * control characters; an optional contact that is a mainland mobile number (normalised to its
 * 11 digits) or an e-mail address (lower-cased). Every problem is reported, not the first only.
 *
 * @example cleanComment({ body: ' 建议增加… ', contact: '138 0013 8000' })
 * // { ok: true, value: { body: '建议增加…', authorName: null, contact: { kind: 'mobile', value: '13800138000' } } }
 */
export function cleanComment(input: {
  body: string;
  authorName?: string | null;
  contact?: string | null;
}): { ok: true; value: CleanComment } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const body = input.body.trim();
  const name = input.authorName?.trim() || null;
  const contactText = input.contact?.trim() || null;
  if (body.length === 0) {
    problems.push({
      field: 'body',
      code: 'REQUIRED',
      message: '请填写意见内容',
      messageEn: 'The comment is empty',
    });
  } else if (lengthOf(body) > COMMENT_LIMITS.bodyMax) {
    problems.push({
      field: 'body',
      code: 'TOO_LONG',
      message: `意见不能超过 ${COMMENT_LIMITS.bodyMax} 字`,
      messageEn: `At most ${COMMENT_LIMITS.bodyMax} characters`,
    });
  }
  if (name && lengthOf(name) > COMMENT_LIMITS.nameMax) {
    problems.push({
      field: 'authorName',
      code: 'TOO_LONG',
      message: `姓名不能超过 ${COMMENT_LIMITS.nameMax} 字`,
      messageEn: `At most ${COMMENT_LIMITS.nameMax} characters`,
    });
  }
  for (const [field, value] of [
    ['body', body],
    ['authorName', name],
    ['contact', contactText],
  ] as const) {
    if (value && hasControl(value)) {
      problems.push({
        field,
        code: 'CONTROL_CHARACTER',
        message: '含有不允许的控制字符',
        messageEn: 'Contains control characters',
      });
    }
  }
  let contact: CleanComment['contact'] = null;
  if (contactText) {
    const mobile = normalizeMobile(contactText);
    if (mobile) contact = { kind: 'mobile', value: mobile };
    else if (contactText.length <= COMMENT_LIMITS.contactMax && EMAIL.test(contactText)) {
      contact = { kind: 'email', value: contactText.toLowerCase() };
    } else {
      problems.push({
        field: 'contact',
        code: 'CONTACT_INVALID',
        message: '联系方式应为手机号或电子邮箱',
        messageEn: 'The contact must be a mobile number or an e-mail address',
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { body, authorName: name, contact } };
}

/**
 * A contact as editors see it: `138****8000`, or an e-mail with its local part masked
 * (`z***@example.com`).
 */
export function maskContact(kind: 'mobile' | 'email', value: string): string {
  if (kind === 'mobile') return maskMobile(value);
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

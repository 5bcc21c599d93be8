import { industryDivision, sectionOfDivision, type EnterpriseStatus } from '@zhijiao/contracts';
import { validateCreditCode } from '../../platform/validation/credit-code.ts';
import { normalizeMobile } from '../../platform/validation/identifiers.ts';

/** One problem with one field (imports add the row number); `position` names a code's character. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
  position?: number | null;
}

/** The 统一社会信用代码 normalised, or the problem with the position of the error (credit-code.ts). */
export function checkUscc(
  field: string,
  value: string,
): { ok: true; uscc: string } | { ok: false; problem: FieldProblem } {
  const v = validateCreditCode(value);
  if (v.ok) return { ok: true, uscc: v.normalized };
  return {
    ok: false,
    problem: {
      field,
      code: v.code,
      message: `统一社会信用代码有误：${v.zh}`,
      messageEn: `Unified social credit code: ${v.en}`,
      position: v.position,
    },
  };
}

/** The 大类 with its 门类, or the problem. */
export function checkDivision(
  field: string,
  code: string,
): { ok: true; section: string; division: string } | { ok: false; problem: FieldProblem } {
  const section = sectionOfDivision(code.trim());
  if (section && industryDivision(code.trim()))
    return { ok: true, section: section.code, division: code.trim() };
  return {
    ok: false,
    problem: {
      field,
      code: 'INDUSTRY_UNKNOWN',
      message: `行业代码“${code}”不是国民经济行业分类（GB/T 4754-2017）的大类代码（两位数字 01–97）`,
      messageEn: `Industry code “${code}” is not a division of GB/T 4754-2017 (two digits 01–97)`,
    },
  };
}

/** A profile as checked: the code normalised, the 门类 from the 大类, names trimmed. */
export interface CheckedProfile {
  uscc: string;
  legalName: string;
  industrySection: string;
  industryDivision: string;
  address: string;
  status: EnterpriseStatus;
}

/**
 * Checks an enterprise profile as a whole: the 统一社会信用代码 part by part (the refusal names the
 * character, `position`), a registered name, a known 大类. Every problem at once, with its field.
 *
 * @example checkProfile({ uscc: '91110000600037342L', … }).problems[0] // { field: 'uscc', code: 'USCC_ORG_CODE_CHECKSUM', position: 17, … }
 */
export function checkProfile(input: {
  uscc: string;
  legalName: string;
  industryDivision: string;
  address?: string;
  status?: EnterpriseStatus;
}): { ok: true; value: CheckedProfile } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const uscc = checkUscc('uscc', input.uscc);
  if (!uscc.ok) problems.push(uscc.problem);
  const legalName = input.legalName.trim();
  if (!legalName)
    problems.push({
      field: 'legalName',
      code: 'REQUIRED',
      message: '请填写企业名称',
      messageEn: 'The registered name is required',
    });
  const industry = checkDivision('industryDivision', input.industryDivision);
  if (!industry.ok) problems.push(industry.problem);
  if (!uscc.ok || !industry.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      uscc: uscc.uscc,
      legalName,
      industrySection: industry.section,
      industryDivision: industry.division,
      address: (input.address ?? '').trim(),
      status: input.status ?? 'active',
    },
  };
}

/** A mobile normalised ('' → null), or the problem. */
export function checkPhone(
  field: string,
  phone: string,
): { ok: true; phone: string | null } | { ok: false; problem: FieldProblem } {
  if (phone.trim() === '') return { ok: true, phone: null };
  const normalized = normalizeMobile(phone);
  if (normalized) return { ok: true, phone: normalized };
  return {
    ok: false,
    problem: {
      field,
      code: 'PHONE_INVALID',
      message: '手机号应为 11 位大陆手机号',
      messageEn: 'The phone must be an 11-digit mainland mobile number',
    },
  };
}

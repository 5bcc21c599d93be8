import type {
  CertificateKind,
  EducationLevel,
  ProfessionalTitle,
  SkillLevel,
  TeacherSeries,
} from '@zhijiao/contracts';
import { AppError } from '../../platform/errors/app-error.ts';
import { normalizeMobile, validateResidentId } from '../../platform/validation/identifiers.ts';
import { addYears, isRealDate } from './date-math.ts';

/** One problem with one field of a teacher record (imports add the row number). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

/** The parts of a teacher record kept beside it, each replaced as a whole on update. */
export interface TeacherParts {
  majors: Array<{ code: string; name: string }>;
  specialisedPeriods: Array<{ startsOn: string; endsOn: string | null }>;
  workHistory: Array<{
    employer: string;
    industry: string;
    job: string;
    startsOn: string;
    endsOn: string | null;
  }>;
  certificates: Array<{
    kind: CertificateKind;
    name: string;
    level: SkillLevel | null;
    issuer: string;
    certificateNo: string;
    issuedOn: string;
  }>;
  practice: Array<{ year: number; hours: number; enterprise: string }>;
}

/** A teacher record as written by a clerk or read from an import row. */
export interface TeacherInput extends TeacherParts {
  name: string;
  /** Required on create; on update, omitted = unchanged. */
  idNumber?: string;
  /** When given, must agree with the ID number. */
  sex?: 'M' | 'F';
  /** Omitted = unchanged (update) or none (create); null = remove. */
  phone?: string | null;
  education: EducationLevel;
  professionalTitle: ProfessionalTitle;
  post: string;
  series: TeacherSeries;
  internshipInstructor: boolean;
  hireDate: string;
  leaveDate: string | null;
}

/** A record that passed `checkTeacherInput`, with what the ID number says. */
export interface CheckedTeacher extends Omit<TeacherInput, 'idNumber' | 'phone' | 'sex'> {
  /** Normalised ID number, or null when unchanged (update without one). */
  idNumber: string | null;
  sex: 'M' | 'F' | null;
  birthDate: string | null;
  /** Normalised mobile; undefined = unchanged, null = none. */
  phone: string | null | undefined;
}

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({
  field,
  code,
  message,
  messageEn,
});

/** Periods that overlap (both ends inclusive; open ends run forever), as index pairs. */
function overlaps(
  periods: ReadonlyArray<{ startsOn: string; endsOn: string | null }>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  periods.forEach((a, i) =>
    periods.forEach((b, j) => {
      if (j <= i) return;
      if (a.startsOn <= (b.endsOn ?? '9999-12-31') && b.startsOn <= (a.endsOn ?? '9999-12-31'))
        out.push([i, j]);
    }),
  );
  return out;
}

/**
 * Checks a teacher record as a whole and normalises it: ID number by its checksum (sex and birth
 * date come from it, and a sex given beside it must agree), mobile number by its pattern, real
 * dates, leave after hire, hire at 16 or older, 专业课 periods inside the employment and not
 * overlapping, work periods and certificates well-formed, majors and practice years listed once.
 * Returns every problem with its field path, or the checked record.
 *
 * @example checkTeacherInput({ ...input, idNumber: '140421200001011235' }, today).problems[0].code // 'ID_CHECKSUM'
 */
export function checkTeacherInput(
  input: TeacherInput,
  today: Date,
  opts: { requireId: boolean; birthDate?: string },
): { ok: true; value: CheckedTeacher } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (...p: Parameters<typeof problem>) => problems.push(problem(...p));
  const name = input.name.trim();
  if (!name) add('name', 'REQUIRED', '请填写姓名', 'The name is required');
  let idNumber: string | null = null;
  let sex: 'M' | 'F' | null = null;
  let birthDate: string | null = opts.birthDate ?? null;
  if (input.idNumber !== undefined || opts.requireId) {
    const v = validateResidentId(input.idNumber ?? '', today);
    if (v.ok) {
      idNumber = v.normalized;
      sex = v.sex;
      birthDate = v.birthDate;
      if (input.sex && input.sex !== v.sex)
        add('sex', 'SEX_ID_MISMATCH', '性别与身份证号不一致', 'The sex does not match the ID number');
    } else add('idNumber', v.code, v.zh, v.en);
  }
  let phone: string | null | undefined = input.phone;
  if (typeof input.phone === 'string') {
    phone = input.phone.trim() === '' ? null : normalizeMobile(input.phone);
    if (input.phone.trim() !== '' && phone === null)
      add(
        'phone',
        'PHONE_INVALID',
        '手机号应为 11 位大陆手机号',
        'The phone must be an 11-digit mainland mobile number',
      );
  }
  const date = (field: string, value: string | null) => {
    if (value !== null && !isRealDate(value)) {
      add(field, 'DATE_INVALID', `${field} 不是有效日期`, `${field} is not a real date`);
      return false;
    }
    return true;
  };
  const hireOk = date('hireDate', input.hireDate);
  const leaveOk = date('leaveDate', input.leaveDate);
  if (hireOk && leaveOk && input.leaveDate !== null && input.leaveDate <= input.hireDate)
    add(
      'leaveDate',
      'LEAVE_BEFORE_HIRE',
      '离职日期须晚于入职日期',
      'The leave date must be after the hire date',
    );
  if (hireOk && birthDate && input.hireDate < addYears(birthDate, 16))
    add(
      'hireDate',
      'HIRE_UNDER_16',
      '入职时未满 16 周岁，请核对入职日期或身份证号',
      'Hired before the age of 16: check the hire date or the ID number',
    );

  input.specialisedPeriods.forEach((p, i) => {
    const f = `specialisedPeriods.${i}`;
    if (!date(`${f}.startsOn`, p.startsOn) || !date(`${f}.endsOn`, p.endsOn)) return;
    if (p.endsOn !== null && p.endsOn < p.startsOn)
      add(
        `${f}.endsOn`,
        'PERIOD_INVALID',
        '专业课任教截止日期早于起始日期',
        'The period ends before it starts',
      );
    if (hireOk && p.startsOn < input.hireDate)
      add(
        `${f}.startsOn`,
        'PERIOD_BEFORE_HIRE',
        '专业课任教起始日期早于入职日期',
        'The 专业课 period starts before the hire date',
      );
    if (leaveOk && input.leaveDate !== null && p.startsOn >= input.leaveDate)
      add(
        `${f}.startsOn`,
        'PERIOD_AFTER_LEAVE',
        '专业课任教起始日期不早于离职日期',
        'The 专业课 period starts on or after the leave date',
      );
  });
  if (problems.every((p) => !p.field.startsWith('specialisedPeriods')))
    for (const [, j] of overlaps(input.specialisedPeriods))
      add(
        `specialisedPeriods.${j}`,
        'PERIOD_OVERLAP',
        '专业课任教时段相互重叠',
        'The 专业课 periods overlap',
      );

  input.workHistory.forEach((w, i) => {
    const f = `workHistory.${i}`;
    if (!w.employer.trim()) add(`${f}.employer`, 'REQUIRED', '请填写工作单位', 'The employer is required');
    if (
      date(`${f}.startsOn`, w.startsOn) &&
      date(`${f}.endsOn`, w.endsOn) &&
      w.endsOn !== null &&
      w.endsOn < w.startsOn
    )
      add(`${f}.endsOn`, 'PERIOD_INVALID', '截止日期早于起始日期', 'The period ends before it starts');
  });
  input.certificates.forEach((c, i) => {
    const f = `certificates.${i}`;
    if (!c.name.trim()) add(`${f}.name`, 'REQUIRED', '请填写证书名称', 'The certificate name is required');
    if (c.kind !== 'other' && c.level === null)
      add(
        `${f}.level`,
        'CERT_LEVEL_REQUIRED',
        '职业资格和职业技能等级证书须填写等级',
        'Vocational certificates need a level',
      );
    date(`${f}.issuedOn`, c.issuedOn);
  });
  const years = new Set<number>();
  input.practice.forEach((p, i) => {
    if (years.has(p.year))
      add(`practice.${i}.year`, 'DUPLICATE', `${p.year} 年重复填写`, `Year ${p.year} is listed twice`);
    years.add(p.year);
  });
  const codes = new Set<string>();
  const majors = input.majors.map((m) => ({ code: m.code.trim(), name: m.name.trim() }));
  majors.forEach((m, i) => {
    if (!m.code) add(`majors.${i}.code`, 'REQUIRED', '请填写专业代码', 'The major code is required');
    else if (codes.has(m.code))
      add(`majors.${i}.code`, 'DUPLICATE', `专业 ${m.code} 重复`, `Major ${m.code} is listed twice`);
    codes.add(m.code);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...input,
      name,
      post: input.post.trim(),
      idNumber,
      sex,
      birthDate,
      phone,
      majors,
      specialisedPeriods: [...input.specialisedPeriods].sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
      workHistory: input.workHistory.map((w) => ({
        ...w,
        employer: w.employer.trim(),
        industry: w.industry.trim(),
        job: w.job.trim(),
      })),
      certificates: input.certificates.map((c) => ({
        ...c,
        name: c.name.trim(),
        issuer: c.issuer.trim(),
        certificateNo: c.certificateNo.trim(),
      })),
    },
  };
}

/** A date given in a query (or today), checked before it reaches SQL. */
export function queryDate(field: string, value: string | undefined, fallback: string): string {
  const date = value ?? fallback;
  if (!isRealDate(date))
    throw new AppError('VALIDATION_FAILED', 400, [
      {
        field,
        code: 'DATE_INVALID',
        message: `${field} 不是有效日期`,
        messageEn: `${field} is not a real date`,
      },
    ]);
  return date;
}

/**
 * Placement activation (task （十三）; DOMAIN.md, "Internships"; 教职成〔2021〕4号): a placement
 * becomes active only with the three-party agreement, the consents (the guardian's for a minor on
 * the start date) and a liability insurance policy covering the whole period, naming the student,
 * its premium not charged to the student; 岗位实习 is refused to first-year students and under-16s,
 * below 80 % of the same post's wage, and beyond 10 % of the enterprise's staff or 20 % of one post.
 * An enterprise whose staff count for the year is not on file (the enterprise register gives it)
 * cannot be checked against the 10 %: that is a warning (`ENTERPRISE_STAFF_UNKNOWN`), not a pass
 * and not a refusal, so placements can start before the register holds the enterprise.
 * All reasons at once, in order (see internship-post.rules.ts). Pure: dates are China calendar dates
 * (`YYYY-MM-DD`), money is yuan per month.
 */
import { ageAt } from '../../platform/validation/identifiers.ts';
import {
  RISK_ZH,
  collector,
  postReasons,
  type Collector,
  type InternshipCheck,
  type InternshipPost,
  type InternshipRules,
  type InternshipType,
} from './internship-post.rules.ts';

export interface InsurancePolicy {
  insurer: string;
  policyNumber: string;
  startsOn: string;
  endsOn: string;
  insuredStudentIds: readonly string[];
  premiumPaidBy: 'school' | 'enterprise' | 'government' | 'student';
}

/** What activating a placement reads: the service gathers it from the records. */
export interface PlacementFacts {
  type: InternshipType;
  startsOn: string;
  endsOn: string;
  student: { id: string; birthDate: string; sex: 'M' | 'F'; studyYear: number };
  /** The three-party agreement (school, enterprise, student). */
  agreement: { signedOn: string } | null;
  consent: { studentSignedOn: string | null; guardianSignedOn: string | null };
  insurance: InsurancePolicy | null;
  monthlyPay: number | null;
  post: InternshipPost;
  /** The enterprise's staff that year, and its other 岗位实习 interns active in the period. */
  enterprise: { staff: number | null; otherInterns: number };
  /** Other interns active on the same post in the period. */
  otherInternsOnPost: number;
}

/** `pay` ≥ `percent` % of `wage`, compared in fen so that 80 % of 3,333 yuan is exact. */
function atLeastPercent(pay: number, wage: number, percent: number): boolean {
  return Math.round(pay * 100) * 100 >= Math.round(wage * 100) * percent;
}

function studentReasons(f: PlacementFacts, rules: InternshipRules, c: Collector): void {
  const age = ageAt(f.student.birthDate, f.startsOn);
  const minor = age < rules.adultAge;
  if (f.type === 'post' && f.student.studyYear < rules.minStudyYear) {
    c.refuse(
      'STUDENT_FIRST_YEAR',
      'student.studyYear',
      `学生为${f.student.studyYear}年级，不得安排一年级学生岗位实习`,
      `The student is in year ${f.student.studyYear}; first-year students may not do 岗位实习`,
    );
  }
  if (f.type === 'post' && age < rules.minPostInternshipAge) {
    c.refuse(
      'STUDENT_UNDER_16',
      'student.birthDate',
      `学生在实习开始日（${f.startsOn}）为 ${age} 周岁，未满 ${rules.minPostInternshipAge} 周岁不得岗位实习`,
      `The student is ${age} on the start date (${f.startsOn}); under-${rules.minPostInternshipAge}s may not do 岗位实习`,
    );
  }
  if (minor && f.post.highRiskWork.length > 0) {
    c.refuse(
      'MINOR_FORBIDDEN_WORK',
      'post.highRiskWork',
      `学生未满 ${rules.adultAge} 周岁，不得从事《未成年工特殊保护规定》禁忌的${f.post.highRiskWork.map((k) => RISK_ZH[k]).join('、')}作业`,
      `The student is under ${rules.adultAge}: work forbidden to minors (${f.post.highRiskWork.join(', ')})`,
    );
  }
  if (f.student.sex === 'F' && f.post.highRiskWork.includes('underground')) {
    c.refuse(
      'FEMALE_FORBIDDEN_WORK',
      'post.highRiskWork',
      '不得安排女学生从事《女职工劳动保护特别规定》禁忌的井下作业',
      'Female interns may not work underground (special labour protection of female employees)',
    );
  }
  if (!rules.documentsRequiredFor.includes(f.type)) return;
  if (f.agreement === null) {
    c.refuse(
      'AGREEMENT_MISSING',
      'agreement',
      '未签订学校、实习单位、学生三方实习协议',
      'No three-party agreement (school, enterprise, student) is on file',
    );
  }
  if (f.consent.studentSignedOn === null) {
    c.refuse(
      'STUDENT_CONSENT_MISSING',
      'consent.studentSignedOn',
      '缺少学生本人的实习知情同意',
      "The student's consent is not on file",
    );
  }
  if (minor && f.consent.guardianSignedOn === null) {
    c.refuse(
      'GUARDIAN_CONSENT_MISSING',
      'consent.guardianSignedOn',
      `学生在实习开始日为 ${age} 周岁，缺少监护人知情同意书`,
      `The student is ${age} on the start date: the guardian's consent is not on file`,
    );
  }
}

function insuranceReasons(f: PlacementFacts, c: Collector): void {
  const p = f.insurance;
  if (p === null) {
    c.refuse(
      'INSURANCE_MISSING',
      'insurance',
      '未投保学生实习责任保险',
      'No internship liability insurance policy is on file',
    );
    return;
  }
  if (p.startsOn > f.startsOn || p.endsOn < f.endsOn) {
    c.refuse(
      'INSURANCE_PERIOD_SHORT',
      p.startsOn > f.startsOn ? 'insurance.startsOn' : 'insurance.endsOn',
      `保单 ${p.policyNumber} 保险期间 ${p.startsOn} 至 ${p.endsOn}，未覆盖实习期 ${f.startsOn} 至 ${f.endsOn}`,
      `Policy ${p.policyNumber} runs ${p.startsOn} to ${p.endsOn} and does not cover the placement, ${f.startsOn} to ${f.endsOn}`,
    );
  }
  if (!p.insuredStudentIds.includes(f.student.id)) {
    c.refuse(
      'INSURANCE_STUDENT_NOT_NAMED',
      'insurance.insuredStudentIds',
      `保单 ${p.policyNumber} 的被保险学生中没有该学生`,
      `Policy ${p.policyNumber} does not name this student`,
    );
  }
  if (p.premiumPaidBy === 'student') {
    c.refuse(
      'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
      'insurance.premiumPaidBy',
      '实习责任保险保费不得向学生收取',
      'The insurance premium may not be charged to the student',
    );
  }
}

function payAndShareReasons(f: PlacementFacts, rules: InternshipRules, c: Collector): void {
  if (f.type !== 'post') return;
  const wage = f.post.sameJobMonthlyWage;
  const basis = wage ?? f.post.lowestWageGrade;
  if (basis === null) {
    c.refuse(
      'PAY_BASIS_MISSING',
      'post.sameJobMonthlyWage',
      '岗位未填写相同岗位工资标准或最低档工资标准，无法核对实习报酬',
      "The post has neither the same post's wage nor the lowest wage grade, so the pay cannot be checked",
    );
  } else {
    const percent = wage === null ? 100 : rules.minPayPercent;
    if (f.monthlyPay === null || !atLeastPercent(f.monthlyPay, basis, percent)) {
      const what = wage === null ? '最低档工资标准' : `相同岗位工资标准的 ${percent}%`;
      const whatEn = wage === null ? 'the lowest wage grade' : `${percent} % of the same post's wage`;
      const floor = Math.ceil((basis * percent) / 100);
      c.refuse(
        'PAY_TOO_LOW',
        'monthlyPay',
        `实习报酬每月 ${f.monthlyPay ?? 0} 元，低于${what}（${floor} 元）`,
        `Pay of ${f.monthlyPay ?? 0} yuan a month is below ${whatEn} (${floor} yuan)`,
      );
    }
  }
  const staff = f.enterprise.staff;
  const interns = f.enterprise.otherInterns + 1;
  if (staff === null) {
    // Unknown is "cannot check", never a pass: the placement may start, with the warning shown.
    c.warn(
      'ENTERPRISE_STAFF_UNKNOWN',
      'enterprise.staff',
      '实习单位当年在岗职工总数未登记，无法核对实习生比例',
      "The enterprise's staff count for the year is not on file, so the intern share cannot be checked",
    );
  } else if (interns * 100 > staff * rules.maxEnterpriseSharePercent) {
    c.refuse(
      'ENTERPRISE_SHARE_EXCEEDED',
      'enterprise.otherInterns',
      `加上本次共 ${interns} 名岗位实习学生，超过实习单位在岗职工 ${staff} 人的 ${rules.maxEnterpriseSharePercent}%`,
      `With this one, ${interns} interns exceed ${rules.maxEnterpriseSharePercent} % of the enterprise's ${staff} staff`,
    );
  }
  const onPost = f.post.staffOnPost;
  const postInterns = f.otherInternsOnPost + 1;
  if (onPost === null) {
    c.refuse(
      'POST_STAFF_UNKNOWN',
      'post.staffOnPost',
      '岗位未填写同类岗位在岗职工数，无法核对岗位实习生比例',
      'The post has no count of staff on the same post, so the share on the post cannot be checked',
    );
  } else if (postInterns * 100 > onPost * rules.maxPostSharePercent) {
    c.refuse(
      'POST_SHARE_EXCEEDED',
      'otherInternsOnPost',
      `加上本次该岗位共 ${postInterns} 名实习学生，超过同类岗位在岗职工 ${onPost} 人的 ${rules.maxPostSharePercent}%`,
      `With this one, ${postInterns} interns on the post exceed ${rules.maxPostSharePercent} % of its ${onPost} staff`,
    );
  }
}

/**
 * Everything that stops a placement from becoming active, all at once and in order: the post's own
 * rules, the student (first year, under 16, work forbidden to minors or women), the agreement and
 * consents, the liability insurance (present, covering the whole period, naming the student, not
 * paid by the student), the pay and the intern shares (岗位实习 only), and the working time.
 *
 * @example
 * checkActivation({ ...facts, insurance: null }, DEFAULT_INTERNSHIP_RULES)
 * // { ok: false, refusals: [{ code: 'INSURANCE_MISSING', field: 'insurance', zh: '未投保学生实习责任保险', … }], warnings: [] }
 */
export function checkActivation(f: PlacementFacts, rules: InternshipRules): InternshipCheck {
  const c = collector();
  if (f.endsOn < f.startsOn) {
    c.refuse(
      'PERIOD_INVALID',
      'endsOn',
      `实习结束日 ${f.endsOn} 早于开始日 ${f.startsOn}`,
      `The end date ${f.endsOn} is before the start date ${f.startsOn}`,
    );
  }
  postReasons(f.post, rules, c);
  studentReasons(f, rules, c);
  insuranceReasons(f, c);
  payAndShareReasons(f, rules, c);
  return c.result();
}

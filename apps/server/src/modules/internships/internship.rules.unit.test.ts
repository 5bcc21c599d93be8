import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERNSHIP_RULES as RULES } from './internships.config.ts';
import {
  INTERNSHIP_REASON_CODES,
  checkPost,
  type InternshipPost,
  type InternshipRules,
} from './internship-post.rules.ts';
import { checkActivation, type PlacementFacts } from './internship.rules.ts';

const post = (over: Partial<InternshipPost> = {}): InternshipPost => ({
  venue: null,
  viaAgent: false,
  labourIntensityClass: 2,
  highRiskWork: [],
  specialArrangementFiled: false,
  dailyHours: 8,
  weeklyHours: 40,
  nightWork: false,
  overtimeWork: false,
  holidayWork: false,
  sameJobMonthlyWage: 4000,
  lowestWageGrade: 2500,
  staffOnPost: 20,
  ...over,
});

/** A 岗位实习 of a second-year, 17-year-old student that may start: every document on file. */
const placement = (
  over: Partial<PlacementFacts> = {},
  postOver: Partial<InternshipPost> = {},
): PlacementFacts => ({
  type: 'post',
  startsOn: '2024-03-01',
  endsOn: '2024-08-31',
  student: { id: 's1', birthDate: '2006-09-10', sex: 'M', studyYear: 2 },
  agreement: { signedOn: '2024-02-20' },
  consent: { studentSignedOn: '2024-02-20', guardianSignedOn: '2024-02-21' },
  insurance: {
    insurer: '中国人民财产保险',
    policyNumber: 'PZBA2024001',
    startsOn: '2024-03-01',
    endsOn: '2025-02-28',
    insuredStudentIds: ['s1', 's2'],
    premiumPaidBy: 'school',
  },
  monthlyPay: 3200,
  post: post(postOver),
  enterprise: { staff: 200, otherInterns: 10 },
  otherInternsOnPost: 2,
  ...over,
});

const only = (f: PlacementFacts, rules: InternshipRules = RULES) => checkActivation(f, rules).refusals;

describe('checkActivation', () => {
  it('activates a placement with agreement, consents, insurance covering the period and fair pay', () => {
    expect(checkActivation(placement(), RULES)).toEqual({ ok: true, refusals: [], warnings: [] });
  });

  it('refuses a placement ending before it starts', () => {
    expect(only(placement({ endsOn: '2024-02-28' }))).toEqual([
      {
        code: 'PERIOD_INVALID',
        field: 'endsOn',
        zh: '实习结束日 2024-02-28 早于开始日 2024-03-01',
        en: 'The end date 2024-02-28 is before the start date 2024-03-01',
      },
    ]);
  });

  it('refuses a post in an entertainment venue', () => {
    expect(only(placement({}, { venue: 'karaoke' }))).toEqual([
      {
        code: 'POST_ENTERTAINMENT_VENUE',
        field: 'post.venue',
        zh: '不得安排学生到歌厅等营业性娱乐场所实习',
        en: 'Interns may not be placed in entertainment venues (karaoke)',
      },
    ]);
  });

  it('refuses a post arranged through an agent', () => {
    expect(only(placement({}, { viaAgent: true }))).toEqual([
      {
        code: 'POST_VIA_AGENT',
        field: 'post.viaAgent',
        zh: '不得通过中介机构或有偿代理组织、安排和管理学生实习',
        en: 'Internships may not be arranged or managed through an agent or paid intermediary',
      },
    ]);
  });

  it('refuses Class III physical labour and above, not Class II', () => {
    expect(only(placement({}, { labourIntensityClass: 3 }))).toEqual([
      {
        code: 'POST_LABOUR_INTENSITY',
        field: 'post.labourIntensityClass',
        zh: '岗位为 III 级体力劳动强度，不得安排学生从事 III 级及以上强度的体力劳动',
        en: 'The post is Class III physical labour; interns may not do Class III or above',
      },
    ]);
    expect(only(placement({}, { labourIntensityClass: 4 }))[0]!.zh).toContain('IV 级');
  });

  it('refuses unfiled high-risk work, and only warns when the arrangement is filed (an adult student)', () => {
    const adult = { student: { id: 's1', birthDate: '2005-01-01', sex: 'M' as const, studyYear: 3 } };
    expect(only(placement(adult, { highRiskWork: ['high_altitude', 'flammable_explosive'] }))).toEqual([
      {
        code: 'POST_HIGH_RISK_WORK',
        field: 'post.highRiskWork',
        zh: '岗位涉及高空、易燃易爆等较高安全风险作业，未报上级主管部门备案',
        en: 'The post involves high-risk work (high_altitude, flammable_explosive) not filed with the supervising department',
      },
    ]);
    const filed = checkActivation(
      placement(adult, { highRiskWork: ['underground'], specialArrangementFiled: true }),
      RULES,
    );
    expect(filed.ok).toBe(true);
    expect(filed.warnings.map((w) => w.zh)).toEqual([
      '岗位涉及井下等较高安全风险作业（已报上级主管部门备案）',
    ]);
  });

  it('refuses a first-year student on 岗位实习, but not on 认识实习', () => {
    const first = { student: { id: 's1', birthDate: '2006-09-10', sex: 'M' as const, studyYear: 1 } };
    expect(only(placement(first))).toEqual([
      {
        code: 'STUDENT_FIRST_YEAR',
        field: 'student.studyYear',
        zh: '学生为1年级，不得安排一年级学生岗位实习',
        en: 'The student is in year 1; first-year students may not do 岗位实习',
      },
    ]);
    expect(only(placement({ ...first, type: 'cognitive' }))).toEqual([]);
  });

  it('refuses a student under 16 on the start date, counting the birthday itself as 16', () => {
    const young = { id: 's1', birthDate: '2008-03-02', sex: 'M' as const, studyYear: 2 };
    expect(only(placement({ student: young }))).toEqual([
      {
        code: 'STUDENT_UNDER_16',
        field: 'student.birthDate',
        zh: '学生在实习开始日（2024-03-01）为 15 周岁，未满 16 周岁不得岗位实习',
        en: 'The student is 15 on the start date (2024-03-01); under-16s may not do 岗位实习',
      },
    ]);
    expect(only(placement({ student: { ...young, birthDate: '2008-03-01' } }))).toEqual([]);
  });

  it('refuses high-risk work for a minor even when filed', () => {
    expect(only(placement({}, { highRiskWork: ['toxic'], specialArrangementFiled: true }))).toEqual([
      {
        code: 'MINOR_FORBIDDEN_WORK',
        field: 'post.highRiskWork',
        zh: '学生未满 18 周岁，不得从事《未成年工特殊保护规定》禁忌的有毒作业',
        en: 'The student is under 18: work forbidden to minors (toxic)',
      },
    ]);
  });

  it('refuses underground work for a female student even when filed', () => {
    const woman = { student: { id: 's1', birthDate: '2004-05-05', sex: 'F' as const, studyYear: 3 } };
    expect(only(placement(woman, { highRiskWork: ['underground'], specialArrangementFiled: true }))).toEqual([
      {
        code: 'FEMALE_FORBIDDEN_WORK',
        field: 'post.highRiskWork',
        zh: '不得安排女学生从事《女职工劳动保护特别规定》禁忌的井下作业',
        en: 'Female interns may not work underground (special labour protection of female employees)',
      },
    ]);
  });

  it('refuses a placement without the three-party agreement', () => {
    expect(only(placement({ agreement: null }))).toEqual([
      {
        code: 'AGREEMENT_MISSING',
        field: 'agreement',
        zh: '未签订学校、实习单位、学生三方实习协议',
        en: 'No three-party agreement (school, enterprise, student) is on file',
      },
    ]);
  });

  it("refuses a placement without the student's consent", () => {
    expect(only(placement({ consent: { studentSignedOn: null, guardianSignedOn: '2024-02-21' } }))).toEqual([
      {
        code: 'STUDENT_CONSENT_MISSING',
        field: 'consent.studentSignedOn',
        zh: '缺少学生本人的实习知情同意',
        en: "The student's consent is not on file",
      },
    ]);
  });

  it("refuses a minor on the start date without the guardian's consent; an adult needs none", () => {
    const noGuardian = { consent: { studentSignedOn: '2024-02-20', guardianSignedOn: null } };
    expect(only(placement(noGuardian))).toEqual([
      {
        code: 'GUARDIAN_CONSENT_MISSING',
        field: 'consent.guardianSignedOn',
        zh: '学生在实习开始日为 17 周岁，缺少监护人知情同意书',
        en: "The student is 17 on the start date: the guardian's consent is not on file",
      },
    ]);
    // 18 on the start date itself: an adult.
    const adult = { id: 's1', birthDate: '2006-03-01', sex: 'M' as const, studyYear: 2 };
    expect(only(placement({ ...noGuardian, student: adult }))).toEqual([]);
  });

  it('refuses a placement without liability insurance', () => {
    expect(only(placement({ insurance: null }))).toEqual([
      {
        code: 'INSURANCE_MISSING',
        field: 'insurance',
        zh: '未投保学生实习责任保险',
        en: 'No internship liability insurance policy is on file',
      },
    ]);
  });

  it('refuses insurance that does not cover the whole placement, naming the end that falls short', () => {
    const base = placement().insurance!;
    expect(only(placement({ insurance: { ...base, endsOn: '2024-08-30' } }))).toEqual([
      {
        code: 'INSURANCE_PERIOD_SHORT',
        field: 'insurance.endsOn',
        zh: '保单 PZBA2024001 保险期间 2024-03-01 至 2024-08-30，未覆盖实习期 2024-03-01 至 2024-08-31',
        en: 'Policy PZBA2024001 runs 2024-03-01 to 2024-08-30 and does not cover the placement, 2024-03-01 to 2024-08-31',
      },
    ]);
    expect(only(placement({ insurance: { ...base, startsOn: '2024-03-02' } }))[0]!.field).toBe(
      'insurance.startsOn',
    );
    expect(only(placement({ insurance: { ...base, endsOn: '2024-08-31' } }))).toEqual([]);
  });

  it('refuses insurance that does not name the student', () => {
    const base = placement().insurance!;
    expect(only(placement({ insurance: { ...base, insuredStudentIds: ['s2'] } }))).toEqual([
      {
        code: 'INSURANCE_STUDENT_NOT_NAMED',
        field: 'insurance.insuredStudentIds',
        zh: '保单 PZBA2024001 的被保险学生中没有该学生',
        en: 'Policy PZBA2024001 does not name this student',
      },
    ]);
  });

  it('refuses a premium charged to the student', () => {
    const base = placement().insurance!;
    expect(only(placement({ insurance: { ...base, premiumPaidBy: 'student' } }))).toEqual([
      {
        code: 'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
        field: 'insurance.premiumPaidBy',
        zh: '实习责任保险保费不得向学生收取',
        en: 'The insurance premium may not be charged to the student',
      },
    ]);
  });

  it("refuses pay under 80 % of the same post's wage, exactly at the fen", () => {
    expect(only(placement({ monthlyPay: 3199.99 }))).toEqual([
      {
        code: 'PAY_TOO_LOW',
        field: 'monthlyPay',
        zh: '实习报酬每月 3199.99 元，低于相同岗位工资标准的 80%（3200 元）',
        en: "Pay of 3199.99 yuan a month is below 80 % of the same post's wage (3200 yuan)",
      },
    ]);
    // 80 % of 3,333 is 2,666.40: floating point must not refuse it.
    expect(only(placement({ monthlyPay: 2666.4 }, { sameJobMonthlyWage: 3333 }))).toEqual([]);
    expect(only(placement({ monthlyPay: null }))[0]!.zh).toBe(
      '实习报酬每月 0 元，低于相同岗位工资标准的 80%（3200 元）',
    );
  });

  it('falls back to the lowest wage grade when nobody holds the same post, and refuses with no basis', () => {
    expect(only(placement({ monthlyPay: 2400 }, { sameJobMonthlyWage: null }))[0]).toMatchObject({
      code: 'PAY_TOO_LOW',
      zh: '实习报酬每月 2400 元，低于最低档工资标准（2500 元）',
    });
    expect(only(placement({}, { sameJobMonthlyWage: null, lowestWageGrade: null }))).toEqual([
      {
        code: 'PAY_BASIS_MISSING',
        field: 'post.sameJobMonthlyWage',
        zh: '岗位未填写相同岗位工资标准或最低档工资标准，无法核对实习报酬',
        en: "The post has neither the same post's wage nor the lowest wage grade, so the pay cannot be checked",
      },
    ]);
  });

  it("refuses interns over 10 % of the enterprise's staff (this one counted), and an unknown staff count", () => {
    expect(only(placement({ enterprise: { staff: 200, otherInterns: 19 } }))).toEqual([]);
    expect(only(placement({ enterprise: { staff: 200, otherInterns: 20 } }))).toEqual([
      {
        code: 'ENTERPRISE_SHARE_EXCEEDED',
        field: 'enterprise.otherInterns',
        zh: '加上本次共 21 名岗位实习学生，超过实习单位在岗职工 200 人的 10%',
        en: "With this one, 21 interns exceed 10 % of the enterprise's 200 staff",
      },
    ]);
  });

  it('warns, neither refusing nor passing silently, when the enterprise staff count is unknown', () => {
    expect(checkActivation(placement({ enterprise: { staff: null, otherInterns: 0 } }), RULES)).toEqual({
      ok: true,
      refusals: [],
      warnings: [
        {
          code: 'ENTERPRISE_STAFF_UNKNOWN',
          field: 'enterprise.staff',
          zh: '实习单位当年在岗职工总数未登记，无法核对实习生比例',
          en: "The enterprise's staff count for the year is not on file, so the intern share cannot be checked",
        },
      ],
    });
  });

  it('refuses interns over 20 % of one post, and a post without its staff count', () => {
    expect(only(placement({ otherInternsOnPost: 3 }))).toEqual([]);
    expect(only(placement({ otherInternsOnPost: 4 }))).toEqual([
      {
        code: 'POST_SHARE_EXCEEDED',
        field: 'otherInternsOnPost',
        zh: '加上本次该岗位共 5 名实习学生，超过同类岗位在岗职工 20 人的 20%',
        en: 'With this one, 5 interns on the post exceed 20 % of its 20 staff',
      },
    ]);
    expect(only(placement({}, { staffOnPost: null }))).toEqual([
      {
        code: 'POST_STAFF_UNKNOWN',
        field: 'post.staffOnPost',
        zh: '岗位未填写同类岗位在岗职工数，无法核对岗位实习生比例',
        en: 'The post has no count of staff on the same post, so the share on the post cannot be checked',
      },
    ]);
  });

  it('uses configured thresholds', () => {
    const strict: InternshipRules = { ...RULES, maxEnterpriseSharePercent: 5, minPayPercent: 90 };
    expect(only(placement({ monthlyPay: 3500 }), strict).map((r) => r.code)).toEqual([
      'PAY_TOO_LOW',
      'ENTERPRISE_SHARE_EXCEEDED',
    ]);
  });

  it('refuses night shifts', () => {
    expect(only(placement({}, { nightWork: true }))).toEqual([
      {
        code: 'NIGHT_WORK',
        field: 'post.nightWork',
        zh: '岗位安排夜班',
        en: 'The post includes night shifts',
      },
    ]);
  });

  it('refuses more than 8 hours a day or 40 a week, naming the field that is over', () => {
    expect(only(placement({}, { dailyHours: 9, weeklyHours: 45 }))).toEqual([
      {
        code: 'OVERTIME',
        field: 'post.dailyHours',
        zh: '岗位工时每天 9 小时、每周 45 小时，超过每天 8 小时或每周 40 小时',
        en: "The post's hours (9 a day, 45 a week) exceed 8 a day or 40 a week",
      },
    ]);
    expect(only(placement({}, { dailyHours: 8, weeklyHours: 48 }))[0]!.field).toBe('post.weeklyHours');
  });

  it('refuses overtime declared on a post within the regular hours', () => {
    expect(only(placement({}, { overtimeWork: true }))).toEqual([
      { code: 'OVERTIME', field: 'post.overtimeWork', zh: '岗位安排加班', en: 'The post includes overtime' },
    ]);
  });

  it('refuses holiday work', () => {
    expect(only(placement({}, { holidayWork: true }))).toEqual([
      {
        code: 'HOLIDAY_WORK',
        field: 'post.holidayWork',
        zh: '岗位安排法定节假日工作',
        en: 'The post includes work on statutory holidays',
      },
    ]);
  });

  it('warns instead of refusing working time when configured to, or when the arrangement is filed', () => {
    const lenient: InternshipRules = {
      ...RULES,
      workTime: { night: 'warn', overtime: 'refuse', holiday: 'warn' },
    };
    const r = checkActivation(placement({}, { nightWork: true, holidayWork: true, dailyHours: 10 }), lenient);
    expect(r.refusals.map((x) => x.code)).toEqual(['OVERTIME']);
    expect(r.warnings.map((x) => x.code)).toEqual(['NIGHT_WORK', 'HOLIDAY_WORK']);
    const filed = checkActivation(placement({}, { nightWork: true, specialArrangementFiled: true }), RULES);
    expect(filed).toMatchObject({ ok: true, refusals: [], warnings: [{ code: 'NIGHT_WORK' }] });
  });

  it('asks no agreement or consent of a 认识实习 when configured so, but always insurance', () => {
    const rules: InternshipRules = { ...RULES, documentsRequiredFor: ['post'] };
    const f = placement({
      type: 'cognitive',
      agreement: null,
      consent: { studentSignedOn: null, guardianSignedOn: null },
    });
    expect(only(f, rules)).toEqual([]);
    expect(only({ ...f, insurance: null }, rules).map((r) => r.code)).toEqual(['INSURANCE_MISSING']);
    // Pay and intern shares are 岗位实习 rules.
    expect(only({ ...f, monthlyPay: 0, enterprise: { staff: 1, otherInterns: 5 } }, rules)).toEqual([]);
  });

  it('gives every reason at once, in the fixed order', () => {
    const f = placement(
      {
        student: { id: 's9', birthDate: '2009-01-01', sex: 'F', studyYear: 1 },
        agreement: null,
        consent: { studentSignedOn: null, guardianSignedOn: null },
        insurance: null,
        monthlyPay: 1000,
        enterprise: { staff: null, otherInterns: 0 },
        otherInternsOnPost: 10,
      },
      { holidayWork: true, nightWork: true, viaAgent: true, venue: 'bar', highRiskWork: ['underground'] },
    );
    const codes = only(f).map((r) => r.code);
    expect(codes).toEqual([
      'POST_ENTERTAINMENT_VENUE',
      'POST_VIA_AGENT',
      'POST_HIGH_RISK_WORK',
      'STUDENT_FIRST_YEAR',
      'STUDENT_UNDER_16',
      'MINOR_FORBIDDEN_WORK',
      'FEMALE_FORBIDDEN_WORK',
      'AGREEMENT_MISSING',
      'STUDENT_CONSENT_MISSING',
      'GUARDIAN_CONSENT_MISSING',
      'INSURANCE_MISSING',
      'PAY_TOO_LOW',
      'POST_SHARE_EXCEEDED',
      'NIGHT_WORK',
      'HOLIDAY_WORK',
    ]);
    expect(
      [...codes].sort((a, b) => INTERNSHIP_REASON_CODES.indexOf(a) - INTERNSHIP_REASON_CODES.indexOf(b)),
    ).toEqual(codes);
  });
});

describe('checkPost', () => {
  it('accepts an ordinary post and refuses only post-level reasons', () => {
    expect(checkPost(post(), RULES)).toEqual({ ok: true, refusals: [], warnings: [] });
    expect(
      checkPost(post({ venue: 'internet_cafe', dailyHours: 10 }), RULES).refusals.map((r) => r.code),
    ).toEqual(['POST_ENTERTAINMENT_VENUE', 'OVERTIME']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  applicationAsOf,
  applicationYearRefusal,
  certificationSchedule,
  certificationStateOn,
  evaluateCertification,
  recheckDatesOf,
  recheckRefusal,
  unmetReasons,
  type CertificationEvidence,
} from './certification.rules.ts';
import { DEFAULT_CERTIFICATION_RULES as RULES } from './certification.config.ts';

const evidence = (over: Partial<CertificationEvidence> = {}): CertificationEvidence => ({
  cooperationSince: '2019-09-01',
  longInternsByYear: { 2019: 30, 2020: 20, 2021: 25, 2022: 27 },
  apprenticesByYear: {},
  coBuiltBases: 0,
  coDevelopedCoursesByYear: { 2018: 2 },
  lastYearDuty: 'met',
  ...over,
});
const met = (e: CertificationEvidence, date = '2022-03-01') =>
  Object.fromEntries(evaluateCertification(e, RULES, date).results.map((r) => [r.key, r.met]));

describe('evaluateCertification', () => {
  it('lists every criterion with its basis, the requirement and the measured number', () => {
    const e = evaluateCertification(evidence(), RULES, '2022-03-01');
    expect(e.eligible).toBe(true);
    expect(e.results.map((r) => r.key)).toEqual([
      'cooperation_years',
      'long_interns',
      'apprentices',
      'co_built_bases',
      'co_developed_courses',
      'internship_duty',
    ]);
    expect(e.results[0]).toEqual({
      key: 'cooperation_years',
      group: 'all',
      basis: RULES.criteria[0]!.basis,
      required: { zh: '校企合作年限：≥ 2 年', en: 'Years of school cooperation: ≥ 2 years' },
      actual: { zh: '2 年（自 2019-09-01）', en: '2 years (since 2019-09-01)' },
      met: true,
      measured: true,
    });
    expect(e.results[1]).toMatchObject({
      required: { zh: '3 个月以上实习实训学生：2020–2022 年累计 ≥ 60 人' },
      actual: { zh: '72 人', en: '72 students' },
      met: true,
    });
    expect(e.results[1]!.basis).toContain('第五条（四）');
  });

  it('counts only the window: 2019 interns fall out in 2022, and a 2018 course is too old', () => {
    expect(met(evidence({ longInternsByYear: { 2019: 60, 2022: 5 } }))).toMatchObject({
      long_interns: false,
      co_developed_courses: false,
    });
    expect(met(evidence({ coDevelopedCoursesByYear: { 2020: 1 } })).co_developed_courses).toBe(true);
  });

  it('needs two completed years of cooperation, counting the anniversary', () => {
    expect(met(evidence({ cooperationSince: '2020-03-02' })).cooperation_years).toBe(false);
    expect(met(evidence({ cooperationSince: '2020-03-01' })).cooperation_years).toBe(true);
    const none = evaluateCertification(evidence({ cooperationSince: null }), RULES, '2022-03-01');
    expect(none.eligible).toBe(false);
    expect(none.results[0]!.actual).toEqual({ zh: '无合作协议', en: 'No cooperation agreement' });
  });

  it('needs one of the alternatives (interns, apprentices, bases, courses)', () => {
    const nothing = evidence({ longInternsByYear: {}, coDevelopedCoursesByYear: {} });
    expect(evaluateCertification(nothing, RULES, '2022-03-01').eligible).toBe(false);
    expect(evaluateCertification({ ...nothing, coBuiltBases: 1 }, RULES, '2022-03-01').eligible).toBe(true);
    expect(
      evaluateCertification({ ...nothing, apprenticesByYear: { 2021: 4 } }, RULES, '2022-03-01').eligible,
    ).toBe(true);
  });

  it('refuses an above-scale enterprise short of its 2 % duty last year; not applicable is no bar', () => {
    const short = evaluateCertification(evidence({ lastYearDuty: 'short' }), RULES, '2022-03-01');
    expect(short.eligible).toBe(false);
    expect(short.results.at(-1)).toMatchObject({ actual: { zh: '2021 年未达到' }, met: false });
    expect(met(evidence({ lastYearDuty: 'not_applicable' })).internship_duty).toBe(true);
    expect(met(evidence({ lastYearDuty: 'not_judged' })).internship_duty).toBe(false);
  });

  it('uses configured thresholds', () => {
    const rules = {
      ...RULES,
      criteria: RULES.criteria.map((c) => (c.key === 'long_interns' ? { ...c, threshold: 100 } : c)),
    };
    expect(evaluateCertification(evidence(), rules, '2022-03-01').results[1]!.met).toBe(false);
  });
});

describe('certification validity', () => {
  it('is valid three years to the day before the anniversary and re-checked every year', () => {
    expect(certificationSchedule('2021-06-15', RULES)).toEqual({
      validUntil: '2024-06-14',
      recheckDates: ['2022-06-15', '2023-06-15'],
    });
    expect(certificationSchedule('2020-02-29', RULES)).toEqual({
      validUntil: '2023-02-27',
      recheckDates: ['2021-02-28', '2022-02-28'],
    });
  });

  it('is due for re-check once a re-check date passes without one, and expires or is revoked', () => {
    const c = { certifiedOn: '2021-06-15', validUntil: '2024-06-14', revokedOn: null, lastRecheckOn: null };
    expect(certificationStateOn(c, RULES, '2021-06-14')).toBe('not_yet');
    expect(certificationStateOn(c, RULES, '2022-06-14')).toBe('valid');
    expect(certificationStateOn(c, RULES, '2022-06-15')).toBe('recheck_due');
    expect(certificationStateOn({ ...c, lastRecheckOn: '2022-06-20' }, RULES, '2023-01-01')).toBe('valid');
    expect(certificationStateOn({ ...c, lastRecheckOn: '2022-06-20' }, RULES, '2023-06-15')).toBe(
      'recheck_due',
    );
    expect(certificationStateOn(c, RULES, '2024-06-15')).toBe('expired');
    expect(certificationStateOn({ ...c, revokedOn: '2022-01-10' }, RULES, '2022-01-10')).toBe('revoked');
  });

  it('runs to the stored end, not to what the validity period of the rules would give now', () => {
    const c = { certifiedOn: '2021-06-15', validUntil: '2023-06-14', revokedOn: null, lastRecheckOn: null };
    expect(certificationStateOn(c, RULES, '2023-06-15')).toBe('expired');
    expect(certificationStateOn({ ...c, validUntil: '2026-06-14' }, RULES, '2024-06-15')).toBe('recheck_due');
    expect(recheckDatesOf(c, RULES)).toEqual(['2022-06-15']);
  });
});

describe('recheckRefusal', () => {
  it('re-checks through the last day of validity, and refuses the day after: the certification has expired', () => {
    expect(recheckRefusal('2024-05-19', '2023-05-20')).toBeNull();
    expect(recheckRefusal('2024-05-19', '2024-05-19')).toBeNull();
    expect(recheckRefusal('2024-05-19', '2024-05-20')).toEqual({
      zh: '认定有效期已于 2024-05-19 届满，认定已失效，不能复核；如需继续认定，请重新申报',
      en: 'The certification expired on 2024-05-19 and cannot be re-checked; the enterprise must apply anew',
    });
  });
});

describe('criteria not measured', () => {
  it('shows a criterion whose source is not wired as not measured: never met, no number', () => {
    const e = evaluateCertification(
      evidence({ notMeasured: ['cooperation_years', 'apprentices', 'co_built_bases'] }),
      RULES,
      '2022-03-01',
    );
    const coop = e.results[0]!;
    expect(coop).toMatchObject({ met: false, measured: false, actual: { zh: '未接入（无数据来源）' } });
    expect(coop.required.zh).toBe('校企合作年限：≥ 2 年');
    expect(e.results[2]).toMatchObject({ key: 'apprentices', met: false, measured: false });
    expect(e.results[1]).toMatchObject({ key: 'long_interns', met: true, measured: true });
    expect(e.eligible).toBe(false);
  });

  it('gives the refusal reasons in zh and en: each unmet required criterion, and the alternatives', () => {
    const e = evaluateCertification(
      evidence({ lastYearDuty: 'short', longInternsByYear: {}, coDevelopedCoursesByYear: {} }),
      RULES,
      '2022-03-01',
    );
    const reasons = unmetReasons(e);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]!.zh).toContain('2% 实习岗位');
    expect(reasons[0]!.en).toContain('short in 2021');
    expect(reasons[1]!.zh).toContain('至少满足一项');
    expect(unmetReasons(evaluateCertification(evidence(), RULES, '2022-03-01'))).toEqual([]);
  });
});

describe('applicationAsOf', () => {
  it('measures an application as of today while its year runs, else as of the year’s last day', () => {
    expect(applicationAsOf(2021, '2021-05-20')).toBe('2021-05-20');
    expect(applicationAsOf(2021, '2021-12-31')).toBe('2021-12-31');
    expect(applicationAsOf(2021, '2022-01-01')).toBe('2021-12-31');
    expect(applicationAsOf(2021, '2023-02-01')).toBe('2021-12-31');
  });
});

describe('applicationYearRefusal', () => {
  it('accepts the current year only: a past year and a later one are refused, naming the year', () => {
    expect(applicationYearRefusal(2021, '2021-01-01')).toBeNull();
    expect(applicationYearRefusal(2021, '2021-12-31')).toBeNull();
    expect(applicationYearRefusal(2020, '2021-01-01')).toEqual({
      code: 'YEAR_IN_PAST',
      zh: '申报年度 2020 早于今年（2021）：只能申报本年度',
      en: 'The year 2020 is before this year (2021): an application is for the current year only',
    });
    expect(applicationYearRefusal(2022, '2021-12-31')).toEqual({
      code: 'YEAR_IN_FUTURE',
      zh: '申报年度 2022 晚于今年（2021）：只能申报本年度',
      en: 'The year 2022 is after this year (2021): an application is for the current year only',
    });
  });
});

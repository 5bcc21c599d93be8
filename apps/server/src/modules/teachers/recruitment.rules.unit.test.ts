import { describe, expect, it } from 'vitest';
import { addYears, unionDays } from './date-math.ts';
import { checkRecruitment, type HireFacts } from './recruitment.rules.ts';
import { RECRUITMENT_RULE } from './teachers.config.ts';

const hire = (over: Partial<HireFacts> = {}): HireFacts => ({
  series: 'full_time',
  hireDate: '2021-09-01',
  education: 'bachelor',
  specialisedPeriods: [{ startsOn: '2021-09-01', endsOn: null }],
  workHistory: [{ startsOn: '2017-07-01', endsOn: '2021-06-30' }],
  certificates: [],
  ...over,
});
const codes = (f: HireFacts) => checkRecruitment(f, RECRUITMENT_RULE).reasons.map((r) => r.code);

describe('unionDays', () => {
  it('counts overlapping periods once and clips at the end date', () => {
    expect(
      unionDays(
        [
          { startsOn: '2020-01-01', endsOn: '2020-01-10' },
          { startsOn: '2020-01-05', endsOn: '2020-01-20' },
        ],
        '2020-12-31',
      ),
    ).toBe(20);
    expect(unionDays([{ startsOn: '2020-01-01', endsOn: null }], '2020-01-31')).toBe(31);
    expect(unionDays([{ startsOn: '2020-02-01', endsOn: null }], '2020-01-31')).toBe(0);
    expect(
      unionDays(
        [
          { startsOn: '2020-01-01', endsOn: '2020-01-02' },
          { startsOn: '2020-01-03', endsOn: '2020-01-04' },
        ],
        '2021-01-01',
      ),
    ).toBe(4);
  });

  it('moves dates by years keeping 29 February in common years on the 28th', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2021-09-01', -3)).toBe('2018-09-01');
  });
});

describe('checkRecruitment', () => {
  it('passes a 2021 专业课 hire with 4 years of enterprise work and a bachelor degree', () => {
    const r = checkRecruitment(hire(), RECRUITMENT_RULE);
    expect(r).toMatchObject({ applies: true, compliant: true, reasons: [], enterpriseYears: 4 });
  });

  it('refuses less than three years of enterprise work, counting overlapping jobs once', () => {
    const f = hire({
      workHistory: [
        { startsOn: '2019-01-01', endsOn: '2020-12-31' },
        { startsOn: '2020-01-01', endsOn: '2021-06-30' },
      ],
    });
    const r = checkRecruitment(f, RECRUITMENT_RULE);
    expect(r.enterpriseDays).toBe(912);
    expect(codes(f)).toEqual(['ENTERPRISE_YEARS_SHORT']);
  });

  it('passes exactly three years (1,095 days) and counts work only up to the day before the hire', () => {
    expect(codes(hire({ workHistory: [{ startsOn: '2018-09-02', endsOn: '2021-08-31' }] }))).toEqual([]);
    expect(codes(hire({ workHistory: [{ startsOn: '2018-09-03', endsOn: '2021-08-31' }] }))).toEqual([
      'ENTERPRISE_YEARS_SHORT',
    ]);
    // A job still running at the hire, and work after the hire, count only up to the hire.
    expect(codes(hire({ workHistory: [{ startsOn: '2018-09-03', endsOn: null }] }))).toEqual([
      'ENTERPRISE_YEARS_SHORT',
    ]);
    expect(codes(hire({ workHistory: [{ startsOn: '2018-09-02', endsOn: '2025-01-01' }] }))).toEqual([]);
  });

  it('refuses a degree below 高职（专科）, unless a 高级工-or-above certificate was held at hire', () => {
    expect(codes(hire({ education: 'vocational_college' }))).toEqual([]);
    expect(codes(hire({ education: 'secondary_vocational' }))).toEqual(['DEGREE_TOO_LOW']);
    const senior = {
      kind: 'vocational_qualification' as const,
      level: 'senior' as const,
      issuedOn: '2019-05-01',
    };
    expect(codes(hire({ education: 'secondary_vocational', certificates: [senior] }))).toEqual([]);
    expect(
      checkRecruitment(hire({ education: 'senior_high', certificates: [senior] }), RECRUITMENT_RULE)
        .highSkill,
    ).toBe(true);
    // 中级工 is not enough; a 高级工 certificate obtained after the hire does not count.
    expect(
      codes(hire({ education: 'senior_high', certificates: [{ ...senior, level: 'intermediate' }] })),
    ).toEqual(['DEGREE_TOO_LOW']);
    expect(
      codes(hire({ education: 'senior_high', certificates: [{ ...senior, issuedOn: '2022-01-01' }] })),
    ).toEqual(['DEGREE_TOO_LOW']);
    expect(codes(hire({ education: 'senior_high', certificates: [{ ...senior, kind: 'other' }] }))).toEqual([
      'DEGREE_TOO_LOW',
    ]);
  });

  it('gives every reason when both fail; the high-skill waiver never covers the enterprise years', () => {
    expect(codes(hire({ education: 'junior_high', workHistory: [] }))).toEqual([
      'ENTERPRISE_YEARS_SHORT',
      'DEGREE_TOO_LOW',
    ]);
    const skilled = { kind: 'skill_level' as const, level: 'technician' as const, issuedOn: '2020-01-01' };
    expect(codes(hire({ education: 'junior_high', workHistory: [], certificates: [skilled] }))).toEqual([
      'ENTERPRISE_YEARS_SHORT',
    ]);
  });

  it('does not apply to hires before 2020, part-time teachers, or teachers not hired for 专业课', () => {
    const bad = { education: 'junior_high' as const, workHistory: [] };
    const before = checkRecruitment(hire({ ...bad, hireDate: '2019-12-31' }), RECRUITMENT_RULE);
    expect(before).toMatchObject({ applies: false, compliant: true, reasons: [] });
    expect(
      checkRecruitment(
        hire({
          ...bad,
          hireDate: '2020-01-01',
          specialisedPeriods: [{ startsOn: '2020-01-01', endsOn: null }],
        }),
        RECRUITMENT_RULE,
      ).applies,
    ).toBe(true);
    expect(checkRecruitment(hire({ ...bad, series: 'enterprise_part_time' }), RECRUITMENT_RULE).applies).toBe(
      false,
    );
    expect(checkRecruitment(hire({ ...bad, specialisedPeriods: [] }), RECRUITMENT_RULE).applies).toBe(false);
    expect(
      checkRecruitment(
        hire({ ...bad, specialisedPeriods: [{ startsOn: '2022-09-01', endsOn: null }] }),
        RECRUITMENT_RULE,
      ).applies,
    ).toBe(false);
  });
});

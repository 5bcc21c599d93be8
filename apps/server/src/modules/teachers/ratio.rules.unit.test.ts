import { describe, expect, it } from 'vitest';
import { dualQualifiedRatio, ratioPercent, type RatioTeacher } from './ratio.rules.ts';

const full = (id: string, over: Partial<RatioTeacher> = {}): RatioTeacher => ({
  id,
  series: 'full_time',
  hireDate: '2015-09-01',
  leaveDate: null,
  specialisedPeriods: [{ startsOn: '2015-09-01', endsOn: null }],
  recognitions: [],
  ...over,
});
const valid = (validFrom: string, validUntil: string) => ({ validFrom, validUntil });
const off = { countPartTime: false };
const on = { countPartTime: true };

describe('dualQualifiedRatio', () => {
  it('divides recognised 专业课 teachers by all 专业课 teachers employed on the date', () => {
    const r = dualQualifiedRatio(
      [full('a', { recognitions: [valid('2019-01-01', '2023-12-31')] }), full('b'), full('c')],
      '2021-06-30',
      off,
    );
    expect(r).toEqual({
      numerator: 1,
      denominator: 3,
      ratio: 1 / 3,
      countedIds: ['a', 'b', 'c'],
      recognisedIds: ['a'],
    });
  });

  it('counts an expired recognition as not recognised, and a recognition valid through its last day', () => {
    const t = [full('a', { recognitions: [valid('2016-01-01', '2020-12-31')] })];
    expect(dualQualifiedRatio(t, '2020-12-31', off).numerator).toBe(1);
    expect(dualQualifiedRatio(t, '2021-01-01', off)).toMatchObject({
      numerator: 0,
      denominator: 1,
      ratio: 0,
    });
  });

  it('counts a renewed recognition without a gap, and not the day of a gap between two', () => {
    const t = [
      full('a', { recognitions: [valid('2016-01-01', '2020-12-31'), valid('2021-01-02', '2025-12-31')] }),
    ];
    expect(dualQualifiedRatio(t, '2021-01-01', off).numerator).toBe(0);
    expect(dualQualifiedRatio(t, '2021-01-02', off).numerator).toBe(1);
  });

  it('does not count a recognition that starts after the date', () => {
    const t = [full('a', { recognitions: [valid('2021-07-01', '2026-06-30')] })];
    expect(dualQualifiedRatio(t, '2021-06-30', off)).toMatchObject({ numerator: 0, denominator: 1 });
    expect(dualQualifiedRatio(t, '2021-07-01', off)).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('leaves enterprise part-time teachers out unless the setting counts them, on both sides', () => {
    const t = [
      full('a', { recognitions: [valid('2019-01-01', '2023-12-31')] }),
      full('p', { series: 'enterprise_part_time', recognitions: [valid('2019-01-01', '2023-12-31')] }),
      full('q', { series: 'enterprise_part_time' }),
    ];
    expect(dualQualifiedRatio(t, '2021-06-30', off)).toMatchObject({
      numerator: 1,
      denominator: 1,
      ratio: 1,
    });
    expect(dualQualifiedRatio(t, '2021-06-30', on)).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('drops a teacher who stops teaching 专业课 from the day after the period’s last day, and back when they resume', () => {
    const t = [
      full('a', {
        recognitions: [valid('2016-01-01', '2030-12-31')],
        specialisedPeriods: [
          { startsOn: '2015-09-01', endsOn: '2020-08-31' },
          { startsOn: '2022-09-01', endsOn: null },
        ],
      }),
      full('b'),
    ];
    expect(dualQualifiedRatio(t, '2020-08-31', off)).toMatchObject({ numerator: 1, denominator: 2 });
    expect(dualQualifiedRatio(t, '2020-09-01', off)).toMatchObject({ numerator: 0, denominator: 1 });
    expect(dualQualifiedRatio(t, '2022-09-01', off)).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('counts hires before 2020 like any other and teachers only from their hire date', () => {
    const t = [
      full('old', { hireDate: '2005-03-01', specialisedPeriods: [{ startsOn: '2005-03-01', endsOn: null }] }),
      full('new', { hireDate: '2021-09-01', specialisedPeriods: [{ startsOn: '2021-09-01', endsOn: null }] }),
    ];
    expect(dualQualifiedRatio(t, '2019-12-31', off).countedIds).toEqual(['old']);
    expect(dualQualifiedRatio(t, '2021-08-31', off).countedIds).toEqual(['old']);
    expect(dualQualifiedRatio(t, '2021-09-01', off).countedIds).toEqual(['old', 'new']);
  });

  it('counts a teacher up to the day before the leave date, recognition or not', () => {
    const t = [
      full('a', { leaveDate: '2021-03-01', recognitions: [valid('2016-01-01', '2030-12-31')] }),
      full('b'),
    ];
    expect(dualQualifiedRatio(t, '2021-02-28', off)).toMatchObject({ numerator: 1, denominator: 2 });
    expect(dualQualifiedRatio(t, '2021-03-01', off)).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('counts a teacher whose 专业课 period began before the hire only from the hire date', () => {
    const t = [
      full('a', { hireDate: '2020-09-01', specialisedPeriods: [{ startsOn: '2020-01-01', endsOn: null }] }),
    ];
    expect(dualQualifiedRatio(t, '2020-08-31', off).denominator).toBe(0);
  });

  it('answers a null ratio when nobody is counted, and 0 % for display', () => {
    expect(dualQualifiedRatio([], '2021-06-30', off)).toMatchObject({ ratio: null, denominator: 0 });
    expect(ratioPercent(0, 0)).toBe(0);
    expect(ratioPercent(2, 3)).toBe(66.7);
  });
});

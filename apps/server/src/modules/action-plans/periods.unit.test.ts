import { describe, expect, it } from 'vitest';
import { generatePeriods, periodLabelEn, periodStatus } from './periods.ts';

describe('generatePeriods', () => {
  it('aligns quarters to the calendar and sets the due date 10 days after the end', () => {
    const p = generatePeriods('2020-02-15', '2020-06-30', 'quarterly');
    expect(p).toEqual([
      { label: '2020年第1季度', startsOn: '2020-01-01', endsOn: '2020-03-31', dueOn: '2020-04-10' },
      { label: '2020年第2季度', startsOn: '2020-04-01', endsOn: '2020-06-30', dueOn: '2020-07-10' },
    ]);
  });
  it('handles leap-year Februaries and year ends for months', () => {
    const p = generatePeriods('2020-01-01', '2021-01-31', 'monthly');
    expect(p).toHaveLength(13);
    expect(p[1]).toMatchObject({ label: '2020年2月', endsOn: '2020-02-29' });
    expect(p[12]).toMatchObject({ startsOn: '2021-01-01', dueOn: '2021-02-10' });
  });
  it('makes yearly periods', () => {
    expect(generatePeriods('2020-05-01', '2022-01-01', 'yearly').map((x) => x.label)).toEqual([
      '2020年度',
      '2021年度',
      '2022年度',
    ]);
  });
  it('translates labels', () => {
    expect(periodLabelEn('2021年第3季度')).toBe('2021 Q3');
    expect(periodLabelEn('2021年3月')).toBe('2021-03');
    expect(periodLabelEn('2021年度')).toBe('2021');
  });
});

describe('periodStatus', () => {
  const q4 = { startsOn: '2026-10-01', dueOn: '2027-01-10' };
  it('is 未开始 before the start, 填报中 from the start to the due date inclusive, 已截止 after', () => {
    expect(periodStatus(q4, '2026-09-30')).toBe('upcoming');
    expect(periodStatus(q4, '2026-10-01')).toBe('open');
    expect(periodStatus(q4, '2027-01-10')).toBe('open');
    expect(periodStatus(q4, '2027-01-11')).toBe('closed');
  });
});

import { describe, expect, it } from 'vitest';
import { indicatorStatus, meetsTarget, type IndicatorTarget } from './indicator-status.ts';

const base: IndicatorTarget = {
  comparator: 'gte',
  target: 60,
  targetLow: null,
  targetHigh: null,
  baseline: 30,
  deadline: '2022-12-31',
};

describe('indicatorStatus', () => {
  it('is met when the latest value reaches a ≥ target, even early', () => {
    expect(indicatorStatus(base, 60, '2020-01-01', '2020-06-01')).toBe('met');
  });
  it('is on track when at or ahead of the straight line from baseline to target', () => {
    // 2021-07-02 is about half-way between 2020-01-01 and 2022-12-31: expected ≈ 45
    expect(indicatorStatus(base, 46, '2020-01-01', '2021-07-02')).toBe('on_track');
    expect(indicatorStatus(base, 40, '2020-01-01', '2021-07-02')).toBe('at_risk');
  });
  it('is off track after the deadline when not met, with or without data', () => {
    expect(indicatorStatus(base, 59.9, '2020-01-01', '2023-01-01')).toBe('off_track');
    expect(indicatorStatus(base, null, '2020-01-01', '2023-01-01')).toBe('off_track');
  });
  it('has no data before the deadline when nothing was reported', () => {
    expect(indicatorStatus(base, null, '2020-01-01', '2021-01-01')).toBe('no_data');
  });
  it('judges a band inclusively and never as on track outside it', () => {
    const band: IndicatorTarget = {
      ...base,
      comparator: 'between',
      target: null,
      targetLow: 45,
      targetHigh: 55,
    };
    expect(indicatorStatus(band, 45, '2020-01-01', '2021-01-01')).toBe('met');
    expect(indicatorStatus(band, 55, '2020-01-01', '2021-01-01')).toBe('met');
    expect(indicatorStatus(band, 40, '2020-01-01', '2021-01-01')).toBe('at_risk');
    expect(indicatorStatus(band, 56, '2020-01-01', '2023-06-01')).toBe('off_track');
  });
  it('handles ≤ targets against a falling line', () => {
    const lte: IndicatorTarget = { ...base, comparator: 'lte', target: 10, baseline: 30 };
    expect(indicatorStatus(lte, 10, '2020-01-01', '2021-01-01')).toBe('met');
    expect(indicatorStatus(lte, 19, '2020-01-01', '2021-07-02')).toBe('on_track');
    expect(indicatorStatus(lte, 25, '2020-01-01', '2021-07-02')).toBe('at_risk');
  });
});

describe('meetsTarget', () => {
  it('compares equality exactly', () => {
    expect(meetsTarget({ ...base, comparator: 'eq', target: 1 }, 1)).toBe(true);
    expect(meetsTarget({ ...base, comparator: 'eq', target: 1 }, 0)).toBe(false);
  });
});

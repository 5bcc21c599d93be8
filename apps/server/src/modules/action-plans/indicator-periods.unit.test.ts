import { describe, expect, it } from 'vitest';
import {
  judgeRecurring,
  valuesByWindow,
  verdictWindows,
  type RecurringTarget,
  type WindowValue,
} from './indicator-periods.ts';

/** （二十）: 8000 元/生, every year of 2020–2022. */
const perStudent: RecurringTarget = {
  comparator: 'gte',
  target: 8000,
  targetLow: null,
  targetHigh: null,
  baseline: null,
  deadline: '2022-12-31',
  recurrence: 'yearly',
  verdictRule: 'every-period',
};
const years = verdictWindows('yearly', '2020-01-01', '2022-12-31');
const v = (value: number): WindowValue => ({ value, numerator: null, denominator: null });
const judge = (t: RecurringTarget, values: Record<string, number>, asOf: string) =>
  judgeRecurring(t, years, new Map(Object.entries(values).map(([k, x]) => [k, v(x)])), asOf);
const statuses = (r: ReturnType<typeof judge>) => r.periods.map((p) => `${p.label}:${p.status}`);

describe('verdictWindows', () => {
  it('cuts the plan into calendar years, quarters or months up to the deadline', () => {
    expect(years.map((w) => [w.label, w.labelEn, w.startsOn, w.endsOn])).toEqual([
      ['2020年度', '2020', '2020-01-01', '2020-12-31'],
      ['2021年度', '2021', '2021-01-01', '2021-12-31'],
      ['2022年度', '2022', '2022-01-01', '2022-12-31'],
    ]);
    expect(verdictWindows('quarterly', '2020-01-01', '2020-12-31')).toHaveLength(4);
    expect(verdictWindows('monthly', '2020-01-01', '2020-06-30').at(-1)?.label).toBe('2020年6月');
    expect(verdictWindows('once', '2020-01-01', '2022-12-31')).toEqual([]);
  });
});

describe('valuesByWindow', () => {
  it('gives each window the value of the latest report that ends in it', () => {
    const m = valuesByWindow(years, [
      { endsOn: '2021-03-31', value: 7000, numerator: null, denominator: null },
      { endsOn: '2021-12-31', value: 8100, numerator: 8_100_000, denominator: 1000 },
      { endsOn: '2021-06-30', value: 7500, numerator: null, denominator: null },
      { endsOn: '2023-03-31', value: 9000, numerator: null, denominator: null },
    ]);
    expect([...m]).toEqual([['2021年度', { value: 8100, numerator: 8_100_000, denominator: 1000 }]]);
  });
});

describe('judgeRecurring, every year must be met', () => {
  it('a year missed stays missed: 7000 in 2020, then 7000 so far in mid-2021, is off track', () => {
    const r = judge(perStudent, { '2020年度': 7000, '2021年度': 7000 }, '2021-07-01');
    expect(r.status).toBe('off_track');
    expect(statuses(r)).toEqual(['2020年度:off_track', '2021年度:at_risk', '2022年度:no_data']);
    expect(r.periods.map((p) => p.phase)).toEqual(['past', 'current', 'future']);
  });
  it('a first year still under way and short of the target is at risk, not off track', () => {
    expect(judge(perStudent, { '2020年度': 7000 }, '2020-07-01').status).toBe('at_risk');
  });
  it('8000 in 2022 after two missed years is not met', () => {
    const r = judge(perStudent, { '2022年度': 8000 }, '2023-06-01');
    expect(r.status).toBe('off_track');
    expect(statuses(r)).toEqual(['2020年度:off_track', '2021年度:off_track', '2022年度:met']);
  });
  it('is met when every year so far is met', () => {
    expect(judge(perStudent, { '2020年度': 8000, '2021年度': 8200 }, '2021-12-31').status).toBe('met');
    expect(
      judge(perStudent, { '2020年度': 8000, '2021年度': 8200, '2022年度': 8300 }, '2026-12-06').status,
    ).toBe('met');
  });
  it('is on track while the current year has no value yet after met years', () => {
    expect(judge(perStudent, { '2020年度': 8000 }, '2021-04-01').status).toBe('on_track');
    expect(judge(perStudent, {}, '2020-04-01').status).toBe('no_data');
  });
  it('waits for the reports of a year that just ended before calling it missed', () => {
    expect(judge(perStudent, { '2020年度': 8000 }, '2022-01-05').periods[1]?.status).toBe('no_data');
    expect(judge(perStudent, { '2020年度': 8000 }, '2022-01-11').periods[1]?.status).toBe('off_track');
  });
  it('judges a band (职普比 45–55 %) the same way', () => {
    const band: RecurringTarget = {
      ...perStudent,
      comparator: 'between',
      target: null,
      targetLow: 45,
      targetHigh: 55,
    };
    expect(judge(band, { '2020年度': 50, '2021年度': 44 }, '2022-03-01').status).toBe('off_track');
    expect(judge(band, { '2020年度': 50, '2021年度': 55 }, '2022-03-01').status).toBe('on_track');
  });
});

describe('judgeRecurring, the last year decides', () => {
  const lastYear: RecurringTarget = { ...perStudent, verdictRule: 'last-period' };
  it('8000 in 2022 after two missed years is met, the missed years still shown', () => {
    const r = judge(lastYear, { '2022年度': 8000 }, '2023-06-01');
    expect(r.status).toBe('met');
    expect(statuses(r)).toEqual(['2020年度:off_track', '2021年度:off_track', '2022年度:met']);
  });
  it('before the last year, the latest value shows the direction', () => {
    expect(judge(lastYear, { '2020年度': 7000 }, '2021-07-01').status).toBe('at_risk');
    expect(judge(lastYear, { '2020年度': 8000 }, '2021-07-01').status).toBe('on_track');
    expect(judge(lastYear, {}, '2021-07-01').status).toBe('no_data');
  });
  it('in the last year, that year decides', () => {
    expect(judge(lastYear, { '2021年度': 9000, '2022年度': 7000 }, '2022-07-01').status).toBe('at_risk');
    expect(judge(lastYear, { '2021年度': 9000, '2022年度': 7000 }, '2023-01-01').status).toBe('off_track');
  });
});

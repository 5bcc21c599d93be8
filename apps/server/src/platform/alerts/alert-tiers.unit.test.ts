import { describe, expect, it } from 'vitest';
import { daysBetween, deadlineTier, lastDayOf, tierForLateness } from './alert-tiers.ts';

describe('tierForLateness', () => {
  it('is blue before the due date, yellow up to 30 days late, red after', () => {
    expect(tierForLateness(-3)).toBe('blue');
    expect(tierForLateness(0)).toBe('blue');
    expect(tierForLateness(1)).toBe('yellow');
    expect(tierForLateness(30)).toBe('yellow');
    expect(tierForLateness(31)).toBe('red');
  });
});

describe('deadlineTier', () => {
  it('raises nothing while more than 7 days remain', () => {
    expect(deadlineTier('2021-06-10', '2021-06-02')).toEqual({ daysLate: -8, tier: null });
  });
  it('is blue from 7 days before the due date to the due date itself', () => {
    expect(deadlineTier('2021-06-10', '2021-06-03')).toEqual({ daysLate: -7, tier: 'blue' });
    expect(deadlineTier('2021-06-10', '2021-06-10')).toEqual({ daysLate: 0, tier: 'blue' });
  });
  it('is yellow up to 30 days late and red after', () => {
    expect(deadlineTier('2021-06-10', '2021-07-10')).toEqual({ daysLate: 30, tier: 'yellow' });
    expect(deadlineTier('2021-06-10', '2021-07-11')).toEqual({ daysLate: 31, tier: 'red' });
  });
});

describe('daysBetween', () => {
  it('counts calendar days across a month end, negative backwards', () => {
    expect(daysBetween('2021-02-27', '2021-03-02')).toBe(3);
    expect(daysBetween('2021-03-02', '2021-02-27')).toBe(-3);
  });
});

describe('lastDayOf', () => {
  it('is the day before when a period ends at midnight China time, else the day itself', () => {
    expect(lastDayOf(new Date('2021-06-10T16:00:00Z'))).toBe('2021-06-10');
    expect(lastDayOf(new Date('2021-06-10T02:00:00Z'))).toBe('2021-06-10');
    expect(lastDayOf(new Date('2021-06-10T00:00:00Z'))).toBe('2021-06-10');
  });
});

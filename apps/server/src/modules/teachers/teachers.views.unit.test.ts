import { describe, expect, it } from 'vitest';
import { ageInYear } from './teachers.views.ts';

describe('ageInYear', () => {
  it('is this year minus the birth year, the same all year round (not completed years)', () => {
    expect(ageInYear(1986, '2021-01-01')).toBe(35);
    expect(ageInYear(1986, '2021-05-20')).toBe(35);
    expect(ageInYear(1986, '2021-12-31')).toBe(35);
    expect(ageInYear(1986, '2022-01-01')).toBe(36);
  });

  it('is never below 0', () => {
    expect(ageInYear(2021, '2021-05-20')).toBe(0);
    expect(ageInYear(2030, '2021-05-20')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { registerYears } from './register-years';

describe('the years a register page offers', () => {
  it('offers this year and the eight before it, newest first', () => {
    expect(registerYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018]);
    expect(registerYears(2031)[8]).toBe(2023);
  });

  it('keeps an older year the address shows, in its place, and no year twice', () => {
    expect(registerYears(2026, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2015]);
    expect(registerYears(2026, 2022)).toHaveLength(9);
  });
});

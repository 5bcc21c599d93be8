import { describe, expect, it } from 'vitest';
import { demoCalendar, planMonth, whenAll } from './programs.demo-calendar.ts';

describe('the programs demo calendar', () => {
  it('reads the data’s days: plan days, days after the plan, days before today', () => {
    expect(whenAll('2022-04-29 +135 -20')).toEqual([{ plan: '2022-04-29' }, { after: 135 }, { ago: 20 }]);
    expect(() => whenAll('2023-01-05')).toThrow(/plan's years/);
    expect(() => whenAll('2020-02-29')).toThrow(/plan's years/);
    expect(planMonth(0)).toEqual({ plan: '2020-01-15' });
    expect(planMonth(14, 10)).toEqual({ plan: '2021-03-10' });
    expect(() => planMonth(36)).toThrow();
  });

  it('puts plan days on the same days of the plan’s three years, and later work after its end', () => {
    const c = demoCalendar('2026-11-29', [2020, 2021, 2022]);
    expect(c.end).toBe('2022-12-31');
    expect(c.day({ plan: '2021-05-20' })).toBe('2021-05-20');
    expect(c.day({ after: 100 })).toBe('2023-04-10');
    expect(c.day({ ago: 385 })).toBe('2025-11-09');
    // Not yet happened.
    expect(c.day({ after: 1500 })).toBeNull();
  });

  it('without plan years, takes the three years before today’s', () => {
    const c = demoCalendar('2026-11-29', []);
    expect(c.end).toBe('2025-12-31');
    expect(c.day({ plan: '2020-03-02' })).toBe('2023-03-02');
    expect(c.day({ after: 175 })).toBe('2026-06-24');
    expect(c.day({ after: 530 })).toBeNull();
  });

  it('presses the three years into fewer, in order, never on or after today', () => {
    const c = demoCalendar('2022-05-20', [2020, 2021]);
    expect(c.end).toBe('2021-12-31');
    const days = whenAll('2020-01-01 2020-12-31 2021-06-30 2022-12-31').map((w) => c.day(w)!);
    expect(days).toEqual([...days].sort());
    expect(days[0]).toBe('2020-01-01');
    expect(days[3]! <= '2021-12-31').toBe(true);
    expect(c.day({ after: 100 })).toBe('2022-04-10');
    expect(c.day({ after: 140 })).toBeNull();
  });
});

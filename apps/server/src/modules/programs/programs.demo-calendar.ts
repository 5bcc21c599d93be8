import { addDays } from '../../platform/clock/clock.ts';

/*
 * The demo's data is written in the demo plan's own years, 2020–2022 (its "nominal" calendar);
 * `demoCalendar` moves each day onto the plan's years as the demo has them on its `today`.
 */

/**
 * When a demo record was made: a day of the plan's years, written as in 2020–2022 (`plan`); some
 * days after the plan ended (`after`); some days before today (`ago`).
 */
export type When = { plan: string } | { after: number } | { ago: number };

const NOMINAL_START = '2020-01-01';
const NOMINAL_END = '2022-12-31';
const DAY = 86_400_000;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Steps' days as the demo's data writes them: `2021-05-20` a day of the plan's years, `+175` days
 * after the plan ended, `-75` days before today.
 *
 * @example whenAll('2022-04-29 +135 -20') // [{ plan: '2022-04-29' }, { after: 135 }, { ago: 20 }]
 */
export function whenAll(text: string): When[] {
  return text
    .split(' ')
    .filter(Boolean)
    .map((t): When => {
      if (t.startsWith('+')) return { after: Number(t.slice(1)) };
      if (t.startsWith('-')) return { ago: Number(t.slice(1)) };
      // No 29 February: it is not a day of every year the data may be moved to.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || t < NOMINAL_START || t > NOMINAL_END || t.endsWith('02-29'))
        throw new Error(`Not a day of the demo plan's years: ${t}`);
      return { plan: t };
    });
}

/**
 * Day `day` of month `k` of the plan's 36 (0 = the January of its first year).
 *
 * @example planMonth(14, 10) // { plan: '2021-03-10' }
 */
export function planMonth(k: number, day = 15): When {
  if (k < 0 || k >= 36) throw new Error(`Month ${k} is outside the plan's 36`);
  return { plan: `${2020 + Math.floor(k / 12)}-${pad((k % 12) + 1)}-${pad(day)}` };
}

/**
 * The demo's calendar on `today`. The plan's years are `planYears` (the demo plan's years before
 * today's, `DemoContext.planYears`), else the three years before today's year, so a module's own
 * test without a plan gets the same history, moved. A `plan` day falls on the same day of the
 * matching year when there are three years (the last three, were there more); with fewer, the three
 * years are pressed into the ones there are, in the same order. `day` is null for a day on or after
 * today: a step that has not happened yet.
 *
 * @example demoCalendar('2026-11-29', [2020, 2021, 2022]).day({ plan: '2021-05-20' }) // '2021-05-20'
 * @example demoCalendar('2026-11-29', [2020, 2021, 2022]).day({ after: 100 }) // '2023-04-10'
 * @example demoCalendar('2022-05-20', [2020, 2021]).day({ after: 200 }) // null (not yet)
 */
export function demoCalendar(today: string, planYears: readonly number[]) {
  const thisYear = Number(today.slice(0, 4));
  const years = planYears.length > 0 ? planYears : [thisYear - 3, thisYear - 2, thisYear - 1];
  const first = `${years[0]}-01-01`;
  const end = `${years[years.length - 1]}-12-31`;
  const scale = (daysFrom(first, end) + 1) / (daysFrom(NOMINAL_START, NOMINAL_END) + 1);

  function planDay(nominal: string): string {
    const year = Number(nominal.slice(0, 4)) - 2020;
    if (years.length >= 3) return `${years[years.length - 3 + year]}${nominal.slice(4)}`;
    return addDays(first, Math.floor(daysFrom(NOMINAL_START, nominal) * scale));
  }

  return {
    /** The plan's last day, as the demo has it. */
    end,
    /** The date of `when`, or null when it falls on or after today. */
    day(when: When): string | null {
      if ('ago' in when) return addDays(today, -when.ago);
      const date = 'after' in when ? addDays(end, when.after) : planDay(when.plan);
      return date < today ? date : null;
    },
  };
}

export type DemoCalendar = ReturnType<typeof demoCalendar>;

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings, in whole days (no time zones: the dates are
 * China's calendar dates already). Pure; used by the rules and the demo.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative = earlier). @example addDays('2021-03-01', -1) // '2021-02-28' */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * `date` moved by whole years; 29 February becomes 28 February in common years.
 * @example addYears('2020-02-29', 1) // '2021-02-28'
 */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** True when `YYYY-MM-DD` is a real calendar date. */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return fromDayNumber(dayNumber(date)) === date;
}

/**
 * Days covered by the union of inclusive periods, each clipped to end no later than `until`
 * (inclusive); open periods (`endsOn` null) run to `until`. Overlaps count once.
 *
 * @example unionDays([{ startsOn: '2020-01-01', endsOn: '2020-01-10' }, { startsOn: '2020-01-05', endsOn: null }], '2020-01-20') // 20
 */
export function unionDays(
  periods: ReadonlyArray<{ startsOn: string; endsOn: string | null }>,
  until: string,
): number {
  const last = dayNumber(until);
  const spans = periods
    .map(
      (p) => [dayNumber(p.startsOn), Math.min(p.endsOn === null ? last : dayNumber(p.endsOn), last)] as const,
    )
    .filter(([a, b]) => b >= a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = Number.NaN;
  let curEnd = Number.NaN;
  for (const [a, b] of spans) {
    if (Number.isNaN(curStart) || a > curEnd + 1) {
      if (!Number.isNaN(curStart)) total += curEnd - curStart + 1;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) curEnd = b;
  }
  if (!Number.isNaN(curStart)) total += curEnd - curStart + 1;
  return total;
}

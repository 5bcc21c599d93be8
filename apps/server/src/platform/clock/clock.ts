/** The one source of "now", injectable so tests can move time (session expiry, deadlines). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs at the real pace from there: a demo or an end-to-end
 * test can show a plan as it stood on a past day (`ZHIJIAO_CLOCK_START`). Never for production.
 */
export function createRunningClock(start: Date | string, realNow: () => number = Date.now): Clock {
  const offset = new Date(start).getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

/** A clock tests can set and advance. */
export function createFixedClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Today's date as `YYYY-MM-DD` in China Standard Time (UTC+8), the calendar the plan runs on. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A China calendar date (`YYYY-MM-DD`) moved by whole days (negative = earlier).
 *
 * @example addDays('2026-03-01', -1) // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The first instant after a China calendar day: records made before it were made on or before
 * that day (what a view "as of" the day may count).
 *
 * @example endOfChinaDay('2021-05-25') // 2021-05-25T16:00:00.000Z
 */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);
}

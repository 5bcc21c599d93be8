/**
 * Flags in an intern's attendance log (task （十三）; 教职成〔2021〕4号: no night shifts, overtime
 * or holiday work unless filed; DOMAIN.md, "Internships"): a log entry is `night` when any of it
 * falls between 22:00 and 06:00 China time, `overtime_daily` / `overtime_weekly` when it takes the
 * intern past 8 hours that day or 40 hours that week (Monday to Sunday), `holiday` on a statutory
 * holiday and `rest_day` on a weekend that is not a make-up working day (调休上班). The holiday and
 * make-up lists are parameters: the State Council publishes them each year. China has kept UTC+8
 * without daylight saving since 1991, so a fixed offset gives Asia/Shanghai's wall clock. Pure.
 */

export interface AttendanceEntry {
  id: string;
  /** ISO 8601 instants (`2024-03-01T20:00:00+08:00` or UTC `Z`). */
  startsAt: string;
  endsAt: string;
}

export interface WorkCalendar {
  /** Statutory holidays (法定节假日 放假日), `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** Weekend days worked in exchange for a holiday (调休上班日). */
  makeUpWorkdays: readonly string[];
}

export interface AttendanceLimits {
  maxDailyMinutes: number;
  maxWeeklyMinutes: number;
  /** Night from this minute of the day to `nightEndsMinute` the next morning (22:00 = 1320). */
  nightStartsMinute: number;
  nightEndsMinute: number;
}

export const DEFAULT_ATTENDANCE_LIMITS: AttendanceLimits = {
  maxDailyMinutes: 8 * 60,
  maxWeeklyMinutes: 40 * 60,
  nightStartsMinute: 22 * 60,
  nightEndsMinute: 6 * 60,
};

export type AttendanceFlag = 'night' | 'overtime_daily' | 'overtime_weekly' | 'holiday' | 'rest_day';

export interface FlaggedEntry {
  id: string;
  minutes: number;
  nightMinutes: number;
  /** The China dates the entry touches. */
  dates: string[];
  flags: AttendanceFlag[];
}

export interface AttendanceReport {
  entries: FlaggedEntry[];
  /** Minutes per China date, in date order. */
  days: Array<{ date: string; minutes: number }>;
  /** Minutes per week, keyed by its Monday. */
  weeks: Array<{ monday: string; minutes: number }>;
}

const DAY = 1440;
const CHINA_OFFSET_MINUTES = 8 * 60;
const FLAG_ORDER: AttendanceFlag[] = ['night', 'overtime_daily', 'overtime_weekly', 'holiday', 'rest_day'];

/** Minutes since 1970-01-01 00:00 China time. */
function chinaMinutes(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`attendance: not an instant: ${instant}`);
  return ms / 60_000 + CHINA_OFFSET_MINUTES;
}

const dateOf = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
/** Monday-based weekday: 1970-01-01 was a Thursday (3). */
const weekdayOf = (dayNumber: number) => (dayNumber + 3) % 7;

interface Segment {
  entry: number;
  day: number;
  start: number;
  end: number;
}

/** Minutes of [start, end) (minutes of one day) inside the night window. */
function nightOverlap(start: number, end: number, limits: AttendanceLimits): number {
  const overlap = (a: number, b: number) => Math.max(0, Math.min(end, b) - Math.max(start, a));
  return overlap(0, limits.nightEndsMinute) + overlap(limits.nightStartsMinute, DAY);
}

/**
 * Flags every entry of one intern's log and totals the days and weeks. An entry crossing midnight
 * counts on both dates. Overtime is flagged on the entries that go past the limit, in time order:
 * the first 8 hours of a day are not overtime, the entry that passes them is (and every later one).
 * Throws on an entry that does not end after it starts.
 *
 * @example
 * flagAttendance([{ id: 'a', startsAt: '2024-03-01T20:00:00+08:00', endsAt: '2024-03-02T02:00:00+08:00' }],
 *   { holidays: [], makeUpWorkdays: [] }, DEFAULT_ATTENDANCE_LIMITS).entries[0]
 * // { id: 'a', minutes: 360, nightMinutes: 240, dates: ['2024-03-01', '2024-03-02'], flags: ['night', 'rest_day'] }
 */
export function flagAttendance(
  entries: readonly AttendanceEntry[],
  calendar: WorkCalendar,
  limits: AttendanceLimits,
): AttendanceReport {
  const holidays = new Set(calendar.holidays);
  const makeUp = new Set(calendar.makeUpWorkdays);
  const flags = entries.map(() => new Set<AttendanceFlag>());
  const segments: Segment[] = [];
  const result: FlaggedEntry[] = entries.map((e, i) => {
    const start = chinaMinutes(e.startsAt);
    const end = chinaMinutes(e.endsAt);
    if (!(end > start)) throw new RangeError(`attendance: entry ${e.id} does not end after it starts`);
    let nightMinutes = 0;
    const dates: string[] = [];
    for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
      const s = Math.max(start, day * DAY) - day * DAY;
      const t = Math.min(end, (day + 1) * DAY) - day * DAY;
      segments.push({ entry: i, day, start: s + day * DAY, end: t + day * DAY });
      nightMinutes += nightOverlap(s, t, limits);
      const date = dateOf(day);
      dates.push(date);
      if (holidays.has(date)) flags[i]!.add('holiday');
      else if (weekdayOf(day) >= 5 && !makeUp.has(date)) flags[i]!.add('rest_day');
    }
    if (nightMinutes > 0) flags[i]!.add('night');
    return { id: e.id, minutes: end - start, nightMinutes, dates, flags: [] };
  });

  segments.sort((a, b) => a.start - b.start || a.entry - b.entry);
  const dayTotals = new Map<number, number>();
  const weekTotals = new Map<number, number>();
  for (const seg of segments) {
    const minutes = seg.end - seg.start;
    const week = seg.day - weekdayOf(seg.day);
    const dayTotal = (dayTotals.get(seg.day) ?? 0) + minutes;
    const weekTotal = (weekTotals.get(week) ?? 0) + minutes;
    dayTotals.set(seg.day, dayTotal);
    weekTotals.set(week, weekTotal);
    if (dayTotal > limits.maxDailyMinutes) flags[seg.entry]!.add('overtime_daily');
    if (weekTotal > limits.maxWeeklyMinutes) flags[seg.entry]!.add('overtime_weekly');
  }
  result.forEach((r, i) => (r.flags = FLAG_ORDER.filter((f) => flags[i]!.has(f))));
  const sorted = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
  return {
    entries: result,
    days: sorted(dayTotals).map(([d, minutes]) => ({ date: dateOf(d), minutes })),
    weeks: sorted(weekTotals).map(([w, minutes]) => ({ monday: dateOf(w), minutes })),
  };
}

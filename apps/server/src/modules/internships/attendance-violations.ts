/**
 * Which entries of an intern's attendance log break the working-time rules (教职成〔2021〕4号: no
 * night shifts, overtime or statutory-holiday work unless the post declares it and the arrangement
 * is filed, 备案): the entries are flagged by `flagAttendance`, then each night, overtime or
 * holiday flag the post does not cover is a violation with its reason in zh and en. Working on a
 * rest day is flagged but is no violation by itself (the weekly hours count it). The holiday list
 * comes from the entries the keeper marks as statutory holidays: the State Council's calendar is
 * not data in Zhijiao yet. Pure.
 */
import { DEFAULT_ATTENDANCE_LIMITS, flagAttendance, type AttendanceFlag } from './attendance.rules.ts';
import type { InternshipReason, InternshipRules } from './internship-post.rules.ts';

export interface LoggedEntry {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  holiday: boolean;
}

/** What the post declares and has filed. */
export interface PostWorkTime {
  nightWork: boolean;
  overtimeWork: boolean;
  holidayWork: boolean;
  filed: boolean;
}

export interface CheckedEntry {
  id: string;
  minutes: number;
  flags: AttendanceFlag[];
  violations: InternshipReason[];
}

export interface CheckedLog {
  entries: CheckedEntry[];
  weeks: Array<{ monday: string; minutes: number }>;
}

/**
 * Flags every entry and names the violations.
 *
 * @example
 * checkAttendance([{ id: 'a', date: '2024-03-01', startsAt: '2024-03-01T20:00:00+08:00', endsAt: '2024-03-02T00:00:00+08:00', holiday: false }],
 *   { nightWork: false, overtimeWork: false, holidayWork: false, filed: false }, rules).entries[0].violations[0].code // 'NIGHT_WORK'
 */
export function checkAttendance(
  log: readonly LoggedEntry[],
  post: PostWorkTime,
  rules: InternshipRules,
): CheckedLog {
  const report = flagAttendance(
    log,
    { holidays: [...new Set(log.filter((e) => e.holiday).map((e) => e.date))], makeUpWorkdays: [] },
    {
      ...DEFAULT_ATTENDANCE_LIMITS,
      maxDailyMinutes: rules.maxDailyHours * 60,
      maxWeeklyMinutes: rules.maxWeeklyHours * 60,
    },
  );
  const allowed = (mode: 'refuse' | 'warn', declared: boolean) => mode === 'warn' || (declared && post.filed);
  const byId = new Map(log.map((e) => [e.id, e]));
  const entries = report.entries.map((r): CheckedEntry => {
    const date = byId.get(r.id)!.date;
    const violations: InternshipReason[] = [];
    if (r.flags.includes('night') && !allowed(rules.workTime.night, post.nightWork)) {
      violations.push({
        code: 'NIGHT_WORK',
        field: 'attendance.night',
        zh: `${date} 夜间（22:00–06:00）工作 ${r.nightMinutes} 分钟，岗位未备案夜班`,
        en: `${date}: ${r.nightMinutes} minutes of night work (22:00–06:00); the post has no filed night shifts`,
      });
    }
    const over = r.flags.filter((f) => f === 'overtime_daily' || f === 'overtime_weekly');
    if (over.length > 0 && !allowed(rules.workTime.overtime, post.overtimeWork)) {
      const daily = over.includes('overtime_daily');
      violations.push({
        code: 'OVERTIME',
        field: daily ? 'attendance.overtimeDaily' : 'attendance.overtimeWeekly',
        zh: daily
          ? `${date} 当日工作超过 ${rules.maxDailyHours} 小时，岗位未备案加班`
          : `${date} 所在周工作超过 ${rules.maxWeeklyHours} 小时，岗位未备案加班`,
        en: daily
          ? `${date}: more than ${rules.maxDailyHours} hours that day; the post has no filed overtime`
          : `${date}: more than ${rules.maxWeeklyHours} hours that week; the post has no filed overtime`,
      });
    }
    if (r.flags.includes('holiday') && !allowed(rules.workTime.holiday, post.holidayWork)) {
      violations.push({
        code: 'HOLIDAY_WORK',
        field: 'attendance.holiday',
        zh: `${date} 为法定节假日，岗位未备案节假日工作`,
        en: `${date} is a statutory holiday; the post has no filed holiday work`,
      });
    }
    return { id: r.id, minutes: r.minutes, flags: r.flags, violations };
  });
  return { entries, weeks: report.weeks };
}

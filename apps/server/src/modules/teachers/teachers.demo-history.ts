import { addDays, addYears } from './date-math.ts';
import { DEFAULT_VALIDITY_YEARS } from './teachers.config.ts';
import { firstRecognised, hirePlanYear, type Role } from './teachers.demo-data.ts';

/**
 * Dates of the teachers demo's history (teachers.demo.ts): when a hire joined, when a teacher was
 * first recognised 双师型 and the recognitions that followed. Pure; a history is laid out on the
 * demo plan's past years (`planYears` of the demo context) and never reaches past `today`.
 */

/** A recognition's validity, both ends inclusive. */
export interface Validity {
  validFrom: string;
  validUntil: string;
}

/**
 * How long before its end a demo recognition is renewed: longer than the expiry notice
 * (EXPIRY_NOTICE_DAYS), so a teacher who renews never shows as expiring.
 */
export const RENEW_AHEAD_DAYS = 120;

/** The district's two recognition rounds a year (spring, autumn), month and day. */
const ROUNDS = ['04-20', '10-20'] as const;

const ends = (validFrom: string) => addDays(addYears(validFrom, DEFAULT_VALIDITY_YEARS), -1);

/**
 * The recognitions of a teacher first recognised on `since`, each renewed RENEW_AHEAD_DAYS before
 * it ends, up to `today`: the last one ends more than EXPIRY_NOTICE_DAYS after today.
 *
 * @example renewedSince('2017-10-20', '2026-11-29')
 * // [{ validFrom: '2017-10-20', validUntil: '2022-10-19' }, { validFrom: '2022-06-22', validUntil: '2027-06-21' }]
 */
export function renewedSince(since: string, today: string): Validity[] {
  const out: Validity[] = [];
  for (let from = since; from <= today;) {
    const validUntil = ends(from);
    out.push({ validFrom: from, validUntil });
    from = addDays(validUntil, 1 - RENEW_AHEAD_DAYS);
  }
  return out;
}

/**
 * The recognitions of a teacher whose latest one ends on `until`: that one, and (with `since`)
 * the earlier ones it renewed, going back until one began on or before `since`. None begins before
 * `earliest` (the hire date): the first is cut to start there.
 *
 * @example endingOn('2026-11-02', '2020-01-01', '2008-03-01')
 * // [{ validFrom: '2017-03-03', validUntil: '2022-03-02' }, { validFrom: '2021-11-03', validUntil: '2026-11-02' }]
 */
export function endingOn(until: string, since: string | null, earliest: string): Validity[] {
  const out: Validity[] = [];
  for (let validUntil = until; ;) {
    const validFrom = addDays(addYears(validUntil, -DEFAULT_VALIDITY_YEARS), 1);
    if (validFrom <= earliest) {
      out.unshift({ validFrom: earliest, validUntil });
      return out;
    }
    out.unshift({ validFrom, validUntil });
    if (since === null || validFrom <= since) return out;
    validUntil = addDays(validFrom, RENEW_AHEAD_DAYS - 1);
  }
}

/**
 * The day of the recognition round `offset` years after the spring round of `firstYear` (x.5: the
 * autumn round), never before `earliest`.
 *
 * @example roundDate(2020, -2.5, '2004-09-01') // '2017-10-20'
 */
export function roundDate(firstYear: number, offset: number, earliest: string): string {
  const year = firstYear + Math.floor(offset);
  const date = `${year}-${ROUNDS[offset % 1 === 0 ? 0 : 1]}`;
  return date < earliest ? earliest : date;
}

/**
 * 1 September of the latest school year begun at least a month before `today`: when this year's
 * hires joined.
 *
 * @example latestIntake('2026-11-29') // '2026-09-01'; latestIntake('2022-05-20') // '2021-09-01'
 */
export function latestIntake(today: string): string {
  const year = Number(today.slice(0, 4));
  const september = `${year}-09-01`;
  return addDays(today, -30) >= september ? september : `${year - 1}-09-01`;
}

/** What the demo knows of a teacher when it dates their hire and recognitions. */
export interface DemoTeacherSlot {
  /** The school's code (`SD-VHS`) and the teacher's number within it. */
  school: string;
  n: number;
  role: Role;
  /** The demo's today and the plan's past years (`DemoContext`). */
  today: string;
  planYears: readonly number[];
}

/**
 * A demo hire's date (roles `hire_…`): 1 September of its plan year (`hirePlanYear`), or of this
 * year's intake when it has none or there is no plan.
 *
 * @example demoHireDate({ school: 'SD-VHS', n: 25, role: 'hire_degree', today: '2026-11-29', planYears: [2020, 2021, 2022] }) // '2021-09-01'
 */
export function demoHireDate(t: DemoTeacherSlot): string {
  const index = hirePlanYear(t.school, t.n);
  if (index === undefined || t.planYears.length === 0) return latestIntake(t.today);
  return `${t.planYears[Math.min(index, t.planYears.length - 1)]}-09-01`;
}

/**
 * The day the district granted a demo hire that breaks the recruitment rule an exception: 15
 * October of the plan year after the hire's, when that year is past; else none (still undecided).
 *
 * @example hireExceptionDate({ school: 'SD-VHS', n: 25, role: 'hire_degree', today: '2026-11-29', planYears: [2020, 2021, 2022] }) // '2022-10-15'
 */
export function hireExceptionDate(t: DemoTeacherSlot): string | null {
  const index = hirePlanYear(t.school, t.n);
  if (index === undefined || t.planYears.length === 0 || t.role === 'hire_ok') return null;
  const next = t.planYears[Math.min(index, t.planYears.length - 1) + 1];
  return next === undefined ? null : `${next}-10-15`;
}

/**
 * A demo teacher's 双师型 recognitions up to `today`, oldest first, starting no earlier than the
 * hire. With the plan's years: an expiring or expired one (its end set by `today`, as the alerts
 * show it) has been held since before the plan, renewed on time; a plain teacher listed in
 * `firstRecognised` was first recognised in that round and has renewed ever since. Without a plan:
 * only today's recognition, ending (for a plain teacher) on `anchor`.
 */
export function demoRecognitions(t: DemoTeacherSlot & { hire: string; anchor: string }): Validity[] {
  const history = t.planYears.length > 0;
  if (t.role === 'expiring' || t.role === 'expired') {
    const until = addDays(t.today, t.role === 'expiring' ? 30 + t.n : -20 - t.n);
    return endingOn(until, history ? `${t.planYears[0]}-01-01` : null, t.hire);
  }
  const first = t.role === 'plain' ? firstRecognised(t.school, t.n) : undefined;
  if (first === undefined) return [];
  if (!history) return endingOn(t.anchor, null, t.hire);
  return renewedSince(roundDate(t.planYears[0]!, first, t.hire), t.today);
}

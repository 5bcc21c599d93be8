import type { Dayjs } from 'dayjs';

/**
 * A picker's wall-clock time read as China time (UTC+8), whatever the browser's zone, as an ISO
 * instant: windows are set and shown on the calendar the district works on.
 *
 * @example chinaIso(dayjs('2027-06-20 09:00:00')) // '2027-06-20T01:00:00.000Z'
 */
export function chinaIso(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTENDANCE_LIMITS as LIMITS,
  flagAttendance,
  type AttendanceEntry,
  type WorkCalendar,
} from './attendance.rules.ts';

/** 2024 National Day: 1–7 October off; Sunday 29 September and Saturday 12 October worked (调休). */
const CALENDAR: WorkCalendar = {
  holidays: [
    '2024-10-01',
    '2024-10-02',
    '2024-10-03',
    '2024-10-04',
    '2024-10-05',
    '2024-10-06',
    '2024-10-07',
  ],
  makeUpWorkdays: ['2024-09-29', '2024-10-12'],
};
const at = (id: string, from: string, to: string): AttendanceEntry => ({
  id,
  startsAt: `${from}+08:00`,
  endsAt: `${to}+08:00`,
});
const flagsOf = (entries: AttendanceEntry[], calendar: WorkCalendar = CALENDAR) =>
  Object.fromEntries(flagAttendance(entries, calendar, LIMITS).entries.map((e) => [e.id, e.flags]));

describe('flagAttendance', () => {
  it('flags nothing on an 8-hour weekday between 06:00 and 22:00', () => {
    expect(flagAttendance([at('a', '2024-03-04T09:00', '2024-03-04T17:00')], CALENDAR, LIMITS)).toEqual({
      entries: [{ id: 'a', minutes: 480, nightMinutes: 0, dates: ['2024-03-04'], flags: [] }],
      days: [{ date: '2024-03-04', minutes: 480 }],
      weeks: [{ monday: '2024-03-04', minutes: 480 }],
    });
  });

  it('flags night work from 22:00 and until 06:00, China time, whatever offset the instant is written in', () => {
    expect(flagsOf([at('late', '2024-03-04T14:00', '2024-03-04T22:01')]).late).toEqual([
      'night',
      'overtime_daily',
    ]);
    expect(flagsOf([at('ends', '2024-03-04T14:00', '2024-03-04T22:00')]).ends).toEqual([]);
    expect(flagsOf([at('early', '2024-03-05T05:30', '2024-03-05T12:00')]).early).toEqual(['night']);
    expect(flagsOf([at('six', '2024-03-05T06:00', '2024-03-05T12:00')]).six).toEqual([]);
    // 13:30Z is 21:30 in Shanghai: half an hour of night.
    const utc = flagAttendance(
      [{ id: 'z', startsAt: '2024-03-05T13:30:00Z', endsAt: '2024-03-05T14:30:00Z' }],
      CALENDAR,
      LIMITS,
    );
    expect(utc.entries[0]).toMatchObject({ nightMinutes: 30, flags: ['night'], dates: ['2024-03-05'] });
  });

  it('splits an entry across midnight between the two China dates', () => {
    // Tuesday 20:00 to Wednesday 02:00 in Shanghai; in UTC the whole entry lies on Tuesday.
    const r = flagAttendance(
      [{ id: 'x', startsAt: '2024-03-05T12:00:00Z', endsAt: '2024-03-05T18:00:00Z' }],
      CALENDAR,
      LIMITS,
    );
    expect(r.entries[0]).toEqual({
      id: 'x',
      minutes: 360,
      nightMinutes: 240,
      dates: ['2024-03-05', '2024-03-06'],
      flags: ['night'],
    });
    expect(r.days).toEqual([
      { date: '2024-03-05', minutes: 240 },
      { date: '2024-03-06', minutes: 120 },
    ]);
  });

  it('agrees with Intl for Asia/Shanghai on the date and hour', () => {
    const instant = '2024-03-03T16:30:00Z';
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    }).formatToParts(new Date(instant));
    const date = ['year', 'month', 'day'].map((t) => parts.find((p) => p.type === t)!.value).join('-');
    expect([date, parts.find((p) => p.type === 'weekday')!.value]).toEqual(['2024-03-04', 'Mon']);
    const r = flagAttendance(
      [{ id: 'm', startsAt: instant, endsAt: '2024-03-04T01:00:00Z' }],
      CALENDAR,
      LIMITS,
    );
    expect(r.entries[0]!.dates).toEqual(['2024-03-04']);
    expect(r.weeks).toEqual([{ monday: '2024-03-04', minutes: 510 }]);
  });

  it('flags the entry that passes 8 hours in a day, not the ones before it', () => {
    const day = [
      at('am', '2024-03-04T08:00', '2024-03-04T12:00'),
      at('pm', '2024-03-04T13:00', '2024-03-04T17:00'),
      at('eve', '2024-03-04T18:00', '2024-03-04T19:00'),
    ];
    expect(flagsOf(day)).toEqual({ am: [], pm: [], eve: ['overtime_daily'] });
    // Given out of order, the same.
    expect(flagsOf([day[2]!, day[0]!, day[1]!])).toEqual({ eve: ['overtime_daily'], am: [], pm: [] });
  });

  it('counts the week from Monday to Sunday in China time and flags the entry that passes 40 hours', () => {
    // Monday to Friday 8 h each (40 h), then 1 h on Sunday: the Sunday entry passes 40 h and is a rest day.
    const week = ['04', '05', '06', '07', '08'].map((d) =>
      at(`d${d}`, `2024-03-${d}T09:00`, `2024-03-${d}T17:00`),
    );
    const sunday = at('sun', '2024-03-10T09:00', '2024-03-10T10:00');
    const monday = at('mon', '2024-03-11T09:00', '2024-03-11T10:00');
    const r = flagAttendance([...week, sunday, monday], CALENDAR, LIMITS);
    expect(Object.fromEntries(r.entries.map((e) => [e.id, e.flags]))).toMatchObject({
      d08: [],
      sun: ['overtime_weekly', 'rest_day'],
      mon: [],
    });
    expect(r.weeks).toEqual([
      { monday: '2024-03-04', minutes: 2460 },
      { monday: '2024-03-11', minutes: 60 },
    ]);
  });

  it('splits an entry across the Sunday–Monday midnight between two weeks', () => {
    const r = flagAttendance([at('x', '2024-03-10T23:00', '2024-03-11T01:00')], CALENDAR, LIMITS);
    expect(r.weeks).toEqual([
      { monday: '2024-03-04', minutes: 60 },
      { monday: '2024-03-11', minutes: 60 },
    ]);
    expect(r.entries[0]!.flags).toEqual(['night', 'rest_day']);
  });

  it('flags statutory holidays and weekends, but not make-up working days', () => {
    expect(
      flagsOf([
        at('natl', '2024-10-01T09:00', '2024-10-01T12:00'),
        at('sat', '2024-09-28T09:00', '2024-09-28T12:00'),
        at('makeupSun', '2024-09-29T09:00', '2024-09-29T12:00'),
        at('makeupSat', '2024-10-12T09:00', '2024-10-12T12:00'),
        at('weekday', '2024-10-08T09:00', '2024-10-08T12:00'),
      ]),
    ).toEqual({ natl: ['holiday'], sat: ['rest_day'], makeupSun: [], makeupSat: [], weekday: [] });
    // A holiday on a weekend is a holiday; without the list, 1 October (a Tuesday) is a working day.
    expect(flagsOf([at('h', '2024-10-05T09:00', '2024-10-05T10:00')]).h).toEqual(['holiday']);
    expect(
      flagsOf([at('h', '2024-10-01T09:00', '2024-10-01T10:00')], { holidays: [], makeUpWorkdays: [] }).h,
    ).toEqual([]);
  });

  it('flags a shift running from the eve into a holiday', () => {
    expect(flagsOf([at('eve', '2024-09-30T20:00', '2024-10-01T04:00')]).eve).toEqual(['night', 'holiday']);
  });

  it('refuses an entry that does not end after it starts, or a bad instant', () => {
    expect(() => flagAttendance([at('a', '2024-03-04T09:00', '2024-03-04T09:00')], CALENDAR, LIMITS)).toThrow(
      RangeError,
    );
    expect(() =>
      flagAttendance([{ id: 'b', startsAt: 'soon', endsAt: '2024-03-04T09:00Z' }], CALENDAR, LIMITS),
    ).toThrow(RangeError);
  });
});

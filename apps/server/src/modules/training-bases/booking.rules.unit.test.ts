import { describe, expect, it } from 'vitest';
import {
  cancelRefusals,
  checkBooking,
  isoWeekday,
  openDays,
  peakUse,
  startRefusal,
  utilisation,
  type OpeningHours,
} from './booking.rules.ts';

const hours: OpeningHours = {
  source: 'test',
  weekdays: [1, 2, 3, 4, 5],
  opensAtMinute: 480,
  closesAtMinute: 1080,
};
const base = { capacity: 20, status: 'operating' as const, operatingSince: '2022-01-01' };
/** Tuesday 2022-03-01, 09:00–11:00, 10 people. */
const request = { date: '2022-03-01', startMinute: 540, minutes: 120, groupSize: 10 };
const codes = (r: ReturnType<typeof checkBooking>) => r.map((x) => `${x.field}:${x.code}`);

describe('booking a training base', () => {
  it('accepts a session inside the opening hours with stations free', () => {
    expect(checkBooking(base, request, [{ startMinute: 540, minutes: 120, groupSize: 10 }], hours)).toEqual(
      [],
    );
  });

  it('refuses a base not yet in operation, and a day before it came into operation', () => {
    expect(
      codes(checkBooking({ ...base, status: 'building', operatingSince: null }, request, [], hours)),
    ).toEqual(['date:BASE_NOT_OPERATING']);
    const early = checkBooking({ ...base, operatingSince: '2022-06-01' }, request, [], hours);
    expect(codes(early)).toEqual(['date:BASE_NOT_OPERATING']);
    expect(early[0]!.zh).toContain('2022-06-01');
    expect(early[0]!.en).toContain('2022-06-01');
  });

  it('refuses a day the base is closed (a Sunday)', () => {
    expect(isoWeekday('2022-03-06')).toBe(7);
    expect(codes(checkBooking(base, { ...request, date: '2022-03-06' }, [], hours))).toEqual([
      'date:BASE_CLOSED_THAT_DAY',
    ]);
  });

  it('refuses a session running past closing time, or starting before opening', () => {
    expect(codes(checkBooking(base, { ...request, startMinute: 1020 }, [], hours))).toEqual([
      'startTime:OUTSIDE_OPENING_HOURS',
    ]);
    expect(codes(checkBooking(base, { ...request, startMinute: 420 }, [], hours))).toEqual([
      'startTime:OUTSIDE_OPENING_HOURS',
    ]);
  });

  it('refuses a group larger than the base', () => {
    const r = checkBooking(base, { ...request, groupSize: 21 }, [], hours);
    expect(codes(r)).toEqual(['groupSize:OVER_CAPACITY']);
    expect(r[0]!.zh).toContain('21');
  });

  it('refuses a session overlapping bookings that leave too few stations', () => {
    const others = [
      { startMinute: 480, minutes: 120, groupSize: 6 },
      { startMinute: 570, minutes: 60, groupSize: 8 },
    ];
    // 9:30–10:00 both run: 14 taken, 6 free, group of 10.
    const r = checkBooking(base, request, others, hours);
    expect(codes(r)).toEqual(['startTime:SLOT_TAKEN']);
    expect(r[0]!.en).toContain('14 stations');
  });

  it('lets back-to-back sessions share the stations', () => {
    expect(
      checkBooking(
        base,
        { ...request, groupSize: 20 },
        [{ startMinute: 420 + 60, minutes: 60, groupSize: 20 }],
        hours,
      ),
    ).toEqual([]);
    expect(
      peakUse(
        [
          { startMinute: 480, minutes: 60, groupSize: 5 },
          { startMinute: 540, minutes: 60, groupSize: 7 },
        ],
        480,
        600,
      ),
    ).toBe(7);
  });
});

describe('utilisation', () => {
  it('divides booked station-hours by capacity × daily hours × open days in operation', () => {
    expect(openDays('2022-01-01', '2022-12-31', hours)).toBe(260);
    const u = utilisation(
      2022,
      base,
      [
        { date: '2022-03-01', startMinute: 540, minutes: 120, groupSize: 10 },
        { date: '2022-03-02', startMinute: 540, minutes: 90, groupSize: 20 },
        { date: '2021-03-02', startMinute: 540, minutes: 90, groupSize: 20 },
      ],
      hours,
    );
    expect(u.bookedStationHours).toBe(50);
    expect(u.availableStationHours).toBe(20 * 10 * 260);
    expect(u.share).toBe(Math.round((50 / 52000) * 1000) / 10);
  });

  it('counts only the days from coming into operation, and nothing before', () => {
    const late = { ...base, operatingSince: '2022-12-26' };
    // 26–30 December 2022 are Monday to Friday.
    expect(utilisation(2022, late, [], hours).availableStationHours).toBe(20 * 10 * 5);
    expect(utilisation(2021, late, [], hours).availableStationHours).toBe(0);
    expect(utilisation(2021, late, [], hours).share).toBe(0);
  });
});

describe('cancelling a booking', () => {
  /** Wednesday 2024-03-06, 10:15. */
  const session = {
    state: 'booked' as const,
    sessionDate: '2024-03-06',
    startMinute: 615,
    cancelledOn: null,
  };
  const codesAt = (s: typeof session | Parameters<typeof cancelRefusals>[0], date: string, minute: number) =>
    cancelRefusals(s, { date, minute }).map((r) => `${r.field}:${r.code}`);

  it('may cancel a booking until its start, not from the minute it starts', () => {
    expect(codesAt(session, '2024-03-05', 1000)).toEqual([]);
    expect(codesAt(session, '2024-03-06', 614)).toEqual([]);
    expect(codesAt(session, '2024-03-06', 615)).toEqual(['date:SESSION_STARTED']);
    expect(codesAt(session, '2024-03-07', 0)).toEqual(['date:SESSION_STARTED']);
  });

  it('refuses a booking already cancelled, saying when, in zh and en', () => {
    const [r] = cancelRefusals(
      { ...session, state: 'cancelled', cancelledOn: '2024-03-01' },
      { date: '2024-03-02', minute: 0 },
    );
    expect(r).toEqual({
      code: 'ALREADY_CANCELLED',
      field: 'state',
      zh: '该预约已于 2024-03-01 取消',
      en: 'The booking was cancelled on 2024-03-01',
    });
  });
});

describe('startRefusal', () => {
  const now = { date: '2024-03-06', minute: 600 };
  it('books a start still ahead: later today or a later day', () => {
    expect(startRefusal({ date: '2024-03-06', startMinute: 601 }, now)).toBeNull();
    expect(startRefusal({ date: '2024-03-07', startMinute: 480 }, now)).toBeNull();
  });

  it('refuses a start earlier today or this very minute, naming the time, and a day gone by', () => {
    expect(startRefusal({ date: '2024-03-06', startMinute: 540 }, now)).toEqual({
      code: 'START_PAST',
      field: 'startTime',
      zh: '2024-03-06 09:00 已过，不能预约（现在是 10:00）',
      en: '09:00 on 2024-03-06 is past and cannot be booked (it is 10:00 now)',
    });
    expect(startRefusal({ date: '2024-03-06', startMinute: 600 }, now)?.code).toBe('START_PAST');
    expect(startRefusal({ date: '2024-03-05', startMinute: 900 }, now)).toMatchObject({
      code: 'DATE_PAST',
      field: 'date',
      zh: '2024-03-05 已过，不能预约',
    });
  });
});

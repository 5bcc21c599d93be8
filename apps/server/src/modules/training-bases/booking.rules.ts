/**
 * Pure rules of booking a training base and of its utilisation. A base has `capacity` stations;
 * every moment of its opening hours is a slot of that capacity. A session takes `groupSize`
 * stations for its time; it is refused when the base is not in operation that day, when it falls
 * outside the opening hours, when the group alone is larger than the base, or when, at some moment
 * of its time, the sessions already booked leave fewer stations free than the group needs.
 */

export interface OpeningHours {
  /** Where the hours come from (shown with the utilisation). */
  source: string;
  /** ISO weekdays the base is open (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  opensAtMinute: number;
  closesAtMinute: number;
}

export interface BaseFacts {
  capacity: number;
  status: 'planned' | 'building' | 'operating';
  operatingSince: string | null;
}

/** A booking's time on one day, in minutes after midnight. */
export interface SlotUse {
  startMinute: number;
  minutes: number;
  groupSize: number;
}

export interface BookingRequest extends SlotUse {
  date: string;
}

export interface Refusal {
  code: string;
  field: string;
  zh: string;
  en: string;
}

/** A moment on the China calendar: the date and the minutes after midnight (China time). */
export interface ChinaMoment {
  date: string;
  minute: number;
}

/** A booked session as cancelling reads it. */
export interface SessionFacts {
  state: 'booked' | 'cancelled';
  sessionDate: string;
  startMinute: number;
  cancelledOn: string | null;
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * The most stations the `others` take at any one moment of [from, to): where the booked sessions
 * overlap each other, their groups add up.
 *
 * @example peakUse([{ startMinute: 480, minutes: 120, groupSize: 10 }, { startMinute: 540, minutes: 60, groupSize: 5 }], 480, 600) // 15
 */
export function peakUse(others: readonly SlotUse[], from: number, to: number): number {
  const events: Array<[number, number]> = [];
  for (const o of others) {
    const s = Math.max(o.startMinute, from);
    const e = Math.min(o.startMinute + o.minutes, to);
    if (s >= e) continue;
    events.push([s, o.groupSize], [e, -o.groupSize]);
  }
  // Ends before starts at the same minute: back-to-back sessions do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) {
    now += delta;
    peak = Math.max(peak, now);
  }
  return peak;
}

/**
 * Every reason a booking is refused (empty: it may be booked), each naming its field in zh and en.
 * `others` are the sessions already booked on the base that day (cancelled ones left out).
 */
export function checkBooking(
  base: BaseFacts,
  request: BookingRequest,
  others: readonly SlotUse[],
  hours: OpeningHours,
): Refusal[] {
  const refusals: Refusal[] = [];
  if (base.status !== 'operating' || !base.operatingSince || request.date < base.operatingSince)
    refusals.push({
      code: 'BASE_NOT_OPERATING',
      field: 'date',
      zh: base.operatingSince
        ? `实训基地 ${base.operatingSince} 起建成运行，${request.date} 不能预约`
        : '实训基地尚未建成运行，不能预约',
      en: base.operatingSince
        ? `The base is in operation from ${base.operatingSince}; ${request.date} cannot be booked`
        : 'The base is not in operation yet and cannot be booked',
    });
  if (!hours.weekdays.includes(isoWeekday(request.date)))
    refusals.push({
      code: 'BASE_CLOSED_THAT_DAY',
      field: 'date',
      zh: `${request.date} 不是实训基地的开放日`,
      en: `The base is not open on ${request.date}`,
    });
  const end = request.startMinute + request.minutes;
  if (request.startMinute < hours.opensAtMinute || end > hours.closesAtMinute)
    refusals.push({
      code: 'OUTSIDE_OPENING_HOURS',
      field: 'startTime',
      zh: `预约时段 ${hhmm(request.startMinute)}–${hhmm(end)} 超出开放时间 ${hhmm(hours.opensAtMinute)}–${hhmm(hours.closesAtMinute)}`,
      en: `The session ${hhmm(request.startMinute)}–${hhmm(end)} is outside the opening hours ${hhmm(hours.opensAtMinute)}–${hhmm(hours.closesAtMinute)}`,
    });
  if (request.groupSize > base.capacity) {
    refusals.push({
      code: 'OVER_CAPACITY',
      field: 'groupSize',
      zh: `参训人数 ${request.groupSize} 超过实训基地工位数 ${base.capacity}`,
      en: `The group of ${request.groupSize} is larger than the base's ${base.capacity} stations`,
    });
    return refusals;
  }
  const taken = peakUse(others, request.startMinute, end);
  if (taken + request.groupSize > base.capacity)
    refusals.push({
      code: 'SLOT_TAKEN',
      field: 'startTime',
      zh: `该时段已预约 ${taken} 个工位，仅剩 ${base.capacity - taken} 个，不足 ${request.groupSize} 人`,
      en: `${taken} stations are already booked in that time; ${base.capacity - taken} are free, fewer than the group of ${request.groupSize}`,
    });
  return refusals;
}

/**
 * Why a session starting at `request` cannot be booked at `now` (China time), or null: a day gone
 * by (`DATE_PAST`), or a start earlier today, or this very minute (`START_PAST`) — a booking is for
 * a time still ahead.
 *
 * @example startRefusal({ date: '2024-03-06', startMinute: 540 }, { date: '2024-03-06', minute: 600 })
 * // { code: 'START_PAST', field: 'startTime', zh: '2024-03-06 09:00 已过，不能预约（现在是 10:00）', … }
 */
export function startRefusal(
  request: { date: string; startMinute: number },
  now: ChinaMoment,
): Refusal | null {
  if (request.date < now.date)
    return {
      code: 'DATE_PAST',
      field: 'date',
      zh: `${request.date} 已过，不能预约`,
      en: `${request.date} is past and cannot be booked`,
    };
  if (request.date === now.date && request.startMinute <= now.minute)
    return {
      code: 'START_PAST',
      field: 'startTime',
      zh: `${request.date} ${hhmm(request.startMinute)} 已过，不能预约（现在是 ${hhmm(now.minute)}）`,
      en: `${hhmm(request.startMinute)} on ${request.date} is past and cannot be booked (it is ${hhmm(now.minute)} now)`,
    };
  return null;
}

/** Whether the session has started by `now` (a session starting this very minute has). */
export function sessionStarted(s: SessionFacts, now: ChinaMoment): boolean {
  return s.sessionDate < now.date || (s.sessionDate === now.date && s.startMinute <= now.minute);
}

/**
 * Every reason a booking can no longer be cancelled (empty: it may be): it is cancelled already,
 * or its start has come. The repository's cancelling UPDATE holds the same condition.
 *
 * @example cancelRefusals({ state: 'booked', sessionDate: '2024-03-06', startMinute: 540, cancelledOn: null }, { date: '2024-03-06', minute: 600 })
 * // [{ code: 'SESSION_STARTED', field: 'date', zh: '该预约 2024-03-06 09:00 已开始，不能取消', … }]
 */
export function cancelRefusals(s: SessionFacts, now: ChinaMoment): Refusal[] {
  if (s.state === 'cancelled')
    return [
      {
        code: 'ALREADY_CANCELLED',
        field: 'state',
        zh: `该预约已于 ${s.cancelledOn ?? ''} 取消`,
        en: `The booking was cancelled on ${s.cancelledOn ?? ''}`,
      },
    ];
  if (sessionStarted(s, now))
    return [
      {
        code: 'SESSION_STARTED',
        field: 'date',
        zh: `该预约 ${s.sessionDate} ${hhmm(s.startMinute)} 已开始，不能取消`,
        en: `The booking started at ${hhmm(s.startMinute)} on ${s.sessionDate} and can no longer be cancelled`,
      },
    ];
  return [];
}

/** Open days of the base in [from, to] (inclusive dates). */
export function openDays(from: string, to: string, hours: OpeningHours): number {
  if (to < from) return 0;
  let n = 0;
  const day = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`).getTime();
  while (day.getTime() <= last) {
    const wd = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
    if (hours.weekdays.includes(wd)) n++;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return n;
}

export interface Utilisation {
  year: number;
  bookedStationHours: number;
  availableStationHours: number;
  /** Percent, one decimal; 0 when nothing was available. */
  share: number;
}

/**
 * A base's utilisation in a calendar year: booked station-hours (group size × hours of each
 * session not cancelled) ÷ available station-hours (capacity × opening hours a day × open days of
 * the year from the day it came into operation).
 *
 * @example utilisation(2022, { capacity: 10, status: 'operating', operatingSince: '2022-01-01' }, [{ startMinute: 480, minutes: 120, groupSize: 10, date: '2022-03-01' }], hours) // booked 20, available 10 × 10 × 260
 */
export function utilisation(
  year: number,
  base: BaseFacts,
  sessions: ReadonlyArray<SlotUse & { date: string }>,
  hours: OpeningHours,
): Utilisation {
  const from =
    base.operatingSince && base.operatingSince > `${year}-01-01` ? base.operatingSince : `${year}-01-01`;
  const days =
    base.operatingSince && base.status === 'operating' ? openDays(from, `${year}-12-31`, hours) : 0;
  const available = base.capacity * days * ((hours.closesAtMinute - hours.opensAtMinute) / 60);
  const booked = sessions
    .filter((s) => s.date.startsWith(`${year}-`))
    .reduce((sum, s) => sum + (s.groupSize * s.minutes) / 60, 0);
  return {
    year,
    bookedStationHours: Math.round(booked * 10) / 10,
    availableStationHours: available,
    share: available === 0 ? 0 : Math.round((booked / available) * 1000) / 10,
  };
}

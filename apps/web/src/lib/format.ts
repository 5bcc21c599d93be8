import type { Comparator, IndicatorStatus } from '@zhijiao/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** What `formatTarget` needs of an indicator (public and internal indicators both have it). */
export interface TargetLike {
  comparator: Comparator;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  unit: string | null;
}

const COMPARATOR_SIGNS: Record<Exclude<Comparator, 'between'>, string> = { gte: '≥', lte: '≤', eq: '=' };

/**
 * Formats a number for display: thousands separators, at most two decimals, no trailing zeros.
 *
 * @example formatNumber(8000) // '8,000'
 * @example formatNumber(0.456) // '0.46'
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Appends the unit with a space (`8,000 元`), a percent sign without one (`60%`); a blank unit adds nothing. */
export function withUnit(text: string, unit: string | null | undefined): string {
  if (unit === '%') return `${text}%`;
  return unit ? `${text} ${unit}` : text;
}

/**
 * The one way a percentage is written: at most one decimal, no space before the sign.
 *
 * @example formatPercent(48.66) // '48.7%'
 * @example formatPercent(60) // '60%'
 */
export function formatPercent(points: number | null | undefined): string {
  if (points === null || points === undefined || Number.isNaN(points)) return '—';
  return `${(Math.round(points * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/**
 * Formats an indicator's target with its comparator: `≥ 60%`, `≤ 5 天`, `= 1`, or a band
 * `45–55%`. An open band side shows as `≥ low` / `≤ high`; no target at all shows `—`.
 *
 * @example formatTarget({ comparator: 'between', target: null, targetLow: 45, targetHigh: 55, unit: '%' }) // '45–55%'
 */
export function formatTarget(indicator: TargetLike): string {
  const { comparator, target, targetLow, targetHigh, unit } = indicator;
  if (comparator === 'between') {
    if (targetLow !== null && targetHigh !== null) {
      return withUnit(`${formatNumber(targetLow)}–${formatNumber(targetHigh)}`, unit);
    }
    if (targetLow !== null) return withUnit(`≥ ${formatNumber(targetLow)}`, unit);
    if (targetHigh !== null) return withUnit(`≤ ${formatNumber(targetHigh)}`, unit);
    return '—';
  }
  if (target === null) return '—';
  return withUnit(`${COMPARATOR_SIGNS[comparator]} ${formatNumber(target)}`, unit);
}

/** A value with its unit (a percentage as `formatPercent` writes it), or `—` when there is none yet. */
export function formatValue(value: number | null | undefined, unit: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return formatPercent(value);
  return withUnit(formatNumber(value), unit);
}

/** Numerator ÷ denominator behind a value, when it was reported with them: `（8,200,000 ÷ 1,000）`. */
export function ratioText(v: { numerator?: number | null; denominator?: number | null }): string {
  if (
    v.numerator === null ||
    v.numerator === undefined ||
    v.denominator === null ||
    v.denominator === undefined
  )
    return '';
  return `（${formatNumber(v.numerator)} ÷ ${formatNumber(v.denominator)}）`;
}

/** antd Tag colour of an indicator status: the traffic light of the plan. */
export function indicatorStatusColor(status: IndicatorStatus): 'green' | 'gold' | 'red' | 'default' {
  switch (status) {
    case 'met':
    case 'on_track':
      return 'green';
    case 'at_risk':
      return 'gold';
    case 'off_track':
      return 'red';
    default:
      return 'default';
  }
}

/** A 0..1 share as a percentage: `0.4866` → `48.7%`, `0.8` → `80%`. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return formatPercent(share * 100);
}

/** File size in B / KB / MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `2025-06-30` from an ISO date or timestamp (local calendar day); `—` when missing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const parts = chinaParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day}` : value;
}

/**
 * A picker's wall-clock time read as China time (UTC+8), whatever the browser's zone, as an ISO
 * instant: times are entered and shown on the calendar the district works on.
 *
 * @example chinaIso(dayjs('2027-06-20 09:00:00')) // '2027-06-20T01:00:00.000Z'
 */
export function chinaIso(value: { format(template: string): string }): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** Today on the plan's calendar (China Standard Time) as `YYYY-MM-DD`, whatever the browser's zone. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * China's today as a day of the date pickers (the start of that day in the browser's calendar):
 * the limit of a "no future day" or "no past day" picker and the default of a "today" field, so a
 * browser in another zone, or one in China before 08:00 on a UTC clock, offers the plan's day.
 *
 * @example <DatePicker disabledDate={(d) => d.isAfter(chinaTodayDay(), 'day')} />
 */
export function chinaTodayDay(): Dayjs {
  return dayjs(chinaToday());
}

/**
 * China's wall-clock time now, to the minute, as a value of a date-and-time picker (whose value
 * `chinaIso` reads as China time): the default of a "when did it happen" field, right whatever the
 * browser's zone.
 *
 * @example initialValues={{ notifiedAt: chinaNowMinute() }}
 */
export function chinaNowMinute(): Dayjs {
  return dayjs(formatDateTime(new Date().toISOString()));
}

/** The plan's current year (China Standard Time), for a form's default year. */
export function chinaYear(): number {
  return Number(chinaToday().slice(0, 4));
}

/** `2025-06-30 14:05` from an ISO timestamp, in China Standard Time; `—` when missing. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const parts = chinaParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}` : value;
}

// Times are shown on the calendar the plan runs on (UTC+8), whatever the browser's zone.
const CHINA_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaParts(value: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of CHINA_TIME.formatToParts(date)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/**
 * A section heading as the plan writes it: `一、落实立德树人根本任务`. A label that already ends in
 * punctuation is not given another mark.
 */
export function sectionHeading(label: string, title: string): string {
  if (!label) return title;
  return /[、.．:：)）]$/.test(label) ? `${label}${title}` : `${label}、${title}`;
}

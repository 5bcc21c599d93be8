import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  chinaIso,
  chinaNowMinute,
  chinaToday,
  chinaTodayDay,
  chinaYear,
  formatBytes,
  formatDate,
  formatDateTime,
  formatPercent,
  formatShare,
  formatTarget,
  formatValue,
  indicatorStatusColor,
  sectionHeading,
} from './format';

const target = (
  comparator: 'gte' | 'lte' | 'eq' | 'between',
  rest: Partial<Parameters<typeof formatTarget>[0]>,
) => formatTarget({ comparator, target: null, targetLow: null, targetHigh: null, unit: null, ...rest });

describe('formatTarget', () => {
  it('shows the comparator sign before the target and the unit after it', () => {
    expect(target('gte', { target: 60, unit: '%' })).toBe('≥ 60%');
    expect(target('lte', { target: 5, unit: '天' })).toBe('≤ 5 天');
    expect(target('eq', { target: 1 })).toBe('= 1');
  });

  it('shows a band as low–high with an en dash', () => {
    expect(target('between', { targetLow: 45, targetHigh: 55, unit: '%' })).toBe('45–55%');
  });

  it('shows an open band side as a one-sided bound', () => {
    expect(target('between', { targetLow: 45, unit: '%' })).toBe('≥ 45%');
    expect(target('between', { targetHigh: 55 })).toBe('≤ 55');
  });

  it('separates thousands and shows a dash when there is no target', () => {
    expect(target('gte', { target: 8000, unit: '元' })).toBe('≥ 8,000 元');
    expect(target('gte', {})).toBe('—');
    expect(target('between', {})).toBe('—');
  });
});

describe('indicatorStatusColor', () => {
  it('maps the traffic light: met and on track green, at risk gold, off track red, no data default', () => {
    expect(indicatorStatusColor('met')).toBe('green');
    expect(indicatorStatusColor('on_track')).toBe('green');
    expect(indicatorStatusColor('at_risk')).toBe('gold');
    expect(indicatorStatusColor('off_track')).toBe('red');
    expect(indicatorStatusColor('no_data')).toBe('default');
  });
});

describe('other formats', () => {
  it('formats values, shares, sizes and dates', () => {
    expect(formatValue(null, '%')).toBe('—');
    expect(formatValue(62.456, '%')).toBe('62.5%');
    expect(formatShare(0.8)).toBe('80%');
    // One way to write a percentage: at most one decimal, no space before the sign.
    expect(formatShare(0.48666)).toBe('48.7%');
    expect(formatPercent(48.66)).toBe('48.7%');
    expect(formatValue(1234.56, '元')).toBe('1,234.56 元');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatDate('2025-06-30')).toBe('2025-06-30');
    expect(formatDate(null)).toBe('—');
    // Timestamps are shown in China Standard Time whatever the browser's zone.
    expect(formatDate('2026-11-29T17:30:00Z')).toBe('2026-11-30');
    expect(formatDateTime('2026-11-29T07:24:00Z')).toBe('2026-11-29 15:24');
  });
});

describe('sectionHeading', () => {
  it('joins a bare label with 、 and leaves a punctuated one alone', () => {
    expect(sectionHeading('一', '落实立德树人根本任务')).toBe('一、落实立德树人根本任务');
    expect(sectionHeading('二、', '巩固中等职业教育基础地位')).toBe('二、巩固中等职业教育基础地位');
  });
});

describe('China’s today', () => {
  afterEach(() => vi.useRealTimers());

  it('is the day in China whatever the clock’s zone, and turns at midnight China time', () => {
    vi.useFakeTimers();
    // 16:30 UTC on 31 December is already 00:30 on 1 January in China.
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z'));
    expect(chinaToday()).toBe('2027-01-01');
    expect(chinaYear()).toBe(2027);
    expect(chinaTodayDay().format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(chinaTodayDay().isAfter(chinaTodayDay().startOf('day'))).toBe(false);
    vi.setSystemTime(new Date('2026-12-31T15:59:00Z'));
    expect(chinaToday()).toBe('2026-12-31');
    expect(chinaYear()).toBe(2026);
    expect(chinaTodayDay().format('YYYY-MM-DD')).toBe('2026-12-31');
  });

  it('gives China’s wall-clock minute for a date-and-time picker, which chinaIso reads back as now', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T16:30:45Z'));
    expect(chinaNowMinute().format('YYYY-MM-DD HH:mm:ss')).toBe('2027-01-01 00:30:00');
    expect(chinaIso(chinaNowMinute())).toBe('2026-12-31T16:30:00.000Z');
  });
});

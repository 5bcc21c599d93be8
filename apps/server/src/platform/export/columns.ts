import { ALERT_TIER_LABELS, type AlertTier } from '@zhijiao/contracts';
import type { Bilingual, ExportColumn } from './xlsx-export.ts';

/*
 * Columns several lists share, so each export says only where its rows keep the value: the days
 * an item is late and its colour tier (整改通知, 议定事项, 预警).
 */

/**
 * 逾期天数: the days late, blank when the row is not late (null, 0 or negative).
 *
 * @example daysLateColumn<OrderRow>((o) => (o.closedOn === null ? o.daysLate : null))
 */
export function daysLateColumn<Row>(daysLate: (row: Row) => number | null): ExportColumn<Row> {
  return {
    header: { zh: '逾期天数', en: 'Days late' },
    value: (row) => {
      const days = daysLate(row);
      return days !== null && days > 0 ? days : null;
    },
    format: 'integer',
    width: 10,
  };
}

/**
 * 预警: the row's colour tier by name (红色预警 …), blank when it has none.
 *
 * @example tierColumn<OrderRow>((o) => o.tier)
 */
export function tierColumn<Row>(
  tier: (row: Row) => AlertTier | null | undefined,
  header: Bilingual = { zh: '预警', en: 'Alert' },
): ExportColumn<Row> {
  return {
    header,
    value: (row, locale) => {
      const t = tier(row);
      return t ? ALERT_TIER_LABELS[t][locale] : '';
    },
    width: 10,
  };
}

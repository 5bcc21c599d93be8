import type { AlertTier } from '@zhijiao/contracts';

/**
 * A unit has seen (已知悉) an alert at one tier (migration 0022). An alert is computed, not stored,
 * so the row is keyed by the alert's stable id, its tier and the unit it is addressed to.
 */
export interface AlertAcknowledgementTable {
  /** The alert's stable id (`indicator:<id>`, `supervision:<order id>` …). */
  alertId: string;
  /** The tier it was acknowledged at; a worse tier is a new alert to acknowledge. */
  tier: AlertTier;
  /** The unit the alert is addressed to (the acknowledging account's own unit). */
  unitId: string;
  acknowledgedBy: string;
  acknowledgedAt: Date;
  /** An optional short note (≤ 200 characters). */
  note: string | null;
}

export interface AlertAcknowledgementTables {
  alertAcknowledgement: AlertAcknowledgementTable;
}

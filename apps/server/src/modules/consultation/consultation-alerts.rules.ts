import type { AlertTier, ConsultationAlertKind } from '@zhijiao/contracts';
import { deadlineTier, lastDayOf } from '../../platform/alerts/alert-tiers.ts';

/** An open consultation with its comments still waiting for the editors. */
export interface CommentBacklog {
  /** End of the comment period (exclusive: comments are taken while now < closesAt). */
  closesAt: Date;
  /** Comments not yet moderated (published or rejected). */
  pending: number;
  /** Published comments without a reply. */
  unreplied: number;
}

/**
 * Whether an open consultation's comment backlog is an alert on `today`, and its tier: only when
 * some comment waits for moderation or a reply, from 7 days before the period's last day (blue,
 * `comments_backlog_due`) and after it (yellow up to 30 days, then red, `comments_backlog_overdue`)
 * — the editors can still moderate and reply until they close the consultation.
 *
 * @example commentBacklogAlert({ closesAt: new Date('2021-06-10T16:00:00Z'), pending: 2, unreplied: 0 }, '2021-06-08')
 * // { kind: 'comments_backlog_due', tier: 'blue', dueDate: '2021-06-10', daysLate: -2 }
 */
export function commentBacklogAlert(
  c: CommentBacklog,
  today: string,
): { kind: ConsultationAlertKind; tier: AlertTier; dueDate: string; daysLate: number } | null {
  if (c.pending + c.unreplied === 0) return null;
  const dueDate = lastDayOf(c.closesAt);
  const { daysLate, tier } = deadlineTier(dueDate, today);
  if (!tier) return null;
  return {
    kind: daysLate > 0 ? 'comments_backlog_overdue' : 'comments_backlog_due',
    tier,
    dueDate,
    daysLate,
  };
}

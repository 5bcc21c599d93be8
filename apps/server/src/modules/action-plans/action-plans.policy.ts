import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with plan records. Pure functions: (actor, resource) → boolean.
 * - Reading: district-wide roles see every task; a unit sees the tasks it is responsible for.
 * - Reporting: only the units involved in a task — its responsible units (牵头 or 配合) and the
 *   units its milestones name — with `progress.report`.
 * - Reviewing: `progress.review` (the plan coordinator), never a report one wrote oneself.
 */

/** A plan belongs to a district: its people see it; installation-wide roles see every plan. */
export function canSeePlan(actor: Actor, plan: { districtId: string }): boolean {
  return actor.scope.all || plan.districtId === actor.districtId;
}

/** Org units whose tasks the actor sees; null = all. */
export function scopeUnitIds(actor: Actor): readonly string[] | null {
  return actor.scope.all ? null : actor.scope.orgUnitIds;
}

export function canReportOnTask(actor: Actor, taskUnits: ReadonlyArray<{ id: string }>): boolean {
  return actor.permissions.has('progress.report') && taskUnits.some((u) => u.id === actor.orgUnitId);
}

export function canReview(actor: Actor): boolean {
  return actor.permissions.has('progress.review');
}

export function canSeeReport(actor: Actor, report: { orgUnitId: string }): boolean {
  return actor.scope.all || actor.scope.orgUnitIds.includes(report.orgUnitId);
}

/** Who may edit a unit's report at all (its own unit's reporters), whatever its state. */
export function mayEditReport(actor: Actor, report: { orgUnitId: string }): boolean {
  return actor.permissions.has('progress.report') && report.orgUnitId === actor.orgUnitId;
}

export function canEditReport(actor: Actor, report: { orgUnitId: string; state: string }): boolean {
  return mayEditReport(actor, report) && (report.state === 'draft' || report.state === 'returned');
}

/** Who may review a report at all: a reviewer who did not write it, whatever its state. */
export function mayReviewReport(actor: Actor, report: { createdBy: string | null }): boolean {
  return canReview(actor) && report.createdBy !== actor.userId;
}

export function canReviewReport(actor: Actor, report: { createdBy: string | null; state: string }): boolean {
  return mayReviewReport(actor, report) && report.state === 'submitted';
}

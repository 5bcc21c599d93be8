import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with plan records. Pure functions: (actor, resource) → boolean. The states a
 * progress report must be in for each step are declared once, in `progress.workflow.ts`.
 * - Reading: district-wide roles see every task; a unit sees the tasks it is involved in.
 * - Reporting: only the units involved in a task — its responsible units (牵头 or 配合) and the
 *   units its milestones name — with `progress.report`.
 * - Reviewing: `progress.review` (the plan coordinator), never a report one created, edited or
 *   submitted oneself (the authoring and review steps are declared in `progress.workflow.ts`).
 */

/** A plan belongs to a district: its people see it; installation-wide roles see every plan. */
export function canSeePlan(actor: Actor, plan: { districtId: string }): boolean {
  return actor.scope.all || plan.districtId === actor.districtId;
}

/** Org units whose tasks the actor sees; null = all. */
export function scopeUnitIds(actor: Actor): readonly string[] | null {
  return actor.scope.all ? null : actor.scope.orgUnitIds;
}

/** A task is visible to the actor when one of the units involved in it is in the actor's scope. */
export function canSeeTask(actor: Actor, involvedUnits: ReadonlyArray<{ id: string }>): boolean {
  const scope = scopeUnitIds(actor);
  return !scope || involvedUnits.some((u) => scope.includes(u.id));
}

export function canReportOnTask(actor: Actor, taskUnits: ReadonlyArray<{ id: string }>): boolean {
  return actor.permissions.has('progress.report') && taskUnits.some((u) => u.id === actor.orgUnitId);
}

/** Who may review reports at all; the workflow refuses its review steps to a report's authors. */
export function canReview(actor: Actor): boolean {
  return actor.permissions.has('progress.review');
}

export function canSeeReport(actor: Actor, report: { orgUnitId: string }): boolean {
  return actor.scope.all || actor.scope.orgUnitIds.includes(report.orgUnitId);
}

/** Who may write, edit and submit a unit's report: its own unit's reporters. */
export function mayEditReport(actor: Actor, report: { orgUnitId: string }): boolean {
  return actor.permissions.has('progress.report') && report.orgUnitId === actor.orgUnitId;
}

/**
 * Who may write a plan's final evaluation and close the plan (收官): its coordinator, the one who
 * imports and manages plans (`plan.manage`), in the plan's own district.
 */
export function mayClosePlan(actor: Actor, plan: { districtId: string }): boolean {
  return actor.permissions.has('plan.manage') && canSeePlan(actor, plan);
}

/**
 * Who may read a final evaluation: once closed, those who see the whole plan (their scope is the
 * district itself; it holds every unit's remarks and the non-public indicators, so a unit's clerk reads
 * the public copy); a draft only those who may close the plan.
 */
export function maySeeEvaluation(actor: Actor, plan: { districtId: string }, state: string): boolean {
  if (state !== 'closed') return mayClosePlan(actor, plan);
  const scope = scopeUnitIds(actor);
  return canSeePlan(actor, plan) && (scope === null || scope.includes(plan.districtId));
}

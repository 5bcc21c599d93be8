import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what in supervision. Pure functions over the actor and facts the service loads;
 * which step a record's state allows is declared in the workflows (`*.workflow.ts`).
 * - The coordinator (`supervision.manage`) sees every record of their district and may act as an
 *   inspector on any of its inspections.
 * - An inspector (`supervision.inspect` without manage) sees only the inspections they are named
 *   on, with their findings, orders and interviews.
 * - District-wide readers (leaders) see the district; a unit clerk sees the findings and orders
 *   addressed to their units (and their own rewards, penalties and assessment row), nothing else.
 */
export type SupervisionView =
  | { kind: 'district'; all: boolean; districtId: string | null }
  | { kind: 'inspector'; userId: string; districtId: string | null }
  | { kind: 'units'; unitIds: readonly string[] };

/** The slice of supervision records an actor sees. */
export function supervisionView(actor: Actor): SupervisionView {
  const p = actor.permissions;
  if (!p.has('supervision.read')) return { kind: 'units', unitIds: [] };
  if (actor.scope.all) return { kind: 'district', all: true, districtId: actor.districtId };
  if (p.has('supervision.manage')) return { kind: 'district', all: false, districtId: actor.districtId };
  if (p.has('supervision.inspect'))
    return { kind: 'inspector', userId: actor.userId, districtId: actor.districtId };
  if (actor.districtId && actor.scope.orgUnitIds.includes(actor.districtId))
    return { kind: 'district', all: false, districtId: actor.districtId };
  return { kind: 'units', unitIds: actor.scope.orgUnitIds };
}

/** A stable cache key for a view (same key = same rows). */
export function viewKey(v: SupervisionView): string {
  if (v.kind === 'district') return v.all ? 'all' : `d:${v.districtId ?? ''}`;
  if (v.kind === 'inspector') return `i:${v.userId}`;
  return `u:${[...v.unitIds].sort().join(',')}`;
}

export interface InspectionFacts {
  districtId: string;
  inspectorIds: readonly string[];
  /** For a unit's clerk: the inspection names one of their units in its scope or findings. */
  concernsUnits?: boolean;
}

/** The district's readers; its inspectors; the units it concerns (they see only their own part). */
export function canSeeInspection(v: SupervisionView, i: InspectionFacts): boolean {
  if (v.kind === 'district') return v.all || v.districtId === i.districtId;
  if (v.kind === 'inspector') return i.inspectorIds.includes(v.userId);
  return i.concernsUnits === true;
}

/** Findings, orders: the inspection's readers, plus the unit they are addressed to. */
export function canSeeRecord(
  v: SupervisionView,
  r: { districtId: string; orgUnitId: string; inspectorIds: readonly string[] },
): boolean {
  if (v.kind === 'units') return v.unitIds.includes(r.orgUnitId);
  return canSeeInspection(v, r);
}

/** Interviews: the inspection's readers, and the unit that was interviewed. */
export function canSeeInterview(
  v: SupervisionView,
  r: { districtId: string; orgUnitId: string; inspectorIds: readonly string[] },
): boolean {
  return canSeeRecord(v, r);
}

/** Runs inspections of the district: create, edit, start, complete, publish; rewards and penalties. */
export function mayManage(actor: Actor, districtId: string): boolean {
  return actor.permissions.has('supervision.manage') && (actor.scope.all || actor.districtId === districtId);
}

/** Acts as an inspector of this inspection: findings, orders, verification, interviews. */
export function mayInspect(
  actor: Actor,
  i: { districtId: string; inspectorIds: readonly string[] },
): boolean {
  if (!actor.permissions.has('supervision.inspect')) return false;
  return mayManage(actor, i.districtId) || i.inspectorIds.includes(actor.userId);
}

/** Answers an order, asks for an extension: the clerks of the unit it is addressed to. */
export function mayRespond(actor: Actor, order: { orgUnitId: string }): boolean {
  return actor.permissions.has('supervision.respond') && actor.orgUnitId === order.orgUnitId;
}

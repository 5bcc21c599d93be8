/**
 * Who may do what with a certification application, pure (actor, roles, record) → boolean:
 * - read: the enterprise its own; the certifying bureau, the joint-review bureaus and the register's
 *   keeper their district's; an actor who sees every unit (the coordinator) all;
 * - apply: the enterprise for itself, or the register's keeper (区工信局) for an enterprise of its
 *   district (`certification.apply`);
 * - sign the 会签单: a joint-review bureau (`certification.review`), except on an application its
 *   own unit filed (回避: the applying unit's line is recused, and the review is complete without it);
 * - decide, re-check, revoke: the certifying bureau (`certification.review`);
 * - record an incentive: the certifying bureau or a joint-review bureau (`certification.incentive`).
 */
import type { Actor } from '../../platform/auth/actor.ts';
import type { ActorRoles } from './certification.deps.ts';
import type { ApplicationScope } from './certification.repository.ts';

interface Record {
  enterpriseId: string;
  districtId: string;
}

/** Whether the actor reads the district's whole procedure (not only an enterprise's own). */
export function readsDistrict(actor: Actor, roles: ActorRoles): boolean {
  return actor.permissions.has('certification.read') && (roles.authority || roles.panel || roles.registrar);
}

export function canSeeApplication(actor: Actor, roles: ActorRoles, r: Record): boolean {
  if (!actor.permissions.has('certification.read')) return false;
  if (actor.scope.all) return true;
  if (r.enterpriseId === roles.unitId) return true;
  return readsDistrict(actor, roles) && r.districtId === roles.districtId;
}

/** May apply for `enterpriseId` (its district is checked by the service). */
export function mayApply(actor: Actor, roles: ActorRoles, enterpriseId: string): boolean {
  if (!actor.permissions.has('certification.apply')) return false;
  return (roles.isEnterprise && roles.unitId === enterpriseId) || roles.registrar;
}

export const mayDecide = (actor: Actor, roles: ActorRoles) =>
  actor.permissions.has('certification.review') && roles.authority;

export const maySign = (actor: Actor, roles: ActorRoles) =>
  actor.permissions.has('certification.review') && roles.panel;

/**
 * Whether `unitId` recuses itself from the application's 会签单 (回避): the unit that filed it —
 * 区工信局 applying for an enterprise — does not review its own application.
 */
export const recuses = (unitId: string, r: { appliedByUnitId: string }) => r.appliedByUnitId === unitId;

export const mayGrant = (actor: Actor, roles: ActorRoles) =>
  actor.permissions.has('certification.incentive') && (roles.authority || roles.panel);

/** Which applications and incentives a list reads for the actor: all, the district's, or its own. */
export function scopeOf(actor: Actor, roles: ActorRoles): ApplicationScope {
  if (actor.scope.all) return { all: true };
  return {
    all: false,
    districtId: readsDistrict(actor, roles) ? roles.districtId : null,
    enterpriseId: roles.unitId,
  };
}

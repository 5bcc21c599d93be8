import { isEnterpriseUnit, keepsEnterpriseRegister } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { RegisterScope } from './enterprises.repository.ts';

/**
 * Who sees and keeps the enterprise register (企业名录). Pure functions over the actor, the actor's
 * unit and the enterprise.
 * - `enterprise.read`: an enterprise's accounts see their own enterprise only; everyone else with it
 *   (bureaus, schools, the coordinator, leaders) reads the register of their district, phones masked.
 * - Keeping the register — registering, changing profiles and years, importing the 规上 list and
 *   staff counts — takes `enterprise.manage` at the registrar unit (`keepsEnterpriseRegister`:
 *   区工信局 in Shangdang), or the plan coordinator, within their district.
 * - An enterprise's own accounts (`enterprise.manage` at the enterprise's unit) keep its contacts
 *   and the current year's staff count; nothing else, and never another enterprise.
 * Not visible → 404 (the service answers `notFound`); visible but not allowed → 403.
 */

/** The actor's unit, as the service loads it for these rules. */
export interface ActorUnit {
  type: string;
  groups: readonly string[];
}

/** The enterprises the actor reads: none, all, their district's, or their own. */
export function registerScope(actor: Actor, unit: ActorUnit): RegisterScope {
  if (!actor.permissions.has('enterprise.read')) return { ids: [] };
  if (isEnterpriseUnit(unit)) return { ids: [actor.orgUnitId] };
  if (actor.scope.all) return { all: true };
  return { districtIds: actor.districtId ? [actor.districtId] : [] };
}

export function canSeeEnterprise(
  scope: RegisterScope,
  e: { orgUnitId: string; districtId: string },
): boolean {
  if ('all' in scope) return true;
  if ('ids' in scope) return scope.ids.includes(e.orgUnitId);
  return scope.districtIds.includes(e.districtId);
}

/** Keeps the register of the actor's district (or of every district with an installation-wide scope). */
export function keepsRegister(actor: Actor, unit: ActorUnit): boolean {
  return (
    actor.permissions.has('enterprise.manage') &&
    (actor.role === 'coordinator' || keepsEnterpriseRegister(unit))
  );
}

/** Keeps this enterprise's whole record: a register keeper of its district. */
export function mayKeep(
  actor: Actor,
  unit: ActorUnit,
  e: { orgUnitId: string; districtId: string },
): boolean {
  return keepsRegister(actor, unit) && canSeeEnterprise(registerScope(actor, unit), e);
}

/** Is the enterprise's own account: keeps its contacts and this year's staff count. */
export function isOwnAccount(actor: Actor, unit: ActorUnit, e: { orgUnitId: string }): boolean {
  return (
    actor.permissions.has('enterprise.manage') && isEnterpriseUnit(unit) && actor.orgUnitId === e.orgUnitId
  );
}

/** What the actor may do with an enterprise record (sent with it, for the UI). */
export function enterpriseAbilities(
  actor: Actor,
  unit: ActorUnit,
  e: { orgUnitId: string; districtId: string },
  currentYear: number,
) {
  const keep = mayKeep(actor, unit, e);
  const own = isOwnAccount(actor, unit, e);
  return {
    edit: keep,
    editContacts: keep || own,
    editStaffOf: keep || own ? currentYear : null,
    unmask: keep || own,
  };
}

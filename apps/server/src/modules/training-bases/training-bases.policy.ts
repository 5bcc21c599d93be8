import type { TrainingBaseKind, TrainingBaseStatus } from '@zhijiao/contracts';
import { inScope, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what with training bases and groups. Pure functions over the actor, what the
 * actor's unit is (`ActorUnitFacts`) and the record's facts.
 * - 区发改科技局 (a unit with the group `training-base-keeper`, `trainingBase.manage`) keeps the
 *   district's high-level bases (at enterprises) and sees every base of its district.
 * - A vocational school keeps its own in-school and co-built bases.
 * - A vocational school or an enterprise (`trainingBase.book`) books sessions on the district's
 *   bases in operation, sees those bases and its own sessions, and cancels its own bookings.
 * - Whoever has a base's owner or a partner in scope reads the base with all its sessions.
 * - Groups: read by whoever has the lead or a member in scope; registered by the coordinator (an
 *   account whose scope is the district) and kept by it or by the lead unit's own account.
 */

export interface ActorUnitFacts {
  /** The actor's unit keeps the district's high-level bases. */
  keeper: boolean;
  /** The actor's unit is a vocational school or an enterprise with `trainingBase.book`. */
  books: boolean;
  /** The actor's unit is a vocational school. */
  school: boolean;
}

export interface BaseFacts {
  kind: TrainingBaseKind;
  ownerId: string;
  districtId: string;
  status: TrainingBaseStatus;
  partnerIds: readonly string[];
}

/** Reads the base (and every session on it) through its owner or a partner, or as the keeper. */
export function readsBaseFully(actor: Actor, base: BaseFacts, unit: ActorUnitFacts): boolean {
  if (!actor.permissions.has('trainingBase.read')) return false;
  if (inScope(actor, base.ownerId) || base.partnerIds.some((p) => inScope(actor, p))) return true;
  return unit.keeper && actor.districtId === base.districtId;
}

/** Sees the base: reads it fully, or books in its district while it is in operation. */
export function canSeeBase(actor: Actor, base: BaseFacts, unit: ActorUnitFacts): boolean {
  if (readsBaseFully(actor, base, unit)) return true;
  return (
    actor.permissions.has('trainingBase.read') &&
    unit.books &&
    base.status === 'operating' &&
    actor.districtId === base.districtId
  );
}

/** May write the base: the keeper for high-level bases, the owning school for its own. */
export function mayKeepBase(
  actor: Actor,
  base: { kind: TrainingBaseKind; ownerId: string; districtId: string },
  unit: ActorUnitFacts,
): boolean {
  if (!actor.permissions.has('trainingBase.manage')) return false;
  if (base.kind === 'high_level') return unit.keeper && actor.districtId === base.districtId;
  return unit.school && actor.orgUnitId === base.ownerId;
}

/** Sees a session: reads the base fully, or the session is its own unit's booking. */
export function canSeeSession(actor: Actor, bookerId: string, readsFully: boolean): boolean {
  return readsFully || inScope(actor, bookerId);
}

/** May cancel a booking: the booking unit's own account, or whoever keeps the base. */
export function mayCancelSession(actor: Actor, bookerId: string, keepsBase: boolean): boolean {
  return keepsBase || (actor.permissions.has('trainingBase.book') && actor.orgUnitId === bookerId);
}

export interface GroupFacts {
  leadUnitId: string;
  districtId: string;
  memberIds: readonly string[];
}

export function canSeeGroup(actor: Actor, g: GroupFacts): boolean {
  if (!actor.permissions.has('vetGroup.read')) return false;
  return inScope(actor, g.leadUnitId) || g.memberIds.some((m) => inScope(actor, m));
}

/** May keep the group: an account whose scope is the district (the coordinator), or the lead unit's own. */
export function mayKeepGroup(actor: Actor, g: { leadUnitId: string; districtId: string }): boolean {
  if (!actor.permissions.has('vetGroup.manage')) return false;
  return inScope(actor, g.districtId) || actor.orgUnitId === g.leadUnitId;
}

/** May register a new group: only an account whose scope is its whole district (the coordinator). */
export function mayRegisterGroup(actor: Actor): boolean {
  return actor.permissions.has('vetGroup.manage') && !!actor.districtId && inScope(actor, actor.districtId);
}

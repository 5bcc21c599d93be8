import type { Permission, Role } from '@zhijiao/contracts';
import type { AuditActor } from '../audit/audit-log.ts';

/** What a session may do right now: restricted sessions only reach their own account routes. */
export type SessionRestriction = 'password_change' | 'totp_enrolment' | null;

/**
 * The authenticated user behind a request. `permissions` is empty while `restriction` is set.
 * `scope` is the set of org units whose records the actor may see: all, or a unit and its subtree.
 */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** Null: an account not (or no longer) granted a role; it holds no permission and no scope. */
  role: Role | null;
  orgUnitId: string;
  sessionId: string;
  mfa: boolean;
  restriction: SessionRestriction;
  permissions: ReadonlySet<Permission>;
  scope: OrgScope;
  /** The district of the actor's unit: the plans they work on belong to it. */
  districtId: string | null;
  ip: string | null;
}

export type OrgScope = { all: true } | { all: false; orgUnitIds: readonly string[] };

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function inScope(actor: Actor, orgUnitId: string): boolean {
  return actor.scope.all || actor.scope.orgUnitIds.includes(orgUnitId);
}

/** The audit identity of an actor (or of the system / CLI when none). */
export function auditActorOf(actor: Actor | null, ip: string | null = null): AuditActor {
  if (!actor) return { id: null, name: 'system', orgUnitId: null, ip };
  return { id: actor.userId, name: actor.username, orgUnitId: actor.orgUnitId, ip: actor.ip };
}

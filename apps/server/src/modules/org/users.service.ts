/**
 * Accounts, kept apart by the three administrator roles (三权分立): the system administrator
 * creates accounts (without a role) and disables them; the security administrator grants, changes
 * and revokes their business role and its scope (org unit), unlocks and resets; neither can do the
 * other's part, so no one alone makes an account that reads the district's records. Administrator
 * accounts, and business accounts with a role from the start (bootstrap, demo), are only made on
 * the command line by an operator. The accounts themselves are the platform's (`platform/auth`);
 * these rules decide who may change what.
 */
import { BUSINESS_ROLES, isAdminRole, ROLE_LABELS, ROLES } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { assertPasswordPolicy } from '../../platform/auth/auth.service.ts';
import { hashPassword } from '../../platform/auth/password-hash.ts';
import { generateInitialPassword } from '../../platform/auth/password-policy.ts';
import {
  createAccount,
  endSessionsOfUser,
  findUserRefs,
  listAccounts,
  updateAccount,
  type AccountChanges,
} from '../../platform/auth/users.repository.ts';
import type { AuditActor } from '../../platform/audit/audit-log.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { findOrgUnitByCode, findOrgUnitsByIds } from './org.repository.ts';
import type { CreateUserInput, GrantRoleInput, UpdateUserInput } from './org.schema.ts';
import type { OrgDeps } from './org.service.ts';

const USERNAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/;

/** The account an administrator acts on; 404 when there is none. */
async function loadTarget(deps: OrgDeps, id: string) {
  const user = (await findUserRefs(deps.db, [id])).get(id);
  if (!user) throw notFound();
  return user;
}

/** A refusal to hand out a role, naming the field and why (in Chinese and English). */
function roleRefused(message: string, messageEn: string): AppError {
  return new AppError('USER_ROLE_NOT_ASSIGNABLE', 403, [
    { field: 'role', code: 'USER_ROLE_NOT_ASSIGNABLE', message, messageEn },
  ]);
}

/**
 * Refuses what the command line alone may do: a signed-in administrator creates accounts without
 * a role (the security administrator grants it), and administrator roles are never assigned here.
 */
function assertAssignable(actor: Actor | null, input: CreateUserInput) {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw fieldError(
      'username',
      'INVALID',
      '用户名须以字母开头，3–32 位字母、数字、下划线、点或横线',
      'Username: 3–32 letters, digits, _ . -, starting with a letter',
    );
  }
  if (input.role === undefined) return;
  if (actor)
    throw new AppError('USER_ROLE_GRANTED_BY_SECURITY', 403, [
      {
        field: 'role',
        code: 'USER_ROLE_GRANTED_BY_SECURITY',
        message: '新账号没有角色：角色及其范围由安全管理员授予',
        messageEn: 'A new account has no role: the security administrator grants the role and its scope',
      },
    ]);
  if (!ROLES.includes(input.role))
    throw fieldError('role', 'INVALID', `未知角色 ${input.role}`, `Unknown role ${input.role}`);
}

/** Changes an account in one transaction with its audit row; `endSessions` signs it out everywhere. */
async function changeAccount(
  deps: OrgDeps,
  actor: Actor,
  id: string,
  change: { set: AccountChanges; action: string; details?: Record<string, unknown>; endSessions?: boolean },
) {
  await deps.transaction(async (trx) => {
    await updateAccount(trx, id, change.set);
    if (change.endSessions) await endSessionsOfUser(trx, id, deps.clock.now());
    await deps.audit.record(trx, auditActorOf(actor), {
      action: change.action,
      objectType: 'user',
      objectId: id,
      ...(change.details ? { details: change.details } : {}),
    });
  });
}

/** Every account with its unit and standing (disabled, locked, password to change, TOTP). */
export async function listUsers(deps: OrgDeps) {
  const now = deps.clock.now();
  const rows = await listAccounts(deps.db);
  const units = new Map(
    (await findOrgUnitsByIds(deps.db, [...new Set(rows.map((r) => r.orgUnitId))])).map((u) => [u.id, u]),
  );
  const unitOf = (id: string) => units.get(id) ?? { id, code: '', name: '' };
  return rows
    .map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      orgUnit: unitOf(r.orgUnitId),
      disabled: r.disabledAt !== null,
      locked: r.lockedUntil !== null && r.lockedUntil > now,
      mustChangePassword: r.mustChangePassword,
      totpEnabled: r.totpEnabled,
      createdAt: r.createdAt,
    }))
    .sort((a, b) => (a.orgUnit.code < b.orgUnit.code ? -1 : a.orgUnit.code > b.orgUnit.code ? 1 : 0));
}

/**
 * Creates an account. By an administrator (`actor`): no role, so it can sign in and change its
 * password and nothing more until the security administrator grants a role (`grantRole`).
 * `actor` null = an operator on the command line, who may give any role at once (administrators,
 * the first accounts of an installation, the demo).
 */
export async function createUser(
  deps: OrgDeps,
  actor: Actor | null,
  input: CreateUserInput,
  auditActor: AuditActor = auditActorOf(actor),
) {
  if (actor && !actor.permissions.has('user.manage')) throw forbidden();
  assertAssignable(actor, input);
  const org = await findOrgUnitByCode(deps.db, input.orgUnitCode);
  if (!org)
    throw fieldError(
      'orgUnitCode',
      'ORG_UNIT_UNKNOWN',
      `单位代码 ${input.orgUnitCode} 不存在`,
      `No org unit with code ${input.orgUnitCode}`,
    );
  const generated = input.password === undefined;
  const password = input.password ?? generateInitialPassword(input.username);
  assertPasswordPolicy(password, input.username, 'password');
  const passwordHash = await hashPassword(password);
  const user = await deps.transaction(async (trx) => {
    const row = await createAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: actor ? null : (input.role ?? null),
      orgUnitId: org.id,
      mustChangePassword: input.mustChangePassword ?? generated,
      passwordChangedAt: deps.clock.now(),
      disabledAt: null,
      lockedUntil: null,
      failureWindowStart: null,
      totpSecretEnc: null,
      totpLastStep: null,
    });
    await deps.audit.record(trx, auditActor, {
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      details: { username: row.username, role: row.role, org: org.code },
    });
    return row;
  });
  return { user, initialPassword: generated ? password : null };
}

/** Disables or re-enables an account; disabling ends all its sessions. Never an admin's own. */
export async function setDisabled(deps: OrgDeps, actor: Actor, id: string, disabled: boolean) {
  if (!actor.permissions.has('user.manage')) throw forbidden();
  const target = await loadTarget(deps, id);
  if (isAdminRole(target.role) || target.id === actor.userId)
    throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403);
  await changeAccount(deps, actor, id, {
    set: { disabledAt: disabled ? deps.clock.now() : null },
    action: disabled ? 'user.disable' : 'user.enable',
    endSessions: disabled,
  });
}

/**
 * The account whose role the security administrator may grant or revoke: a business account (or
 * one without a role), never their own, never an administrator's (those only on the command line).
 */
async function loadGrantee(deps: OrgDeps, actor: Actor, id: string) {
  if (!actor.permissions.has('user.security')) throw forbidden();
  const target = await loadTarget(deps, id);
  if (target.id === actor.userId)
    throw roleRefused('不能给自己授予或撤销角色', 'You cannot grant or revoke your own role');
  if (isAdminRole(target.role))
    throw roleRefused(
      '管理员账号的角色只能由运维人员在命令行设置',
      "An administrator's role is set on the command line only",
    );
  return target;
}

/**
 * Grants (or changes) an account's business role and its scope, the org unit whose records it
 * sees (授予角色). The security administrator's part of 三权分立: the account was created, without
 * a role, by the system administrator. Audited with the role and unit before and after; the
 * account's sessions end, so it signs in again under the new role.
 *
 * @example await grantRole(deps, secAdmin, userId, { role: 'coordinator', orgUnitCode: 'SD-EDU' })
 */
export async function grantRole(deps: OrgDeps, actor: Actor, id: string, input: GrantRoleInput) {
  const target = await loadGrantee(deps, actor, id);
  if (!BUSINESS_ROLES.includes(input.role))
    throw roleRefused(
      `${ROLE_LABELS[input.role].zh}只能由运维人员在命令行设置，不能在此授予`,
      `${ROLE_LABELS[input.role].en} is set on the command line only, never granted here`,
    );
  const org = await findOrgUnitByCode(deps.db, input.orgUnitCode);
  if (!org)
    throw fieldError(
      'orgUnitCode',
      'ORG_UNIT_UNKNOWN',
      `单位代码 ${input.orgUnitCode} 不存在`,
      `No org unit with code ${input.orgUnitCode}`,
    );
  if (target.role === input.role && target.orgUnitId === org.id) return;
  const [from] = await findOrgUnitsByIds(deps.db, [target.orgUnitId]);
  await changeAccount(deps, actor, id, {
    set: { role: input.role, orgUnitId: org.id },
    action: 'user.role_grant',
    details: {
      username: target.username,
      from: { role: target.role, org: from?.code ?? null },
      to: { role: input.role, org: org.code },
    },
    endSessions: true,
  });
}

/** Takes an account's business role away (撤销角色): it keeps its sign-in and may do nothing. */
export async function revokeRole(deps: OrgDeps, actor: Actor, id: string) {
  const target = await loadGrantee(deps, actor, id);
  if (target.role === null) return;
  await changeAccount(deps, actor, id, {
    set: { role: null },
    action: 'user.role_revoke',
    details: { username: target.username, from: { role: target.role } },
    endSessions: true,
  });
}

/** Disables or enables an account (system administrator). Roles are `grantRole`'s, not this. */
export async function updateUser(deps: OrgDeps, actor: Actor, id: string, changes: UpdateUserInput) {
  await setDisabled(deps, actor, id, changes.disabled);
}

/** Lifts a lockout after too many wrong passwords. */
export async function unlock(deps: OrgDeps, actor: Actor, id: string) {
  if (!actor.permissions.has('user.security')) throw forbidden();
  await loadTarget(deps, id);
  await changeAccount(deps, actor, id, {
    set: { lockedUntil: null, failedAttempts: 0, failuresInWindow: 0 },
    action: 'user.unlock',
  });
}

/** Issues a one-time password the user must change at next sign-in; ends their sessions. */
export async function resetPassword(deps: OrgDeps, actor: Actor, id: string) {
  if (!actor.permissions.has('user.security')) throw forbidden();
  const target = await loadTarget(deps, id);
  // An administrator's password is reset only by an operator on the command line: otherwise
  // one administrator could take over another's account before it has a second factor.
  if (target.id === actor.userId || isAdminRole(target.role))
    throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403);
  const initialPassword = generateInitialPassword(target.username);
  await changeAccount(deps, actor, id, {
    set: {
      passwordHash: await hashPassword(initialPassword),
      mustChangePassword: true,
      lockedUntil: null,
      failedAttempts: 0,
    },
    action: 'user.password_reset',
    endSessions: true,
  });
  return { initialPassword };
}

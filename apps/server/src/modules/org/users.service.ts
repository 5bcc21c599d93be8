import { isAdminRole, ROLES, type Role } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { assertPasswordPolicy } from '../../platform/auth/auth.service.ts';
import { hashPassword } from '../../platform/auth/password-hash.ts';
import { endSessionsOfUser } from '../../platform/auth/users.repository.ts';
import { generateInitialPassword } from '../../platform/auth/password-policy.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { findOrgUnitByCode } from './org.repository.ts';

export const USERNAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/;

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  /** Set by operators on the command line; otherwise a one-time password is generated. */
  password?: string;
  mustChangePassword?: boolean;
}

/**
 * Accounts, kept apart by the three administrator roles (三权分立): the system administrator
 * creates and disables business accounts; the security administrator assigns business roles,
 * unlocks and resets; administrator accounts are only made from the command line by an operator.
 */
export function createUsersService(deps: { db: Kysely<Database>; audit: AuditLog; clock: Clock }) {
  const { db, audit, clock } = deps;

  async function listUsers() {
    const now = clock.now();
    const rows = await db
      .selectFrom('appUser as u')
      .innerJoin('orgUnit as o', 'o.id', 'u.orgUnitId')
      .select([
        'u.id',
        'u.username',
        'u.displayName',
        'u.role',
        'u.disabledAt',
        'u.lockedUntil',
        'u.mustChangePassword',
        'u.totpEnabled',
        'u.createdAt',
        'o.id as orgId',
        'o.code as orgCode',
        'o.name as orgName',
      ])
      .orderBy('o.code')
      .orderBy('u.username')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      orgUnit: { id: r.orgId, code: r.orgCode, name: r.orgName },
      disabled: r.disabledAt !== null,
      locked: r.lockedUntil !== null && r.lockedUntil > now,
      mustChangePassword: r.mustChangePassword,
      totpEnabled: r.totpEnabled,
      createdAt: r.createdAt,
    }));
  }

  /** Creates an account. `actor` null = an operator on the command line (may create admins). */
  async function createUser(
    actor: Actor | null,
    input: CreateUserInput,
    auditActor: AuditActor = auditActorOf(actor),
  ) {
    if (actor && !actor.permissions.has('user.manage')) throw forbidden();
    if (!USERNAME_PATTERN.test(input.username)) {
      throw fieldError(
        'username',
        'INVALID',
        '用户名须以字母开头，3–32 位字母、数字、下划线、点或横线',
        'Username: 3–32 letters, digits, _ . -, starting with a letter',
      );
    }
    if (!ROLES.includes(input.role))
      throw fieldError('role', 'INVALID', `未知角色 ${input.role}`, `Unknown role ${input.role}`);
    if (actor && isAdminRole(input.role))
      throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403, [
        {
          field: 'role',
          code: 'USER_ROLE_NOT_ASSIGNABLE',
          message: '管理员账号只能由运维人员在命令行创建',
          messageEn: 'Administrator accounts are created on the command line only',
        },
      ]);
    const org = await findOrgUnitByCode(db, input.orgUnitCode);
    if (!org)
      throw fieldError(
        'orgUnitCode',
        'ORG_UNIT_UNKNOWN',
        `单位代码 ${input.orgUnitCode} 不存在`,
        `No org unit with code ${input.orgUnitCode}`,
      );
    const generated = input.password === undefined;
    const password = input.password ?? generateInitialPassword();
    assertPasswordPolicy(password, input.username, 'password');
    const passwordHash = await hashPassword(password);
    const user = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('appUser')
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          orgUnitId: org.id,
          mustChangePassword: input.mustChangePassword ?? generated,
          passwordChangedAt: clock.now(),
          disabledAt: null,
          lockedUntil: null,
          failureWindowStart: null,
          totpSecretEnc: null,
          totpLastStep: null,
        })
        .returning(['id', 'username', 'role'])
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActor, {
        action: 'user.create',
        objectType: 'user',
        objectId: row.id,
        details: { username: row.username, role: row.role, org: org.code },
      });
      return row;
    });
    return { user, initialPassword: generated ? password : null };
  }

  async function loadTarget(id: string) {
    const user = await db
      .selectFrom('appUser')
      .select(['id', 'username', 'role'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!user) throw notFound();
    return user;
  }

  /** Disables or re-enables an account; disabling ends all its sessions. Never an admin's own. */
  async function setDisabled(actor: Actor, id: string, disabled: boolean) {
    if (!actor.permissions.has('user.manage')) throw forbidden();
    const target = await loadTarget(id);
    if (isAdminRole(target.role) || target.id === actor.userId)
      throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('appUser')
        .set({ disabledAt: disabled ? clock.now() : null })
        .where('id', '=', id)
        .execute();
      if (disabled) await endSessionsOfUser(trx, id, clock.now());
      await audit.record(trx, auditActorOf(actor), {
        action: disabled ? 'user.disable' : 'user.enable',
        objectType: 'user',
        objectId: id,
      });
    });
  }

  async function setRole(actor: Actor, id: string, role: Role) {
    if (!actor.permissions.has('user.security')) throw forbidden();
    const target = await loadTarget(id);
    if (isAdminRole(role) || isAdminRole(target.role)) throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('appUser').set({ role }).where('id', '=', id).execute();
      await endSessionsOfUser(trx, id, clock.now());
      await audit.record(trx, auditActorOf(actor), {
        action: 'user.role_change',
        objectType: 'user',
        objectId: id,
        details: { from: target.role, to: role },
      });
    });
  }

  async function unlock(actor: Actor, id: string) {
    if (!actor.permissions.has('user.security')) throw forbidden();
    await loadTarget(id);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('appUser')
        .set({ lockedUntil: null, failedAttempts: 0, failuresInWindow: 0 })
        .where('id', '=', id)
        .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'user.unlock',
        objectType: 'user',
        objectId: id,
      });
    });
  }

  /** Issues a one-time password the user must change at next sign-in; ends their sessions. */
  async function resetPassword(actor: Actor, id: string) {
    if (!actor.permissions.has('user.security')) throw forbidden();
    const target = await loadTarget(id);
    // An administrator's password is reset only by an operator on the command line: otherwise
    // one administrator could take over another's account before it has a second factor.
    if (target.id === actor.userId || isAdminRole(target.role))
      throw new AppError('USER_ROLE_NOT_ASSIGNABLE', 403);
    const initialPassword = generateInitialPassword();
    const passwordHash = await hashPassword(initialPassword);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('appUser')
        .set({ passwordHash, mustChangePassword: true, lockedUntil: null, failedAttempts: 0 })
        .where('id', '=', id)
        .execute();
      await endSessionsOfUser(trx, id, clock.now());
      await audit.record(trx, auditActorOf(actor), {
        action: 'user.password_reset',
        objectType: 'user',
        objectId: id,
      });
    });
    return { initialPassword };
  }

  return { listUsers, createUser, setDisabled, setRole, unlock, resetPassword };
}

export type UsersService = ReturnType<typeof createUsersService>;

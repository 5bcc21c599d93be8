/**
 * The org-unit tree (区 → 部门 / 学校 / 企业): each actor's scope, the unit list, new units and the
 * import of a district's unit list.
 */
import type { Role } from '@zhijiao/contracts';
import type { Actor, OrgScope } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import type { AuditActor } from '../../platform/audit/audit-log.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { OrgUnitDefinition } from '../action-plans/index.ts';
import * as repo from './org.repository.ts';
import type { CreateOrgUnitInput } from './org.schema.ts';

/** Administrators see every unit (they manage accounts and units, not plan records). */
const INSTALLATION_WIDE_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
/**
 * The plan coordinator, leaders and inspectors see their whole district (an inspector's supervision
 * records are narrowed further to the inspections they are named on); clerks see their own subtree.
 */
const DISTRICT_WIDE_ROLES: readonly Role[] = ['coordinator', 'inspector', 'viewer'];

export interface ResolvedScope {
  scope: OrgScope;
  /** The district the actor's unit belongs to (nearest ancestor of type district), if any. */
  districtId: string | null;
}

/** The org module's dependencies: the platform's and its cache of resolved scopes. */
export interface OrgDeps extends ModuleDeps {
  scopes: ReadCache<ResolvedScope>;
}

/** An account without a role sees no unit and works in no district. */
const NO_SCOPE: ResolvedScope = { scope: { all: false, orgUnitIds: [] }, districtId: null };

/**
 * What an actor with `role` at `orgUnitId` may see (cached: every signed-in request asks). No role
 * (not yet granted by the security administrator): nothing.
 */
export function resolveScope(deps: OrgDeps, role: Role | null, orgUnitId: string): Promise<ResolvedScope> {
  if (role === null) return Promise.resolve(NO_SCOPE);
  return deps.scopes.get(`${role}|${orgUnitId}`, async () => {
    const districtId = await repo.findDistrictOf(deps.db, orgUnitId);
    if (INSTALLATION_WIDE_ROLES.includes(role)) return { scope: { all: true }, districtId };
    const root = DISTRICT_WIDE_ROLES.includes(role) ? (districtId ?? orgUnitId) : orgUnitId;
    return { scope: { all: false, orgUnitIds: await repo.listSubtreeIds(deps.db, root) }, districtId };
  });
}

/** Every org unit (the web builds the tree from `parentId`). */
export async function listUnits(deps: OrgDeps) {
  return repo.listOrgUnits(deps.db);
}

/** The unit's id, code and name (null when there is no such unit). */
export async function findUnitRef(deps: OrgDeps, id: string) {
  return (await repo.findOrgUnitsByIds(deps.db, [id]))[0] ?? null;
}

/** Creates an org unit under a parent named by its code; codes are unique. */
export async function createOrgUnit(deps: OrgDeps, actor: Actor, input: CreateOrgUnitInput) {
  const parent = await repo.findOrgUnitByCode(deps.db, input.parentCode);
  if (!parent)
    throw fieldError(
      'parentCode',
      'ORG_UNIT_UNKNOWN',
      `上级单位 ${input.parentCode} 不存在`,
      `No unit ${input.parentCode}`,
    );
  if (await repo.findOrgUnitByCode(deps.db, input.code)) {
    throw fieldError(
      'code',
      'DUPLICATE',
      `单位代码 ${input.code} 已存在`,
      `Unit code ${input.code} already exists`,
    );
  }
  return deps.transaction(async (trx) => {
    const row = await repo.insertOrgUnit(trx, {
      code: input.code,
      name: input.name,
      fullName: input.fullName,
      nameEn: input.nameEn,
      type: input.type,
      groups: input.groups,
      aliases: '[]',
      parentId: parent.id,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'org.unit_create',
      objectType: 'org_unit',
      objectId: row.id,
      details: { code: row.code, name: row.name },
    });
    return row;
  });
}

/**
 * Creates an enterprise's org unit under its district in the caller's transaction, for the
 * enterprise register (企业名录): registering an enterprise that has no unit yet makes one, and the
 * register's profile row is written in the same transaction. Codes are unique (the register derives
 * them from the 统一社会信用代码). Audited as `org.unit_create`; the scopes are dropped here and again
 * when the register's commit publishes `records.changed`.
 */
export async function createEnterpriseUnit(
  deps: OrgDeps,
  trx: Executor,
  input: { code: string; name: string; fullName: string; parentId: string },
  actor: Actor,
) {
  const row = await insertEnterpriseUnit(deps, trx, input);
  await auditEnterpriseUnitCreated(deps, trx, row, actor);
  return row;
}

/**
 * `createEnterpriseUnit` without its audit row, for a bulk writer (the register's import) that
 * audits every unit it made at the end of the same transaction with `auditEnterpriseUnitCreated`:
 * the audit chain's lock is then held from the audit rows to the commit, not through the whole
 * import. The caller must audit each unit before its transaction commits.
 */
export async function insertEnterpriseUnit(
  deps: OrgDeps,
  trx: Executor,
  input: { code: string; name: string; fullName: string; parentId: string },
) {
  const row = await repo.insertOrgUnit(trx, {
    code: input.code,
    name: input.name,
    fullName: input.fullName,
    type: 'enterprise',
    groups: [],
    aliases: '[]',
    parentId: input.parentId,
  });
  deps.scopes.invalidate();
  return row;
}

/**
 * `insertEnterpriseUnit` for many units at once (the register's import of thousands of new
 * enterprises): bulk inserts from arrays, answered in the order given. The caller audits them with
 * `auditEnterpriseUnitsCreated` before its transaction commits.
 */
export async function insertEnterpriseUnits(
  deps: OrgDeps,
  trx: Executor,
  inputs: ReadonlyArray<{ code: string; name: string; fullName: string; parentId: string }>,
) {
  if (inputs.length === 0) return [];
  const rows = await repo.insertEnterpriseUnitRows(trx, inputs);
  deps.scopes.invalidate();
  return rows;
}

/** The `org.unit_create` audit rows of units made with `insertEnterpriseUnits`, in one bulk append. */
export async function auditEnterpriseUnitsCreated(
  deps: OrgDeps,
  trx: Executor,
  rows: ReadonlyArray<{ id: string; code: string; name: string }>,
  actor: Actor,
) {
  await deps.audit.recordMany(trx, auditActorOf(actor), rows.map(unitCreatedEntry));
}

/** The audit entry of an enterprise unit the register created. */
function unitCreatedEntry(row: { id: string; code: string; name: string }) {
  return {
    action: 'org.unit_create',
    objectType: 'org_unit',
    objectId: row.id,
    details: { code: row.code, name: row.name, by: 'enterprise_register' },
  };
}

/** The `org.unit_create` audit row of an enterprise unit made by the register. */
export async function auditEnterpriseUnitCreated(
  deps: OrgDeps,
  trx: Executor,
  row: { id: string; code: string; name: string },
  actor: Actor,
) {
  await deps.audit.record(trx, auditActorOf(actor), unitCreatedEntry(row));
}

/**
 * Changes the code of an enterprise's org unit in the caller's transaction, for the enterprise
 * register: a unit the register created carries `<district code>-<统一社会信用代码>`, so a corrected
 * 统一社会信用代码 gives it the new code with the profile's change. Only a unit of type enterprise
 * still holding the code `from` is changed (a code set by hand is left alone); returns whether it
 * was. Audited as `org.unit_update` with the codes before and after.
 */
export async function recodeEnterpriseUnit(
  deps: OrgDeps,
  trx: Executor,
  input: { id: string; from: string; to: string },
  actor: Actor,
): Promise<boolean> {
  const changed = await repo.updateEnterpriseUnitCode(trx, input);
  if (!changed) return false;
  await deps.audit.record(trx, auditActorOf(actor), {
    action: 'org.unit_update',
    objectType: 'org_unit',
    objectId: input.id,
    details: { before: { code: input.from }, after: { code: input.to }, by: 'enterprise_register' },
  });
  deps.scopes.invalidate();
  return true;
}

/**
 * Loads an org-unit list (from `plans/<district>/org-units.yaml`) in the caller's transaction:
 * inserts new units, updates names, aliases and groups of existing ones (matched by code).
 * Idempotent.
 */
export async function importOrgUnits(
  deps: OrgDeps,
  trx: Executor,
  units: readonly OrgUnitDefinition[],
  actor: AuditActor,
): Promise<number> {
  const idByCode = new Map((await repo.listOrgUnits(trx)).map((u) => [u.code, u.id]));
  let changed = 0;
  for (const u of units) {
    const parentId = u.parentCode ? idByCode.get(u.parentCode) : null;
    if (u.parentCode && !parentId)
      throw new AppError('ORG_UNIT_UNKNOWN', 400, [
        { field: 'parentCode', code: 'ORG_UNIT_UNKNOWN', message: u.parentCode },
      ]);
    const id = await repo.upsertOrgUnit(trx, {
      code: u.code,
      name: u.name,
      fullName: u.fullName,
      nameEn: u.nameEn ?? '',
      type: u.type,
      groups: [...(u.groups ?? [])],
      aliases: JSON.stringify((u.aliases ?? []).map((a) => ({ name: a.name, warning: a.warning }))),
      parentId: parentId ?? null,
      demo: u.demo ?? false,
    });
    idByCode.set(u.code, id);
    changed++;
  }
  await deps.audit.record(trx, actor, {
    action: 'org.units_import',
    objectType: 'org_unit',
    details: { units: changed },
  });
  // The caller's transaction, not the module's: nothing publishes records.changed for it.
  deps.scopes.invalidate();
  return changed;
}

import type { Role } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { Actor, OrgScope } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { OrgUnitDefinition } from '../action-plans/index.ts';
import {
  findDistrictOf,
  findOrgUnitByCode,
  findOrgUnitsByIds,
  listOrgUnits,
  listSubtreeIds,
} from './org.repository.ts';
import { ReadCache } from '../../platform/cache/read-cache.ts';
import type { CreateOrgUnitInput } from './org.schema.ts';

/** Administrators see every unit (they manage accounts and units, not plan records). */
const INSTALLATION_WIDE_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
/**
 * The plan coordinator, leaders and inspectors see their whole district (an inspector's supervision
 * records are narrowed further to the inspections they are named on); clerks see their own subtree.
 */
const DISTRICT_WIDE_ROLES: readonly Role[] = ['coordinator', 'inspector', 'viewer'];
const SCOPE_TTL_MS = 60_000;

export interface ResolvedScope {
  scope: OrgScope;
  /** The district the actor's unit belongs to (nearest ancestor of type district), if any. */
  districtId: string | null;
}

export function createOrgService(deps: { db: Kysely<Database>; audit: AuditLog }) {
  const { db, audit } = deps;
  // Every signed-in request needs its scope; the org tree changes rarely, so keep it a minute
  // (dropped at once when this process changes units).
  const scopes = new ReadCache<ResolvedScope>(SCOPE_TTL_MS, 5000);

  /** What an actor with `role` at `orgUnitId` may see. */
  function resolveScope(role: Role, orgUnitId: string): Promise<ResolvedScope> {
    return scopes.get(`${role}|${orgUnitId}`, async () => {
      const districtId = await findDistrictOf(db, orgUnitId);
      if (INSTALLATION_WIDE_ROLES.includes(role)) return { scope: { all: true }, districtId };
      const root = DISTRICT_WIDE_ROLES.includes(role) ? (districtId ?? orgUnitId) : orgUnitId;
      return { scope: { all: false, orgUnitIds: await listSubtreeIds(db, root) }, districtId };
    });
  }

  async function listUnits() {
    return listOrgUnits(db);
  }

  async function createOrgUnit(actor: Actor, input: CreateOrgUnitInput) {
    const parent = await findOrgUnitByCode(db, input.parentCode);
    if (!parent)
      throw fieldError(
        'parentCode',
        'ORG_UNIT_UNKNOWN',
        `上级单位 ${input.parentCode} 不存在`,
        `No unit ${input.parentCode}`,
      );
    if (await findOrgUnitByCode(db, input.code)) {
      throw fieldError(
        'code',
        'DUPLICATE',
        `单位代码 ${input.code} 已存在`,
        `Unit code ${input.code} already exists`,
      );
    }
    const created = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('orgUnit')
        .values({
          code: input.code,
          name: input.name,
          fullName: input.fullName,
          nameEn: input.nameEn,
          type: input.type,
          groups: input.groups,
          aliases: '[]',
          parentId: parent.id,
        })
        .returning(['id', 'code', 'name', 'fullName', 'nameEn', 'type', 'groups', 'parentId'])
        .executeTakeFirstOrThrow();
      await audit.record(trx, auditActorOf(actor), {
        action: 'org.unit_create',
        objectType: 'org_unit',
        objectId: row.id,
        details: { code: row.code, name: row.name },
      });
      return row;
    });
    scopes.invalidate();
    return created;
  }

  /**
   * Loads an org-unit list (from `plans/<district>/org-units.yaml`): inserts new units, updates
   * names, aliases and groups of existing ones (matched by code). Idempotent.
   */
  async function importOrgUnits(
    trx: Executor,
    units: readonly OrgUnitDefinition[],
    actor: AuditActor,
  ): Promise<number> {
    const idByCode = new Map((await listOrgUnits(trx)).map((u) => [u.code, u.id]));
    let changed = 0;
    for (const u of units) {
      const parentId = u.parentCode ? idByCode.get(u.parentCode) : null;
      if (u.parentCode && !parentId)
        throw new AppError('ORG_UNIT_UNKNOWN', 400, [
          { field: 'parentCode', code: 'ORG_UNIT_UNKNOWN', message: u.parentCode },
        ]);
      const values = {
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        nameEn: u.nameEn ?? '',
        type: u.type,
        groups: [...(u.groups ?? [])],
        aliases: JSON.stringify((u.aliases ?? []).map((a) => ({ name: a.name, warning: a.warning }))),
        parentId: parentId ?? null,
        demo: u.demo ?? false,
      };
      const row = await trx
        .insertInto('orgUnit')
        .values(values)
        .onConflict((oc) => oc.column('code').doUpdateSet(values))
        .returning('id')
        .executeTakeFirstOrThrow();
      idByCode.set(u.code, row.id);
      changed++;
    }
    await audit.record(trx, actor, {
      action: 'org.units_import',
      objectType: 'org_unit',
      details: { units: changed },
    });
    scopes.invalidate();
    return changed;
  }

  /** The unit's id, code and name (null when there is no such unit). */
  async function findUnitRef(id: string) {
    return (await findOrgUnitsByIds(db, [id]))[0] ?? null;
  }

  return { resolveScope, listUnits, findUnitRef, createOrgUnit, importOrgUnits };
}

export type OrgService = ReturnType<typeof createOrgService>;

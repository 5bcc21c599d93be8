import type { Actor } from '../../platform/auth/actor.ts';
import { auditActorOf } from '../../platform/auth/actor.ts';
import { AppError, fieldError, forbidden } from '../../platform/errors/app-error.ts';
import { findDistrictOf, listOrgUnitInfo, unitRefsByIds } from '../org/index.ts';
import { actorUnit, loadVisible, refuseProblems } from './enterprise-access.ts';
import { checkProfile, type CheckedProfile } from './enterprise-input.ts';
import type { EnterprisesDeps } from './enterprises.deps.ts';
import { keepsRegister, mayKeep } from './enterprises.policy.ts';
import * as repo from './enterprises.repository.ts';
import type { RegisterEnterpriseInput, UpdateEnterpriseInput } from './enterprises.schema.ts';
import { getEnterprise } from './read.service.ts';
import { recomputeYears } from './year-row.ts';

/*
 * The enterprise register (企业名录): register an enterprise (creating its org unit through the org
 * module, or linking an enterprise unit that has none), change its profile. Every write is audited
 * in its transaction.
 */

function checked(input: Parameters<typeof checkProfile>[0]): CheckedProfile {
  const result = checkProfile(input);
  if (!result.ok) refuseProblems(result.problems);
  return (result as { ok: true; value: CheckedProfile }).value;
}

const duplicate = (uscc: string) =>
  new AppError('ENTERPRISE_EXISTS', 409, [
    {
      field: 'uscc',
      code: 'ENTERPRISE_EXISTS',
      message: `统一社会信用代码 ${uscc} 的企业已在名录中`,
      messageEn: `An enterprise with the code ${uscc} is already registered`,
    },
  ]);

/** The org unit to link: an enterprise unit of the actor's district not yet registered. */
async function unitToLink(deps: EnterprisesDeps, districtId: string, orgUnitId: string) {
  const [unit] = await listOrgUnitInfo(deps.db, { ids: [orgUnitId] });
  if (!unit || (await findDistrictOf(deps.db, unit.id)) !== districtId)
    throw fieldError(
      'orgUnitId',
      'ORG_UNIT_UNKNOWN',
      '该单位不存在或不在本区',
      'No such unit in your district',
    );
  if (unit.type !== 'enterprise')
    throw new AppError('ENTERPRISE_NOT_AN_ENTERPRISE', 400, [
      {
        field: 'orgUnitId',
        code: 'ENTERPRISE_NOT_AN_ENTERPRISE',
        message: `“${unit.name}”不是企业类单位`,
        messageEn: `“${unit.name}” is not an enterprise unit`,
      },
    ]);
  if ((await repo.registeredIds(deps.db, [unit.id])).size > 0)
    throw new AppError('ENTERPRISE_UNIT_TAKEN', 409, [
      {
        field: 'orgUnitId',
        code: 'ENTERPRISE_UNIT_TAKEN',
        message: `“${unit.name}”已登记在企业名录中`,
        messageEn: `“${unit.name}” is already registered`,
      },
    ]);
  return unit;
}

/** The district whose register the keeper keeps (403 not a keeper, 400 no district). */
async function keeperDistrict(deps: EnterprisesDeps, actor: Actor) {
  if (!keepsRegister(actor, await actorUnit(deps, actor))) throw forbidden();
  if (!actor.districtId) throw new AppError('ENTERPRISE_NO_DISTRICT', 400);
  return actor.districtId;
}

/**
 * Registers an enterprise in the keeper's district: links the enterprise org unit given, or creates
 * one under the district (code `<district code>-<统一社会信用代码>`). The code is checked part by part
 * (400 naming the position) and registered once (409).
 */
export async function registerEnterprise(
  deps: EnterprisesDeps,
  actor: Actor,
  input: RegisterEnterpriseInput,
) {
  const districtId = await keeperDistrict(deps, actor);
  const v = checked(input);
  const link = input.orgUnitId ? await unitToLink(deps, districtId, input.orgUnitId) : null;
  const district = (await unitRefsByIds(deps.db, [districtId])).get(districtId)!;
  const id = await deps.transaction(async (trx) => {
    if (await repo.findEnterpriseByUscc(trx, v.uscc)) throw duplicate(v.uscc);
    const unit =
      link ??
      (await deps.org.createEnterpriseUnit(
        trx,
        {
          code: `${district.code}-${v.uscc}`,
          name: (input.shortName?.trim() || v.legalName).slice(0, 60),
          fullName: v.legalName,
          parentId: districtId,
        },
        actor,
      ));
    const now = deps.clock.now();
    await repo.insertEnterprise(trx, {
      ...v,
      orgUnitId: unit.id,
      districtId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enterprise.registered',
      objectType: 'enterprise',
      objectId: unit.id,
      details: { uscc: v.uscc, linkedUnit: link !== null },
    });
    return unit.id;
  });
  return getEnterprise(deps, actor, id);
}

/** Changes an enterprise's profile (keepers); a new 大类 re-judges the years computed by thresholds. */
export async function updateEnterprise(
  deps: EnterprisesDeps,
  actor: Actor,
  id: string,
  input: UpdateEnterpriseInput,
) {
  const { row, unit } = await loadVisible(deps, actor, id);
  if (!mayKeep(actor, unit, row)) throw forbidden();
  const v = checked({ ...input, status: input.status ?? row.status });
  await deps.transaction(async (trx) => {
    const other = await repo.findEnterpriseByUscc(trx, v.uscc);
    if (other && other.orgUnitId !== id) throw duplicate(v.uscc);
    await repo.updateEnterprise(trx, id, { ...v, updatedAt: deps.clock.now() });
    // A unit the register made is coded `<district>-<USCC>` (registerEnterprise): it follows a
    // corrected code. A unit linked with a code of its own (SD-YITONG) keeps it.
    if (v.uscc !== row.uscc) {
      const district = (await unitRefsByIds(trx, [row.districtId])).get(row.districtId);
      if (district)
        await deps.org.recodeEnterpriseUnit(
          trx,
          { id, from: `${district.code}-${row.uscc}`, to: `${district.code}-${v.uscc}` },
          actor,
        );
    }
    const industryChanged = v.industryDivision !== row.industryDivision;
    if (industryChanged) await recomputeYears(deps, trx, actor, { ...row, ...v });
    const changed = (Object.keys(v) as Array<keyof CheckedProfile>).filter((k) => v[k] !== row[k]);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enterprise.updated',
      objectType: 'enterprise',
      objectId: id,
      details: {
        changed,
        before: Object.fromEntries(changed.map((k) => [k, row[k]])),
        after: Object.fromEntries(changed.map((k) => [k, v[k]])),
      },
    });
  });
  return getEnterprise(deps, actor, id);
}

/** Enterprise org units of the keeper's district not yet on the register (to link one). */
export async function listUnregisteredUnits(deps: EnterprisesDeps, actor: Actor) {
  const districtId = await keeperDistrict(deps, actor);
  const units = await listOrgUnitInfo(deps.db, { under: districtId, types: ['enterprise'] });
  const registered = await repo.registeredIds(
    deps.db,
    units.map((u) => u.id),
  );
  return units
    .filter((u) => !registered.has(u.id))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName }));
}

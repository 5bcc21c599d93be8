import type { Static } from 'typebox';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import { firstReadable } from '../../platform/files/attachments.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { findDistrictOf } from '../org/index.ts';
import { checkedBase } from './base-input.ts';
import { describeBaseDetail, describeBases } from './base-view.ts';
import { actorUnitFacts, chinaNow, today, type TrainingBasesDeps } from './training-bases.deps.ts';
import { canSeeBase, mayKeepBase, type ActorUnitFacts } from './training-bases.policy.ts';
import {
  baseIdsWithFile,
  documentIdsOf,
  findBase,
  insertBase,
  listBasesInScope,
  partnersOf,
  replaceDocuments,
  replaceEquipment,
  replacePartners,
  updateBaseRow,
  type BaseFilter,
  type BaseRow,
  type BaseScope,
} from './training-bases.repository.ts';
import type { BaseBody } from './training-bases.schema.ts';

/*
 * Training bases (实训基地): 区发改科技局 keeps the district's high-level bases at enterprises, a
 * vocational school its own in-school and co-built bases; schools and enterprises see the bases in
 * operation they may book.
 */

function baseScope(actor: Actor, unit: ActorUnitFacts): BaseScope {
  if (actor.scope.all) return { all: true };
  return {
    all: false,
    unitIds: actor.scope.orgUnitIds,
    districtId: unit.keeper ? actor.districtId : null,
    operatingInDistrict: unit.books ? actor.districtId : null,
  };
}

/** Bases the actor sees, filtered. */
export async function listBases(deps: TrainingBasesDeps, actor: Actor, filter: BaseFilter) {
  const unit = await actorUnitFacts(deps.db, actor);
  const rows = await listBasesInScope(deps.db, baseScope(actor, unit), filter);
  return (await describeBases(deps.db, actor, rows, unit)).map(({ partnerIds: _, ...b }) => b);
}

/** One base with its equipment, documents, the sessions the actor may see and its utilisation. */
export async function getBase(deps: TrainingBasesDeps, actor: Actor, id: string) {
  const { base, unit } = await loadFor(deps, actor, id);
  const { partnerIds: _, ...detail } = await describeBaseDetail(
    deps.db,
    actor,
    base,
    unit,
    deps.opening,
    chinaNow(deps),
  );
  return detail;
}

/** Registers a base: the keeper a high-level one, a vocational school its own. */
export async function createBase(deps: TrainingBasesDeps, actor: Actor, input: Static<typeof BaseBody>) {
  if (!actor.permissions.has('trainingBase.manage')) throw forbidden();
  const unit = await actorUnitFacts(deps.db, actor);
  const districtId = (await findDistrictOf(deps.db, actor.orgUnitId)) ?? actor.orgUnitId;
  if (!mayKeepBase(actor, { kind: input.kind, ownerId: input.ownerId, districtId }, unit))
    throw new AppError('TRAINING_BASE_NOT_KEEPER', 403);
  const checked = await checkedBase(deps.db, districtId, input, today(deps));
  await checkEvidenceFiles(deps.db, actor, checked.documentIds, { field: (i) => `documentIds.${i}` });
  const id = await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const id = await insertBase(trx, {
      ...checked.columns,
      districtId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await replacePartners(trx, id, checked.partnerIds);
    await replaceEquipment(trx, id, checked.equipment);
    await replaceDocuments(trx, id, checked.documentIds);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.base.created',
      objectType: 'training_base',
      objectId: id,
      details: { name: checked.columns.name, kind: checked.columns.kind, status: checked.columns.status },
    });
    return id;
  });
  return getBase(deps, actor, id);
}

/** Edits a base (its status and dates included); the kind and owner must still be the actor's to keep. */
export async function updateBase(
  deps: TrainingBasesDeps,
  actor: Actor,
  id: string,
  input: Static<typeof BaseBody>,
) {
  const { base, unit } = await loadFor(deps, actor, id);
  if (!mayKeepBase(actor, base, unit) || !mayKeepBase(actor, { ...input, districtId: base.districtId }, unit))
    throw new AppError('TRAINING_BASE_NOT_KEEPER', 403);
  const checked = await checkedBase(deps.db, base.districtId, input, today(deps));
  await checkEvidenceFiles(deps.db, actor, checked.documentIds, {
    field: (i) => `documentIds.${i}`,
    attached: await documentIdsOf(deps.db, id),
  });
  await deps.transaction(async (trx) => {
    await updateBaseRow(trx, id, { ...checked.columns, updatedAt: deps.clock.now() });
    await replacePartners(trx, id, checked.partnerIds);
    await replaceEquipment(trx, id, checked.equipment);
    await replaceDocuments(trx, id, checked.documentIds);
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'trainingBases.base.updated',
      objectType: 'training_base',
      objectId: id,
      details: {
        name: checked.columns.name,
        before: { status: base.status, operatingSince: base.operatingSince, capacity: base.capacity },
        after: {
          status: checked.columns.status,
          operatingSince: checked.columns.operatingSince,
          capacity: checked.columns.capacity,
        },
      },
    });
  });
  return getBase(deps, actor, id);
}

/** A base with `fileId` among its documents that the actor may read (the files route asks). */
export async function readableBaseWithFile(deps: TrainingBasesDeps, actor: Actor, fileId: string) {
  return firstReadable(await baseIdsWithFile(deps.db, fileId), (id) => loadFor(deps, actor, id));
}

/** The base, if the actor sees it (else 404), with the actor's unit facts. */
export async function loadFor(
  deps: Pick<TrainingBasesDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<{ base: BaseRow; unit: ActorUnitFacts; partnerIds: string[] }> {
  const [base, unit] = await Promise.all([findBase(deps.db, id), actorUnitFacts(deps.db, actor)]);
  if (!base) throw notFound();
  const partnerIds = (await partnersOf(deps.db, [id])).get(id) ?? [];
  if (!canSeeBase(actor, { ...base, partnerIds }, unit)) throw notFound();
  return { base, unit, partnerIds };
}

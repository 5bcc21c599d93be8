import type { TrainingBaseKind, TrainingBaseStatus } from '@zhijiao/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { lockForTransaction } from '../../platform/db/advisory-lock.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import type { ChinaMoment } from './booking.rules.ts';
import type {
  TrainingBaseEquipmentTable,
  TrainingBaseTable,
  TrainingSessionTable,
  VetGroupMemberTable,
  VetGroupProgrammeTable,
  VetGroupTable,
} from './training-bases.tables.ts';

export type BaseRow = Selectable<TrainingBaseTable>;
export type SessionRow = Selectable<TrainingSessionTable>;
export type GroupRow = Selectable<VetGroupTable>;

/**
 * Which bases a list may return: all; or those whose owner or a partner is among `unitIds`, plus
 * every base of `districtId` (the keeper), plus the bases in operation of `operatingInDistrict`
 * (a school or enterprise that books).
 */
export type BaseScope =
  | { all: true }
  | { all: false; unitIds: readonly string[]; districtId: string | null; operatingInDistrict: string | null };

export interface BaseFilter {
  kind?: TrainingBaseKind;
  status?: TrainingBaseStatus;
  ownerId?: string;
  q?: string;
}

export async function insertBase(trx: Executor, values: Insertable<TrainingBaseTable>): Promise<string> {
  return (await trx.insertInto('trainingBase').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findBase(db: Executor, id: string) {
  return db.selectFrom('trainingBase').selectAll().where('id', '=', id).executeTakeFirst();
}

function basesQuery(db: Executor, scope: BaseScope, f: BaseFilter) {
  let q = db.selectFrom('trainingBase');
  if (!scope.all) {
    const { unitIds, districtId, operatingInDistrict } = scope;
    q = q.where((eb) =>
      eb.or([
        ...(unitIds.length > 0
          ? [
              eb('ownerId', 'in', [...unitIds]),
              eb(
                'id',
                'in',
                eb
                  .selectFrom('trainingBasePartner')
                  .select('baseId')
                  .where('unitId', 'in', [...unitIds]),
              ),
            ]
          : []),
        ...(districtId ? [eb('districtId', '=', districtId)] : []),
        ...(operatingInDistrict
          ? [eb.and([eb('status', '=', 'operating'), eb('districtId', '=', operatingInDistrict)])]
          : []),
        eb.val(false),
      ]),
    );
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.ownerId) q = q.where('ownerId', '=', f.ownerId);
  if (f.q) q = q.where('name', 'like', containsPattern(f.q));
  return q;
}

/** Bases in scope: high-level first, then by name. */
export function listBasesInScope(db: Executor, scope: BaseScope, f: BaseFilter) {
  return basesQuery(db, scope, f).selectAll().orderBy('kind').orderBy('name').orderBy('id').execute();
}

export function updateBaseRow(trx: Executor, id: string, set: Partial<Insertable<TrainingBaseTable>>) {
  return trx.updateTable('trainingBase').set(set).where('id', '=', id).execute();
}

/** Partners of each base. */
export async function partnersOf(db: Executor, baseIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (baseIds.length === 0) return out;
  const rows = await db
    .selectFrom('trainingBasePartner')
    .select(['baseId', 'unitId'])
    .where('baseId', 'in', [...baseIds])
    .execute();
  for (const r of rows) out.set(r.baseId, [...(out.get(r.baseId) ?? []), r.unitId]);
  return out;
}

export async function replacePartners(trx: Executor, baseId: string, unitIds: readonly string[]) {
  await trx.deleteFrom('trainingBasePartner').where('baseId', '=', baseId).execute();
  if (unitIds.length > 0)
    await trx
      .insertInto('trainingBasePartner')
      .values(unitIds.map((unitId) => ({ baseId, unitId })))
      .execute();
}

export function equipmentOf(db: Executor, baseId: string) {
  return db
    .selectFrom('trainingBaseEquipment')
    .select(['name', 'quantity', 'unitValue'])
    .where('baseId', '=', baseId)
    .orderBy('position')
    .execute();
}

/** Total equipment value (yuan) per base. */
export async function equipmentValueOf(
  db: Executor,
  baseIds: readonly string[],
): Promise<Map<string, number>> {
  if (baseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('trainingBaseEquipment')
    .select(['baseId', (eb) => eb.fn.sum<number>(eb('quantity', '*', eb.ref('unitValue'))).as('v')])
    .where('baseId', 'in', [...baseIds])
    .groupBy('baseId')
    .execute();
  return new Map(rows.map((r) => [r.baseId, Number(r.v)]));
}

export async function replaceEquipment(
  trx: Executor,
  baseId: string,
  items: ReadonlyArray<Omit<Insertable<TrainingBaseEquipmentTable>, 'baseId' | 'position'>>,
) {
  await trx.deleteFrom('trainingBaseEquipment').where('baseId', '=', baseId).execute();
  if (items.length > 0)
    await trx
      .insertInto('trainingBaseEquipment')
      .values(items.map((item, position) => ({ ...item, baseId, position })))
      .execute();
}

export async function documentIdsOf(db: Executor, baseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('trainingBaseDocument')
    .select('fileId')
    .where('baseId', '=', baseId)
    .execute();
  return rows.map((r) => r.fileId);
}

export async function replaceDocuments(trx: Executor, baseId: string, fileIds: readonly string[]) {
  await trx.deleteFrom('trainingBaseDocument').where('baseId', '=', baseId).execute();
  if (fileIds.length > 0)
    await trx
      .insertInto('trainingBaseDocument')
      .values(fileIds.map((fileId) => ({ baseId, fileId })))
      .execute();
}

export async function baseIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('trainingBaseDocument')
    .select('baseId')
    .where('fileId', '=', fileId)
    .execute();
  return rows.map((r) => r.baseId);
}

export async function insertSession(
  trx: Executor,
  values: Insertable<TrainingSessionTable>,
): Promise<string> {
  return (await trx.insertInto('trainingSession').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

export function findSession(db: Executor, id: string) {
  return db.selectFrom('trainingSession').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Booked (not cancelled) sessions of a base on a day. */
export function bookedOnDay(db: Executor, baseId: string, date: string) {
  return db
    .selectFrom('trainingSession')
    .select(['startMinute', 'minutes', 'groupSize'])
    .where('baseId', '=', baseId)
    .where('sessionDate', '=', date)
    .where('state', '=', 'booked')
    .execute();
}

/** Every session of some bases, by date (cancelled ones included, for the list). */
export function sessionsOfBases(db: Executor, baseIds: readonly string[], from?: string, to?: string) {
  if (baseIds.length === 0) return Promise.resolve([] as SessionRow[]);
  let q = db
    .selectFrom('trainingSession')
    .selectAll()
    .where('baseId', 'in', [...baseIds]);
  if (from) q = q.where('sessionDate', '>=', from);
  if (to) q = q.where('sessionDate', '<=', to);
  return q.orderBy('sessionDate').orderBy('startMinute').orderBy('id').execute();
}

/** Serialises bookings of one base (held until the transaction ends). */
export async function lockBase(trx: Executor, baseId: string) {
  await trx.selectFrom('trainingBase').select('id').where('id', '=', baseId).forUpdate().execute();
}

/**
 * Cancels a session only if it is still booked and has not started by `now` (China date and
 * minute), in the UPDATE itself: of two cancellations at once, or one racing the session's start,
 * only one can change the row. Whether it did.
 */
export async function cancelBookedSession(trx: Executor, id: string, now: ChinaMoment): Promise<boolean> {
  const result = await trx
    .updateTable('trainingSession')
    .set({ state: 'cancelled', cancelledOn: now.date })
    .where('id', '=', id)
    .where('state', '=', 'booked')
    .where((eb) =>
      eb.or([
        eb('sessionDate', '>', now.date),
        eb.and([eb('sessionDate', '=', now.date), eb('startMinute', '>', now.minute)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Bases whose owner or a partner is the unit. */
export function basesWithUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('trainingBase')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('ownerId', '=', unitId),
        eb('id', 'in', eb.selectFrom('trainingBasePartner').select('baseId').where('unitId', '=', unitId)),
      ]),
    )
    .execute();
}

// Groups (职教集团)

export type GroupScope = { all: true } | { all: false; unitIds: readonly string[] };

export async function insertGroup(trx: Executor, values: Insertable<VetGroupTable>): Promise<string> {
  return (await trx.insertInto('vetGroup').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findGroup(db: Executor, id: string) {
  return db.selectFrom('vetGroup').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Groups whose lead or a member is among the scope's units. */
export function listGroupsInScope(db: Executor, scope: GroupScope, q?: string) {
  let query = db.selectFrom('vetGroup').selectAll();
  if (!scope.all) {
    const ids = [...scope.unitIds];
    query = query.where((eb) =>
      ids.length === 0
        ? eb.val(false)
        : eb.or([
            eb('leadUnitId', 'in', ids),
            eb('id', 'in', eb.selectFrom('vetGroupMember').select('groupId').where('unitId', 'in', ids)),
          ]),
    );
  }
  if (q) query = query.where('name', 'like', containsPattern(q));
  return query.orderBy('name').orderBy('id').execute();
}

export function updateGroupRow(trx: Executor, id: string, set: Partial<Insertable<VetGroupTable>>) {
  return trx.updateTable('vetGroup').set(set).where('id', '=', id).execute();
}

export function membersOf(db: Executor, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([] as Array<Selectable<VetGroupMemberTable>>);
  return db
    .selectFrom('vetGroupMember')
    .selectAll()
    .where('groupId', 'in', [...groupIds])
    .orderBy('joinedOn')
    .orderBy('unitId')
    .execute();
}

export async function replaceMembers(
  trx: Executor,
  groupId: string,
  members: ReadonlyArray<Omit<Insertable<VetGroupMemberTable>, 'groupId'>>,
) {
  await trx.deleteFrom('vetGroupMember').where('groupId', '=', groupId).execute();
  if (members.length > 0)
    await trx
      .insertInto('vetGroupMember')
      .values(members.map((m) => ({ ...m, groupId })))
      .execute();
}

export function programmesOf(db: Executor, groupIds: readonly string[]) {
  if (groupIds.length === 0) return Promise.resolve([] as Array<Selectable<VetGroupProgrammeTable>>);
  return db
    .selectFrom('vetGroupProgramme')
    .selectAll()
    .where('groupId', 'in', [...groupIds])
    .orderBy('year')
    .orderBy('kind')
    .orderBy('name')
    .execute();
}

export async function insertProgramme(trx: Executor, values: Insertable<VetGroupProgrammeTable>) {
  return (await trx.insertInto('vetGroupProgramme').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

/** A joint programme by id, or undefined. */
export function findProgramme(db: Executor, id: string) {
  return db.selectFrom('vetGroupProgramme').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sets or clears a programme's link to an enrolment program. */
export async function setProgrammeLink(
  trx: Executor,
  programmeId: string,
  enrollmentProgramId: string | null,
) {
  await trx
    .updateTable('vetGroupProgramme')
    .set({ enrollmentProgramId })
    .where('id', '=', programmeId)
    .execute();
}

/** Serialises the links to one enrolment program (held until the transaction ends). */
export async function lockEnrollmentProgramLinks(trx: Executor, enrollmentProgramId: string) {
  await lockForTransaction(trx, `vet-programme-link|${enrollmentProgramId}`);
}

/** The programmes but `exceptId` linked to any of the enrolment programs. */
export async function listProgrammesLinkedTo(
  db: Executor,
  enrollmentProgramIds: readonly string[],
  exceptId: string,
) {
  if (enrollmentProgramIds.length === 0) return [];
  return db
    .selectFrom('vetGroupProgramme')
    .select(['id', 'groupId', 'name', 'enrollmentProgramId'])
    .where('enrollmentProgramId', 'in', [...enrollmentProgramIds])
    .where('id', '!=', exceptId)
    .execute();
}

/** Programmes of the groups led in some units' subtree, with the group, in [fromYear, toYear]. */
export async function programmesOfGroupsLedBy(
  db: Executor,
  unitIds: readonly string[],
  fromYear: number,
  toYear: number,
) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('vetGroupProgramme as p')
    .innerJoin('vetGroup as g', 'g.id', 'p.groupId')
    .select(['g.id as groupId', 'g.name as groupName', 'p.kind', 'p.enrolled'])
    .where((eb) => eb.or([eb('g.leadUnitId', 'in', [...unitIds]), eb('g.districtId', 'in', [...unitIds])]))
    .where('p.year', '>=', fromYear)
    .where('p.year', '<=', toYear)
    .execute();
}

/** Bases owned by any of the units (a metric's subtree). */
export function basesOwnedBy(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as BaseRow[]);
  return db
    .selectFrom('trainingBase')
    .selectAll()
    .where('ownerId', 'in', [...unitIds])
    .orderBy('name')
    .execute();
}

/** Booked (not cancelled) sessions of some bases between two dates. */
export function bookedSessionsOf(db: Executor, baseIds: readonly string[], from: string, to: string) {
  if (baseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('trainingSession')
    .select(['baseId', 'sessionDate as date', 'startMinute', 'minutes', 'groupSize'])
    .where('baseId', 'in', [...baseIds])
    .where('state', '=', 'booked')
    .where('sessionDate', '>=', from)
    .where('sessionDate', '<=', to)
    .execute();
}

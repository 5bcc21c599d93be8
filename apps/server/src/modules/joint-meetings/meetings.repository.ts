import type { MeetingState } from '@zhijiao/contracts';
import type { Insertable, Updateable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { unitRefsByIds, type UnitRef } from '../org/index.ts';
import type { MeetingTable, StatusSnapshot } from './joint-meetings.tables.ts';

/** The unit `id` of a map from `unitRefsByIds` (every id a row holds names a unit: foreign keys). */
export function unitOf(units: ReadonlyMap<string, UnitRef>, id: string): UnitRef {
  return units.get(id) ?? { id, code: '', name: '' };
}

const MEETING_COLUMNS = [
  'id',
  'districtId',
  'number',
  'title',
  'meetingDate',
  'location',
  'chair',
  'conveningUnitId',
  'agenda',
  'state',
  'minutesSummary',
  'preparedAt',
  'windowStart',
  'heldAt',
  'minutesFinalAt',
  'closedAt',
  'createdAt',
  'updatedAt',
] as const;

function meetingQuery(db: Executor) {
  return db.selectFrom('meeting').select(MEETING_COLUMNS);
}

type MeetingRecord = Awaited<ReturnType<ReturnType<typeof meetingQuery>['executeTakeFirstOrThrow']>>;

/** Meetings with their district and convening unit named. */
async function withUnits(db: Executor, rows: MeetingRecord[]) {
  const units = await unitRefsByIds(
    db,
    rows.flatMap((r) => [r.districtId, r.conveningUnitId]),
  );
  return rows.map((r) => ({
    ...r,
    district: unitOf(units, r.districtId),
    conveningUnit: unitOf(units, r.conveningUnitId),
  }));
}

export type MeetingRow = Awaited<ReturnType<typeof withUnits>>[number];

/** One meeting with its district and convening unit, or undefined. */
export async function findMeetingById(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const row = await meetingQuery(db).where('id', '=', id).executeTakeFirst();
  return row && (await withUnits(db, [row]))[0];
}

/**
 * Meetings the actor may see (see meetings.policy.ts), newest first: their district's when the
 * scope holds the district, else those their units convene or attend.
 */
export async function listMeetings(
  db: Executor,
  actor: Actor,
  filter: { state?: MeetingState; limit?: number; offset?: number },
): Promise<MeetingRow[]> {
  let q = meetingQuery(db);
  if (!actor.scope.all) {
    const scope = actor.scope.orgUnitIds;
    if (scope.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        eb('districtId', 'in', scope),
        eb('conveningUnitId', 'in', scope),
        eb.exists(
          eb
            .selectFrom('meetingMember as mm')
            .select('mm.meetingId')
            .whereRef('mm.meetingId', '=', 'meeting.id')
            .where('mm.orgUnitId', 'in', scope),
        ),
      ]),
    );
  }
  if (filter.state) q = q.where('state', '=', filter.state);
  const rows = await q
    .orderBy('meetingDate', 'desc')
    .orderBy('number', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return withUnits(db, rows);
}

/** The meeting's state, its row locked until the transaction ends (steps on it queue). */
export async function lockMeetingState(trx: Executor, id: string): Promise<MeetingState> {
  const row = await trx
    .selectFrom('meeting')
    .select('state')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.state;
}

/** The date of the district's latest meeting before `date` (the window a status report covers). */
export async function previousMeetingDate(db: Executor, districtId: string, date: string, excludeId: string) {
  const row = await db
    .selectFrom('meeting')
    .select('meetingDate')
    .where('districtId', '=', districtId)
    .where('meetingDate', '<', date)
    .where('id', '<>', excludeId)
    .orderBy('meetingDate', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.meetingDate ?? null;
}

/** The next meeting number (第N次) in a district. */
export async function nextMeetingNumber(db: Executor, districtId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('districtId', '=', districtId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertMeeting(trx: Executor, values: Insertable<MeetingTable>): Promise<string> {
  const row = await trx.insertInto('meeting').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** What may change of a planned meeting. */
export type MeetingDetails = Required<
  Pick<
    Updateable<MeetingTable>,
    'title' | 'meetingDate' | 'location' | 'chair' | 'conveningUnitId' | 'agenda'
  >
>;

export async function updateMeetingDetails(trx: Executor, id: string, details: MeetingDetails) {
  await trx.updateTable('meeting').set(details).where('id', '=', id).execute();
}

/** Marks the status reports generated: when, and from which day they count. */
export async function markMeetingPrepared(
  trx: Executor,
  id: string,
  prepared: { preparedAt: Date; windowStart: string | null },
) {
  await trx.updateTable('meeting').set(prepared).where('id', '=', id).execute();
}

/** Sets the member units in their order, dropping units no longer members (with their reports). */
export async function writeMembers(trx: Executor, meetingId: string, unitIds: readonly string[]) {
  await trx
    .deleteFrom('meetingMember')
    .where('meetingId', '=', meetingId)
    .where('orgUnitId', 'not in', [...unitIds])
    .execute();
  for (const [position, orgUnitId] of unitIds.entries()) {
    await trx
      .insertInto('meetingMember')
      .values({
        meetingId,
        orgUnitId,
        position,
        snapshot: null,
        snapshotAt: null,
        remarks: null,
        remarksBy: null,
        remarksAt: null,
      })
      .onConflict((oc) => oc.columns(['meetingId', 'orgUnitId']).doUpdateSet({ position }))
      .execute();
  }
}

/** Member units of meetings in their order on the meeting, named, with who wrote their remarks. */
export async function listMembers(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meetingMember')
    .select([
      'meetingId',
      'orgUnitId',
      'position',
      'attendance',
      'attendees',
      'absenceReason',
      'snapshot',
      'snapshotAt',
      'remarks',
      'remarksBy',
      'remarksAt',
    ])
    .where('meetingId', 'in', meetingIds)
    .orderBy('meetingId')
    .orderBy('position')
    .execute();
  const [units, users] = await Promise.all([
    unitRefsByIds(
      db,
      rows.map((r) => r.orgUnitId),
    ),
    findUserRefs(
      db,
      rows.map((r) => r.remarksBy),
    ),
  ]);
  return rows.map(({ remarksBy, ...r }) => ({
    ...r,
    unit: unitOf(units, r.orgUnitId),
    remarksByName: remarksBy ? (users.get(remarksBy)?.displayName ?? null) : null,
  }));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Stores each member unit's status report, as of `at`. */
export async function writeSnapshots(
  trx: Executor,
  meetingId: string,
  snapshots: ReadonlyMap<string, StatusSnapshot>,
  at: Date,
) {
  for (const [unitId, s] of snapshots) {
    await trx
      .updateTable('meetingMember')
      .set({ snapshot: JSON.stringify(s), snapshotAt: at })
      .where('meetingId', '=', meetingId)
      .where('orgUnitId', '=', unitId)
      .execute();
  }
}

export async function writeRemarks(
  trx: Executor,
  meetingId: string,
  unitId: string,
  remarks: { remarks: string; remarksBy: string; remarksAt: Date },
) {
  await trx
    .updateTable('meetingMember')
    .set(remarks)
    .where('meetingId', '=', meetingId)
    .where('orgUnitId', '=', unitId)
    .execute();
}

/** Who attended for each member unit, or why it was absent. */
export async function writeAttendance(
  trx: Executor,
  meetingId: string,
  units: ReadonlyArray<{ unitId: string; present: boolean; attendees: string; absenceReason?: string }>,
) {
  for (const u of units) {
    await trx
      .updateTable('meetingMember')
      .set({
        attendance: u.present ? 'present' : 'absent',
        attendees: u.present ? u.attendees.trim() : '',
        absenceReason: u.present ? '' : (u.absenceReason ?? '').trim(),
      })
      .where('meetingId', '=', meetingId)
      .where('orgUnitId', '=', u.unitId)
      .execute();
  }
}

/**
 * Status reports still without remarks for prepared meetings held between `from` and `to` (the
 * reminders), of units in `scope` or meetings of districts in it (null: every unit).
 */
export async function listMissingRemarks(
  db: Executor,
  filter: { scope: readonly string[] | null; from: string; to: string },
) {
  const scope = filter.scope;
  if (scope && scope.length === 0) return [];
  let q = db
    .selectFrom('meetingMember as mm')
    .innerJoin('meeting as m', 'm.id', 'mm.meetingId')
    .select(['m.id as meetingId', 'm.title', 'm.meetingDate', 'mm.orgUnitId'])
    .where('m.state', '=', 'planned')
    .where('m.preparedAt', 'is not', null)
    .where('mm.remarks', 'is', null)
    .where('m.meetingDate', '>=', filter.from)
    .where('m.meetingDate', '<=', filter.to);
  if (scope) q = q.where((eb) => eb.or([eb('mm.orgUnitId', 'in', scope), eb('m.districtId', 'in', scope)]));
  const rows = await q.execute();
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => ({ ...r, unit: unitOf(units, r.orgUnitId) }));
}

import type { ActionItemState, MeetingState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';

function meetingQuery(db: Executor) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('orgUnit as cu', 'cu.id', 'm.conveningUnitId')
    .innerJoin('orgUnit as d', 'd.id', 'm.districtId')
    .select([
      'm.id',
      'm.districtId',
      'd.code as districtCode',
      'd.name as districtName',
      'm.number',
      'm.title',
      'm.meetingDate',
      'm.location',
      'm.chair',
      'm.conveningUnitId',
      'cu.code as conveningUnitCode',
      'cu.name as conveningUnitName',
      'm.agenda',
      'm.state',
      'm.minutesSummary',
      'm.preparedAt',
      'm.windowStart',
      'm.heldAt',
      'm.minutesFinalAt',
      'm.closedAt',
      'm.createdAt',
      'm.updatedAt',
    ]);
}

export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingQuery>['executeTakeFirstOrThrow']>>;

/** One meeting with its convening unit, or undefined. */
export function findMeetingRow(db: Executor, id: string) {
  return meetingQuery(db).where('m.id', '=', id).executeTakeFirst();
}

/**
 * Meetings the actor may see (see meetings.policy.ts), newest first: their district's when the
 * scope holds the district, else those their units convene or attend.
 */
export function listMeetingRows(
  db: Executor,
  actor: Actor,
  filter: { state?: MeetingState; limit?: number; offset?: number },
) {
  let q = meetingQuery(db);
  if (!actor.scope.all) {
    const scope = actor.scope.orgUnitIds;
    if (scope.length === 0) return Promise.resolve([]);
    q = q.where((eb) =>
      eb.or([
        eb('m.districtId', 'in', scope),
        eb('m.conveningUnitId', 'in', scope),
        eb.exists(
          eb
            .selectFrom('meetingMember as mm')
            .select('mm.meetingId')
            .whereRef('mm.meetingId', '=', 'm.id')
            .where('mm.orgUnitId', 'in', scope),
        ),
      ]),
    );
  }
  if (filter.state) q = q.where('m.state', '=', filter.state);
  return q
    .orderBy('m.meetingDate', 'desc')
    .orderBy('m.number', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
}

/** Member units of meetings, in their order on the meeting. */
export function listMembers(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetingMember as mm')
    .innerJoin('orgUnit as u', 'u.id', 'mm.orgUnitId')
    .leftJoin('appUser as a', 'a.id', 'mm.remarksBy')
    .select([
      'mm.meetingId',
      'mm.orgUnitId',
      'u.code as unitCode',
      'u.name as unitName',
      'mm.position',
      'mm.attendance',
      'mm.attendees',
      'mm.absenceReason',
      'mm.snapshot',
      'mm.snapshotAt',
      'mm.remarks',
      'a.displayName as remarksByName',
      'mm.remarksAt',
    ])
    .where('mm.meetingId', 'in', meetingIds)
    .orderBy('mm.meetingId')
    .orderBy('mm.position')
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

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

function actionItemQuery(db: Executor) {
  return db
    .selectFrom('actionItem as i')
    .innerJoin('meeting as m', 'm.id', 'i.meetingId')
    .innerJoin('orgUnit as u', 'u.id', 'i.responsibleUnitId')
    .select([
      'i.id',
      'i.meetingId',
      'm.title as meetingTitle',
      'm.meetingDate',
      'm.districtId',
      'm.conveningUnitId',
      'i.number',
      'i.decision',
      'i.responsibleUnitId',
      'u.code as unitCode',
      'u.name as unitName',
      'i.deadline',
      'i.state',
      'i.completedOn',
      'i.createdAt',
      'i.updatedAt',
    ]);
}

export type ActionItemRow = Awaited<
  ReturnType<ReturnType<typeof actionItemQuery>['executeTakeFirstOrThrow']>
>;

export function findActionItemRow(db: Executor, id: string) {
  return actionItemQuery(db).where('i.id', '=', id).executeTakeFirst();
}

/**
 * Action items, filtered. `scope`: unit ids of the actor (null = all); an item is in scope when
 * its responsible unit or its meeting's district is.
 */
export function listActionItemRows(
  db: Executor,
  filter: {
    scope: readonly string[] | null;
    ids?: readonly string[];
    meetingId?: string;
    states?: readonly ActionItemState[];
    unitId?: string;
    deadlineBefore?: string;
    limit?: number;
    offset?: number;
  },
) {
  let q = actionItemQuery(db);
  if (filter.scope) {
    const scope = filter.scope;
    if (scope.length === 0) return Promise.resolve([]);
    q = q.where((eb) => eb.or([eb('i.responsibleUnitId', 'in', scope), eb('m.districtId', 'in', scope)]));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    q = q.where('i.id', 'in', filter.ids);
  }
  if (filter.meetingId) q = q.where('i.meetingId', '=', filter.meetingId);
  if (filter.states) q = q.where('i.state', 'in', filter.states);
  if (filter.unitId) q = q.where('i.responsibleUnitId', '=', filter.unitId);
  if (filter.deadlineBefore) q = q.where('i.deadline', '<=', filter.deadlineBefore);
  return q
    .orderBy('i.deadline')
    .orderBy('m.meetingDate')
    .orderBy('i.number')
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0)
    .execute();
}

/** Progress updates of action items, oldest first, with their evidence files. */
export async function listUpdates(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  const updates = await db
    .selectFrom('actionItemUpdate as up')
    .innerJoin('appUser as s', 's.id', 'up.submittedBy')
    .leftJoin('appUser as r', 'r.id', 'up.reviewedBy')
    .select([
      'up.id',
      'up.actionItemId',
      'up.narrative',
      'up.claimsCompletion',
      'up.state',
      'up.submittedBy',
      's.displayName as submittedByName',
      'up.submittedAt',
      'r.displayName as reviewedByName',
      'up.reviewedAt',
      'up.reviewComment',
    ])
    .where('up.actionItemId', 'in', itemIds)
    .orderBy('up.seq')
    .execute();
  const files =
    updates.length === 0
      ? []
      : await db
          .selectFrom('actionItemUpdateFile as uf')
          .innerJoin('storedFile as f', 'f.id', 'uf.fileId')
          .select(['uf.updateId', 'f.id', 'f.originalName as name', 'f.sizeBytes', 'f.mime'])
          .where(
            'uf.updateId',
            'in',
            updates.map((u) => u.id),
          )
          .orderBy('f.createdAt')
          .execute();
  return updates.map((u) => ({
    ...u,
    files: files.filter((f) => f.updateId === u.id).map(({ updateId: _u, ...f }) => f),
  }));
}

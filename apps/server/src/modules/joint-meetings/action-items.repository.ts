import type { ActionItemState } from '@zhijiao/contracts';
import type { Insertable } from 'kysely';
import { findUserRefs } from '../../platform/auth/users.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import { unitRefsByIds } from '../org/index.ts';
import type { ActionItemTable, ActionItemUpdateTable } from './joint-meetings.tables.ts';
import { unitOf } from './meetings.repository.ts';

function actionItemQuery(db: Executor) {
  return db
    .selectFrom('actionItem as i')
    .innerJoin('meeting as m', 'm.id', 'i.meetingId')
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
      'i.deadline',
      'i.state',
      'i.completedOn',
      'i.createdAt',
      'i.updatedAt',
    ]);
}

type ActionItemRecord = Awaited<ReturnType<ReturnType<typeof actionItemQuery>['executeTakeFirstOrThrow']>>;

async function withUnits(db: Executor, rows: ActionItemRecord[]) {
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.responsibleUnitId),
  );
  return rows.map((r) => ({ ...r, responsibleUnit: unitOf(units, r.responsibleUnitId) }));
}

/** An action item with its meeting's title, date, district and convening unit, and its unit named. */
export type ActionItemRow = Awaited<ReturnType<typeof withUnits>>[number];

export async function findActionItemById(db: Executor, id: string): Promise<ActionItemRow | undefined> {
  const row = await actionItemQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row && (await withUnits(db, [row]))[0];
}

/**
 * Action items, filtered, by deadline. `scope`: unit ids of the actor (null = all); an item is in
 * scope when its responsible unit or its meeting's district is.
 */
export async function listActionItems(
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
): Promise<ActionItemRow[]> {
  let q = actionItemQuery(db);
  if (filter.scope) {
    const scope = filter.scope;
    if (scope.length === 0) return [];
    q = q.where((eb) => eb.or([eb('i.responsibleUnitId', 'in', scope), eb('m.districtId', 'in', scope)]));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('i.id', 'in', filter.ids);
  }
  if (filter.meetingId) q = q.where('i.meetingId', '=', filter.meetingId);
  if (filter.states) {
    if (filter.states.length === 0) return [];
    q = q.where('i.state', 'in', filter.states);
  }
  if (filter.unitId) q = q.where('i.responsibleUnitId', '=', filter.unitId);
  if (filter.deadlineBefore) q = q.where('i.deadline', '<=', filter.deadlineBefore);
  const rows = await q
    .orderBy('i.deadline')
    .orderBy('m.meetingDate')
    .orderBy('i.number')
    .limit(filter.limit ?? 500)
    .offset(filter.offset ?? 0)
    .execute();
  return withUnits(db, rows);
}

/** Every action item of the meetings: its responsible unit and state (for the meetings' counts). */
export function listItemStatesOfMeetings(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('actionItem')
    .select(['meetingId', 'responsibleUnitId', 'state'])
    .where('meetingId', 'in', meetingIds)
    .execute();
}

/** The next number (一、二、…) of a decision in the meeting's minutes. */
export async function nextActionItemNumber(trx: Executor, meetingId: string): Promise<number> {
  const last = await trx
    .selectFrom('actionItem')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return Number(last?.n ?? 0) + 1;
}

export async function insertActionItem(trx: Executor, values: Insertable<ActionItemTable>): Promise<string> {
  const row = await trx.insertInto('actionItem').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes an action item and numbers the meeting's others 1, 2, … again without gaps. */
export async function deleteActionItem(trx: Executor, meetingId: string, id: string) {
  await trx.deleteFrom('actionItem').where('id', '=', id).execute();
  const rest = await trx
    .selectFrom('actionItem')
    .select(['id', 'number'])
    .where('meetingId', '=', meetingId)
    .orderBy('number')
    .execute();
  for (const [i, r] of rest.entries())
    if (r.number !== i + 1)
      await trx
        .updateTable('actionItem')
        .set({ number: i + 1 })
        .where('id', '=', r.id)
        .execute();
}

/**
 * Moves every item of a meeting in one of `move.from` to `move.to` (a workflow step taken for the
 * whole minutes at once); returns the items moved, with their units, for the notices.
 */
export async function moveActionItemsOfMeeting(
  trx: Executor,
  meetingId: string,
  move: { from: readonly ActionItemState[]; to?: ActionItemState },
  at: Date,
) {
  if (!move.to) return [];
  const rows = await trx
    .updateTable('actionItem')
    .set({ state: move.to, updatedAt: at })
    .where('meetingId', '=', meetingId)
    .where('state', 'in', [...move.from])
    .returning(['id', 'number', 'decision', 'deadline', 'responsibleUnitId'])
    .execute();
  return rows;
}

/** The update awaiting review of each item (at most one: the item is `submitted` meanwhile). */
export async function findPendingUpdates(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0)
    return new Map<string, { id: string; submittedBy: string; claimsCompletion: boolean }>();
  const rows = await db
    .selectFrom('actionItemUpdate')
    .select(['id', 'actionItemId', 'submittedBy', 'claimsCompletion'])
    .where('actionItemId', 'in', itemIds)
    .where('state', '=', 'submitted')
    .execute();
  return new Map(rows.map(({ actionItemId, ...u }) => [actionItemId, u]));
}

/** Adds a progress update with its evidence files; returns its id. */
export async function insertUpdate(
  trx: Executor,
  values: Insertable<ActionItemUpdateTable>,
  fileIds: readonly string[],
): Promise<string> {
  const { id } = await trx
    .insertInto('actionItemUpdate')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (fileIds.length > 0)
    await trx
      .insertInto('actionItemUpdateFile')
      .values(fileIds.map((fileId) => ({ updateId: id, fileId })))
      .execute();
  return id;
}

/** Records the review of an update: accepted or returned, by whom, when, why. */
export async function writeReview(
  trx: Executor,
  updateId: string,
  review: {
    state: 'accepted' | 'returned';
    reviewedBy: string;
    reviewedAt: Date;
    reviewComment: string | null;
  },
) {
  await trx.updateTable('actionItemUpdate').set(review).where('id', '=', updateId).execute();
}

/** Progress updates of an action item, oldest first, with who wrote and reviewed them and their files. */
export async function listUpdates(db: Executor, itemId: string) {
  const updates = await db
    .selectFrom('actionItemUpdate')
    .select([
      'id',
      'narrative',
      'claimsCompletion',
      'state',
      'submittedBy',
      'submittedAt',
      'reviewedBy',
      'reviewedAt',
      'reviewComment',
    ])
    .where('actionItemId', '=', itemId)
    .orderBy('seq')
    .execute();
  const links =
    updates.length === 0
      ? []
      : await db
          .selectFrom('actionItemUpdateFile')
          .select(['updateId', 'fileId'])
          .where(
            'updateId',
            'in',
            updates.map((u) => u.id),
          )
          .execute();
  const [users, files] = await Promise.all([
    findUserRefs(
      db,
      updates.flatMap((u) => [u.submittedBy, u.reviewedBy]),
    ),
    findStoredFiles(
      db,
      links.map((l) => l.fileId),
    ),
  ]);
  return updates.map(({ submittedBy, reviewedBy, ...u }) => ({
    ...u,
    submittedByName: users.get(submittedBy)?.displayName ?? '',
    reviewedByName: reviewedBy ? (users.get(reviewedBy)?.displayName ?? null) : null,
    files: links
      .filter((l) => l.updateId === u.id)
      .flatMap((l) => files.get(l.fileId) ?? [])
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((f) => ({ id: f.id, name: f.name, sizeBytes: f.sizeBytes, mime: f.mime })),
  }));
}

/** Action items with the stored file `fileId` among the evidence of one of their updates. */
export async function listItemIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('actionItemUpdateFile as f')
    .innerJoin('actionItemUpdate as u', 'u.id', 'f.updateId')
    .select('u.actionItemId')
    .distinct()
    .where('f.fileId', '=', fileId)
    .execute();
  return rows.map((r) => r.actionItemId);
}

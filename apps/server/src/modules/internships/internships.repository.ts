import type { InternshipKind, PlacementState, PostState } from '@zhijiao/contracts';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import type {
  InternshipAttendanceTable,
  InternshipPlacementTable,
  InternshipPostTable,
} from './internships.tables.ts';

export type PostRow = Selectable<InternshipPostTable>;
export type PlacementRow = Selectable<InternshipPlacementTable>;
export type AttendanceRow = Selectable<InternshipAttendanceTable>;

/** Which posts a list may return: all, or those of some enterprises plus the published ones of a district. */
/**
 * Which posts a list may return: all, or those of the enterprises, those open in the district (to
 * a placing school), and those a placement of one of `placedFrom` (schools) is on.
 */
export type PostScope =
  | { all: true }
  | {
      all: false;
      enterpriseIds: readonly string[];
      openInDistrict: string | null;
      placedFrom: readonly string[];
    };
/** Which placements a list may return: all, or those whose school or enterprise is among the units. */
export type PlacementScope = { all: true } | { all: false; unitIds: readonly string[] };

export interface PostFilter {
  year?: number;
  state?: PostState;
  kind?: InternshipKind;
  enterpriseId?: string;
  q?: string;
}

/** Placements that hold a place on their post (a terminated one gives its place back). */
const HOLDING: PlacementState[] = ['draft', 'active', 'completed'];

export async function insertPost(trx: Executor, values: Insertable<InternshipPostTable>): Promise<string> {
  const row = await trx.insertInto('internshipPost').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findPost(db: Executor, id: string) {
  return db.selectFrom('internshipPost').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a placement of one of the schools is on the post (its readers read the post too). */
export async function isPostPlacedFrom(db: Executor, postId: string, schoolIds: readonly string[]) {
  if (schoolIds.length === 0) return false;
  const row = await db
    .selectFrom('internshipPlacement')
    .select('id')
    .where('postId', '=', postId)
    .where('schoolId', 'in', [...schoolIds])
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * The post, its row locked until the transaction ends (`SELECT … FOR UPDATE`): placements on it
 * are counted and inserted under this lock, so two schools placing at once cannot both take its
 * last place (the second waits, then counts the first's placement).
 */
export function lockPost(trx: Executor, id: string) {
  return trx.selectFrom('internshipPost').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Locks every post of the enterprise (in id order, so two such transactions never deadlock):
 * starting an internship checks the interns' share of the enterprise's staff across all its posts,
 * and two starts at once must not both pass on the same last share.
 */
export async function lockPostsOfEnterprise(trx: Executor, enterpriseId: string): Promise<void> {
  await trx
    .selectFrom('internshipPost')
    .select('id')
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

function postsQuery(db: Executor, scope: PostScope, f: PostFilter) {
  let q = db.selectFrom('internshipPost');
  if (!scope.all) {
    const { enterpriseIds, openInDistrict, placedFrom } = scope;
    q = q.where((eb) =>
      eb.or([
        ...(enterpriseIds.length > 0 ? [eb('enterpriseId', 'in', [...enterpriseIds])] : []),
        ...(openInDistrict
          ? [eb.and([eb('state', '<>', 'draft'), eb('districtId', '=', openInDistrict)])]
          : []),
        ...(placedFrom.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('internshipPlacement as pl')
                  .select('pl.id')
                  .whereRef('pl.postId', '=', 'internshipPost.id')
                  .where('pl.schoolId', 'in', [...placedFrom]),
              ),
            ]
          : []),
        eb.val(false),
      ]),
    );
  }
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  if (f.q) q = q.where('title', 'like', containsPattern(f.q));
  return q;
}

/** Posts in scope, newest year first, then by title. */
export function listPostsInScope(
  db: Executor,
  scope: PostScope,
  f: PostFilter,
  page: { limit: number; offset: number },
) {
  return postsQuery(db, scope, f)
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('title')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPostsInScope(db: Executor, scope: PostScope, f: PostFilter): Promise<number> {
  const row = await postsQuery(db, scope, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Placements holding a place on each post. */
export async function countPlacedByPost(
  db: Executor,
  postIds: readonly string[],
): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('internshipPlacement')
    .select(['postId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('postId', 'in', [...postIds])
    .where('state', 'in', HOLDING)
    .groupBy('postId')
    .execute();
  return new Map(rows.map((r) => [r.postId, Number(r.n)]));
}

export async function insertPlacement(
  trx: Executor,
  values: Insertable<InternshipPlacementTable>,
): Promise<string> {
  const row = await trx
    .insertInto('internshipPlacement')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findPlacement(db: Executor, id: string) {
  return db.selectFrom('internshipPlacement').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The placement, its row locked until the transaction ends: a step that checks the placement
 * against the rules (启动实习, 延长实习, new papers of a running one) decides on this row, and an
 * edit made meanwhile waits for it (then finds the state moved, or is seen by the check).
 */
export function lockPlacement(trx: Executor, id: string) {
  return trx
    .selectFrom('internshipPlacement')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** The placement of a student (by ID blind index) on a post, if any. */
export function findPlacementOfStudent(db: Executor, postId: string, studentIdIndex: string) {
  return db
    .selectFrom('internshipPlacement')
    .select('id')
    .where('postId', '=', postId)
    .where('studentIdIndex', '=', studentIdIndex)
    .executeTakeFirst();
}

export interface PlacementFilter {
  year?: number;
  state?: PlacementState;
  postId?: string;
  schoolId?: string;
  enterpriseId?: string;
  /** Not started (draft) and starting on or before this day. */
  startingBy?: string;
}

/** Placements in scope, soonest start first. */
export function listPlacementsInScope(
  db: Executor,
  scope: PlacementScope,
  f: PlacementFilter,
  page: { limit: number; offset: number },
) {
  let q = db.selectFrom('internshipPlacement').selectAll();
  if (!scope.all) {
    const ids = [...scope.unitIds];
    if (ids.length === 0) return Promise.resolve([] as PlacementRow[]);
    q = q.where((eb) => eb.or([eb('schoolId', 'in', ids), eb('enterpriseId', 'in', ids)]));
  }
  if (f.year !== undefined)
    q = q.where('startsOn', '<=', `${f.year}-12-31`).where('endsOn', '>=', `${f.year}-01-01`);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.postId) q = q.where('postId', '=', f.postId);
  if (f.schoolId) q = q.where('schoolId', '=', f.schoolId);
  if (f.enterpriseId) q = q.where('enterpriseId', '=', f.enterpriseId);
  if (f.startingBy) q = q.where('state', '=', 'draft').where('startsOn', '<=', f.startingBy);
  return q
    .orderBy('startsOn', 'desc')
    .orderBy('studentName')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/**
 * Other 岗位实习 interns active at the enterprise, and on the post, at some time of the period
 * (the 10 % / 20 % shares count them).
 */
export async function countOtherActiveInterns(
  db: Executor,
  p: { id: string; enterpriseId: string; postId: string; startsOn: string; endsOn: string },
): Promise<{ enterprise: number; post: number }> {
  const rows = await db
    .selectFrom('internshipPlacement as pl')
    .innerJoin('internshipPost as po', 'po.id', 'pl.postId')
    .select(['pl.postId'])
    .where('pl.enterpriseId', '=', p.enterpriseId)
    .where('pl.id', '<>', p.id)
    .where('pl.state', '=', 'active')
    .where('po.kind', '=', 'post')
    .where('pl.startsOn', '<=', p.endsOn)
    .where('pl.endsOn', '>=', p.startsOn)
    .execute();
  return { enterprise: rows.length, post: rows.filter((r) => r.postId === p.postId).length };
}

export function listPlacementEvents(db: Executor, placementId: string) {
  return db
    .selectFrom('internshipPlacementEvent')
    .select(['at', 'actorId', 'action', 'comment'])
    .where('placementId', '=', placementId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Placements with the file among their documents (the file route reads through them). */
export async function listPlacementIdsWithFile(db: Executor, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('internshipPlacement')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('agreementFileId', '=', fileId),
        eb('consentFileId', '=', fileId),
        eb('insuranceFileId', '=', fileId),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function insertAttendance(
  trx: Executor,
  values: Insertable<InternshipAttendanceTable>,
): Promise<string> {
  const row = await trx
    .insertInto('internshipAttendance')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One placement's attendance log, in time order. */
export function listAttendance(db: Executor, placementIds: readonly string[]) {
  if (placementIds.length === 0) return Promise.resolve([] as AttendanceRow[]);
  return db
    .selectFrom('internshipAttendance')
    .selectAll()
    .where('placementId', 'in', [...placementIds])
    .orderBy('startsAt')
    .orderBy('id')
    .execute();
}

/** Placements running at some time between `from` and `to` (active then, or completed since), of some units. */
export function listRunningPlacements(
  db: Executor,
  f: { from: string; to: string; unitIds: readonly string[] | null; districtIds?: readonly string[] },
) {
  let q = db
    .selectFrom('internshipPlacement')
    .select([
      'id',
      'enterpriseId',
      'schoolId',
      'studentName',
      'startsOn',
      'endsOn',
      'state',
      'insuranceStartsOn',
      'insuranceEndsOn',
    ])
    .where('state', 'in', ['active', 'completed'])
    .where('startsOn', '<=', f.to)
    .where('endsOn', '>=', f.from);
  if (f.districtIds) q = q.where(sql<boolean>`district_id = ANY(${sql.val([...f.districtIds])}::uuid[])`);
  if (f.unitIds) {
    const ids = [...f.unitIds];
    if (ids.length === 0) return Promise.resolve([]);
    // One array parameter, not one per id: a province's subtree is more ids than a statement may bind.
    q = q.where(
      sql<boolean>`(school_id = ANY(${sql.val(ids)}::uuid[]) OR enterprise_id = ANY(${sql.val(ids)}::uuid[]))`,
    );
  }
  return q.orderBy('startsOn').orderBy('id').execute();
}

/**
 * Posts published for a year (published or closed since; drafts are not offered) per enterprise:
 * how many, their places and the placements holding a place on them.
 */
export async function postsOfferedByEnterprise(
  db: Executor,
  f: { year: number; enterpriseIds: readonly string[] | null; districtIds?: readonly string[] },
) {
  let q = db
    .selectFrom('internshipPost as po')
    .leftJoin('internshipPlacement as pl', (join) =>
      join.onRef('pl.postId', '=', 'po.id').on('pl.state', 'in', HOLDING),
    )
    .select((eb) => [
      'po.enterpriseId',
      eb.fn.count<number>('po.id').distinct().as('posts'),
      eb.fn.count<number>('pl.id').as('filled'),
    ])
    .where('po.year', '=', f.year)
    .where('po.state', 'in', ['published', 'closed'])
    .groupBy('po.enterpriseId');
  if (f.enterpriseIds) {
    if (f.enterpriseIds.length === 0)
      return new Map<string, { posts: number; places: number; filled: number }>();
    q = q.where(sql<boolean>`po.enterprise_id = ANY(${sql.val([...f.enterpriseIds])}::uuid[])`);
  }
  if (f.districtIds) q = q.where(sql<boolean>`po.district_id = ANY(${sql.val([...f.districtIds])}::uuid[])`);
  const counts = await q.execute();
  let placesQ = db
    .selectFrom('internshipPost')
    .select(['enterpriseId', (eb) => eb.fn.sum<number>('places').as('places')])
    .where('year', '=', f.year)
    .where('state', 'in', ['published', 'closed'])
    .groupBy('enterpriseId');
  if (f.enterpriseIds)
    placesQ = placesQ.where(sql<boolean>`enterprise_id = ANY(${sql.val([...f.enterpriseIds])}::uuid[])`);
  if (f.districtIds)
    placesQ = placesQ.where(sql<boolean>`district_id = ANY(${sql.val([...f.districtIds])}::uuid[])`);
  const places = new Map((await placesQ.execute()).map((r) => [r.enterpriseId, Number(r.places)]));
  return new Map(
    counts.map((r) => [
      r.enterpriseId,
      { posts: Number(r.posts), places: places.get(r.enterpriseId) ?? 0, filled: Number(r.filled) },
    ]),
  );
}

import type { MajorStatus, NationalStandard } from '@zhijiao/contracts';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { inScopeSql } from './programs.repository.ts';
import type { MajorTable } from './programs.tables.ts';

/** The newest version of the major catalogue, or undefined when none is loaded. */
export async function findLatestCatalogueVersion(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('majorCatalogue')
    .select('version')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row?.version;
}

/** The entries of a catalogue version, by code. */
export function listCatalogueEntries(db: Executor, version: string) {
  return db
    .selectFrom('majorCatalogue')
    .select(['code', 'name', 'categoryCode', 'categoryName', 'verified'])
    .where('version', '=', version)
    .orderBy('code')
    .execute();
}

/**
 * Names of majors by code, from the newest catalogue version holding each code: for records that
 * carry a catalogue code without its name (a teacher's 任教专业 imported as bare codes).
 *
 * @example await catalogueNamesByCode(db, ['740601']) // Map { '740601' => '美容美体艺术' }
 */
export async function catalogueNamesByCode(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('majorCatalogue')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .orderBy('version', 'asc')
    .execute();
  // Later versions come last and overwrite: the newest name wins.
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function findCatalogueEntry(db: Executor, version: string, code: string) {
  return db
    .selectFrom('majorCatalogue')
    .select('name')
    .where('version', '=', version)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Majors of the schools the actor sees with their catalogue entry, by code and direction. */
export function listMajorsInScope(
  db: Executor,
  actor: Actor,
  q: { schoolId?: string; status?: MajorStatus },
) {
  let query = db
    .selectFrom('major as m')
    .innerJoin('majorCatalogue as c', (j) =>
      j.onRef('c.version', '=', 'm.catalogueVersion').onRef('c.code', '=', 'm.catalogueCode'),
    )
    .selectAll('m')
    .select(['c.name as catalogueName', 'c.categoryCode', 'c.categoryName', 'c.verified'])
    .where(inScopeSql(actor, 'm.school_id'));
  if (q.schoolId) query = query.where('m.schoolId', '=', q.schoolId);
  if (q.status) query = query.where('m.status', '=', q.status);
  return query.orderBy('m.catalogueCode').orderBy('m.direction').execute();
}

/** The national standards the majors apply. */
export function listMajorStandards(db: Executor, majorIds: readonly string[]) {
  if (majorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('majorStandard')
    .selectAll()
    .where('majorId', 'in', [...majorIds])
    .orderBy('standard')
    .execute();
}

/** The majors' intake and enrolment, oldest year first. */
export function listMajorEnrolment(db: Executor, majorIds: readonly string[]) {
  if (majorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('majorEnrolment')
    .selectAll()
    .where('majorId', 'in', [...majorIds])
    .orderBy('year')
    .execute();
}

/** The school's major with this catalogue entry and direction, if it already runs one. */
export function findSameMajor(
  db: Executor,
  m: { schoolId: string; catalogueVersion: string; catalogueCode: string; direction: string },
) {
  return db
    .selectFrom('major')
    .select('id')
    .where('schoolId', '=', m.schoolId)
    .where('catalogueVersion', '=', m.catalogueVersion)
    .where('catalogueCode', '=', m.catalogueCode)
    .where('direction', '=', m.direction)
    .executeTakeFirst();
}

export async function insertMajor(db: Executor, values: Insertable<MajorTable>): Promise<string> {
  return (await db.insertInto('major').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMajor(db: Executor, id: string, set: Updateable<MajorTable>): Promise<void> {
  await db.updateTable('major').set(set).where('id', '=', id).execute();
}

/** Records one year's intake and enrolment of a major, replacing what that year had. */
export async function upsertMajorEnrolment(
  db: Executor,
  majorId: string,
  e: { year: number; intake: number; enrolled: number },
): Promise<void> {
  await db
    .insertInto('majorEnrolment')
    .values({ majorId, ...e })
    .onConflict((oc) =>
      oc.columns(['majorId', 'year']).doUpdateSet({ intake: e.intake, enrolled: e.enrolled }),
    )
    .execute();
}

/** Replaces the set of standards a major applies. */
export async function replaceMajorStandards(
  db: Executor,
  majorId: string,
  standards: ReadonlyArray<{ standard: NationalStandard; adoptedOn: string; note: string }>,
): Promise<void> {
  await db.deleteFrom('majorStandard').where('majorId', '=', majorId).execute();
  if (standards.length > 0)
    await db
      .insertInto('majorStandard')
      .values(standards.map((s) => ({ majorId, ...s })))
      .execute();
}

/** The coverage thresholds recorded for any of `unitIds`, by unit. */
export async function listCoverageThresholds(
  db: Executor,
  unitIds: readonly string[],
): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('programSetting')
    .select(['districtId', 'value'])
    .where('key', '=', 'resourceCoverageThreshold')
    .where('districtId', 'in', [...unitIds])
    .execute();
  return new Map(rows.map((r) => [r.districtId, Number(r.value)]));
}

/** Records the coverage threshold N of a district. */
export async function upsertCoverageThreshold(
  db: Executor,
  s: { districtId: string; value: number; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await db
    .insertInto('programSetting')
    .values({ ...s, key: 'resourceCoverageThreshold' })
    .onConflict((oc) =>
      oc
        .columns(['districtId', 'key'])
        .doUpdateSet({ value: s.value, updatedBy: s.updatedBy, updatedAt: s.updatedAt }),
    )
    .execute();
}

/**
 * Majors (not closed) of the schools `schoolIds`, by code and direction, with how many of their
 * resources had been shared district-wide after review by `asOf`.
 */
export async function listMajorResourceCounts(db: Executor, schoolIds: readonly string[], asOf: string) {
  if (schoolIds.length === 0) return [];
  const r = await sql<{ id: string; schoolId: string; name: string; direction: string; n: number }>`
    SELECT m.id, m.school_id, c.name, m.direction,
      (SELECT count(*) FROM teaching_resource r
        WHERE r.major_id = m.id AND r.share_state = 'shared' AND r.shared_on <= ${asOf}::date)::int AS n
    FROM major m
    JOIN major_catalogue c ON c.version = m.catalogue_version AND c.code = m.catalogue_code
    WHERE m.status <> 'closed' AND m.school_id = ANY(${[...schoolIds]}::uuid[])
    ORDER BY m.catalogue_code, m.direction`.execute(db);
  return r.rows.map((row) => ({ ...row, n: Number(row.n) }));
}

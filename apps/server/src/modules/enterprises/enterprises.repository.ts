import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/search/search-sources.ts';
import type {
  EnterpriseContactTable,
  EnterpriseImportTable,
  EnterpriseTable,
  EnterpriseYearTable,
} from './enterprises.tables.ts';

/** Which enterprises a query may return: every one, those of some districts, or these ids. */
export type RegisterScope = { all: true } | { districtIds: readonly string[] } | { ids: readonly string[] };

/** The scope as a condition on the enterprise table aliased `e`. */
function inScope(scope: RegisterScope) {
  if ('all' in scope) return sql<boolean>`true`;
  const [column, values] =
    'ids' in scope ? [sql.ref('e.orgUnitId'), scope.ids] : [sql.ref('e.districtId'), scope.districtIds];
  if (values.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${column} = ANY(${sql.val([...values])}::uuid[])`;
}

export function findEnterprise(db: Executor, id: string) {
  return db.selectFrom('enterprise').selectAll().where('orgUnitId', '=', id).executeTakeFirst();
}

export function findEnterpriseByUscc(db: Executor, uscc: string) {
  return db.selectFrom('enterprise').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

/** Registered enterprises with any of these codes, for matching import rows. */
export function listEnterprisesByUscc(db: Executor, usccs: readonly string[]) {
  if (usccs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterprise')
    .selectAll()
    .where(sql<boolean>`uscc = ANY(${[...usccs]}::text[])`)
    .execute();
}

/** Which of these org units are registered. */
export async function registeredIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('enterprise')
    .select('orgUnitId')
    .where(sql<boolean>`org_unit_id = ANY(${[...ids]}::uuid[])`)
    .execute();
  return new Set(rows.map((r) => r.orgUnitId));
}

export async function insertEnterprise(trx: Executor, row: Insertable<EnterpriseTable>) {
  await trx.insertInto('enterprise').values(row).execute();
}

/**
 * Rows a bulk write of the register sends a statement at most: one array parameter a column (`unnest`),
 * so a statement has a dozen parameters whatever its rows, and PostgreSQL plans no long VALUES list.
 */
const ROWS_PER_INSERT = 10_000;

/** Adds register entries in bulk (`INSERT … SELECT FROM unnest(…)`, a few statements for 50,000). */
export async function insertEnterprises(trx: Executor, rows: ReadonlyArray<Insertable<EnterpriseTable>>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT);
    const col = <T>(pick: (r: Insertable<EnterpriseTable>) => T) => part.map(pick);
    await sql`
      INSERT INTO enterprise (org_unit_id, district_id, uscc, legal_name, industry_section, industry_division,
        address, status, created_by, created_at, updated_at)
      SELECT * FROM unnest(${col((r) => r.orgUnitId)}::uuid[], ${col((r) => r.districtId)}::uuid[],
        ${col((r) => r.uscc)}::text[], ${col((r) => r.legalName)}::text[], ${col((r) => r.industrySection)}::text[],
        ${col((r) => r.industryDivision)}::text[], ${col((r) => r.address ?? '')}::text[], ${col((r) => r.status)}::text[],
        ${col((r) => r.createdBy ?? null)}::uuid[], ${col((r) => new Date(r.createdAt).toISOString())}::timestamptz[],
        ${col((r) => new Date(r.updatedAt).toISOString())}::timestamptz[])
    `.execute(trx);
  }
}

export async function updateEnterprise(trx: Executor, id: string, set: Updateable<EnterpriseTable>) {
  await trx.updateTable('enterprise').set(set).where('orgUnitId', '=', id).execute();
}

/** What the register list is filtered by. */
export interface EnterpriseFilter {
  scope: RegisterScope;
  year: number;
  aboveScale?: boolean;
  section?: string;
  status?: string;
  q?: string;
}

function filtered(db: Executor, f: EnterpriseFilter) {
  let q = db
    .selectFrom('enterprise as e')
    .leftJoin('enterpriseYear as y', (join) =>
      join.onRef('y.enterpriseId', '=', 'e.orgUnitId').on('y.year', '=', f.year),
    )
    .select([
      'e.orgUnitId',
      'e.districtId',
      'e.uscc',
      'e.legalName',
      'e.industrySection',
      'e.industryDivision',
      'e.status',
      'y.year',
      'y.staff',
      'y.aboveScale',
      'y.aboveScaleSource',
    ])
    .where(inScope(f.scope));
  if (f.aboveScale !== undefined)
    q = f.aboveScale
      ? q.where('y.aboveScale', '=', true)
      : q.where((eb) => eb.or([eb('y.aboveScale', '=', false), eb('y.aboveScale', 'is', null)]));
  if (f.section) q = q.where('e.industrySection', '=', f.section);
  if (f.status) q = q.where('e.status', '=', f.status as EnterpriseTable['status']);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('e.legalName', 'like', pattern), eb('e.uscc', 'like', containsPattern(f.q!.toUpperCase()))]),
    );
  }
  return q;
}

/** One page of the register, by registered name and id, with the number of all matching. */
export async function listEnterpriseRows(
  db: Executor,
  f: EnterpriseFilter,
  page: { limit: number; offset: number },
) {
  const q = filtered(db, f);
  const [rows, total] = await Promise.all([
    q.orderBy('e.legalName').orderBy('e.orgUnitId').limit(page.limit).offset(page.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type EnterpriseListRow = Awaited<ReturnType<typeof listEnterpriseRows>>['rows'][number];

/**
 * The latest year not after `notAfter` whose 规上 status is on file for an enterprise in scope —
 * the year of the last 规上 list, not a year where one enterprise has already given its staff
 * count — else the latest year with any row; null when there is none.
 */
export async function latestYearOnFile(db: Executor, scope: RegisterScope, notAfter: number) {
  const latest = async (judged: boolean) => {
    let q = db
      .selectFrom('enterpriseYear as y')
      .innerJoin('enterprise as e', 'e.orgUnitId', 'y.enterpriseId')
      .select((eb) => eb.fn.max('y.year').as('year'))
      .where('y.year', '<=', notAfter)
      .where(inScope(scope));
    if (judged) q = q.where('y.aboveScale', 'is not', null);
    const row = await q.executeTakeFirst();
    return row?.year === null || row?.year === undefined ? null : Number(row.year);
  };
  return (await latest(true)) ?? (await latest(false));
}

export function listYears(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterpriseYear')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('year', 'desc')
    .execute();
}

export function findYear(db: Executor, enterpriseId: string, year: number) {
  return db
    .selectFrom('enterpriseYear')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The year rows of these enterprises in `year`. */
export function listYearsOf(db: Executor, enterpriseIds: readonly string[], year: number) {
  if (enterpriseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterpriseYear')
    .selectAll()
    .where('enterpriseId', 'in', [...enterpriseIds])
    .where('year', '=', year)
    .execute();
}

/** The year rows of these enterprises in these years (one query, the ids as an array parameter). */
export function listYearsIn(db: Executor, enterpriseIds: readonly string[], years: readonly number[]) {
  if (enterpriseIds.length === 0 || years.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enterpriseYear')
    .selectAll()
    .where(sql<boolean>`enterprise_id = ANY(${[...enterpriseIds]}::uuid[])`)
    .where(sql<boolean>`year = ANY(${[...years]}::int[])`)
    .execute();
}

/** Writes year rows (insert, or replace the row of that enterprise and year) in bulk upserts from `unnest`. */
export async function upsertYears(trx: Executor, rows: ReadonlyArray<Insertable<EnterpriseYearTable>>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT);
    const col = <T>(pick: (r: Insertable<EnterpriseYearTable>) => T) => part.map(pick);
    await sql`
      INSERT INTO enterprise_year (enterprise_id, year, staff, revenue_wan, listed_above_scale, above_scale,
        above_scale_source, threshold_version, updated_by, updated_at)
      SELECT * FROM unnest(${col((r) => r.enterpriseId)}::uuid[], ${col((r) => r.year)}::int[],
        ${col((r) => r.staff ?? null)}::int[], ${col((r) => ((r.revenueWan ?? null) === null ? null : String(r.revenueWan)))}::numeric[],
        ${col((r) => r.listedAboveScale ?? null)}::boolean[], ${col((r) => r.aboveScale ?? null)}::boolean[],
        ${col((r) => r.aboveScaleSource ?? null)}::text[], ${col((r) => r.thresholdVersion ?? null)}::text[],
        ${col((r) => r.updatedBy ?? null)}::uuid[], ${col((r) => new Date(r.updatedAt).toISOString())}::timestamptz[])
      ON CONFLICT (enterprise_id, year) DO UPDATE SET
        staff = excluded.staff, revenue_wan = excluded.revenue_wan,
        listed_above_scale = excluded.listed_above_scale, above_scale = excluded.above_scale,
        above_scale_source = excluded.above_scale_source, threshold_version = excluded.threshold_version,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at
    `.execute(trx);
  }
}

/** Writes a year row (insert, or replace the row of that enterprise and year). */
export async function upsertYear(trx: Executor, row: Insertable<EnterpriseYearTable>) {
  const { enterpriseId: _e, year: _y, ...set } = row;
  await trx
    .insertInto('enterpriseYear')
    .values(row)
    .onConflict((oc) => oc.columns(['enterpriseId', 'year']).doUpdateSet(set))
    .execute();
}

/**
 * The 规上 enterprises of `year` with their staff count, optionally of one district, by id (for
 * the internship module's 2 % duty through index.ts).
 */
export function listAboveScaleRows(db: Executor, year: number, districtId?: string) {
  let q = db
    .selectFrom('enterpriseYear as y')
    .innerJoin('enterprise as e', 'e.orgUnitId', 'y.enterpriseId')
    .select(['y.enterpriseId', 'e.districtId', 'y.staff', 'y.aboveScaleSource'])
    .where('y.year', '=', year)
    .where('y.aboveScale', '=', true);
  if (districtId) q = q.where('e.districtId', '=', districtId);
  return q.orderBy('y.enterpriseId').execute();
}

export function listContacts(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('enterpriseContact')
    .select(['id', 'name', 'title', 'phoneMasked', 'position'])
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('position')
    .execute();
}

/** A contact's encrypted phone, when the contact belongs to the enterprise. */
export function findContactSecret(db: Executor, enterpriseId: string, contactId: string) {
  return db
    .selectFrom('enterpriseContact')
    .select(['id', 'phoneCipher'])
    .where('enterpriseId', '=', enterpriseId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function deleteContactsExcept(trx: Executor, enterpriseId: string, keep: readonly string[]) {
  let q = trx.deleteFrom('enterpriseContact').where('enterpriseId', '=', enterpriseId);
  if (keep.length > 0) q = q.where('id', 'not in', [...keep]);
  await q.execute();
}

export async function insertContact(trx: Executor, row: Insertable<EnterpriseContactTable>) {
  await trx.insertInto('enterpriseContact').values(row).execute();
}

export async function updateContact(
  trx: Executor,
  enterpriseId: string,
  id: string,
  set: Updateable<EnterpriseContactTable>,
) {
  await trx
    .updateTable('enterpriseContact')
    .set(set)
    .where('enterpriseId', '=', enterpriseId)
    .where('id', '=', id)
    .execute();
}

/** The unit's earlier import of a file with this content hash, if any. */
export function findImportByHash(db: Executor, orgUnitId: string, contentHash: string) {
  return db
    .selectFrom('enterpriseImport')
    .selectAll()
    .where('orgUnitId', '=', orgUnitId)
    .where('contentHash', '=', contentHash)
    .executeTakeFirst();
}

export async function insertImport(trx: Executor, row: Insertable<EnterpriseImportTable>): Promise<string> {
  return (await trx.insertInto('enterpriseImport').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Whether a district's register holds any enterprise (the demo loads once). */
export async function anyEnterpriseIn(db: Executor, districtId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enterprise')
    .select('orgUnitId')
    .where('districtId', '=', districtId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

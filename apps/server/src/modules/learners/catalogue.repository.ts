import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { OutcomeCatalogue } from './recognition.rules.ts';
import type { OutcomeCatalogueEntryTable } from './credit-bank.tables.ts';

/*
 * The learning-outcome catalogue's SQL (学习成果名录): versions per district and year, never changed.
 */

/** The catalogue versions of a district (optionally one year), newest year and version first. */
export function listCatalogueVersions(db: Executor, districtId: string, year?: number) {
  let q = db
    .selectFrom('outcomeCatalogue')
    .select(['id', 'districtId', 'year', 'version', 'note', 'createdBy', 'createdAt'])
    .where('districtId', '=', districtId);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('version', 'desc').execute();
}

/** One catalogue version, or undefined. */
export function findCatalogue(db: Executor, id: string) {
  return db
    .selectFrom('outcomeCatalogue')
    .select(['id', 'districtId', 'year', 'version', 'note', 'createdBy', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The lines of catalogue versions, by catalogue id, in their order. */
export async function listCatalogueEntries(db: Executor, catalogueIds: readonly string[]) {
  const out = new Map<string, Array<Omit<OutcomeCatalogueEntryTable, 'catalogueId' | 'position'>>>();
  if (catalogueIds.length === 0) return out;
  const rows = await db
    .selectFrom('outcomeCatalogueEntry')
    .selectAll()
    .where('catalogueId', 'in', [...catalogueIds])
    .orderBy('catalogueId')
    .orderBy('position')
    .execute();
  for (const { catalogueId, position: _p, ...e } of rows) {
    if (!out.has(catalogueId)) out.set(catalogueId, []);
    out.get(catalogueId)!.push(e);
  }
  return out;
}

/**
 * The catalogue of a district for a year in force (its highest version) with its lines, as
 * recognition.rules.ts reads it, and its id; or null.
 */
export async function findCatalogueInForce(db: Executor, districtId: string, year: number) {
  const head = await db
    .selectFrom('outcomeCatalogue')
    .select(['id', 'districtId', 'year', 'version'])
    .where('districtId', '=', districtId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!head) return null;
  const entries = (await listCatalogueEntries(db, [head.id])).get(head.id) ?? [];
  const catalogue: OutcomeCatalogue = { districtId, year, version: head.version, entries };
  return { id: head.id, catalogue };
}

/** The highest version of a district's catalogue for a year, locked against a concurrent new version (0: none). */
export async function lockLatestVersion(db: Executor, districtId: string, year: number) {
  const row = await db
    .selectFrom('outcomeCatalogue')
    .select('version')
    .where('districtId', '=', districtId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  return row?.version ?? 0;
}

/** Inserts a catalogue version and its lines; answers its id. */
export async function insertCatalogue(
  db: Executor,
  head: {
    districtId: string;
    year: number;
    version: number;
    note: string;
    createdBy: string | null;
    createdAt: Date;
  },
  entries: ReadonlyArray<Omit<Insertable<OutcomeCatalogueEntryTable>, 'catalogueId' | 'position'>>,
) {
  const { id } = await db
    .insertInto('outcomeCatalogue')
    .values(head)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (entries.length > 0)
    await db
      .insertInto('outcomeCatalogueEntry')
      .values(entries.map((e, position) => ({ ...e, catalogueId: id, position })))
      .execute();
  return id;
}

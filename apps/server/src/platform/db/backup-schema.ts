import { sql, type Kysely, type Transaction } from 'kysely';
import { loadReferenceTables } from './migrations-folder.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
export type AnyKysely = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
export type AnyTransaction = Transaction<any>;

/** What a backup needs to know of one table, read from the catalogue rather than declared. */
export interface TableInfo {
  name: string;
  /** The columns a restore writes, in table order (stored generated columns are left out). */
  columns: string[];
  /** Whether a column is an identity column: its values are written with OVERRIDING SYSTEM VALUE. */
  identity: boolean;
  /** The primary key's columns: rows are written in this order (all columns when there is none). */
  primaryKey: string[];
  /** A single-column foreign key to the table itself (org units' parent): parents are written first. */
  parent: { column: string; references: string } | null;
  /** Sequences owned by a column (identity or serial), to continue after the restored rows. */
  sequences: Array<{ column: string; sequence: string }>;
}

/** The migrator's own bookkeeping: never backed up, never restored. */
const MIGRATOR_TABLES = `kysely_migration%`;

/**
 * Every application table of the `public` schema, each after the tables it references, so that
 * rows restored in this order never meet a missing parent row.
 */
export async function readSchema(db: AnyKysely): Promise<TableInfo[]> {
  const columns = (
    await sql<{ table: string; column: string; identity: string; generated: string }>`
      SELECT c.relname AS table, a.attname AS column, a.attidentity AS identity, a.attgenerated AS generated
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE ${MIGRATOR_TABLES}
      ORDER BY c.relname, a.attnum`.execute(db)
  ).rows;
  const keys = (
    await sql<{ table: string; column: string }>`
      SELECT c.relname AS table, a.attname AS column
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisprimary AND n.nspname = 'public'
      ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db)
  ).rows;
  const foreignKeys = (
    await sql<{ child: string; parent: string; column: string | null; references: string | null }>`
      SELECT cl.relname AS child, pl.relname AS parent,
        CASE WHEN cardinality(k.conkey) = 1 THEN (SELECT attname FROM pg_attribute
          WHERE attrelid = k.conrelid AND attnum = k.conkey[1]) END AS column,
        CASE WHEN cardinality(k.confkey) = 1 THEN (SELECT attname FROM pg_attribute
          WHERE attrelid = k.confrelid AND attnum = k.confkey[1]) END AS references
      FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pl ON pl.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`.execute(db)
  ).rows;
  const sequences = (
    await sql<{ table: string; column: string; sequence: string }>`
      SELECT c.relname AS table, a.attname AS column, s.oid::regclass::text AS sequence
      FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND d.deptype IN ('a', 'i') AND n.nspname = 'public'
      ORDER BY c.relname, a.attname`.execute(db)
  ).rows;

  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const t =
      tables.get(c.table) ??
      tables
        .set(c.table, {
          name: c.table,
          columns: [],
          identity: false,
          primaryKey: [],
          parent: null,
          sequences: [],
        })
        .get(c.table)!;
    if (c.generated === '') t.columns.push(c.column);
    if (c.identity !== '') t.identity = true;
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  for (const s of sequences) tables.get(s.table)?.sequences.push({ column: s.column, sequence: s.sequence });
  for (const fk of foreignKeys.filter((f) => f.child === f.parent)) {
    const t = tables.get(fk.child);
    if (!t) continue;
    if (!fk.column || !fk.references || t.parent)
      throw new Error(`Table ${t.name} refers to itself in a way a backup cannot order`);
    t.parent = { column: fk.column, references: fk.references };
  }

  const ordered: TableInfo[] = [];
  const remaining = new Set(tables.keys());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) =>
      foreignKeys.every((d) => d.child !== t || d.parent === t || !remaining.has(d.parent)),
    );
    if (ready.length === 0) throw new Error('Cyclic foreign keys between tables');
    for (const t of ready.sort()) {
      ordered.push(tables.get(t)!);
      remaining.delete(t);
    }
  }
  return ordered;
}

/** The migrations applied to a database, in order; none when it was never migrated. */
export async function appliedMigrations(db: AnyKysely): Promise<string[]> {
  const { rows } = await sql<{
    exists: boolean;
  }>`SELECT to_regclass('public.kysely_migration') IS NOT NULL AS exists`.execute(db);
  if (!rows[0]?.exists) return [];
  return (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
    (r) => r.name,
  );
}

/**
 * The application tables that hold rows, the migrations' reference data (`referenceTables`) left
 * out: none in a new database, migrated or not. Anything else was written by the server, under its
 * field key (ciphers, blind indexes, keyed row hashes, TOTP secrets, the audit log its checkpoints
 * sign), so a database with rows here is one a new key must never be made for.
 */
export async function tablesHoldingData(db: AnyKysely): Promise<string[]> {
  const reference = await loadReferenceTables();
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE ${MIGRATOR_TABLES}
    ORDER BY c.relname`.execute(db);
  return tablesWithRows(
    db,
    rows.map((r) => r.name).filter((t) => !reference.includes(t)),
  );
}

/** The tables among `tables` that hold at least one row, in one query. */
export async function tablesWithRows(db: AnyKysely, tables: readonly string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const probes = tables.map(
    (t) => sql`SELECT ${t}::text AS name WHERE EXISTS (SELECT 1 FROM ${sql.table(t)})`,
  );
  return (await sql<{ name: string }>`${sql.join(probes, sql` UNION ALL `)}`.execute(db)).rows.map(
    (r) => r.name,
  );
}

/**
 * The query that reads a table's rows as JSON text in a fixed order: by primary key, or — for a
 * table that refers to itself — parents before children (by depth, then key), so a restore
 * inserting them in this order never meets a missing parent. Rows in a reference cycle are reached
 * from no root and left out: the backup counts the table to catch that.
 */
export function rowsQuery(table: TableInfo) {
  const key = table.primaryKey.length
    ? sql.join(table.primaryKey.map((c) => sql.ref(`x.${c}`)))
    : sql`x::text`;
  if (!table.parent)
    return sql`SELECT to_jsonb(x)::text AS row FROM ${sql.table(table.name)} x ORDER BY ${key}`;
  const { column, references } = table.parent;
  const t = sql.table(table.name);
  return sql`WITH RECURSIVE tree AS (
      SELECT y.${sql.ref(references)} AS node, 0 AS depth FROM ${t} y WHERE y.${sql.ref(column)} IS NULL
        OR y.${sql.ref(column)} = y.${sql.ref(references)}
      UNION ALL
      SELECT y.${sql.ref(references)}, tree.depth + 1 FROM ${t} y JOIN tree ON y.${sql.ref(column)} = tree.node
        AND y.${sql.ref(column)} <> y.${sql.ref(references)}
    )
    SELECT to_jsonb(x)::text AS row FROM ${t} x JOIN tree ON tree.node = x.${sql.ref(references)}
    ORDER BY tree.depth, ${key}`;
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { testDatabaseUrl } from './test-database-url.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The embedded data directory (PGlite) or '' (PostgreSQL). */
  dataDir: string;
  /** Connection string of the test database (PostgreSQL) or null (PGlite). */
  url: string | null;
}

/**
 * A fresh, migrated database for one test file: on PostgreSQL a clone of the migrated template;
 * on PGlite the worker's shared embedded database emptied back to its migrated state (test files
 * of one worker run one after another, and starting PGlite costs about a second), or, with
 * `own: true`, a private copy of the template's data directory (for a test that needs the data
 * directory itself or two databases at once).
 */
export async function createTestDatabase(opts: { own?: boolean } = {}): Promise<TestDatabase> {
  const { kind, template, adminUrl, runId } = inject('testDb');
  if (kind === 'postgresql') return clonePostgres(template, adminUrl, runId);
  if (opts.own) return copyEmbedded(template);
  shared ??= openShared(template);
  const { database, tables } = await shared;
  await emptyTables(database, tables);
  return { ...database, close: async () => {} };
}

/**
 * A database never migrated, as an operator creates one for a restore (`createdb`, or a new
 * ZHIJIAO_DATA_DIR): on PostgreSQL a new database, on PGlite a new data directory.
 */
export async function createEmptyDatabase(kind = inject('testDb').kind): Promise<TestDatabase> {
  if (kind === 'pglite') return openEmbedded(runDirectory());
  const { adminUrl, runId } = inject('testDb');
  // template0: nobody connects to it, so CREATE DATABASE never finds it busy.
  return clonePostgres('template0', adminUrl, runId);
}

/**
 * A database holding what `fill` writes, made once per run and copied for each caller: `fill` runs
 * on the first call of the run (in whichever worker asks first; the others wait for it) on a fresh
 * migrated database, with `dir`, a directory kept beside the snapshot for what belongs with it (the
 * files a demo uploaded, the key it encrypted with); every call answers a copy of the result (a
 * clone of the snapshot database on PostgreSQL, a copy of its data directory on PGlite) and `dir`,
 * which callers read and never change. For suites that read a large fixture such as the demo
 * district, which takes a minute to load.
 */
export async function createSnapshotDatabase(
  name: string,
  fill: (database: TestDatabase, dir: string) => Promise<void>,
): Promise<{ database: TestDatabase; dir: string }> {
  const { kind, template, adminUrl, runId } = inject('testDb');
  const parent = kind === 'pglite' ? path.dirname(template) : os.tmpdir();
  const dir = path.join(parent, `zj-snapshot-${runId}-${name}`);
  const done = path.join(dir, 'done');
  const lock = `${dir}.lock`;
  const pgName = `zj_t_${runId}_snap_${name.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
  for (let waited = 0; !fs.existsSync(done);) {
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another worker is making it: wait (the suite's beforeAll budget bounds the wait).
      await new Promise((resolve) => setTimeout(resolve, 500));
      if ((waited += 500) > 900_000) throw new Error(`snapshot ${name}: still locked (${lock})`);
      continue;
    }
    try {
      if (!fs.existsSync(done)) await makeSnapshot();
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  const database =
    kind === 'postgresql'
      ? await clonePostgres(pgName, adminUrl, runId)
      : await copyEmbedded(path.join(dir, 'pgdata'));
  return { database, dir };

  async function makeSnapshot() {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (kind === 'postgresql') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${pgName} TEMPLATE ${template}`);
      const handle = await openDatabase({
        databaseUrl: testDatabaseUrl(adminUrl, pgName),
        dataDir: '',
      });
      try {
        await fill({ ...handle, dataDir: '', url: null, close: async () => {} }, dir);
      } finally {
        await handle.close();
      }
      // Cloning refuses a template with a connection still closing (pg's pool ends before its sockets).
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [pgName],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.end();
    } else {
      fs.cpSync(template, path.join(dir, 'pgdata'), { recursive: true });
      const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
      try {
        await fill({ ...handle, dataDir: dir, url: null, close: async () => {} }, dir);
      } finally {
        await handle.close();
      }
    }
    fs.writeFileSync(done, '');
  }
}

let shared: Promise<{ database: TestDatabase; tables: string[] }> | null = null;

/** The worker's embedded database and the tables a test may fill (not the migrations' reference data). */
async function openShared(template: string) {
  const database = await copyEmbedded(template);
  const { rows } = await sql<{ name: string; filled: boolean }>`
    SELECT quote_ident(tablename) AS name,
           (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) > 0 AS c FROM %I', tablename), false, true, '')))[1]::text::boolean AS filled
    FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_migration%'`.execute(
    database.db,
  );
  return { database, tables: rows.filter((r) => !r.filled).map((r) => r.name) };
}

async function clonePostgres(template: string, adminUrl: string, runId: string): Promise<TestDatabase> {
  const name = `zj_t_${runId}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (e) {
      // 55006 object_in_use: a connection to the template (a snapshot just made) is still closing.
      if ((e as { code?: string }).code !== '55006' || attempt >= 50) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.end();
  const url = testDatabaseUrl(adminUrl, name);
  const handle = await openDatabase({ databaseUrl: url, dataDir: '' });
  return {
    ...handle,
    dataDir: '',
    url,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await dropWhenClosed(c, name);
      await c.end();
    },
  };
}

/**
 * Drops a test database once its connections are gone. pg's pool resolves `end()` before its
 * sockets have closed, and `DROP … WITH (FORCE)` under a closing connection makes that connection
 * fail with an unhandled 57P01: wait (up to about 5 s) for the plain DROP, then force it.
 */
async function dropWhenClosed(c: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (e) {
      // 55006 object_in_use: a connection is still closing.
      if ((e as { code?: string }).code !== '55006') throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * A new directory for an embedded database, inside the run's directory (beside the template), so
 * the global teardown removes it with the run, the worker's shared database included (a worker
 * never closes that one).
 */
function runDirectory(): string {
  const { kind, template } = inject('testDb');
  // On PostgreSQL the template is a database name: an embedded database (a move between the two)
  // goes to the system's temporary directory and is removed when it closes.
  const parent = kind === 'pglite' ? path.dirname(template) : os.tmpdir();
  return fs.mkdtempSync(path.join(parent, kind === 'pglite' ? 'db-' : 'zj-test-'));
}

async function copyEmbedded(template: string): Promise<TestDatabase> {
  const dir = runDirectory();
  fs.cpSync(template, path.join(dir, 'pgdata'), { recursive: true });
  return openEmbedded(dir);
}

async function openEmbedded(dir: string): Promise<TestDatabase> {
  const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
  const close = async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { ...handle, dataDir: dir, url: null, close };
}

/**
 * Every table a test may fill back to its migrated state: emptied, identities restarted (the
 * reference data that migrations load, such as the major catalogue, stays). Triggers are off for
 * the statement: the audit log refuses TRUNCATE, as it should everywhere but here.
 */
async function emptyTables(database: TestDatabase, tables: string[]): Promise<void> {
  // Only the tables that hold rows (a test file fills a few of them): TRUNCATE costs per table.
  const probe = tables.map(
    (t) => `SELECT '${t.replace(/'/g, "''")}' AS name WHERE EXISTS (SELECT 1 FROM ${t})`,
  );
  const filled = (await sql.raw<{ name: string }>(probe.join(' UNION ALL ')).execute(database.db)).rows;
  if (filled.length === 0) return;
  await database.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    // CASCADE reaches the (empty) tables that reference these; the reference data references none.
    await sql.raw(`TRUNCATE ${filled.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`).execute(trx);
  });
}

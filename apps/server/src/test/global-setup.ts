import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { dropStaleTestDatabases, removeStaleTempDirs } from './stale-leftovers.ts';
import { testDatabaseUrl } from './test-database-url.ts';

export const PG_ADMIN_URL =
  process.env.ZHIJIAO_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Migrates once per run, then every test file starts from a copy: on PostgreSQL a database
 * cloned from a migrated template (`CREATE DATABASE … TEMPLATE`), on PGlite a copy of a migrated
 * data directory. Suites reading the demo district share one load of it the same way
 * (`createSnapshotDatabase` in test-db.ts). Which one: ZHIJIAO_TEST_DB=postgresql|pglite (default pglite, so `npm test`
 * needs no database server).
 */
export default async function setup(project: TestProject) {
  const kind = process.env.ZHIJIAO_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';
  // What killed runs left (their teardown below never ran): only hours old, never a live run's.
  removeStaleTempDirs();
  if (kind === 'postgresql') {
    // Names carry this run's id so that runs side by side (CI, developers) never touch each other's databases.
    const runId = `${process.pid}_${Date.now().toString(36)}`;
    const template = `zhijiao_test_template_${runId}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await dropStaleTestDatabases(admin);
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = testDatabaseUrl(PG_ADMIN_URL, template);
    const handle = await openDatabase({ databaseUrl: url, dataDir: '' });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('testDb', { kind, template, adminUrl: PG_ADMIN_URL, runId });
    return async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      const leftovers = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`zj_t_${runId}_%`],
      );
      for (const row of leftovers.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.end();
      // The snapshots' directories (test-db.ts createSnapshotDatabase: uploaded files, keys).
      for (const entry of fs.readdirSync(os.tmpdir()))
        if (entry.startsWith(`zj-snapshot-${runId}-`))
          fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-template-'));
  const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('testDb', { kind, template: path.join(dir, 'pgdata'), adminUrl: '', runId: '' });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite' | 'postgresql'; template: string; adminUrl: string; runId: string };
  }
}

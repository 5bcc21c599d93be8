import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The embedded data directory (PGlite) or '' (PostgreSQL). */
  dataDir: string;
  /** Connection string of the test database (PostgreSQL) or null (PGlite). */
  url: string | null;
}

/** A fresh, migrated database for one test file: a template clone or a data-directory copy. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { kind, template, adminUrl, runId } = inject('testDb');
  if (kind === 'postgresql') {
    const name = `zj_t_${runId}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    const handle = await openDatabase({ databaseUrl: url, dataDir: '' });
    return {
      ...handle,
      dataDir: '',
      url,
      async close() {
        await handle.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-test-'));
  fs.cpSync(template, path.join(dir, 'pgdata'), { recursive: true });
  const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
  return {
    ...handle,
    dataDir: dir,
    url: null,
    async close() {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { createFixedClock } from '../clock/clock.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { describeConnection, isRuntimeRoleName, runtimeRoleSql } from './runtime-role.ts';

describe('runtime role SQL', () => {
  it('accepts plain role names only, so the name can be written into SQL', () => {
    expect(isRuntimeRoleName('zhijiao_app')).toBe(true);
    for (const bad of ['', 'Zhijiao', 'app; DROP TABLE audit_log', '1app', 'a'.repeat(64)])
      expect(isRuntimeRoleName(bad), bad).toBe(false);
    expect(() => runtimeRoleSql('x"y', 'zhijiao')).toThrow(/Invalid role name/);
  });
});

/**
 * The role `zhijiao migrate --runtime-role` creates, on PostgreSQL (PGlite has a single user):
 * it runs the app but cannot switch the audit log's trigger off or change audit rows.
 */
describe.skipIf(inject('testDb').kind !== 'postgresql')('the runtime role on PostgreSQL', () => {
  const role = `zj_rt_${randomBytes(4).toString('hex')}`;
  let owner: TestDatabase;
  let runtime: DatabaseHandle;
  beforeAll(async () => {
    owner = await createTestDatabase();
    const { database, ownsAuditLog } = await describeConnection(owner.db);
    expect(ownsAuditLog).toBe(true);
    // A database made before PostgreSQL 15 (or upgraded from one) lets every role create in public.
    await sql`GRANT CREATE ON SCHEMA public TO PUBLIC`.execute(owner.db);
    await sql.raw(runtimeRoleSql(role, database)).execute(owner.db);
    // Running it again (after a later migration) is harmless.
    await sql.raw(runtimeRoleSql(role, database)).execute(owner.db);
    await sql.raw(`ALTER ROLE ${role} PASSWORD 'runtime-pass'`).execute(owner.db);
    const url = new URL(owner.url!);
    url.username = role;
    url.password = 'runtime-pass';
    runtime = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  });
  afterAll(async () => {
    await runtime?.close();
    if (owner) {
      await sql.raw(`DROP OWNED BY ${role}`).execute(owner.db);
      await owner.close();
      const admin = await openDatabase({ databaseUrl: inject('testDb').adminUrl, dataDir: '' });
      await sql.raw(`DROP ROLE IF EXISTS ${role}`).execute(admin.db);
      await admin.close();
    }
  });

  const failsWith = (code: string) => expect.objectContaining({ code });

  it('starts the app (migrations up to date), reads and writes tables and appends audit rows', async () => {
    expect(await describeConnection(runtime.db)).toMatchObject({ ownsAuditLog: false });
    expect(await migrateToLatest(runtime.db)).toEqual([]);
    const audit = createAuditLog(createFixedClock('2026-12-06T08:00:00Z'));
    await runtime.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO org_unit (code, name, full_name, type) VALUES ('RT', '运行角色', '运行角色测试单位', 'bureau')`.execute(
        trx,
      );
      // A table whose id comes from a sequence.
      await sql`INSERT INTO enrollment_lookup_failure (exam_key, at) VALUES ('k', now())`.execute(trx);
      await audit.record(
        trx,
        { id: null, name: 'runtime', orgUnitId: null, ip: null },
        { action: 'test.runtime' },
      );
    });
    await runtime.db.updateTable('orgUnit').set({ name: '运行角色二' }).where('code', '=', 'RT').execute();
    expect(await verifyAuditChain(runtime.db)).toMatchObject({ ok: true, rows: 1 });
  });

  it('cannot disable or drop the append-only trigger, nor update, delete or truncate audit rows', async () => {
    for (const statement of [
      'ALTER TABLE audit_log DISABLE TRIGGER USER',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      'DROP TRIGGER audit_log_no_update ON audit_log',
      'DROP FUNCTION audit_log_append_only() CASCADE',
      "UPDATE audit_log SET action = 'x'",
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
    ])
      await expect(sql.raw(statement).execute(runtime.db), statement).rejects.toEqual(failsWith('42501'));
    expect(await verifyAuditChain(runtime.db)).toMatchObject({ ok: true, rows: 1 });
  });

  it('creates nothing in the schema, even where PUBLIC may, and only reads the migrations’ records', async () => {
    for (const statement of [
      'CREATE TABLE runtime_made (id int)',
      'CREATE TABLE public.runtime_made (id int)',
      'CREATE FUNCTION runtime_made() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
      'CREATE VIEW runtime_made AS SELECT 1 AS one',
      "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-forged', now()::text)",
      "UPDATE kysely_migration SET name = 'renamed'",
      'DELETE FROM kysely_migration',
      'TRUNCATE kysely_migration',
      'UPDATE kysely_migration_lock SET is_locked = 1',
      'DELETE FROM kysely_migration_lock',
    ])
      await expect(sql.raw(statement).execute(runtime.db), statement).rejects.toEqual(failsWith('42501'));
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(
      runtime.db,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await migrateToLatest(runtime.db)).toEqual([]);
  });
});

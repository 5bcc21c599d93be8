import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDemoTestContext, createUser, login, type TestContext } from '../../test/test-context.ts';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

type Db = TestDatabase['db'];

/** Every table of the schema but the migrator's own bookkeeping. */
async function schemaTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'kysely_migration%'
    ORDER BY c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Each table's row count and an md5 of its rows as text, ordered by primary key (all columns when
 * it has none): computed by the database, independently of the backup's own checksums.
 */
async function tableDigests(db: Db): Promise<Record<string, string>> {
  const tables = await schemaTables(db);
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
    const out: Record<string, string> = {};
    for (const table of tables) {
      const { rows: keys } = await sql<{ col: string }>`SELECT a.attname AS col FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = ${table}::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`.execute(
        trx,
      );
      const order = keys.length ? sql.join(keys.map((k) => sql.ref(`x.${k.col}`))) : sql`x::text`;
      const { rows } = await sql<{ n: number; md5: string }>`SELECT count(*)::int AS n,
        md5(coalesce(string_agg(x::text, E'\n' ORDER BY ${order}), '')) AS md5 FROM ${sql.table(table)} x`.execute(
        trx,
      );
      out[table] = `${rows[0]!.n} ${rows[0]!.md5}`;
    }
    return out;
  });
}

/**
 * Rows in the tables the demo district leaves empty, so that the round trip carries every table:
 * an evaluation of the plan with its history, progress report events and evidence, an action
 * item update's evidence, an internship incident's file, result look-up limits, settings, a teacher import, a session (with its
 * sign-in attempt), a password history, an alert acknowledgement, a learner of its own with a
 * 1+X certificate recognised, its credits posted and a conversion applied for (the credit bank's
 * tables, which the demo does not fill yet), and an issued credential with its status list and a
 * verification's rate-limit row.
 */
async function fillWhatTheDemoLeavesEmpty(ctx: TestContext): Promise<void> {
  const user = await createUser(ctx, 'viewer', 'SD', 'backup.viewer');
  await login(ctx, user.username);
  await sql`
    INSERT INTO progress_report_event (report_id, at, actor_id, action, comment)
      SELECT id, updated_at, created_by, 'submitted', NULL FROM progress_report ORDER BY id LIMIT 3;
    INSERT INTO progress_report_file (report_id, file_id)
      SELECT (SELECT r.id FROM progress_report r ORDER BY r.id LIMIT 1), f.id FROM stored_file f ORDER BY f.id LIMIT 2;
    INSERT INTO internship_incident_file (incident_id, file_id)
      SELECT (SELECT i.id FROM internship_incident i ORDER BY i.id LIMIT 1), f.id FROM stored_file f ORDER BY f.id LIMIT 1;
    INSERT INTO action_item_update_file (update_id, file_id)
      SELECT (SELECT u.id FROM action_item_update u ORDER BY u.id LIMIT 1), f.id FROM stored_file f ORDER BY f.id LIMIT 1;
    INSERT INTO enrollment_lookup_attempt (ip, at) VALUES ('203.0.113.7', now()), ('2001:db8::', now());
    INSERT INTO enrollment_lookup_failure (exam_key, at) VALUES (repeat('a', 64), now());
    INSERT INTO password_history (user_id, password_hash, created_at)
      SELECT id, password_hash, now() FROM app_user WHERE username = 'backup.viewer';
    INSERT INTO notification_read (notification_id, user_id, read_at)
      SELECT n.id, u.id, now() FROM notification n, app_user u
      WHERE u.username = 'backup.viewer' ORDER BY n.id LIMIT 1;
    INSERT INTO alert_acknowledgement (alert_id, tier, unit_id, acknowledged_by, acknowledged_at, note)
      SELECT 'indicator:' || i.id, 'red', u.org_unit_id, u.id, now(), '已知悉，正在整改'
      FROM indicator i, app_user u WHERE u.username = 'backup.viewer' ORDER BY i.id LIMIT 1;
    INSERT INTO program_setting (district_id, key, value, updated_at)
      SELECT id, 'resourceCoverageThreshold', 30, now() FROM org_unit WHERE code = 'SD';
    INSERT INTO teacher_setting (district_id, count_part_time, criteria, updated_at)
      SELECT id, true, '{"practiceHours": 360}', now() FROM org_unit WHERE code = 'SD';
    INSERT INTO teacher_import (org_unit_id, content_hash, file_name, rows, created, updated, unchanged, imported_at)
      SELECT id, repeat('b', 64), '教师名册.xlsx', 3, 2, 1, 0, now() FROM org_unit WHERE code = 'SD-VHS';
    INSERT INTO enterprise_import (org_unit_id, content_hash, file_name, rows, created, updated, unchanged, imported_at)
      SELECT id, repeat('c', 64), '规上企业名录.xlsx', 13, 0, 13, 0, now() FROM org_unit WHERE code = 'SD-IIT';
    INSERT INTO plan_evaluation (plan_code, plan_id, state, narrative, created_at, updated_at)
      SELECT code, id, 'draft', '终期评估（草稿）', now(), now() FROM plan WHERE is_current;
    INSERT INTO plan_evaluation_task (evaluation_id, task_id, outcome, remark)
      SELECT e.id, t.id, 'partly', '' FROM plan_evaluation e JOIN plan_task t ON t.plan_id = e.plan_id
      ORDER BY t.id LIMIT 2;
    INSERT INTO plan_evaluation_indicator (evaluation_id, indicator_id, deadline, value, value_period, status, verdict)
      SELECT e.id, i.id, '2022-12-31', 1.50, '2022', 'on_track', 'met'
      FROM plan_evaluation e JOIN indicator i ON i.plan_id = e.plan_id ORDER BY i.id LIMIT 2;
    INSERT INTO plan_evaluation_event (evaluation_id, at, action)
      SELECT id, now(), 'create' FROM plan_evaluation;
    INSERT INTO outcome_import (org_unit_id, content_hash, file_name, rows, created, unchanged, imported_at)
      SELECT id, repeat('e', 64), '1+X证书结果.xlsx', 1, 1, 0, now() FROM org_unit WHERE code = 'SD-VHS';
    INSERT INTO credential_status_list (district_code, list_number, bits, allocated, signed_jwt, created_at, updated_at)
      VALUES ('SD', 1, 131072, 1, 'e30.e30.c2ln', now(), now());
    INSERT INTO issued_credential (id, district_code, subject_ref, status_list_id, status_index, credential_hash,
        issued_at, revoked_at, revocation_reason)
      SELECT gen_random_uuid(), 'SD', 'learning_outcome:backup', id, 94567, repeat('e', 64), now(), now(), '样例撤销'
      FROM credential_status_list;
    INSERT INTO credential_verification (client_hash, at) VALUES (repeat('f', 64), now());
  `.execute(ctx.db);
}

/**
 * `zhijiao backup` / `zhijiao restore` over a whole district: every table of the schema holds rows,
 * and everything comes back — counts, contents, identity sequences, the audit chain.
 */
describe('backup and restore of a district with a row in every table', { timeout: 180_000 }, () => {
  let ctx: TestContext;
  let target: TestDatabase;
  let dir: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-round-trip-'));
    ({ ctx } = await createDemoTestContext());
    await fillWhatTheDemoLeavesEmpty(ctx);
    before = await tableDigests(ctx.db);
    target = await createTestDatabase({ own: true });
  }, 300_000);
  afterAll(async () => {
    await target?.close();
    await ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts from a database where every table of the schema holds at least one row', async () => {
    const empty = Object.entries(before)
      .filter(([, digest]) => digest.startsWith('0 '))
      .map(([table]) => table);
    expect(empty).toEqual([]);
    expect(Object.keys(before)).toEqual(await schemaTables(ctx.db));
  });

  it('restores into a fresh database every table with the same rows', async () => {
    const file = path.join(dir, 'district.backup.gz');
    const written = await backupDatabase(ctx.db, file);
    expect(written.tables.map((t) => t.name).sort()).toEqual(Object.keys(before));
    const restored = await restoreDatabase(target.db, file);
    expect(restored.tables).toEqual(written.tables);
    expect(await tableDigests(target.db)).toEqual(before);
  });

  it('continues every identity and serial sequence above the restored rows', async () => {
    const { rows: owned } = await sql<{ table: string; column: string }>`
      SELECT c.relname AS table, a.attname AS column FROM pg_depend d
      JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND n.nspname = 'public' ORDER BY 1`.execute(target.db);
    expect(owned.map((o) => o.table)).toEqual(
      expect.arrayContaining(['progress_report_event', 'action_item_update', 'enrollment_preference_change']),
    );
    for (const { table, column } of owned) {
      const { rows } = await sql<{ next: number; max: number }>`SELECT
        nextval(pg_get_serial_sequence(${table}, ${column}))::int AS next,
        (SELECT max(${sql.ref(column)})::int FROM ${sql.table(table)}) AS max`.execute(target.db);
      expect({ table, above: rows[0]!.next > rows[0]!.max }).toEqual({ table, above: true });
    }
    const max = await target.db
      .selectFrom('progressReportEvent')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    const added = await target.db
      .insertInto('progressReportEvent')
      .values(({ selectFrom }) => ({
        reportId: selectFrom('progressReport').select('id').limit(1),
        at: new Date(),
        action: 'submitted',
      }))
      .returning('seq')
      .executeTakeFirstOrThrow();
    expect(Number(added.seq)).toBeGreaterThan(Number(max.seq));
  });

  it('restores an audit chain that verifies, with the same head', async () => {
    const here = await verifyAuditChain(ctx.db);
    expect(here.ok).toBe(true);
    expect(await verifyAuditChain(target.db)).toEqual(here);
  });

  // Both engines are at hand only in the PostgreSQL run (`npm test` needs no database server).
  it.runIf(inject('testDb').kind === 'postgresql')(
    'moves the district from PostgreSQL to the embedded database and back, every row equal',
    async () => {
      const embedded = await createEmptyDatabase('pglite');
      const back = await createEmptyDatabase('postgresql');
      try {
        await backupDatabase(ctx.db, path.join(dir, 'from-postgresql.gz'));
        await restoreDatabase(embedded.db, path.join(dir, 'from-postgresql.gz'));
        expect(await tableDigests(embedded.db)).toEqual(before);
        await backupDatabase(embedded.db, path.join(dir, 'from-pglite.gz'));
        await restoreDatabase(back.db, path.join(dir, 'from-pglite.gz'));
        expect(await tableDigests(back.db)).toEqual(before);
        expect(await verifyAuditChain(back.db)).toEqual(await verifyAuditChain(ctx.db));
      } finally {
        await Promise.all([embedded.close(), back.close()]);
      }
    },
  );
});

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCheckpointStore } from '../platform/audit/audit-checkpoint.ts';
import { createFieldCrypto, loadOrCreateKeyFile } from '../platform/crypto/field-crypto.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.ts';
import { migrateUpTo } from '../platform/db/migrate.ts';
import { asTableOwner, deleteAndRenumber, rechainAuditLog } from '../test/audit-tamper.ts';
import { REPO_ROOT } from '../runtime.ts';
import { runCli } from './main.ts';
import { SHANGDANG_VERSION } from '../test/shangdang-plan.ts';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../test/test-db.ts';

const embedded = inject('testDb').kind === 'pglite';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The `zhijiao` command as an operator runs it, on its own database. */
// Commands open, migrate and close a database each: on a loaded machine (load 15) a test of
// several took over the minute it once had. The budget catches a hang, not a slow machine.
describe('zhijiao CLI', { timeout: 180_000 }, () => {
  let dataDir: string;
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-'));
    if (embedded) fs.cpSync(inject('testDb').template, path.join(dataDir, 'pgdata'), { recursive: true });
    else database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (at0025) fs.rmSync(at0025, { recursive: true, force: true });
  });

  /** The environment an operator's shell would give the CLI, on this test's database. */
  function envOf(settings: Record<string, string>): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ZHIJIAO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    if (database) env.DATABASE_URL = database.url!;
    return Object.assign(env, settings);
  }

  const zhijiao = (...args: string[]) => zhijiaoOn({}, ...args);
  /**
   * The CLI with other settings (another data directory or database), run in this process as the
   * bin runs it (`runCli`): a process per command would cost a Node start and the TypeScript
   * loader each time. `spawned` runs the real bin where the process boundary is the point.
   */
  async function zhijiaoOn(settings: Record<string, string>, ...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      env: envOf(settings),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  }

  /** `node apps/server/bin/zhijiao.mjs …` in a process of its own. */
  function spawned(...args: string[]): Promise<Run> {
    const child = spawn(process.execPath, ['apps/server/bin/zhijiao.mjs', ...args], {
      cwd: REPO_ROOT,
      env: envOf({}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  /** The database as the CLI sees it; with PGlite only while no CLI process holds the data dir. */
  async function withDatabase<T>(fn: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
    if (database) return fn(database.db);
    const handle = await openDatabase({ databaseUrl: null, dataDir });
    try {
      return await fn(handle.db);
    } finally {
      await handle.close();
    }
  }

  /**
   * An embedded database at migration 0025, as an installation of that version left it, put into
   * `dir`: made once (a new data directory costs PGlite's initdb, then 25 migrations) and copied
   * for each test that starts from it.
   */
  let at0025: string | null = null;
  async function embeddedAt0025(dir: string): Promise<void> {
    if (!at0025) {
      const made = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-0025-'));
      const handle = await openDatabase({ databaseUrl: null, dataDir: made });
      try {
        await migrateUpTo(handle.db, '0025-teacher-name-sort-key');
      } finally {
        await handle.close();
      }
      at0025 = made;
    }
    fs.rmSync(path.join(dir, 'pgdata'), { recursive: true, force: true });
    fs.cpSync(path.join(at0025, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
  }

  it('explains its usage and exits 2 on a missing or unknown command or a missing option', async () => {
    const [none, unknown, noOrg] = await Promise.all([
      spawned(),
      spawned('frobnicate'),
      spawned(
        'users',
        'create',
        '--username',
        'coord1',
        '--password',
        'Zhi-jiao#2026',
        '--role',
        'coordinator',
      ),
    ]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: zhijiao <command>');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: zhijiao');
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('Missing --org');
  });

  it('imports the org units and the plan, printing the 区财政厅 warning', async () => {
    const orgs = await zhijiao('orgs', 'import', path.join(REPO_ROOT, 'plans/shangdang/org-units.yaml'));
    expect(orgs.stderr).toBe('');
    expect(orgs.code).toBe(0);
    expect(orgs.stdout).toMatch(/Imported \d+ org units\./);
    const plans = await zhijiao('plans', 'import', path.join(REPO_ROOT, 'plans/shangdang/action-plan.yaml'));
    expect(plans.code).toBe(0);
    expect(plans.stdout).toMatch(new RegExp(`Imported plan \\S+ version ${SHANGDANG_VERSION}\\.`));
    expect(plans.stderr).toContain('区财政厅');
  });

  it('creates an account with a strong password and refuses a weak one with the reasons', async () => {
    const weak = await zhijiao(
      ...['users', 'create', '--username', 'weak1', '--password', 'abc', '--role', 'viewer', '--org', 'SD'],
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('AUTH_PASSWORD_POLICY');
    expect(weak.stderr).toContain(
      'password: 密码长度至少 8 位 / Password must be at least 8 characters long',
    );
    expect(weak.stderr).toContain('This password is too common');
    const ok = await zhijiao(
      ...['users', 'create', '--username', 'coord1', '--password', 'Zhi-jiao#2026', '--role', 'coordinator'],
      ...['--org', 'SD-EDU'],
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Created coord1 \(coordinator\) id=[0-9a-f-]{36}$/m);
  });

  let intact: Run;
  let written: RegExpMatchArray | null;
  const file = () => path.join(dataDir, 'zhijiao.backup.gz');

  it('verifies an intact audit chain (the bin in a process of its own) and writes a backup', async () => {
    intact = await spawned('audit', 'verify');
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit log: 3 rows, head #3 [0-9a-f]{64}/);
    expect(intact.stdout).toContain('OK: the hash chain is intact and matches every checkpoint.');
    const backup = await zhijiao('backup', file());
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    written = backup.stdout.match(/Backed up (\d+) tables, (\d+) rows/);
    expect(written).not.toBeNull();
  });

  it('names the seq of an audit row changed in the database and exits 1', async () => {
    const { seq, users, tasks } = await withDatabase(async (db) => {
      const row = await db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'user.create')
        .executeTakeFirstOrThrow();
      await db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
        await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = ${row.seq}`.execute(trx);
        await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
      });
      return {
        seq: row.seq,
        users: await db.selectFrom('appUser').select(['username', 'role', 'mustChangePassword']).execute(),
        tasks: (await db.selectFrom('planTask').select('id').execute()).length,
      };
    });
    expect(users).toEqual([{ username: 'coord1', role: 'coordinator', mustChangePassword: false }]);
    expect(tasks).toBe(21);
    const broken = await zhijiao('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`#${seq} hash_mismatch`);
    expect(broken.stdout).toContain('BROKEN: 1 problem(s).');
  });

  it('refuses to restore over a database that holds data, and restores into a new one, intact chain included', async () => {
    const refused = await zhijiao('restore', file());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Error BACKUP_TARGET_NOT_EMPTY: 目标数据库已有数据');
    expect(refused.stderr).toContain('The target database already holds data');
    expect((await zhijiao('audit', 'verify')).code).toBe(1);

    // What an operator does: a new data directory (PGlite) or `createdb` (PostgreSQL), then restore.
    const fresh = embedded ? null : await createEmptyDatabase();
    const settings: Record<string, string> = fresh
      ? { DATABASE_URL: fresh.url! }
      : { ZHIJIAO_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-restore-')) };
    // …with the server's key beside it (a restore never makes one).
    if (settings.ZHIJIAO_DATA_DIR)
      fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(settings.ZHIJIAO_DATA_DIR, 'secret.key'));
    try {
      const restore = await zhijiaoOn(settings, 'restore', file());
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain(`Restored ${written![1]} tables, ${written![2]} rows from ${file()}`);
      const again = await zhijiaoOn(settings, 'audit', 'verify');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(intact.stdout.split('\n')[0]!);
    } finally {
      await fresh?.close();
      if (settings.ZHIJIAO_DATA_DIR) fs.rmSync(settings.ZHIJIAO_DATA_DIR, { recursive: true, force: true });
    }
  });

  it('restores and verifies only with the server’s key: without it, refused naming the file, nothing written and no key made', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-nokey-'));
    const fresh = embedded ? null : await createEmptyDatabase();
    const settings = { ZHIJIAO_DATA_DIR: dir, DATABASE_URL: fresh?.url ?? '' };
    const missing = path.join(dir, 'secret.key');
    try {
      const [restore, verify] = [
        await zhijiaoOn(settings, 'restore', file()),
        await zhijiaoOn(settings, 'audit', 'verify'),
      ];
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(`恢复备份需要字段加密密钥，但密钥文件 ${missing} 不存在`);
      expect(restore.stderr).toContain(
        `Restoring a backup needs the field key, but the key file ${missing} does not exist`,
      );
      expect(verify.code).toBe(1);
      expect(verify.stderr).toContain(
        `Verifying the audit log needs the field key, but the key file ${missing}`,
      );
      expect(fs.readdirSync(dir)).toEqual([]);
      if (fresh) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`.execute(fresh.db);
        expect(rows[0]!.n).toBe(0);
      }
    } finally {
      await fresh?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the SQL of a runtime role that does not own the tables (PostgreSQL only)', async () => {
    const badName = await zhijiao('migrate', '--runtime-role', 'App; DROP');
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('--runtime-role needs a role name');
    const run = await zhijiao('migrate', '--runtime-role', 'zhijiao_app');
    if (embedded) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--runtime-role is for PostgreSQL');
      return;
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CREATE ROLE zhijiao_app LOGIN');
    expect(run.stdout).toContain(
      'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM zhijiao_app;',
    );
    expect(run.stdout).toContain('REVOKE CREATE ON SCHEMA public FROM PUBLIC;');
    expect((await zhijiao('migrate')).stdout).toContain('zhijiao migrate --runtime-role zhijiao_app');
  });

  it('reports a log re-chained by the table owner against the signed checkpoint, in Chinese and English', async () => {
    // The checkpoint the server would have written, signed with this data directory's secret key.
    const crypto = createFieldCrypto(loadOrCreateKeyFile(path.join(dataDir, 'secret.key')));
    const store = createCheckpointStore({ file: path.join(dataDir, 'audit-checkpoints.jsonl'), crypto });
    const head = await withDatabase(async (db) => {
      await asTableOwner(db, rechainAuditLog);
      return db
        .selectFrom('auditLog')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
    });
    await store.append({ ...head, at: new Date().toISOString(), writer: 'cli-test:1:00000000', prev: null });
    const intactAgain = await zhijiao('audit', 'verify');
    expect(intactAgain.code).toBe(0);
    expect(intactAgain.stdout).toContain(`Checkpoints: 1 signed of 1 in ${store.file}, newest #${head.seq}`);

    // The checkpoint file deleted, or emptied, is reported once the log holds rows a running server
    // would have checkpointed (here: an hour on, by the clock the server would run on).
    const later = { ZHIJIAO_CLOCK_START: new Date(Date.now() + 3600_000).toISOString() };
    const kept = fs.readFileSync(store.file);
    try {
      fs.rmSync(store.file);
      for (const emptied of [false, true]) {
        if (emptied) fs.writeFileSync(store.file, '');
        const missing = await zhijiaoOn(later, 'audit', 'verify');
        expect(missing.code).toBe(1);
        expect(missing.stderr).toContain(`#${head.seq} checkpoints_missing`);
        expect(missing.stderr).toContain('检查点文件被删除或清空');
        expect(missing.stderr).toContain('the file was deleted or emptied');
        expect(missing.stdout).toContain('BROKEN: 1 problem(s). / 审计日志被篡改：1 个问题。');
      }
    } finally {
      fs.writeFileSync(store.file, kept);
    }
    expect((await zhijiaoOn(later, 'audit', 'verify')).code).toBe(0);

    await withDatabase((db) =>
      asTableOwner(db, async (trx) => {
        await deleteAndRenumber(trx, 1);
        await rechainAuditLog(trx);
      }),
    );
    const rechained = await zhijiao('audit', 'verify');
    expect(rechained.code).toBe(1);
    expect(rechained.stderr).toContain(`#${head.seq} checkpoint_row_missing`);
    expect(rechained.stderr).toContain('日志被截断或重新编号');
    expect(rechained.stdout).toContain('BROKEN: 1 problem(s). / 审计日志被篡改：1 个问题。');
  });

  it('migrates without making a key: a new database needs none; stored birth dates are refused, naming the missing key file (0026)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-migrate-nokey-'));
    const own = embedded ? null : await createEmptyDatabase();
    const settings = { ZHIJIAO_DATA_DIR: dir, DATABASE_URL: own?.url ?? '' };
    const missing = path.join(dir, 'secret.key');
    try {
      if (own) await migrateUpTo(own.db, '0025-teacher-name-sort-key');
      else await embeddedAt0025(dir);
      // Nothing stored that needs the key: migrated to the end, no key made.
      const empty = await zhijiaoOn(settings, 'migrate');
      expect(empty.stderr).toBe('');
      expect(empty.code).toBe(0);
      expect(empty.stdout).toContain('0026-teacher-birth-date-encrypted');
      expect(fs.existsSync(missing)).toBe(false);

      // A database at 0025 holding a teacher whose birth date is in clear, its key file not here.
      if (!own) await embeddedAt0025(dir);
      const back = own ?? (await openDatabase({ databaseUrl: null, dataDir: dir }));
      try {
        if (own) {
          await sql`DROP SCHEMA public CASCADE`.execute(back.db);
          await sql`CREATE SCHEMA public`.execute(back.db);
          await migrateUpTo(back.db, '0025-teacher-name-sort-key');
        }
        const crypto = createFieldCrypto(randomBytes(32));
        await sql`
          WITH u AS (INSERT INTO org_unit (code, name, full_name, type)
                     VALUES ('SD', '上党区', '长治市上党区', 'district') RETURNING id)
          INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex,
            birth_date, education, professional_title, series, hire_date, created_at, updated_at)
          SELECT u.id, u.id, '张三', 'k', ${crypto.encrypt('140404198307070011')}, 'i', '140404********0011', 'M', '1983-07-07', 'bachelor',
            'intermediate', 'full_time', '2010-09-01', now(), now() FROM u`.execute(back.db);
      } finally {
        if (!own) await back.close();
      }
      const refused = await zhijiaoOn(settings, 'migrate');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `0026 需要字段加密密钥以加密教师出生日期，但密钥文件 ${missing} 不存在`,
      );
      expect(refused.stderr).toContain(
        `0026 needs the field key to encrypt the teachers’ birth dates, but the key file ${missing} does not exist`,
      );
      expect(fs.existsSync(missing)).toBe(false);
      const reopened = own ?? (await openDatabase({ databaseUrl: null, dataDir: dir }));
      try {
        const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
          reopened.db,
        );
        expect(rows.at(-1)!.name).toBe('0025-teacher-name-sort-key');
      } finally {
        if (!own) await reopened.close();
      }
    } finally {
      await own?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('migrates a database whose teachers have clear birth dates with the data directory’s key (0026)', async () => {
    // Its own database at 0025, as an installation of the last version left it, and its own data
    // directory holding the key the server uses.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-cli-0026-'));
    const own = embedded ? null : await createEmptyDatabase();
    try {
      const crypto = createFieldCrypto(loadOrCreateKeyFile(path.join(dir, 'secret.key')));
      if (!own) await embeddedAt0025(dir);
      const handle = own ?? (await openDatabase({ databaseUrl: null, dataDir: dir }));
      if (own) await migrateUpTo(own.db, '0025-teacher-name-sort-key');
      await sql`
        WITH u AS (INSERT INTO org_unit (code, name, full_name, type)
                   VALUES ('SD', '上党区', '长治市上党区', 'district') RETURNING id)
        INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex,
          birth_date, education, professional_title, series, hire_date, created_at, updated_at)
        SELECT u.id, u.id, '张三', 'k', ${crypto.encrypt('140404198307070011')}, 'i', '140404********0011', 'M', '1983-07-07', 'bachelor',
          'intermediate', 'full_time', '2010-09-01', now(), now() FROM u`.execute(handle.db);
      if (!own) await handle.close();

      const run = await zhijiaoOn({ ZHIJIAO_DATA_DIR: dir, DATABASE_URL: own?.url ?? '' }, 'migrate');
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('0026-teacher-birth-date-encrypted');

      const reopened = own ?? (await openDatabase({ databaseUrl: null, dataDir: dir }));
      try {
        const { rows } = await sql<Record<string, unknown>>`SELECT * FROM teacher`.execute(reopened.db);
        expect(rows).toHaveLength(1);
        expect(rows[0]).not.toHaveProperty('birthDate');
        expect(rows[0]).toMatchObject({ birthYear: 1983 });
        expect(crypto.decrypt(rows[0]!.birthDateCipher as string)).toBe('1983-07-07');
      } finally {
        if (!own) await reopened.close();
      }
    } finally {
      await own?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

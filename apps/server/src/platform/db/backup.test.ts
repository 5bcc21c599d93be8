import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';
import { appliedMigrations, readSchema, tablesWithRows } from './backup-schema.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';
import { loadMigrations, loadReferenceTables } from './migrations-folder.ts';

/** The tables holding rows that a freshly migrated database would not hold. */
async function filledTables(db: TestDatabase['db']): Promise<string[]> {
  const reference = await loadReferenceTables();
  const names = (await readSchema(db)).map((t) => t.name).filter((t) => !reference.includes(t));
  return tablesWithRows(db, names);
}

/** `zhijiao backup FILE` / `zhijiao restore FILE`: one command each, and the data comes back equal. */
describe('backup and restore', () => {
  let ctx: TestContext;
  let target: TestDatabase;
  let spare: TestDatabase;
  let dir: string;
  let original: Awaited<ReturnType<typeof backupDatabase>>;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-backup-'));
    ctx = await createTestContext();
    await seedShangdang(ctx);
    for (const [role, org] of [
      ['coordinator', 'SD-EDU'],
      ['unit_clerk', 'SD-VHS'],
      ['viewer', 'SD'],
    ] as const) {
      const user = await createUser(ctx, role, org);
      await login(ctx, user.username);
    }
    original = await backupDatabase(ctx.db, file('a.jsonl.gz'));
    target = await createTestDatabase({ own: true });
    spare = await createTestDatabase({ own: true });
  });
  afterAll(async () => {
    await spare?.close();
    await target?.close();
    await ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tableCounts = (summary: typeof original) =>
    Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]));
  const lines = (name: string) =>
    zlib
      .gunzipSync(fs.readFileSync(file(name)))
      .toString('utf8')
      .split('\n');
  const writeLines = (name: string, content: string[]) =>
    fs.writeFileSync(file(name), zlib.gzipSync(Buffer.from(content.join('\n'))));

  it('writes every table with its row count and checksum, readable only by the owner', async () => {
    const counts = tableCounts(original);
    expect(counts).toMatchObject({ app_user: 3, user_session: 3, plan_task: 21, plan_section: 6 });
    expect(counts.audit_log).toBe(8);
    expect(counts.org_unit).toBeGreaterThan(20);
    expect(Object.keys(counts)).not.toContain('kysely_migration');
    expect(original.tables.every((t) => /^[0-9a-f]{64}$/.test(t.sha256))).toBe(true);
    expect(original.migrations).toEqual(Object.keys(await loadMigrations()));
    expect(fs.statSync(file('a.jsonl.gz')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(file('a.jsonl.gz.tmp'))).toBe(false);
    const [header, ...rest] = lines('a.jsonl.gz').filter(Boolean);
    expect(JSON.parse(header!)).toMatchObject({
      format: 'zhijiao-backup/2',
      migrations: original.migrations,
      tables: original.tables.map((t) => t.name),
    });
    const rows = rest.filter((l) => l.startsWith('{"t":'));
    expect(rows).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
    // After each table's rows, its count and checksum (written once the rows are out).
    expect(rest.filter((l) => !l.startsWith('{"t":')).map((l) => JSON.parse(l))).toEqual(
      original.tables.map((t) => ({ end: t.name, rows: t.rows, sha256: t.sha256 })),
    );
  });

  it('restores into a fresh database whose own backup has equal row counts and checksums', async () => {
    const restored = await restoreDatabase(target.db, file('a.jsonl.gz'));
    expect(restored.tables).toEqual(original.tables);
    const again = await backupDatabase(target.db, file('b.jsonl.gz'));
    expect(again.tables).toEqual(original.tables);
    const users = (db: TestDatabase['db']) =>
      db
        .selectFrom('appUser')
        .select(['id', 'username', 'passwordHash', 'createdAt'])
        .orderBy('username')
        .execute();
    expect(await users(target.db)).toEqual(await users(ctx.db));
  });

  it('restores an audit chain that still verifies, with the same head', async () => {
    const here = await verifyAuditChain(ctx.db);
    const there = await verifyAuditChain(target.db);
    expect(there).toEqual(here);
    expect(there).toMatchObject({ ok: true, rows: 8 });
    await expect(target.db.deleteFrom('auditLog').where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses a database that holds data, naming its tables, and changes nothing', async () => {
    await createUser(ctx, 'viewer', 'SD-FIN', 'after.backup');
    const before = await backupDatabase(ctx.db, file('before.jsonl.gz'));
    const refused = restoreDatabase(ctx.db, file('a.jsonl.gz'));
    await expect(refused).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY', status: 409 });
    await expect(refused).rejects.toThrow(
      /目标数据库已有数据.*org_unit.* \/ The target database already holds data/,
    );
    expect((await backupDatabase(ctx.db, file('after.jsonl.gz'))).tables).toEqual(before.tables);
    // The restored copy is no more empty than the original.
    await expect(restoreDatabase(target.db, file('a.jsonl.gz'))).rejects.toMatchObject({
      code: 'BACKUP_TARGET_NOT_EMPTY',
    });
  });

  it('refuses a damaged or cut backup, and the empty target stays empty', async () => {
    const content = lines('a.jsonl.gz');
    const i = content.findIndex((l) => l.startsWith('{"t":"org_unit"') && l.includes('"SD-EDU"'));
    expect(i).toBeGreaterThan(0);
    const altered = [...content];
    altered[i] = altered[i]!.replace('教育局', '教育厅');
    expect(altered[i]).not.toBe(content[i]);
    writeLines('altered.jsonl.gz', altered);
    const lastAudit = content.filter((l) => l.startsWith('{"t":"audit_log"')).at(-1);
    writeLines(
      'dropped.jsonl.gz',
      content.filter((l) => l !== lastAudit),
    );
    // Cut at a line: the last table's end line is missing, the gzip itself is whole.
    const lastEnd = content.map((l) => l.startsWith('{"end":')).lastIndexOf(true);
    writeLines('short.jsonl.gz', content.slice(0, lastEnd));
    const gz = fs.readFileSync(file('a.jsonl.gz'));
    fs.writeFileSync(file('cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length * 0.8)));
    const flipped = Buffer.from(gz);
    flipped[Math.floor(gz.length / 2)]! ^= 0xff;
    fs.writeFileSync(file('flipped.jsonl.gz'), flipped);

    for (const [name, why] of [
      ['altered.jsonl.gz', /table org_unit fails its row count or checksum/],
      ['dropped.jsonl.gz', /table audit_log fails its row count or checksum/],
      ['short.jsonl.gz', /has no end line|ends before table/],
      ['cut.jsonl.gz', /gzip data cannot be read/],
      // Wherever the flipped bit lands: an unreadable gzip, a line that is no row, a checksum.
      ['flipped.jsonl.gz', /nothing was written/],
    ] as const) {
      const restore = restoreDatabase(spare.db, file(name));
      await expect(restore, name).rejects.toMatchObject({ code: 'BACKUP_FILE_DAMAGED' });
      await expect(restore, name).rejects.toThrow(why);
      await expect(restore, name).rejects.toThrow(/备份文件已损坏或不完整，未写入任何数据/);
      expect(await filledTables(spare.db), name).toEqual([]);
    }
  });

  it('refuses a file that is not a Zhijiao backup, or of an unknown format', async () => {
    fs.writeFileSync(file('plain.txt'), 'not a backup\n');
    await expect(restoreDatabase(spare.db, file('plain.txt'))).rejects.toMatchObject({
      code: 'BACKUP_FILE_UNSUPPORTED',
      message: expect.stringContaining('not a gzip file'),
    });
    const content = lines('a.jsonl.gz');
    const header = JSON.parse(content[0]!);
    writeLines('future.jsonl.gz', [
      JSON.stringify({ ...header, format: 'zhijiao-backup/3' }),
      ...content.slice(1),
    ]);
    await expect(restoreDatabase(spare.db, file('future.jsonl.gz'))).rejects.toMatchObject({
      code: 'BACKUP_FILE_UNSUPPORTED',
      message: expect.stringContaining('its header says zhijiao-backup/3'),
    });
    expect(await filledTables(spare.db)).toEqual([]);
  });

  it('refuses a backup written by a newer version, or at another migration level than the target', async () => {
    const content = lines('a.jsonl.gz');
    const header = JSON.parse(content[0]!);
    writeLines('newer.jsonl.gz', [
      JSON.stringify({ ...header, migrations: [...header.migrations, '9999-from-the-future'] }),
      ...content.slice(1),
    ]);
    await expect(restoreDatabase(spare.db, file('newer.jsonl.gz'))).rejects.toMatchObject({
      code: 'BACKUP_MIGRATION_MISMATCH',
      message: expect.stringMatching(/9999-from-the-future.*newer version of Zhijiao/),
    });
    // The target is migrated further than the backup says it was: no way down.
    writeLines('older.jsonl.gz', [
      JSON.stringify({ ...header, migrations: header.migrations.slice(0, -1) }),
      ...content.slice(1),
    ]);
    await expect(restoreDatabase(spare.db, file('older.jsonl.gz'))).rejects.toMatchObject({
      code: 'BACKUP_MIGRATION_MISMATCH',
      message: expect.stringContaining(`the target at ${header.migrations.at(-1)}`),
    });
    expect(await filledTables(spare.db)).toEqual([]);
  });

  it('restores a backup of the first format (whole-file checksums in the header)', async () => {
    const content = lines('a.jsonl.gz').filter(Boolean);
    const header = JSON.parse(content[0]!);
    const ends = content.filter((l) => l.startsWith('{"end":')).map((l) => JSON.parse(l));
    writeLines('v1.jsonl.gz', [
      JSON.stringify({
        format: 'zhijiao-backup/1',
        createdAt: header.createdAt,
        migrations: header.migrations,
        tables: ends.map((e) => ({ name: e.end, rows: e.rows, sha256: e.sha256 })),
      }),
      ...content.filter((l) => l.startsWith('{"t":')),
      '',
    ]);
    const restored = await restoreDatabase(spare.db, file('v1.jsonl.gz'));
    expect(restored.tables).toEqual(original.tables);
    expect((await backupDatabase(spare.db, file('v1-again.jsonl.gz'))).tables).toEqual(original.tables);
    expect(await verifyAuditChain(spare.db)).toEqual(await verifyAuditChain(target.db));
  });

  it('holds reference data only in the tables the migrations declare, so a fresh database counts as empty', async () => {
    const fresh = await createTestDatabase({ own: true });
    try {
      const names = (await readSchema(fresh.db)).map((t) => t.name);
      expect(await tablesWithRows(fresh.db, names)).toEqual(await loadReferenceTables());
      expect(await loadReferenceTables()).toEqual(['major_catalogue']);
    } finally {
      await fresh.close();
    }
  });
});

/** An operator restores into a database just created, from a backup an older version wrote. */
describe('restore into a database never migrated', { timeout: 120_000 }, () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-backup-level-'));
    [source, target] = await Promise.all([createEmptyDatabase(), createEmptyDatabase()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates it to the backup’s level, restores, and the later migrations then apply', async () => {
    const names = Object.keys(await loadMigrations());
    const older = names.at(-2)!;
    await migrateUpTo(source.db, older);
    await sql`INSERT INTO org_unit (code, name, full_name, type) VALUES ('XD', '新区', '某市新区', 'district')`.execute(
      source.db,
    );
    const file = path.join(dir, 'older.jsonl.gz');
    const written = await backupDatabase(source.db, file);
    expect(written.migrations).toEqual(names.slice(0, -1));

    expect(await appliedMigrations(target.db)).toEqual([]);
    const restored = await restoreDatabase(target.db, file);
    expect(restored.tables).toEqual(written.tables);
    expect(await appliedMigrations(target.db)).toEqual(names.slice(0, -1));
    expect(await migrateToLatest(target.db)).toEqual([names.at(-1)]);
    const units = await target.db.selectFrom('orgUnit').select(['code', 'fullName']).execute();
    expect(units).toEqual([{ code: 'XD', fullName: '某市新区' }]);
  });
});

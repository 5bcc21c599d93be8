import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { verifyAuditChain } from '../audit/audit-verify.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

/** `zhijiao backup FILE` / `zhijiao restore FILE`: one command each, and the data comes back equal. */
describe('backup and restore', () => {
  let ctx: TestContext;
  let target: TestDatabase;
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
  });
  afterAll(async () => {
    await target?.close();
    await ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tableCounts = (header: typeof original) =>
    Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
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
    expect(fs.statSync(file('a.jsonl.gz')).mode & 0o777).toBe(0o600);
    const [header, ...rows] = lines('a.jsonl.gz').filter(Boolean);
    expect(JSON.parse(header!).format).toBe('zhijiao-backup/1');
    expect(rows).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
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
    // The append-only trigger is back on after the restore.
    await expect(target.db.deleteFrom('auditLog').where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses a corrupted or truncated backup before writing anything', async () => {
    const before = await backupDatabase(target.db, file('before.jsonl.gz'));
    const content = lines('a.jsonl.gz');
    const i = content.findIndex((l) => l.startsWith('{"t":"org_unit"') && l.includes('"SD-EDU"'));
    expect(i).toBeGreaterThan(0);
    const altered = [...content];
    altered[i] = altered[i]!.replace('教育局', '教育厅');
    expect(altered[i]).not.toBe(content[i]);
    writeLines('altered.jsonl.gz', altered);
    await expect(restoreDatabase(target.db, file('altered.jsonl.gz'))).rejects.toThrow(
      'Backup table org_unit fails its checksum',
    );
    const lastAudit = content.filter((l) => l.startsWith('{"t":"audit_log"')).at(-1);
    writeLines(
      'truncated.jsonl.gz',
      content.filter((l) => l !== lastAudit),
    );
    await expect(restoreDatabase(target.db, file('truncated.jsonl.gz'))).rejects.toThrow(
      'Backup table audit_log fails its checksum',
    );
    const gz = fs.readFileSync(file('a.jsonl.gz'));
    gz[Math.floor(gz.length / 2)]! ^= 0xff;
    fs.writeFileSync(file('flipped.jsonl.gz'), gz);
    await expect(restoreDatabase(target.db, file('flipped.jsonl.gz'))).rejects.toThrow();

    const after = await backupDatabase(target.db, file('after.jsonl.gz'));
    expect(after.tables).toEqual(before.tables);
  });

  it('replaces whatever the database held since the backup', async () => {
    await createUser(ctx, 'viewer', 'SD-FIN', 'after.backup');
    await restoreDatabase(ctx.db, file('a.jsonl.gz'));
    const users = await ctx.db.selectFrom('appUser').select('username').execute();
    expect(users.map((u) => u.username)).not.toContain('after.backup');
    expect((await backupDatabase(ctx.db, file('c.jsonl.gz'))).tables).toEqual(original.tables);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, rows: 8 });
  });

  it('refuses a backup written by a newer version', async () => {
    const content = lines('a.jsonl.gz');
    const header = JSON.parse(content[0]!);
    header.migrations.push('9999-from-the-future');
    writeLines('newer.jsonl.gz', [JSON.stringify(header), ...content.slice(1)]);
    await expect(restoreDatabase(target.db, file('newer.jsonl.gz'))).rejects.toThrow(/newer version/);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totpCode } from '../auth/totp.ts';
import { asTableOwner, deleteAndRenumber, rechainAuditLog } from '../../test/audit-tamper.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  SYSTEM_ACTOR,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { createCheckpointStore, createCheckpointWriter, type CheckpointWriter } from './audit-checkpoint.ts';
import { verifyAuditChain, verifyAuditLog } from './audit-verify.ts';

/**
 * Signed checkpoints of the chain head, kept outside the database (issue 11, defect 2): the role
 * that owns the tables can rewrite the whole chain consistently, but not the checkpoints.
 */
describe('audit log checkpoints', () => {
  let ctx: TestContext;
  let writer: CheckpointWriter;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  const store = () => ctx.services.auditCheckpoints;
  const verify = () => verifyAuditLog(ctx.db, store(), ctx.clock.now());
  const writeRows = async (n: number) => {
    for (let i = 0; i < n; i++)
      await ctx.db
        .transaction()
        .execute((trx) =>
          ctx.services.audit.record(trx, SYSTEM_ACTOR, { action: 'test.row', details: { i } }),
        );
  };
  const problems = async () => (await verify()).problems.map((p) => [p.seq, p.problem]);

  // Each test starts from 18 rows, checkpoints at #10 and #15, and 3 rows after the last checkpoint.
  beforeEach(async () => {
    await asTableOwner(ctx.db, (trx) => sql`DELETE FROM audit_log`.execute(trx));
    fs.rmSync(store().file, { force: true });
    writer = createCheckpointWriter({ db: ctx.db, store: store(), clock: ctx.clock });
    await writeRows(10);
    await writer.checkpoint();
    await writeRows(5);
    await writer.checkpoint();
    await writeRows(3);
  });

  it('verifies an untouched log against its checkpoints, kept in a private file of signed JSON lines', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, rows: 18, headSeq: 18, problems: [] });
    expect(result.checkpoints).toEqual({
      file: ctx.config.auditCheckpointFile,
      total: 2,
      valid: 2,
      lastSeq: 15,
      lastAt: ctx.clock.now().toISOString(),
    });
    expect(store().file.startsWith(ctx.config.dataDir)).toBe(true);
    expect(fs.statSync(store().file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(store().file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => Object.keys(JSON.parse(l) as object))).toEqual(
      Array(2).fill(['seq', 'hash', 'at', 'writer', 'prev', 'sig']),
    );
    const [first, second] = lines.map((l) => JSON.parse(l) as { writer: string; prev: string; sig: string });
    expect(first).toMatchObject({ writer: second!.writer, prev: null });
    expect(second!.prev).toBe(first!.sig);
    // A head already written is not written again by this process; another process's writer
    // writes it too, and the two processes' chains interleave in the file.
    expect(await writer.checkpoint()).toMatchObject({ seq: 18 });
    expect(await writer.checkpoint()).toBeNull();
    const other = createCheckpointWriter({ db: ctx.db, store: store(), clock: ctx.clock });
    expect(await other.checkpoint()).toMatchObject({ seq: 18 });
    await writeRows(1);
    expect(await other.checkpoint()).toMatchObject({ seq: 19 });
    expect(await writer.checkpoint()).toMatchObject({ seq: 19 });
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { total: 6, valid: 6, lastSeq: 19 } });
  });

  const fileLines = () => fs.readFileSync(store().file, 'utf8').trimEnd().split('\n');
  const rewriteFile = (lines: string[]) =>
    fs.writeFileSync(store().file, lines.map((l) => `${l}\n`).join(''), { mode: 0o600 });

  it('reports checkpoint lines dropped from the file, duplicated or moved', async () => {
    await writer.checkpoint();
    const lines = fileLines();
    expect(lines).toHaveLength(3);
    rewriteFile([lines[0]!, lines[2]!]);
    const dropped = await verify();
    expect(dropped.ok).toBe(false);
    expect(dropped.problems.map((p) => [p.seq, p.problem])).toEqual([[18, 'checkpoint_chain_broken']]);
    expect(dropped.problems[0]!.message).toContain('检查点文件第 2 行与同一进程的上一行（第 1 行）接不上');
    expect(dropped.problems[0]!.message).toContain(
      "line 2 does not follow its writer's previous line (line 1)",
    );
    // The first lines cut off: what is left starts from a line that names a predecessor.
    rewriteFile(lines.slice(1));
    expect(await problems()).toEqual([[15, 'checkpoint_chain_broken']]);
    rewriteFile([...lines, lines[2]!]);
    expect(await problems()).toEqual([[18, 'checkpoint_chain_broken']]);
    rewriteFile([lines[1]!, lines[0]!, lines[2]!]);
    expect(await problems()).toEqual([
      [15, 'checkpoint_chain_broken'],
      [10, 'checkpoint_chain_broken'],
      [18, 'checkpoint_chain_broken'],
    ]);
    rewriteFile(lines);
    expect((await verify()).ok).toBe(true);
  });

  it('reports an older copy of the file put back under a running server at its next checkpoint', async () => {
    const older = fs.readFileSync(store().file);
    await writer.checkpoint();
    fs.writeFileSync(store().file, older);
    // The copy alone is a consistent file of the past…
    expect((await verify()).ok).toBe(true);
    // …but the server's next line chains to the line the copy lacks.
    await writeRows(1);
    await writer.checkpoint();
    const result = await verify();
    expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([[19, 'checkpoint_chain_broken']]);
    expect(result.problems[0]!.message).toContain('line 3 does not follow');
  });

  it('reports a checkpoint file deleted or emptied once the log has rows older than a checkpoint interval', async () => {
    fs.rmSync(store().file);
    // Rows younger than one interval: no server has had to checkpoint them yet.
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { total: 0, valid: 0 } });
    const now = ctx.clock.now();
    try {
      ctx.clock.advance(5 * 60_000);
      const missing = await verify();
      expect(missing.ok).toBe(false);
      expect(missing.problems.map((p) => [p.seq, p.problem])).toEqual([[18, 'checkpoints_missing']]);
      expect(missing.problems[0]!.message).toContain('不存在或没有有效检查点');
      expect(missing.problems[0]!.message).toContain(
        `the checkpoint file ${store().file} is missing or holds no valid checkpoint`,
      );
      fs.writeFileSync(store().file, '');
      expect(await problems()).toEqual([[18, 'checkpoints_missing']]);
      // An empty log needs no checkpoint.
      await asTableOwner(ctx.db, (trx) => sql`DELETE FROM audit_log`.execute(trx));
      expect((await verify()).ok).toBe(true);
    } finally {
      ctx.clock.set(now);
    }
  });

  it('reports a log renumbered and re-chained with the app’s own hash function by the table owner', async () => {
    await asTableOwner(ctx.db, async (trx) => {
      await deleteAndRenumber(trx, 4);
      await rechainAuditLog(trx);
    });
    // The chain alone looks intact: this is what `audit verify` said before the checkpoints.
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, rows: 17, problems: [] });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([
      [10, 'checkpoint_mismatch'],
      [15, 'checkpoint_mismatch'],
    ]);
    expect(result.problems[0]!.message).toContain('签名检查点不符');
    expect(result.problems[0]!.message).toContain('does not match the signed checkpoint');
  });

  it('reports a row rewritten and the chain recomputed, without renumbering', async () => {
    await asTableOwner(ctx.db, async (trx) => {
      await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 12`.execute(trx);
      await rechainAuditLog(trx);
    });
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    expect(await problems()).toEqual([[15, 'checkpoint_mismatch']]);
  });

  it('reports the last rows deleted back before the last checkpoint', async () => {
    await asTableOwner(ctx.db, (trx) => sql`DELETE FROM audit_log WHERE seq > 12`.execute(trx));
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, rows: 12, headSeq: 12 });
    const result = await verify();
    expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([[15, 'checkpoint_row_missing']]);
    expect(result.problems[0]!.message).toMatch(/已不存在.*truncated or renumbered/);
  });

  it('reports a forged checkpoint line and a damaged one, and does not trust them', async () => {
    await asTableOwner(ctx.db, async (trx) => {
      await sql`DELETE FROM audit_log WHERE seq > 12`.execute(trx);
      await sql`UPDATE audit_log SET action = 'test.other' WHERE seq = 3`.execute(trx);
      await rechainAuditLog(trx);
    });
    const head = await ctx.db
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .where('seq', '=', 12)
      .executeTakeFirstOrThrow();
    // Someone without the secret key signs the rewritten head with a key of their own.
    const forger = createCheckpointStore({ file: store().file, crypto: createFieldCrypto(randomBytes(32)) });
    await forger.append({
      ...head,
      at: ctx.clock.now().toISOString(),
      writer: 'forger:1:00000000',
      prev: null,
    });
    fs.appendFileSync(store().file, '{"seq": 12, "hash": "cut\n');
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([
      [12, 'checkpoint_invalid'],
      [0, 'checkpoint_invalid'],
      [10, 'checkpoint_mismatch'],
      [15, 'checkpoint_row_missing'],
    ]);
    expect(result.problems[0]!.message).toContain('line 3 has a bad signature');
    expect(result.checkpoints).toMatchObject({ total: 4, valid: 2, lastSeq: 15 });
  });

  it('writes a checkpoint of the head at the start and at a clean stop', async () => {
    const running = createCheckpointWriter({ db: ctx.db, store: store(), clock: ctx.clock });
    running.start();
    await running.checkpoint();
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { valid: 3, lastSeq: 18 } });
    await writeRows(2);
    await running.stop();
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { valid: 4, lastSeq: 20 } });
  });

  describe('on the audit administrator’s page', () => {
    /** An audit administrator who has enrolled TOTP, so the session carries the second factor. */
    async function auditAdmin(): Promise<Client> {
      const admin = await createUser(ctx, 'audit_admin', 'SD');
      const client = await login(ctx, admin.username);
      const { secret } = (await client.post('/api/auth/totp', { currentPassword: admin.password })).json<{
        secret: string;
      }>();
      const res = await client.post('/api/auth/totp/confirmation', {
        code: totpCode(secret, ctx.clock.now().getTime()),
      });
      if (res.statusCode !== 204) throw new Error(`TOTP enrolment failed: ${res.body}`);
      return client;
    }

    it('shows the checkpoints and the last verification to the audit administrator only', async () => {
      await seedShangdang(ctx);
      const admin = await auditAdmin();
      const before = (await admin.get('/api/audit/checkpoints')).json<{ lastVerification: unknown }>();
      expect(before.lastVerification).toBeNull();

      await asTableOwner(ctx.db, async (trx) => {
        await deleteAndRenumber(trx, 2);
        await rechainAuditLog(trx);
      });
      const verification = await admin.post('/api/audit/verification');
      expect(verification.statusCode).toBe(200);
      expect(verification.json()).toMatchObject({
        ok: false,
        problems: [
          { seq: 10, problem: 'checkpoint_mismatch' },
          { seq: 15, problem: 'checkpoint_mismatch' },
        ],
        checkpoints: { total: 2, valid: 2, lastSeq: 15 },
      });

      const res = await admin.get('/api/audit/checkpoints');
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        file: string;
        total: number;
        valid: number;
        items: Array<{ seq: number; valid: boolean }>;
        lastVerification: { actorName: string; result: string; details: { problems: number } };
      }>();
      expect(body).toMatchObject({ file: store().file, total: 2, valid: 2 });
      expect(body.items.map((i) => [i.seq, i.valid])).toEqual([
        [15, true],
        [10, true],
      ]);
      expect(body.lastVerification).toMatchObject({ result: 'failure', details: { problems: 2 } });

      const coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
      expect((await coordinator.get('/api/audit/checkpoints')).statusCode).toBe(403);
    });
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log.ts';
import { createFixedClock } from '../clock/clock.ts';
import { AppError } from '../errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { createJobRunner } from './job-runner.ts';

describe('background jobs on a real database', () => {
  let database: TestDatabase;
  const clock = createFixedClock('2021-06-10T00:00:00Z');
  const seen: number[] = [];
  let runner: ReturnType<typeof createJobRunner>;

  beforeAll(async () => {
    database = await createTestDatabase();
    runner = createJobRunner({ db: database.db, clock });
    runner.register<{ n: number }>('test.double', async ({ payload, progress, jobId }) => {
      await progress(50);
      const row = await database.db
        .selectFrom('job')
        .select('progress')
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow();
      seen.push(row.progress);
      return { doubled: payload.n * 2 };
    });
    runner.register('test.refuse', async () => {
      throw new AppError('ENROLLMENT_WINDOW_STILL_OPEN', 409);
    });
    runner.register('test.crash', async () => {
      throw new Error('secret internal detail');
    });
  });
  afterAll(async () => {
    await runner.idle();
    await database?.close();
  });

  const enqueue = (kind: string, payload: Record<string, unknown> = {}, via = runner) =>
    database.db
      .transaction()
      .execute((trx) => via.enqueue(trx, { kind, payload, ownerId: null, orgUnitId: null }));
  const job = (id: string) =>
    database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a job after its commit, reporting progress and storing the result', async () => {
    const id = await enqueue('test.double', { n: 21 });
    expect((await job(id)).state).toBe('queued');
    runner.start(id);
    await runner.settled(id);
    expect(await job(id)).toMatchObject({
      state: 'succeeded',
      progress: 100,
      result: { doubled: 42 },
      error: null,
    });
    expect(seen).toEqual([50]);
  });

  it('never runs a job whose transaction rolled back', async () => {
    const before = await database.db.selectFrom('job').select('id').execute();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await runner.enqueue(trx, { kind: 'test.double', payload: { n: 1 }, ownerId: null, orgUnitId: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await database.db.selectFrom('job').select('id').execute()).toHaveLength(before.length);
  });

  it('records a refusal with its code and messages, and hides internal errors behind JOB_FAILED', async () => {
    const refused = await enqueue('test.refuse');
    const crashed = await enqueue('test.crash');
    runner.start(refused);
    runner.start(crashed);
    await runner.idle();
    expect(await job(refused)).toMatchObject({
      state: 'failed',
      error: { code: 'ENROLLMENT_WINDOW_STILL_OPEN' },
    });
    const c = await job(crashed);
    expect(c).toMatchObject({ state: 'failed', error: { code: 'JOB_FAILED' } });
    expect(JSON.stringify(c.error)).not.toContain('secret');
  });

  const markRunning = (id: string, lease: { owner: string | null; expiresInS: number | null }) =>
    database.db
      .updateTable('job')
      .set({
        state: 'running',
        progress: 40,
        leaseOwner: lease.owner,
        leaseExpiresAt:
          lease.expiresInS === null ? null : sql<Date>`now() + make_interval(secs => ${lease.expiresInS})`,
      })
      .where('id', '=', id)
      .execute();

  it('fails jobs a crash left running, visibly, and resumes queued ones at startup', async () => {
    const orphan = await enqueue('test.double', { n: 1 });
    await markRunning(orphan, { owner: null, expiresInS: null });
    const expired = await enqueue('test.double', { n: 3 });
    await markRunning(expired, { owner: 'dead-host:1:00000000', expiresInS: -1 });
    const waiting = await enqueue('test.double', { n: 2 });
    const restarted = createJobRunner({ db: database.db, clock });
    restarted.register<{ n: number }>('test.double', async ({ payload }) => ({ doubled: payload.n * 2 }));
    expect(await restarted.recover()).toEqual({ failed: 2, resumed: 1 });
    await restarted.idle();
    for (const id of [orphan, expired])
      expect(await job(id)).toMatchObject({
        state: 'failed',
        progress: 40,
        error: { code: 'JOB_INTERRUPTED' },
      });
    expect(await job(waiting)).toMatchObject({ state: 'succeeded', result: { doubled: 4 } });
  });

  it('leaves a job alone while another process holds its lease (a second process starting up)', async () => {
    const held = await enqueue('test.double', { n: 5 });
    await markRunning(held, { owner: 'other-host:2:11111111', expiresInS: 30 });
    const second = createJobRunner({ db: database.db, clock });
    second.register('test.double', async () => null);
    expect(await second.recover()).toEqual({ failed: 0, resumed: 0 });
    expect(await job(held)).toMatchObject({ state: 'running', leaseOwner: 'other-host:2:11111111' });
    await database.db.updateTable('job').set({ state: 'failed' }).where('id', '=', held).execute();
  });

  it('gives each queued job to one process only, and a busy process leaves it to a free one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const runnerFor = (name: string) => {
      const r = createJobRunner({ db: database.db, clock, maxRunning: 1 });
      r.register('test.wait', async ({ jobId }) => {
        ran.push(`${name}:${jobId}`);
        await gate;
        return name;
      });
      return r;
    };
    const [a, b] = [runnerFor('a'), runnerFor('b')];
    const first = await enqueue('test.wait', {}, a);
    const second = await enqueue('test.wait', {}, a);
    a.start(first);
    a.start(second); // a is busy with `first`: `second` stays queued
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await job(second)).toMatchObject({ state: 'queued' });
    const [claimedByA, claimedByB] = await Promise.all([a.recover(), b.recover()]);
    expect(claimedByA.resumed + claimedByB.resumed).toBe(1);
    release();
    await Promise.all([a.idle(), b.idle()]);
    expect(ran.sort()).toEqual([`a:${first}`, `b:${second}`].sort());
    expect(await job(first)).toMatchObject({ state: 'succeeded', result: 'a', leaseOwner: a.owner });
    expect(await job(second)).toMatchObject({ state: 'succeeded', result: 'b', leaseOwner: b.owner });
  });

  it('settles a job its starter had no room for: it waits for room and runs it, wherever it is', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = createJobRunner({ db: database.db, clock, maxRunning: 1 });
    r.register('test.gated', () => gate);
    r.register('test.quick', async () => 'done');
    const busy = await enqueue('test.gated', {}, r);
    r.start(busy);
    const queued = await enqueue('test.quick', {}, r);
    r.start(queued); // no room: it stays queued
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await job(queued)).state).toBe('queued');
    const waiting = r.settled(queued);
    setTimeout(release, 100);
    await waiting;
    expect(await job(queued)).toMatchObject({ state: 'succeeded', result: 'done' });
    await r.settled(busy);
    expect((await job(busy)).state).toBe('succeeded');
  });

  it('settles a job that its starter and a poll both tried to claim', async () => {
    const r = createJobRunner({ db: database.db, clock });
    r.register('test.quick', async () => 'done');
    for (let i = 0; i < 5; i++) {
      const id = await enqueue('test.quick', {}, r);
      r.start(id);
      await Promise.all([r.recover(), r.settled(id)]);
      expect(await job(id)).toMatchObject({ state: 'succeeded', result: 'done' });
    }
  });

  it('renews the lease of a running job while its handler works', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = createJobRunner({ db: database.db, clock, leaseMs: 1500 });
    r.register('test.slow', () => gate);
    const id = await enqueue('test.slow', {}, r);
    r.start(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const first = (await job(id)).leaseExpiresAt!;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const later = (await job(id)).leaseExpiresAt!;
    expect(later.getTime()).toBeGreaterThan(first.getTime());
    expect(await createJobRunner({ db: database.db, clock }).recover()).toEqual({ failed: 0, resumed: 0 });
    release();
    await r.settled(id);
    expect(await job(id)).toMatchObject({ state: 'succeeded' });
  });

  describe('a handler that lost its lease (it ran past it, and another process failed the job)', () => {
    const audit = createAuditLog(clock);
    const system = { id: null, name: 'job', orgUnitId: null, ip: null };
    /** A handler that reports progress, waits for `gate`, then reports again or writes its result. */
    const register = (r: typeof runner, gate: Promise<void>, after: 'progress' | 'write', seen: string[]) =>
      r.register('test.commit', async ({ jobId, progress, assertLease }) => {
        await progress(20);
        await gate;
        try {
          if (after === 'progress') await progress(60);
          await database.db.transaction().execute(async (trx) => {
            await assertLease(trx);
            await audit.record(trx, system, {
              action: 'test.job.result',
              objectType: 'job',
              objectId: jobId,
            });
          });
        } catch (error) {
          seen.push(error instanceof AppError ? error.code : String(error));
          throw error;
        }
        return 'written';
      });
    const resultRows = (id: string) =>
      database.db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'test.job.result')
        .where('objectId', '=', id)
        .execute();
    /** What another process does to a job whose lease ran out: it fails it as interrupted. */
    const takeOver = async (id: string) => {
      await database.db
        .updateTable('job')
        .set({ leaseExpiresAt: sql<Date>`now() - interval '1 second'` })
        .where('id', '=', id)
        .execute();
      expect(await createJobRunner({ db: database.db, clock }).recover()).toEqual({ failed: 1, resumed: 0 });
    };

    for (const after of ['write', 'progress'] as const)
      it(`writes nothing once the lease is lost (${after === 'write' ? 'its final transaction' : 'a progress update'} refuses with JOB_LEASE_LOST)`, async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const seen: string[] = [];
        const logged: string[] = [];
        const r = createJobRunner({ db: database.db, clock, log: (e) => logged.push(String(e)) });
        register(r, gate, after, seen);
        const id = await enqueue('test.commit', {}, r);
        r.start(id);
        while ((await job(id)).progress < 20) await new Promise((resolve) => setTimeout(resolve, 10));
        await takeOver(id);
        release();
        await r.settled(id);
        expect(seen).toEqual(['JOB_LEASE_LOST']);
        expect(await resultRows(id)).toEqual([]);
        expect(await job(id)).toMatchObject({
          state: 'failed',
          progress: 20,
          result: null,
          error: { code: 'JOB_INTERRUPTED' },
        });
        expect(logged).toEqual([expect.stringContaining('its outcome is dropped')]);
      });

    it('writes the result of a job whose lease is still held', async () => {
      const seen: string[] = [];
      const r = createJobRunner({ db: database.db, clock });
      register(r, Promise.resolve(), 'write', seen);
      const id = await enqueue('test.commit', {}, r);
      r.start(id);
      await r.settled(id);
      expect(seen).toEqual([]);
      expect(await resultRows(id)).toHaveLength(1);
      expect(await job(id)).toMatchObject({ state: 'succeeded', result: 'written', leaseOwner: r.owner });
    });
  });
});

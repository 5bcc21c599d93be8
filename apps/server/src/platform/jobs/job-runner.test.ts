import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  const enqueue = (kind: string, payload: Record<string, unknown> = {}) =>
    database.db
      .transaction()
      .execute((trx) => runner.enqueue(trx, { kind, payload, ownerId: null, orgUnitId: null }));
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

  it('fails jobs a crash left running, visibly, and resumes queued ones at startup', async () => {
    const orphan = await enqueue('test.double', { n: 1 });
    await database.db
      .updateTable('job')
      .set({ state: 'running', progress: 40 })
      .where('id', '=', orphan)
      .execute();
    const waiting = await enqueue('test.double', { n: 2 });
    const restarted = createJobRunner({ db: database.db, clock });
    restarted.register<{ n: number }>('test.double', async ({ payload }) => ({ doubled: payload.n * 2 }));
    expect(await restarted.recover()).toEqual({ failed: 1, resumed: 1 });
    await restarted.idle();
    expect(await job(orphan)).toMatchObject({
      state: 'failed',
      progress: 40,
      error: { code: 'JOB_INTERRUPTED' },
    });
    expect(await job(waiting)).toMatchObject({ state: 'succeeded', result: { doubled: 4 } });
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setUpSeason } from '../modules/enrollment/enrollment.test-helpers.ts';
import {
  createTestContext,
  createUser,
  seedShangdang,
  taskByNumber,
  TEST_PASSWORD,
  type TestContext,
} from '../test/test-context.ts';
import { spawnServer, type ServerProcess } from '../test/server-process.ts';

const postgres = inject('testDb').kind === 'postgresql';

/** A signed-in HTTP session against one server process. */
async function signIn(server: ServerProcess, username: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  return {
    get: (url: string) => fetch(`${server.url}${url}`, { headers: { cookie } }),
    post: (url: string, body: unknown = {}) =>
      fetch(`${server.url}${url}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}

describe.skipIf(!postgres)('two app processes on one PostgreSQL database', () => {
  let ctx: TestContext;
  let season: Awaited<ReturnType<typeof setUpSeason>>;
  let planId: string;
  let a: ServerProcess;
  let b: ServerProcess;
  const users = { coordinator: '', clerk: '' };
  let env: Record<string, string>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-two-'));

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    season = await setUpSeason(ctx);
    users.coordinator = (await createUser(ctx, 'coordinator', 'SD-EDU')).username;
    users.clerk = (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username;
    // The in-process app only seeded: from here the two spawned processes serve (and run jobs).
    await ctx.app.close();
    env = {
      DATABASE_URL: ctx.database.url!,
      ZHIJIAO_WORKERS: '1',
      ZHIJIAO_DATA_DIR: dataDir,
      ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
      // After both batch windows closed, inside the plan's 2021 Q2 period.
      ZHIJIAO_CLOCK_START: '2021-06-21T01:00:00Z',
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await ctx?.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const job = (id: string) =>
    ctx.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const until = async <T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    let value = await read();
    while (!done(value) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      value = await read();
    }
    return value;
  };

  it('keeps a match job running on one process while the other restarts, then finishes it', async () => {
    // The test holds the run table: the job matches, then waits to store its run (still running).
    const blocker = new pg.Client({ connectionString: ctx.database.url! });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE enrollment_run IN EXCLUSIVE MODE');
      const coordinator = await signIn(a, users.coordinator);
      const started = await coordinator.post(`/api/enrollment/batches/${season.batches.general}/runs`);
      expect(started.status, await started.clone().text()).toBe(202);
      const { jobId } = (await started.json()) as { jobId: string };
      const running = await until(
        () => job(jobId),
        (j) => j.progress >= 80,
      );
      expect(running).toMatchObject({ state: 'running', progress: 80 });

      await b.stop();
      b = await spawnServer(env);
      // Past the restart's recovery and a poll of the new process: the job is still A's, running.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(await job(jobId)).toMatchObject({
        state: 'running',
        leaseOwner: running.leaseOwner,
        error: null,
      });

      await blocker.query('COMMIT');
      const done = await until(
        () => job(jobId),
        (j) => j.state !== 'running',
      );
      expect(done).toMatchObject({ state: 'succeeded', progress: 100, leaseOwner: running.leaseOwner });
      expect((done.result as { runId: string }).runId).toEqual(expect.any(String));
    } finally {
      await blocker.end();
    }
  });

  it('shows a write made on one process on the other’s dashboard at once (not a cache lifetime later)', async () => {
    const onB = await signIn(b, users.coordinator);
    const dashboard = async () => {
      const res = await onB.get('/api/plans/shangdang-vet-2020/dashboard');
      expect(res.status).toBe(200);
      return (await res.json()) as { kpis: { pendingReviews: number } };
    };
    const periods = (await (await onB.get('/api/plans/shangdang-vet-2020/periods')).json()) as {
      items: Array<{ id: string; current: boolean }>;
    };
    expect((await dashboard()).kpis.pendingReviews).toBe(0); // now cached on B for 5 s

    const clerkOnA = await signIn(a, users.clerk);
    const created = await clerkOnA.post('/api/progress-reports', {
      taskId: (await taskByNumber(ctx, planId, 10)).id,
      periodId: periods.items.find((p) => p.current)!.id,
      progress: 'on_track',
      narrative: '本季度开展职业技能提升培训 12 期。',
      submit: true,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const t0 = Date.now();
    const seen = await until(dashboard, (d) => d.kpis.pendingReviews === 1, 4000);
    expect(seen.kpis.pendingReviews).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

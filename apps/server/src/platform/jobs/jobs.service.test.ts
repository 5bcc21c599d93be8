import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';

describe('reading a job: scope and the job kind’s permission', () => {
  let ctx: TestContext;
  let jobId: string;
  let owner: { id: string; username: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    owner = await createUser(ctx, 'coordinator', 'SD-EDU');
    const edu = await ctx.db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD-EDU')
      .executeTakeFirstOrThrow();
    // Queued, never started: only who may read it matters here.
    jobId = await ctx.db.transaction().execute((trx) =>
      ctx.services.jobs.enqueue(trx, {
        kind: 'enrollment.match',
        payload: {},
        ownerId: owner.id,
        orgUnitId: edu.id,
      }),
    );
  });
  afterAll(() => ctx?.close());

  const status = async (role: 'coordinator' | 'viewer', orgCode: string) => {
    const user = await createUser(ctx, role, orgCode);
    return (await (await login(ctx, user.username)).get(`/api/jobs/${jobId}`)).statusCode;
  };

  it('shows a matching job to its owner and to another user in scope who may manage enrolment', async () => {
    expect((await (await login(ctx, owner.username)).get(`/api/jobs/${jobId}`)).statusCode).toBe(200);
    expect(await status('coordinator', 'SD-EDU')).toBe(200);
  });

  it('hides it (404) from a user whose scope holds the unit but who lacks enrollment.manage', async () => {
    expect(await status('viewer', 'SD')).toBe(404);
  });
});

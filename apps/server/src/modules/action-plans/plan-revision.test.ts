import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHANGDANG_DIR } from '../../demo/bootstrap.ts';
import { createTestContext, seedShangdang, SYSTEM_ACTOR, type TestContext } from '../../test/test-context.ts';

const planText = (version: number, status: string) =>
  fs
    .readFileSync(path.join(SHANGDANG_DIR, 'action-plan.yaml'), 'utf8')
    .replace(/^version: 1$/m, `version: ${version}`)
    .replace(/^status: published$/m, `status: ${status}`);

describe('draft versions and revisions', () => {
  let ctx: TestContext;
  const current = async () =>
    ctx.db.selectFrom('plan').select(['version', 'status']).where('isCurrent', '=', true).execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  it('imports a draft v2 without displacing the published current v1', async () => {
    const v2 = await ctx.services.plans.imports.importPlan(planText(2, 'draft'), SYSTEM_ACTOR);
    expect(v2).toMatchObject({ created: true, version: 2 });
    expect(await current()).toEqual([{ version: 1, status: 'published' }]);
  });

  it('creates v3 as a draft from v2 with an edited clause, through the import insert path', async () => {
    const v2 = await ctx.db.selectFrom('plan').select('id').where('version', '=', 2).executeTakeFirstOrThrow();
    const result = await ctx.db.transaction().execute((trx) =>
      ctx.services.plans.imports.createRevision(
        trx,
        { basePlanId: v2.id, edits: [{ key: 'preamble', text: '修订后的前言。' }] },
        SYSTEM_ACTOR,
      ),
    );
    expect(result).toMatchObject({ created: true, version: 3, changedKeys: ['preamble'] });
    const v3 = await ctx.db
      .selectFrom('plan')
      .select(['status', 'preamble', 'isCurrent'])
      .where('id', '=', result.planId)
      .executeTakeFirstOrThrow();
    expect(v3).toEqual({ status: 'draft', preamble: '修订后的前言。', isCurrent: false });
    const tasks = await ctx.db.selectFrom('planTask').select('id').where('planId', '=', result.planId).execute();
    expect(tasks).toHaveLength(21);
    const audit = await ctx.db.selectFrom('auditLog').select('action').where('action', '=', 'plan.revise').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses unknown clauses and edits that change nothing, writing nothing', async () => {
    const v2 = await ctx.db.selectFrom('plan').select(['id', 'preamble']).where('version', '=', 2).executeTakeFirstOrThrow();
    const revise = (edits: Array<{ key: string; text: string }>) =>
      ctx.db
        .transaction()
        .execute((trx) => ctx.services.plans.imports.createRevision(trx, { basePlanId: v2.id, edits }, SYSTEM_ACTOR))
        .catch((e: { code: string; details: Array<{ code: string }> }) => e);
    expect(await revise([{ key: 'task-99', text: 'x' }])).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ code: 'PLAN_CLAUSE_UNKNOWN' }],
    });
    expect(await revise([{ key: 'preamble', text: v2.preamble }])).toMatchObject({
      details: [{ code: 'PLAN_REVISION_EMPTY' }],
    });
    expect(await ctx.db.selectFrom('plan').select('id').execute()).toHaveLength(3);
  });

  it('makes a newly published version current again', async () => {
    await ctx.services.plans.imports.importPlan(planText(4, 'published'), SYSTEM_ACTOR);
    expect(await current()).toEqual([{ version: 4, status: 'published' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHANGDANG_VERSION, shangdangPlanText } from '../../test/shangdang-plan.ts';
import { createTestContext, seedShangdang, SYSTEM_ACTOR, type TestContext } from '../../test/test-context.ts';

// The seeded file's version is published and current; the tests add a draft after it, a revision
// of that draft, then a newly published version.
const PUBLISHED = SHANGDANG_VERSION;
const DRAFT = SHANGDANG_VERSION + 1;
const REVISION = SHANGDANG_VERSION + 2;
const REPUBLISHED = SHANGDANG_VERSION + 3;

describe('draft versions and revisions', () => {
  let ctx: TestContext;
  const current = async () =>
    ctx.db.selectFrom('plan').select(['version', 'status']).where('isCurrent', '=', true).execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  it('imports a draft of the next version without displacing the published current one', async () => {
    const draft = await ctx.services.plans.imports.importPlan(
      shangdangPlanText({ version: DRAFT, status: 'draft' }),
      SYSTEM_ACTOR,
    );
    expect(draft).toMatchObject({ created: true, version: DRAFT });
    expect(await current()).toEqual([{ version: PUBLISHED, status: 'published' }]);
  });

  it('creates the next version as a draft revision of the draft with an edited clause, through the import insert path', async () => {
    const draft = await ctx.db
      .selectFrom('plan')
      .select('id')
      .where('version', '=', DRAFT)
      .executeTakeFirstOrThrow();
    const result = await ctx.db
      .transaction()
      .execute((trx) =>
        ctx.services.plans.imports.createRevision(
          trx,
          { basePlanId: draft.id, edits: [{ key: 'preamble', text: '修订后的前言。' }] },
          SYSTEM_ACTOR,
        ),
      );
    expect(result).toMatchObject({ created: true, version: REVISION, changedKeys: ['preamble'] });
    const revision = await ctx.db
      .selectFrom('plan')
      .select(['status', 'preamble', 'isCurrent'])
      .where('id', '=', result.planId)
      .executeTakeFirstOrThrow();
    expect(revision).toEqual({ status: 'draft', preamble: '修订后的前言。', isCurrent: false });
    const tasks = await ctx.db
      .selectFrom('planTask')
      .select('id')
      .where('planId', '=', result.planId)
      .execute();
    expect(tasks).toHaveLength(21);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'plan.revise')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses unknown clauses and edits that change nothing, writing nothing', async () => {
    const draft = await ctx.db
      .selectFrom('plan')
      .select(['id', 'preamble'])
      .where('version', '=', DRAFT)
      .executeTakeFirstOrThrow();
    const revise = (edits: Array<{ key: string; text: string }>) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          ctx.services.plans.imports.createRevision(trx, { basePlanId: draft.id, edits }, SYSTEM_ACTOR),
        )
        .catch((e: { code: string; details: Array<{ code: string }> }) => e);
    expect(await revise([{ key: 'task-99', text: 'x' }])).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ code: 'PLAN_CLAUSE_UNKNOWN' }],
    });
    expect(await revise([{ key: 'preamble', text: draft.preamble }])).toMatchObject({
      details: [{ code: 'PLAN_REVISION_EMPTY' }],
    });
    expect(await ctx.db.selectFrom('plan').select('id').execute()).toHaveLength(3);
  });

  it('makes a newly published version current again', async () => {
    await ctx.services.plans.imports.importPlan(
      shangdangPlanText({ version: REPUBLISHED, status: 'published' }),
      SYSTEM_ACTOR,
    );
    expect(await current()).toEqual([{ version: REPUBLISHED, status: 'published' }]);
  });
});

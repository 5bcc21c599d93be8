import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import * as catalogue from './catalogue.service.ts';
import * as conversion from './conversion.service.ts';
import * as account from './credit-account.service.ts';
import { creditBankStepsBy } from './credit-bank.queries.ts';
import { seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as {
    code: string;
    status: number;
    details?: Array<{ field: string; code: string; message: string; messageEn: string }>;
  } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details ?? [] };
}

/**
 * The reviewer's queue of pending conversions (待审转换) and the reversal of an approved one
 * (撤销转换): scoped like the decisions, a reversing ledger entry (never an edit), audited.
 */
describe('conversion queue and reversal (待审转换, 撤销转换)', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'coordinator', Actor>;
  let learnerId: string;
  let vecLearnerId: string;
  let ruleId: string;
  let vecRuleId: string;
  let applicationId: string;

  const entriesOf = (id: string) =>
    ctx.db
      .selectFrom('creditLedgerEntry')
      .select(['id', 'kind', 'credits', 'reverses', 'reason'])
      .where('learnerId', '=', id)
      .orderBy('seq')
      .execute();

  /** Records, recognises (80 credits) and answers an outcome of a learner. */
  async function recognisedOutcome(clerk: Actor, learner: string, number: string) {
    const o = await outcomes.recordOutcome(deps, clerk, learner, {
      type: 'one_plus_x_certificate',
      title: 'Web 前端开发',
      level: 'intermediate',
      issuer: '工业和信息化部教育与考试中心',
      number,
      achievedOn: '2021-03-01',
    });
    await review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {});
    return o.id;
  }

  const ruleBody = {
    majorCode: '710205',
    outcomeType: 'one_plus_x_certificate' as const,
    minLevel: 'intermediate' as const,
    exempts: ['C201', 'C202'],
    credits: 60,
    validFrom: '2021-01-01',
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
    };
    learnerId = await seedLearner(ctx, 'SD-VHS', 41);
    vecLearnerId = await seedLearner(ctx, 'SD-VEC', 42);
    await catalogue.createCatalogueVersion(deps, actors.coordinator, {
      year: 2021,
      entries: [
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'intermediate',
          suggestedCredits: 80,
        },
      ],
    });
    ruleId = (await conversion.createConversionRule(deps, actors.vhs, ruleBody)).id;
    vecRuleId = (await conversion.createConversionRule(deps, actors.vec, ruleBody)).id;
    await recognisedOutcome(actors.vhs, learnerId, 'REV-1');
    await recognisedOutcome(actors.vec, vecLearnerId, 'REV-2');
  }, 600_000);
  afterAll(() => ctx?.close());

  it('lists pending applications: the district’s reviewer sees every school’s with the right to decide, a clerk its own school’s only', async () => {
    applicationId = (await conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId })).id;
    const vecApplication = await conversion.applyForConversion(deps, actors.vec, vecLearnerId, {
      ruleId: vecRuleId,
    });
    const all = await conversion.listConversionQueue(deps, actors.coordinator, { status: 'applied' });
    expect(all.total).toBe(2);
    expect(all.items.map((c) => c.id).sort()).toEqual([applicationId, vecApplication.id].sort());
    expect(all.items.find((c) => c.id === applicationId)).toMatchObject({
      learnerName: '学生41',
      majorCode: '710205',
      majorName: '计算机应用',
      credits: 60,
      courses: ['C201', 'C202'],
      rule: { exempts: ['C201', 'C202'], credits: 60 },
      outcome: { title: 'Web 前端开发', type: 'one_plus_x_certificate', level: 'intermediate' },
      abilities: { approve: true, refuse: true, reverse: false },
    });
    expect(all.items[0]!.explanationZh).toContain('免修课程');
    expect(all.items[0]!.school.name).not.toBe('');
    const own = await conversion.listConversionQueue(deps, actors.vhs, { status: 'applied' });
    expect(own).toMatchObject({ total: 1, items: [{ id: applicationId, abilities: { approve: false } }] });
    const paged = await conversion.listConversionQueue(deps, actors.coordinator, {
      status: 'applied',
      limit: 1,
      offset: 1,
    });
    expect(paged).toMatchObject({ total: 2, items: [{ id: all.items[1]!.id }] });
    await conversion.refuseConversion(deps, actors.coordinator, vecApplication.id, { reason: '材料不全' });
    expect(
      (await conversion.listConversionQueue(deps, actors.coordinator, { status: 'applied' })).total,
    ).toBe(1);
  });

  it('refuses to reverse what is not approved, or without a reason, or by anyone but the district’s reviewer', async () => {
    expect(
      await refusal(
        conversion.reverseConversion(deps, actors.coordinator, applicationId, { reason: '误批' }),
      ),
    ).toMatchObject({ code: 'CONVERSION_NOT_APPROVED', status: 409 });
    await conversion.approveConversion(deps, actors.coordinator, applicationId);
    const blank = await refusal(
      conversion.reverseConversion(deps, actors.coordinator, applicationId, { reason: '  ' }),
    );
    expect(blank).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(blank.details[0]).toMatchObject({ field: 'reason', code: 'REQUIRED' });
    expect(blank.details[0]!.message).toContain('原因');
    expect(blank.details[0]!.messageEn).toContain('reason');
    expect(
      (await refusal(conversion.reverseConversion(deps, actors.vhs, applicationId, { reason: '误批' })))
        .status,
    ).toBe(403);
    expect(
      (await refusal(conversion.reverseConversion(deps, actors.vec, applicationId, { reason: '误批' })))
        .status,
    ).toBe(404);
    // Who may reverse comes before what they sent: no reason from those who may not is 403 / 404, not 400.
    expect(
      (await refusal(conversion.reverseConversion(deps, actors.vhs, applicationId, { reason: ' ' }))).status,
    ).toBe(403);
    expect(
      (await refusal(conversion.reverseConversion(deps, actors.vec, applicationId, { reason: '' }))).status,
    ).toBe(404);
    // Over HTTP, a body without the reason: 400 naming the field, in zh and en.
    const reviewer = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const missing = await reviewer.post(`/api/credit-conversions/${applicationId}/reverse`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ field: 'body.reason', code: 'REQUIRED' }] },
    });
    expect(JSON.stringify(missing.json())).toContain('缺少必填字段');
    expect((await entriesOf(learnerId)).map((e) => e.kind)).toEqual(['post', 'convert']);
  });

  it('reverses an approved conversion: a reversing entry gives back exactly the credits, 已撤销, audited, never twice', async () => {
    const before = await account.getCreditAccount(deps, actors.vhs, learnerId);
    expect(before.balance).toBe(20);
    const approvedOn = chinaDate(ctx.clock.now());
    ctx.clock.advance(2 * 86_400_000);
    const reversed = await conversion.reverseConversion(deps, actors.coordinator, applicationId, {
      reason: '证书被发证机构撤销',
    });
    expect(reversed).toMatchObject({
      status: 'reversed',
      reversalReason: '证书被发证机构撤销',
      abilities: { reverse: false },
    });
    expect(reversed.decidedAt).not.toBeNull();
    expect(reversed.reversedAt).not.toBeNull();
    const entries = await entriesOf(learnerId);
    expect(entries.map((e) => [e.kind, e.credits, e.reverses])).toEqual([
      ['post', 80, null],
      ['convert', -60, null],
      ['reverse', 60, `convert:${applicationId}`],
    ]);
    expect(entries[2]!.reason).toBe('证书被发证机构撤销');
    const after = await account.getCreditAccount(deps, actors.vhs, learnerId);
    expect(after.balance).toBe(80);
    expect(after.outcomes).toMatchObject([{ standing: 80, converted: 0, available: 80 }]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['details'])
      .where('action', '=', 'credit_conversion.reversed')
      .where('objectId', '=', applicationId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ learnerId, credits: 60 });
    expect(
      await refusal(
        conversion.reverseConversion(deps, actors.coordinator, applicationId, { reason: '再撤' }),
      ),
    ).toMatchObject({ code: 'CONVERSION_ALREADY_REVERSED', status: 409 });
    expect(await entriesOf(learnerId)).toHaveLength(3);
    // The plan's figure counts it while it stood, not from the day it was reversed.
    const school = [reversed.schoolId];
    expect((await creditBankStepsBy(ctx.db, school, approvedOn)).converted).toBe(1);
    expect((await creditBankStepsBy(ctx.db, school, chinaDate(ctx.clock.now()))).converted).toBe(0);
  });

  it('frees the outcome and the courses: a new application under the rule is checked and approved again', async () => {
    const again = await conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId });
    expect(again).toMatchObject({ status: 'applied', credits: 60, courses: ['C201', 'C202'] });
    await conversion.approveConversion(deps, actors.coordinator, again.id);
    expect((await account.getCreditAccount(deps, actors.vhs, learnerId)).balance).toBe(20);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import * as catalogue from './catalogue.service.ts';
import * as conversion from './conversion.service.ts';
import * as account from './credit-account.service.ts';
import { seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';

async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Array<{ field: string; code: string }> } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details ?? [] };
}

describe('conversion (转换): a school’s rule, an application checked and explained, the district’s approval posts a convert entry', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'coordinator', Actor>;
  let learnerId: string;
  let ruleId: string;
  let outcomeId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
    };
    learnerId = await seedLearner(ctx, 'SD-VHS', 31);
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
    const o = await outcomes.recordOutcome(deps, actors.vhs, learnerId, {
      type: 'one_plus_x_certificate',
      title: 'Web 前端开发',
      level: 'intermediate',
      issuer: '工业和信息化部教育与考试中心',
      number: 'CONV-1',
      achievedOn: '2021-03-01',
    });
    outcomeId = o.id;
  }, 600_000);
  afterAll(() => ctx?.close());

  it('publishes a rule of the clerk’s own school only; the coordinator may not', async () => {
    const body = {
      majorCode: '710205',
      outcomeType: 'one_plus_x_certificate' as const,
      minLevel: 'intermediate' as const,
      exempts: ['C101', 'C102', 'C103'],
      credits: 60,
      validFrom: '2021-01-01',
    };
    expect((await refusal(conversion.createConversionRule(deps, actors.coordinator, body))).status).toBe(403);
    const rule = await conversion.createConversionRule(deps, actors.vhs, body);
    expect(rule).toMatchObject({ exempts: ['C101', 'C102', 'C103'], credits: 60, majorCode: '710205' });
    ruleId = rule.id;
    expect((await conversion.listConversionRules(deps, actors.vec)).map((r) => r.id)).not.toContain(ruleId);
  });

  it('refuses an application, with every reason, before the outcome’s credits are recognised', async () => {
    const e = await refusal(conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId }));
    expect(e).toMatchObject({ code: 'CONVERSION_REFUSED', status: 409 });
    expect(e.details.map((d) => d.code)).toEqual(['CONVERSION_NO_QUALIFYING_OUTCOME']);
  });

  it('applies with the explanation; the district approves: a convert entry of the rule’s credits, never twice', async () => {
    await review.recogniseLearningOutcome(deps, actors.coordinator, outcomeId, {});
    const applied = await conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId });
    expect(applied).toMatchObject({
      status: 'applied',
      outcomeId,
      credits: 60,
      courses: ['C101', 'C102', 'C103'],
    });
    expect(applied.explanationZh).toContain('免修课程：C101、C102、C103');
    // The courses are taken by the application: a second one is refused.
    const twice = await refusal(conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId }));
    expect(twice.details.map((d) => d.code)).toContain('CONVERSION_COURSE_ALREADY_EXEMPTED');
    expect((await refusal(conversion.approveConversion(deps, actors.vhs, applied.id))).status).toBe(403);
    expect((await refusal(conversion.approveConversion(deps, actors.vec, applied.id))).status).toBe(404);
    const approved = await conversion.approveConversion(deps, actors.coordinator, applied.id);
    expect(approved.status).toBe('approved');
    const acc = await account.getCreditAccount(deps, actors.vhs, learnerId);
    expect(acc.entries.map((e) => [e.kind, e.credits])).toEqual([
      ['post', 80],
      ['convert', -60],
    ]);
    expect(acc.balance).toBe(20);
    expect(acc.outcomes).toEqual([{ outcomeId, standing: 80, converted: 60, available: 0 }]);
    expect(await refusal(conversion.approveConversion(deps, actors.coordinator, applied.id))).toMatchObject({
      code: 'CONVERSION_NOT_APPLIED',
    });
    // The outcome's credits are used: it can no longer be revoked until the conversion is.
    expect(
      await refusal(review.revokeLearningOutcome(deps, actors.coordinator, outcomeId, { reason: '作废' })),
    ).toMatchObject({
      code: 'OUTCOME_CREDITS_CONVERTED',
      status: 409,
    });
  });
});

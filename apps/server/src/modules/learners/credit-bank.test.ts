import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import * as catalogue from './catalogue.service.ts';
import * as account from './credit-account.service.ts';
import { seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';

/** The error a promise rejects with: its code, status and details. */
async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Array<{ field: string; code: string }> } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details };
}

const ISSUER = '工业和信息化部教育与考试中心';
const webCertificate = (
  number: string,
  level: 'elementary' | 'intermediate' | 'advanced' = 'intermediate',
) => ({
  type: 'one_plus_x_certificate' as const,
  title: 'Web 前端开发',
  level,
  issuer: ISSUER,
  number,
  achievedOn: '2021-03-01',
});

describe('the credit bank: outcomes recorded by the school, recognised by the district, posted to an append-only account', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'coordinator' | 'eduClerk', Actor>;
  let vhsLearner: string;
  let vecLearner: string;

  const entriesOf = (learnerId: string) =>
    ctx.db
      .selectFrom('creditLedgerEntry')
      .select(['id', 'kind', 'outcomeId', 'credits', 'reverses'])
      .where('learnerId', '=', learnerId)
      .orderBy('seq')
      .execute();
  const auditOf = (action: string, objectId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['actorId', 'details'])
      .where('action', '=', action)
      .where('objectId', '=', objectId)
      .execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
    };
    vhsLearner = await seedLearner(ctx, 'SD-VHS', 1);
    vecLearner = await seedLearner(ctx, 'SD-VEC', 2);
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
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'elementary',
          suggestedCredits: 40,
        },
      ],
    });
  }, 600_000);
  afterAll(() => ctx?.close());

  it('keeps the catalogue in versions, by the district’s reviewer only; the highest version is in force', async () => {
    expect(
      (await refusal(catalogue.createCatalogueVersion(deps, actors.vhs, { year: 2021, entries: [] }))).status,
    ).toBe(403);
    const v2 = await catalogue.createCatalogueVersion(deps, actors.coordinator, {
      year: 2021,
      note: '增加高级',
      entries: [
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'intermediate',
          suggestedCredits: 80,
        },
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'elementary',
          suggestedCredits: 40,
        },
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'advanced',
          suggestedCredits: 120,
        },
      ],
    });
    expect(v2).toMatchObject({ year: 2021, version: 2, inForce: true });
    const listed = await catalogue.listCatalogues(deps, actors.vhs, { year: 2021 });
    expect(listed.map((c) => [c.version, c.inForce, c.entries.length])).toEqual([
      [2, true, 3],
      [1, false, 2],
    ]);
    const twice = await refusal(
      catalogue.createCatalogueVersion(deps, actors.coordinator, {
        year: 2022,
        entries: [
          {
            type: 'course_credit',
            certificateCode: null,
            certificateName: '',
            level: null,
            suggestedCredits: 10,
          },
          {
            type: 'course_credit',
            certificateCode: null,
            certificateName: '',
            level: null,
            suggestedCredits: 20,
          },
        ],
      }),
    );
    expect(twice).toMatchObject({ code: 'OUTCOME_CATALOGUE_INVALID', status: 400 });
    expect(twice.details?.[0]).toMatchObject({ field: 'entries.1', code: 'DUPLICATE' });
  });

  it('records an outcome by the learner’s own school only, 待认定, audited; one certificate number of an issuer is one outcome', async () => {
    const o = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, webCertificate('X-0001'));
    expect(o).toMatchObject({
      status: 'pending',
      source: 'school',
      learnerId: vhsLearner,
      level: 'intermediate',
    });
    expect(await auditOf('learning_outcome.recorded', o.id)).toEqual([
      expect.objectContaining({ actorId: actors.vhs.userId }),
    ]);
    // Another school's clerk does not see the learner; 区教育局's clerk and the coordinator see, but do not keep.
    expect(
      (await refusal(outcomes.recordOutcome(deps, actors.vec, vhsLearner, webCertificate('X-0002')))).status,
    ).toBe(404);
    expect(
      (await refusal(outcomes.recordOutcome(deps, actors.eduClerk, vhsLearner, webCertificate('X-0002'))))
        .status,
    ).toBe(403);
    expect(
      (await refusal(outcomes.recordOutcome(deps, actors.coordinator, vhsLearner, webCertificate('X-0002'))))
        .status,
    ).toBe(403);
    // The same number (spaces and case aside) of the same issuer again.
    const dup = await refusal(
      outcomes.recordOutcome(deps, actors.vhs, vhsLearner, webCertificate(' x-0001 ')),
    );
    expect(dup).toMatchObject({ code: 'OUTCOME_DUPLICATE', status: 409 });
    const bad = await refusal(
      outcomes.recordOutcome(deps, actors.vhs, vhsLearner, {
        ...webCertificate('X-0003'),
        level: null,
        achievedOn: '2030-01-01',
      }),
    );
    expect(bad.details?.map((d) => d.field).sort()).toEqual(['achievedOn', 'level']);
  });

  it('recognition by the district posts the catalogue’s credits; a school cannot recognise; a decided outcome is not decided again', async () => {
    const o = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, webCertificate('X-0101'));
    expect((await refusal(review.recogniseLearningOutcome(deps, actors.vhs, o.id, {}))).status).toBe(403);
    expect((await refusal(review.recogniseLearningOutcome(deps, actors.eduClerk, o.id, {}))).status).toBe(
      403,
    );
    const before = (await account.getCreditAccount(deps, actors.vhs, vhsLearner)).balance;
    const done = await review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {});
    expect(done).toMatchObject({
      status: 'recognised',
      recognitions: [{ credits: 80, catalogueYear: 2021, catalogueVersion: 2 }],
    });
    const after = await account.getCreditAccount(deps, actors.vhs, vhsLearner);
    expect(after.balance).toBe(before + 80);
    expect(after.balance).toBe(after.entries.reduce((s, e) => s + e.credits, 0));
    const post = after.entries.find((e) => e.outcomeId === o.id)!;
    expect(post).toMatchObject({ kind: 'post', credits: 80, id: `post:${done.recognitions[0]!.id}` });
    expect(await auditOf('learning_outcome.recognised', o.id)).toEqual([
      expect.objectContaining({ actorId: actors.coordinator.userId }),
    ]);
    expect(await refusal(review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {}))).toMatchObject({
      code: 'OUTCOME_NOT_PENDING',
      status: 409,
    });
  });

  it('refuses recognition outside the catalogue with every reason; the reviewer refuses with a reason, and the number is free again', async () => {
    const o = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, {
      type: 'competition_award',
      title: '市职业技能大赛一等奖',
      issuer: '长治市教育局',
      achievedOn: '2021-04-01',
      number: 'AWARD-1',
    });
    const no = await refusal(review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {}));
    expect(no).toMatchObject({ code: 'OUTCOME_NOT_RECOGNISABLE', status: 409 });
    expect(no.details?.map((d) => d.code)).toEqual(['OUTCOME_TYPE_NOT_CATALOGUED']);
    const refused = await review.refuseLearningOutcome(deps, actors.coordinator, o.id, {
      reason: '名录未收录',
    });
    expect(refused).toMatchObject({ status: 'refused', statusReason: '名录未收录' });
    expect(refused.statusReasons.map((r) => r.code)).toEqual(['OUTCOME_TYPE_NOT_CATALOGUED']);
    expect(await entriesOf(vhsLearner).then((es) => es.filter((e) => e.outcomeId === o.id))).toEqual([]);
    const again = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, {
      type: 'competition_award',
      title: '市职业技能大赛一等奖',
      issuer: '长治市教育局',
      achievedOn: '2021-04-01',
      number: 'AWARD-1',
    });
    expect(again.status).toBe('pending');
  });

  it('revocation reverses exactly the outcome’s credits, once; the balance stays the sum of the entries', async () => {
    const keep = await outcomes.recordOutcome(
      deps,
      actors.vec,
      vecLearner,
      webCertificate('X-0201', 'elementary'),
    );
    const gone = await outcomes.recordOutcome(deps, actors.vec, vecLearner, webCertificate('X-0202'));
    await review.recogniseLearningOutcome(deps, actors.coordinator, keep.id, {});
    await review.recogniseLearningOutcome(deps, actors.coordinator, gone.id, {
      credits: 75,
      note: '按实际课时',
    });
    expect((await account.getCreditAccount(deps, actors.vec, vecLearner)).balance).toBe(115);
    expect(
      (await refusal(review.revokeLearningOutcome(deps, actors.vec, gone.id, { reason: '证书作废' }))).status,
    ).toBe(403);
    const revoked = await review.revokeLearningOutcome(deps, actors.coordinator, gone.id, {
      reason: '证书作废',
    });
    expect(revoked).toMatchObject({ status: 'revoked', statusReason: '证书作废' });
    const acc = await account.getCreditAccount(deps, actors.vec, vecLearner);
    expect(acc.balance).toBe(40);
    const ofGone = (await entriesOf(vecLearner)).filter((e) => e.outcomeId === gone.id);
    expect(ofGone.map((e) => [e.kind, e.credits])).toEqual([
      ['post', 75],
      ['reverse', -75],
    ]);
    expect(ofGone[1]!.reverses).toBe(ofGone[0]!.id);
    expect(acc.outcomes.find((r) => r.outcomeId === gone.id)).toMatchObject({ standing: 0, available: 0 });
    expect(
      await refusal(review.revokeLearningOutcome(deps, actors.coordinator, gone.id, { reason: '再次' })),
    ).toMatchObject({
      code: 'OUTCOME_NOT_RECOGNISED',
      status: 409,
    });
    expect(await auditOf('learning_outcome.revoked', gone.id)).toEqual([
      expect.objectContaining({
        details: expect.objectContaining({
          reversed: [{ entryId: `reverse:${ofGone[0]!.id}`, credits: -75 }],
        }),
      }),
    ]);
  });

  it('two reviewers recognising one outcome at once post its credits once (the outcome’s row lock)', async () => {
    const o = await outcomes.recordOutcome(
      deps,
      actors.vhs,
      vhsLearner,
      webCertificate('X-0301', 'elementary'),
    );
    const results = await Promise.allSettled([
      review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {}),
      review.recogniseLearningOutcome(deps, actors.coordinator, o.id, {}),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'OUTCOME_NOT_PENDING' });
    expect((await entriesOf(vhsLearner)).filter((e) => e.outcomeId === o.id)).toHaveLength(1);
  });

  it('the ledger refuses UPDATE, DELETE and TRUNCATE, and a second reversal of one entry', async () => {
    const [entry] = await entriesOf(vecLearner);
    for (const statement of [
      sql`UPDATE credit_ledger_entry SET credits = 1000 WHERE id = ${entry!.id}`,
      sql`DELETE FROM credit_ledger_entry WHERE id = ${entry!.id}`,
      sql`TRUNCATE credit_ledger_entry CASCADE`,
    ])
      await expect(statement.execute(ctx.db)).rejects.toThrow(/append-only/);
    const reversed = (await entriesOf(vecLearner)).find((e) => e.kind === 'reverse')!;
    await expect(
      sql`INSERT INTO credit_ledger_entry (learner_id, id, kind, outcome_id, credits, reverses, posted_at)
          VALUES (${vecLearner}, 'reverse-again', 'reverse', ${reversed.outcomeId}, -75, ${reversed.reverses}, now())`.execute(
        ctx.db,
      ),
    ).rejects.toThrow(/credit_ledger_entry_reverses_key|duplicate key/);
    expect((await entriesOf(vecLearner)).map((e) => e.id)).toContain(entry!.id);
  });

  it('shows a school its own learners’ outcomes only; the district sees them all', async () => {
    const vecList = await outcomes.listOutcomes(deps, actors.vec, {});
    expect(vecList.items.length).toBeGreaterThan(0);
    expect(vecList.items.every((o) => o.learnerId === vecLearner)).toBe(true);
    const all = await outcomes.listOutcomes(deps, actors.coordinator, { status: 'pending' });
    expect(all.items.some((o) => o.learnerId === vhsLearner)).toBe(true);
    expect((await refusal(account.getCreditAccount(deps, actors.vec, vhsLearner))).status).toBe(404);
    expect((await refusal(outcomes.listLearnerOutcomes(deps, actors.vhs, vecLearner))).status).toBe(404);
    const vhsOutcome = (await outcomes.listLearnerOutcomes(deps, actors.vhs, vhsLearner))[0]!;
    expect((await refusal(outcomes.getOutcome(deps, actors.vec, vhsOutcome.id))).status).toBe(404);
  });

  it('tells the reviewer (and the school) beforehand what recognition would do: the catalogue’s credits, or its reasons', async () => {
    const listed = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, webCertificate('CHECK-1'));
    expect(await review.checkRecognition(deps, actors.coordinator, listed.id)).toEqual({
      recognisable: true,
      suggestedCredits: 80,
      reasons: [],
    });
    const award = await outcomes.recordOutcome(deps, actors.vhs, vhsLearner, {
      type: 'competition_award',
      title: '市职业技能大赛二等奖',
      issuer: '长治市教育局',
      achievedOn: '2021-04-01',
      number: 'AWARD-CHECK',
    });
    const check = await review.checkRecognition(deps, actors.coordinator, award.id);
    expect(check).toMatchObject({ recognisable: false, suggestedCredits: null });
    expect(check.reasons.map((r) => r.code)).toEqual(['OUTCOME_TYPE_NOT_CATALOGUED']);
    expect(check.reasons[0]!.en).toMatch(/\w/);
    // The school sees what the district will judge; another school does not see the outcome at all.
    expect(await review.checkRecognition(deps, actors.vhs, listed.id)).toMatchObject({
      suggestedCredits: 80,
    });
    expect((await refusal(review.checkRecognition(deps, actors.vec, listed.id))).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { createAuditLog } from '../audit/audit-log.ts';
import { createSignInGate } from './sign-in-gate.ts';

/**
 * The gate's counting when attempts interleave as they do in a burst (decided before the password
 * check, settled after it), driven step by step instead of by chance.
 */
describe('sign-in gate: interleaved attempts', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const limits = {
    lockoutThreshold: 5,
    lockoutMinutes: 10,
    maxFailuresPerHour: 50,
    addressFailureLimit: 10,
    addressWindowMinutes: 15,
  };

  it('audits the throttle start exactly once when an attempt refused by a locked account settles after the limit was reached', async () => {
    const gate = createSignInGate({ db: ctx.db, audit: createAuditLog(ctx.clock), limits });
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const ip = '198.51.100.7';
    const actor = (userId: string | null) => ({ id: userId, name: 'someone', orgUnitId: null, ip });
    const now = () => ctx.clock.now();
    const failOne = async (userId: string | null, countOnAccount = true) => {
      const decision = await gate.open({ ip, userId, actor: actor(userId), now: now() });
      if (decision.kind === 'throttled') throw new Error('throttled too early');
      await gate.fail({
        ip,
        userId,
        actor: actor(userId),
        now: now(),
        attemptId: decision.attemptId,
        reason: 'wrong_password',
        countOnAccount,
      });
    };
    // Five wrong passwords lock the account against this address; three more guesses make eight.
    for (let i = 0; i < 5; i++) await failOne(user.id);
    for (let i = 0; i < 3; i++) await failOne(null);

    // A refused attempt (the account is locked against this address) and a guess are both decided
    // before either settles; the guess settles the ninth failure, the refused one the tenth.
    const refused = await gate.open({ ip, userId: user.id, actor: actor(user.id), now: now() });
    expect(refused.kind).toBe('refused');
    const guess = await gate.open({ ip, userId: null, actor: actor(null), now: now() });
    expect(guess.kind).toBe('open');
    const settle = (attemptId: string, userId: string | null, countOnAccount: boolean) =>
      gate.fail({ ip, userId, actor: actor(userId), now: now(), attemptId, reason: 'x', countOnAccount });
    await settle((guess as { attemptId: string }).attemptId, null, true);
    await settle((refused as { attemptId: string }).attemptId, user.id, false);
    // Settling the refused attempt twice counts it once.
    await settle((refused as { attemptId: string }).attemptId, user.id, false);

    const starts = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'auth.throttle')
      .where('ip', '=', ip)
      .execute();
    expect(starts).toEqual([{ details: { client: ip, failures: 10, minutes: 15 } }]);
    expect((await gate.open({ ip, userId: null, actor: actor(null), now: now() })).kind).toBe('throttled');
  });
});

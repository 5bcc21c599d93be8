import type { Actor } from '../../platform/auth/actor.ts';
import { SHANGDANG_VERSION, shangdangPlanText } from '../../test/shangdang-plan.ts';
import {
  createUser,
  login,
  seedShangdang,
  SYSTEM_ACTOR,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { solveChallenge } from './challenge.ts';

/** The Shangdang plan file as version `version` with status draft (a 征求意见稿 to consult on). */
export function draftPlanText(version = SHANGDANG_VERSION + 1): string {
  return shangdangPlanText({ version, status: 'draft' });
}

/**
 * Seeds the published plan file (version `SHANGDANG_VERSION`, current) and imports it as a draft
 * of the next version (`SHANGDANG_VERSION + 1`); returns both plan ids.
 */
export async function seedDraftPlan(ctx: TestContext) {
  const published = await seedShangdang(ctx);
  const draft = await ctx.services.plans.imports.importPlan(
    draftPlanText(SHANGDANG_VERSION + 1),
    SYSTEM_ACTOR,
  );
  return { published: published.planId, draft: draft.planId };
}

/** A signed-in coordinator of the district: HTTP client and the service-level actor. */
export async function signInCoordinator(
  ctx: TestContext,
  orgCode = 'SD-EDU',
): Promise<{ client: Client; actor: Actor }> {
  const user = await createUser(ctx, 'coordinator', orgCode);
  const client = await login(ctx, user.username);
  const token = client.cookie
    .split('; ')
    .find((c) => c.startsWith('zj_session='))!
    .split('=')[1]!;
  const session = await ctx.services.auth.authenticate(token, '127.0.0.1');
  return { client, actor: session!.actor };
}

/** A solved challenge for one comment on a consultation, as the browser would send it. */
export async function solvedChallenge(ctx: TestContext, consultationId: string) {
  const c = await ctx.services.consultation.publicComments.getChallenge(consultationId);
  return { token: c.token, counter: solveChallenge(c.nonce, c.difficulty) };
}

/** Submits a public comment through the service, from `ip`. */
export async function comment(
  ctx: TestContext,
  consultationId: string,
  input: { clauseKey?: string; body?: string; authorName?: string; contact?: string },
  ip = '203.0.113.7',
) {
  return ctx.services.consultation.publicComments.submitComment(
    consultationId,
    {
      clauseKey: input.clauseKey ?? 'task-3',
      body: input.body ?? '建议明确统一招生平台的建成时间。',
      authorName: input.authorName ?? null,
      contact: input.contact ?? null,
      challenge: await solvedChallenge(ctx, consultationId),
    },
    { ip },
  );
}

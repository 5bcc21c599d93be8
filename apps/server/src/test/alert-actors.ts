import type { Role } from '@zhijiao/contracts';
import type { Actor } from '../platform/auth/actor.ts';
import type { SourcedAlert } from '../platform/alerts/alert-sources.ts';
import { createUser, login, type TestContext } from './test-context.ts';

/**
 * The actor of a new account with `role` at the unit `orgCode`, as a signed-in request would
 * carry it (permissions and scope resolved by the org module), for calling alert sources directly.
 */
export async function actorOf(ctx: TestContext, role: Role, orgCode: string): Promise<Actor> {
  const { username } = await createUser(ctx, role, orgCode);
  const client = await login(ctx, username);
  const token = client.cookie
    .split('; ')
    // `__Host-zj_session` when the app serves a https public address (secure cookies).
    .find((c) => /^(__Host-)?zj_session=/.test(c))!
    .split('=')[1]!;
  const session = await ctx.services.auth.authenticate(token, '127.0.0.1');
  return session!.actor;
}

/** One source's alerts for `actor` on `today`, as the alerts endpoint collects them. */
export async function sourceAlerts(
  ctx: TestContext,
  source: string,
  actor: Actor,
  today: string,
  lang: 'zh' | 'en' = 'zh',
): Promise<SourcedAlert[]> {
  return (await ctx.services.alertSources.collect(actor, lang, today)).filter((a) => a.source === source);
}

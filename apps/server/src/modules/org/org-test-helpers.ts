import type { Role } from '@zhijiao/contracts';
import { totpCode } from '../../platform/auth/totp.ts';
import { createUser, login, type Client, type TestContext } from '../../test/test-context.ts';

/**
 * An administrator (made as an operator would, on the command line) who has enrolled TOTP
 * through the API: their session carries the second factor.
 */
export async function adminClient(ctx: TestContext, role: Role, username?: string): Promise<Client> {
  const admin = await createUser(ctx, role, 'SD', username);
  const client = await login(ctx, admin.username);
  const { secret } = (await client.post('/api/auth/totp', { currentPassword: admin.password })).json<{
    secret: string;
  }>();
  const code = totpCode(secret, ctx.clock.now().getTime());
  const res = await client.post('/api/auth/totp/confirmation', { code });
  if (res.statusCode !== 204) throw new Error(`TOTP enrolment failed: ${res.body}`);
  return client;
}

/** A client's DELETE (the shared client has none). */
export function del(client: Client, url: string) {
  return client.request({ method: 'DELETE', url });
}

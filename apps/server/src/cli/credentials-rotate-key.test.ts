import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, type CredentialDeps } from '../platform/credentials/index.ts';
import { createTestContext, seedShangdang, type TestContext } from '../test/test-context.ts';
import { UsageError } from './args.ts';
import { rotateIssuerKey, type RotateKeyDeps } from './credentials-rotate-key.command.ts';

const PUBLIC_URL = 'https://zhijiao.example.gov.cn';
const actor = { id: null, name: 'system', orgUnitId: null, ip: null };
const toIssue = () => ({
  issuer: { name: '上党区教育局' },
  learner: { id: `urn:uuid:${randomUUID()}`, name: '张三' },
  achievement: {
    id: `${PUBLIC_URL}/achievements/elec-4`,
    name: '电工（中级）',
    description: '通过电工中级理论与实操考核。',
    criteria: '理论知识考试与技能操作考核均合格。',
    achievementType: 'Certificate' as const,
  },
});

/** `zhijiao credentials rotate-key`: the next key signs, the older keys' credentials still verify. */
describe('zhijiao credentials rotate-key', () => {
  let ctx: TestContext;
  let deps: CredentialDeps;
  let rotate: RotateKeyDeps;
  const verify = (credential: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/public/credentials/verify',
      payload: { credential },
      remoteAddress: '203.0.113.9',
    });
  const issue = () =>
    issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_PUBLIC_URL: PUBLIC_URL } });
    await seedShangdang(ctx);
    deps = { db: ctx.db, clock: ctx.clock, audit: ctx.services.audit, credentials: ctx.services.credentials };
    rotate = {
      config: ctx.config,
      crypto: ctx.crypto,
      clock: ctx.clock,
      db: ctx.db,
      audit: ctx.services.audit,
    };
  }, 600_000);
  afterAll(() => ctx?.close());

  it('rotates the district’s key: the old credential still verifies, a new one is signed with the new kid; audited', async () => {
    const old = await issue();
    const key = await rotateIssuerKey(rotate, 'SD');
    expect(key.keyId).toBe('key-2');
    const current = await issue();
    for (const [jwt, kid] of [
      [old.jwt, 'key-1'],
      [current.jwt, 'key-2'],
    ] as const) {
      expect((await verify(jwt)).json()).toMatchObject({
        valid: true,
        credential: { kid: `did:web:zhijiao.example.gov.cn:issuers:SD#${kid}` },
      });
    }
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['actorName', 'details'])
      .where('action', '=', 'credentials.issuer_key_rotated')
      .execute();
    expect(audit).toEqual([
      { actorName: 'cli', details: { issuer: 'SD', keyId: 'key-2', createdAt: key.createdAt } },
    ]);
  });

  it('refuses an issuer that is not a district, making no key', async () => {
    await expect(rotateIssuerKey(rotate, 'SD-VHS')).rejects.toBeInstanceOf(UsageError);
    await expect(rotateIssuerKey(rotate, 'NOPE')).rejects.toThrow(/district/);
    expect(ctx.services.credentials.issuer!.didDocument('SD').assertionMethod).toHaveLength(4);
  });
});

import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { verifyJWT } from 'did-jwt';
import { Resolver, type DIDResolutionResult } from 'did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { didDocumentUrl } from '../../platform/credentials/index.ts';
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
import { seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import { issueOutcomeCredential } from './outcome-credential.service.ts';
import * as outcomes from './outcomes.service.ts';

const PUBLIC_URL = 'https://zhijiao.example.gov.cn';

type Payload = {
  iss: string;
  credentialSubject: {
    id: string;
    identifier: unknown[];
    achievement: { id: string; name: string; description: string; achievementType: string };
  };
  credentialStatus: { statusListCredential: string; statusListIndex: string };
};
const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Payload;

/**
 * A recognised learning outcome issued as an Open Badges 3.0 credential (VC-JWT) by the learners
 * module through the platform, verified by independent libraries (did-jwt with a resolver reading
 * the did.json this app serves; digitalbazaar's decoder reading the served status list); revoking
 * the outcome revokes it; only the school's clerk or the district's reviewer issues, and only a
 * recognised outcome.
 */
describe('a recognised outcome as a credential anyone can verify', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'coordinator' | 'vec' | 'eduClerk', Actor>;
  let learnerId: string;
  let outcomeId: string;
  let jwt = '';

  const serve = (url: string) => ctx.app.inject({ method: 'GET', url: new URL(url).pathname });
  const resolver = new Resolver({
    web: async (did): Promise<DIDResolutionResult> => {
      const res = await serve(didDocumentUrl(did));
      return res.statusCode === 200
        ? {
            didDocument: res.json(),
            didDocumentMetadata: {},
            didResolutionMetadata: { contentType: 'application/did+json' },
          }
        : { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error: 'notFound' } };
    },
  });
  const didJwt = (token: string) => verifyJWT(token, { resolver, proofPurpose: 'assertionMethod' });
  const revokedBit = async (token: string) => {
    const { statusListCredential, statusListIndex } = payloadOf(token).credentialStatus;
    const list = await didJwt((await serve(statusListCredential)).body);
    const { encodedList } = (list.payload as { credentialSubject: { encodedList: string } })
      .credentialSubject;
    return (await decodeList({ encodedList })).getStatus(Number(statusListIndex));
  };

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_PUBLIC_URL: PUBLIC_URL } });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    const vhs = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    actors = {
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
    };
    learnerId = await seedLearner(ctx, 'SD-VHS', 7);
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
    outcomeId = (
      await outcomes.recordOutcome(deps, vhs, learnerId, {
        type: 'one_plus_x_certificate',
        title: 'Web 前端开发',
        level: 'intermediate',
        issuer: '工业和信息化部教育与考试中心',
        number: 'X2021-0007',
        achievedOn: '2021-03-01',
      })
    ).id;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('refuses a credential for an outcome not yet recognised (409), whoever asks', async () => {
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const res = await clerk.post(`/api/learning-outcomes/${outcomeId}/credential`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OUTCOME_NOT_RECOGNISED');
  });

  it('issues the recognised outcome to its school’s clerk as a VC-JWT that did-jwt verifies against the served did.json', async () => {
    await review.recogniseLearningOutcome(deps, actors.coordinator, outcomeId, {});
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const res = await clerk.post(`/api/learning-outcomes/${outcomeId}/credential`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    ({ jwt } = res.json() as { jwt: string });
    expect(res.json().fileName).toBe('学生7-Web 前端开发.jwt');
    const verified = await didJwt(jwt);
    expect(verified.issuer).toBe('did:web:zhijiao.example.gov.cn:issuers:SD');
    const subject = payloadOf(jwt).credentialSubject;
    expect(subject.id).toBe(`urn:uuid:${learnerId}`);
    // The holder's name as Open Badges 3.0 carries it: an IdentityObject of type name, not hashed.
    expect(subject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: '学生7' },
    ]);
    expect(subject.achievement).toMatchObject({
      id: `urn:uuid:${outcomeId}`,
      name: 'Web 前端开发（中级）',
      achievementType: 'Certificate',
    });
    expect(subject.achievement.description).toContain('证书编号 X2021-0007');
    expect(subject.achievement.description).toContain('认定 8 学分');
    // The holder's ID number is nowhere in it.
    expect(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).not.toMatch(/\d{17}[\dX]/);
    expect(await revokedBit(jwt)).toBe(false);
    // A tampered payload fails the independent check.
    const [h, p, s] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    forged.credentialSubject.achievement.name = 'Web 前端开发（高级）';
    await expect(
      didJwt(`${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`),
    ).rejects.toThrow();
  });

  it('lets the reviewer issue it too, but not another school’s clerk (404) or 区教育局’s clerk (403)', async () => {
    const issue = (actor: Actor) => issueOutcomeCredential(deps, actor, outcomeId);
    await expect(issue(actors.coordinator)).resolves.toMatchObject({ jwt: expect.stringMatching(/^ey/) });
    await expect(issue(actors.vec)).rejects.toMatchObject({ status: 404 });
    await expect(issue(actors.eduClerk)).rejects.toMatchObject({ status: 403 });
  });

  it('revoking the outcome revokes every credential issued for it: the served list says so', async () => {
    await review.revokeLearningOutcome(deps, actors.coordinator, outcomeId, {
      reason: '证书被培训评价组织注销',
    });
    expect(await revokedBit(jwt)).toBe(true);
    const open = await ctx.db
      .selectFrom('issuedCredential')
      .select(['revokedAt'])
      .where('subjectRef', '=', `learning_outcome:${outcomeId}`)
      .execute();
    expect(open).toHaveLength(2);
    expect(open.every((c) => c.revokedAt !== null)).toBe(true);
    const verdict = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/credentials/verify',
      payload: { credential: jwt },
      remoteAddress: '203.0.113.9',
    });
    expect(verdict.json()).toMatchObject({ signatureValid: true, revoked: true, valid: false });
  });
});

import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { verifyJWT } from 'did-jwt';
import { Resolver, type DIDResolutionResult } from 'did-resolver';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSCRIPT_ACHIEVEMENT_TYPE, TRANSCRIPT_RESULT_TYPES } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { didDocumentUrl, revokeCredential } from '../../platform/credentials/index.ts';
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
import { learnerIdNumber, seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';
import { issueTranscriptCredential } from './transcript-credential.service.ts';
import { getTranscript } from './transcript.service.ts';

const PUBLIC_URL = 'https://zhijiao.example.gov.cn';

type Payload = {
  id: string;
  credentialSubject: {
    identifier: unknown[];
    achievement: {
      name: string;
      description: string;
      achievementType: string;
      resultDescription: { id: string; name: string; resultType: string }[];
    };
    result: { resultDescription: string; value: string }[];
    creditsEarned: number;
  };
  credentialStatus: { statusListCredential: string; statusListIndex: string };
};
const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Payload;

/**
 * A learner's transcript (成绩单 / 学分档案): read from the register and the append-only credit
 * account, scoped as the learner is; issued as an Open Badges 3.0 VC-JWT that independent libraries
 * verify, that a tampered copy fails, that revocation revokes, and that stays a valid snapshot when
 * the learner's outcomes change afterwards.
 */
describe('the learner’s transcript, read and issued as a credential', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let actors: Record<'vhs' | 'vec' | 'coordinator' | 'eduClerk', Actor>;
  let learnerId: string;
  let webId: string;
  let elecId: string;
  let conversionId: string;
  let jwt = '';
  let address = 0;

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
  const verifyPublicly = async (token: string) =>
    (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/public/credentials/verify',
        payload: { credential: token },
        remoteAddress: `203.0.113.${++address}`,
      })
    ).json();
  const record = (number: string, title: string, level: 'intermediate' | 'advanced', achievedOn: string) =>
    outcomes.recordOutcome(deps, actors.vhs, learnerId, {
      type: 'one_plus_x_certificate',
      title,
      level,
      issuer: '工业和信息化部教育与考试中心',
      number,
      achievedOn,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_PUBLIC_URL: PUBLIC_URL } });
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
    };
    learnerId = await seedLearner(ctx, 'SD-VHS', 41);
    await seedLearner(ctx, 'SD-VEC', 42);
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
          level: 'advanced',
          suggestedCredits: 45,
        },
      ],
    });
    webId = (await record('TR-1', 'Web 前端开发', 'intermediate', '2021-01-05')).id;
    elecId = (await record('TR-2', '电工', 'advanced', '2021-02-01')).id;
    await record('TR-3', '物联网安装调试', 'intermediate', '2021-02-15'); // stays 待认定: not on the transcript
    await review.recogniseLearningOutcome(deps, actors.coordinator, webId, {});
    await review.recogniseLearningOutcome(deps, actors.coordinator, elecId, {});
    const rule = await conversion.createConversionRule(deps, actors.vhs, {
      majorCode: '710205',
      outcomeType: 'one_plus_x_certificate',
      minLevel: 'intermediate',
      exempts: ['C101', 'C102'],
      credits: 60,
      validFrom: '2021-01-01',
    });
    const applied = await conversion.applyForConversion(deps, actors.vhs, learnerId, { ruleId: rule.id });
    conversionId = (await conversion.approveConversion(deps, actors.coordinator, applied.id)).id;
  }, 600_000);
  afterAll(() => ctx?.close());

  it('shows the recognised outcomes with their credits, the approved conversion and totals from the ledger', async () => {
    const t = await getTranscript(deps, actors.vhs, learnerId);
    expect(t.learner).toMatchObject({
      name: '学生41',
      idMasked: '140421********' + learnerIdNumber(41).slice(-4),
      school: { name: expect.any(String) },
      majorName: '计算机应用',
      className: '1班',
      cohortYear: 2020,
      status: 'enrolled',
    });
    expect(t.outcomes.map((o) => [o.title, o.level, o.number, o.credits])).toEqual([
      ['Web 前端开发', 'intermediate', 'TR-1', 80],
      ['电工', 'advanced', 'TR-2', 45],
    ]);
    expect(t.conversions).toEqual([
      expect.objectContaining({ id: conversionId, courses: ['C101', 'C102'], credits: 60 }),
    ]);
    expect(t.totals).toEqual({ recognised: 125, converted: 60, balance: 65 });
    // The balance is the sum of the account's rows, as stored.
    const { rows } = await sql<{ sum: string }>`
      select sum(credits)::text as sum from credit_ledger_entry where learner_id = ${learnerId}`.execute(
      ctx.db,
    );
    expect(Number(rows[0]!.sum)).toBe(t.totals.balance);
    // Never the ID number in clear.
    expect(JSON.stringify(t)).not.toContain(learnerIdNumber(41));
  });

  it('is seen as the learner is: the district’s reviewer yes, another school’s clerk 404, over HTTP too', async () => {
    await expect(getTranscript(deps, actors.coordinator, learnerId)).resolves.toMatchObject({
      totals: { balance: 65 },
    });
    await expect(getTranscript(deps, actors.vec, learnerId)).rejects.toMatchObject({ status: 404 });
    const vhs = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const vec = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VEC')).username);
    const ok = await vhs.get(`/api/learners/${learnerId}/transcript`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().transcript.totals).toEqual({ recognised: 125, converted: 60, balance: 65 });
    expect(ok.body).not.toContain(learnerIdNumber(41));
    expect((await vec.get(`/api/learners/${learnerId}/transcript`)).statusCode).toBe(404);
    expect((await vec.post(`/api/learners/${learnerId}/transcript/credential`)).statusCode).toBe(404);
  });

  it('issues a VC-JWT that did-jwt verifies against the served did.json; a tampered copy fails', async () => {
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    const res = await clerk.post(`/api/learners/${learnerId}/transcript/credential`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    ({ jwt } = res.json() as { jwt: string });
    expect(res.json().fileName).toMatch(/^学生41-学分档案-\d{4}-\d{2}-\d{2}\.jwt$/);
    const verified = await didJwt(jwt);
    expect(verified.issuer).toBe('did:web:zhijiao.example.gov.cn:issuers:SD');
    const subject = payloadOf(jwt).credentialSubject;
    expect(subject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: '学生41' },
    ]);
    expect(subject.achievement.achievementType).toBe(TRANSCRIPT_ACHIEVEMENT_TYPE);
    expect(subject.achievement.name).toMatch(/^学分档案（成绩单）：学生41，截至 \d{4}-\d{2}-\d{2}$/);
    expect(subject.creditsEarned).toBe(6.5);
    // Shown to anyone: no class, no day of the status (a 休学 or 退学 date hints at why).
    expect(subject.achievement.description).not.toContain('1班');
    expect(subject.achievement.description).not.toContain('（自 ');
    expect(subject.achievement.description).toContain('级学生，在籍');
    const lines = subject.result.map((r) => {
      const d = subject.achievement.resultDescription.find((x) => x.id === r.resultDescription)!;
      return [d.resultType, r.value];
    });
    expect(lines).toEqual([
      [TRANSCRIPT_RESULT_TYPES.outcome, '8'],
      [TRANSCRIPT_RESULT_TYPES.outcome, '4.5'],
      [TRANSCRIPT_RESULT_TYPES.conversion, '6'],
      [TRANSCRIPT_RESULT_TYPES.totalRecognised, '12.5'],
      [TRANSCRIPT_RESULT_TYPES.totalConverted, '6'],
      [TRANSCRIPT_RESULT_TYPES.balance, '6.5'],
    ]);
    expect(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()).not.toMatch(/\d{17}[\dX]/);
    expect(await revokedBit(jwt)).toBe(false);
    const [h, p, s] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    forged.credentialSubject.result[0].value = '80';
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    await expect(didJwt(tampered)).rejects.toThrow();
    expect(await verifyPublicly(tampered)).toMatchObject({ valid: false, signatureValid: false });
  });

  it('lets the district’s reviewer issue it, not 区教育局’s clerk (403)', async () => {
    await expect(issueTranscriptCredential(deps, actors.coordinator, learnerId)).resolves.toMatchObject({
      jwt: expect.stringMatching(/^ey/),
    });
    await expect(issueTranscriptCredential(deps, actors.eduClerk, learnerId)).rejects.toMatchObject({
      status: 403,
    });
  });

  it('shows every line and the totals on the public verification, and stays valid as a snapshot when outcomes change', async () => {
    const answer = await verifyPublicly(jwt);
    expect(answer).toMatchObject({ valid: true, signatureValid: true, revoked: false });
    expect(answer.credential.holderName).toBe('学生41');
    expect(answer.credential.achievement.achievementType).toBe(TRANSCRIPT_ACHIEVEMENT_TYPE);
    expect(answer.credential.creditsEarned).toBe(6.5);
    expect(answer.credential.results).toHaveLength(6);
    expect(answer.credential.results[0]).toMatchObject({
      resultType: TRANSCRIPT_RESULT_TYPES.outcome,
      value: '8',
      name: expect.stringContaining('Web 前端开发（中级）'),
    });
    // A newer recognition changes today's transcript, not the credential issued before it.
    const later = await record('TR-4', '网络安全', 'intermediate', '2021-03-01');
    await review.recogniseLearningOutcome(deps, actors.coordinator, later.id, {});
    expect((await getTranscript(deps, actors.vhs, learnerId)).totals.balance).toBe(145);
    const again = await verifyPublicly(jwt);
    expect(again).toMatchObject({ valid: true, revoked: false, credential: { creditsEarned: 6.5 } });
  });

  it('is revoked through its status list: the served list and the public page say so', async () => {
    await revokeCredential(deps, {
      id: payloadOf(jwt).id,
      reason: '学籍信息有误，重新签发',
      actor: auditActorOf(actors.coordinator),
    });
    expect(await revokedBit(jwt)).toBe(true);
    expect(await verifyPublicly(jwt)).toMatchObject({ valid: false, signatureValid: true, revoked: true });
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { verifyJWT } from 'did-jwt';
import { Resolver, type DIDResolutionResult } from 'did-resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import type { AuditActor } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import {
  createCredentialIssuing,
  didDocumentUrl,
  issueCredential,
  revokeCredential,
  type CredentialDeps,
  type CredentialToIssue,
} from './index.ts';

const PUBLIC_URL = 'https://zhijiao.example.gov.cn';
const DID = 'did:web:zhijiao.example.gov.cn:issuers:SD';
const actor: AuditActor = { id: null, name: 'system', orgUnitId: null, ip: null };

const toIssue = (name = '张三'): CredentialToIssue => ({
  issuer: { name: '上党区教育局' },
  learner: { id: `urn:uuid:${randomUUID()}`, name },
  achievement: {
    id: `${PUBLIC_URL}/achievements/elec-4`,
    name: '电工（中级）',
    description: '通过电工中级理论与实操考核。',
    criteria: '理论知识考试与技能操作考核均合格。',
    achievementType: 'Certificate',
  },
});

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
    credentialStatus: { statusListCredential: string; statusListIndex: string };
    credentialSubject: { achievement: { name: string } };
  } & Record<string, unknown>;

/**
 * Issuing, revoking and the public routes on the real database; every token checked by
 * independent libraries — did-jwt with a did-resolver answering from the did.json this app
 * serves, and digitalbazaar's status list decoder reading the list it serves — and by the public
 * verification route.
 */
describe('credentials issued by the platform, verified by anyone', () => {
  let ctx: TestContext;
  let deps: CredentialDeps;
  /** GET of a public URL of this installation, through the app. */
  const serve = (url: string) => {
    expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
    return ctx.app.inject({ method: 'GET', url: new URL(url).pathname });
  };
  /** did:web resolution as a resolver does it, from the document this app serves. */
  const resolver = new Resolver({
    web: async (did): Promise<DIDResolutionResult> => {
      const res = await serve(didDocumentUrl(did));
      if (res.statusCode !== 200)
        return { didDocument: null, didDocumentMetadata: {}, didResolutionMetadata: { error: 'notFound' } };
      return {
        didDocument: res.json(),
        didDocumentMetadata: {},
        didResolutionMetadata: { contentType: 'application/did+json' },
      };
    },
  });
  const didJwt = (jwt: string) => verifyJWT(jwt, { resolver, proofPurpose: 'assertionMethod' });
  /** The credential's revocation bit as digitalbazaar reads it from the served, did-jwt-verified list. */
  const revokedBit = async (jwt: string) => {
    const { statusListCredential, statusListIndex } = payloadOf(jwt).credentialStatus;
    const res = await serve(statusListCredential);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const list = await didJwt(res.body);
    expect(list.issuer).toBe(payloadOf(jwt).iss);
    const subject = (list.payload as { credentialSubject: { encodedList: string; statusPurpose: string } })
      .credentialSubject;
    expect(subject.statusPurpose).toBe('revocation');
    return (await decodeList({ encodedList: subject.encodedList })).getStatus(Number(statusListIndex));
  };
  const verify = (credential: string, remoteAddress = '203.0.113.7') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/public/credentials/verify',
      payload: { credential },
      remoteAddress,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_PUBLIC_URL: PUBLIC_URL } });
    deps = { db: ctx.db, clock: ctx.clock, audit: ctx.services.audit, credentials: ctx.services.credentials };
  });
  afterAll(() => ctx?.close());

  it('issues a credential did-jwt verifies against the served did.json, its status bit clear in the served list', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/issuers/SD/did.json' })).statusCode).toBe(404);
    const subjectRef = `learning_outcome:${randomUUID()}`;
    const issued = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef,
      credential: toIssue(),
      actor,
    });
    expect(issued.id).toMatch(/^urn:uuid:/);

    const doc = await serve(`${PUBLIC_URL}/issuers/SD/did.json`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toMatch(/^application\/did\+json/);
    expect(doc.headers['access-control-allow-origin']).toBe('*');
    expect(doc.json()).toMatchObject({ id: DID, assertionMethod: [`${DID}#key-1`, `${DID}#key-1-multikey`] });

    const verified = await didJwt(issued.jwt);
    expect(verified.issuer).toBe(DID);
    expect(verified.payload).toMatchObject({
      id: issued.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListCredential: `${PUBLIC_URL}/issuers/SD/status/1`,
        statusListIndex: String(issued.statusListIndex),
      },
    });
    expect(await revokedBit(issued.jwt)).toBe(false);

    // The row keeps the JWT's hash, the list and index, never the JWT or the holder's name.
    const row = await ctx.db
      .selectFrom('issuedCredential')
      .selectAll()
      .where('subjectRef', '=', subjectRef)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: issued.id.slice('urn:uuid:'.length),
      districtCode: 'SD',
      statusIndex: issued.statusListIndex,
      credentialHash: createHash('sha256').update(issued.jwt).digest('hex'),
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain('张三');
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'credential.issue')
      .execute();
    expect(audit).toContainEqual({ action: 'credential.issue', objectId: row.id });
  });

  it('answers the public verification: who issued what to whom, the signature holding, not revoked', async () => {
    const { jwt, id } = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue('李四'),
      actor,
    });
    const res = await verify(jwt);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      valid: true,
      signatureValid: true,
      revoked: false,
      credential: {
        id,
        issuer: { id: DID, name: '上党区教育局' },
        achievement: {
          name: '电工（中级）',
          description: '通过电工中级理论与实操考核。',
          achievementType: 'Certificate',
        },
        holderName: '李四',
        // A single outcome's credential reports no result lines (a transcript's do).
        results: [],
        creditsEarned: null,
        validFrom: '2021-05-20T01:00:00Z',
        validUntil: null,
        kid: `${DID}#key-1`,
      },
      reasons: [],
    });
  });

  it('refuses a tampered credential: did-jwt and the public verification alike', async () => {
    const { jwt } = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    const [header, , signature] = jwt.split('.');
    const payload = payloadOf(jwt);
    payload.credentialSubject.achievement.name = '电工（高级）';
    const tampered = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    await expect(didJwt(tampered)).rejects.toThrow(/invalid_signature/);
    const res = await verify(tampered);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      valid: false,
      signatureValid: false,
      revoked: null,
      credential: null,
      reasons: [
        { code: 'CREDENTIAL_SIGNATURE_INVALID', zh: expect.stringContaining('签名'), en: expect.any(String) },
      ],
    });
  });

  it('revokes by subject: the bit set in the re-signed list digitalbazaar reads, the verification says revoked', async () => {
    const subjectRef = `learning_outcome:${randomUUID()}`;
    const first = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef,
      credential: toIssue(),
      actor,
    });
    const second = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef,
      credential: toIssue(),
      actor,
    });
    const other = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    const result = await revokeCredential(deps, { subjectRef, reason: '证书被发证机构撤销', actor });
    expect(result.revoked.sort()).toEqual([first.id, second.id].sort());
    expect(await revokedBit(first.jwt)).toBe(true);
    expect(await revokedBit(second.jwt)).toBe(true);
    expect(await revokedBit(other.jwt)).toBe(false);
    // The signature still holds: revocation is the list's business, not the token's.
    await expect(didJwt(first.jwt)).resolves.toMatchObject({ verified: true });

    const res = await verify(first.jwt);
    expect(res.json()).toMatchObject({
      valid: false,
      signatureValid: true,
      revoked: true,
      credential: { holderName: '张三' },
      reasons: [{ code: 'CREDENTIAL_REVOKED', zh: expect.stringContaining('撤销'), en: expect.any(String) }],
    });
    expect((await verify(other.jwt)).json()).toMatchObject({ valid: true, revoked: false });

    await expect(revokeCredential(deps, { subjectRef, reason: '再次', actor })).rejects.toMatchObject({
      code: 'CREDENTIAL_ALREADY_REVOKED',
      status: 409,
    });
    await expect(
      revokeCredential(deps, { id: `urn:uuid:${randomUUID()}`, reason: '无此证书', actor }),
    ).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', status: 404 });
    await expect(revokeCredential(deps, { id: other.id, reason: ' ', actor })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'reason' }],
    });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['objectId', 'details'])
      .where('action', '=', 'credential.revoke')
      .execute();
    expect(audit.map((a) => `urn:uuid:${a.objectId}`).sort()).toEqual(result.revoked.sort());
    // The reason stays in the credential's row, out of the audit log.
    expect(JSON.stringify(audit)).not.toContain('证书被发证机构撤销');
  });

  it('keeps a credential of a rotated-out key verifiable, and signs new ones with the new key', async () => {
    const old = await issueCredential(deps, {
      districtCode: 'RT',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    ctx.services.credentials.issuer!.rotate('RT');
    const current = await issueCredential(deps, {
      districtCode: 'RT',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    for (const [jwt, key] of [
      [old.jwt, 'key-1'],
      [current.jwt, 'key-2'],
    ] as const) {
      await expect(didJwt(jwt)).resolves.toMatchObject({ verified: true });
      expect((await verify(jwt, '203.0.113.8')).json()).toMatchObject({
        valid: true,
        credential: { kid: `did:web:zhijiao.example.gov.cn:issuers:RT#${key}` },
      });
    }
  });

  it('never gives two credentials the same bit, however many are issued at once, starting new lists when one is full', async () => {
    const small: CredentialDeps = {
      ...deps,
      credentials: createCredentialIssuing({
        config: ctx.config,
        crypto: ctx.crypto,
        clock: ctx.clock,
        listCapacity: 4,
      }),
    };
    const issued = await Promise.all(
      Array.from({ length: 24 }, () =>
        issueCredential(small, {
          districtCode: 'CC',
          subjectRef: `learning_outcome:${randomUUID()}`,
          credential: toIssue(),
          actor,
        }),
      ),
    );
    const slots = issued.map((c) => `${c.statusListCredential}#${c.statusListIndex}`);
    expect(new Set(slots).size).toBe(24);
    const lists = await ctx.db
      .selectFrom('credentialStatusList')
      .select(['listNumber', 'allocated'])
      .where('districtCode', '=', 'CC')
      .orderBy('listNumber')
      .execute();
    expect(lists).toEqual([1, 2, 3, 4, 5, 6].map((listNumber) => ({ listNumber, allocated: 4 })));
    // Each list is served, and each credential verifies against it as not revoked.
    expect(await revokedBit(issued[23]!.jwt)).toBe(false);
  });

  it('refuses a credential of another issuer, a garbled one, an oversized body, and a client past its limit', async () => {
    const foreign = (
      await verify(
        `${Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'did:web:elsewhere.example.org#key-1', typ: 'JWT' })).toString('base64url')}.e30.c2ln`,
        '203.0.113.9',
      )
    ).json();
    expect(foreign).toMatchObject({ valid: false, reasons: [{ code: 'CREDENTIAL_ISSUER_UNKNOWN' }] });
    expect((await verify('not a credential', '203.0.113.9')).json()).toMatchObject({
      valid: false,
      reasons: [{ code: 'CREDENTIAL_MALFORMED', zh: expect.any(String), en: expect.any(String) }],
    });
    const big = await verify('x'.repeat(70_000), '203.0.113.9');
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

    for (let i = 0; i < 20; i++) expect((await verify('x', '198.51.100.4')).statusCode).toBe(200);
    const limited = await verify('x', '198.51.100.4');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Another client is not held back; the same one is served again a minute later.
    expect((await verify('x', '198.51.100.5')).statusCode).toBe(200);
    ctx.clock.advance(61_000);
    expect((await verify('x', '198.51.100.4')).statusCode).toBe(200);
  });

  it('never answers 5xx to odd bodies, however close to one of its own credentials they come', async () => {
    const { jwt } = await issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const kid = `${DID}#key-1`;
    const bodies: unknown[] = [
      null,
      {},
      { credential: 123 },
      { credential: '' },
      { credential: jwt, extra: 1 },
      { credential: `${header}.${payload}` },
      { credential: `${header}.${payload}.${signature}.x` },
      { credential: `${header}.${b64('not an object')}.${signature}` },
      { credential: `${header}.${b64({ credentialStatus: 5 })}.${signature}` },
      { credential: `${b64({ alg: 'EdDSA', kid: `${DID}#key-99` })}.${payload}.${signature}` },
      {
        credential: `${b64({ alg: 'EdDSA', kid: 'did:web:zhijiao.example.gov.cn:issuers:..#key-1' })}.${payload}.${signature}`,
      },
      {
        credential: `${b64({ alg: 'EdDSA', kid })}.${b64({ ...payloadOf(jwt), credentialStatus: { statusListCredential: `${PUBLIC_URL}/issuers/SD/status/0` } })}.${signature}`,
      },
      { credential: '\u0000'.repeat(100) },
    ];
    for (const [i, body] of bodies.entries()) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/public/credentials/verify',
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
        remoteAddress: `192.0.2.${i + 1}`,
      });
      expect(res.statusCode, JSON.stringify(body)).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json(), JSON.stringify(body)).toMatchObject({ valid: false });
    }
  });

  it('checks what a module gives: the district code, the subject and the learner id', async () => {
    const issue = (input: Partial<Parameters<typeof issueCredential>[1]>) =>
      issueCredential(deps, {
        districtCode: 'SD',
        subjectRef: `learning_outcome:${randomUUID()}`,
        credential: toIssue(),
        actor,
        ...input,
      });
    await expect(issue({ districtCode: '../SD' })).rejects.toMatchObject({
      details: [{ field: 'districtCode' }],
    });
    await expect(issue({ subjectRef: '张三' })).rejects.toMatchObject({ details: [{ field: 'subjectRef' }] });
    const noUri = toIssue();
    noUri.achievement.id = '电工（中级）';
    await expect(issue({ credential: noUri })).rejects.toMatchObject({
      details: [{ field: 'credential.achievement.id' }],
    });
    const byIdNumber = { ...toIssue(), learner: { id: '140421200501011234', name: '张三' } };
    await expect(issue({ credential: byIdNumber })).rejects.toMatchObject({
      details: [{ field: 'credential.learner.id', messageEn: expect.stringContaining('urn:uuid') }],
    });
  });

  it('answers 404 for a district that has issued nothing and a list that does not exist', async () => {
    for (const url of ['/issuers/NOPE/did.json', '/issuers/SD/status/99', '/issuers/NOPE/status/1'])
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/issuers/S%20D/did.json' })).statusCode).toBe(400);
  });
});

describe('credentials without a public URL', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('refuses issuing and says so on every route, in Chinese and English', async () => {
    const deps = {
      db: ctx.db,
      clock: ctx.clock,
      audit: ctx.services.audit,
      credentials: ctx.services.credentials,
    };
    const refusal = issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      credential: toIssue(),
      actor,
    });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: 'CREDENTIALS_NOT_CONFIGURED', status: 409 });
    const did = await ctx.app.inject({ method: 'GET', url: '/issuers/SD/did.json' });
    expect(did.statusCode).toBe(404);
    expect(did.json()).toMatchObject({ error: { code: 'CREDENTIALS_NOT_CONFIGURED' } });
    const verifying = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/credentials/verify',
      payload: { credential: 'a.b.c' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(verifying.statusCode).toBe(409);
    expect(verifying.json()).toMatchObject({
      error: { code: 'CREDENTIALS_NOT_CONFIGURED', message: expect.stringContaining('ZHIJIAO_PUBLIC_URL') },
    });
  });
});

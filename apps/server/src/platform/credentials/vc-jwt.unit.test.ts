import { verifyJWT } from 'did-jwt';
import { Resolver } from 'did-resolver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DidDocument } from './did-web.ts';
import { createTestIssuer, STATUS_LIST_URL, type TestIssuer } from './test-issuer.ts';
import { signCredentialJwt, wholeSecondsIso } from './vc-jwt.ts';

/**
 * The VC-JWTs signed with node:crypto, checked by an independent library: did-jwt's `verifyJWT`,
 * resolving the issuer's did:web through did-resolver. did-jwt ignores `kid` and tries every key
 * in assertionMethod, so each test also pins which keys the document holds.
 */
describe('VC-JWT signing, verified by did-jwt', () => {
  let issuer: TestIssuer;
  beforeEach(() => {
    issuer = createTestIssuer();
  });
  afterEach(() => issuer.close());

  const sign = (credential: Parameters<TestIssuer['sign']>[0] = issuer.credential()) =>
    issuer.sign(credential);
  const parts = (jwt: string) =>
    jwt
      .split('.')
      .map((p, i) =>
        i < 2 ? (JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>) : p,
      );
  const didJwtVerify = (jwt: string, resolver = issuer.resolver) =>
    verifyJWT(jwt, {
      resolver,
      proofPurpose: 'assertionMethod',
      policies: { now: Math.floor(issuer.clock.now().getTime() / 1000) + 60 },
    });

  it('signs an OpenBadgeCredential that did-jwt verifies, header exactly alg/kid/typ, the payload the credential plus its claims', async () => {
    const credential = issuer.credential();
    const jwt = sign(credential);
    const [header, payload] = parts(jwt);
    expect(header).toEqual({ alg: 'EdDSA', kid: `${issuer.did}#key-1`, typ: 'JWT' });
    expect(Object.keys(header!)).toEqual(['alg', 'kid', 'typ']);
    expect(payload).toEqual({
      ...credential,
      iss: issuer.did,
      jti: credential.id,
      nbf: Date.parse('2026-12-07T09:08:10Z') / 1000,
      sub: credential.credentialSubject.id,
    });
    expect(payload).not.toHaveProperty('vc');

    const verified = await didJwtVerify(jwt);
    expect(verified.issuer).toBe(issuer.did);
    expect(verified.payload).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { achievement: { name: '电工（中级）' } },
    });
    expect(verified.signer.id.startsWith(`${issuer.did}#key-1`)).toBe(true);
  });

  it('builds the credential as OB 3.0 asks: contexts in order, whole-second validFrom, Profile, achievement, schema, status — the learner by name only', () => {
    const credential = issuer.credential({ index: 7 });
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(credential.validFrom).toBe('2026-12-07T09:08:10Z');
    expect(credential.issuer).toEqual({
      id: issuer.did,
      type: ['Profile'],
      name: '上党区教育局',
      url: 'https://zhijiao.example.gov.cn:8443/',
    });
    expect(credential.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      name: '电工（中级）',
      description: expect.any(String),
      criteria: { narrative: expect.any(String) },
    });
    expect(credential.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: '张三' },
    ]);
    expect(JSON.stringify(credential)).not.toMatch(/nationalIdentityNumber|sha256\$/);
    expect(credential.credentialSchema).toEqual([
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ]);
    expect(credential.credentialStatus).toEqual({
      id: `${STATUS_LIST_URL}#7`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: STATUS_LIST_URL,
    });
    expect(wholeSecondsIso(new Date('2026-12-07T09:08:10.999Z'))).toBe('2026-12-07T09:08:10Z');
  });

  it('is refused by did-jwt once tampered with: a changed achievement name under the old signature', async () => {
    const jwt = sign();
    const [header, payload, signature] = jwt.split('.');
    const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      credentialSubject: { achievement: { name: string } };
    };
    changed.credentialSubject.achievement.name = '电工（高级）';
    const tampered = `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
    await expect(didJwtVerify(tampered)).rejects.toThrow(/invalid_signature/);
    await expect(didJwtVerify(jwt)).resolves.toMatchObject({ verified: true });
  });

  it('keeps a credential signed with a rotated-out key verifiable, and signs new ones with the new key', async () => {
    const old = sign();
    issuer.keys.rotate('SD');
    const current = sign();
    expect(parts(current)[0]).toMatchObject({ kid: `${issuer.did}#key-2` });
    await expect(didJwtVerify(old)).resolves.toMatchObject({ verified: true });
    await expect(didJwtVerify(current)).resolves.toMatchObject({ verified: true });

    // Without key-1 in the document (the compromise response) the old credential no longer verifies.
    const withoutKey1 = issuer.didDocument();
    withoutKey1.verificationMethod = withoutKey1.verificationMethod.filter(
      (m) => !/#key-1(-multikey)?$/.test(m.id),
    );
    withoutKey1.assertionMethod = withoutKey1.verificationMethod.map((m) => m.id);
    await expect(didJwtVerify(old, resolverOf(withoutKey1))).rejects.toThrow(/invalid_signature/);
    await expect(didJwtVerify(current, resolverOf(withoutKey1))).resolves.toMatchObject({ verified: true });
  });

  it('publishes the same key in both forms: a document with only the JWKs, or only the Multikeys, verifies alike', async () => {
    const jwt = sign();
    for (const type of ['JsonWebKey2020', 'Multikey']) {
      const doc = issuer.didDocument();
      doc.verificationMethod = doc.verificationMethod.filter((m) => m.type === type);
      doc.assertionMethod = doc.verificationMethod.map((m) => m.id);
      expect(doc.verificationMethod).toHaveLength(1);
      await expect(didJwtVerify(jwt, resolverOf(doc))).resolves.toMatchObject({ verified: true });
    }
  });

  it('refuses to sign under a kid that is not the key’s, or a validFrom with fractions of a second', () => {
    const key = issuer.keys.signingKey('SD');
    expect(() => signCredentialJwt(issuer.credential(), key, `${issuer.did}#key-2`)).toThrow(
      /not the key key-1/,
    );
    expect(() => signCredentialJwt(issuer.credential(), key, `did:web:elsewhere.org#key-1`)).toThrow(
      /issuer/,
    );
    const fractional = { ...issuer.credential(), validFrom: '2026-12-07T09:08:10.456Z' };
    expect(() => signCredentialJwt(fractional, key, `${issuer.did}#key-1`)).toThrow(/whole seconds/);
  });
});

/** A resolver whose did:web answers `doc`, whatever the issuer itself publishes. */
function resolverOf(doc: DidDocument) {
  return new Resolver({
    web: async () => ({
      didDocument: JSON.parse(JSON.stringify(doc)) as DidDocument,
      didDocumentMetadata: {},
      didResolutionMetadata: {},
    }),
  });
}

import { sign } from 'node:crypto';
import { verifyJWT } from 'did-jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestIssuer, type TestIssuer } from './test-issuer.ts';
import { signerDid, verifyCredentialJwt } from './verify-credential.ts';

/** The app's own verifier (jose, the key chosen by kid, OB's claim checks). */
describe('verifyCredentialJwt', () => {
  let issuer: TestIssuer;
  beforeEach(() => {
    issuer = createTestIssuer();
  });
  afterEach(() => issuer.close());

  const signNow = (credential: Parameters<TestIssuer['sign']>[0] = issuer.credential()) =>
    issuer.sign(credential);
  const verify = (jwt: string, now = issuer.clock.now()) =>
    verifyCredentialJwt(jwt, { didDocument: issuer.didDocument(), now });
  /** A token with the given header and payload, signed with `privateKey` (node:crypto, as the app signs). */
  const forge = (header: object, payload: object, privateKey = issuer.keys.signingKey('SD').privateKey) => {
    const input = [header, payload]
      .map((p) => Buffer.from(JSON.stringify(p)).toString('base64url'))
      .join('.');
    return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  };
  const decode = (jwt: string) =>
    JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

  it('accepts a credential of the issuer, naming the key that signed it', async () => {
    const credential = issuer.credential();
    const result = await verify(signNow(credential));
    expect(result).toMatchObject({
      valid: true,
      kid: `${issuer.did}#key-1`,
      credential: { ...credential, iss: issuer.did },
    });
    expect(signerDid(signNow(credential))).toBe(issuer.did);
    expect(signerDid('not a jwt')).toBeNull();
  });

  it('chooses the key by kid: after a rotation both the old and the new key’s credentials verify, each under its own kid', async () => {
    const old = signNow();
    issuer.keys.rotate('SD');
    const current = signNow();
    expect(await verify(old)).toMatchObject({ valid: true, kid: `${issuer.did}#key-1` });
    expect(await verify(current)).toMatchObject({ valid: true, kid: `${issuer.did}#key-2` });
  });

  it('refuses a kid that names no published key, and one that names another key than the signer, with a clear reason', async () => {
    const jwt = signNow();
    const key1 = issuer.keys.signingKey('SD').privateKey;
    issuer.keys.rotate('SD');
    const payload = decode(jwt);

    const unknown = await verify(forge({ alg: 'EdDSA', kid: `${issuer.did}#key-9`, typ: 'JWT' }, payload));
    expect(unknown).toEqual({
      valid: false,
      reason: {
        code: 'CREDENTIAL_KEY_UNKNOWN',
        zh: `签发方 ${issuer.did} 未公布 kid 所指的密钥 ${issuer.did}#key-9`,
        en: `The issuer ${issuer.did} publishes no key ${issuer.did}#key-9, the one the header's kid names`,
      },
    });
    // The Multikey form has no JWK: a JOSE verifier is pointed at the JWK method only.
    expect(
      await verify(forge({ alg: 'EdDSA', kid: `${issuer.did}#key-1-multikey`, typ: 'JWT' }, payload)),
    ).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_KEY_UNKNOWN' },
    });

    // Signed with key-1 but naming key-2: did-jwt accepts it (it tries every key), we refuse it.
    const misnamed = forge({ alg: 'EdDSA', kid: `${issuer.did}#key-2`, typ: 'JWT' }, payload, key1);
    expect(await verify(misnamed)).toEqual({
      valid: false,
      reason: {
        code: 'CREDENTIAL_SIGNATURE_INVALID',
        zh: `签名与 kid 所指的密钥 ${issuer.did}#key-2 不符：凭证被改动过，或并非用此密钥签发`,
        en: `The signature does not match the key ${issuer.did}#key-2 the kid names: the credential was altered, or not signed with that key`,
      },
    });
    const didJwt = await verifyJWT(misnamed, {
      resolver: issuer.resolver,
      proofPurpose: 'assertionMethod',
      policies: { now: payload.nbf as number },
    });
    expect(didJwt.signer.id).toMatch(/#key-1(-multikey)?$/);
    expect(
      await verify(forge({ alg: 'EdDSA', kid: `${issuer.did}#key-1`, typ: 'JWT' }, payload, key1)),
    ).toMatchObject({ valid: true });

    const foreign = await verify(
      forge({ alg: 'EdDSA', kid: 'did:web:elsewhere.example.org#key-1', typ: 'JWT' }, payload),
    );
    expect(foreign).toMatchObject({ valid: false, reason: { code: 'CREDENTIAL_ISSUER_UNKNOWN' } });
  });

  it('refuses a tampered credential: the signature no longer holds', async () => {
    const [header, , signature] = signNow().split('.');
    const payload = decode(signNow());
    (payload.credentialSubject as { identifier: { identityHash: string }[] }).identifier[0]!.identityHash =
      '李四';
    const tampered = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect(await verify(tampered)).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_SIGNATURE_INVALID' },
    });
  });

  it('refuses any header but alg EdDSA, kid and typ JWT', async () => {
    const payload = decode(signNow());
    const kid = `${issuer.did}#key-1`;
    for (const header of [
      { alg: 'EdDSA', kid, typ: 'JWT', cty: 'vc' },
      { alg: 'EdDSA', kid, typ: 'vc+jwt' },
      { alg: 'none', kid, typ: 'JWT' },
    ])
      expect(await verify(forge(header, payload))).toMatchObject({
        valid: false,
        reason: { code: 'CREDENTIAL_HEADER_INVALID' },
      });
    expect(await verify(forge({ alg: 'EdDSA', kid }, payload))).toMatchObject({ valid: true });
    expect(await verify('abc')).toMatchObject({ valid: false, reason: { code: 'CREDENTIAL_MALFORMED' } });
  });

  it('refuses claims that disagree with the credential’s own fields, properly signed or not', async () => {
    const header = { alg: 'EdDSA', kid: `${issuer.did}#key-1`, typ: 'JWT' };
    const payload = decode(signNow());
    expect(await verify(forge(header, { ...payload, jti: 'urn:uuid:another' }))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_CLAIM_MISMATCH', en: expect.stringContaining('jti') },
    });
    expect(await verify(forge(header, { ...payload, sub: 'urn:uuid:someone-else' }))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_CLAIM_MISMATCH', en: expect.stringContaining('sub') },
    });
    expect(await verify(forge(header, { ...payload, nbf: (payload.nbf as number) - 1 }))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_CLAIM_MISMATCH', en: expect.stringContaining('nbf') },
    });
    const otherIssuer = {
      ...payload,
      issuer: { id: 'did:web:elsewhere.example.org', type: ['Profile'], name: 'x' },
    };
    expect(await verify(forge(header, otherIssuer))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_CLAIM_MISMATCH' },
    });
  });

  it('refuses a credential before its validFrom and after its validUntil', async () => {
    const credential = { ...issuer.credential(), validUntil: '2027-12-07T00:00:00Z' };
    const jwt = signNow(credential);
    expect(decode(jwt).exp).toBe(Date.parse('2027-12-07T00:00:00Z') / 1000);
    expect(await verify(jwt, new Date('2026-12-07T09:08:09Z'))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_NOT_YET_VALID' },
    });
    expect(await verify(jwt, new Date('2027-12-06T23:59:59Z'))).toMatchObject({ valid: true });
    expect(await verify(jwt, new Date('2027-12-07T00:00:01Z'))).toMatchObject({
      valid: false,
      reason: { code: 'CREDENTIAL_EXPIRED' },
    });
  });
});

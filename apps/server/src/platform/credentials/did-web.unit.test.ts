import { createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { didDocumentUrl, issuerDid } from './did-web.ts';
import { base58btc } from './multikey.ts';
import { createTestIssuer, type TestIssuer } from './test-issuer.ts';

describe('did:web identifiers', () => {
  it('makes the issuer DID from the public URL, the port colon percent-encoded, a path as segments', () => {
    expect(issuerDid('https://zhijiao.example.gov.cn', 'SD')).toBe(
      'did:web:zhijiao.example.gov.cn:issuers:SD',
    );
    expect(issuerDid('https://zhijiao.example.gov.cn/', 'SD')).toBe(
      'did:web:zhijiao.example.gov.cn:issuers:SD',
    );
    expect(issuerDid('http://localhost:8443/zj/', 'SD')).toBe('did:web:localhost%3A8443:zj:issuers:SD');
    expect(() => issuerDid('https://example.org', 'S D')).toThrow(/district code/);
    expect(() => issuerDid('https://example.org/a%20b', 'SD')).toThrow(/path segment/);
    expect(() => issuerDid('https://[::1]:8443', 'SD')).toThrow(/IPv6/);
  });

  it('maps a DID to the URL of its document, the inverse of the above', () => {
    expect(didDocumentUrl('did:web:zhijiao.example.gov.cn:issuers:SD')).toBe(
      'https://zhijiao.example.gov.cn/issuers/SD/did.json',
    );
    expect(didDocumentUrl('did:web:localhost%3A8443:zj:issuers:SD')).toBe(
      'https://localhost:8443/zj/issuers/SD/did.json',
    );
    expect(didDocumentUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didDocumentUrl('did:web:localhost%3A8443:issuers:SD', 'http')).toBe(
      'http://localhost:8443/issuers/SD/did.json',
    );
    expect(() => didDocumentUrl('did:key:z6Mk')).toThrow(/not a did:web/);
  });
});

describe('base58btc', () => {
  it('encodes leading zero bytes as 1s and the rest in the Bitcoin alphabet', () => {
    expect(base58btc(Uint8Array.of(0, 0, 1))).toBe('112');
    expect(base58btc(Buffer.from('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58btc(Uint8Array.of())).toBe('');
  });
});

describe('the issuer DID document', () => {
  let issuer: TestIssuer;
  beforeEach(() => {
    issuer = createTestIssuer();
  });
  afterEach(() => issuer.close());

  it('publishes no key before the first signature', () => {
    expect(issuer.didDocument()).toMatchObject({
      id: issuer.did,
      verificationMethod: [],
      assertionMethod: [],
    });
  });

  it('lists every key ever used, each as JsonWebKey2020 and as Multikey, all by full id in assertionMethod', () => {
    const first = issuer.keys.signingKey('SD');
    const second = issuer.keys.rotate('SD');
    const doc = issuer.didDocument();
    const did = 'did:web:zhijiao.example.gov.cn%3A8443:issuers:SD';
    expect(doc.id).toBe(did);
    expect(doc['@context'][0]).toBe('https://www.w3.org/ns/did/v1');
    expect(doc.verificationMethod.map((m) => [m.id, m.type, m.controller])).toEqual([
      [`${did}#key-1`, 'JsonWebKey2020', did],
      [`${did}#key-2`, 'JsonWebKey2020', did],
      [`${did}#key-1-multikey`, 'Multikey', did],
      [`${did}#key-2-multikey`, 'Multikey', did],
    ]);
    expect(doc.assertionMethod).toEqual(doc.verificationMethod.map((m) => m.id));
    expect(doc.verificationMethod[0]).toMatchObject({
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: first.publicJwk.x },
    });
    expect(doc.verificationMethod[1]).toMatchObject({ publicKeyJwk: second.publicJwk });
    // The public JWK only: never a private part.
    expect(JSON.stringify(doc)).not.toMatch(/"d"/);

    // Multikey: z + base58btc(0xed 0x01 ‖ key), i.e. z6Mk…, the same 32 bytes as the JWK.
    const multikey = doc.verificationMethod[2]!;
    expect(multikey).toMatchObject({
      publicKeyMultibase: expect.stringMatching(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/),
    });
    const raw = createPublicKey({ key: first.publicJwk, format: 'jwk' })
      .export({ format: 'der', type: 'spki' })
      .subarray(-32);
    expect('publicKeyMultibase' in multikey && multikey.publicKeyMultibase).toBe(
      `z${base58btc(Buffer.concat([Buffer.of(0xed, 0x01), raw]))}`,
    );
  });
});

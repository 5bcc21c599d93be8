/**
 * The issuer's identifier and its public keys as a `did:web` document (did-method-web). The DID
 * is made from the configured public URL — never from a request's Host header — as
 * `did:web:<host>[:<path>…]:issuers:<district code>`, a port's colon written `%3A`; the document
 * is served at `https://<host>[/<path>…]/issuers/<district code>/did.json`.
 *
 * Every key the issuer ever signed with is in it twice: as `JsonWebKey2020` (JOSE tools look the
 * header's `kid` up and read `publicKeyJwk`; did-jwt 8 accepts this type but not the newer
 * `JsonWebKey`) and as `Multikey` (Data Integrity tools, did-jwt), all in `assertionMethod`.
 * Every id is the full DID URL and each `assertionMethod` entry is the very string of its
 * method's id: verifiers such as 1EdTech's compare them as strings, and did:web wants absolute
 * URLs in its documents.
 */
import type { Ed25519PublicJwk, IssuerPublicKey } from './issuer-keys.ts';
import { ed25519Multikey } from './multikey.ts';

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** A verification method of the issuer's DID document. */
export type VerificationMethod =
  | { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: Ed25519PublicJwk }
  | { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string };

/** The issuer's DID document, as served at its `did.json`. */
export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
}

export const DID_CONTEXTS = [
  'https://www.w3.org/ns/did/v1',
  'https://w3id.org/security/suites/jws-2020/v1',
  'https://w3id.org/security/multikey/v1',
];

/**
 * The district's issuer DID under the installation's public URL (`ZHIJIAO_PUBLIC_URL`). A path in
 * the public URL becomes DID segments; a district code must be a plain DID segment.
 *
 * @example issuerDid('https://zhijiao.example.gov.cn', 'SD') // 'did:web:zhijiao.example.gov.cn:issuers:SD'
 * @example issuerDid('http://localhost:8443/zj/', 'SD') // 'did:web:localhost%3A8443:zj:issuers:SD'
 */
export function issuerDid(publicUrl: string, districtCode: string): string {
  if (!SEGMENT.test(districtCode))
    throw new Error(`did:web: the district code "${districtCode}" must be letters, digits, ".", "_" or "-"`);
  const url = new URL(publicUrl);
  if (url.hostname.startsWith('['))
    throw new Error(`did:web: the public URL's host must be a name, not an IPv6 address (${url.host})`);
  const segments = url.pathname.split('/').filter((s) => s !== '');
  for (const s of segments)
    if (!SEGMENT.test(s))
      throw new Error(`did:web: the public URL's path segment "${s}" cannot be part of a DID`);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  return ['did:web', host, ...segments, 'issuers', districtCode].join(':');
}

/**
 * Where a did:web document is served (did-method-web "Read"): `:` becomes `/`, a `%3A` port
 * colon is decoded, `https://` in front, `/.well-known` when there is no path, `/did.json` last.
 * `scheme` is `http` only for a test or development server.
 *
 * @example didDocumentUrl('did:web:localhost%3A8443:issuers:SD') // 'https://localhost:8443/issuers/SD/did.json'
 */
export function didDocumentUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  const match = /^did:web:([^:#?/]+)((?::[A-Za-z0-9._-]+)*)$/.exec(did);
  if (!match) throw new Error(`did:web: "${did}" is not a did:web identifier`);
  const host = decodeURIComponent(match[1]!);
  const path = match[2] ? match[2].replaceAll(':', '/') : '/.well-known';
  return `${scheme}://${host}${path}/did.json`;
}

/** The id of a key's JWK verification method, the `kid` of what it signs: `<did>#key-N`. */
export function verificationMethodId(did: string, keyId: string): string {
  return `${did}#${keyId}`;
}

/**
 * The issuer's DID document: each key as `JsonWebKey2020` (`#key-N`) and as `Multikey`
 * (`#key-N-multikey`), all in `assertionMethod`, oldest key first.
 *
 * @example
 * const doc = buildDidDocument(issuerDid(config.publicUrl, 'SD'), keys.publicKeys('SD'));
 */
export function buildDidDocument(did: string, keys: IssuerPublicKey[]): DidDocument {
  const jwkMethods: VerificationMethod[] = keys.map((k) => ({
    id: verificationMethodId(did, k.keyId),
    type: 'JsonWebKey2020',
    controller: did,
    publicKeyJwk: { kty: k.publicJwk.kty, crv: k.publicJwk.crv, x: k.publicJwk.x },
  }));
  const multikeyMethods: VerificationMethod[] = keys.map((k) => ({
    id: verificationMethodId(did, `${k.keyId}-multikey`),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: ed25519Multikey(k.publicJwk.x),
  }));
  const verificationMethod = [...jwkMethods, ...multikeyMethods];
  return {
    '@context': DID_CONTEXTS,
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((m) => m.id),
  };
}

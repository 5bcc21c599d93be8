/**
 * The app's own check of a VC-JWT against one issuer's DID document (the public verification
 * page's core), with jose. The key is the one the header's `kid` names — never "any key that
 * works", which is what did-jwt does — and it must be published in the document's
 * `assertionMethod`. Then the checks no library does for Open Badges: `iss`, `jti`, `nbf`, `sub`
 * and `exp` equal to the credential's own fields, and the issuer the document's DID.
 *
 * A refusal is an answer, not an exception: the page shows its reason, in Chinese and English.
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import type { DidDocument } from './did-web.ts';
import { credentialClaims, issuerId, type SignableCredential } from './vc-jwt.ts';

/** Why a credential was refused. */
export interface VerificationRefusal {
  code:
    | 'CREDENTIAL_MALFORMED'
    | 'CREDENTIAL_HEADER_INVALID'
    | 'CREDENTIAL_ISSUER_UNKNOWN'
    | 'CREDENTIAL_KEY_UNKNOWN'
    | 'CREDENTIAL_SIGNATURE_INVALID'
    | 'CREDENTIAL_NOT_YET_VALID'
    | 'CREDENTIAL_EXPIRED'
    | 'CREDENTIAL_CLAIM_MISMATCH';
  zh: string;
  en: string;
}

/** The outcome: the credential and the key that signed it, or the reason for refusing it. */
export type CredentialVerification =
  | { valid: true; credential: SignableCredential & Record<string, unknown>; kid: string }
  | { valid: false; reason: VerificationRefusal };

const refuse = (code: VerificationRefusal['code'], zh: string, en: string): CredentialVerification => ({
  valid: false,
  reason: { code, zh, en },
});

const HEADER_NAMES = new Set(['alg', 'kid', 'typ']);

/**
 * The DID whose key a VC-JWT's header names (the `kid` before `#`), or null for a token without
 * one: tells the caller which of its own issuers' documents to verify against, so nothing is ever
 * fetched from a URL a pasted credential chose.
 *
 * @example signerDid(jwt) // 'did:web:zhijiao.example.gov.cn:issuers:SD'
 */
export function signerDid(jwt: string): string | null {
  try {
    const { kid } = decodeProtectedHeader(jwt);
    return typeof kid === 'string' && kid.includes('#') ? kid.slice(0, kid.indexOf('#')) : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a VC-JWT signed by the issuer of `didDocument`, at `now`.
 *
 * @example
 * const result = await verifyCredentialJwt(jwt, { didDocument, now: clock.now() });
 * if (!result.valid) reply.send({ valid: false, reason: result.reason });
 */
export async function verifyCredentialJwt(
  jwt: string,
  options: { didDocument: DidDocument; now: Date },
): Promise<CredentialVerification> {
  const { didDocument: doc, now } = options;
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return refuse(
      'CREDENTIAL_MALFORMED',
      '凭证格式有误：不是 JWT（header.payload.signature）',
      'Not a JWT (header.payload.signature)',
    );
  }
  const extra = Object.keys(header).filter((name) => !HEADER_NAMES.has(name));
  if (header.alg !== 'EdDSA' || extra.length > 0 || (header.typ !== undefined && header.typ !== 'JWT'))
    return refuse(
      'CREDENTIAL_HEADER_INVALID',
      `凭证头部有误：须为 alg EdDSA、kid 与 typ JWT，不得有其他字段${extra.length ? `（多出 ${extra.join('、')}）` : ''}`,
      `Bad JWT header: it must be alg EdDSA, kid and typ JWT, nothing else${extra.length ? ` (extra: ${extra.join(', ')})` : ''}`,
    );
  const kid = header.kid;
  if (typeof kid !== 'string' || !kid.startsWith(`${doc.id}#`))
    return refuse(
      'CREDENTIAL_ISSUER_UNKNOWN',
      `凭证头部的 kid（${String(kid)}）不是签发方 ${doc.id} 的密钥`,
      `The header's kid (${String(kid)}) is not a key of the issuer ${doc.id}`,
    );
  const method = doc.verificationMethod.find((m) => m.id === kid);
  if (!method || !('publicKeyJwk' in method) || !doc.assertionMethod.includes(kid))
    return refuse(
      'CREDENTIAL_KEY_UNKNOWN',
      `签发方 ${doc.id} 未公布 kid 所指的密钥 ${kid}`,
      `The issuer ${doc.id} publishes no key ${kid}, the one the header's kid names`,
    );

  let payload: Record<string, unknown>;
  try {
    const key = await importJWK(method.publicKeyJwk, 'EdDSA');
    ({ payload } = await jwtVerify(jwt, key, { algorithms: ['EdDSA'], currentDate: now }));
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return refuse(
        'CREDENTIAL_EXPIRED',
        '凭证已过有效期（exp / validUntil）',
        'The credential has expired (exp / validUntil)',
      );
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
      return refuse(
        'CREDENTIAL_NOT_YET_VALID',
        '凭证尚未生效（nbf / validFrom）',
        'The credential is not yet valid (nbf / validFrom)',
      );
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return refuse(
        'CREDENTIAL_SIGNATURE_INVALID',
        `签名与 kid 所指的密钥 ${kid} 不符：凭证被改动过，或并非用此密钥签发`,
        `The signature does not match the key ${kid} the kid names: the credential was altered, or not signed with that key`,
      );
    return refuse(
      'CREDENTIAL_MALFORMED',
      '凭证格式有误：无法解析其内容',
      'Malformed credential: its content cannot be read',
    );
  }
  return checkClaims(payload, doc.id, kid);
}

function checkClaims(payload: Record<string, unknown>, did: string, kid: string): CredentialVerification {
  const credential = payload as SignableCredential & Record<string, unknown>;
  const types = payload.type;
  const subject = payload.credentialSubject;
  if (
    typeof credential.id !== 'string' ||
    typeof credential.validFrom !== 'string' ||
    !Array.isArray(types) ||
    !types.includes('VerifiableCredential') ||
    typeof subject !== 'object' ||
    subject === null ||
    (typeof credential.issuer !== 'string' &&
      typeof (credential.issuer as { id?: unknown } | null)?.id !== 'string')
  )
    return refuse(
      'CREDENTIAL_MALFORMED',
      '凭证内容不是可验证凭证（缺少 id、type、issuer、validFrom 或 credentialSubject）',
      'The content is not a verifiable credential (id, type, issuer, validFrom or credentialSubject missing)',
    );
  if (issuerId(credential) !== did)
    return refuse(
      'CREDENTIAL_CLAIM_MISMATCH',
      `凭证的签发方 ${issuerId(credential)} 与签名密钥的签发方 ${did} 不符`,
      `The credential's issuer ${issuerId(credential)} is not ${did}, whose key signed it`,
    );
  let expected: Record<string, unknown>;
  try {
    expected = { ...credentialClaims(credential) };
  } catch {
    return refuse(
      'CREDENTIAL_CLAIM_MISMATCH',
      'validFrom / validUntil 须为精确到秒的 UTC 时间',
      'validFrom / validUntil must be UTC instants in whole seconds',
    );
  }
  for (const claim of ['iss', 'jti', 'nbf', 'sub', 'exp'])
    if (payload[claim] !== expected[claim])
      return refuse(
        'CREDENTIAL_CLAIM_MISMATCH',
        `JWT 声明 ${claim} 与凭证本身的字段不一致`,
        `The JWT claim ${claim} does not match the credential's own field`,
      );
  return { valid: true, credential, kid };
}

/**
 * The VC-JWT form of a credential (VC-JOSE-COSE, as Open Badges 3.0 §8.2 adopts it): a compact
 * JWS signed with EdDSA (Ed25519) by node:crypto. The payload is the credential itself — no `vc`
 * wrapper — plus the JWT claims each derived from it: `iss` = issuer id, `jti` = id, `nbf` =
 * validFrom, `sub` = credentialSubject.id (when it has one), `exp` = validUntil (when set). The
 * header is exactly `{"alg":"EdDSA","kid":…,"typ":"JWT"}`: OB allows no other header.
 */
import { sign } from 'node:crypto';
import type { IssuerSigningKey } from './issuer-keys.ts';

/** What every credential signed here has: an id, an issuer (an id or a Profile), validity dates, a subject. */
export interface SignableCredential {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string };
}

/** The JWT claims OB derives from a credential's own fields. */
export interface CredentialClaims {
  iss: string;
  jti: string;
  nbf: number;
  sub?: string;
  exp?: number;
}

const WHOLE_SECONDS_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * An instant as VC `DateTimeZ` in whole seconds (a JWT's `nbf`/`exp` have no fractions, and a
 * verifier requires them equal to `validFrom`/`validUntil`).
 *
 * @example wholeSecondsIso(new Date('2026-12-07T09:08:10.789Z')) // '2026-12-07T09:08:10Z'
 */
export function wholeSecondsIso(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A credential's issuer id, whether `issuer` is the id or a Profile. */
export function issuerId(credential: Pick<SignableCredential, 'issuer'>): string {
  return typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id;
}

function seconds(dateTime: string, field: string): number {
  if (!WHOLE_SECONDS_Z.test(dateTime))
    throw new Error(
      `vc-jwt: ${field} must be a UTC instant in whole seconds, e.g. 2026-12-07T09:08:10Z (got "${dateTime}")`,
    );
  return Date.parse(dateTime) / 1000;
}

/**
 * The JWT claims of a credential, from its own fields.
 *
 * @example credentialClaims(credential) // { iss: 'did:web:…', jti: 'urn:uuid:…', nbf: 1796634490, sub: 'urn:uuid:…' }
 */
export function credentialClaims(credential: SignableCredential): CredentialClaims {
  const subject = credential.credentialSubject.id;
  return {
    iss: issuerId(credential),
    jti: credential.id,
    nbf: seconds(credential.validFrom, 'validFrom'),
    ...(subject !== undefined && { sub: subject }),
    ...(credential.validUntil !== undefined && { exp: seconds(credential.validUntil, 'validUntil') }),
  };
}

/**
 * Signs a credential as a VC-JWT with the issuer's key; `kid` is the key's verification method
 * in the issuer's DID document (`verificationMethodId(did, key.keyId)`), so it must belong to the
 * credential's issuer.
 *
 * @example
 * const key = keys.signingKey('SD');
 * const jwt = signCredentialJwt(credential, key, verificationMethodId(did, key.keyId));
 */
export function signCredentialJwt(
  credential: SignableCredential,
  key: IssuerSigningKey,
  kid: string,
): string {
  const iss = issuerId(credential);
  if (kid !== `${iss}#${key.keyId}`)
    throw new Error(`vc-jwt: kid "${kid}" is not the key ${key.keyId} of the credential's issuer ${iss}`);
  const header = { alg: 'EdDSA', kid, typ: 'JWT' };
  const payload = { ...credential, ...credentialClaims(credential) };
  const input = `${base64urlJson(header)}.${base64urlJson(payload)}`;
  // Ed25519 hashes internally: node:crypto wants no digest name for it.
  const signature = sign(null, Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

const base64urlJson = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

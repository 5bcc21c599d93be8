/**
 * The public verification (no sign-in): a pasted VC-JWT checked against the DID document of the
 * district of this installation its `kid` names — never a document or a list fetched from a URL
 * the credential chose — then its revocation bit read from the list this server keeps. Answers
 * who issued what to whom (the name only as the credential holds it), whether the signature
 * holds, whether it is revoked, and every refusal's reason in zh and en. Rate-limited per client
 * key (an IPv4 address or an IPv6 /64), counted under a lock so a burst cannot slip past.
 */
import type { Clock } from '../clock/clock.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import { lockForTransaction } from '../db/advisory-lock.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { rateLimitClientKey } from '../http/client-key.ts';
import { checkRevocation } from './credential-status.ts';
import * as repo from './credentials.repository.ts';
import type { CredentialIssuer } from './issuer.ts';
import { DISTRICT_CODE, requireIssuer, type CredentialIssuing } from './credential-issuing.ts';
import { signerDid, verifyCredentialJwt } from './verify-credential.ts';

/** Verifications one client may ask for per minute and per day. */
export const VERIFY_LIMITS = { perMinute: 20, perDay: 300 } as const;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const LIST_NUMBER = /^[1-9]\d{0,8}$/;

export interface VerificationReason {
  code: string;
  zh: string;
  en: string;
}

/** What the page shows of a credential whose signature holds. */
export interface VerifiedCredentialSummary {
  id: string;
  issuer: { id: string; name: string | null };
  achievement: { name: string; description: string | null; achievementType: string | null };
  /** The holder's name as the credential holds it (OB IdentityObject of type name), or null. */
  holderName: string | null;
  /**
   * The subject's results, each with the name and type of the achievement's `resultDescription`
   * it reports against (a transcript's lines and totals), in the credential's order.
   */
  results: { name: string; resultType: string | null; value: string }[];
  /** OB `creditsEarned`, or null. */
  creditsEarned: number | null;
  validFrom: string;
  validUntil: string | null;
  /** The verification method that signed it (`did:web:…#key-N`). */
  kid: string;
}

export interface VerificationAnswer {
  /** The signature holds, the claims agree, it is in force and not revoked. */
  valid: boolean;
  signatureValid: boolean;
  /** Null when the status could not be read (or the signature did not hold). */
  revoked: boolean | null;
  credential: VerifiedCredentialSummary | null;
  reasons: VerificationReason[];
}

/** Refusals after the signature was checked and held: the content is authentic but not in force. */
const AFTER_SIGNATURE = new Set([
  'CREDENTIAL_NOT_YET_VALID',
  'CREDENTIAL_EXPIRED',
  'CREDENTIAL_CLAIM_MISMATCH',
]);

const refused = (reason: VerificationReason, signatureValid = false): VerificationAnswer => ({
  valid: false,
  signatureValid,
  revoked: null,
  credential: null,
  reasons: [reason],
});

/** What the public side reads with: the database, the clock, the field key (rate-limit hashes), the issuing. */
export interface PublicCredentialDeps {
  db: Executor;
  clock: Clock;
  crypto: FieldCrypto;
  credentials: CredentialIssuing;
}

/**
 * Verifies a pasted credential for the public page, counting the attempt against the client.
 *
 * @example const answer = await verifyCredentialPublicly(deps, body.credential, { ip: request.ip });
 */
export async function verifyCredentialPublicly(
  deps: PublicCredentialDeps,
  jwt: string,
  client: { ip: string | null },
): Promise<VerificationAnswer> {
  const { issuer, baseUrl } = requireIssuer(deps.credentials);
  const now = deps.clock.now();
  await countAttempt(deps, client, now);
  const token = jwt.trim();
  const did = signerDid(token);
  if (did === null)
    return refused({
      code: 'CREDENTIAL_MALFORMED',
      zh: '内容不是电子证书（JWT：header.payload.signature，头部须有 kid）',
      en: 'This is not a credential (a JWT, header.payload.signature, with a kid in its header)',
    });
  const code = districtOf(issuer, did);
  const didDocument = code === null ? null : issuer.didDocument(code);
  if (code === null || didDocument === null || didDocument.verificationMethod.length === 0)
    return refused({
      code: 'CREDENTIAL_ISSUER_UNKNOWN',
      zh: `签发方 ${did} 不是本系统的签发方：本页只验证本系统签发的电子证书`,
      en: `The issuer ${did} is not one of this installation's: this page verifies only the credentials it issued`,
    });

  const result = await verifyCredentialJwt(token, { didDocument, now });
  if (!result.valid) return refused(result.reason, AFTER_SIGNATURE.has(result.reason.code));
  const summary = summarise(result.credential, result.kid);

  const listUrl = (result.credential.credentialStatus as { statusListCredential?: unknown } | undefined)
    ?.statusListCredential;
  const listPrefix = `${baseUrl}/issuers/${code}/status/`;
  const listNumber =
    typeof listUrl === 'string' && listUrl.startsWith(listPrefix) ? listUrl.slice(listPrefix.length) : '';
  const list = LIST_NUMBER.test(listNumber)
    ? await repo.findStatusList(deps.db, code, Number(listNumber))
    : undefined;
  if (!list)
    return {
      valid: false,
      signatureValid: true,
      revoked: null,
      credential: summary,
      reasons: [
        {
          code: 'STATUS_INVALID',
          zh: '凭证所指的撤销状态列表不是本系统的，无法确认是否已撤销',
          en: "The credential's status list is not one this installation keeps: whether it is revoked cannot be told",
        },
      ],
    };
  const status = await checkRevocation(result.credential as { credentialStatus?: unknown }, {
    statusListJwt: list.signedJwt,
    didDocument,
    now,
  });
  if (!status.checked)
    return {
      valid: false,
      signatureValid: true,
      revoked: null,
      credential: summary,
      reasons: [status.reason],
    };
  return {
    valid: !status.revoked,
    signatureValid: true,
    revoked: status.revoked,
    credential: summary,
    reasons: status.revoked
      ? [
          {
            code: 'CREDENTIAL_REVOKED',
            zh: '该电子证书已被签发方撤销，不再有效',
            en: 'The issuer has revoked this credential: it is no longer valid',
          },
        ]
      : [],
  };
}

/** The district code of a DID of this installation, or null for any other DID. */
function districtOf(issuer: CredentialIssuer, did: string): string | null {
  const prefix = issuer.did('X').slice(0, -1);
  if (!did.startsWith(prefix)) return null;
  const code = did.slice(prefix.length);
  return DISTRICT_CODE.test(code) && issuer.did(code) === did ? code : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function summarise(credential: Record<string, unknown>, kid: string): VerifiedCredentialSummary {
  const issuer = credential.issuer as string | { id: string; name?: unknown };
  const subject = (credential.credentialSubject ?? {}) as {
    achievement?: {
      name?: unknown;
      description?: unknown;
      achievementType?: unknown;
      resultDescription?: unknown;
    };
    identifier?: unknown;
    name?: unknown;
    result?: unknown;
    creditsEarned?: unknown;
  };
  const identifiers = Array.isArray(subject.identifier)
    ? (subject.identifier as Record<string, unknown>[])
    : [];
  const byName = identifiers.find((i) => i.identityType === 'name' && i.hashed === false);
  return {
    id: String(credential.id),
    issuer:
      typeof issuer === 'string' ? { id: issuer, name: null } : { id: issuer.id, name: text(issuer.name) },
    achievement: {
      name: text(subject.achievement?.name) ?? text(credential.name) ?? '',
      description: text(subject.achievement?.description),
      achievementType: text(subject.achievement?.achievementType),
    },
    holderName: text(byName?.identityHash) ?? text(subject.name),
    results: resultsOf(subject.result, subject.achievement?.resultDescription),
    creditsEarned: typeof subject.creditsEarned === 'number' ? subject.creditsEarned : null,
    validFrom: String(credential.validFrom),
    validUntil: text(credential.validUntil),
    kid,
  };
}

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];

/** OB results with the name and type of the result description each names (at most 200, as signed). */
function resultsOf(result: unknown, descriptions: unknown): VerifiedCredentialSummary['results'] {
  const byId = new Map(records(descriptions).map((d) => [d.id, d]));
  return records(result)
    .slice(0, 200)
    .flatMap((r) => {
      const described = byId.get(r.resultDescription);
      const value = text(r.value);
      const name = text(described?.name);
      return value === null || name === null
        ? []
        : [{ name, resultType: text(described?.resultType), value }];
    });
}

/** Counts this verification against the client's limits (429 past them), under the client's lock. */
async function countAttempt(
  deps: { db: Executor; crypto: FieldCrypto },
  client: { ip: string | null },
  now: Date,
) {
  const clientHash = deps.crypto.blindIndex(`credential-verify|${rateLimitClientKey(client.ip)}`);
  const work = async (trx: Executor) => {
    await lockForTransaction(trx, `credential-verify|${clientHash}`);
    const [inMinute = 0, inDay = 0] = await repo.countVerifications(trx, clientHash, [
      new Date(now.getTime() - MINUTE_MS),
      new Date(now.getTime() - DAY_MS),
    ]);
    if (inMinute >= VERIFY_LIMITS.perMinute || inDay >= VERIFY_LIMITS.perDay)
      throw new AppError('RATE_LIMITED', 429);
    await repo.recordVerification(trx, clientHash, now, new Date(now.getTime() - DAY_MS));
  };
  await (deps.db.isTransaction ? work(deps.db) : deps.db.transaction().execute(work));
}

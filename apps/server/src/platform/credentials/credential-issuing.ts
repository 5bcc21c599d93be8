/**
 * The installation's credential issuing, made once from the configuration: the issuer when
 * `ZHIJIAO_PUBLIC_URL` makes a did:web (never a request's Host), else none — and what it
 * publishes: each district's DID document and its status lists as last signed.
 */
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import * as repo from './credentials.repository.ts';
import { issuerDid, type DidDocument } from './did-web.ts';
import { createCredentialIssuer, type CredentialIssuer } from './issuer.ts';
import { createIssuerKeyStore, issuerKeysDir } from './issuer-keys.ts';
import { STATUS_LIST_MIN_BITS } from './status-list.ts';

/** Indexes a list gives out before the next list starts: half, so a random draw rarely misses. */
const LIST_CAPACITY = STATUS_LIST_MIN_BITS / 2;
export const DISTRICT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The installation's issuing: the issuer when `ZHIJIAO_PUBLIC_URL` makes a DID, else why not. */
export interface CredentialIssuing {
  /** Null when there is no usable public URL: issuing and verifying are refused. */
  issuer: CredentialIssuer | null;
  /** The public URL without a trailing slash (the status lists' URLs start with it). */
  baseUrl: string | null;
  /** Indexes a status list gives out before the next one is started. */
  listCapacity: number;
}

/**
 * The issuing of the installation: from `config.publicUrl`, never from a request. A public URL
 * that cannot make a did:web (unset, or an IPv6 address) leaves it off.
 *
 * @example const credentials = createCredentialIssuing({ config, crypto, clock });
 */
export function createCredentialIssuing(deps: {
  config: Pick<Config, 'publicUrl' | 'dataDir'>;
  crypto: FieldCrypto;
  clock: Clock;
  listCapacity?: number;
}): CredentialIssuing {
  const { config, crypto, clock } = deps;
  const listCapacity = deps.listCapacity ?? LIST_CAPACITY;
  const publicUrl = config.publicUrl;
  if (!publicUrl || !usable(publicUrl)) return { issuer: null, baseUrl: null, listCapacity };
  const keys = createIssuerKeyStore({ dir: issuerKeysDir(config), crypto, clock });
  return {
    issuer: createCredentialIssuer({ keys, publicUrl }),
    baseUrl: publicUrl.replace(/\/+$/, ''),
    listCapacity,
  };
}

function usable(publicUrl: string): boolean {
  try {
    issuerDid(publicUrl, 'X');
    return true;
  } catch {
    return false;
  }
}

/** The issuer and the base URL, or 409 CREDENTIALS_NOT_CONFIGURED (zh and en) without a public URL. */
export function requireIssuer(credentials: CredentialIssuing): {
  issuer: CredentialIssuer;
  baseUrl: string;
} {
  if (!credentials.issuer || !credentials.baseUrl) throw new AppError('CREDENTIALS_NOT_CONFIGURED', 409);
  return { issuer: credentials.issuer, baseUrl: credentials.baseUrl };
}

/** The URL of a district's status list number `n`: `<public URL>/issuers/<code>/status/<n>`. */
export function statusListUrl(baseUrl: string, districtCode: string, n: number): string {
  return `${baseUrl}/issuers/${districtCode}/status/${n}`;
}

/**
 * The district's DID document as served: 404 CREDENTIALS_NOT_CONFIGURED without a public URL,
 * 404 NOT_FOUND before the district's first signature (no key yet).
 */
export function publishedDidDocument(credentials: CredentialIssuing, districtCode: string): DidDocument {
  if (!credentials.issuer) throw new AppError('CREDENTIALS_NOT_CONFIGURED', 404);
  const doc = DISTRICT_CODE.test(districtCode) ? credentials.issuer.didDocument(districtCode) : null;
  if (!doc || doc.verificationMethod.length === 0) throw new AppError('NOT_FOUND', 404);
  return doc;
}

/** The district's signed status list `n` as served (404 as `publishedDidDocument`). */
export async function publishedStatusList(
  deps: { db: Executor; credentials: CredentialIssuing },
  districtCode: string,
  listNumber: number,
): Promise<string> {
  if (!deps.credentials.issuer) throw new AppError('CREDENTIALS_NOT_CONFIGURED', 404);
  const list = await repo.findStatusList(deps.db, districtCode, listNumber);
  if (!list) throw new AppError('NOT_FOUND', 404);
  return list.signedJwt;
}

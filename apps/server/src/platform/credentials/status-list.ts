/**
 * Revocation through a W3C Bitstring Status List (REC 2025): one bit per issued credential, at an
 * index the credential names; 1 = revoked. The list travels GZIP-compressed as multibase
 * base64url (`u` prefix, no padding), is at least 131,072 bits (16 KB) long, and index 0 is the
 * most significant bit of byte 0. The list itself is a `BitstringStatusListCredential`, signed as
 * a VC-JWT like any credential (`signCredentialJwt`) and re-signed after every change.
 */
import { randomInt } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { wholeSecondsIso } from './vc-jwt.ts';

/** The smallest list the specification allows: 16 KB, so one credential hides among 131,072. */
export const STATUS_LIST_MIN_BITS = 131_072;
/** The largest list we decode: a cap on gunzip's output, so a pasted list cannot be a gzip bomb. */
export const STATUS_LIST_MAX_BYTES = 16 * 1024 * 1024;

/** A credential's `credentialStatus`: its bit in a revocation list. */
export interface StatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  /** The bit's index, a base-10 string (the specification's form). */
  statusListIndex: string;
  statusListCredential: string;
}

/** The list as a credential (before signing). */
export interface StatusListCredential {
  '@context': ['https://www.w3.org/ns/credentials/v2'];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
}

/** An error of a status list, with the specification's error name and a message in Chinese and English. */
export class StatusListError extends Error {
  constructor(
    readonly code: 'STATUS_LIST_LENGTH_ERROR' | 'RANGE_ERROR' | 'MALFORMED_VALUE_ERROR',
    readonly zh: string,
    en: string,
  ) {
    super(en);
  }
}

function checkLength(bits: number): void {
  if (!Number.isSafeInteger(bits) || bits < STATUS_LIST_MIN_BITS || bits % 8 !== 0)
    throw new StatusListError(
      'STATUS_LIST_LENGTH_ERROR',
      `状态列表长度须为 8 的倍数且不少于 ${STATUS_LIST_MIN_BITS} 位（实为 ${bits} 位）`,
      `A status list must be a multiple of 8 and at least ${STATUS_LIST_MIN_BITS} bits long (got ${bits})`,
    );
}

/** A list of `bits` bits (at least the minimum, a whole number of bytes), none set. */
export function createStatusList(bits = STATUS_LIST_MIN_BITS): Uint8Array {
  checkLength(bits);
  return new Uint8Array(bits / 8);
}

function checkIndex(list: Uint8Array, index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length * 8)
    throw new StatusListError(
      'RANGE_ERROR',
      `状态索引 ${index} 超出列表范围（0–${list.length * 8 - 1}）`,
      `Status index ${index} is outside the list (0-${list.length * 8 - 1})`,
    );
}

/** Whether the bit at `index` is set (the credential there is revoked). */
export function isRevoked(list: Uint8Array, index: number): boolean {
  checkIndex(list, index);
  return (list[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

/**
 * Sets (revoked) or clears the bit at `index`, in place.
 *
 * @example setRevoked(list, 94567, true)
 */
export function setRevoked(list: Uint8Array, index: number, revoked: boolean): void {
  checkIndex(list, index);
  if (revoked) list[index >> 3]! |= 0x80 >> (index & 7);
  else list[index >> 3]! &= ~(0x80 >> (index & 7));
}

/**
 * The list's `encodedList`: GZIP, then multibase base64url.
 *
 * @example encodeStatusList(createStatusList()) // 'uH4sIAAAAAAAA…'
 */
export function encodeStatusList(list: Uint8Array): string {
  checkLength(list.length * 8);
  return `u${gzipSync(list).toString('base64url')}`;
}

/**
 * The bits of an `encodedList`, refusing anything but `u`-prefixed base64url of GZIP, a list
 * shorter than the minimum, and one that inflates past `STATUS_LIST_MAX_BYTES`.
 */
export function decodeStatusList(encodedList: string): Uint8Array {
  const malformed = () =>
    new StatusListError(
      'MALFORMED_VALUE_ERROR',
      '状态列表编码有误（应为 u 开头的 base64url 编码的 GZIP 数据）',
      'The status list is not GZIP data in multibase base64url (u…)',
    );
  if (!/^u[A-Za-z0-9_-]+$/.test(encodedList)) throw malformed();
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'), {
      maxOutputLength: STATUS_LIST_MAX_BYTES,
    });
  } catch {
    throw malformed();
  }
  checkLength(bytes.length * 8);
  return new Uint8Array(bytes);
}

/**
 * A free index for a new credential, drawn at random (the specification asks for random
 * assignment, so an index tells nothing about when or to whom a credential was issued).
 * `taken` says whether an index is already used; indexes are never reused.
 *
 * @example pickStatusIndex((i) => usedIndexes.has(i))
 */
export function pickStatusIndex(taken: (index: number) => boolean, bits = STATUS_LIST_MIN_BITS): number {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const index = randomInt(bits);
    if (!taken(index)) return index;
  }
  throw new Error('status-list: no free index found in 1000 draws; the list is nearly full, start a new one');
}

/**
 * The `credentialStatus` of a credential at `index` of the list at `listUrl`.
 *
 * @example statusListEntry('https://zhijiao.example.gov.cn/status/1', 94567)
 * // { id: 'https://zhijiao.example.gov.cn/status/1#94567', type: 'BitstringStatusListEntry', statusListIndex: '94567', … }
 */
export function statusListEntry(listUrl: string, index: number): StatusListEntry {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`status-list: bad index ${index}`);
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/**
 * The list as a `BitstringStatusListCredential` issued by `issuerDid`, to be signed with
 * `signCredentialJwt` and served at `listUrl`.
 *
 * @example buildStatusListCredential({ listUrl, issuerDid: did, validFrom: clock.now(), list })
 */
export function buildStatusListCredential(input: {
  listUrl: string;
  issuerDid: string;
  validFrom: Date;
  list: Uint8Array;
}): StatusListCredential {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: input.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuerDid,
    validFrom: wholeSecondsIso(input.validFrom),
    credentialSubject: {
      id: `${input.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(input.list),
    },
  };
}

import { gzipSync } from 'node:zlib';
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { verifyJWT } from 'did-jwt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRevocation } from './credential-status.ts';
import {
  buildStatusListCredential,
  createStatusList,
  decodeStatusList,
  encodeStatusList,
  isRevoked,
  pickStatusIndex,
  setRevoked,
  STATUS_LIST_MIN_BITS,
} from './status-list.ts';
import { createTestIssuer, STATUS_LIST_URL, type TestIssuer } from './test-issuer.ts';

const SET = [0, 7, 8, 94567, STATUS_LIST_MIN_BITS - 1];

describe('the status list codec, read by @digitalbazaar/vc-bitstring-status-list', () => {
  it('encodes exactly the bits set: index 0 the most significant bit of byte 0, GZIP, multibase base64url', async () => {
    const list = createStatusList();
    for (const i of SET) setRevoked(list, i, true);
    setRevoked(list, 42, true);
    setRevoked(list, 42, false);
    expect(list[0]).toBe(0b1000_0001);
    expect(list[1]).toBe(0b1000_0000);

    const encoded = encodeStatusList(list);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const theirs = await decodeList({ encodedList: encoded });
    expect(theirs.length).toBe(STATUS_LIST_MIN_BITS);
    const setByThem: number[] = [];
    for (let i = 0; i < theirs.length; i++) if (theirs.getStatus(i)) setByThem.push(i);
    expect(setByThem).toEqual(SET);
  });

  it('reads a list digitalbazaar encoded, bit for bit', async () => {
    const theirs = await createList({ length: STATUS_LIST_MIN_BITS });
    for (const i of SET) theirs.setStatus(i, true);
    const ours = decodeStatusList(await theirs.encode());
    expect(ours.length * 8).toBe(STATUS_LIST_MIN_BITS);
    const setByUs: number[] = [];
    for (let i = 0; i < STATUS_LIST_MIN_BITS; i++) if (isRevoked(ours, i)) setByUs.push(i);
    expect(setByUs).toEqual(SET);
  });

  it('refuses a list shorter than 131,072 bits, one that is not u-prefixed GZIP, an index outside it, and a gzip bomb', () => {
    expect(() => createStatusList(STATUS_LIST_MIN_BITS - 8)).toThrow(/at least 131072/);
    expect(() => encodeStatusList(new Uint8Array(100))).toThrow(/at least 131072/);
    const short = `u${gzipSync(new Uint8Array(1024)).toString('base64url')}`;
    expect(() => decodeStatusList(short)).toThrow(
      expect.objectContaining({ code: 'STATUS_LIST_LENGTH_ERROR' }),
    );
    expect(() => decodeStatusList(`z${short.slice(1)}`)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_VALUE_ERROR' }),
    );
    expect(() => decodeStatusList('uAAAA')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_VALUE_ERROR' }),
    );
    const bomb = `u${gzipSync(new Uint8Array(17 * 1024 * 1024)).toString('base64url')}`;
    expect(() => decodeStatusList(bomb)).toThrow(expect.objectContaining({ code: 'MALFORMED_VALUE_ERROR' }));
    const list = createStatusList();
    expect(() => setRevoked(list, STATUS_LIST_MIN_BITS, true)).toThrow(
      expect.objectContaining({ code: 'RANGE_ERROR' }),
    );
    expect(() => isRevoked(list, -1)).toThrow(expect.objectContaining({ code: 'RANGE_ERROR' }));
  });

  it('picks a free index at random, never one taken', () => {
    const taken = new Set<number>();
    for (let i = 0; i < 200; i++) taken.add(pickStatusIndex((index) => taken.has(index)));
    expect(taken.size).toBe(200);
    expect(Math.max(...taken)).toBeGreaterThan(STATUS_LIST_MIN_BITS / 2);
    expect(() => pickStatusIndex(() => true)).toThrow(/no free index/);
  });
});

describe('revocation through the signed status list', () => {
  let issuer: TestIssuer;
  beforeEach(() => {
    issuer = createTestIssuer();
  });
  afterEach(() => issuer.close());

  const listJwt = (revoked: number[]) => {
    const list = createStatusList();
    for (const i of revoked) setRevoked(list, i, true);
    return issuer.sign(
      buildStatusListCredential({
        listUrl: STATUS_LIST_URL,
        issuerDid: issuer.did,
        validFrom: issuer.clock.now(),
        list,
      }),
    );
  };
  const now = () => issuer.clock.now();

  it('signs the list as a BitstringStatusListCredential VC-JWT that did-jwt verifies and digitalbazaar decodes', async () => {
    const jwt = listJwt([94567]);
    const { payload } = await verifyJWT(jwt, {
      resolver: issuer.resolver,
      proofPurpose: 'assertionMethod',
      policies: { now: Math.floor(now().getTime() / 1000) },
    });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: STATUS_LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuer.did,
      iss: issuer.did,
      jti: STATUS_LIST_URL,
      validFrom: '2026-12-07T09:08:10Z',
      credentialSubject: {
        id: `${STATUS_LIST_URL}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
    });
    const list = await decodeList({
      encodedList: (payload.credentialSubject as { encodedList: string }).encodedList,
    });
    expect([list.getStatus(94567), list.getStatus(94566), list.getStatus(94568)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('reads a revoked credential as revoked and another as not, from the list the same issuer signed', async () => {
    const revoked = issuer.credential({ index: 94567 });
    const kept = issuer.credential({ index: 94568 });
    const statusListJwt = listJwt([94567]);
    const didDocument = issuer.didDocument();
    expect(await checkRevocation(revoked, { statusListJwt, didDocument, now: now() })).toEqual({
      checked: true,
      revoked: true,
    });
    expect(await checkRevocation(kept, { statusListJwt, didDocument, now: now() })).toEqual({
      checked: true,
      revoked: false,
    });
    // Un-revoked list: the same credential reads as not revoked.
    expect(await checkRevocation(revoked, { statusListJwt: listJwt([]), didDocument, now: now() })).toEqual({
      checked: true,
      revoked: false,
    });
  });

  it('refuses a list that is tampered with, is another list, or a credential without a status entry', async () => {
    const credential = issuer.credential({ index: 94567 });
    const [header, payload, signature] = listJwt([94567]).split('.');
    const didDocument = issuer.didDocument();
    const cleared = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      credentialSubject: { encodedList: string };
    };
    cleared.credentialSubject.encodedList = encodeStatusList(createStatusList());
    const tampered = `${header}.${Buffer.from(JSON.stringify(cleared)).toString('base64url')}.${signature}`;
    expect(
      await checkRevocation(credential, { statusListJwt: tampered, didDocument, now: now() }),
    ).toMatchObject({
      checked: false,
      reason: { code: 'CREDENTIAL_SIGNATURE_INVALID' },
    });

    const otherList = issuer.sign(
      buildStatusListCredential({
        listUrl: `${STATUS_LIST_URL}0`,
        issuerDid: issuer.did,
        validFrom: now(),
        list: createStatusList(),
      }),
    );
    expect(
      await checkRevocation(credential, { statusListJwt: otherList, didDocument, now: now() }),
    ).toMatchObject({
      checked: false,
      reason: { code: 'STATUS_INVALID', en: expect.stringContaining(STATUS_LIST_URL) },
    });
    const withoutStatus = { ...credential, credentialStatus: undefined };
    expect(
      await checkRevocation(withoutStatus, { statusListJwt: listJwt([]), didDocument, now: now() }),
    ).toMatchObject({
      checked: false,
      reason: { code: 'STATUS_INVALID' },
    });
  });
});

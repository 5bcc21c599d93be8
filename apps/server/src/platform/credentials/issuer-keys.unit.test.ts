import { createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../clock/clock.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { createIssuerKeyStore, issuerKeysDir } from './issuer-keys.ts';

describe('issuer keys', () => {
  let dataDir: string;
  const secret = randomBytes(32);
  const clock = createFixedClock('2026-12-07T09:00:00Z');
  const store = (key = secret) =>
    createIssuerKeyStore({ dir: issuerKeysDir({ dataDir }), crypto: createFieldCrypto(key), clock });
  const keyFile = (n: number) => path.join(dataDir, 'issuer-keys', 'SD', `key-${n}.json`);

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijiao-issuer-keys-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has no key before the first signature, makes key-1 on first use, and a second load reads the same key', () => {
    expect(store().publicKeys('SD')).toEqual([]);
    expect(fs.existsSync(keyFile(1))).toBe(false);

    const first = store().signingKey('SD');
    expect(first).toMatchObject({ keyId: 'key-1', number: 1, createdAt: '2026-12-07T09:00:00.000Z' });
    expect(first.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/) });

    const again = store().signingKey('SD');
    expect(again.publicJwk).toEqual(first.publicJwk);
    const data = Buffer.from('zhijiao');
    expect(
      verify(
        null,
        data,
        createPublicKey({ key: first.publicJwk, format: 'jwk' }),
        sign(null, data, again.privateKey),
      ),
    ).toBe(true);
    expect(store().publicKeys('SD')).toEqual([
      { keyId: 'key-1', number: 1, publicJwk: first.publicJwk, createdAt: first.createdAt },
    ]);
  });

  it('keeps the private key encrypted at rest, in a private file in a private folder', () => {
    const key = store().signingKey('SD');
    const d = key.privateKey.export({ format: 'jwk' }).d!;
    const text = fs.readFileSync(keyFile(1), 'utf8');
    expect(text).toContain(key.publicJwk.x);
    expect(text).not.toContain(d);
    expect(text).not.toContain(Buffer.from(d, 'base64url').toString('base64'));
    expect(text).not.toContain(Buffer.from(d, 'base64url').toString('hex'));
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'issuer',
      'keyId',
      'createdAt',
      'publicKeyJwk',
      'privateKeyCipher',
      'mac',
    ]);
    expect(fs.statSync(keyFile(1)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFile(1))).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(keyFile(1)))).toEqual(['key-1.json']);
  });

  it('rotates to key-2 as the signing key and keeps key-1, both published', () => {
    const first = store().signingKey('SD');
    clock.advance(86_400_000);
    const second = store().rotate('SD');
    expect(second).toMatchObject({ keyId: 'key-2', number: 2, createdAt: '2026-12-08T09:00:00.000Z' });
    expect(second.publicJwk.x).not.toBe(first.publicJwk.x);
    expect(store().signingKey('SD')).toMatchObject({ keyId: 'key-2', publicJwk: second.publicJwk });
    expect(
      store()
        .publicKeys('SD')
        .map((k) => [k.keyId, k.publicJwk.x]),
    ).toEqual([
      ['key-1', first.publicJwk.x],
      ['key-2', second.publicJwk.x],
    ]);
    expect(store().rotate('SD').keyId).toBe('key-3');
    expect(
      store()
        .publicKeys('SD')
        .map((k) => k.keyId),
    ).toEqual(['key-1', 'key-2', 'key-3']);
  });

  it('never reuses the number of a withdrawn key, even when it was the newest or the only one', () => {
    const first = store().signingKey('SD');
    store().rotate('SD');
    fs.renameSync(keyFile(2), `${keyFile(2)}.withdrawn`);
    expect(
      store()
        .publicKeys('SD')
        .map((k) => k.keyId),
    ).toEqual(['key-1']);
    expect(store().signingKey('SD').publicJwk).toEqual(first.publicJwk);
    expect(store().rotate('SD').keyId).toBe('key-3');

    fs.renameSync(keyFile(1), `${keyFile(1)}.withdrawn`);
    fs.renameSync(keyFile(3), `${keyFile(3)}.withdrawn`);
    expect(store().publicKeys('SD')).toEqual([]);
    expect(store().signingKey('SD').keyId).toBe('key-4');
  });

  it('keeps each issuer apart', () => {
    const sd = store().signingKey('SD');
    const other = store().signingKey('LC');
    expect(other.publicJwk.x).not.toBe(sd.publicJwk.x);
    expect(store().publicKeys('SD')).toHaveLength(1);
  });

  it('refuses a key file sealed with another secret key, altered, or readable by others', () => {
    store().signingKey('SD');
    expect(() => store(randomBytes(32)).publicKeys('SD')).toThrow(/fails its check/);

    const content = JSON.parse(fs.readFileSync(keyFile(1), 'utf8')) as { publicKeyJwk: { x: string } };
    const honest = content.publicKeyJwk.x;
    content.publicKeyJwk.x = store().rotate('LC').publicJwk.x;
    fs.writeFileSync(keyFile(1), JSON.stringify(content));
    expect(() => store().publicKeys('SD')).toThrow(/fails its check/);

    content.publicKeyJwk.x = honest;
    fs.writeFileSync(keyFile(1), JSON.stringify(content));
    expect(store().publicKeys('SD')[0]!.publicJwk.x).toBe(honest);
    fs.writeFileSync(keyFile(1), '{"format":"zhijiao-issuer-key/v1"}');
    expect(() => store().publicKeys('SD')).toThrow(/not an issuer key file/);
    fs.writeFileSync(keyFile(1), JSON.stringify(content));
    fs.chmodSync(keyFile(1), 0o644);
    expect(() => store().signingKey('SD')).toThrow(/chmod 600/);
  });

  it('refuses an issuer name that could leave the keys folder', () => {
    expect(() => store().signingKey('../SD')).toThrow(/issuer/);
    expect(() => store().publicKeys('')).toThrow(/issuer/);
  });
});

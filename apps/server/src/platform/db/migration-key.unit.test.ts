import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { keyForStoredRows } from './migration-key.ts';

const STEP = { migration: '0099', zh: '加密某字段', en: 'encrypt a field' };

describe('keyForStoredRows: the key a data migration needs for the rows it found', () => {
  const crypto = createFieldCrypto(randomBytes(32));
  const ciphers = ['a', 'b', 'c'].map((v) => crypto.encrypt(v));

  it('gives the key that decrypts every stored token', () => {
    expect(keyForStoredRows({ crypto }, STEP, ciphers)).toBe(crypto);
  });

  it('needs no key, and checks nothing, when no row was found', () => {
    expect(keyForStoredRows({ crypto }, STEP, [])).toBe(crypto);
  });

  it('refuses no key, naming the migration and what it does, in Chinese and English', () => {
    expect(() => keyForStoredRows({ crypto: null }, STEP, ciphers)).toThrow(
      /^0099 需要字段加密密钥以加密某字段.* \/ 0099 needs the field key to encrypt a field/,
    );
  });

  it('names the key file that was looked for and does not exist', () => {
    const context = { crypto: null, missingKeyFile: '/srv/zhijiao/secret.key' };
    expect(() => keyForStoredRows(context, STEP, ciphers)).toThrow(
      '0099 需要字段加密密钥以加密某字段，但密钥文件 /srv/zhijiao/secret.key 不存在',
    );
    expect(() => keyForStoredRows(context, STEP, ciphers)).toThrow(
      '0099 needs the field key to encrypt a field, but the key file /srv/zhijiao/secret.key does not exist',
    );
  });

  it('refuses a key under which any one stored token does not decrypt', () => {
    const other = createFieldCrypto(randomBytes(32)).encrypt('d');
    for (const mixed of [
      [other, ...ciphers],
      [...ciphers, other],
    ])
      expect(() => keyForStoredRows({ crypto }, STEP, mixed)).toThrow(
        /^0099：所给密钥无法解密已存的身份证号.* \/ 0099: the field key given does not decrypt the stored ID numbers/,
      );
  });
});

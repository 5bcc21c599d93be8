import { createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { createFieldCrypto, loadKeyFile, loadOrCreateKeyFile, parseKey } from './field-crypto.ts';

const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const OTHER_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i));
const TOKEN = /^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]*$/;

function flipCharAt(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('createFieldCrypto', () => {
  const fc = createFieldCrypto(KEY);

  it('round-trips IDs, phones, Chinese text and the empty string', () => {
    for (const plain of ['11010519491231002X', '13800138000', '张三 北京市海淀区', '', 'x'.repeat(10_000)]) {
      const token = fc.encrypt(plain);
      expect(token).toMatch(TOKEN);
      expect(token).not.toContain(plain || '\0');
      expect(fc.decrypt(token)).toBe(plain);
    }
  });

  it('uses a fresh IV each time, so equal values give different tokens', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => fc.encrypt('13800138000')));
    const ivs = new Set([...tokens].map((token) => token.split(':')[1]));
    expect(tokens.size).toBe(100);
    expect(ivs.size).toBe(100);
  });

  it('encrypts with an HKDF sub-key, not the raw master key (format pinned for stored data)', () => {
    const token = fc.encrypt('11010519491231002X');
    const [, iv, tag, data] = token.split(':') as [string, string, string, string];
    const subKey = Buffer.from(
      hkdfSync('sha256', KEY, Buffer.alloc(0), 'zhijiao/field-crypto/v1/aes-256-gcm', 32),
    );
    const decipher = createDecipheriv('aes-256-gcm', subKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from('v1'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    expect(plain.toString()).toBe('11010519491231002X');
  });

  it('rejects a token with any part tampered', () => {
    const token = fc.encrypt('11010519491231002X');
    const [version, iv, tag, data] = token.split(':') as [string, string, string, string];
    const tampered = [
      [version, flipCharAt(iv, 0), tag, data],
      [version, iv, flipCharAt(tag, 0), data],
      [version, iv, tag, flipCharAt(data, 0)],
      [version, iv, tag, flipCharAt(data, data.length - 2)],
      [version, iv, tag, data.slice(0, -1)],
      [version, iv, tag, `${data}AA`],
      ['v2', iv, tag, data],
    ];
    for (const parts of tampered) expect(() => fc.decrypt(parts.join(':'))).toThrow(/field-crypto/);
  });

  it('rejects malformed tokens with a clear error', () => {
    const token = fc.encrypt('13800138000');
    for (const bad of ['', 'v1', 'v1:::', `${token}:extra`, token.replace(/:/g, '.'), 'v1:!!!:!!!:!!!']) {
      expect(() => fc.decrypt(bad)).toThrow(/malformed/);
    }
    const [version, iv, tag, data] = token.split(':') as [string, string, string, string];
    expect(() => fc.decrypt([version, iv.slice(0, -2), tag, data].join(':'))).toThrow(/malformed/);
    expect(() => fc.decrypt([version, iv, `${tag}AA`, data].join(':'))).toThrow(/malformed/);
  });

  it('cannot decrypt with another key', () => {
    const token = fc.encrypt('13800138000');
    expect(() => createFieldCrypto(OTHER_KEY).decrypt(token)).toThrow(/authentication/);
  });

  it('gives a stable, key-dependent blind index that is not the plain hash', () => {
    const index = fc.blindIndex('13800138000');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(createFieldCrypto(Buffer.from(KEY)).blindIndex('13800138000')).toBe(index);
    expect(createFieldCrypto(OTHER_KEY).blindIndex('13800138000')).not.toBe(index);
    expect(fc.blindIndex('13800138001')).not.toBe(index);
    expect(index).not.toBe(createHmac('sha256', KEY).update('13800138000').digest('hex'));
    const indexKey = Buffer.from(
      hkdfSync('sha256', KEY, Buffer.alloc(0), 'zhijiao/field-crypto/v1/blind-index', 32),
    );
    expect(index).toBe(createHmac('sha256', indexKey).update('13800138000').digest('hex'));
  });

  it('authenticates messages under a sub-key of their own purpose, never the blind index key', () => {
    const mac = fc.authenticate('audit-checkpoint', '13800138000');
    const macKey = Buffer.from(
      hkdfSync('sha256', KEY, Buffer.alloc(0), 'zhijiao/mac/v1/audit-checkpoint', 32),
    );
    expect(mac).toBe(createHmac('sha256', macKey).update('13800138000').digest('hex'));
    expect(mac).not.toBe(fc.blindIndex('13800138000'));
    expect(fc.authenticate('other-purpose', '13800138000')).not.toBe(mac);
    expect(createFieldCrypto(OTHER_KEY).authenticate('audit-checkpoint', '13800138000')).not.toBe(mac);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => createFieldCrypto(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => createFieldCrypto(Buffer.alloc(33))).toThrow(/32 bytes/);
  });
});

describe('parseKey', () => {
  const raw = randomBytes(32);

  it('reads hex, base64 and base64url, padded or not, with surrounding whitespace', () => {
    expect(parseKey(raw.toString('hex')).equals(raw)).toBe(true);
    expect(parseKey(raw.toString('hex').toUpperCase()).equals(raw)).toBe(true);
    expect(parseKey(raw.toString('base64')).equals(raw)).toBe(true);
    expect(parseKey(raw.toString('base64').replace(/=+$/, '')).equals(raw)).toBe(true);
    expect(parseKey(` ${raw.toString('base64url')}\n`).equals(raw)).toBe(true);
  });

  it('refuses wrong lengths and non-key text', () => {
    for (const bad of [
      '',
      'secret',
      raw.toString('hex').slice(2),
      randomBytes(31).toString('base64'),
      randomBytes(48).toString('base64'),
      `${raw.toString('hex')}00`,
      '!'.repeat(43),
    ]) {
      expect(() => parseKey(bad)).toThrow(/32 bytes/);
    }
  });
});

describe('loadOrCreateKeyFile', () => {
  const created: string[] = [];
  const dir = () => {
    const path = mkdtempSync(join(tmpdir(), 'zhijiao-key-'));
    created.push(path);
    return path;
  };
  afterAll(() => {
    for (const path of created) rmSync(path, { recursive: true, force: true });
  });

  it('creates a 32-byte key with mode 0600, then reads the same key back', () => {
    const path = join(dir(), 'nested', 'field.key');
    const key = loadOrCreateKeyFile(path);
    expect(key).toHaveLength(32);
    expect(readFileSync(path).equals(key)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(path).equals(key)).toBe(true);
    expect(readdirSync(join(path, '..'))).toEqual(['field.key']);
  });

  it('reads a key file written as hex text', () => {
    const path = join(dir(), 'field.key');
    const raw = randomBytes(32);
    writeFileSync(path, `${raw.toString('hex')}\n`, { mode: 0o600 });
    expect(loadOrCreateKeyFile(path).equals(raw)).toBe(true);
  });

  it('refuses, and never replaces, a key file of the wrong size', () => {
    const path = join(dir(), 'field.key');
    writeFileSync(path, randomBytes(16), { mode: 0o600 });
    const before = readFileSync(path);
    expect(() => loadOrCreateKeyFile(path)).toThrow(/32 raw bytes/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('refuses a key file readable by group or others', () => {
    const path = join(dir(), 'field.key');
    writeFileSync(path, randomBytes(32));
    chmodSync(path, 0o644);
    expect(() => loadOrCreateKeyFile(path)).toThrow(/chmod 600/);
  });

  it('reads a configured key file (ZHIJIAO_SECRET_KEY_FILE) but never creates one at a missing path', () => {
    const folder = dir();
    const path = join(folder, 'secret.key');
    expect(() => loadKeyFile(path)).toThrow(/does not exist.*openssl rand -hex 32/);
    expect(readdirSync(folder)).toEqual([]);
    const raw = randomBytes(32);
    writeFileSync(path, raw.toString('base64'), { mode: 0o600 });
    expect(loadKeyFile(path).equals(raw)).toBe(true);
  });
});

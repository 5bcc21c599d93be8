import { describe, it, expect } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, otpauthUrl, totpCode, verifyTotp } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 column: the ASCII key "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('base32', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
  });

  it('encodes the RFC 6238 key to its well-known form', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('decodes lowercase, grouped and padded input', () => {
    expect(base32Decode('mzxw 6ytb-oi======').toString()).toBe('foobar');
  });

  it('round-trips random bytes of every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it('rejects characters outside the alphabet, impossible lengths and stray bits', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/character/);
    expect(() => base32Decode('MZXW0YTB')).toThrow(/character/);
    expect(() => base32Decode('M')).toThrow(/length/);
    expect(() => base32Decode('MZX')).toThrow(/length/);
    expect(() => base32Decode('MZ')).toThrow(/padding bits/);
  });
});

describe('totpCode', () => {
  it.each(RFC_VECTORS)('at %i s gives the RFC 6238 8-digit code %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, { digits: 8 })).toBe(code);
  });

  it('gives the last 6 digits by default', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1111111109_000)).toBe('081804');
  });

  it('keeps the same code within a step and changes at the boundary', () => {
    expect(totpCode(RFC_SECRET, 30_000)).toBe(totpCode(RFC_SECRET, 59_999));
    expect(totpCode(RFC_SECRET, 59_999)).not.toBe(totpCode(RFC_SECRET, 60_000));
  });

  it('rejects bad times, digit counts and secrets', () => {
    expect(() => totpCode(RFC_SECRET, -1)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, Number.NaN)).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 0, { digits: 5 })).toThrow(RangeError);
    expect(() => totpCode(RFC_SECRET, 0, { digits: 11 })).toThrow(RangeError);
    expect(() => totpCode('', 0)).toThrow(/empty/);
    expect(() => totpCode('not base32!', 0)).toThrow();
  });
});

describe('verifyTotp', () => {
  const now = 1111111111_000; // step 37037037
  const step = Math.floor(now / 30_000);

  it('accepts the current code and reports its step', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toEqual({ ok: true, step });
  });

  it('accepts one step of drift either way by default, and reports the step that matched', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now)).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it('refuses codes outside the window', () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now).ok).toBe(false);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now + 60_000), now).ok).toBe(false);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, 0)).toEqual({
      ok: false,
      step: null,
    });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 60_000), now, 2).ok).toBe(true);
  });

  it('refuses a wrong code, a wrong secret and malformed input', () => {
    const right = totpCode(RFC_SECRET, now);
    const wrong = ((Number(right) + 1) % 1_000_000).toString().padStart(6, '0');
    expect(verifyTotp(RFC_SECRET, wrong, now)).toEqual({ ok: false, step: null });
    expect(verifyTotp(generateTotpSecret(), right, now).ok).toBe(false);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a', '１２３４５６']) {
      expect(verifyTotp(RFC_SECRET, bad, now)).toEqual({ ok: false, step: null });
    }
  });

  it('ignores spaces users type between digit groups', () => {
    const right = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, `${right.slice(0, 3)} ${right.slice(3)}`, now).ok).toBe(true);
  });

  it('lets callers refuse replay: the same code in the same step yields the same step', () => {
    const code = totpCode(RFC_SECRET, now);
    const first = verifyTotp(RFC_SECRET, code, now);
    const second = verifyTotp(RFC_SECRET, code, now + 10_000);
    expect(second.step).toBe(first.step);
  });

  it('verifies 8-digit RFC vectors with the digits option', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(verifyTotp(RFC_SECRET, code, seconds * 1000, 1, { digits: 8 }).ok).toBe(true);
    }
  });

  it('rejects a nonsensical window', () => {
    expect(() => verifyTotp(RFC_SECRET, '000000', now, -1)).toThrow(RangeError);
    expect(() => verifyTotp(RFC_SECRET, '000000', now, 1.5)).toThrow(RangeError);
  });
});

describe('generateTotpSecret', () => {
  it('makes 160-bit base32 secrets that differ each time', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
  });
});

describe('otpauthUrl', () => {
  it('builds a Key URI with issuer in the label and the parameters', () => {
    const url = otpauthUrl({ secret: RFC_SECRET, account: 'zhang.san@example.cn', issuer: '职教 Zhijiao' });
    expect(url).toBe(
      'otpauth://totp/%E8%81%8C%E6%95%99%20Zhijiao:zhang.san%40example.cn' +
        `?secret=${RFC_SECRET}&issuer=%E8%81%8C%E6%95%99%20Zhijiao&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('escapes a colon or query characters in the account so the label cannot be forged', () => {
    const url = new URL(otpauthUrl({ secret: RFC_SECRET, account: 'evil:x&issuer=Bank', issuer: 'Zhijiao' }));
    expect(url.searchParams.get('issuer')).toBe('Zhijiao');
    expect(url.host).toBe('totp');
    expect(url.pathname).toBe('/Zhijiao:evil%3Ax%26issuer%3DBank');
  });

  it('refuses a malformed secret', () => {
    expect(() => otpauthUrl({ secret: 'bad!', account: 'a', issuer: 'b' })).toThrow();
  });
});

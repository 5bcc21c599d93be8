import { describe, it, expect } from 'vitest';
import { hashSessionToken, newSessionToken } from './session-token.ts';

describe('newSessionToken', () => {
  it('makes a 256-bit base64url token and its SHA-256 hash', () => {
    const { token, hash } = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashSessionToken(token));
    expect(hash).not.toContain(token);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newSessionToken().token));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashSessionToken', () => {
  it('is SHA-256 hex of the token text (FIPS 180-2 vectors)', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashSessionToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('distinguishes tokens that differ in one character or in case', () => {
    const { token } = newSessionToken();
    const altered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    expect(hashSessionToken(altered)).not.toBe(hashSessionToken(token));
    expect(hashSessionToken('abc')).not.toBe(hashSessionToken('ABC'));
  });
});

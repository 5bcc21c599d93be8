import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueChallenge, leadingZeroBits, solveChallenge, verifyChallenge } from './challenge.ts';

const sign = (p: string) => createHmac('sha256', 'k').update(p).digest('hex');
const otherKey = (p: string) => createHmac('sha256', 'other').update(p).digest('hex');
const now = new Date('2021-05-20T01:00:00Z');
const ID = '4b0e5c1e-0000-4000-8000-000000000001';

describe('proof-of-work challenge', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a solved challenge for its consultation before it expires', () => {
    const c = issueChallenge(sign, ID, 8, now, 60_000);
    const counter = solveChallenge(c.nonce, c.difficulty);
    expect(verifyChallenge(sign, ID, c.token, counter, now, 8)).toMatchObject({ ok: true, nonce: c.nonce });
  });

  it('refuses a wrong counter, another consultation, another key, a lowered difficulty and an expired token', () => {
    const c = issueChallenge(sign, ID, 8, now, 60_000);
    const counter = solveChallenge(c.nonce, 8);
    let wrong = counter + 1;
    while (verifyChallenge(sign, ID, c.token, wrong, now, 8).ok) wrong++;
    expect(verifyChallenge(sign, ID, c.token, wrong, now, 8)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyChallenge(sign, ID.replace('1', '2'), c.token, counter, now, 8).ok).toBe(false);
    expect(verifyChallenge(otherKey, ID, c.token, counter, now, 8).ok).toBe(false);
    const easy = issueChallenge(sign, ID, 1, now, 60_000);
    expect(verifyChallenge(sign, ID, easy.token, solveChallenge(easy.nonce, 1), now, 8).ok).toBe(false);
    expect(verifyChallenge(sign, ID, c.token, counter, new Date(now.getTime() + 60_000), 8)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of [
      '',
      'a.b.c',
      'x.8.1.y',
      `${'0'.repeat(32)}.8.1`,
      `${'0'.repeat(32)}.8.99999999999999999.zz`,
    ]) {
      expect(verifyChallenge(sign, ID, token, 0, now, 8).ok).toBe(false);
    }
  });
});

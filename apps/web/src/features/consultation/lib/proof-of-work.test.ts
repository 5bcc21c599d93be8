import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveProofOfWork } from './proof-of-work';

const bits = async (text: string) =>
  leadingZeroBits(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));

describe('solveProofOfWork', () => {
  it('finds the first counter whose sha256(nonce:counter) has the required leading zero bits', async () => {
    const nonce = '0123456789abcdef0123456789abcdef';
    const counter = await solveProofOfWork(nonce, 10);
    expect(await bits(`${nonce}:${counter}`)).toBeGreaterThanOrEqual(10);
    for (let n = 0; n < counter; n++) expect(await bits(`${nonce}:${n}`)).toBeLessThan(10);
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0x10]))).toBe(11);
  });
});

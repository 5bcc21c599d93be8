/** Number of leading zero bits of a digest. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const BATCH = 256;

/**
 * Finds a counter such that sha256(`nonce:counter`) has `difficulty` leading zero bits, with
 * WebCrypto, hashing in batches so the page stays responsive (about 2^difficulty hashes; 15 bits
 * take well under a second). The server's anti-spam check (GET …/challenge) asks for it.
 *
 * @example const counter = await solveProofOfWork(challenge.nonce, challenge.difficulty);
 */
export async function solveProofOfWork(
  nonce: string,
  difficulty: number,
  signal?: AbortSignal,
): Promise<number> {
  const encoder = new TextEncoder();
  for (let base = 0; ; base += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, i) =>
        crypto.subtle.digest('SHA-256', encoder.encode(`${nonce}:${base + i}`)),
      ),
    );
    const hit = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= difficulty);
    if (hit >= 0) return base + hit;
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Proof-of-work challenge against scripted comment spam. The server hands out a random nonce with
 * a difficulty and an expiry, signed with a keyed MAC so it needs no storage until it is used; the
 * browser searches a counter such that sha256(`nonce:counter`) starts with `difficulty` zero bits
 * (about 2^difficulty hashes); the server checks signature, binding to the consultation, expiry,
 * the work, and (with the database) single use. Pure apart from the random nonce.
 */
export interface Challenge {
  /** Opaque token to send back: `nonce.difficulty.expiresAtMs.signature`. */
  token: string;
  nonce: string;
  difficulty: number;
  expiresAt: string;
}

export type ChallengeCheck =
  { ok: true; nonce: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** Signs a string with the server's secret (HMAC-SHA-256, hex). */
export type Signer = (payload: string) => string;

const payloadOf = (consultationId: string, nonce: string, difficulty: number, expiresMs: number) =>
  `consultation-challenge|${consultationId}|${nonce}|${difficulty}|${expiresMs}`;

/**
 * Issues a challenge for one consultation, valid for `ttlMs`.
 *
 * @example issueChallenge(sign, id, 15, clock.now(), 10 * 60_000).token
 */
export function issueChallenge(
  sign: Signer,
  consultationId: string,
  difficulty: number,
  now: Date,
  ttlMs: number,
): Challenge {
  const nonce = randomBytes(16).toString('hex');
  const expiresMs = now.getTime() + ttlMs;
  const signature = sign(payloadOf(consultationId, nonce, difficulty, expiresMs));
  return {
    token: `${nonce}.${difficulty}.${expiresMs}.${signature}`,
    nonce,
    difficulty,
    expiresAt: new Date(expiresMs).toISOString(),
  };
}

/** Number of leading zero bits of a byte string. */
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

/** True when sha256(`nonce:counter`) has at least `difficulty` leading zero bits. */
export function workIsValid(nonce: string, counter: number, difficulty: number): boolean {
  return leadingZeroBits(createHash('sha256').update(`${nonce}:${counter}`).digest()) >= difficulty;
}

/**
 * Finds a counter that satisfies the challenge (what the browser does; used by tests and tools).
 *
 * @example solveChallenge(challenge.nonce, challenge.difficulty) // e.g. 23817
 */
export function solveChallenge(nonce: string, difficulty: number): number {
  if (typeof nonce !== 'string' || !Number.isInteger(difficulty) || difficulty < 0 || difficulty > 32) {
    throw new RangeError('solveChallenge: need a nonce and a difficulty of 0–32 bits');
  }
  for (let counter = 0; ; counter++) if (workIsValid(nonce, counter, difficulty)) return counter;
}

/**
 * Checks a returned token and counter for a consultation: signature (constant-time), expiry and
 * work. Single use is the caller's part (store the nonce until `expiresAt`).
 */
export function verifyChallenge(
  sign: Signer,
  consultationId: string,
  token: string,
  counter: number,
  now: Date,
  minDifficulty: number,
): ChallengeCheck {
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'invalid' };
  const [nonce, difficultyText, expiresText, signature] = parts as [string, string, string, string];
  if (!/^[0-9a-f]{32}$/.test(nonce) || !/^\d{1,2}$/.test(difficultyText) || !/^\d{1,15}$/.test(expiresText)) {
    return { ok: false, reason: 'invalid' };
  }
  const difficulty = Number(difficultyText);
  const expiresMs = Number(expiresText);
  const expected = Buffer.from(sign(payloadOf(consultationId, nonce, difficulty, expiresMs)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  if (difficulty < minDifficulty) return { ok: false, reason: 'invalid' };
  if (expiresMs <= now.getTime()) return { ok: false, reason: 'expired' };
  if (!Number.isSafeInteger(counter) || counter < 0 || !workIsValid(nonce, counter, difficulty)) {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, nonce, expiresAt: new Date(expiresMs) };
}

/**
 * Session tokens (SECURITY.md: "session: random ≥ 128 bits, stored hashed"). The browser holds
 * the token; the database holds only its SHA-256, so a leaked sessions table cannot be replayed.
 * A fast hash is enough here (unlike passwords): the token has 256 bits of entropy, so there is
 * nothing to brute-force.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;

/**
 * Creates a new session token: 32 random bytes as base64url (43 characters, cookie-safe), and
 * the hash to store. Call it at every login so the session id changes (no session fixation).
 *
 * @example
 * const { token, hash } = newSessionToken();
 * await insertSession({ tokenHash: hash, userId }); reply.setCookie('__Host-sid', token, …);
 */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashSessionToken(token) };
}

/**
 * The value stored for (and looked up by) a session token: lowercase hex SHA-256 of its UTF-8
 * text. Hash whatever the cookie carries and look the hash up; an unknown hash is simply no session.
 *
 * @example hashSessionToken('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

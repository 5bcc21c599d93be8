import { hash, verify } from '@node-rs/argon2';

// Argon2id (algorithm 2), OWASP's second recommended profile: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Verified against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

/** Hashes a password with Argon2id; the result starts with `$argon2id$`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as never);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword('dummy-password-for-timing');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/**
 * Encryption of personal data at rest (SECURITY.md: "ID numbers and phones encrypted at rest (key
 * outside the database), found by a keyed hash"). One 32-byte master key, kept in a file outside
 * the database, yields two independent sub-keys through HKDF: one for AES-256-GCM, one for the
 * HMAC-SHA-256 blind index. A database dump therefore holds neither plaintext nor anything that
 * can be brute-forced offline without the key file.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Encrypts, decrypts and blind-indexes personal data fields with one master key. */
export interface FieldCrypto {
  /** Encrypts a value to `v1:<iv>:<tag>:<ciphertext>` (base64url parts), with a fresh random IV each time. */
  encrypt(plain: string): string;
  /** Decrypts a token from `encrypt`; throws if it is malformed, tampered with or made with another key. */
  decrypt(token: string): string;
  /** Keyed hash (hex) of an already-normalised value, for equality look-ups on encrypted columns. */
  blindIndex(value: string): string;
  /**
   * HMAC-SHA-256 (hex) of `message` under a sub-key of its own for `purpose` (HKDF info
   * `zhijiao/mac/v1/<purpose>`), for records kept outside the database that must show they were
   * written with the master key, e.g. the audit log's checkpoints.
   */
  authenticate(purpose: string, message: string): string;
}

function subKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', master, Buffer.alloc(0), `zhijiao/field-crypto/${VERSION}/${purpose}`, KEY_BYTES),
  );
}

function decodePart(part: string | undefined, expectedLength?: number): Buffer {
  if (part === undefined || !BASE64URL.test(part)) throw new Error('field-crypto: malformed token');
  const bytes = Buffer.from(part, 'base64url');
  // Re-encoding catches non-canonical base64url that Buffer.from would silently accept.
  if (bytes.toString('base64url') !== part) throw new Error('field-crypto: malformed token');
  if (expectedLength !== undefined && bytes.length !== expectedLength)
    throw new Error('field-crypto: malformed token');
  return bytes;
}

/**
 * Creates the field encryptor for a 32-byte master key (from `loadOrCreateKeyFile` or `parseKey`).
 *
 * The token's version tag is authenticated as associated data, so a future `v2` can be added for
 * key rotation without a `v1` token being reinterpreted. `blindIndex` hashes exactly what it is
 * given: normalise first (`validateResidentId(...).normalized`, `normalizeMobile(...)`) so the
 * same person always gets the same index.
 *
 * @example
 * const fc = createFieldCrypto(loadOrCreateKeyFile('var/keys/field.key'));
 * const row = { idCardCipher: fc.encrypt(id), idCardIndex: fc.blindIndex(id) };
 */
export function createFieldCrypto(keyMaterial: Buffer): FieldCrypto {
  if (!Buffer.isBuffer(keyMaterial) || keyMaterial.length !== KEY_BYTES) {
    throw new Error(`field-crypto: key must be ${KEY_BYTES} bytes`);
  }
  const encryptionKey = subKey(keyMaterial, 'aes-256-gcm');
  const indexKey = subKey(keyMaterial, 'blind-index');
  const aad = Buffer.from(VERSION);
  const macKeys = new Map<string, Buffer>();
  const macKey = (purpose: string): Buffer => {
    let key = macKeys.get(purpose);
    if (!key) {
      key = Buffer.from(
        hkdfSync('sha256', keyMaterial, Buffer.alloc(0), `zhijiao/mac/v1/${purpose}`, KEY_BYTES),
      );
      macKeys.set(purpose, key);
    }
    return key;
  };

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join(':');
    },

    decrypt(token: string): string {
      const [version, ivPart, tagPart, dataPart, ...rest] = token.split(':');
      if (version !== VERSION || rest.length > 0) throw new Error('field-crypto: malformed token');
      const iv = decodePart(ivPart, IV_BYTES);
      const tag = decodePart(tagPart, TAG_BYTES);
      const ciphertext = decodePart(dataPart);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('field-crypto: token failed authentication (tampered or wrong key)');
      }
    },

    blindIndex(value: string): string {
      return createHmac('sha256', indexKey).update(value, 'utf8').digest('hex');
    },

    authenticate(purpose: string, message: string): string {
      return createHmac('sha256', macKey(purpose)).update(message, 'utf8').digest('hex');
    },
  };
}

/**
 * Parses a 32-byte key written as 64 hex characters or as base64 / base64url (with or without
 * padding), e.g. from an environment variable or a secrets manager. Throws on anything else,
 * including keys of the wrong length, so a truncated secret never becomes a weak key.
 *
 * @example parseKey(randomBytes(32).toString('hex'))
 */
export function parseKey(hexOrBase64: string): Buffer {
  const text = hexOrBase64.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const base64url = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (BASE64URL.test(base64url)) {
    const bytes = Buffer.from(base64url, 'base64url');
    if (bytes.length === KEY_BYTES && bytes.toString('base64url') === base64url) return bytes;
  }
  throw new Error(`field-crypto: key must be ${KEY_BYTES} bytes as 64 hex characters or base64`);
}

/**
 * Reads the master key file, or creates it with 32 random bytes and mode 0600 (directory 0700)
 * when it does not exist. The file may hold the 32 raw bytes or, for keys provisioned by hand,
 * their hex/base64 text. A new key is written to a temporary file and hard-linked into place, so
 * two processes starting together cannot overwrite each other's key or read a half-written one;
 * an existing file of the wrong size is an error, never replaced.
 *
 * On POSIX systems a key file readable or writable by group or others is refused (as ssh does with
 * private keys): the key is what keeps a database dump unreadable.
 */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) createKeyFile(path);
  return loadKeyFile(path);
}

/**
 * Reads a key file that must already exist (a configured path: a mistyped one must stop the start,
 * not make a new key under which nothing stored can be read). Same checks as above.
 */
export function loadKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    throw new Error(
      `field-crypto: key file ${path} does not exist; create it with \`openssl rand -hex 32 > ${path} && chmod 600 ${path}\` or point ZHIJIAO_SECRET_KEY_FILE at the existing key`,
    );
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`field-crypto: key file ${path} must not be accessible by group or others (chmod 600)`);
  }
  const content = readFileSync(path);
  if (content.length === KEY_BYTES) return content;
  try {
    return parseKey(content.toString('utf8'));
  } catch {
    throw new Error(`field-crypto: key file ${path} must hold ${KEY_BYTES} raw bytes or their hex/base64`);
  }
}

/**
 * Writes a complete key to a private temporary file, then hard-links it into place: linking fails
 * if the key already exists, so a concurrent starter's key is kept, and no reader ever sees a
 * half-written file. Filesystems without hard links fall back to an exclusive create.
 */
function createKeyFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, key, { mode: 0o600, flag: 'wx' });
  try {
    // The umask may have narrowed the mode further; make sure it is exactly 0600.
    chmodSync(temporary, 0o600);
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') writeKeyExclusively(path, key);
  } finally {
    unlinkSync(temporary);
  }
}

function writeKeyExclusively(path: string, key: Buffer): void {
  try {
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

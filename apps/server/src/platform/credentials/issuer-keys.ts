/**
 * The issuers' signing keys: Ed25519 key pairs made with node:crypto on first use and kept in
 * files outside the database, like the platform's other secrets. Each key is one file
 * `<dir>/<issuer>/key-N.json` (mode 0600, directories 0700) holding the public JWK in clear, the
 * private part encrypted with the field key (`FieldCrypto`, AES-256-GCM) and an HMAC under a
 * sub-key of the same secret over everything in it. So a copy of the data directory without the
 * secret key gives no private key away, and a key file written by someone without the secret key
 * (a public key of their own, to be published and trusted) is refused, not published.
 *
 * Rotation adds `key-N+1`, which becomes the signing key; older keys stay, still published, so
 * what they signed stays verifiable. A compromised key is withdrawn by hand, renaming its file
 * `key-N.json.withdrawn`: no longer published, and its number never given to another key (a
 * verifier that cached the old document must not find a different key under the same id).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/config.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';

/** The HKDF label of the key files' MAC: no other use of the secret key shares it. */
const PURPOSE = 'issuer-key';
const FORMAT = 'zhijiao-issuer-key/v1';
// `key-N.json.withdrawn`: a key taken out of use by hand (compromised) keeps its number taken.
const KEY_FILE = /^key-([1-9]\d{0,8})\.json(\.withdrawn)?$/;
const ISSUER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** An Ed25519 public key as a JWK, e.g. `{ kty: 'OKP', crv: 'Ed25519', x: '11qYAY…' }`. */
export type Ed25519PublicJwk = {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
};

/** A key's public half and its place in the issuer's keys. */
export interface IssuerPublicKey {
  /** `key-N`: the fragment of the verification method's id (`did:web:…#key-N`). */
  keyId: string;
  /** N: 1 for the first key, one more at each rotation. */
  number: number;
  publicJwk: Ed25519PublicJwk;
  /** When the key was made (ISO instant). */
  createdAt: string;
}

/** The key credentials are signed with now: the issuer's newest. */
export interface IssuerSigningKey extends IssuerPublicKey {
  privateKey: KeyObject;
}

/** The issuers' keys, read from their files at each call (another server process may have rotated). */
export interface IssuerKeyStore {
  /** Every key the issuer has (none before its first signature), oldest first: what its DID document publishes. */
  publicKeys(issuer: string): IssuerPublicKey[];
  /** The issuer's newest key, made (`key-1`) on first use. */
  signingKey(issuer: string): IssuerSigningKey;
  /** Makes `key-N+1`, the signing key from now on; the older keys stay. Answers the new key. */
  rotate(issuer: string): IssuerPublicKey;
}

interface KeyFileContent {
  format: typeof FORMAT;
  issuer: string;
  keyId: string;
  createdAt: string;
  publicKeyJwk: Ed25519PublicJwk;
  /** The JWK's `d`, encrypted by `FieldCrypto.encrypt`. */
  privateKeyCipher: string;
  mac: string;
}

/** The default folder of the issuer keys: `$ZHIJIAO_DATA_DIR/issuer-keys`. */
export function issuerKeysDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'issuer-keys');
}

const macText = (c: Omit<KeyFileContent, 'mac'>) =>
  [c.format, c.issuer, c.keyId, c.createdAt, c.publicKeyJwk.x, c.privateKeyCipher].join('\n');

/** The file's content if it has the key file's shape (its MAC is checked by the caller), else null. */
function parseKeyFile(text: string): KeyFileContent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const c = value as Partial<KeyFileContent> | null;
  const strings = [
    c?.format,
    c?.issuer,
    c?.keyId,
    c?.createdAt,
    c?.publicKeyJwk?.x,
    c?.privateKeyCipher,
    c?.mac,
  ];
  return c?.format === FORMAT && strings.every((v) => typeof v === 'string') ? (c as KeyFileContent) : null;
}

function checkIssuer(issuer: string): void {
  if (!ISSUER.test(issuer) || issuer.includes('..'))
    throw new Error(`issuer-keys: issuer "${issuer}" must be 1-64 letters, digits, ".", "_" or "-"`);
}

/**
 * The key store over `dir` (normally `issuerKeysDir(config)`), its files sealed with `crypto`
 * (the server's field key) and dated by `clock`.
 *
 * @example
 * const keys = createIssuerKeyStore({ dir: issuerKeysDir(config), crypto, clock });
 * const key = keys.signingKey('SD'); // key-1 on the first call
 * keys.rotate('SD'); // key-2 signs from now on; key-1 stays published
 */
export function createIssuerKeyStore(deps: {
  dir: string;
  crypto: FieldCrypto;
  clock: Clock;
}): IssuerKeyStore {
  const { dir, crypto, clock } = deps;
  const issuerDir = (issuer: string) => {
    checkIssuer(issuer);
    return path.join(dir, issuer);
  };

  /** The numbers of the issuer's keys in use, ascending; with `withdrawn`, of every key ever made. */
  function keyNumbers(issuer: string, options: { withdrawn?: boolean } = {}): number[] {
    let names: string[];
    try {
      names = fs.readdirSync(issuerDir(issuer));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((name) => KEY_FILE.exec(name))
      .filter((m): m is RegExpExecArray => m !== null && (options.withdrawn === true || m[2] === undefined))
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }

  /** The number the next key gets: one more than any key ever made, withdrawn ones included. */
  const nextNumber = (issuer: string) => (keyNumbers(issuer, { withdrawn: true }).at(-1) ?? 0) + 1;

  function readKey(issuer: string, number: number): IssuerSigningKey {
    const file = path.join(issuerDir(issuer), `key-${number}.json`);
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0)
      throw new Error(`issuer-keys: key file ${file} must not be accessible by group or others (chmod 600)`);
    const content = parseKeyFile(fs.readFileSync(file, 'utf8'));
    if (!content) throw new Error(`issuer-keys: key file ${file} is not an issuer key file (${FORMAT})`);
    const { mac, ...sealed } = content;
    const expected = Buffer.from(crypto.authenticate(PURPOSE, macText(sealed)), 'hex');
    const given = Buffer.from(mac, 'hex');
    if (
      content.issuer !== issuer ||
      content.keyId !== `key-${number}` ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    )
      throw new Error(
        `issuer-keys: key file ${file} fails its check (altered, moved, or sealed with another secret key)`,
      );
    const { x } = content.publicKeyJwk;
    const privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', x, d: crypto.decrypt(content.privateKeyCipher) },
      format: 'jwk',
    });
    if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== x)
      throw new Error(`issuer-keys: key file ${file} holds a private key that does not match its public key`);
    return {
      keyId: content.keyId,
      number,
      publicJwk: { kty: 'OKP', crv: 'Ed25519', x },
      createdAt: content.createdAt,
      privateKey,
    };
  }

  /** Writes `key-<number>.json` unless it exists (a concurrent process made it first); never overwrites. */
  function createKey(issuer: string, number: number): void {
    const folder = issuerDir(issuer);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const sealed: Omit<KeyFileContent, 'mac'> = {
      format: FORMAT,
      issuer,
      keyId: `key-${number}`,
      createdAt: clock.now().toISOString(),
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! },
      privateKeyCipher: crypto.encrypt(jwk.d!),
    };
    const content: KeyFileContent = { ...sealed, mac: crypto.authenticate(PURPOSE, macText(sealed)) };
    const file = path.join(folder, `key-${number}.json`);
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.chmodSync(temporary, 0o600);
      // A hard link fails if the file exists: two processes making the same key keep the first one.
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(temporary);
    }
  }

  const publicHalf = ({ privateKey: _, ...key }: IssuerSigningKey): IssuerPublicKey => key;

  return {
    publicKeys(issuer) {
      return keyNumbers(issuer).map((n) => publicHalf(readKey(issuer, n)));
    },
    signingKey(issuer) {
      let numbers = keyNumbers(issuer);
      if (numbers.length === 0) {
        createKey(issuer, nextNumber(issuer));
        numbers = keyNumbers(issuer);
      }
      return readKey(issuer, numbers.at(-1)!);
    },
    rotate(issuer) {
      createKey(issuer, nextNumber(issuer));
      return publicHalf(readKey(issuer, keyNumbers(issuer).at(-1)!));
    },
  };
}

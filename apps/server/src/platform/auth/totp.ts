/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the second factor that system,
 * security and audit admins must present (SECURITY.md, "Identity and sessions").
 *
 * Defaults match every authenticator app (Google Authenticator, Microsoft Authenticator, 腾讯身份验证器):
 * HMAC-SHA-1, 6 digits, 30-second steps, counted from the Unix epoch.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Tuning knobs that authenticator apps also understand; the defaults are what apps assume. */
export interface TotpOptions {
  /** Code length, 6 to 10 digits (default 6). The RFC 6238 test vectors use 8. */
  digits?: number;
  /** Step length in seconds (default 30). */
  stepSeconds?: number;
}

/**
 * Encodes bytes as RFC 4648 base32 without padding, the form authenticator apps expect in an
 * `otpauth://` URL and that users can type by hand.
 *
 * @example base32Encode(Buffer.from('foobar')) // 'MZXW6YTBOI'
 */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32. Case-insensitive; spaces, dashes and trailing `=` padding are ignored
 * because people copy secrets in groups (`GEZD GNBV …`). Throws on any other character, on an
 * impossible length and on non-zero leftover bits, so a mistyped secret fails loudly instead of
 * silently producing a different key.
 *
 * @example base32Decode('mzxw6ytboi') // Buffer 'foobar'
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  // 1, 3 and 6 leftover characters cannot come from whole bytes.
  if ([1, 3, 6].includes(clean.length % 8)) throw new Error('base32: invalid length');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value < 0) throw new Error('base32: invalid character');
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) throw new Error('base32: non-zero padding bits');
  return Buffer.from(out);
}

/**
 * Creates a new shared secret: 160 random bits (the HMAC-SHA-1 block output size that RFC 4226
 * recommends) as 32 base32 characters, ready for `otpauthUrl` and for storing encrypted.
 */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

function resolveOptions(options: TotpOptions): { digits: number; stepSeconds: number } {
  const digits = options.digits ?? 6;
  const stepSeconds = options.stepSeconds ?? 30;
  if (!Number.isInteger(digits) || digits < 6 || digits > 10)
    throw new RangeError('totp: digits must be 6..10');
  if (!Number.isInteger(stepSeconds) || stepSeconds < 1) throw new RangeError('totp: invalid step');
  return { digits, stepSeconds };
}

function secretBytes(secretBase32: string): Buffer {
  const key = base32Decode(secretBase32);
  if (key.length === 0) throw new Error('totp: empty secret');
  return key;
}

function stepAt(timeMs: number, stepSeconds: number): number {
  if (!Number.isFinite(timeMs) || timeMs < 0)
    throw new RangeError('totp: time must be a non-negative number');
  return Math.floor(timeMs / 1000 / stepSeconds);
}

/** RFC 4226 HOTP for one counter value (dynamic truncation, then modulo 10^digits). */
function hotp(key: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, '0');
}

/**
 * Computes the code an authenticator shows at `timeMs` (milliseconds since the epoch, so callers
 * pass their injected clock's `Date.now()`).
 *
 * @example totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000, { digits: 8 }) // '94287082'
 */
export function totpCode(secretBase32: string, timeMs: number, options: TotpOptions = {}): string {
  const { digits, stepSeconds } = resolveOptions(options);
  return hotp(secretBytes(secretBase32), stepAt(timeMs, stepSeconds), digits);
}

/**
 * Checks a code typed by the user, tolerating `window` steps of clock drift either way (default
 * ±1 step, i.e. ±30 s; at most 10). Spaces in the typed code are ignored. A code of the wrong length
 * or with non-digits is simply not ok; a bad secret, time or window throws, as those are caller bugs.
 *
 * Returns the matched time step so the caller can store it and refuse any later login that
 * presents the same or an earlier step: RFC 6238 §5.2 requires a code to be accepted only once.
 * Every candidate step is compared in constant time.
 *
 * @example
 * const r = verifyTotp(secret, '123456', clock.now());
 * if (!r.ok || r.step! <= user.lastTotpStep) refuse();
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  timeMs: number,
  window = 1,
  options: TotpOptions = {},
): { ok: boolean; step: number | null } {
  const { digits, stepSeconds } = resolveOptions(options);
  if (!Number.isInteger(window) || window < 0 || window > 10)
    throw new RangeError('totp: window must be 0..10');
  const key = secretBytes(secretBase32);
  const current = stepAt(timeMs, stepSeconds);
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return { ok: false, step: null };

  const typedBytes = Buffer.from(typed);
  let matched: number | null = null;
  // Nearest steps first, so a collision between two steps resolves to the most plausible one.
  for (let distance = 0; distance <= window; distance++) {
    for (const step of distance === 0 ? [current] : [current - distance, current + distance]) {
      if (step < 0) continue;
      const equal = timingSafeEqual(Buffer.from(hotp(key, step, digits)), typedBytes);
      if (equal && matched === null) matched = step;
    }
  }
  return { ok: matched !== null, step: matched };
}

/**
 * Builds the `otpauth://totp/…` Key URI that authenticator apps read from a QR code.
 * The label is `issuer:account`, and `issuer` is repeated as a parameter because apps disagree on
 * which one they show.
 *
 * @example
 * otpauthUrl({ secret, account: 'zhang.san', issuer: '职教平台' })
 * // 'otpauth://totp/%E8%81%8C…:zhang.san?secret=…&issuer=%E8%81%8C…&algorithm=SHA1&digits=6&period=30'
 */
export function otpauthUrl(
  params: { secret: string; account: string; issuer: string } & TotpOptions,
): string {
  const { digits, stepSeconds } = resolveOptions(params);
  // Decoding first rejects a malformed secret before it is shown to the user as a QR code.
  secretBytes(params.secret);
  const label = `${encodeURIComponent(params.issuer)}:${encodeURIComponent(params.account)}`;
  const query = [
    `secret=${params.secret.replace(/[\s=-]/g, '').toUpperCase()}`,
    `issuer=${encodeURIComponent(params.issuer)}`,
    'algorithm=SHA1',
    `digits=${digits}`,
    `period=${stepSeconds}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

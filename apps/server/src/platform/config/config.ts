import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Validated runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; `null` means the embedded PGlite database. */
  databaseUrl: string | null;
  dataDir: string;
  demoData: boolean;
  /** Hex or base64 32-byte key for personal-data encryption; `null` = read it from `secretKeyFile`. */
  secretKey: string | null;
  /**
   * `ZHIJIAO_SECRET_KEY_FILE`: where the key file is, e.g. on a separate volume or a secrets mount,
   * so a copy of the data directory holds no key. `null` = `$ZHIJIAO_DATA_DIR/secret.key`, created
   * at the first start of a database holding no data (`platform/crypto/field-key.ts`); a configured
   * file must already exist (a mistyped path never makes a new key).
   */
  secretKeyFile: string | null;
  /** Public base URL; when it is https, cookies get `Secure` and the `__Host-` prefix. */
  publicUrl: string | null;
  /**
   * Which `X-Forwarded-For` hops to believe (Fastify's `trustProxy`): `false` (none, the default),
   * a hop count, or the proxies' addresses/CIDRs. `true` believes any client-sent header, so a
   * client can pick its own IP (and escape per-IP rate limits) unless the proxy overwrites it.
   */
  trustProxy: boolean | number | string[];
  logLevel: string;
  lockoutMinutes: number;
  lockoutThreshold: number;
  /** Failed sign-ins one client (IPv4 address or IPv6 /64) may make in the window before 429. */
  loginAddressLimit: number;
  loginAddressWindowMinutes: number;
  /**
   * Failed sign-ins an account may take in an hour from anywhere; past it only the addresses it
   * has signed in from before may still try (`ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT`).
   */
  loginAccountHourlyLimit: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  uploadMaxBytes: number;
  /**
   * `ZHIJIAO_CLOCK_START`: the instant the server's clock starts at (then runs at the real pace),
   * to show the demo on a past day, e.g. while a 2020–2022 plan was running. Null = the real time.
   * For demos and tests only: refused with `NODE_ENV=production` or `ZHIJIAO_DEMO_DATA=false` (as a
   * production set-up has it), since audit rows and deadlines would carry the shifted time.
   */
  clockStart: string | null;
  /**
   * `ZHIJIAO_AUDIT_CHECKPOINT_FILE`: where the signed checkpoints of the audit log's head are
   * appended, outside the database (default `$ZHIJIAO_DATA_DIR/audit-checkpoints.jsonl`).
   */
  auditCheckpointFile: string;
  /**
   * `ZHIJIAO_WORKERS`: app processes `zhijiao start` runs, sharing the port. Default: the number of
   * cores on PostgreSQL, 1 on the embedded database (single-process by design: more is refused).
   */
  workers: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration. Every problem is collected and reported together so an
 * operator fixes them in one go, e.g. `PORT must be an integer between 1 and 65535 (got "abc")`.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, dflt: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return dflt;
    }
    return n;
  };
  const bool = (name: string, dflt: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return dflt;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return dflt;
  };
  const trustProxy = (): Config['trustProxy'] => {
    const raw = env.ZHIJIAO_TRUST_PROXY?.trim() ?? '';
    const lower = raw.toLowerCase();
    if (['', 'false', 'no', 'off'].includes(lower)) return false;
    if (['true', 'yes', 'on'].includes(lower)) return true;
    if (/^\d+$/.test(raw)) {
      const hops = Number(raw);
      if (hops >= 1 && hops <= 10) return hops;
    }
    const proxies = raw.split(',').map((p) => p.trim());
    if (proxies.every(isProxyAddress)) return proxies;
    problems.push(
      `ZHIJIAO_TRUST_PROXY must be false, a hop count (1-10) or comma-separated proxy addresses/CIDRs (got "${raw}")`,
    );
    return false;
  };
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrl = env.ZHIJIAO_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\//.test(publicUrl)) {
    problems.push('ZHIJIAO_PUBLIC_URL must start with http:// or https://');
  }
  const clockStart = env.ZHIJIAO_CLOCK_START?.trim() || null;
  if (clockStart && (!/^\d{4}-\d{2}-\d{2}T/.test(clockStart) || Number.isNaN(Date.parse(clockStart))))
    problems.push(
      `ZHIJIAO_CLOCK_START must be an ISO instant such as 2022-05-20T02:00:00Z (got "${clockStart}")`,
    );
  if (clockStart && (env.NODE_ENV === 'production' || !bool('ZHIJIAO_DEMO_DATA', true)))
    problems.push(
      'ZHIJIAO_CLOCK_START is for demos and tests; it is refused with NODE_ENV=production or ZHIJIAO_DEMO_DATA=false',
    );
  const secretKeyFile = env.ZHIJIAO_SECRET_KEY_FILE?.trim() || null;
  if (secretKeyFile && env.ZHIJIAO_SECRET_KEY?.trim())
    problems.push('ZHIJIAO_SECRET_KEY and ZHIJIAO_SECRET_KEY_FILE are both set: give the key one way only');
  const checkpointFile = env.ZHIJIAO_AUDIT_CHECKPOINT_FILE?.trim() || null;
  if (checkpointFile && (!path.isAbsolute(checkpointFile) || /[/\\]$/.test(checkpointFile)))
    problems.push(
      `ZHIJIAO_AUDIT_CHECKPOINT_FILE must be an absolute file path such as /var/lib/zhijiao-audit/checkpoints.jsonl (got "${checkpointFile}")`,
    );
  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.ZHIJIAO_DATA_DIR?.trim() || './var'),
    demoData: bool('ZHIJIAO_DEMO_DATA', true),
    secretKey: env.ZHIJIAO_SECRET_KEY?.trim() || null,
    secretKeyFile: secretKeyFile ? path.resolve(secretKeyFile) : null,
    publicUrl,
    trustProxy: trustProxy(),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    lockoutMinutes: int('ZHIJIAO_LOCKOUT_MINUTES', 10, 1, 24 * 60),
    lockoutThreshold: int('ZHIJIAO_LOCKOUT_THRESHOLD', 5, 3, 20),
    loginAddressLimit: int('ZHIJIAO_LOGIN_ADDRESS_LIMIT', 30, 5, 1000),
    loginAddressWindowMinutes: int('ZHIJIAO_LOGIN_ADDRESS_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginAccountHourlyLimit: int('ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT', 50, 10, 10_000),
    sessionIdleMinutes: int('ZHIJIAO_SESSION_IDLE_MINUTES', 30, 5, 24 * 60),
    sessionAbsoluteHours: int('ZHIJIAO_SESSION_ABSOLUTE_HOURS', 12, 1, 72),
    uploadMaxBytes: int('ZHIJIAO_UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    clockStart,
    auditCheckpointFile:
      checkpointFile && path.isAbsolute(checkpointFile)
        ? path.normalize(checkpointFile)
        : path.resolve(env.ZHIJIAO_DATA_DIR?.trim() || './var', 'audit-checkpoints.jsonl'),
    workers: int('ZHIJIAO_WORKERS', databaseUrl ? os.availableParallelism() : 1, 1, 64),
  };
  if (config.workers > 1 && !databaseUrl)
    problems.push(
      `ZHIJIAO_WORKERS=${config.workers} needs PostgreSQL (DATABASE_URL): the embedded database (PGlite) is single-process by design, so it runs with ZHIJIAO_WORKERS=1`,
    );
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(config.logLevel)) problems.push(`LOG_LEVEL must be one of ${levels.join(', ')}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** An IP address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or a proxy-addr range name (`loopback`). */
function isProxyAddress(text: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(text)) return true;
  const [address = '', prefix, ...rest] = text.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * The `trustProxy` option for Fastify. A hop count becomes a trust function, because Fastify
 * ignores a bare number (it cannot tell a direct client from the proxy): `1` believes the last
 * X-Forwarded-For entry, the one the proxy appended. Use it only when the app is reachable
 * through the proxy alone (HOST=127.0.0.1, the default); otherwise list the proxies' addresses.
 *
 * @example fastifyTrustProxy({ ...config, trustProxy: 1 })('127.0.0.1', 0) // true
 */
export function fastifyTrustProxy(
  config: Pick<Config, 'trustProxy'>,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const { trustProxy } = config;
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

/** True when cookies must be `Secure` (the public URL is https). */
export function isSecureDeployment(config: Config): boolean {
  return config.publicUrl?.startsWith('https://') ?? false;
}

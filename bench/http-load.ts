import os from 'node:os';
import autocannon from 'autocannon';

/** A signed-in session: the cookie to send and the CSRF token for writes. */
export interface Session {
  username: string;
  cookie: string;
  csrf: string;
  mustChangePassword: boolean;
}

function assertLocal(url: string): void {
  if (new URL(url).hostname !== '127.0.0.1')
    throw new Error(`bench requests go to 127.0.0.1 only, not ${url}`);
}

/** `POST /api/auth/login`; keeps the session cookie and the CSRF token. */
export async function login(base: string, username: string, password: string): Promise<Session> {
  assertLocal(base);
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${text}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const body = JSON.parse(text) as { csrfToken: string; user: { restriction: string | null } };
  return {
    username,
    cookie,
    csrf: body.csrfToken,
    mustChangePassword: body.user.restriction === 'password_change',
  };
}

/** `POST /api/auth/password` (first sign-in of a demo account). */
export async function changePassword(
  base: string,
  session: Session,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const res = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ currentPassword, newPassword }),
  });
  if (res.status !== 204)
    throw new Error(`password change ${session.username}: ${res.status} ${await res.text()}`);
}

/** One GET, timed from send to the last byte of the body. */
export async function timedGet(
  base: string,
  path: string,
  cookie?: string,
): Promise<{ ms: number; status: number; bytes: number; body: string }> {
  assertLocal(base);
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, bytes: Buffer.byteLength(body), body };
}

/** Nearest-rank percentile of an unsorted sample (`p` in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface LoadTarget {
  path: string;
  cookie?: string;
  /** GET unless said; a POST sends `body` as JSON. */
  method?: 'GET' | 'POST';
  body?: string;
  /** More request headers, e.g. `x-forwarded-for` (a client address behind the proxy). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  name: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
  /** The machine's 1-minute load average when the run ended (above the core count: CPU was short). */
  loadAvg1m: number;
  /**
   * CPU time of the server process (Node and, for PGlite, its database thread) per measured
   * request, in ms: unlike latency it hardly depends on what else runs on the machine.
   */
  serverCpuMsPerRequest: number;
}

/**
 * Runs autocannon against `targets` (spread round-robin over the requests when there are several,
 * or made per request by a function of the request's number) with `connections` concurrent
 * keep-alive connections: a `warmupS` run not counted, then `durationS` seconds measured.
 * Latencies are taken from every response (ms, not rounded).
 */
export async function runLoad(opts: {
  name: string;
  base: string;
  targets: LoadTarget[] | ((n: number) => LoadTarget);
  connections: number;
  durationS: number;
  warmupS: number;
  /** CPU seconds the server process has used so far (to report CPU per request). */
  cpuSeconds?: () => number;
  /** Resolves when the server has finished what was sent (after the warm-up and the run). */
  drain?: () => Promise<void>;
}): Promise<LoadResult> {
  assertLocal(opts.base);
  const { targets } = opts;
  if (Array.isArray(targets) && targets.length === 0) throw new Error('no targets');
  let next = 0;
  const requests = [
    {
      method: 'GET',
      setupRequest: (request: { path?: string; headers?: Record<string, string> }) => {
        const t = typeof targets === 'function' ? targets(next++) : targets[next++ % targets.length]!;
        return {
          ...request,
          method: t.method ?? 'GET',
          path: t.path,
          headers: {
            ...(request.headers ?? {}),
            ...(t.cookie ? { cookie: t.cookie } : {}),
            ...(t.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...t.headers,
          },
          ...(t.body === undefined ? {} : { body: t.body }),
        };
      },
    },
  ];
  const fire = (duration: number) =>
    autocannon({ url: opts.base, connections: opts.connections, duration, timeout: 30, requests });
  if (opts.warmupS > 0) {
    await fire(opts.warmupS);
    await opts.drain?.();
  }
  const cpu0 = opts.cpuSeconds?.() ?? NaN;
  const instance = fire(opts.durationS);
  const latencies: number[] = [];
  let bytes = 0;
  const statusCodes: Record<string, number> = {};
  instance.on('response', (_client: unknown, statusCode: number, resBytes: number, responseTime: number) => {
    latencies.push(responseTime);
    bytes += resBytes;
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  // Requests still in flight when autocannon stops are served all the same: wait for them, and
  // count the CPU over every request sent.
  await opts.drain?.();
  const cpu = (opts.cpuSeconds?.() ?? NaN) - cpu0;
  const sent = Math.max(result.requests.sent, latencies.length);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, c]) => n + c, 0);
  return {
    name: opts.name,
    connections: opts.connections,
    durationS: result.duration,
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.reduce((m, v) => Math.max(m, v), 0),
    errors: result.errors + non2xx,
    statusCodes,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    loadAvg1m: os.loadavg()[0]!,
    serverCpuMsPerRequest: sent ? (cpu * 1000) / sent : NaN,
  };
}

/**
 * Waits until the server has worked off what the previous run left queued (autocannon closes its
 * sockets, but requests already accepted still run): three health checks in a row under 50 ms.
 */
export async function settle(base: string, maxMs = 15_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const r = await timedGet(base, '/api/health');
    fast = r.status === 200 && r.ms < 50 ? fast + 1 : 0;
    await new Promise((res) => setTimeout(res, 100));
  }
}

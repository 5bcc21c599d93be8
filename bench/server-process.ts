import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'apps/server/bin/zhijiao.mjs');

/** Every server this process started and has not seen exit: stopped on the way out, whatever happens. */
const running = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of running) if (child.exitCode === null && child.pid) child.kill('SIGKILL');
});

/** A port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first `GET /api/health` that answered 200. */
  readyMs: number;
  /** What the server itself printed as its start-up time (`ready in N ms`), if it did. */
  selfReportedMs: number | null;
  /** CPU seconds (user + system) the process has used so far, from /proc; NaN elsewhere. */
  cpuSeconds(): number;
  /** stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  env: Record<string, string>;
  /** Give up (and kill the process) when it is not healthy after this long. */
  timeoutMs?: number;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Spawns `node apps/server/bin/zhijiao.mjs start` with the given environment (on top of ours, with
 * DATABASE_URL cleared and ZHIJIAO_WORKERS=1 unless given) and waits until `GET /api/health` answers 200.
 */
export async function startServer(opts: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // One process unless a section compares more (processes.ts), so earlier figures stay comparable.
      ZHIJIAO_WORKERS: '1',
      ...opts.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );

  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    }
    if (await healthy(url)) break;
    if (Date.now() > deadline) {
      await stop(1000);
      throw new Error(`server not healthy after ${opts.timeoutMs ?? 120_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  // The banner (and the demo passwords) are printed right after listen(): give stdout a moment.
  const bannerDeadline = Date.now() + 2000;
  while (!/is running/.test(out) && Date.now() < bannerDeadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 100));
  const self = /ready in (\d+) ms/.exec(out);
  return {
    url,
    pid: child.pid!,
    readyMs,
    selfReportedMs: self ? Number(self[1]) : null,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    output: () => out,
    stop,
  };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux x86 and arm). */
const USER_HZ = 100;

/** The pids of a process's children (of all its threads), from /proc. */
function childPids(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
      .filter((p) => p.trim() !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * utime + stime of a process (all its threads) and of its live descendants (the worker processes
 * of `ZHIJIAO_WORKERS` > 1), in seconds; NaN when /proc cannot say.
 */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
    return childPids(pid).reduce((sum, child) => sum + (processCpuSeconds(child) || 0), own);
  } catch {
    return NaN;
  }
}

/** Stops every server still running (used on failure paths). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
}

/** Demo one-time passwords printed at first start (`  coordinator  <password>   区教育局 …`), by username. */
export function parseDemoPasswords(output: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of output.matchAll(/^ {2}(\S+)\s+(\S+)\s{3}/gm)) out[m[1]!] = m[2]!;
  return out;
}

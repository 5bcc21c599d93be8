import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHOTS = path.join(ROOT, 'e2e', 'screenshots');

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Demo one-time passwords printed at first start, by username. */
  passwords: Record<string, string>;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts `zhijiao start` on a fresh embedded data directory (demo data) and waits until it serves;
 * `clockStart` runs the server (and its demo) from a past instant, e.g. while the plan was running;
 * `startTimeoutMs` (default 4 minutes: loading the demo is real work, a minute on a quiet machine)
 * gives a busy machine longer; the budget only catches a hang.
 *
 * Under `npm run test:e2e` (ZHIJIAO_E2E_DEMO_SNAPSHOT, set by e2e/global-setup.ts) the demo is
 * loaded once per run: the first server on the real clock loads it, is stopped, and its data
 * directory is kept as the run's snapshot; every server on the real clock then starts on its own
 * copy of that directory (as `zhijiao start` restarts on a data directory), with the one-time
 * passwords of the first start. Each journey still has a district of its own, untouched by the
 * others; only the minute of loading it is not repeated.
 */
export async function startServer(
  opts: { clockStart?: string; startTimeoutMs?: number } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('Build the web app first: npm run build');
  }
  const timeout = opts.startTimeoutMs ?? 240_000;
  const snapshot = opts.clockStart ? null : await demoSnapshot(timeout);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-'));
  if (snapshot) fs.cpSync(snapshot.dataDir, dataDir, { recursive: true });
  const server = await launch(dataDir, timeout, opts.clockStart);
  const passwords: Record<string, string> = {};
  const firstOutput = snapshot?.output ?? server.output();
  for (const m of firstOutput.matchAll(/^ {2}(\S+)\s+(\S+)\s{3}/gm)) passwords[m[1]!] = m[2]!;
  return {
    url: server.url,
    dataDir,
    passwords,
    output: server.output,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** How long the run's one demo load may take (9 minutes: a shared machine under load took 6). */
const SNAPSHOT_TIMEOUT_MS = 540_000;

/** The environment variable naming the run's snapshot directory (e2e/global-setup.ts sets it). */
export const DEMO_SNAPSHOT_ENV = 'ZHIJIAO_E2E_DEMO_SNAPSHOT';

/**
 * The run's demo snapshot (a data directory holding the demo, and the first start's output with
 * the one-time passwords), made by the first caller; null outside a run that asks for one.
 */
async function demoSnapshot(timeout: number): Promise<{ dataDir: string; output: string } | null> {
  const root = process.env[DEMO_SNAPSHOT_ENV];
  if (!root) return null;
  const dataDir = path.join(root, 'data');
  const outputFile = path.join(root, 'first-start.txt');
  const lock = path.join(root, 'lock');
  const deadline = Date.now() + Math.max(timeout, SNAPSHOT_TIMEOUT_MS);
  for (;;) {
    if (fs.existsSync(outputFile)) return { dataDir, output: fs.readFileSync(outputFile, 'utf8') };
    try {
      fs.mkdirSync(lock); // atomic: one caller makes the snapshot, others (files run in parallel) wait
    } catch {
      if (Date.now() > deadline) throw new Error(`no demo snapshot in ${root} yet`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    const building = fs.mkdtempSync(path.join(root, 'building-'));
    try {
      // The one load of the run, for every file: the longest budget any file gives its server.
      const first = await launch(building, Math.max(timeout, SNAPSHOT_TIMEOUT_MS));
      const output = first.output();
      await first.stop();
      if (!/^ {2}coordinator\s+\S+\s{3}/m.test(output))
        throw new Error(`no demo accounts printed: ${output}`);
      fs.renameSync(building, dataDir);
      fs.writeFileSync(outputFile, output);
    } finally {
      fs.rmSync(building, { recursive: true, force: true });
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Spawns `zhijiao start` on `dataDir` and waits for its "is running" banner. */
async function launch(dataDir: string, timeout: number, clockStart?: string) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'apps/server/bin/zhijiao.mjs'), 'start'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        ZHIJIAO_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        ...(clockStart ? { ZHIJIAO_CLOCK_START: clockStart } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + timeout;
  while (!/is running/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 300));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

/** Debian Chromium, headless, as root (see ARCHITECTURE.md pitfalls). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A full-page screenshot in e2e/screenshots/ for a person to look at (the screenshot tour). CI
 * looks at none, so there (CI set, ZHIJIAO_E2E_SHOTS unset) it takes none, but it still waits as
 * for one: journeys written with the picture's pause before their next step (a select opened at
 * once after a page's load missed its option) keep it. Returns the file, or null if none.
 */
export async function shot(page: Page, name: string): Promise<string | null> {
  // Let chart animations (ECharts grows bars from zero) finish before the picture.
  await page.waitForTimeout(1200);
  if (process.env.CI && !process.env.ZHIJIAO_E2E_SHOTS) return null;
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The password a journey sets at a demo account's first sign-in (the policy refuses one holding the username). */
export const newPassword = (_username: string) => 'Shangdang#2026zj';

/**
 * Signs in with the printed one-time password and sets a new one, as the first sign-in requires;
 * returns once the account has left the password page: for its workbench, for the page of an
 * account not yet granted a role, or, for an administrator, for the TOTP set-up it still needs.
 */
export async function firstSignIn(page: Page, server: RunningServer, username: string) {
  const oneTime = server.passwords[username];
  if (!oneTime) throw new Error(`no one-time password printed for ${username}`);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(oneTime);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/account\/password/);
  await page.getByTestId('password-current').fill(oneTime);
  await page.getByTestId('password-new').fill(newPassword(username));
  await page.getByTestId('password-confirm').fill(newPassword(username));
  await page.getByTestId('password-submit').click();
  await page.waitForURL((url) => url.pathname !== '/account/password');
}

/**
 * Collects the page's Content-Security-Policy violations (Chromium reports each as a console
 * error), so a journey can show that the web app runs under the server's strict policy.
 */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      seen.push(message.text());
    }
  });
  return seen;
}

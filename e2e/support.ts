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
 */
export async function startServer(
  opts: { clockStart?: string; startTimeoutMs?: number } = {},
): Promise<RunningServer> {
  if (!fs.existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('Build the web app first: npm run build');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-'));
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
        ...(opts.clockStart ? { ZHIJIAO_CLOCK_START: opts.clockStart } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + (opts.startTimeoutMs ?? 240_000);
  while (!/is running/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 300));
  const passwords: Record<string, string> = {};
  for (const m of out.matchAll(/^ {2}(\S+)\s+(\S+)\s{3}/gm)) passwords[m[1]!] = m[2]!;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    passwords,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
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

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  // Let chart animations (ECharts grows bars from zero) finish before the picture.
  await page.waitForTimeout(1200);
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

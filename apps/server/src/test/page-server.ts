import { isAdminRole } from '@zhijiao/contracts';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../app.ts';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadConfig } from '../platform/config/config.ts';
import { openRuntime } from '../runtime.ts';

/** A page test's account: signed in with this password it lands without any restriction. */
export interface PageTestAccount {
  username: string;
  password: string;
}

const PASSWORD = 'Page-test#2026';

/**
 * Global set-up of the web page tests: a real server on the embedded database with the demo
 * district loaded exactly as `npm start` loads it (the realistic data the pages are read against),
 * listening on a free port. The demo accounts' one-time passwords are changed through the API, as
 * a first sign-in does, so the tests sign in as `coordinator`, `vhs` … with a known password.
 */
export default async function setup(project: TestProject) {
  // The demo takes a while to load, so the app is built in the background while the other
  // projects' tests run; the port listens at once and holds each request until the app is ready
  // (a page test's first request just waits).
  const started = startPageServer().catch((error: unknown) => {
    console.error('page server failed to start', error);
    return null;
  });
  const server = http.createServer((req, res) => {
    void started.then((page) => {
      if (page) page.app.routing(req, res);
      else res.writeHead(503).end('the page server failed to start');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accounts = Object.fromEntries(
    DEMO_USERNAMES.map((username) => [username, { username, password: PASSWORD }]),
  );
  project.provide('pageServer', { url: `http://127.0.0.1:${port}`, accounts });
  return async () => {
    server.close();
    await (await started)?.stop();
  };
}

/** The demo accounts page tests sign in as (the administrators need TOTP and are left out). */
const DEMO_USERNAMES = DEMO_ACCOUNTS.filter((a) => !isAdminRole(a.role)).map((a) => a.username);

async function startPageServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-pages-'));
  const config = loadConfig({ ZHIJIAO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const rt = await openRuntime(config);
  const { accounts } = await loadDemo(rt);
  const { app } = await buildApp({
    config,
    db: rt.database.db,
    dbKind: rt.database.kind,
    clock: rt.clock,
    crypto: rt.crypto,
    webRoot: null,
  });
  for (const a of accounts.filter((x) => DEMO_USERNAMES.includes(x.username))) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: a.username, password: a.password },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { currentPassword: a.password, newPassword: PASSWORD },
    });
    if (changed.statusCode !== 204) throw new Error(`password change for ${a.username}: ${changed.body}`);
  }
  await app.ready();
  return {
    app,
    async stop() {
      await app.close();
      await rt.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pageServer: { url: string; accounts: Record<string, PageTestAccount> };
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp } from '../app.ts';
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
  const signedIn: Record<string, PageTestAccount> = {};
  for (const a of accounts.filter((x) => !x.role.endsWith('_admin'))) {
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
    signedIn[a.username] = { username: a.username, password: PASSWORD };
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('pageServer', { url: address, accounts: signedIn });
  return async () => {
    await app.close();
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pageServer: { url: string; accounts: Record<string, PageTestAccount> };
  }
}

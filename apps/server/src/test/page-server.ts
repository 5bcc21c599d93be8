import { isAdminRole } from '@zhijiao/contracts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildApp, type Services } from '../app.ts';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadConfig } from '../platform/config/config.ts';
import { issueCredential, revokeCredential } from '../platform/credentials/index.ts';
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
      // The verification page's tests read the credentials the server issued (not an app route).
      if (page && req.url === CREDENTIALS_PATH)
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page.credentials));
      else if (page) page.app.routing(req, res);
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

/** Where the page server answers with the credentials it issued, for the verification page's tests. */
const CREDENTIALS_PATH = '/__page-test/credentials';

async function startPageServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-pages-'));
  // An http public URL: cookies stay as on a plain-http server, and districts can issue credentials.
  const config = loadConfig({
    ZHIJIAO_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ZHIJIAO_PUBLIC_URL: 'http://zhijiao.page-test.example',
  });
  const rt = await openRuntime(config);
  const { accounts } = await loadDemo(rt);
  const { app, services } = await buildApp({
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
  const credentials = await issuePageTestCredentials(services);
  await app.ready();
  return {
    app,
    credentials,
    async stop() {
      await app.close();
      await rt.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two credentials of 上党区 as a module issues them, one then revoked: `{ valid, revoked }`
 * (compact JWTs) for the verification page's tests.
 */
async function issuePageTestCredentials(services: Services) {
  const deps = {
    db: services.db,
    clock: services.clock,
    audit: services.audit,
    credentials: services.credentials,
  };
  const actor = { id: null, name: 'page-test', orgUnitId: null, ip: null };
  const issue = (name: string) =>
    issueCredential(deps, {
      districtCode: 'SD',
      subjectRef: `learning_outcome:${randomUUID()}`,
      actor,
      credential: {
        issuer: { name: '上党区教育局' },
        learner: { id: `urn:uuid:${randomUUID()}`, name },
        achievement: {
          id: 'http://zhijiao.page-test.example/achievements/elec-4',
          name: '电工（中级）',
          description: '通过电工中级理论与实操考核。',
          criteria: '理论知识考试与技能操作考核均合格。',
          achievementType: 'Certificate',
        },
      },
    });
  const valid = await issue('王小明');
  const revoked = await issue('李小红');
  await revokeCredential(deps, { id: revoked.id, reason: '证书信息有误，已重新签发', actor });
  return { valid: valid.jwt, revoked: revoked.jwt };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pageServer: { url: string; accounts: Record<string, PageTestAccount> };
  }
}

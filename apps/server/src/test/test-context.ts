import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Role } from '@zhijiao/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type Services } from '../app.ts';
import { SHANGDANG_DIR } from '../demo/bootstrap.ts';
import { createDemoContext } from '../demo/demo-context.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { parseOrgUnitsFile } from '../modules/action-plans/index.ts';
import type { Runtime } from '../runtime.ts';
import { chinaDate, createFixedClock } from '../platform/clock/clock.ts';
import { loadConfig, type Config } from '../platform/config/config.ts';
import { createFieldCrypto, type FieldCrypto } from '../platform/crypto/field-crypto.ts';
import type { RegisteredRoute } from '../platform/http/route-permission.ts';
import type { DemoContext } from '../platform/modules/module-definition.ts';
import { shangdangPlanText } from './shangdang-plan.ts';
import { createSnapshotDatabase, createTestDatabase, type TestDatabase } from './test-db.ts';

export const SYSTEM_ACTOR = { id: null, name: 'test', orgUnitId: null, ip: null };
export const TEST_PASSWORD = 'Zhi-jiao#2026';

export interface TestContext {
  database: TestDatabase;
  db: TestDatabase['db'];
  app: FastifyInstance;
  services: Services;
  routes: RegisteredRoute[];
  clock: ReturnType<typeof createFixedClock>;
  config: Config;
  crypto: FieldCrypto;
  webRoot: string;
  close(): Promise<void>;
}

/**
 * A real app on a fresh real database (PGlite or PostgreSQL, see global-setup), with a clock the
 * test controls (default 2021-05-20 09:00 China time, inside the Shangdang plan's period) and the
 * configuration `env` sets (e.g. `{ ZHIJIAO_UPLOAD_MAX_MB: '1' }`).
 */
export async function createTestContext(
  opts: { now?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-files-'));
  return contextOn(database, dataDir, randomBytes(32), opts);
}

/** The app of a test context over `database`, its files in `dataDir` (removed on close). */
async function contextOn(
  database: TestDatabase,
  dataDir: string,
  key: Buffer,
  opts: { now?: string; env?: Record<string, string> },
): Promise<TestContext> {
  const clock = createFixedClock(opts.now ?? '2021-05-20T01:00:00Z');
  const webRoot = path.join(dataDir, 'web');
  fs.mkdirSync(webRoot, { recursive: true });
  fs.writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>职教</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(webRoot, 'app.js'), 'console.log(1)');
  const config = loadConfig({ ZHIJIAO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...opts.env });
  const crypto = createFieldCrypto(key);
  const { app, services, routes } = await buildApp({
    config,
    db: database.db,
    dbKind: database.kind,
    clock,
    crypto,
    webRoot,
  });
  await app.ready();
  return {
    database,
    db: database.db,
    app,
    services,
    routes,
    clock,
    config,
    crypto,
    webRoot,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The context a module's `demo` runs with when the app loads the demo (`demo/demo-context.ts`), on
 * the test's today: the demo accounts it names (`coordinator`, `vhs` …) must exist.
 *
 * @example await loadProgramsDemo(demoContext<ProgramsModule>(ctx, 'programs'))
 */
export function demoContext<S>(
  ctx: TestContext,
  key: string,
  today = chinaDate(ctx.clock.now()),
  planYears: readonly number[] = [],
): DemoContext<S> {
  return createDemoContext<S>(ctx, key, today, planYears);
}

/** The runtime `npm start` would hand the demo loader and the CLI, over a test context. */
export function runtimeOf(ctx: TestContext): Runtime {
  return {
    config: ctx.config,
    database: ctx.database,
    crypto: ctx.crypto,
    clock: ctx.clock,
    services: ctx.services,
    close: ctx.close,
  };
}

/**
 * A test context holding the whole demo district, loaded as `npm start` loads it, on the day the
 * demo-reading suites share (29 November 2026, 10:00 China time). Loading takes a minute, so it is
 * loaded once per run (`createSnapshotDatabase`, with the files the demo uploaded and the key it
 * encrypted with) and each suite gets its own copy, as a server restarted on that data would see
 * it; the first suite to ask waits for the load: give the `beforeAll` a long budget.
 */
export async function createDemoTestContext(now = '2026-11-29T02:00:00Z') {
  const { database, dir } = await createSnapshotDatabase(`demo-${now}`, async (empty, snapshotDir) => {
    const key = randomBytes(32);
    fs.writeFileSync(path.join(snapshotDir, 'secret.key'), key);
    const loading = await contextOn(empty, path.join(snapshotDir, 'files'), key, { now });
    const { accounts, summary } = await loadDemo(runtimeOf(loading));
    // What the load answered (its summary, the accounts' names: never their one-time passwords).
    const answer: DemoLoadAnswer = { usernames: accounts.map((a) => a.username), summary };
    fs.writeFileSync(path.join(snapshotDir, DEMO_LOAD_ANSWER), JSON.stringify(answer));
    await loading.app.close();
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-files-'));
  fs.cpSync(path.join(dir, 'files'), dataDir, { recursive: true });
  const ctx = await contextOn(database, dataDir, fs.readFileSync(path.join(dir, 'secret.key')), { now });
  const loaded = JSON.parse(fs.readFileSync(path.join(dir, DEMO_LOAD_ANSWER), 'utf8')) as DemoLoadAnswer;
  return { ctx, rt: runtimeOf(ctx), loaded };
}

/** What `loadDemo` answered when the shared demo snapshot was made (load-demo.test.ts reads it). */
export interface DemoLoadAnswer {
  usernames: string[];
  summary: string;
}
const DEMO_LOAD_ANSWER = 'demo-load.json';

/** Loads the real Shangdang org units and action plan (version `SHANGDANG_VERSION`), as `npm start` does. */
export async function seedShangdang(ctx: TestContext) {
  const parsed = parseOrgUnitsFile(fs.readFileSync(path.join(SHANGDANG_DIR, 'org-units.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error('org-units.yaml does not parse');
  await ctx.db
    .transaction()
    .execute((trx) => ctx.services.org.units.importOrgUnits(trx, parsed.units, SYSTEM_ACTOR));
  return ctx.services.plans.imports.importPlan(shangdangPlanText(), SYSTEM_ACTOR);
}

let userCounter = 0;
/** Creates an active account (password already changed) at an org unit. */
export async function createUser(ctx: TestContext, role: Role, orgCode: string, username?: string) {
  const name = username ?? `${role.replace('_', '')}${++userCounter}`;
  const { user } = await ctx.services.org.users.createUser(
    null,
    {
      username: name,
      displayName: name,
      role,
      orgUnitCode: orgCode,
      password: TEST_PASSWORD,
      mustChangePassword: false,
    },
    SYSTEM_ACTOR,
  );
  return { ...user, password: TEST_PASSWORD };
}

/** A signed-in HTTP client for `app.inject`: keeps the cookie, sends the CSRF token. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

export async function login(
  ctx: TestContext,
  username: string,
  password = TEST_PASSWORD,
  totp?: string,
): Promise<Client> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request = (opts: InjectOptions) =>
    ctx.app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
  };
}

/** Tasks of the Shangdang plan by number, with their ids. */
export async function taskByNumber(ctx: TestContext, planId: string, n: number) {
  return ctx.db
    .selectFrom('planTask')
    .selectAll()
    .where('planId', '=', planId)
    .where('number', '=', n)
    .executeTakeFirstOrThrow();
}

/** A `multipart/form-data` body with one file in the field `file`, for `app.inject`. */
export function multipartFile(filename: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `zj${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          `Content-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * `multipartFile`, with the body arriving in two pieces: the headers and the file's first `at`
 * bytes, then the rest — as the network delivers a large upload. With `at` the upload limit, the
 * parser meets the excess only after the handler has read every byte up to the limit.
 */
export function multipartFileInPieces(filename: string, content: Buffer, at: number, type?: string) {
  const { payload, headers } = multipartFile(filename, content, type);
  const cut = payload.indexOf('\r\n\r\n') + 4 + at;
  const pieces = [payload.subarray(0, cut), payload.subarray(cut)];
  return { payload: Readable.from(pieces, { objectMode: false }), headers };
}

/** A small valid PDF upload body (the guard checks magic bytes), named `name`. */
export function pdfUpload(name: string) {
  return multipartFile(name, Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`), 'application/pdf');
}

/**
 * A registered metric computed for the Shangdang district (`SD`) as the plan engine asks it: over
 * `period`, as of `today`, `exact` for a recurring target's own window (a calendar year …).
 *
 * @example await districtMetric(ctx, 'jointMeetings.meetingsHeld', yearWindow(2021), '2026-11-29', true)
 */
export async function districtMetric(
  ctx: TestContext,
  metric: string,
  period: { startsOn: string; endsOn: string },
  today: string,
  exact = false,
) {
  const district = await ctx.db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', 'SD')
    .executeTakeFirstOrThrow();
  return ctx.services.metrics.compute(metric, { db: ctx.db, orgUnitId: district.id, period, today, exact });
}

/** The calendar year `year` as a metric window. */
export function yearWindow(year: number) {
  return { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
}

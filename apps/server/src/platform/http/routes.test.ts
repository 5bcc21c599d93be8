import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

const PLAN = 'shangdang-vet-2020';
/** What a leaked stack trace or internal error looks like in a body. */
const STACK = /\bat \S+ \(|node_modules|\.ts:\d+|"stack"/;
const fill = (url: string) => url.replace(/:id\b/g, randomUUID()).replace(/:code\b/g, PLAN);
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; details?: unknown } }).error;
const fields = (res: { json(): unknown }) =>
  ((errorOf(res).details ?? []) as Array<{ field: string }>).map((d) => d.field);

describe('API routes: permissions, errors, open data', () => {
  let ctx: TestContext;
  let planId: string;
  let coordinator: Client;
  let clerk: Client;
  let clerkId: string;
  let coordinatorName: string;
  let clerkName: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    const c = await createUser(ctx, 'coordinator', 'SD-EDU');
    const k = await createUser(ctx, 'unit_clerk', 'SD-HRSS');
    coordinatorName = c.username;
    clerkName = k.username;
    clerkId = k.id;
    coordinator = await login(ctx, c.username);
    clerk = await login(ctx, k.username);
  });
  afterAll(() => ctx?.close());

  const apiRoutes = () =>
    ctx.routes.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));

  it('registers every /api route with a permission; only login, health and open data are public', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const r of routes) expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
    const pub = routes.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual([
      'GET /api/health',
      'GET /api/public/consultations',
      'GET /api/public/consultations/:id',
      'GET /api/public/consultations/:id/challenge',
      'GET /api/public/consultations/:id/summary',
      'GET /api/public/consultations/:id/summary.docx',
      'GET /api/public/consultations/:id/summary.pdf',
      'GET /api/public/enrollment/seasons',
      'GET /api/public/enrollment/seasons/:id/cutoffs',
      'GET /api/public/plans',
      'GET /api/public/plans/:code',
      'GET /api/public/plans/:code/final-evaluation.docx',
      'GET /api/public/plans/:code/final-evaluation.pdf',
      'GET /api/public/supervision-reports',
      'GET /api/public/supervision-reports/:id',
      'GET /api/public/supervision-reports/:id/report.pdf',
      'POST /api/auth/login',
      'POST /api/public/consultations/:id/comments',
      'POST /api/public/credentials/verify',
      'POST /api/public/enrollment/admission-notices',
      'POST /api/public/enrollment/result-lookups',
    ]);
    // Outside /api only what a did:web DID and its credentials' status entries point at.
    const outside = ctx.routes
      .filter((r) => !r.url.startsWith('/api') && r.url !== '/*')
      .map((r) => `${r.method} ${r.url} ${String(r.permission)}`);
    expect(outside.sort()).toEqual([
      'GET /issuers/:code/did.json public',
      'GET /issuers/:code/status/:list public',
    ]);
  });

  it('answers 401 AUTH_REQUIRED on every non-public route without a session', async () => {
    const closed = apiRoutes().filter((r) => r.permission !== 'public');
    const wrong: string[] = [];
    for (const r of closed) {
      const res = await ctx.app.inject({ method: r.method as 'GET', url: fill(r.url) });
      if (res.statusCode !== 401 || errorOf(res).code !== 'AUTH_REQUIRED' || STACK.test(res.body))
        wrong.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(closed.length).toBeGreaterThan(25);
  });

  it('answers 403 FORBIDDEN to a unit clerk on a coordinator-only route and audits the denial', async () => {
    const id = randomUUID();
    const res = await clerk.post(`/api/progress-reports/${id}/approval`);
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const row = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', clerkId)
      .where('result', '=', 'denied')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('access.denied');
    expect(row.details).toMatchObject({
      method: 'POST',
      route: '/api/progress-reports/:id/approval',
      permission: 'progress.review',
    });
  });

  it('answers 404 NOT_FOUND for an unknown task and ROUTE_NOT_FOUND for an unknown API path', async () => {
    const task = await coordinator.get(`/api/tasks/${randomUUID()}`);
    expect(task.statusCode).toBe(404);
    expect(errorOf(task).code).toBe('NOT_FOUND');
    const nope = await coordinator.get('/api/nope');
    expect(nope.statusCode).toBe(404);
    expect(errorOf(nope).code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves index.html for page routes, but 404 JSON for missing assets and API paths', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/plans/x' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="root">');
    const asset = await ctx.app.inject({ method: 'GET', url: '/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    for (const url of ['/missing.js', '/api/nope', '/api/plans/x/y/z']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(errorOf(res).code, url).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('sends the build’s brotli or gzip copy of an asset, caches hashed assets a year and index.html never', async () => {
    const script = `console.log(${JSON.stringify('职教'.repeat(2000))});`;
    const assets = path.join(ctx.webRoot, 'assets');
    fs.mkdirSync(assets, { recursive: true });
    fs.writeFileSync(path.join(assets, 'index-Ab12Cd34.js'), script);
    fs.writeFileSync(path.join(assets, 'index-Ab12Cd34.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(assets, 'index-Ab12Cd34.js.gz'), zlib.gzipSync(script));
    const get = (url: string, encoding: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const url of ['/', '/index.html', '/app.js']) {
      expect((await get(url, 'br')).headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers 400 VALIDATION_FAILED naming the field of a bad body', async () => {
    const task = await taskByNumber(ctx, planId, 10);
    const period = await ctx.db
      .selectFrom('reportingPeriod')
      .select('id')
      .where('planId', '=', planId)
      .executeTakeFirstOrThrow();
    const good = { taskId: task.id, periodId: period.id, progress: 'on_track', narrative: '培训已开展' };
    const cases: Array<[unknown, string]> = [
      [{ ...good, narrative: undefined }, 'body.narrative'],
      [{ ...good, taskId: 'not-a-uuid' }, 'body.taskId'],
      [{ ...good, progress: 'fine' }, 'body.progress'],
      [{ ...good, values: [{ indicatorId: randomUUID(), value: 'x' }] }, 'body.values.0.value'],
      [{ ...good, isApproved: true }, 'body.isApproved'],
    ];
    for (const [payload, field] of cases) {
      const res = await clerk.post('/api/progress-reports', payload);
      expect(res.statusCode, field).toBe(400);
      expect(errorOf(res).code, field).toBe('VALIDATION_FAILED');
      expect(fields(res), field).toContain(field);
      expect(res.body).not.toMatch(STACK);
    }
    expect(await ctx.db.selectFrom('progressReport').select('id').execute()).toEqual([]);
  });

  it('maps a duplicate (same task, period and unit) to 409 CONFLICT, with no stack in any error body', async () => {
    const task = await taskByNumber(ctx, planId, 10);
    const periods = await clerk.get(`/api/plans/${PLAN}/periods`);
    const current = (periods.json() as { items: Array<{ id: string; current: boolean }> }).items.find(
      (p) => p.current,
    )!;
    const body = {
      taskId: task.id,
      periodId: current.id,
      progress: 'on_track',
      narrative: '开展技能培训 3 期',
    };
    const first = await clerk.post('/api/progress-reports', body);
    expect(first.statusCode).toBe(201);
    const again = await clerk.post('/api/progress-reports', body);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
    // Two first writes racing: on PostgreSQL one may pass the service's check and hit the unique
    // index (SQLSTATE 23505), which the error handler must also answer with 409 CONFLICT.
    const t1 = await taskByNumber(ctx, planId, 1);
    const race = await Promise.all(
      [1, 2, 3].map(() => clerk.post('/api/progress-reports', { ...body, taskId: t1.id })),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const res of [again, ...race.filter((r) => r.statusCode === 409)]) {
      expect(errorOf(res).code).toBe('CONFLICT');
      expect(res.body).not.toMatch(STACK);
    }
    const rows = await ctx.db
      .selectFrom('progressReport')
      .select('id')
      .where('taskId', 'in', [task.id, t1.id])
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('reports health with the database kind under test', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: ctx.database.kind });
  });

  it('publishes an OpenAPI 3 document listing the open data and dashboard routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/plans',
        '/api/public/plans/{code}',
        '/api/plans/{code}/dashboard',
      ]),
    );
  });

  it('sends nosniff, frame-deny and a strict content policy on every answer: API, errors, the web app, the docs', async () => {
    for (const url of [
      '/api/health',
      '/api/public/plans',
      '/api/plans',
      '/api/nope',
      '/',
      '/plans/x',
      '/api/docs',
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      // Searched names and filters sit in page URLs: a Referer carries the origin only.
      expect(res.headers['referrer-policy'], url).toBe('strict-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self';");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
  });

  describe('open data', () => {
    type PublicPlan = {
      code: string;
      sections: Array<{
        tasks: Array<{ label: string; lead: { code: string } | null; cooperating: unknown[] }>;
      }>;
      indicators: Array<Record<string, unknown>>;
    };

    it('lists the Shangdang plan without sign-in: 6 sections, 21 tasks with units, indicators', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/public/plans' });
      expect(res.statusCode).toBe(200);
      const plans = (res.json() as { items: PublicPlan[] }).items;
      expect(plans.map((p) => p.code)).toEqual([PLAN]);
      const plan = plans[0]!;
      expect(plan.sections).toHaveLength(6);
      const tasks = plan.sections.flatMap((s) => s.tasks);
      expect(tasks).toHaveLength(21);
      for (const t of tasks) expect(t.lead, t.label).not.toBeNull();
      expect(tasks.find((t) => t.label === '（十）')?.lead?.code).toBe('SD-HRSS');
      expect(tasks.find((t) => t.label === '（二）')?.cooperating).toHaveLength(3);
      const publicCount = await ctx.db
        .selectFrom('indicator')
        .select('code')
        .where('planId', '=', planId)
        .where('isPublic', '=', true)
        .execute();
      expect(plan.indicators.map((i) => i.code).sort()).toEqual(publicCount.map((i) => i.code).sort());
      expect(plan.indicators.map((i) => i.code)).not.toContain('T06-RESOURCE-COVERAGE');
      for (const i of plan.indicators) {
        for (const key of ['code', 'target', 'comparator', 'deadline', 'latestValue', 'status'])
          expect(i, `${String(i.code)}.${key}`).toHaveProperty(key);
      }
      const ratio = plan.indicators.find((i) => i.code === 'T07-DQ-RATIO')!;
      expect(ratio).toMatchObject({
        comparator: 'gte',
        target: 60,
        deadline: '2022-12-31',
        latestValue: null,
      });
    });

    it('serves one plan by code and 404 for an unknown code', async () => {
      const one = await ctx.app.inject({ method: 'GET', url: `/api/public/plans/${PLAN}` });
      expect(one.statusCode).toBe(200);
      expect((one.json() as PublicPlan).code).toBe(PLAN);
      const none = await ctx.app.inject({ method: 'GET', url: '/api/public/plans/no-such-plan' });
      expect(none.statusCode).toBe(404);
      expect(errorOf(none).code).toBe('NOT_FOUND');
    });

    it('carries no username, user id, ID-number-like or phone-like string', async () => {
      const users = await ctx.db.selectFrom('appUser').select(['id', 'username']).execute();
      expect(users.length).toBeGreaterThanOrEqual(2);
      for (const url of ['/api/public/plans', `/api/public/plans/${PLAN}`]) {
        const body = (await ctx.app.inject({ method: 'GET', url })).body;
        for (const u of users) {
          expect(body, url).not.toContain(u.id);
          expect(body, url).not.toContain(`"${u.username}"`);
        }
        expect(body).not.toContain(coordinatorName);
        expect(body).not.toContain(clerkName);
        expect(body.match(/\b\d{17}[\dXx]\b/g), url).toBeNull();
        expect(body.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g), url).toBeNull();
      }
    });
  });
});

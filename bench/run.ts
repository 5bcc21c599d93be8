/**
 * `npm run bench`: start-up times, province-scale load on PostgreSQL and one-district load on the
 * embedded PGlite, printed as a table and written to bench/results/latest.json. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  changePassword,
  login,
  percentile,
  runLoad,
  settle,
  timedGet,
  type LoadResult,
  type Session,
} from './http-load.ts';
import { benchEnrollmentEngine } from './enrollment-engine.ts';
import { buildProvince, dropDatabase, PG_ADMIN_URL, pgUrl, recreateDatabase } from './province-data.ts';
import { parseDemoPasswords, ROOT, startServer, stopAll, type ServerProcess } from './server-process.ts';
import { SUPERVISION_DB, supervisionSection } from './supervision.ts';
import { TEACHERS_DB, teachersSection } from './teachers.ts';
import { RESOURCES_DB, resourcesSection } from './resources.ts';
import { ENROLLMENT_SEASON_DB, enrollmentSeasonSection } from './enrollment-season.ts';
import { INTERNSHIPS_DB, internshipsSection } from './internships.ts';
import { PROCESSES_DB, processesSection, processesTable, type ProcessesRow } from './processes.ts';

const CONNECTIONS = 100;
const DURATION_S = 10;
const WARMUP_S = 2;
const DISTRICTS = 117;
const TARGET_REPORTS = 100_000;
const INDICATORS_PER_PLAN = 85;
/** The dashboard latency goal: p99 under this many ms with province data and 100 concurrent requests. */
const GOAL_P99_MS = 50;
const CACHE_TTL_MS = 5_000;
/** Floor references (no plan data read): shorter runs. */
const BASELINE = { durationS: 5, warmupS: 1 };
const DB_START = 'zhijiao_bench_start';
const DB_PROVINCE = 'zhijiao_bench';
const DEMO_PLAN = 'shangdang-vet-2020';
const NEW_PASSWORD = 'Bench#Zhijiao-2026';

interface StartupRow {
  database: 'pglite' | 'postgresql';
  kind: 'cold (empty, demo loads)' | 'warm restart';
  readyMs: number;
  selfReportedMs: number | null;
}

interface SequentialRow {
  name: string;
  samples: number;
  p50: number;
  p90: number;
  max: number;
  mean: number;
  bytes: number;
}

const started = performance.now();
const tempDirs: string[] = [];
const databases: string[] = [];
const out = {
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgresql: '',
    platform: `${os.platform()} ${os.release()}`,
    loadAvgAtStart: os.loadavg(),
  },
  settings: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, cacheTtlMs: CACHE_TTL_MS },
  startup: [] as StartupRow[],
  province: {
    counts: {} as Record<string, number>,
    generationSeconds: {} as Record<string, number>,
    load: [] as LoadResult[],
    sequential: [] as SequentialRow[],
  },
  pglite: { load: [] as LoadResult[], sequential: [] as SequentialRow[] },
  supervision: null as Awaited<ReturnType<typeof supervisionSection>> | null,
  teachers: null as Awaited<ReturnType<typeof teachersSection>> | null,
  resources: null as Awaited<ReturnType<typeof resourcesSection>> | null,
  enrollmentSeason: null as Awaited<ReturnType<typeof enrollmentSeasonSection>> | null,
  internships: null as Awaited<ReturnType<typeof internshipsSection>> | null,
  processes: [] as ProcessesRow[],
  goals: [] as Array<{ goal: string; measured: string; pass: boolean }>,
  totalSeconds: 0,
};

const say = (line: string) => console.log(line);
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '–');

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function sequentialRow(name: string, samples: Array<{ ms: number; bytes: number }>): SequentialRow {
  const times = samples.map((s) => s.ms);
  return {
    name,
    samples: samples.length,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    max: Math.max(...times),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    bytes: Math.round(samples.reduce((a, s) => a + s.bytes, 0) / samples.length),
  };
}

/**
 * GETs each path in turn (one at a time, nothing else running), failing on a non-200. With `prime`,
 * each path is requested once untimed right before the timed request (to time a cache hit).
 */
async function sequential(
  base: string,
  name: string,
  items: Array<{ path: string; cookie?: string }>,
  opts: { prime?: boolean } = {},
) {
  const samples = [];
  for (const item of items) {
    if (opts.prime) await timedGet(base, item.path, item.cookie);
    const r = await timedGet(base, item.path, item.cookie);
    if (r.status !== 200) throw new Error(`${name}: GET ${item.path} → ${r.status} ${r.body.slice(0, 300)}`);
    samples.push(r);
  }
  return sequentialRow(name, samples);
}

async function expectOk(base: string, p: string, cookie?: string): Promise<void> {
  const r = await timedGet(base, p, cookie);
  if (r.status !== 200) throw new Error(`GET ${p} → ${r.status} ${r.body.slice(0, 300)}`);
}

async function load(
  server: ServerProcess,
  name: string,
  targets: Array<{ path: string; cookie?: string }>,
  timing: { durationS: number; warmupS: number } = { durationS: DURATION_S, warmupS: WARMUP_S },
): Promise<LoadResult> {
  const base = server.url;
  await settle(base);
  for (const t of targets.slice(0, 3)) await expectOk(base, t.path, t.cookie);
  const r = await runLoad({
    name,
    base,
    targets,
    connections: CONNECTIONS,
    ...timing,
    cpuSeconds: server.cpuSeconds,
    drain: () => settle(base),
  });
  say(
    `  ${name.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)} ms  errors ${r.errors}  server CPU ${ms(r.serverCpuMsPerRequest)} ms/req  load ${r.loadAvg1m.toFixed(1)}`,
  );
  return r;
}

/** Signs a demo account in with its one-time password, changes it, and signs in again. */
async function demoLogin(base: string, username: string, oneTimePassword: string): Promise<Session> {
  const first = await login(base, username, oneTimePassword);
  if (!first.mustChangePassword) return first;
  await changePassword(base, first, oneTimePassword, NEW_PASSWORD);
  return login(base, username, NEW_PASSWORD);
}

// ── 1 + 3: PGlite, cold start with the demo, warm restart, then one district under load.
async function pgliteSection(): Promise<void> {
  say('\n▶ PGlite (embedded): cold start on an empty data directory');
  const dir = tempDir('zj-bench-pglite-');
  const env = { ZHIJIAO_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  const cold = await startServer({ env });
  out.startup.push({
    database: 'pglite',
    kind: 'cold (empty, demo loads)',
    readyMs: cold.readyMs,
    selfReportedMs: cold.selfReportedMs,
  });
  say(`  cold start to ready: ${ms(cold.readyMs)} ms`);
  const passwords = parseDemoPasswords(cold.output());
  if (!passwords.coordinator || !passwords.hrss) {
    throw new Error(`no demo passwords in the first start's output:\n${cold.output()}`);
  }
  await cold.stop();
  const warm = await startServer({ env });
  out.startup.push({
    database: 'pglite',
    kind: 'warm restart',
    readyMs: warm.readyMs,
    selfReportedMs: warm.selfReportedMs,
  });
  say(`  warm restart to ready: ${ms(warm.readyMs)} ms`);
  try {
    await pgliteLoad(warm, passwords);
  } finally {
    await warm.stop();
  }
}

async function pgliteLoad(server: ServerProcess, passwords: Record<string, string>): Promise<void> {
  say('\n▶ PGlite: one district (Shangdang demo: real plan, 561 reports), 100 connections');
  const base = server.url;
  const coordinator = await demoLogin(base, 'coordinator', passwords.coordinator!);
  const clerk = await demoLogin(base, 'hrss', passwords.hrss!);
  // Cache misses without waiting for the TTL: each period is a cache key of its own.
  const periods = JSON.parse(
    (await timedGet(base, `/api/plans/${DEMO_PLAN}/periods`, coordinator.cookie)).body,
  ) as { items: Array<{ id: string; startsOn: string }> };
  const recent = periods.items.slice(-20);
  out.pglite.sequential.push(
    await sequential(
      base,
      'dashboard, cache miss (20 periods)',
      recent.map((p) => ({
        path: `/api/plans/${DEMO_PLAN}/dashboard?periodId=${p.id}`,
        cookie: coordinator.cookie,
      })),
    ),
    await sequential(
      base,
      'dashboard, cache hit',
      recent.map((p) => ({
        path: `/api/plans/${DEMO_PLAN}/dashboard?periodId=${p.id}`,
        cookie: coordinator.cookie,
      })),
      { prime: true },
    ),
    await sequential(
      base,
      'public plan (not cached)',
      recent.map(() => ({ path: `/api/public/plans/${DEMO_PLAN}` })),
    ),
    await sequential(
      base,
      'todos (coordinator, every module)',
      recent.map(() => ({ path: '/api/todos', cookie: coordinator.cookie })),
    ),
  );
  out.pglite.load.push(
    await load(server, 'dashboard (coordinator)', [
      { path: `/api/plans/${DEMO_PLAN}/dashboard`, cookie: coordinator.cookie },
    ]),
    await load(server, 'tasks (clerk of 区人社局, scoped)', [
      { path: `/api/plans/${DEMO_PLAN}/tasks`, cookie: clerk.cookie },
    ]),
    await load(server, 'public plan', [{ path: `/api/public/plans/${DEMO_PLAN}` }]),
    // The workbench: every module's todos, and the bell's unread count (polled by every open page).
    await load(server, 'todos (coordinator, every module)', [
      { path: '/api/todos', cookie: coordinator.cookie },
    ]),
    await load(server, 'todos (clerk of 区人社局)', [{ path: '/api/todos', cookie: clerk.cookie }]),
    await load(server, 'unread count (clerk of 区人社局)', [
      { path: '/api/notifications/unread-count', cookie: clerk.cookie },
    ]),
    await load(server, 'floor: /api/health (no session, SELECT 1)', [{ path: '/api/health' }], BASELINE),
    await load(
      server,
      'floor: /api/auth/me (session + 1 query)',
      [{ path: '/api/auth/me', cookie: coordinator.cookie }],
      BASELINE,
    ),
  );
}

// ── 1: PostgreSQL cold start (fresh database, demo loads) and warm restart.
async function postgresStartSection(): Promise<void> {
  say('\n▶ PostgreSQL: cold start on a fresh database');
  await recreateDatabase(DB_START);
  databases.push(DB_START);
  const env = {
    DATABASE_URL: pgUrl(DB_START),
    ZHIJIAO_DATA_DIR: tempDir('zj-bench-pgstart-'),
    LOG_LEVEL: 'warn',
  };
  for (const kind of ['cold (empty, demo loads)', 'warm restart'] as const) {
    const server = await startServer({ env });
    out.startup.push({
      database: 'postgresql',
      kind,
      readyMs: server.readyMs,
      selfReportedMs: server.selfReportedMs,
    });
    say(`  ${kind}: ${ms(server.readyMs)} ms`);
    await server.stop();
  }
  await dropDatabase(DB_START);
  databases.splice(databases.indexOf(DB_START), 1);
}

// ── 2: province scale on PostgreSQL.
async function provinceSection(): Promise<void> {
  say(`\n▶ PostgreSQL: province data (${DISTRICTS} districts) into database ${DB_PROVINCE}`);
  databases.push(DB_PROVINCE);
  const data = await buildProvince({
    database: DB_PROVINCE,
    districts: DISTRICTS,
    targetReports: TARGET_REPORTS,
    indicatorsPerPlan: INDICATORS_PER_PLAN,
    dataDir: tempDir('zj-bench-gen-'),
    log: say,
  });
  out.province.counts = data.counts;
  out.province.generationSeconds = data.seconds;
  say(
    `  rows: ${Object.entries(data.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  say(`  generated in ${data.seconds.total.toFixed(1)} s`);

  const server = await startServer({
    env: {
      DATABASE_URL: pgUrl(DB_PROVINCE),
      ZHIJIAO_DEMO_DATA: 'false',
      ZHIJIAO_DATA_DIR: tempDir('zj-bench-province-'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const base = server.url;
    const sd = data.districts[0]!;
    const spread = data.districts.slice(1, 21);
    const cold = data.districts.slice(41, 61);
    const signIn = (username: string) => login(base, username, data.password);
    const sdCoordinator = await signIn(sd.coordinator);
    const sdClerk = await signIn(sd.clerks.find((c) => c.endsWith('-hrss'))!);
    const spreadSessions = await Promise.all(spread.map((d) => signIn(d.coordinator)));
    const coldCoordinators = await Promise.all(cold.map((d) => signIn(d.coordinator)));
    const coldClerks = await Promise.all(cold.map((d) => signIn(d.clerks.find((c) => c.endsWith('-hrss'))!)));

    say('\n▶ PostgreSQL: one request at a time (what the 5 s cache saves)');
    const dash = (i: number) => ({
      path: `/api/plans/${cold[i]!.planCode}/dashboard`,
      cookie: coldCoordinators[i]!.cookie,
    });
    const seq = out.province.sequential;
    seq.push(
      await sequential(
        base,
        'dashboard, first request of the day',
        cold.map((_, i) => dash(i)),
      ),
    );
    await new Promise((r) => setTimeout(r, CACHE_TTL_MS + 300));
    seq.push(
      await sequential(
        base,
        'dashboard, cache miss (TTL expired)',
        cold.map((_, i) => dash(i)),
      ),
    );
    seq.push(
      await sequential(
        base,
        'dashboard, cache hit',
        cold.map((_, i) => dash(i)),
        { prime: true },
      ),
    );
    seq.push(
      await sequential(
        base,
        'tasks (clerk, scoped), cache miss',
        cold.map((d, i) => ({ path: `/api/plans/${d.planCode}/tasks`, cookie: coldClerks[i]!.cookie })),
      ),
    );
    seq.push(
      await sequential(
        base,
        'public plan (not cached)',
        cold.map((d) => ({ path: `/api/public/plans/${d.planCode}` })),
      ),
    );
    // A unit clerk asking for "my alerts" without naming a plan: every current plan's state is built.
    seq.push(
      await sequential(base, `alerts, no planCode (clerk; ${DISTRICTS} plans)`, [
        { path: '/api/alerts', cookie: coldClerks[19]!.cookie },
      ]),
    );
    for (const r of seq) {
      say(
        `  ${r.name.padEnd(44)} p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  max ${ms(r.max)} ms  (${r.samples} plans)`,
      );
    }

    say(`\n▶ PostgreSQL: province, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s`);
    out.province.load.push(
      await load(server, 'dashboard, one district (coordinator)', [
        { path: `/api/plans/${sd.planCode}/dashboard`, cookie: sdCoordinator.cookie },
      ]),
      await load(
        server,
        'dashboard, 20 districts (own coordinators)',
        spread.map((d, i) => ({
          path: `/api/plans/${d.planCode}/dashboard`,
          cookie: spreadSessions[i]!.cookie,
        })),
      ),
      await load(server, 'tasks (clerk of 区人社局, scoped)', [
        { path: `/api/plans/${sd.planCode}/tasks`, cookie: sdClerk.cookie },
      ]),
      await load(server, 'public plan (open data)', [{ path: `/api/public/plans/${sd.planCode}` }]),
      await load(server, 'floor: /api/health (no session, SELECT 1)', [{ path: '/api/health' }], BASELINE),
      await load(
        server,
        'floor: /api/auth/me (session + 1 query)',
        [{ path: '/api/auth/me', cookie: sdCoordinator.cookie }],
        BASELINE,
      ),
    );
  } finally {
    await server.stop();
  }
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const r = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return r.rows[0]!.v;
  } finally {
    await client.end();
  }
}

function printTables(): void {
  const m = out.machine;
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  const rule = '═'.repeat(112);
  p(rule);
  p(`Zhijiao benchmark — ${new Date().toISOString()}`);
  p(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM; Node ${m.node}; PostgreSQL ${m.postgresql}`);
  p(
    `load: autocannon in the bench process on the same machine (it shares the ${m.cpus} cores with the server and the database)`,
  );
  p(
    `1-min load average at start ${m.loadAvgAtStart[0]!.toFixed(1)}; the "load" column is the same at the end of each run — the bench itself adds ~2–3, more means other processes took CPU`,
  );
  p(rule);
  p('1. Start to ready (spawn → first GET /api/health = 200)');
  p(
    `   ${'database'.padEnd(12)} ${'start'.padEnd(28)} ${'ready ms'.padStart(9)} ${'self-reported'.padStart(14)}`,
  );
  for (const s of out.startup) {
    p(
      `   ${s.database.padEnd(12)} ${s.kind.padEnd(28)} ${ms(s.readyMs).padStart(9)} ${(s.selfReportedMs === null ? '–' : String(s.selfReportedMs)).padStart(14)}`,
    );
  }
  p();
  const c = out.province.counts;
  p(
    `2. Province on PostgreSQL (database ${c.database_mb ?? '?'} MB, generated in ${(out.province.generationSeconds.total ?? 0).toFixed(1)} s)`,
  );
  p(
    `   ${c.org_unit} org units, ${c.app_user} users, ${c.plan} plans, ${c.plan_task} tasks, ${c.task_unit} task units, ${c.indicator} indicators, ${c.milestone} milestones,`,
  );
  p(
    `   ${c.reporting_period} periods, ${c.progress_report} progress reports, ${c.progress_report_value} report values, ${c.indicator_value} indicator values`,
  );
  const loadHeader = `   ${'scenario'.padEnd(44)} ${'req/s'.padStart(7)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'errors'.padStart(7)} ${'KB/resp'.padStart(8)} ${'CPU/req'.padStart(8)} ${'load'.padStart(5)}`;
  const loadRow = (r: LoadResult) =>
    `   ${r.name.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} ${ms(r.p50).padStart(7)} ${ms(r.p90).padStart(7)} ${ms(r.p99).padStart(7)} ${ms(r.max).padStart(7)} ${String(r.errors).padStart(7)} ${(r.bytesPerResponse / 1024).toFixed(1).padStart(8)} ${ms(r.serverCpuMsPerRequest).padStart(8)} ${r.loadAvg1m.toFixed(1).padStart(5)}`;
  const seqHeader = `   ${'one request at a time'.padEnd(44)} ${'n'.padStart(7)} ${'p50'.padStart(7)} ${'p90'.padStart(7)} ${'mean'.padStart(7)} ${'max'.padStart(7)} ${''.padStart(7)} ${'KB/resp'.padStart(8)}`;
  const seqRow = (r: SequentialRow) =>
    `   ${r.name.padEnd(44)} ${String(r.samples).padStart(7)} ${ms(r.p50).padStart(7)} ${ms(r.p90).padStart(7)} ${ms(r.mean).padStart(7)} ${ms(r.max).padStart(7)} ${''.padStart(7)} ${(r.bytes / 1024).toFixed(1).padStart(8)}`;
  p(`   ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, ${DURATION_S} s measured; latencies in ms`);
  p(loadHeader);
  for (const r of out.province.load) p(loadRow(r));
  p(seqHeader);
  for (const r of out.province.sequential) p(seqRow(r));
  p();
  p('3. One district on PGlite (embedded; the Shangdang demo)');
  p(loadHeader);
  for (const r of out.pglite.load) p(loadRow(r));
  p(seqHeader);
  for (const r of out.pglite.sequential) p(seqRow(r));
  p();
  if (out.processes.length > 0) {
    p('More than one app process (PostgreSQL, demo district; ratios to /api/health of the same server run)');
    for (const l of processesTable(out.processes)) p(l);
    p();
  }
  p('4. Goals');
  for (const g of out.goals) p(`   [${g.pass ? 'PASS' : 'MISS'}] ${g.goal}: ${g.measured}`);
  p(rule);
  p(`total ${out.totalSeconds.toFixed(0)} s`);
  console.log(`\n${lines.join('\n')}`);
}

function judgeGoals(): void {
  const dashboards = out.province.load.filter((r) => r.name.startsWith('dashboard'));
  for (const r of dashboards) {
    out.goals.push({
      goal: `dashboard p99 < ${GOAL_P99_MS} ms on PostgreSQL, province data, ${CONNECTIONS} concurrent (${r.name})`,
      measured: `p99 ${ms(r.p99)} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors`,
      pass: r.p99 < GOAL_P99_MS && r.errors === 0,
    });
  }
}

async function cleanup(): Promise<void> {
  await stopAll();
  for (const name of [...databases]) {
    try {
      await dropDatabase(name);
    } catch (error) {
      console.error(`could not drop database ${name}: ${String(error)}`);
    }
  }
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping servers, dropping databases, removing temp dirs…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  out.machine.postgresql = await postgresVersion();
  say(
    `Zhijiao benchmark on ${out.machine.cpus} × ${out.machine.cpuModel}, Node ${process.version}, PostgreSQL ${out.machine.postgresql}`,
  );
  await pgliteSection();
  await postgresStartSection();
  await provinceSection();
  databases.push(SUPERVISION_DB);
  out.supervision = await supervisionSection({ say, tempDir, load, sequential });
  for (const r of out.supervision.load) {
    out.goals.push({
      goal: `supervision dashboard p99 < ${GOAL_P99_MS} ms on PostgreSQL, ~50,000 findings and orders, ${CONNECTIONS} concurrent (${r.name})`,
      measured: `p99 ${ms(r.p99)} ms, ${r.rps.toFixed(0)} req/s, ${r.errors} errors`,
      pass: r.p99 < GOAL_P99_MS && r.errors === 0,
    });
  }
  judgeGoals();
  databases.push(PROCESSES_DB);
  out.processes = await processesSection({ say, tempDir });
  databases.push(TEACHERS_DB);
  out.teachers = await teachersSection({ say, tempDir });
  out.goals.push(...out.teachers.goals);
  databases.push(RESOURCES_DB);
  out.resources = await resourcesSection({ say, tempDir });
  out.goals.push(...out.resources.goals);
  databases.push(ENROLLMENT_SEASON_DB);
  out.enrollmentSeason = await enrollmentSeasonSection({ say, tempDir });
  out.goals.push(...out.enrollmentSeason.goals);
  databases.push(INTERNSHIPS_DB);
  out.internships = await internshipsSection({ say, tempDir });
  out.goals.push(...out.internships.goals);
  out.goals.push(...(await benchEnrollmentEngine(say)).goals);
  out.totalSeconds = (performance.now() - started) / 1000;
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  printTables();
  say(`results: ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  if (!interrupted) await cleanup();
}
process.exit(failed ? 1 : 0);

/**
 * More than one app process (issue 11): the demo district on PostgreSQL served by `zhijiao start`
 * with ZHIJIAO_WORKERS=1, then =2 on the same database, each under the same load — the
 * `/api/health` floor, the plan dashboard (coordinator) and, as on results day, the public result
 * look-up by many candidates from many addresses with the rate limits on (a new client address
 * every few look-ups, behind a trusted proxy, so none is refused). Each scenario is reported as a
 * ratio to the floor of the same server run, so the 1- and 2-process rows compare on a busy
 * machine. Called by run.ts, or alone: `node --import tsx bench/processes.ts`.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import pg from 'pg';
import {
  makeCandidates,
  PRESENT_SEASON,
} from '../apps/server/src/modules/enrollment/enrollment.demo-data.ts';
import {
  changePassword,
  login,
  runLoad,
  settle,
  timedGet,
  type LoadResult,
  type LoadTarget,
} from './http-load.ts';
import { dropDatabase, pgUrl, recreateDatabase } from './province-data.ts';
import { parseDemoPasswords, startServer, stopAll, type ServerProcess } from './server-process.ts';

export const PROCESSES_DB = 'zhijiao_bench_processes';
const PLAN = 'shangdang-vet-2020';
const NEW_PASSWORD = 'Bench#Zhijiao-2026';
const CONNECTIONS = 100;
const TIMING = { durationS: 5, warmupS: 1 };
/** Look-ups per client address: well under the limit (10 in 15 minutes), so none is refused. */
const LOOKUPS_PER_ADDRESS = 5;

export interface ProcessesRow {
  workers: number;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** req/s of the scenario ÷ req/s of `/api/health` in the same server run. */
  rpsRatio: number;
  /** p50 of the scenario ÷ p50 of `/api/health` in the same server run. */
  p50Ratio: number;
  serverCpuMsPerRequest: number;
}

interface Deps {
  say: (line: string) => void;
  tempDir: (prefix: string) => string;
}

/** The demo's latest season and its candidates' exam and ID numbers (regenerated from the demo's seed). */
async function lookupBodies(): Promise<string[]> {
  const client = new pg.Client({ connectionString: pgUrl(PROCESSES_DB) });
  await client.connect();
  try {
    const season = await client.query<{ id: string; admission_year: number }>(
      'SELECT id, admission_year FROM enrollment_season ORDER BY admission_year DESC LIMIT 1',
    );
    const { id: seasonId, admission_year: year } = season.rows[0]!;
    const exams = new Set(
      (
        await client.query<{ exam_number: string }>(
          'SELECT exam_number FROM enrollment_candidate WHERE season_id = $1',
          [seasonId],
        )
      ).rows.map((r) => r.exam_number),
    );
    return makeCandidates(year, PRESENT_SEASON.candidates)
      .filter((c) => exams.has(c.exam))
      .map((c) => JSON.stringify({ seasonId, examNumber: c.exam, idNumber: c.id }));
  } finally {
    await client.end();
  }
}

let addressCounter = 0;
/** A client address of its own every `LOOKUPS_PER_ADDRESS` look-ups, never reused across runs. */
const nextAddress = (n: number) => {
  const a = 1 + Math.floor(n / LOOKUPS_PER_ADDRESS) + addressCounter;
  return `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`;
};

/**
 * Waits until `probe` (a request's milliseconds) answers under `underMs` three times in a row, at
 * most `maxMs`: the server has worked off what the previous run left queued — for the look-ups,
 * behind the database's locks, where `/api/health` would not wait.
 */
async function quiet(probe: () => Promise<number>, underMs: number, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (let fast = 0; fast < 3 && Date.now() < deadline;) {
    fast = (await probe()) < underMs ? fast + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function run(
  server: ServerProcess,
  name: string,
  targets: LoadTarget[] | ((n: number) => LoadTarget),
  drain: () => Promise<void> = () => settle(server.url, 30_000),
) {
  await drain();
  const r = await runLoad({
    name,
    base: server.url,
    targets,
    connections: CONNECTIONS,
    ...TIMING,
    cpuSeconds: server.cpuSeconds,
    drain,
  });
  addressCounter += 1_000_000 / LOOKUPS_PER_ADDRESS;
  return r;
}

/** The three scenarios on one server; answers them with their ratios to the floor. */
async function measure(server: ServerProcess, workers: number, cookie: string, bodies: string[]) {
  const floor = await run(server, '/api/health (floor)', [{ path: '/api/health' }]);
  const dashboard = await run(server, 'plan dashboard (coordinator)', [
    { path: `/api/plans/${PLAN}/dashboard`, cookie },
  ]);
  const lookup = (n: number): LoadTarget => ({
    path: '/api/public/enrollment/result-lookups',
    method: 'POST',
    body: bodies[n % bodies.length]!,
    headers: { 'x-forwarded-for': nextAddress(n) },
  });
  let probes = 0;
  const probe = async () => {
    const t = lookup(probes++);
    const t0 = performance.now();
    const res = await fetch(`${server.url}${t.path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `192.168.${probes >> 8}.${probes & 255}`,
      },
      body: t.body!,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`result look-up → ${res.status}`);
    return performance.now() - t0;
  };
  const lookups = await run(
    server,
    `result look-up (${bodies.length} candidates, many addresses)`,
    lookup,
    () => quiet(probe, 250),
  );
  const row = (r: LoadResult): ProcessesRow => ({
    workers,
    scenario: r.name,
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    errors: r.errors,
    rpsRatio: r.rps / floor.rps,
    p50Ratio: r.p50 / floor.p50,
    serverCpuMsPerRequest: r.serverCpuMsPerRequest,
  });
  return [row(floor), row(dashboard), row(lookups)];
}

/** Formats the rows as the table run.ts prints. */
export function processesTable(rows: ProcessesRow[]): string[] {
  const f = (n: number) => (n < 10 ? n.toFixed(2) : Math.round(n).toString());
  return [
    `   ${'processes'.padEnd(10)} ${'scenario'.padEnd(52)} ${'req/s'.padStart(7)} ${'÷floor'.padStart(7)} ${'p50'.padStart(6)} ${'p50÷floor'.padStart(9)} ${'p99'.padStart(6)} ${'errors'.padStart(7)} ${'CPU/req'.padStart(8)}`,
    ...rows.map(
      (r) =>
        `   ${String(r.workers).padEnd(10)} ${r.scenario.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} ${r.rpsRatio.toFixed(2).padStart(7)} ${f(r.p50).padStart(6)} ${r.p50Ratio.toFixed(2).padStart(9)} ${f(r.p99).padStart(6)} ${String(r.errors).padStart(7)} ${f(r.serverCpuMsPerRequest).padStart(8)}`,
    ),
  ];
}

/**
 * Loads the demo into a fresh `zhijiao_bench_processes` (first start, one process), then measures
 * with 1 and with 2 processes. The database is dropped at the end.
 */
export async function processesSection({ say, tempDir }: Deps): Promise<ProcessesRow[]> {
  say(`\n▶ PostgreSQL: 1 and 2 app processes (ZHIJIAO_WORKERS), demo district, ${CONNECTIONS} connections`);
  await recreateDatabase(PROCESSES_DB);
  const env = {
    DATABASE_URL: pgUrl(PROCESSES_DB),
    ZHIJIAO_DATA_DIR: tempDir('zj-bench-processes-'),
    ZHIJIAO_TRUST_PROXY: '1',
  };
  const rows: ProcessesRow[] = [];
  try {
    // The demo loads through the services (about a minute on 2 cores, more when they are busy).
    let server = await startServer({ env: { ...env, ZHIJIAO_WORKERS: '1' }, timeoutMs: 600_000 });
    say(`  demo loaded, ready in ${Math.round(server.readyMs)} ms`);
    const oneTime = parseDemoPasswords(server.output()).coordinator;
    if (!oneTime) throw new Error(`no demo passwords in the first start's output:\n${server.output()}`);
    const first = await login(server.url, 'coordinator', oneTime);
    await changePassword(server.url, first, oneTime, NEW_PASSWORD);
    const { cookie } = await login(server.url, 'coordinator', NEW_PASSWORD);
    const bodies = await lookupBodies();
    for (const workers of [1, 2]) {
      if (workers > 1) {
        await server.stop();
        server = await startServer({ env: { ...env, ZHIJIAO_WORKERS: String(workers) } });
      }
      const check = await timedGet(server.url, `/api/plans/${PLAN}/dashboard`, cookie);
      if (check.status !== 200) throw new Error(`dashboard → ${check.status} ${check.body.slice(0, 300)}`);
      const measured = await measure(server, workers, cookie, bodies);
      for (const r of measured)
        say(
          `  ${workers} process${workers > 1 ? 'es' : ''}: ${r.scenario.padEnd(52)} ${r.rps.toFixed(0).padStart(6)} req/s (${r.rpsRatio.toFixed(2)} × floor)  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`,
        );
      rows.push(...measured);
    }
    await server.stop();
  } finally {
    await dropDatabase(PROCESSES_DB);
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  let code = 0;
  try {
    const rows = await processesSection({ say: console.log, tempDir });
    console.log(
      `\n${processesTable(rows).join('\n')}\n(load average ${os.loadavg()[0]!.toFixed(1)} at the end)`,
    );
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await stopAll();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

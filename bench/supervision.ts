/**
 * Supervision dashboard at scale (issue 3): ~50,000 findings and rectification orders in one
 * district on PostgreSQL, then `GET /api/supervision/dashboard` one request at a time (cache miss
 * and hit) and under load for the coordinator (district), an inspector (their inspections) and a
 * unit clerk (their unit). Called by run.ts; the goal is the same p99 < 50 ms as the plan dashboard.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { login, type LoadResult } from './http-load.ts';
import { pgUrl, PROVINCE_PASSWORD, recreateDatabase } from './province-data.ts';
import { startServer, type ServerProcess } from './server-process.ts';

export const SUPERVISION_DB = 'zhijiao_bench_supervision';
const FINDINGS = 50_000;
const INSPECTIONS = 200;

type Target = { path: string; cookie?: string };
export interface SupervisionBenchDeps {
  say: (line: string) => void;
  tempDir: (prefix: string) => string;
  load: (server: ServerProcess, name: string, targets: Target[]) => Promise<LoadResult>;
  sequential: (
    base: string,
    name: string,
    items: Target[],
    opts?: { prime?: boolean },
  ) => Promise<{ name: string; p50: number; p90: number; max: number; samples: number }>;
}

/**
 * Seeds the district: the real Shangdang org units and plan, 200 inspections (a bench inspector
 * named on 20), 50,000 findings spread over the district's units and one order each, in every
 * state, with deadlines from about a year ago to two months ahead (so every colour tier occurs).
 */
async function seed(dataDir: string, log: (line: string) => void): Promise<Record<string, number>> {
  await recreateDatabase(SUPERVISION_DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(SUPERVISION_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    await loadShangdangPlan(rt);
    const db = rt.database.db;
    const hash = await hashPassword(PROVINCE_PASSWORD);
    const t = performance.now();
    await sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
      SELECT v.username, v.display, ${hash}, v.role, o.id, false, now()
      FROM (VALUES ('sup-coord', '督导统筹', 'coordinator', 'SD-EDU'), ('sup-insp', '督学甲', 'inspector', 'SD-EDU'),
                   ('sup-clerk', '人社局填报员', 'unit_clerk', 'SD-HRSS')) v(username, display, role, code)
      JOIN org_unit o ON o.code = v.code`.execute(db);
    await sql`CREATE TEMP TABLE bench_unit AS
      SELECT row_number() OVER (ORDER BY code)::int - 1 AS k, id FROM org_unit WHERE code LIKE 'SD-%'`.execute(
      db,
    );
    await sql`INSERT INTO inspection (district_id, kind, state, title, starts_on, ends_on, created_at, updated_at)
      SELECT d.id, CASE WHEN n % 3 = 0 THEN 'regular' ELSE 'special' END,
        CASE WHEN n % 10 = 0 THEN 'completed' ELSE 'in_progress' END, '基准督导 ' || n,
        current_date - (n * 2), current_date - (n * 2) + 30, now(), now()
      FROM org_unit d, generate_series(1, ${INSPECTIONS}::int) n WHERE d.code = 'SD'`.execute(db);
    await sql`INSERT INTO inspection_inspector (inspection_id, user_id, is_lead)
      SELECT i.id, u.id, true FROM (SELECT id FROM inspection ORDER BY title LIMIT 20) i, app_user u
      WHERE u.username = 'sup-insp'`.execute(db);
    await sql`CREATE TEMP TABLE bench_insp AS
      SELECT row_number() OVER (ORDER BY id)::int - 1 AS k, id, district_id FROM inspection`.execute(db);
    const units = Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_unit`.execute(db)).rows[0]!.n,
    );
    await sql`INSERT INTO finding (inspection_id, district_id, org_unit_id, subject_type, subject_label, title, description,
        severity, state, created_at)
      SELECT i.id, i.district_id, u.id, 'other', '基准', '基准问题 ' || n, '', CASE WHEN n % 7 = 0 THEN 'serious' ELSE 'general' END,
        CASE WHEN n % 100 < 55 THEN 'resolved' ELSE 'rectifying' END, now() - (n % 400) * interval '1 day'
      FROM generate_series(1, ${FINDINGS}::int) n
      JOIN bench_insp i ON i.k = n % ${INSPECTIONS}::int
      JOIN bench_unit u ON u.k = (n * 7) % ${units}::int`.execute(db);
    await sql`INSERT INTO rectification_order (finding_id, inspection_id, district_id, org_unit_id, title, requirements, state,
        issued_on, original_due_date, due_date, closed_on, created_at, updated_at)
      SELECT f.id, f.inspection_id, f.district_id, f.org_unit_id, '关于' || f.title || '的整改通知', '限期整改', x.state,
        x.due - 30, x.due, x.due, CASE WHEN x.state = 'closed' THEN x.due + (h % 9) - 5 END, now(), now()
      FROM finding f
      CROSS JOIN LATERAL (SELECT abs(hashtext(f.id::text)) AS h) hh(h)
      CROSS JOIN LATERAL (SELECT
        CASE WHEN f.state = 'resolved' THEN 'closed'
             ELSE (ARRAY['issued','issued','answered','returned','verified'])[1 + hh.h % 5] END AS state,
        current_date - 400 + (hh.h % 460) AS due) x`.execute(db);
    await sql`ANALYZE`.execute(db);
    log(`  seeded supervision data in ${Math.round(performance.now() - t)} ms`);
    const counts: Record<string, number> = {};
    for (const table of ['inspection', 'finding', 'rectification_order']) {
      counts[table] = Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n,
      );
    }
    return counts;
  } finally {
    await rt.close();
  }
}

/** Seeds, starts a server, and measures the supervision dashboard; the caller drops the database. */
export async function supervisionSection(deps: SupervisionBenchDeps) {
  deps.say(
    `\n▶ PostgreSQL: supervision dashboard, ${FINDINGS.toLocaleString('en')} findings and orders (database ${SUPERVISION_DB})`,
  );
  const counts = await seed(deps.tempDir('zj-bench-sup-gen-'), deps.say);
  deps.say(
    `  rows: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  const server = await startServer({
    env: {
      DATABASE_URL: pgUrl(SUPERVISION_DB),
      ZHIJIAO_DEMO_DATA: 'false',
      ZHIJIAO_DATA_DIR: deps.tempDir('zj-bench-sup-'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const base = server.url;
    const [coord, insp, clerk] = await Promise.all(
      ['sup-coord', 'sup-insp', 'sup-clerk'].map((u) => login(base, u, PROVINCE_PASSWORD)),
    );
    // Each `limit` is a cache entry of its own: 20 misses without waiting for the TTL.
    const misses = Array.from({ length: 20 }, (_, i) => ({
      path: `/api/supervision/dashboard?limit=${i + 1}`,
      cookie: coord!.cookie,
    }));
    const sequential = [
      await deps.sequential(base, 'supervision dashboard, cache miss (coordinator)', misses),
      await deps.sequential(base, 'supervision dashboard, cache hit (coordinator)', misses, { prime: true }),
    ];
    for (const r of sequential)
      deps.say(
        `  ${r.name.padEnd(50)} p50 ${r.p50.toFixed(1)}  p90 ${r.p90.toFixed(1)}  max ${r.max.toFixed(1)} ms`,
      );
    const load = [
      await deps.load(server, 'supervision dashboard (coordinator, district)', [
        { path: '/api/supervision/dashboard', cookie: coord!.cookie },
      ]),
      await deps.load(server, 'supervision dashboard (inspector, 20 inspections)', [
        { path: '/api/supervision/dashboard', cookie: insp!.cookie },
      ]),
      await deps.load(server, 'supervision dashboard (clerk, own unit)', [
        { path: '/api/supervision/dashboard', cookie: clerk!.cookie },
      ]),
    ];
    return { counts, sequential, load };
  } finally {
    await server.stop();
  }
}

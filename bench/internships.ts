/**
 * Internships and the enterprise register at province scale (issue 13): 117 districts (the real
 * Shangdang org units and 116 copies under a province unit), 50,000 enterprises with staff counts
 * and 规上 flags by year, 60,000 published posts and 300,000 placements in one year, on PostgreSQL.
 * Then, over HTTP: the 2 % table (`GET /api/internships/duty`, the web's 2 % page) for one
 * district's 区工信局 (its enterprises) and for the province unit's coordinator (one row per
 * district, then one district opened), one request at a time, and the district's under load;
 * the T13 computed indicators (insurance coverage, above-scale post share) through
 * `GET /api/indicators/:id` for Shangdang's coordinator; and the import of a 50,000-row .xlsx of
 * the 规上 list and staff counts (`POST /api/enterprises/imports`), new enterprises then a year of
 * updates. Goals: district < 100 ms, province < 1 s, import < 10 s. Called by run.ts;
 * `node --import tsx bench/internships.ts` runs it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { demoUscc } from '../apps/server/src/modules/enterprises/enterprises.demo-data.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { login, percentile, runLoad, settle, timedGet, type LoadResult, type Session } from './http-load.ts';
import {
  copyShangdangDistricts,
  dropDatabase,
  loggedStep,
  pgUrl,
  PROVINCE_PASSWORD,
  recreateDatabase,
} from './province-data.ts';
import { startServer, stopAll, type ServerProcess } from './server-process.ts';

export const INTERNSHIPS_DB = 'zhijiao_bench_internships';
const DISTRICT_COPIES = 116;
const ENTERPRISES = 50_000;
const POSTS = 60_000;
const PLACEMENTS = 300_000;
/** The year of the posts and placements: the Shangdang plan's T13 indicators are judged yearly to 2022. */
const YEAR = 2022;
const IMPORT_ROWS = 50_000;
const GOAL_DISTRICT_MS = 100;
const GOAL_PROVINCE_MS = 1_000;
const GOAL_IMPORT_MS = 10_000;
/** An import still running after this long is given up (the goal is missed either way). */
const IMPORT_CAP_MS = 60_000;
const LOAD = { connections: 20, durationS: 10, warmupS: 2 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Stats = {
  name: string;
  samples: number;
  p50: number;
  p90: number;
  max: number;
  mean: number;
  kb: number;
};
export interface InternshipsBenchDeps {
  say: (line: string) => void;
  tempDir: (prefix: string) => string;
}

function stats(name: string, samples: Array<{ ms: number; bytes: number }>): Stats {
  const times = samples.map((s) => s.ms);
  return {
    name,
    samples: times.length,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    max: Math.max(...times),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    kb: samples.reduce((a, s) => a + s.bytes, 0) / samples.length / 1024,
  };
}

/** Seeds the province with set-based SQL (deterministic: every choice is a hash of the row number). */
async function seed(dataDir: string, secretKey: string, log: (line: string) => void) {
  await recreateDatabase(INTERNSHIPS_DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(INTERNSHIPS_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: secretKey,
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    const t0 = performance.now();
    await loadShangdangPlan(rt);
    log(`  imported the Shangdang org units and plan (${Math.round(performance.now() - t0)} ms)`);
    const hash = await hashPassword(PROVINCE_PASSWORD);
    // Ciphertexts made once by the real field crypto and reused on every placement.
    const idCipher = rt.crypto.encrypt('140404200501010011');
    const birthCipher = rt.crypto.encrypt('2005-01-01');
    const t = performance.now();
    await rt.database.db.connection().execute(async (db) => {
      await sql`SET session_replication_role = replica`.execute(db);
      const step = loggedStep(db, log);
      await copyShangdangDistricts(db, DISTRICT_COPIES, step);
      await step(
        'accounts (province, 区工信局 clerks, Shangdang)',
        sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
          SELECT v.username, v.display, ${hash}, v.role, o.id, false, now()
          FROM (VALUES ('pv-coord', '省统筹', 'coordinator', 'PROV'), ('sd-coord', '上党区统筹', 'coordinator', 'SD-EDU'))
            v(username, display, role, code)
          JOIN org_unit o ON o.code = v.code
          UNION ALL
          SELECT 'iit-' || lower(split_part(o.code, '-', 1)), o.full_name || ' 填报员', ${hash}, 'unit_clerk', o.id, false, now()
          FROM org_unit o WHERE o.code = 'SD-IIT' OR o.code LIKE 'D___-IIT'`,
      );
      await sql`CREATE TEMP TABLE bench_district AS
        SELECT row_number() OVER (ORDER BY code)::int - 1 AS k, id, code FROM org_unit WHERE type = 'district'
          AND (code = 'SD' OR code ~ '^D[0-9]{3}$')`.execute(db);
      await sql`CREATE TEMP TABLE bench_school AS
        SELECT d.id AS district_id, row_number() OVER (PARTITION BY d.id ORDER BY s.code)::int - 1 AS j, s.id
        FROM org_unit s JOIN bench_district d ON split_part(s.code, '-', 1) = d.code WHERE s.type = 'school'`.execute(
        db,
      );
      const n = async (q: string) =>
        Number(
          (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(q)}`.execute(db)).rows[0]!.n,
        );
      const districts = await n('bench_district');
      const perDistrict = Number(
        (
          await sql<{
            n: number;
          }>`SELECT min(c)::int AS n FROM (SELECT count(*) AS c FROM bench_school GROUP BY district_id) x`.execute(
            db,
          )
        ).rows[0]!.n,
      );
      await sql`CREATE TEMP TABLE bench_ent AS
        SELECT g.k, gen_random_uuid() AS id, d.id AS district_id, abs(hashtext('e' || g.k)) AS h
        FROM generate_series(0, ${ENTERPRISES - 1}::int) g(k) JOIN bench_district d ON d.k = g.k % ${districts}::int`.execute(
        db,
      );
      await step(
        'enterprise org units',
        sql`INSERT INTO org_unit (id, code, name, full_name, name_en, type, groups, parent_id)
          SELECT id, 'ENT' || lpad(k::text, 6, '0'), '基准企业' || k, '基准企业' || k || '有限公司', 'Enterprise ' || k,
            'enterprise', CASE WHEN h % 100 < 40 THEN '{above-scale}'::text[] ELSE '{}' END, district_id
          FROM bench_ent`,
      );
      await step(
        'enterprises (register)',
        sql`INSERT INTO enterprise (org_unit_id, district_id, uscc, legal_name, industry_section, industry_division, address,
            status, created_at, updated_at)
          SELECT id, district_id, '92140000' || lpad(k::text, 10, '0'), '基准企业' || k || '有限公司', 'C',
            (13 + h % 30)::text, '工业园区' || (h % 90) || '号', 'active', now(), now()
          FROM bench_ent`,
      );
      // Two years of staff counts; 40 % above scale by the statistics list, 5 % without a flag.
      await step(
        `enterprise years (${YEAR - 1}, ${YEAR})`,
        sql`INSERT INTO enterprise_year (enterprise_id, year, staff, revenue_wan, listed_above_scale, above_scale,
            above_scale_source, updated_at)
          SELECT e.id, y, 20 + (e.h + y) % 3000, 500 + (e.h % 50000),
            CASE WHEN e.h % 100 < 40 THEN true WHEN e.h % 100 < 95 THEN false END,
            CASE WHEN e.h % 100 < 40 THEN true WHEN e.h % 100 < 95 THEN false END,
            CASE WHEN e.h % 100 < 95 THEN 'statistics_list' END, now()
          FROM bench_ent e CROSS JOIN generate_series(${YEAR - 1}::int, ${YEAR}::int) y`,
      );
      await sql`CREATE TEMP TABLE bench_post AS
        SELECT m, gen_random_uuid() AS id, e.id AS enterprise_id, e.district_id
        FROM generate_series(0, ${POSTS - 1}::int) m JOIN bench_ent e ON e.k = m % ${ENTERPRISES}::int`.execute(
        db,
      );
      await step(
        `posts (${YEAR}, published)`,
        sql`INSERT INTO internship_post (id, enterprise_id, district_id, title, kind, majors, places, year, starts_on, ends_on,
            location, daily_hours, weekly_hours, night_work, overtime_work, holiday_work, labour_intensity_class,
            monthly_pay, state, published_on, created_at, updated_at)
          SELECT id, enterprise_id, district_id, '岗位实习' || m, 'post', '{数控技术应用}', 5 + m % 10, ${YEAR},
            DATE '${sql.raw(String(YEAR))}-03-01', DATE '${sql.raw(String(YEAR))}-12-31', '生产车间', 8, 40,
            false, false, false, 1, 2200, CASE WHEN m % 20 = 0 THEN 'closed' ELSE 'published' END,
            DATE '${sql.raw(String(YEAR))}-02-01', now(), now()
          FROM bench_post`,
      );
      await step(
        'one stored document (reused by every placement)',
        sql`INSERT INTO stored_file (id, org_unit_id, uploaded_by, original_name, kind, mime, size_bytes, sha256, storage_key, created_at)
          SELECT '00000000-0000-4000-8000-000000000001', o.id, u.id, '三方协议.pdf', 'document', 'application/pdf', 1024,
            repeat('0', 64), 'bench/internship-document', now()
          FROM org_unit o, app_user u WHERE o.code = 'SD' AND u.username = 'sd-coord'`,
      );
      // Placements: 5 a post; the school one of the post's district; 90 % insured for the whole
      // period, 3 % for part of it; every one with agreement and consents (the 启动实习 checklist).
      await step(
        `placements (${YEAR})`,
        sql`INSERT INTO internship_placement (post_id, enterprise_id, school_id, district_id, student_name, student_id_cipher,
            student_id_index, student_id_masked, birth_date_cipher, age_at_start, sex, major, study_year, starts_on, ends_on,
            monthly_pay, agreement_file_id, agreement_signed_on, consent_file_id, student_consent_on, guardian_consent_on,
            insurer, policy_number, insurance_starts_on, insurance_ends_on, premium_paid_by, insurance_file_id,
            state, activated_on, ended_on, created_at, updated_at)
          SELECT p.id, p.enterprise_id, s.id, p.district_id, '学生' || n, ${idCipher}, 'bench-' || n,
            '140404********' || lpad((n % 10000)::text, 4, '0'), ${birthCipher}, 17, CASE WHEN n % 2 = 0 THEN 'M' ELSE 'F' END,
            '数控技术应用', 3, x.starts, x.starts + 90, 2200,
            f.id, x.starts - 7, f.id, x.starts - 7, x.starts - 7,
            CASE WHEN x.roll < 93 THEN '中国人寿' END, CASE WHEN x.roll < 93 THEN 'P' || n END,
            CASE WHEN x.roll < 93 THEN x.starts END, CASE WHEN x.roll < 90 THEN x.starts + 90 WHEN x.roll < 93 THEN x.starts + 30 END,
            CASE WHEN x.roll < 93 THEN 'school' END, CASE WHEN x.roll < 93 THEN f.id END,
            x.state, CASE WHEN x.state <> 'draft' THEN x.starts END,
            CASE WHEN x.state IN ('completed', 'terminated') THEN x.starts + 90 END, now(), now()
          FROM generate_series(0, ${PLACEMENTS - 1}::int) n
          JOIN bench_post p ON p.m = n % ${POSTS}::int
          JOIN bench_school s ON s.district_id = p.district_id AND s.j = n % ${perDistrict}::int
          CROSS JOIN (SELECT id FROM stored_file WHERE storage_key = 'bench/internship-document') f
          CROSS JOIN LATERAL (SELECT DATE '${sql.raw(String(YEAR))}-03-01' + abs(hashtext('s' || n)) % 180 AS starts,
            abs(hashtext('r' || n)) % 100 AS roll) r0
          CROSS JOIN LATERAL (SELECT r0.starts, r0.roll,
            CASE WHEN r0.roll % 20 = 0 THEN 'terminated' WHEN r0.roll % 25 = 1 THEN 'draft'
                 WHEN r0.starts + 90 < DATE '${sql.raw(String(YEAR))}-10-01' THEN 'completed' ELSE 'active' END AS state) x`,
      );
      await sql`RESET session_replication_role`.execute(db);
    });
    // VACUUM as autovacuum would soon after a bulk load: the visibility map lets the 2 % table's
    // covering indexes answer without the table's pages.
    await sql`VACUUM (ANALYZE)`.execute(rt.database.db);
    log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s (with VACUUM ANALYZE)`);
    const db = rt.database.db;
    const counts: Record<string, number> = {};
    for (const table of [
      'org_unit',
      'enterprise',
      'enterprise_year',
      'internship_post',
      'internship_placement',
    ]) {
      counts[table] = Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n,
      );
    }
    const size = await sql<{ n: string }>`SELECT pg_database_size(current_database())::bigint AS n`.execute(
      db,
    );
    counts.database_mb = Math.round(Number(size.rows[0]!.n) / 1048576);
    const indicators = (
      await sql<{
        code: string;
        id: string;
      }>`SELECT i.code, i.id FROM indicator i JOIN plan p ON p.id = i.plan_id
        WHERE i.code IN ('T13-INTERN-POSTS', 'T13-INTERN-INSURANCE')`.execute(db)
    ).rows;
    return { counts, indicators, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await rt.close();
  }
}

/** The import file: the template's columns, `rows` enterprises of one year (new ones name themselves). */
export async function registerFile(rows: number, year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('规上企业名单');
  ws.addRow([
    '统一社会信用代码',
    '企业名称',
    '行业代码',
    '地址',
    '年度',
    '职工总数',
    '是否规上',
    '营业收入（万元）',
  ]);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      demoUscc(`B${String(i).padStart(7, '0')}`),
      `导入企业${i}有限公司`,
      String(13 + (i % 30)),
      `工业园区${i % 90}号`,
      year,
      20 + ((i * 37 + year) % 3000),
      i % 5 < 2 ? '是' : '否',
      500 + ((i * 101) % 50000),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * POSTs the file as `session` and waits for the answer, at most IMPORT_CAP_MS: then the request is
 * given up (the server may go on until it is stopped) and the import counts as not done (`null`).
 */
export async function importFile(base: string, session: Session, file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: XLSX }), name);
  const t0 = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${base}/api/enterprises/imports`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: form,
      signal: AbortSignal.timeout(IMPORT_CAP_MS),
    });
    text = await res.text();
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      return { ms: performance.now() - t0, result: null };
    throw error;
  }
  const ms = performance.now() - t0;
  if (res.status !== 200)
    throw new Error(`POST /api/enterprises/imports → ${res.status} ${text.slice(0, 500)}`);
  return { ms, result: JSON.parse(text) as Record<string, number> };
}

async function sequential(base: string, name: string, paths: string[], cookie: string) {
  const samples = [];
  for (const p of paths) {
    const r = await timedGet(base, p, cookie);
    if (r.status !== 200) throw new Error(`${name}: GET ${p} → ${r.status} ${r.body.slice(0, 300)}`);
    samples.push(r);
  }
  return stats(name, samples);
}

async function load(server: ServerProcess, name: string, path: string, cookie: string): Promise<LoadResult> {
  await settle(server.url);
  return runLoad({
    name,
    base: server.url,
    targets: [{ path, cookie }],
    ...LOAD,
    cpuSeconds: server.cpuSeconds,
    drain: () => settle(server.url),
  });
}

/** Seeds, starts a server, measures; the caller drops the database. */
export async function internshipsSection(deps: InternshipsBenchDeps) {
  const say = deps.say;
  say(
    `\n▶ PostgreSQL: internships at province scale, ${ENTERPRISES.toLocaleString('en')} enterprises, ${PLACEMENTS.toLocaleString('en')} placements (database ${INTERNSHIPS_DB})`,
  );
  // One field key for the seed and the server: the server refuses a database it could not decrypt.
  const secretKey = randomBytes(32).toString('hex');
  const { counts, indicators, seconds } = await seed(deps.tempDir('zj-bench-intern-gen-'), secretKey, say);
  say(
    `  rows: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}; seeded in ${seconds.toFixed(1)} s`,
  );
  const server = await startServer({
    env: {
      DATABASE_URL: pgUrl(INTERNSHIPS_DB),
      ZHIJIAO_DEMO_DATA: 'false',
      ZHIJIAO_DATA_DIR: deps.tempDir('zj-bench-intern-'),
      ZHIJIAO_SECRET_KEY: secretKey,
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const base = server.url;
    const [districtIit, province, sdCoord, sdIit] = await Promise.all(
      ['iit-d042', 'pv-coord', 'sd-coord', 'iit-sd'].map((u) => login(base, u, PROVINCE_PASSWORD)),
    );
    // The 2 % table (`GET /api/internships/duty`): a district's clerk gets its enterprises' first
    // page (short first) under the district's totals; the province's coordinator one row per
    // district, and opens one. Not cached: every request computes it; the first warms the pool.
    const table = `/api/internships/duty?year=${YEAR}`;
    const times = (path: string, n: number) => Array.from({ length: n }, () => path);
    const first = await timedGet(base, table, districtIit!.cookie);
    const body = JSON.parse(first.body) as {
      enterprises: { items: unknown[]; total: number };
      totals: { aboveScale: number; short: number; placements: number };
    };
    const prov = JSON.parse((await timedGet(base, table, province!.cookie)).body) as {
      districts: Array<{ district: { id: string; code: string } }>;
      totals: { enterprises: number; placements: number };
    };
    const d042 = prov.districts.find((d) => d.district.code === 'D042')!.district.id;
    say(
      `  district 2 % table: ${body.enterprises.total} enterprises (${body.enterprises.items.length} a page), ${body.totals.aboveScale} 规上, ${body.totals.short} short, ${body.totals.placements} placements in ${YEAR}; province: ${prov.districts.length} districts, ${prov.totals.enterprises} enterprises, ${prov.totals.placements} placements`,
    );
    const seq: Stats[] = [
      await sequential(base, '2 % table, one district (区工信局)', times(table, 20), districtIit!.cookie),
      await sequential(base, '2 % table, province by district', times(table, 10), province!.cookie),
      await sequential(
        base,
        '2 % table, province opens a district',
        times(`${table}&districtId=${d042}`, 10),
        province!.cookie,
      ),
      await sequential(
        base,
        '2 % table, one district, short only',
        times(`${table}&status=short`, 10),
        districtIit!.cookie,
      ),
    ];
    for (const ind of indicators)
      seq.push(
        await sequential(
          base,
          `${ind.code} (Shangdang coordinator)`,
          Array.from({ length: 10 }, () => `/api/indicators/${ind.id}`),
          sdCoord!.cookie,
        ),
      );
    for (const s of seq)
      say(
        `  ${s.name.padEnd(50)} p50 ${s.p50.toFixed(1)}  p90 ${s.p90.toFixed(1)}  max ${s.max.toFixed(1)} ms  (${s.samples}; ${s.kb.toFixed(0)} KB)`,
      );
    say(`  under load: ${LOAD.connections} connections, ${LOAD.warmupS} s warm-up + ${LOAD.durationS} s`);
    const loads: LoadResult[] = [];
    loads.push(await load(server, '2 % table, one district (区工信局)', table, districtIit!.cookie));
    for (const r of loads)
      say(
        `  ${r.name.padEnd(50)} ${r.rps.toFixed(0)} req/s  p50 ${r.p50.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)} ms  errors ${r.errors}  load ${r.loadAvg1m.toFixed(1)}`,
      );

    // The import: new enterprises (each an org unit and a register entry), then next year's figures.
    const imports: Array<{
      name: string;
      ms: number;
      buildMs: number;
      kb: number;
      result: Record<string, number> | null;
    }> = [];
    for (const [name, year] of [
      [`import ${IMPORT_ROWS.toLocaleString('en')} rows, new enterprises`, YEAR],
      [`import ${IMPORT_ROWS.toLocaleString('en')} rows, next year's figures`, YEAR + 1],
    ] as const) {
      // The second import updates what the first registered: without the first there is nothing to time.
      if (imports.some((i) => i.result === null)) break;
      const tb = performance.now();
      const file = await registerFile(IMPORT_ROWS, year);
      const buildMs = performance.now() - tb;
      await settle(base);
      const r = await importFile(base, sdIit!, file, `${year}年规上企业名单.xlsx`);
      imports.push({ name, ms: r.ms, buildMs, kb: file.length / 1024, result: r.result });
      say(
        `  ${name.padEnd(50)} ${r.result ? `${Math.round(r.ms)} ms` : `given up after ${IMPORT_CAP_MS / 1000} s`} (file ${(file.length / 1024).toFixed(0)} KB built in ${Math.round(buildMs)} ms)${r.result ? `: ${JSON.stringify(r.result)}` : ''}`,
      );
    }
    const loadAvg = os.loadavg()[0]!;
    const goals = [
      {
        goal: `2 % table for a district < ${GOAL_DISTRICT_MS} ms on PostgreSQL, ${ENTERPRISES.toLocaleString('en')} enterprises, ${PLACEMENTS.toLocaleString('en')} placements (one at a time)`,
        measured: `p50 ${seq[0]!.p50.toFixed(1)} ms, p90 ${seq[0]!.p90.toFixed(1)} ms, max ${seq[0]!.max.toFixed(1)} ms over ${seq[0]!.samples}`,
        pass: seq[0]!.p90 < GOAL_DISTRICT_MS,
      },
      {
        goal: `2 % table for the province (one row per district) < ${GOAL_PROVINCE_MS} ms (one at a time)`,
        measured: `p50 ${seq[1]!.p50.toFixed(0)} ms, p90 ${seq[1]!.p90.toFixed(0)} ms, max ${seq[1]!.max.toFixed(0)} ms over ${seq[1]!.samples}`,
        pass: seq[1]!.p90 < GOAL_PROVINCE_MS,
      },
      ...imports.map((i) => ({
        goal: `enterprise import < ${GOAL_IMPORT_MS / 1000} s through the API (${i.name})`,
        measured: `${i.result ? `${(i.ms / 1000).toFixed(1)} s` : `not done in ${IMPORT_CAP_MS / 1000} s (given up)`}, load ${loadAvg.toFixed(1)}`,
        pass: i.result !== null && i.ms < GOAL_IMPORT_MS,
      })),
    ];
    return { counts, sequential: seq, load: loads, imports, goals };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  let failed = false;
  try {
    const result = await internshipsSection({ say: console.log, tempDir });
    for (const g of result.goals) console.log(`[${g.pass ? 'PASS' : 'MISS'}] ${g.goal}: ${g.measured}`);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await stopAll();
    await dropDatabase(INTERNSHIPS_DB);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

/**
 * 双师型 ratio at province scale (issue 5): 60,000 teachers in 400 schools (40 districts under one
 * province unit) with 10 years of history — hires and departures since 2011, 专业课 periods that
 * stop and resume, renewed recognitions — on PostgreSQL; then the ratio of every school and the
 * province total at one date, in-process (the grouped SQL alone) and over HTTP
 * (`GET /api/dq-ratio`, the coordinator of the province unit), one request at a time on 30 dates.
 * Goal: under 200 ms. Called by run.ts; `node --import tsx bench/teachers.ts` runs it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { ratioBySchool } from '../apps/server/src/modules/teachers/ratio.queries.ts';
import { sortKey } from '../apps/server/src/platform/text/sort-key.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { login, percentile, timedGet } from './http-load.ts';
import { dropDatabase, pgUrl, PROVINCE_PASSWORD, recreateDatabase } from './province-data.ts';
import { startServer, stopAll } from './server-process.ts';

export const TEACHERS_DB = 'zhijiao_bench_teachers';
const TEACHERS = 60_000;
const DISTRICTS = 40;
const SCHOOLS_PER_DISTRICT = 10;
const GOAL_MS = 200;
/** 30 dates from 2012 to 2022; the headline date is the plan's deadline year. */
const DATES = [
  '2022-06-30',
  ...Array.from(
    { length: 29 },
    (_, i) => `${2012 + (i % 11)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-15`,
  ),
];

type Stats = { name: string; samples: number; p50: number; p90: number; max: number; mean: number };
export interface TeachersBenchDeps {
  say: (line: string) => void;
  tempDir: (prefix: string) => string;
}

function stats(name: string, times: number[]): Stats {
  return {
    name,
    samples: times.length,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    max: Math.max(...times),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}

/** Seeds the province with set-based SQL (deterministic: every choice is a hash of the row number). */
async function seed(dataDir: string, log: (line: string) => void) {
  await recreateDatabase(TEACHERS_DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(TEACHERS_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    const db = rt.database.db;
    const t = performance.now();
    await sql`INSERT INTO org_unit (code, name, full_name, type) VALUES ('PV', '基准省', '基准省教育厅', 'other')`.execute(
      db,
    );
    await sql`INSERT INTO org_unit (code, name, full_name, type, parent_id)
      SELECT 'PV-D' || lpad(d::text, 2, '0'), '基准区' || d, '基准区' || d, 'district', p.id
      FROM generate_series(1, ${DISTRICTS}::int) d, org_unit p WHERE p.code = 'PV'`.execute(db);
    await sql`INSERT INTO org_unit (code, name, full_name, type, parent_id, groups)
      SELECT d.code || '-S' || lpad(s::text, 2, '0'), d.name || '职校' || s, d.name || '职业学校' || s, 'school', d.id,
        ARRAY['public', 'secondary-vocational']
      FROM org_unit d, generate_series(1, ${SCHOOLS_PER_DISTRICT}::int) s WHERE d.code LIKE 'PV-D%'`.execute(
      db,
    );
    await sql`INSERT INTO teacher_setting (district_id, count_part_time, updated_at)
      SELECT id, (row_number() OVER (ORDER BY code)) % 4 = 0, now() FROM org_unit WHERE code LIKE 'PV-D%' AND type = 'district'`.execute(
      db,
    );
    const hash = await hashPassword(PROVINCE_PASSWORD);
    await sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
      SELECT 'pv-coord', '省统筹', ${hash}, 'coordinator', id, false, now() FROM org_unit WHERE code = 'PV'`.execute(
      db,
    );
    await sql`CREATE TEMP TABLE bench_school AS
      SELECT row_number() OVER (ORDER BY s.code)::int - 1 AS k, s.id, s.parent_id AS district_id
      FROM org_unit s WHERE s.code LIKE 'PV-D%-S%'`.execute(db);
    // The name's sort key as the app writes it: 教师's, then each digit's (names are 教师<n>).
    const digitKeys = [...'0123456789'].map((d) => sortKey(d));
    await sql`INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex, birth_date, education,
        professional_title, post, series, internship_instructor, hire_date, leave_date, created_at, updated_at)
      SELECT s.id, s.district_id, '教师' || n,
        ${sortKey('教师')} || (SELECT string_agg((${digitKeys}::text[])[x.d::int + 1], '' ORDER BY x.i)
          FROM regexp_split_to_table(n::text, '') WITH ORDINALITY AS x(d, i)),
        'bench', 'b' || n, '140404********' || lpad((n % 10000)::text, 4, '0'),
        CASE WHEN n % 2 = 0 THEN 'M' ELSE 'F' END, DATE '1965-01-01' + (h.a % 11000), 'bachelor', 'intermediate', '专业课教师',
        CASE WHEN h.b % 100 < 12 THEN 'enterprise_part_time' ELSE 'full_time' END, h.b % 100 >= 95,
        DATE '2011-01-01' + (h.a % 4000),
        CASE WHEN h.c % 100 < 18 THEN DATE '2011-01-01' + (h.a % 4000) + 200 + (h.d % 2500) END, now(), now()
      FROM generate_series(1, ${TEACHERS}::int) n
      CROSS JOIN LATERAL (SELECT abs(hashtext('a' || n)) AS a, abs(hashtext('b' || n)) AS b,
        abs(hashtext('c' || n)) AS c, abs(hashtext('d' || n)) AS d) h
      JOIN bench_school s ON s.k = n % ${DISTRICTS * SCHOOLS_PER_DISTRICT}::int`.execute(db);
    // 专业课 periods: 85 % from the hire date; of those a fifth stop after 1–5 years, half of them resume later.
    await sql`INSERT INTO teacher_specialised_period (teacher_id, starts_on, ends_on)
      SELECT t.id, t.hire_date, CASE WHEN h % 100 < 17 THEN t.hire_date + 300 + (h % 1500) END
      FROM teacher t CROSS JOIN LATERAL (SELECT abs(hashtext('p' || t.id::text)) AS h) x WHERE h % 100 < 85`.execute(
      db,
    );
    await sql`INSERT INTO teacher_specialised_period (teacher_id, starts_on, ends_on)
      SELECT p.teacher_id, p.ends_on + 200 + (abs(hashtext('r' || p.teacher_id::text)) % 900), NULL
      FROM teacher_specialised_period p WHERE p.ends_on IS NOT NULL AND abs(hashtext('q' || p.teacher_id::text)) % 2 = 0`.execute(
      db,
    );
    // Recognitions: 0–3 per teacher, five years each, renewed back to back or after a gap.
    await sql`INSERT INTO dq_recognition (teacher_id, level, certifying_body, recognised_on, valid_from, valid_until, recorded_at)
      SELECT t.id, (ARRAY['junior', 'intermediate', 'senior'])[1 + i], '基准区教育局',
        t.hire_date + 365 + (h % 1200) + i * (1826 + (h % 2) * 200),
        t.hire_date + 365 + (h % 1200) + i * (1826 + (h % 2) * 200),
        t.hire_date + 365 + (h % 1200) + i * (1826 + (h % 2) * 200) + 1825, now()
      FROM teacher t CROSS JOIN LATERAL (SELECT abs(hashtext('g' || t.id::text)) AS h) x
      CROSS JOIN LATERAL generate_series(0, (h % 4) - 1) i`.execute(db);
    await sql`INSERT INTO teacher_major (teacher_id, major_code, major_name)
      SELECT id, (660100 + abs(hashtext('m' || id::text)) % 30)::text, '' FROM teacher`.execute(db);
    await sql`ANALYZE`.execute(db);
    log(`  seeded teachers in ${Math.round(performance.now() - t)} ms`);
    const counts: Record<string, number> = {};
    for (const table of [
      'org_unit',
      'teacher',
      'teacher_specialised_period',
      'dq_recognition',
      'teacher_major',
    ]) {
      counts[table] = Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n,
      );
    }
    const schools = (
      await sql<{ id: string }>`SELECT id FROM org_unit WHERE code LIKE 'PV-D%-S%'`.execute(db)
    ).rows.map((r) => r.id);
    const times: number[] = [];
    let headline = { numerator: 0, denominator: 0, schools: 0 };
    for (const date of [...DATES, ...DATES]) {
      const start = performance.now();
      const rows = await ratioBySchool(db, schools, date);
      times.push(performance.now() - start);
      if (date === DATES[0])
        headline = {
          numerator: rows.reduce((n, r) => n + r.numerator, 0),
          denominator: rows.reduce((n, r) => n + r.denominator, 0),
          schools: rows.length,
        };
    }
    // The first pass over the dates warms the caches; the second is what is reported.
    return {
      counts,
      sqlStats: stats('grouped SQL, 400 schools, in-process', times.slice(DATES.length)),
      headline,
    };
  } finally {
    await rt.close();
  }
}

/** Seeds, measures in-process and over HTTP; the caller drops the database. */
export async function teachersSection(deps: TeachersBenchDeps) {
  deps.say(
    `\n▶ PostgreSQL: 双师型 ratio, ${TEACHERS.toLocaleString('en')} teachers in ${DISTRICTS * SCHOOLS_PER_DISTRICT} schools (database ${TEACHERS_DB})`,
  );
  const { counts, sqlStats, headline } = await seed(deps.tempDir('zj-bench-teach-gen-'), deps.say);
  deps.say(
    `  rows: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  deps.say(
    `  on ${DATES[0]}: ${headline.numerator} / ${headline.denominator} 双师型 over ${headline.schools} schools`,
  );
  const server = await startServer({
    env: {
      DATABASE_URL: pgUrl(TEACHERS_DB),
      ZHIJIAO_DEMO_DATA: 'false',
      ZHIJIAO_DATA_DIR: deps.tempDir('zj-bench-teach-'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const session = await login(server.url, 'pv-coord', PROVINCE_PASSWORD);
    const times: number[] = [];
    for (const date of [...DATES, ...DATES]) {
      const r = await timedGet(server.url, `/api/dq-ratio?date=${date}`, session.cookie);
      if (r.status !== 200) throw new Error(`GET /api/dq-ratio → ${r.status} ${r.body.slice(0, 200)}`);
      const body = JSON.parse(r.body) as { schools: unknown[] };
      if (body.schools.length !== DISTRICTS * SCHOOLS_PER_DISTRICT && date === DATES[0])
        throw new Error('not every school answered');
      times.push(r.ms);
    }
    const httpStats = stats('GET /api/dq-ratio (400 schools + total)', times.slice(DATES.length));
    for (const s of [sqlStats, httpStats])
      deps.say(
        `  ${s.name.padEnd(44)} p50 ${s.p50.toFixed(1)}  p90 ${s.p90.toFixed(1)}  max ${s.max.toFixed(1)} ms (${s.samples} dates)`,
      );
    const goals = [sqlStats, httpStats].map((s) => ({
      goal: `双师型 ratio for 400 schools + total at one date < ${GOAL_MS} ms on PostgreSQL, ${TEACHERS.toLocaleString('en')} teachers (${s.name})`,
      measured: `p50 ${s.p50.toFixed(1)} ms, max ${s.max.toFixed(1)} ms over ${s.samples} dates`,
      pass: s.max < GOAL_MS,
    }));
    return { counts, headline, sequential: [sqlStats, httpStats], goals };
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
  try {
    const result = await teachersSection({ say: console.log, tempDir });
    for (const g of result.goals) console.log(`[${g.pass ? 'PASS' : 'MISS'}] ${g.goal}: ${g.measured}`);
  } finally {
    await stopAll();
    await dropDatabase(TEACHERS_DB);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

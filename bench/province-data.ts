import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { chinaDate } from '../apps/server/src/platform/clock/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import type { Database } from '../apps/server/src/platform/db/database.types.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';

export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const pgUrl = (database: string) => `postgres://postgres@127.0.0.1:5432/${database}`;

/** The password of every generated account (hashed once, the hash reused). */
export const PROVINCE_PASSWORD = 'Bench#Zhijiao-2026';

/** Drops (if it exists) and creates an empty database on the local PostgreSQL. */
export async function recreateDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface ProvinceOptions {
  database: string;
  /** Districts including Shangdang (the real plan); the others are copies of it. */
  districts: number;
  /** Aimed-at number of progress reports (lead reports first, then co-operating ones fill up). */
  targetReports: number;
  /** Indicators a plan should have: the real ones plus synthetic ones spread over its tasks. */
  indicatorsPerPlan: number;
  /** Data directory for the loader's runtime (the caller removes it). */
  dataDir: string;
  log?: (line: string) => void;
}

export interface ProvinceData {
  counts: Record<string, number>;
  /** Plan codes and user names, district by district (index 0 = Shangdang). */
  districts: Array<{ code: string; planCode: string; coordinator: string; clerks: string[] }>;
  password: string;
  seconds: { import: number; generate: number; analyze: number; total: number };
}

/**
 * Builds a province on PostgreSQL: the real Shangdang org units and plan imported with the real
 * importer, then, with set-based SQL, `districts - 1` more districts that copy its org tree (plus
 * three bureaus each), its plan (sections, tasks, responsible units, indicators with synthetic
 * ones added to reach ~85 a plan, milestones, quarterly periods 2020–2026, running to the end of
 * 2026), seven years of progress reports by the lead and co-operating units with their values, and
 * one coordinator per district and one clerk per bureau.
 */
export async function buildProvince(opts: ProvinceOptions): Promise<ProvinceData> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  await recreateDatabase(opts.database);
  const dataDir = opts.dataDir;
  const config = loadConfig({
    DATABASE_URL: pgUrl(opts.database),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config); // opens the database and migrates to latest
  try {
    const imported = await loadShangdangPlan(rt);
    const tImport = performance.now();
    log(`  imported the Shangdang plan with the real importer (${Math.round(tImport - t0)} ms)`);
    const passwordHash = await hashPassword(PROVINCE_PASSWORD);
    const today = chinaDate(new Date());
    const db = rt.database.db;
    const districts = await db
      .connection()
      .execute((conn) => generate(conn, imported.planId, opts, passwordHash, today, log));
    const tGen = performance.now();
    await sql`ANALYZE`.execute(db);
    const tAnalyze = performance.now();
    const counts: Record<string, number> = {};
    for (const table of [
      'org_unit',
      'app_user',
      'plan',
      'plan_section',
      'plan_task',
      'task_unit',
      'indicator',
      'milestone',
      'reporting_period',
      'progress_report',
      'progress_report_value',
      'indicator_value',
    ]) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
      counts[table] = r.rows[0]!.n;
    }
    const size = await sql<{
      n: number;
    }>`SELECT pg_database_size(current_database())::bigint AS n`.execute(db);
    counts.database_mb = Math.round(Number(size.rows[0]!.n) / 1048576);
    return {
      counts,
      districts,
      password: PROVINCE_PASSWORD,
      seconds: {
        import: (tImport - t0) / 1000,
        generate: (tGen - tImport) / 1000,
        analyze: (tAnalyze - tGen) / 1000,
        total: (tAnalyze - t0) / 1000,
      },
    };
  } finally {
    await rt.close();
  }
}

/** Runs one generating statement and logs its label, rows and time. */
export type GenerateStep = (label: string, query: ReturnType<typeof sql>) => Promise<void>;

/** A `GenerateStep` on `db` that logs through `log`. */
export function loggedStep(db: Kysely<Database>, log: (line: string) => void): GenerateStep {
  return async (label, query) => {
    const t = performance.now();
    const r = await query.execute(db);
    log(
      `  ${label.padEnd(46)} ${String(r.numAffectedRows ?? '').padStart(7)} rows ${String(Math.round(performance.now() - t)).padStart(6)} ms`,
    );
  };
}

/**
 * The org tree of a province, from the real Shangdang org units already imported: a province root
 * `PROV` (示范省) above Shangdang, and `copies` more districts `D001`… copying Shangdang's whole
 * subtree (units `D001-EDU`, `D001-IIT`, …, names and full names rewritten). Leaves the temporary
 * table `unit_map (src_id, n, new_id)` — each Shangdang unit's copy in district n — on the
 * connection, for the caller to copy what refers to units. Use it on one connection
 * (`db.connection().execute`).
 */
export async function copyShangdangDistricts(db: Kysely<Database>, copies: number, step: GenerateStep) {
  await step(
    'province root',
    sql`INSERT INTO org_unit (code, name, full_name, name_en, type, groups)
        VALUES ('PROV', '示范省', '示范省', 'Demo Province', 'other', '{public}')`,
  );
  await step(
    'Shangdang under the province',
    sql`UPDATE org_unit SET parent_id = (SELECT id FROM org_unit WHERE code = 'PROV') WHERE code = 'SD'`,
  );
  await sql`CREATE TEMP TABLE src_unit AS
    WITH RECURSIVE sub AS (
      SELECT id FROM org_unit WHERE code = 'SD'
      UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id
    ) SELECT id FROM sub`.execute(db);
  await sql`CREATE TEMP TABLE unit_map AS
    SELECT s.id AS src_id, d.n, gen_random_uuid() AS new_id
    FROM src_unit s CROSS JOIN generate_series(1, ${copies}::int) d(n)`.execute(db);
  await sql`CREATE UNIQUE INDEX ON unit_map (src_id, n)`.execute(db);
  await step(
    'districts copied from Shangdang',
    sql`INSERT INTO org_unit (id, code, name, full_name, name_en, type, groups, aliases, parent_id, demo)
        SELECT m.new_id,
          CASE WHEN o.code = 'SD' THEN 'D' || lpad(m.n::text, 3, '0')
               ELSE 'D' || lpad(m.n::text, 3, '0') || '-' || regexp_replace(o.code, '^SD-', '') END,
          CASE WHEN o.code = 'SD' THEN '第' || lpad(m.n::text, 3, '0') || '区' ELSE o.name END,
          replace(o.full_name, '长治市上党区', '示范省第' || lpad(m.n::text, 3, '0') || '区'),
          replace(o.name_en, 'Shangdang District', 'District ' || lpad(m.n::text, 3, '0')),
          o.type, o.groups, '[]'::jsonb,
          CASE WHEN o.code = 'SD' THEN o.parent_id ELSE pm.new_id END,
          o.demo
        FROM unit_map m
        JOIN org_unit o ON o.id = m.src_id
        LEFT JOIN unit_map pm ON pm.src_id = o.parent_id AND pm.n = m.n`,
  );
}

async function generate(
  db: Kysely<Database>,
  sdPlanId: string,
  opts: ProvinceOptions,
  passwordHash: string,
  today: string,
  log: (line: string) => void,
) {
  const copies = opts.districts - 1;
  // Bulk load on this one connection: rows are consistent by construction, so skip the per-row
  // foreign-key triggers (superuser on the local bench server); the indexes are still maintained.
  await sql`SET session_replication_role = replica`.execute(db);
  const step = loggedStep(db, log);

  // ── Org units: three more bureaus in Shangdang, then a province root above it and the copies.
  await step(
    'three more bureaus in Shangdang',
    sql`INSERT INTO org_unit (code, name, full_name, name_en, type, groups, parent_id)
        SELECT 'SD-B' || k, '区第' || k || '局', '长治市上党区第' || k || '局', 'Bureau ' || k, 'bureau', '{public}', sd.id
        FROM org_unit sd, generate_series(10, 12) k WHERE sd.code = 'SD'`,
  );
  await copyShangdangDistricts(db, copies, step);

  // ── Synthetic indicators in the Shangdang plan (so every copy has them too): ~85 a plan,
  //    spread evenly over the tasks.
  const [have, tasks] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator WHERE plan_id = ${sdPlanId}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM plan_task WHERE plan_id = ${sdPlanId}`.execute(db),
  ]);
  const missing = Math.max(0, opts.indicatorsPerPlan - have.rows[0]!.n);
  const perTask = Math.floor(missing / tasks.rows[0]!.n);
  const extraTasks = missing % tasks.rows[0]!.n;
  await step(
    'synthetic indicators (Shangdang)',
    sql`INSERT INTO indicator (plan_id, task_id, code, name, name_en, unit, comparator, target, deadline,
          recurrence, baseline, kind, is_public, description, position)
        SELECT t.plan_id, t.id, t.code || '-SYN' || k, '综合评价指标' || k, 'Composite indicator ' || k, '%', 'gte',
          60 + (t.number * 7 + k * 13) % 35,
          CASE WHEN k % 2 = 1 THEN DATE '2024-12-31' ELSE DATE '2026-12-31' END,
          CASE WHEN t.number % 3 = 0 THEN 'yearly' ELSE 'once' END,
          NULL, 'reported', t.number % 4 <> 0, '基准测试生成的指标 / generated by the benchmark', 100 + k
        FROM plan_task t CROSS JOIN generate_series(1, ${perTask + 1}::int) k
        WHERE t.plan_id = ${sdPlanId} AND (k <= ${perTask}::int OR t.number <= ${extraTasks}::int)`,
  );

  // ── The province's plans run 2020–2026 (the synthetic deadlines reach 2026): a plan's reporting
  //    periods end with it, so a running plan is what the dashboards below are measured on.
  await step(
    'the Shangdang plan runs to 2026-12-31',
    sql`UPDATE plan SET end_date = DATE '2026-12-31' WHERE id = ${sdPlanId}`,
  );

  // ── Plans copied from Shangdang.
  await sql`CREATE TEMP TABLE plan_map AS
    SELECT d.n, gen_random_uuid() AS new_id, 'd' || lpad(d.n::text, 3, '0') || '-vet-2020' AS code
    FROM generate_series(1, ${copies}::int) d(n)`.execute(db);
  await step(
    'plans',
    sql`INSERT INTO plan (id, code, version, title, title_en, district_id, status, stage, start_date, end_date,
          reporting_period, preamble, definition, content_hash, warnings, is_current, imported_by, imported_at)
        SELECT pm.new_id, pm.code, p.version,
          replace(p.title, '长治市上党区', '示范省第' || lpad(pm.n::text, 3, '0') || '区'),
          p.title_en, um.new_id, p.status, p.stage, p.start_date, p.end_date, p.reporting_period, p.preamble,
          p.definition, p.content_hash, p.warnings, true, NULL, p.imported_at
        FROM plan p
        JOIN plan_map pm ON true
        JOIN unit_map um ON um.src_id = p.district_id AND um.n = pm.n
        WHERE p.id = ${sdPlanId}`,
  );
  await sql`CREATE TEMP TABLE section_map AS
    SELECT s.id AS src_id, pm.n, pm.new_id AS plan_id, gen_random_uuid() AS new_id
    FROM plan_section s CROSS JOIN plan_map pm WHERE s.plan_id = ${sdPlanId}`.execute(db);
  await sql`CREATE UNIQUE INDEX ON section_map (src_id, n)`.execute(db);
  await step(
    'sections',
    sql`INSERT INTO plan_section (id, plan_id, number, label, title, title_en)
        SELECT m.new_id, m.plan_id, s.number, s.label, s.title, s.title_en
        FROM section_map m JOIN plan_section s ON s.id = m.src_id`,
  );
  await sql`CREATE TEMP TABLE task_map AS
    SELECT t.id AS src_id, pm.n, pm.new_id AS plan_id, gen_random_uuid() AS new_id
    FROM plan_task t CROSS JOIN plan_map pm WHERE t.plan_id = ${sdPlanId}`.execute(db);
  await sql`CREATE UNIQUE INDEX ON task_map (src_id, n)`.execute(db);
  await step(
    'tasks',
    sql`INSERT INTO plan_task (id, plan_id, section_id, code, number, label, title, title_en, text)
        SELECT m.new_id, m.plan_id, sm.new_id, t.code, t.number, t.label, t.title, t.title_en, t.text
        FROM task_map m
        JOIN plan_task t ON t.id = m.src_id
        JOIN section_map sm ON sm.src_id = t.section_id AND sm.n = m.n`,
  );
  await step(
    'task units (lead and co-operating)',
    sql`INSERT INTO task_unit (task_id, org_unit_id, role, position, written_as)
        SELECT m.new_id, coalesce(um.new_id, tu.org_unit_id), tu.role, tu.position, tu.written_as
        FROM task_map m
        JOIN task_unit tu ON tu.task_id = m.src_id
        LEFT JOIN unit_map um ON um.src_id = tu.org_unit_id AND um.n = m.n`,
  );
  await step(
    'indicators',
    sql`INSERT INTO indicator (plan_id, task_id, code, name, name_en, unit, comparator, target, target_low,
          target_high, deadline, recurrence, baseline, kind, metric, is_public, description, position)
        SELECT m.plan_id, m.new_id, i.code, i.name, i.name_en, i.unit, i.comparator, i.target, i.target_low,
          i.target_high, i.deadline, i.recurrence, i.baseline, i.kind, i.metric, i.is_public, i.description,
          i.position
        FROM task_map m JOIN indicator i ON i.task_id = m.src_id`,
  );
  await step(
    'milestones',
    sql`INSERT INTO milestone (plan_id, task_id, code, title, title_en, due, org_unit_id, description, position)
        SELECT m.plan_id, m.new_id, ms.code, ms.title, ms.title_en, ms.due,
          CASE WHEN ms.org_unit_id IS NULL THEN NULL ELSE coalesce(um.new_id, ms.org_unit_id) END,
          ms.description, ms.position
        FROM task_map m
        JOIN milestone ms ON ms.task_id = m.src_id
        LEFT JOIN unit_map um ON um.src_id = ms.org_unit_id AND um.n = m.n`,
  );
  await step(
    'quarterly periods 2020–2026, every plan',
    sql`INSERT INTO reporting_period (plan_id, label, starts_on, ends_on, due_on)
        SELECT p.id, extract(year FROM q)::int || '年第' || extract(quarter FROM q)::int || '季度',
          q::date, (q + interval '3 months - 1 day')::date, (q + interval '3 months - 1 day')::date + 10
        FROM plan p CROSS JOIN generate_series(timestamp '2020-01-01', timestamp '2026-10-01', interval '3 months') q
        ON CONFLICT (plan_id, starts_on) DO NOTHING`,
  );

  // ── Accounts: a coordinator per district (at its education bureau), a clerk per bureau.
  await step(
    'coordinators (one per district)',
    sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password,
          password_changed_at)
        SELECT 'coord-' || lower(d.code), d.name || ' 计划统筹', ${passwordHash}, 'coordinator', edu.id, false, now()
        FROM org_unit d JOIN org_unit edu ON edu.parent_id = d.id AND edu.code = d.code || '-EDU'
        WHERE d.type = 'district'`,
  );
  await step(
    'clerks (one per bureau)',
    sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password,
          password_changed_at)
        SELECT 'clerk-' || lower(b.code), b.name || ' 填报员', ${passwordHash}, 'unit_clerk', b.id, false, now()
        FROM org_unit b WHERE b.type = 'bureau'`,
  );

  // ── Progress reports: the lead unit every ended quarter (a few tasks miss their last ones), the
  //    co-operating units on a share of the quarters sized to reach the target count.
  await sql`ANALYZE`.execute(db);
  await sql`CREATE TEMP TABLE per AS
    SELECT id, plan_id, label, starts_on, ends_on, due_on,
      row_number() OVER (PARTITION BY plan_id ORDER BY starts_on)::int AS idx,
      count(*) OVER (PARTITION BY plan_id)::int AS last_idx
    FROM reporting_period WHERE ends_on < ${today}::date`.execute(db);
  await sql`CREATE TEMP TABLE district_of AS
    SELECT p.id AS plan_id, p.code AS plan_code, p.start_date, d.code AS district_code, c.id AS coordinator_id
    FROM plan p JOIN org_unit d ON d.id = p.district_id
    JOIN app_user c ON c.username = 'coord-' || lower(d.code)`.execute(db);
  await sql`ANALYZE per, district_of`.execute(db);
  const reportColumns = sql`plan_id, task_id, period_id, org_unit_id, state, progress, narrative, created_by,
    created_at, updated_at, submitted_at, reviewed_by, reviewed_at`;
  await step(
    'progress reports, lead units',
    sql`INSERT INTO progress_report (${reportColumns})
        SELECT t.plan_id, t.id, p.id, tu.org_unit_id, x.state, x.progress,
          p.label || '：' || CASE x.progress WHEN 'on_track' THEN '按计划推进，本期完成既定工作任务，相关制度文件已印发。'
            WHEN 'at_risk' THEN '部分工作受资金拨付进度影响，存在延期风险，已协调财政部门加快拨付。'
            ELSE '受场地和审批手续影响，本期工作滞后于计划，已制定整改措施。' END,
          clerk.id, x.at, x.at, x.at,
          CASE WHEN x.state = 'approved' THEN d.coordinator_id END,
          CASE WHEN x.state = 'approved' THEN x.at END
        FROM plan_task t
        JOIN task_unit tu ON tu.task_id = t.id AND tu.role = 'lead'
        JOIN district_of d ON d.plan_id = t.plan_id
        JOIN per p ON p.plan_id = t.plan_id
        LEFT JOIN app_user clerk ON clerk.org_unit_id = tu.org_unit_id AND clerk.role = 'unit_clerk'
        CROSS JOIN LATERAL (SELECT
          CASE t.number WHEN 9 THEN 2 WHEN 15 THEN 1 WHEN 21 THEN 3 ELSE 0 END AS missing,
          abs(hashtext(d.plan_code || t.code || p.idx)) % 100 AS roll) h
        CROSS JOIN LATERAL (SELECT
          CASE WHEN p.idx = p.last_idx - h.missing AND t.number % 5 = 2 THEN 'submitted' ELSE 'approved' END AS state,
          CASE WHEN h.roll < 72 THEN 'on_track' WHEN h.roll < 90 THEN 'at_risk' ELSE 'behind' END AS progress,
          (p.due_on + time '09:00') AT TIME ZONE 'Asia/Shanghai' AS at) x
        WHERE p.idx <= p.last_idx - h.missing`,
  );
  const lead = await sql<{ n: number }>`SELECT count(*)::int AS n FROM progress_report`.execute(db);
  const coopPairs = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM task_unit tu JOIN plan_task t ON t.id = tu.task_id
    JOIN per p ON p.plan_id = t.plan_id WHERE tu.role = 'cooperating'`.execute(db);
  const permille = Math.max(
    0,
    Math.min(
      1000,
      Math.round(((opts.targetReports - lead.rows[0]!.n) / Math.max(1, coopPairs.rows[0]!.n)) * 1000),
    ),
  );
  await step(
    `progress reports, co-operating units (${(permille / 10).toFixed(1)} %)`,
    sql`INSERT INTO progress_report (${reportColumns})
        SELECT t.plan_id, t.id, p.id, tu.org_unit_id, x.state, x.progress,
          p.label || '：配合单位按分工落实，进度符合预期。', clerk.id, x.at, x.at, x.at,
          CASE WHEN x.state = 'approved' THEN d.coordinator_id END,
          CASE WHEN x.state = 'approved' THEN x.at END
        FROM plan_task t
        JOIN task_unit tu ON tu.task_id = t.id AND tu.role = 'cooperating'
        JOIN district_of d ON d.plan_id = t.plan_id
        JOIN per p ON p.plan_id = t.plan_id
        LEFT JOIN app_user clerk ON clerk.org_unit_id = tu.org_unit_id AND clerk.role = 'unit_clerk'
        CROSS JOIN LATERAL (SELECT abs(hashtext(d.plan_code || t.code || tu.position || '/' || p.idx)) % 1000 AS roll) h
        CROSS JOIN LATERAL (SELECT
          CASE WHEN p.idx = p.last_idx AND h.roll % 4 = 0 THEN 'submitted' ELSE 'approved' END AS state,
          CASE WHEN h.roll % 100 < 75 THEN 'on_track' WHEN h.roll % 100 < 92 THEN 'at_risk' ELSE 'behind' END AS progress,
          (p.due_on + time '11:00') AT TIME ZONE 'Asia/Shanghai' AS at) x
        WHERE h.roll < ${permille}`,
  );

  await sql`ANALYZE progress_report`.execute(db);
  // ── Values: each lead report carries every reported indicator of its task, moving toward the
  //    target (most reach it); approved ones become the indicator's history.
  await step(
    'progress report values (lead reports)',
    sql`INSERT INTO progress_report_value (report_id, indicator_id, value, note)
        SELECT r.id, i.id, round(v.start + v.f * (v.target * v.reach - v.start), 1), ''
        FROM progress_report r
        JOIN task_unit tu ON tu.task_id = r.task_id AND tu.org_unit_id = r.org_unit_id AND tu.role = 'lead'
        JOIN per p ON p.id = r.period_id
        JOIN district_of d ON d.plan_id = r.plan_id
        JOIN indicator i ON i.task_id = r.task_id AND i.kind = 'reported'
        CROSS JOIN LATERAL (SELECT coalesce(i.target, (i.target_low + i.target_high) / 2, 1) AS target) tg
        CROSS JOIN LATERAL (SELECT tg.target,
          coalesce(i.baseline, CASE WHEN i.comparator = 'lte' THEN tg.target * 2 ELSE tg.target * 0.3 END) AS start,
          0.82 + (abs(hashtext(i.code)) % 30) / 100.0 AS reach,
          least(1.0, greatest(0.0, (p.ends_on - d.start_date)::numeric / greatest(1, i.deadline - d.start_date))) AS f) v`,
  );
  await step(
    'indicator values (approved)',
    sql`INSERT INTO indicator_value (indicator_id, period_id, value, report_id, recorded_at)
        SELECT v.indicator_id, r.period_id, v.value, r.id, r.reviewed_at
        FROM progress_report_value v JOIN progress_report r ON r.id = v.report_id
        WHERE r.state = 'approved'`,
  );
  await step(
    'milestones completed (six in seven past due)',
    sql`UPDATE milestone SET completed_on = due
        WHERE due < ${today}::date AND abs(hashtext(code || plan_id::text)) % 7 <> 0`,
  );

  await sql`RESET session_replication_role`.execute(db);
  const rows = await sql<{ code: string; planCode: string; coordinator: string; clerks: string[] }>`
    SELECT d.district_code AS code, d.plan_code AS "planCode", 'coord-' || lower(d.district_code) AS coordinator,
      array_agg(u.username ORDER BY u.username) AS clerks
    FROM district_of d JOIN org_unit o ON o.code LIKE d.district_code || '-%' AND o.type = 'bureau'
    JOIN app_user u ON u.org_unit_id = o.id AND u.role = 'unit_clerk'
    GROUP BY d.district_code, d.plan_code
    ORDER BY d.district_code = 'SD' DESC, d.district_code`.execute(db);
  return rows.rows;
}

/**
 * The enterprise register's Excel import alone (issue 13), without the rest of the internships
 * bench: the same province register (117 districts, 50,000 enterprises with two years each) and the
 * same 50,000-row files as `internships.ts`, imported through `POST /api/enterprises/imports` by
 * Shangdang's 区工信局 (new enterprises, then next year's figures). Before that, the file's parse is
 * timed in this process (`readRegisterFile`, and the upload guard's `checkUpload`), so the
 * seconds can be told apart from the database's. Goal: < 10 s per import.
 *
 * `node --import tsx bench/enterprise-import.ts` seeds, measures and drops everything. For
 * profiling and comparisons:
 * - `BENCH_IMPORT_SEED=keep` keeps the seeded database (`zhijiao_bench_import_seed`) afterwards,
 *   `BENCH_IMPORT_SEED=reuse` measures against a kept one without seeding again (each run imports
 *   into a fresh copy of it, `CREATE DATABASE … TEMPLATE`);
 * - `BENCH_IMPORT_RUNS=n` repeats the measurement n times (a fresh copy each);
 * - `BENCH_IMPORT_IN_PROCESS=1` calls the import use case in this process instead of over HTTP, so
 *   `node --cpu-prof --import tsx bench/enterprise-import.ts` profiles it (the server refuses
 *   `--cpu-prof` in NODE_OPTIONS).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { readRegisterFile } from '../apps/server/src/modules/enterprises/enterprises-file.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { checkUpload, IMPORT_KINDS } from '../apps/server/src/platform/files/file-guard.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { login, settle } from './http-load.ts';
import {
  copyShangdangDistricts,
  dropDatabase,
  loggedStep,
  PG_ADMIN_URL,
  pgUrl,
  PROVINCE_PASSWORD,
  recreateDatabase,
} from './province-data.ts';
import { importFile, registerFile } from './internships.ts';
import { startServer, stopAll } from './server-process.ts';

const SEED_DB = 'zhijiao_bench_import_seed';
const RUN_DB = 'zhijiao_bench_import';
/** One field key for the seed and every server on its copies (the server refuses a key it cannot use). */
const SECRET_KEY = createHash('sha256').update('zhijiao bench enterprise import').digest('hex');
const DISTRICT_COPIES = 116;
const ENTERPRISES = 50_000;
const YEAR = 2022;
const IMPORT_ROWS = 50_000;
const GOAL_IMPORT_MS = 10_000;

/** The register the internships bench seeds, without its posts and placements (set-based SQL). */
async function seed(dataDir: string, log: (line: string) => void) {
  await recreateDatabase(SEED_DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(SEED_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: SECRET_KEY,
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    const t0 = performance.now();
    await loadShangdangPlan(rt);
    const hash = await hashPassword(PROVINCE_PASSWORD);
    await rt.database.db.connection().execute(async (db) => {
      await sql`SET session_replication_role = replica`.execute(db);
      const step = loggedStep(db, log);
      await copyShangdangDistricts(db, DISTRICT_COPIES, step);
      await step(
        'account (Shangdang 区工信局)',
        sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
          SELECT 'iit-sd', o.full_name || ' 填报员', ${hash}, 'unit_clerk', o.id, false, now()
          FROM org_unit o WHERE o.code = 'SD-IIT'`,
      );
      await sql`CREATE TEMP TABLE bench_district AS
        SELECT row_number() OVER (ORDER BY code)::int - 1 AS k, id, code FROM org_unit WHERE type = 'district'
          AND (code = 'SD' OR code ~ '^D[0-9]{3}$')`.execute(db);
      const districts = Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_district`.execute(db)).rows[0]!.n,
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
      await sql`RESET session_replication_role`.execute(db);
    });
    await sql`ANALYZE`.execute(rt.database.db);
    log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (with ANALYZE)`);
  } finally {
    await rt.close();
  }
}

/** A fresh copy of the seeded database for one run. */
async function copySeed() {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${RUN_DB}" TEMPLATE "${SEED_DB}"`);
  } finally {
    await client.end();
  }
}

/** The parse alone, in this process: the upload guard, then the reader (best of three). */
async function timeParse(file: Buffer, say: (line: string) => void) {
  const best = async (fn: () => unknown) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await fn();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const guard = await best(() =>
    checkUpload({ buffer: file, declaredName: 'x.xlsx', allowed: IMPORT_KINDS, maxBytes: 50 << 20 }),
  );
  const read = await best(() => readRegisterFile(file, YEAR + 1));
  say(
    `  in process: upload guard ${Math.round(guard)} ms, readRegisterFile ${Math.round(read)} ms (best of 3)`,
  );
}

/** The imports through the use case in this process (for a CPU profile of the import alone). */
async function importInProcess(
  files: Array<{ name: string; year: number; file: Buffer }>,
  dataDir: string,
  say: (line: string) => void,
) {
  const config = loadConfig({
    DATABASE_URL: pgUrl(RUN_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: SECRET_KEY,
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  const results = [];
  try {
    const { actor } = await rt.services.auth.login({
      username: 'iit-sd',
      password: PROVINCE_PASSWORD,
      ip: null,
    });
    for (const { name, year, file } of files) {
      const t = performance.now();
      const r = await rt.services.enterprises.imports.importRegister(actor, {
        buffer: file,
        filename: `${year}年规上企业名单.xlsx`,
      });
      const ms = performance.now() - t;
      results.push({ name, ms, done: true });
      say(
        `  ${name.padEnd(50)} ${Math.round(ms)} ms in process, load ${os.loadavg()[0]!.toFixed(1)}: ${JSON.stringify(r)}`,
      );
    }
  } finally {
    await rt.close();
  }
  return results;
}

async function main() {
  const say = console.log;
  const mode = process.env.BENCH_IMPORT_SEED ?? 'drop';
  const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 1);
  const inProcess = process.env.BENCH_IMPORT_IN_PROCESS === '1';
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  try {
    if (mode !== 'reuse') await seed(tempDir('zj-bench-import-gen-'), say);
    const files = [];
    for (const [name, year] of [
      [`import ${IMPORT_ROWS.toLocaleString('en')} rows, new enterprises`, YEAR],
      [`import ${IMPORT_ROWS.toLocaleString('en')} rows, next year's figures`, YEAR + 1],
    ] as const)
      files.push({ name, year, file: await registerFile(IMPORT_ROWS, year) });
    await timeParse(files[0]!.file, say);
    const results: Array<{ name: string; ms: number; done: boolean }> = [];
    for (let run = 0; run < runs; run++) {
      await copySeed();
      if (inProcess) {
        results.push(...(await importInProcess(files, tempDir('zj-bench-import-'), say)));
        continue;
      }
      const server = await startServer({
        env: {
          DATABASE_URL: pgUrl(RUN_DB),
          ZHIJIAO_DEMO_DATA: 'false',
          ZHIJIAO_DATA_DIR: tempDir('zj-bench-import-'),
          ZHIJIAO_SECRET_KEY: SECRET_KEY,
          LOG_LEVEL: 'warn',
        },
      });
      try {
        const session = await login(server.url, 'iit-sd', PROVINCE_PASSWORD);
        for (const { name, year, file } of files) {
          await settle(server.url);
          const cpu0 = server.cpuSeconds();
          const r = await importFile(server.url, session, file, `${year}年规上企业名单.xlsx`);
          const cpu = server.cpuSeconds() - cpu0;
          results.push({ name, ms: r.ms, done: r.result !== null });
          // CPU seconds of the server process: less at the mercy of the neighbours than the wall time.
          say(
            `  ${name.padEnd(50)} ${r.result ? `${Math.round(r.ms)} ms` : 'given up'}, server CPU ${cpu.toFixed(1)} s (file ${(file.length / 1024).toFixed(0)} KB), load ${os.loadavg()[0]!.toFixed(1)}${r.result ? `: ${JSON.stringify(r.result)}` : ''}`,
          );
          if (!r.result) break;
        }
      } finally {
        await server.stop();
      }
    }
    for (const { name } of files) {
      const mine = results.filter((r) => r.name === name);
      const pass = mine.length > 0 && mine.every((r) => r.done && r.ms < GOAL_IMPORT_MS);
      say(
        `[${pass ? 'PASS' : 'MISS'}] enterprise import < ${GOAL_IMPORT_MS / 1000} s (${name}): ${mine.map((r) => `${(r.ms / 1000).toFixed(1)} s`).join(', ')}`,
      );
    }
  } finally {
    await stopAll();
    await dropDatabase(RUN_DB);
    if (mode === 'drop') await dropDatabase(SEED_DB);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

/**
 * `zhijiao backup` and `zhijiao restore` of a district (issue 11): the demo district, then the
 * demo plus a 100,000-candidate enrolment season, on PGlite and on PostgreSQL. Each command runs
 * as its own process under `/usr/bin/time -v`, so wall time and peak RSS are the operator's.
 * `node --import tsx bench/backup.ts [pglite|postgresql] [--candidates N]` runs it alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadDemo } from '../apps/server/src/demo/load-demo.ts';
import { createFixedClock } from '../apps/server/src/platform/clock/clock.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import type { Database } from '../apps/server/src/platform/db/database.types.ts';
import { openRuntime, type Runtime } from '../apps/server/src/runtime.ts';
import { dropDatabase, pgUrl, recreateDatabase } from './province-data.ts';
import { ROOT } from './server-process.ts';

const BIN = path.join(ROOT, 'apps/server/bin/zhijiao.mjs');
const DEMO_NOW = '2026-11-29T02:00:00Z';
/** The bulk season's admission year: after the demo's seasons, inside the CHECK's range. */
const BULK_YEAR = 2030;

type Kind = 'pglite' | 'postgresql';

export interface BackupBenchRow {
  database: Kind;
  data: string;
  rows: number;
  command: 'backup' | 'restore';
  ok: boolean;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  fileMb: number;
  output: string;
}

/** Where a district lives: a data directory (PGlite) or a database (PostgreSQL). */
interface Place {
  env: Record<string, string>;
  drop(): Promise<void>;
}

let placeCounter = 0;
async function newPlace(kind: Kind, tmp: string): Promise<Place> {
  const n = ++placeCounter;
  if (kind === 'pglite') {
    const dir = path.join(tmp, `data-${n}`);
    fs.mkdirSync(dir);
    return {
      env: { ZHIJIAO_DATA_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `zhijiao_bench_backup_${n}`;
  await recreateDatabase(name);
  return {
    env: { ZHIJIAO_DATA_DIR: path.join(tmp, `pg-${n}`), DATABASE_URL: pgUrl(name) },
    drop: () => dropDatabase(name),
  };
}

/** Opens the place's database (migrated) on the demo's day and runs `fn` on it. */
async function withRuntime<T>(place: Place, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...place.env, LOG_LEVEL: 'silent', ZHIJIAO_DEMO_DATA: 'false' });
  const rt = await openRuntime(config, createFixedClock(DEMO_NOW));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/**
 * A 100,000-candidate season beside the demo's, made with set-based SQL from the demo's 2026
 * season: its batches, programs and published runs, `candidates` candidates (each with an encrypted
 * ID of the real length, scores and a row hash), a preference in each batch with its change
 * history, a placement for nine in ten and a 报到 for most of those.
 */
async function addBulkSeason(db: Kysely<Database>, candidates: number): Promise<void> {
  // Literals: one multi-statement query takes no parameters.
  const year = sql.lit(BULK_YEAR);
  const count = sql.lit(candidates);
  await db.transaction().execute(async (trx) => {
    await sql`
      CREATE TEMP TABLE src_season ON COMMIT DROP AS
        SELECT * FROM enrollment_season ORDER BY admission_year DESC LIMIT 1;
      CREATE TEMP TABLE new_season ON COMMIT DROP AS SELECT gen_random_uuid() AS id;
      INSERT INTO enrollment_season (id, district_id, admission_year, name, subjects, tie_break, state,
          created_by, created_at, updated_at)
        SELECT n.id, s.district_id, ${year}, ${year} || '年全区统一招生（压力测试）', s.subjects,
          s.tie_break, 'closed', s.created_by, s.created_at, s.updated_at FROM src_season s, new_season n;

      CREATE TEMP TABLE batch_map ON COMMIT DROP AS
        SELECT b.id AS old_id, gen_random_uuid() AS new_id, row_number() OVER (ORDER BY b.position) - 1 AS k
        FROM enrollment_batch b JOIN src_season s ON b.season_id = s.id;
      INSERT INTO enrollment_batch (id, season_id, code, name, position, opens_at, closes_at, max_choices)
        SELECT m.new_id, n.id, b.code, b.name, b.position, b.opens_at, b.closes_at, b.max_choices
        FROM enrollment_batch b JOIN batch_map m ON m.old_id = b.id, new_season n;

      CREATE TEMP TABLE program_map ON COMMIT DROP AS
        SELECT p.id AS old_id, gen_random_uuid() AS new_id, p.batch_id AS old_batch, p.code,
          row_number() OVER (PARTITION BY p.batch_id ORDER BY p.code) - 1 AS k, count(*) OVER (PARTITION BY p.batch_id) AS n
        FROM enrollment_program p JOIN src_season s ON p.season_id = s.id;
      INSERT INTO enrollment_program (id, season_id, batch_id, code, name, school_id, track, quota, min_score, requires, reserved)
        SELECT pm.new_id, n.id, bm.new_id, p.code, p.name, p.school_id, p.track, p.quota * 200, p.min_score, p.requires, p.reserved
        FROM enrollment_program p JOIN program_map pm ON pm.old_id = p.id JOIN batch_map bm ON bm.old_id = p.batch_id, new_season n;
      -- Each batch's programs in every rotation: a candidate's choices are one of them.
      CREATE TEMP TABLE choice_list ON COMMIT DROP AS
        SELECT r.old_batch, r.k AS rotation, r.n,
          (SELECT jsonb_agg(p.new_id ORDER BY (p.k + r.k) % p.n) FROM program_map p WHERE p.old_batch = r.old_batch) AS choices
        FROM program_map r;

      CREATE TEMP TABLE run_map ON COMMIT DROP AS
        SELECT DISTINCT ON (r.batch_id) r.id AS old_id, gen_random_uuid() AS new_id, r.batch_id AS old_batch
        FROM enrollment_run r JOIN batch_map bm ON bm.old_id = r.batch_id ORDER BY r.batch_id, r.state = 'published' DESC;
      INSERT INTO enrollment_run (id, batch_id, state, input_hash, output, summary, created_by, created_at,
          reviewed_by, reviewed_at, published_by, published_at)
        SELECT rm.new_id, bm.new_id, r.state, r.input_hash, r.output, r.summary, r.created_by, r.created_at,
          r.reviewed_by, r.reviewed_at, r.published_by, r.published_at
        FROM enrollment_run r JOIN run_map rm ON rm.old_id = r.id JOIN batch_map bm ON bm.old_id = r.batch_id;

      CREATE TEMP TABLE new_import ON COMMIT DROP AS SELECT gen_random_uuid() AS id;
      INSERT INTO enrollment_import (id, season_id, content_hash, file_name, rows, created, updated, unchanged, imported_by, imported_at)
        SELECT i.id, n.id, md5('bulk'), '考生名单.xlsx', ${count}, ${count}, 0, 0, s.created_by, s.created_at
        FROM new_import i, new_season n, src_season s;

      CREATE TEMP TABLE src_candidate ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY c.exam_number) - 1 AS k, c.*
        FROM enrollment_candidate c JOIN src_season s ON c.season_id = s.id;
      INSERT INTO enrollment_candidate (season_id, exam_number, name, id_cipher, id_index, id_masked, sex, school_id,
          scores, total, bonus, row_hash, import_id)
        SELECT n.id, ${year} || lpad(g::text, 6, '0'), c.name,
          -- An encrypted ID number's length, different bytes on every row (as ciphertexts are).
          left(encode(sha256(('c' || g)::bytea) || sha256(('d' || g)::bytea), 'base64'), length(c.id_cipher)),
          encode(sha256(('i' || g)::bytea), 'hex'), c.id_masked, c.sex, c.school_id,
          c.scores, c.total + (g % 7), c.bonus, encode(sha256(('r' || g)::bytea), 'hex'), i.id
        FROM generate_series(1, ${count}) g
        JOIN src_candidate c ON c.k = g % (SELECT count(*) FROM src_candidate), new_season n, new_import i;
      ANALYZE enrollment_candidate;

      CREATE TEMP TABLE bulk_candidate ON COMMIT DROP AS
        SELECT c.id, row_number() OVER (ORDER BY c.exam_number) AS g
        FROM enrollment_candidate c JOIN new_season n ON c.season_id = n.id;
      CREATE TEMP TABLE bulk_choice ON COMMIT DROP AS
        SELECT c.id AS candidate_id, c.g, bm.new_id AS batch_id, l.choices
        FROM bulk_candidate c CROSS JOIN batch_map bm
        JOIN choice_list l ON l.old_batch = bm.old_id AND l.rotation = c.g % l.n;
      INSERT INTO enrollment_preference (candidate_id, batch_id, choices, updated_by, updated_at)
        SELECT b.candidate_id, b.batch_id, b.choices, s.created_by, s.updated_at FROM bulk_choice b, src_season s;
      INSERT INTO enrollment_preference_change (candidate_id, batch_id, old_choices, new_choices, changed_by, changed_at)
        SELECT b.candidate_id, b.batch_id, NULL, b.choices, s.created_by, s.updated_at FROM bulk_choice b, src_season s
        UNION ALL
        SELECT b.candidate_id, b.batch_id, b.choices, b.choices, s.created_by, s.updated_at FROM bulk_choice b, src_season s
          WHERE b.g % 3 = 0;

      INSERT INTO enrollment_placement (candidate_id, season_id, batch_id, run_id, program_id, seat, choice)
        SELECT c.id, n.id, bm.new_id, rm.new_id, pm.new_id, NULL, 1 + c.g % 3
        FROM bulk_candidate c
        JOIN batch_map bm ON bm.k = c.g % (SELECT count(*) FROM batch_map)
        JOIN run_map rm ON rm.old_batch = bm.old_id
        JOIN program_map pm ON pm.old_batch = bm.old_id AND pm.k = c.g % pm.n
        CROSS JOIN new_season n
        WHERE c.g % 10 <> 0;
      INSERT INTO enrollment_registration (candidate_id, program_id, status, reason, recorded_by, recorded_at)
        SELECT pl.candidate_id, pl.program_id, CASE WHEN c.g % 17 = 0 THEN 'declined' ELSE 'registered' END,
          CASE WHEN c.g % 17 = 0 THEN '选择普通高中复读' END, s.created_by, s.updated_at
        FROM enrollment_placement pl JOIN bulk_candidate c ON c.id = pl.candidate_id, src_season s
        WHERE c.g % 11 <> 0;
    `.execute(trx);
  });
  await sql`ANALYZE`.execute(db);
}

async function totalRows(db: Kysely<Database>): Promise<number> {
  // Counted, not estimated: PGlite keeps no table statistics.
  const { rows } = await sql<{ name: string }>`SELECT relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname NOT LIKE 'kysely_migration%'`.execute(db);
  let total = 0;
  for (const { name } of rows)
    total += Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(db)).rows[0]!.n,
    );
  return total;
}

/** One CLI command under `/usr/bin/time -v`: wall and CPU seconds, peak RSS. */
function timed(args: string[], env: Record<string, string>) {
  return new Promise<{ ok: boolean; seconds: number; cpuSeconds: number; peakRssMb: number; output: string }>(
    (resolve, reject) => {
      const child = spawn('/usr/bin/time', ['-v', process.execPath, BIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'silent' },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const field = (label: string) => new RegExp(`${label}: (.+)`).exec(out)?.[1]?.trim() ?? '';
        const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
          .split(':')
          .reduce((s, part) => s * 60 + Number(part), 0);
        resolve({
          ok: code === 0,
          seconds: wall,
          cpuSeconds: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
          peakRssMb: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024),
          output: out
            .split('\n')
            .filter((l) => l && !/^\t/.test(l) && !l.startsWith('Command exited'))
            .join(' | '),
        });
      });
    },
  );
}

/** Backs `source` up and restores the file into a new, empty place; both timed. */
async function roundTrip(kind: Kind, data: string, source: Place, tmp: string): Promise<BackupBenchRow[]> {
  const rows = await withRuntime(source, (rt) => totalRows(rt.database.db));
  const file = path.join(tmp, `${kind}-${data.replace(/\W+/g, '-')}.backup.gz`);
  const backup = await timed(['backup', file], source.env);
  const fileMb = fs.existsSync(file) ? fs.statSync(file).size / 2 ** 20 : 0;
  const out: BackupBenchRow[] = [{ database: kind, data, rows, command: 'backup', ...backup, fileMb }];
  if (backup.ok) {
    const target = await newPlace(kind, tmp);
    try {
      out.push({
        database: kind,
        data,
        rows,
        command: 'restore',
        ...(await timed(['restore', file], target.env)),
        fileMb,
      });
    } finally {
      await target.drop();
    }
  }
  fs.rmSync(file, { force: true });
  return out;
}

/** The demo district, then the same with a bulk season, backed up and restored on `kind`. */
export async function benchBackup(kind: Kind, candidates: number, say: (line: string) => void) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-backup-'));
  const source = await newPlace(kind, tmp);
  const rows: BackupBenchRow[] = [];
  try {
    say(`${kind}: loading the demo district`);
    await withRuntime(source, loadDemo);
    rows.push(...(await roundTrip(kind, 'demo district', source, tmp)));
    say(`${kind}: adding a ${candidates.toLocaleString('en')}-candidate season`);
    await withRuntime(source, (rt) => addBulkSeason(rt.database.db, candidates));
    rows.push(...(await roundTrip(kind, `demo + ${candidates / 1000}k-candidate season`, source, tmp)));
  } finally {
    await source.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--candidates');
  const candidates = i >= 0 ? Number(args[i + 1]) : 100_000;
  const kinds = (args.filter((a) => a === 'pglite' || a === 'postgresql') as Kind[]).concat();
  const results: BackupBenchRow[] = [];
  for (const kind of kinds.length ? kinds : (['pglite', 'postgresql'] as Kind[]))
    results.push(...(await benchBackup(kind, candidates, (l) => console.log(l))));
  console.table(
    results.map((r) => ({
      database: r.database,
      data: r.data,
      rows: r.rows,
      command: r.command,
      ok: r.ok,
      's (wall)': r.seconds.toFixed(1),
      's (cpu)': r.cpuSeconds.toFixed(1),
      'peak RSS MB': r.peakRssMb,
      'file MB': r.fileMb.toFixed(1),
    })),
  );
  for (const r of results.filter((x) => !x.ok))
    console.log(`${r.database} ${r.data} ${r.command}: ${r.output}`);
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

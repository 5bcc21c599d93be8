/**
 * The learner's transcript at province scale (issue 14): a PostgreSQL database
 * `zj_bench_transcript` with 2,000,000 learners in 400 schools and 10,000,000 recognised learning
 * outcomes, each with its `post` entry in the credit account, and one approved conversion (its
 * `convert` entry) for every tenth learner — seeded with set-based SQL; then `getTranscript`
 * (the service the route calls: the learner, the status history, outcomes, ledger, conversions and
 * the school, read in parallel) in-process for 2,000 random learners after 200 to warm up.
 * Goal: p99 < 20 ms. `node --import tsx bench/learner-transcript.ts [learners] [--keep]` runs it
 * alone (not part of `npm run bench`: the seed takes about half an hour on 2 cores); the database is
 * dropped at the end unless `--keep`.
 *
 * The seed writes with `session_replication_role = replica` (triggers and foreign-key checks off,
 * the bench database only) to load in minutes; it writes no `outcome_recognition` rows (the
 * transcript reads the ledger, whose posts carry a recognition id no row backs here).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../apps/server/src/platform/auth/actor.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { getTranscript } from '../apps/server/src/modules/learners/transcript.service.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { percentile } from './http-load.ts';
import { dropDatabase, pgUrl, recreateDatabase } from './province-data.ts';

export const TRANSCRIPT_DB = 'zj_bench_transcript';
const LEARNERS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2_000_000);
const KEEP = process.argv.includes('--keep');
const OUTCOMES_PER_LEARNER = 5;
const SCHOOLS = 400;
const SAMPLES = 2_000;
const WARM_UP = 200;
const GOAL_MS = 20;

const say = (line: string) => console.log(line);
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-transcript-'));
await recreateDatabase(TRANSCRIPT_DB);
const config = loadConfig({
  DATABASE_URL: pgUrl(TRANSCRIPT_DB),
  ZHIJIAO_DATA_DIR: dataDir,
  ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
  LOG_LEVEL: 'silent',
});
const rt = await openRuntime(config);
try {
  const db = rt.database.db;
  let t = performance.now();
  await sql`INSERT INTO org_unit (code, name, full_name, type) VALUES ('TD', '基准区', '基准区教育局', 'district')`.execute(
    db,
  );
  await sql`INSERT INTO org_unit (code, name, full_name, type, parent_id, groups)
    SELECT 'TD-S' || lpad(s::text, 3, '0'), '职校' || s, '基准区职业学校' || s, 'school', d.id,
      ARRAY['public', 'secondary-vocational']
    FROM org_unit d, generate_series(1, ${SCHOOLS}::int) s WHERE d.code = 'TD'`.execute(db);
  await sql`SET session_replication_role = replica`.execute(db);
  await sql`CREATE TEMP TABLE school_no AS
    SELECT row_number() OVER (ORDER BY code)::int - 1 AS n, id, parent_id AS district_id
    FROM org_unit WHERE code LIKE 'TD-S%'`.execute(db);
  // Learner n: a uuid made from n, so outcomes and entries find it without a join.
  await sql`INSERT INTO learner (id, school_id, district_id, major_code, major_name, class_name, cohort_year, name,
      id_cipher, id_index, id_masked, sex, birth_date_cipher, status, status_since, source, created_at, updated_at)
    SELECT md5('l' || g)::uuid, s.id, s.district_id, '710205', '计算机应用', (g % 8 + 1) || '班', 2018 + g % 6,
      '学生' || g, 'x', md5('i' || g), '140421********' || lpad((g % 10000)::text, 4, '0'),
      CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END, 'x', 'enrolled', make_date(2018 + g % 6, 9, 1), 'import', now(), now()
    FROM generate_series(0, ${LEARNERS - 1}::int) g JOIN school_no s ON s.n = g % ${SCHOOLS}::int`.execute(
    db,
  );
  say(`  ${LEARNERS.toLocaleString()} learners: ${seconds(t)}`);
  t = performance.now();
  await sql`INSERT INTO learner_status_change (learner_id, from_status, to_status, changed_on, reason, changed_at)
    SELECT md5('l' || g)::uuid, NULL, 'enrolled', make_date(2018 + g % 6, 9, 1), '学籍导入', now()
    FROM generate_series(0, ${LEARNERS - 1}::int) g`.execute(db);
  say(`  ${LEARNERS.toLocaleString()} status lines: ${seconds(t)}`);
  t = performance.now();
  await sql`INSERT INTO learning_outcome (id, learner_id, school_id, district_id, type, title, certificate_code, level,
      issuer, number, number_key, achieved_on, source, status, decided_at, created_at, updated_at)
    SELECT md5('o' || g || '-' || k)::uuid, md5('l' || g)::uuid, s.id, s.district_id, 'one_plus_x_certificate',
      '证书' || k, 'C' || k, (ARRAY['elementary','intermediate','advanced'])[1 + (g + k) % 3], '培训评价组织' || k,
      'N' || g || '-' || k, 'N' || g || '-' || k, make_date(2019 + k % 4, 1 + k, 10), 'school', 'recognised', now(), now(), now()
    FROM generate_series(0, ${LEARNERS - 1}::int) g JOIN school_no s ON s.n = g % ${SCHOOLS}::int,
      generate_series(1, ${OUTCOMES_PER_LEARNER}::int) k`.execute(db);
  say(`  ${(LEARNERS * OUTCOMES_PER_LEARNER).toLocaleString()} outcomes: ${seconds(t)}`);
  t = performance.now();
  await sql`INSERT INTO credit_ledger_entry (learner_id, id, kind, outcome_id, credits, recognition_id, reason, posted_at)
    SELECT md5('l' || g)::uuid, 'post:' || md5('r' || g || '-' || k)::uuid, 'post', md5('o' || g || '-' || k)::uuid,
      10 * (2 + (g + k) % 7), md5('r' || g || '-' || k)::uuid, '认定', now()
    FROM generate_series(0, ${LEARNERS - 1}::int) g, generate_series(1, ${OUTCOMES_PER_LEARNER}::int) k
    ORDER BY g, k`.execute(db);
  say(`  ${(LEARNERS * OUTCOMES_PER_LEARNER).toLocaleString()} ledger posts: ${seconds(t)}`);
  t = performance.now();
  await sql`INSERT INTO conversion_rule (id, school_id, district_id, outcome_type, exempts, credits, valid_from, created_at)
    SELECT md5('rule' || n)::uuid, id, district_id, 'one_plus_x_certificate', ARRAY['C101','C102'], 20, '2018-01-01', now()
    FROM school_no`.execute(db);
  await sql`INSERT INTO credit_conversion (id, learner_id, school_id, district_id, rule_id, outcome_id, credits, courses,
      explanation_zh, explanation_en, status, applied_at, decided_at)
    SELECT md5('c' || g)::uuid, md5('l' || g)::uuid, s.id, s.district_id, md5('rule' || s.n)::uuid,
      md5('o' || g || '-1')::uuid, 20, ARRAY['C101','C102'], '免修', 'exempted', 'approved', now(), now()
    FROM generate_series(0, ${LEARNERS - 1}::int, 10) g JOIN school_no s ON s.n = g % ${SCHOOLS}::int`.execute(
    db,
  );
  await sql`INSERT INTO credit_ledger_entry (learner_id, id, kind, outcome_id, credits, conversion_id, rule_id, consumes, reason, posted_at)
    SELECT md5('l' || g)::uuid, 'convert:' || md5('c' || g)::uuid, 'convert', md5('o' || g || '-1')::uuid, -20,
      md5('c' || g)::uuid, md5('rule' || (g % ${SCHOOLS}::int))::uuid,
      ARRAY['post:' || md5('r' || g || '-1')::uuid], '转换', now()
    FROM generate_series(0, ${LEARNERS - 1}::int, 10) g`.execute(db);
  say(`  ${(LEARNERS / 10).toLocaleString()} conversions: ${seconds(t)}`);
  await sql`SET session_replication_role = origin`.execute(db);
  t = performance.now();
  await sql`ANALYZE`.execute(db);
  say(`  ANALYZE: ${seconds(t)}`);

  const district = await db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', 'TD')
    .executeTakeFirstOrThrow();
  const deps = rt.services.modules.deps.get('learners')!;
  const reviewer: Actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: 'bench',
    role: 'coordinator',
    orgUnitId: district.id,
    sessionId: 'bench',
    mfa: false,
    restriction: null,
    permissions: new Set(['learner.read', 'creditBank.review']) as Actor['permissions'],
    scope: { all: true },
    districtId: district.id,
    ip: null,
  };
  const pick = (i: number) => {
    // A deterministic spread over every learner (Knuth's multiplicative hash).
    const g = (Math.imul(i + 1, 2654435761) >>> 0) % LEARNERS;
    return sql<{ id: string }>`SELECT md5(${'l' + g})::uuid AS id`.execute(db).then((r) => r.rows[0]!.id);
  };
  const ids = await Promise.all(Array.from({ length: SAMPLES + WARM_UP }, (_, i) => pick(i)));
  const times: number[] = [];
  let lines = 0;
  for (const [i, id] of ids.entries()) {
    const start = performance.now();
    const transcript = await getTranscript(deps, reviewer, id);
    if (i >= WARM_UP) times.push(performance.now() - start);
    lines += transcript.outcomes.length;
  }
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  say(
    `  getTranscript over ${SAMPLES} random learners (${(lines / ids.length).toFixed(1)} outcomes each): ` +
      `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms — ` +
      `goal p99 < ${GOAL_MS} ms: ${p99 < GOAL_MS ? 'PASS' : 'MISS'}`,
  );
} finally {
  await rt.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!KEEP) await dropDatabase(TRANSCRIPT_DB);
}

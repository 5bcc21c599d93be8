/**
 * The 1+X results import (issue 14) at 100,000 rows: a database of its own on PostgreSQL with the
 * Shangdang district and 100,000 learners on 区职业高中's register, then one results file of
 * 100,000 sittings (90 % 合格 with their certificates, 10 % 不合格) imported through the use case in
 * this process, timed (the parse alone too), then the same file again (repeated: by its hash) and
 * the statistics of the year. Goal: < 30 s for the import.
 *
 * `node --import tsx bench/outcome-import.ts` seeds, measures and drops the database
 * (`BENCH_OUTCOMES_KEEP=1` keeps it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { identityColumns } from '../apps/server/src/modules/learners/learner-columns.ts';
import { insertLearners } from '../apps/server/src/modules/learners/learners.repository.ts';
import { readResultsFile } from '../apps/server/src/modules/learners/outcome-import-file.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { residentIdCheckChar } from '../apps/server/src/platform/validation/identifiers.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { dropDatabase, pgUrl, PROVINCE_PASSWORD, recreateDatabase } from './province-data.ts';

const DB = 'zhijiao_bench_outcomes';
const SECRET_KEY = createHash('sha256').update('zhijiao bench outcome import').digest('hex');
const ROWS = 100_000;
const GOAL_MS = 30_000;

/** The k-th learner's ID number and birth date: 999 a day from 2005-01-01. */
function identity(k: number) {
  const day = new Date(Date.UTC(2005, 0, 1 + Math.floor(k / 999)));
  const birth = day.toISOString().slice(0, 10);
  const body = `140421${birth.replaceAll('-', '')}${String((k % 999) + 1).padStart(3, '0')}`;
  return { idNumber: body + residentIdCheckChar(body), birth };
}

async function resultsFile() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('1+X证书结果');
  ws.addRow([
    '姓名',
    '身份证号',
    '证书名称',
    '证书代码',
    '等级',
    '培训评价组织',
    '证书编号',
    '发证日期',
    '考核结果',
    '考核日期',
  ]);
  for (let k = 0; k < ROWS; k++) {
    const passed = k % 10 !== 9;
    ws.addRow([
      `学生${k}`,
      identity(k).idNumber,
      '汽车运用与维修',
      '',
      k % 4 === 3 ? '中级' : '初级',
      '北京中车行高新技术有限公司',
      passed ? `B2025${String(k).padStart(6, '0')}` : '',
      passed ? '2025-12-20' : '',
      passed ? '合格' : '不合格',
      '2025-12-10',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const say = console.log;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhijiao-bench-outcomes-'));
  await recreateDatabase(DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: SECRET_KEY,
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    const t0 = performance.now();
    await loadShangdangPlan(rt);
    const db = rt.database.db;
    const school = await db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD-VHS')
      .executeTakeFirstOrThrow();
    const district = await db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
      VALUES ('vhs-bench', '区职业高中 填报员', ${await hashPassword(PROVINCE_PASSWORD)}, 'unit_clerk', ${school.id}, false, now())`.execute(
      db,
    );
    const now = new Date();
    for (let start = 0; start < ROWS; start += 1000) {
      const rows = [];
      for (let k = start; k < Math.min(ROWS, start + 1000); k++) {
        const { idNumber, birth } = identity(k);
        rows.push({
          schoolId: school.id,
          districtId: district.id,
          majorCode: k % 3 === 0 ? '700206' : '660301',
          majorName: k % 3 === 0 ? '汽车运用与维修' : '机电技术应用',
          className: `${(k % 40) + 1}班`,
          cohortYear: 2024,
          name: `学生${k}`,
          ...identityColumns(rt.crypto, idNumber, birth),
          sex: 'M' as const,
          status: 'enrolled' as const,
          statusSince: '2024-09-01',
          source: 'import' as const,
          enrollmentRegistrationId: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        });
      }
      await insertLearners(db, rows);
    }
    await sql`ANALYZE`.execute(db);
    say(`seeded ${ROWS} learners in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    let t = performance.now();
    const file = await resultsFile();
    say(
      `built the ${ROWS}-row file (${(file.length / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const parsed = readResultsFile(file);
    say(
      `  readResultsFile alone: ${Math.round(performance.now() - t)} ms (${parsed.rows.length} rows, ${parsed.problems.length} problems)`,
    );

    const { actor } = await rt.services.auth.login({
      username: 'vhs-bench',
      password: PROVINCE_PASSWORD,
      ip: null,
    });
    t = performance.now();
    const result = await rt.services.learners.creditBank.importCertificateResults(actor, {
      buffer: file,
      filename: '1+X证书考核结果.xlsx',
    });
    const ms = performance.now() - t;
    say(
      `import: ${Math.round(ms)} ms (goal < ${GOAL_MS} ms: ${ms < GOAL_MS ? 'met' : 'MISSED'}) ${JSON.stringify(result)}`,
    );
    t = performance.now();
    const again = await rt.services.learners.creditBank.importCertificateResults(actor, {
      buffer: file,
      filename: '1+X证书考核结果.xlsx',
    });
    say(`the same file again: ${Math.round(performance.now() - t)} ms, repeated=${again.repeated}`);
    t = performance.now();
    const stats = await rt.services.learners.onePlusX.onePlusXStatistics(actor, { year: 2025 });
    say(`statistics of 2025: ${Math.round(performance.now() - t)} ms ${JSON.stringify(stats.total)}`);
  } finally {
    await rt.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (process.env.BENCH_OUTCOMES_KEEP !== '1') await dropDatabase(DB);
  }
}

await main();

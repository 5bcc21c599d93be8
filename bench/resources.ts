/**
 * Teaching-resource search at scale (issue 5): 200,000 resources of 60 schools in one district on
 * PostgreSQL, then `GET /api/teaching-resources?q=…` over a mix of Chinese, Latin, broad, rare and
 * empty queries, one request at a time (p50 / p99) for a school's clerk (own + district-shared)
 * and the coordinator (everything), and under load. Goal: p99 < 100 ms one request at a time.
 * Called by run.ts; also runs alone: `node --import tsx bench/resources.ts`.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadShangdangPlan } from '../apps/server/src/demo/bootstrap.ts';
import { resourceSearchFields } from '../apps/server/src/modules/programs/search-terms.ts';
import { hashPassword } from '../apps/server/src/platform/auth/password-hash.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { openRuntime } from '../apps/server/src/runtime.ts';
import { login, percentile, runLoad, timedGet, type LoadResult } from './http-load.ts';
import { dropDatabase, pgUrl, PROVINCE_PASSWORD, recreateDatabase } from './province-data.ts';
import { startServer, type ServerProcess } from './server-process.ts';

export const RESOURCES_DB = 'zhijiao_bench_resources';
const RESOURCES = 200_000;
const SCHOOLS = 60;
const GOAL_P99_MS = 100;
const REPEATS = 8;

/** Majors (2021 catalogue codes) with the topics their resources are about. */
const VOCAB: Record<string, string[]> = {
  '660107': [
    '二氧化碳气体保护焊平焊',
    '手工电弧焊立焊',
    '钨极氩弧焊',
    '焊缝质量检验',
    '焊接安全操作规程',
    '焊接变形与控制',
  ],
  '660301': [
    '可编程控制器PLC应用',
    '三相异步电动机控制',
    '传感器接线与调试',
    '液压与气动回路',
    '机电设备安装与调试',
  ],
  '730701': ['网店首页装修', '直播电商脚本策划', '商品主图拍摄', '客服沟通话术', '电商数据分析'],
  '700206': ['汽车发动机拆装', '汽车底盘检修', '汽车电气设备', '汽车定期保养'],
  '700209': ['新能源汽车高压安全', '动力电池检测', '驱动电机维护'],
  '710201': ['Excel数据处理', 'Python程序设计', '计算机网络基础', '图形图像处理'],
  '790302': ['男士短发修剪', '新娘化妆造型', '烫发与染发', '形象设计'],
  '720601': ['关节活动度评定', '偏瘫患者运动治疗', '老年康复护理', '中医康复技术'],
  '720201': ['基础护理技术', '急救护理技术', '内科护理', '护理礼仪'],
  '610103': ['苹果树整形修剪', '蔬菜生产技术', '植物病虫害防治'],
  '770101': ['幼儿户外游戏设计', '幼儿歌曲弹唱', '学前儿童心理'],
  '690202': ['中药炮制', '中药鉴定', '中药制剂技术'],
};
const TYPES = [
  'courseware',
  'lesson_plan',
  'video',
  'micro_lecture',
  'exercise',
  'training_guide',
  'case',
] as const;
const TYPE_ZH = ['课件', '教案', '视频', '微课', '习题', '实训指导', '案例'];
/** What people type: majors, topics, several words, Latin, very broad, rare, nothing found, filters. */
const QUERIES = [
  'q=焊接',
  'q=焊缝质量检验',
  'q=氩弧焊 微课',
  'q=直播电商',
  'q=康复评定 教案',
  'q=机电',
  'q=PLC',
  'q=python 程序',
  'q=新能源汽车',
  'q=幼儿',
  'q=美发 视频',
  'q=护理',
  'q=急救护理技术 实训指导',
  'q=课件',
  'q=教学',
  'q=实训',
  'q=中药炮制',
  'q=不存在的词语',
  'q=幼儿 焊接',
  'q=焊接&resourceType=exercise',
  'q=电商&offset=100',
  'q=汽车 保养 视频',
  '',
  'resourceType=micro_lecture',
];

type Say = (line: string) => void;

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds the district: the real Shangdang org units and plan, 60 more schools, each running 6 of
 * the majors above, and 200,000 resources uploaded over four years in batches (a teacher uploads
 * 5–20 resources of one course at a time), 70 % shared, 10 % pending, 15 % private, 5 % refused.
 */
async function seed(dataDir: string, say: Say): Promise<Record<string, number>> {
  await recreateDatabase(RESOURCES_DB);
  const config = loadConfig({
    DATABASE_URL: pgUrl(RESOURCES_DB),
    ZHIJIAO_DATA_DIR: dataDir,
    ZHIJIAO_SECRET_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const rt = await openRuntime(config);
  try {
    await loadShangdangPlan(rt);
    const db = rt.database.db;
    const t0 = performance.now();
    const hash = await hashPassword(PROVINCE_PASSWORD);
    await sql`INSERT INTO org_unit (code, name, full_name, type, parent_id)
      SELECT 'SD-BS' || n, '基准职业学校' || n, '基准职业学校' || n, 'school', (SELECT id FROM org_unit WHERE code = 'SD-EDU')
      FROM generate_series(1, ${SCHOOLS}::int) n`.execute(db);
    await sql`INSERT INTO app_user (username, display_name, password_hash, role, org_unit_id, must_change_password, password_changed_at)
      SELECT v.username, v.username, ${hash}, v.role, o.id, false, now()
      FROM (VALUES ('res-coord', 'coordinator', 'SD-EDU'), ('res-clerk', 'unit_clerk', 'SD-BS1')) v(username, role, code)
      JOIN org_unit o ON o.code = v.code`.execute(db);
    const district = (
      await db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    const schools = await db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', 'like', 'SD-BS%')
      .orderBy('code')
      .execute();
    const file = await sql<{
      id: string;
    }>`INSERT INTO stored_file (org_unit_id, uploaded_by, original_name, kind, mime, size_bytes, sha256, storage_key, created_at)
      SELECT ${schools[0]!.id}, id, 'bench.pdf', 'pdf', 'application/pdf', 10, ${'0'.repeat(64)}, 'bench/none', now()
      FROM app_user WHERE username = 'res-clerk' RETURNING id`.execute(db);
    const codes = Object.keys(VOCAB);
    const majors: Array<{ id: string; school: string; code: string }> = [];
    for (const [i, s] of schools.entries()) {
      for (let k = 0; k < 6; k++) {
        const code = codes[(i + k * 2) % codes.length]!;
        const m = await db
          .insertInto('major')
          .values({
            schoolId: s.id,
            districtId: district,
            catalogueVersion: '2021',
            catalogueCode: code,
            status: 'active',
            establishedYear: 2010,
            createdAt: new Date(),
            updatedAt: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        majors.push({ id: m.id, school: s.id, code });
      }
    }
    const names = new Map(
      (await db.selectFrom('majorCatalogue').select(['code', 'name']).execute()).map((c) => [c.code, c.name]),
    );
    const rnd = prng(20_210_520);
    const start = Date.UTC(2021, 0, 1);
    const span = 4 * 365 * 86_400_000;
    let batch: (typeof majors)[number] = majors[0]!;
    let left = 0;
    const rows = [];
    for (let n = 0; n < RESOURCES; n++) {
      if (left-- <= 0) {
        batch = majors[Math.floor(rnd() * majors.length)]!;
        left = 5 + Math.floor(rnd() * 16);
      }
      const topics = VOCAB[batch.code]!;
      const topic = topics[Math.floor(rnd() * topics.length)]!;
      const t = Math.floor(rnd() * TYPES.length);
      const title = `${topic}${TYPE_ZH[t]}（第${1 + Math.floor(rnd() * 30)}讲）`;
      const description = `本资源为${names.get(batch.code)}专业的${TYPE_ZH[t]}，内容涵盖${topic}与${topics[Math.floor(rnd() * topics.length)]}的知识点和技能训练，适用于中职教学。`;
      const u = rnd();
      const shareState = u < 0.7 ? 'shared' : u < 0.8 ? 'pending' : u < 0.95 ? 'private' : 'refused';
      const createdAt = new Date(start + Math.floor((n / RESOURCES) * span));
      rows.push({
        schoolId: batch.school,
        districtId: district,
        majorId: batch.id,
        resourceType: TYPES[t]!,
        licence: 'cc_by_nc_4' as const,
        title,
        description,
        fileId: file.rows[0]!.id,
        shareState: shareState as 'shared',
        sharedOn: shareState === 'shared' ? createdAt.toISOString().slice(0, 10) : null,
        refusalReason: shareState === 'refused' ? '内容需修改' : null,
        createdAt,
        updatedAt: createdAt,
        ...resourceSearchFields({
          title,
          description,
          labels: [TYPE_ZH[t]!, names.get(batch.code)!],
          filters: { resourceType: TYPES[t], majorId: batch.id },
        }),
      });
      if (rows.length === 1000) await db.insertInto('teachingResource').values(rows.splice(0)).execute();
    }
    if (rows.length) await db.insertInto('teachingResource').values(rows).execute();
    await sql`ANALYZE`.execute(db);
    say(
      `  seeded ${RESOURCES.toLocaleString('en')} resources in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const size = await sql<{
      mb: number;
    }>`SELECT (pg_total_relation_size('teaching_resource') / 1048576)::int AS mb`.execute(db);
    return {
      teaching_resource: RESOURCES,
      schools: SCHOOLS + 2,
      majors: majors.length,
      table_mb: Number(size.rows[0]!.mb),
    };
  } finally {
    await rt.close();
  }
}

/** Every query of the mix, REPEATS times, one request at a time; fails on a non-200. */
async function sequentialRun(base: string, cookie: string, name: string) {
  const times: number[] = [];
  const perQuery: Record<string, number> = {};
  for (let r = 0; r < REPEATS; r++) {
    for (const q of QUERIES) {
      const res = await timedGet(base, `/api/teaching-resources?${q}`, cookie);
      if (res.status !== 200) throw new Error(`${name}: ${q} → ${res.status} ${res.body.slice(0, 200)}`);
      if (r > 0) times.push(res.ms);
      perQuery[q || '(browse)'] = Math.max(perQuery[q || '(browse)'] ?? 0, res.ms);
    }
  }
  const slowest = Object.entries(perQuery)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return {
    name,
    samples: times.length,
    p50: percentile(times, 50),
    p90: percentile(times, 90),
    p99: percentile(times, 99),
    max: Math.max(...times),
    slowest,
  };
}

/** Seeds, starts a server, measures; the caller (or the standalone run) drops the database. */
export async function resourcesSection(deps: { say: Say; tempDir: (prefix: string) => string }) {
  const { say } = deps;
  say(
    `\n▶ PostgreSQL: teaching-resource search, ${RESOURCES.toLocaleString('en')} resources (database ${RESOURCES_DB})`,
  );
  const counts = await seed(deps.tempDir('zj-bench-res-gen-'), say);
  const server: ServerProcess = await startServer({
    env: {
      DATABASE_URL: pgUrl(RESOURCES_DB),
      ZHIJIAO_DEMO_DATA: 'false',
      ZHIJIAO_DATA_DIR: deps.tempDir('zj-bench-res-'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const base = server.url;
    const clerk = await login(base, 'res-clerk', PROVINCE_PASSWORD);
    const coord = await login(base, 'res-coord', PROVINCE_PASSWORD);
    const sequential = [
      await sequentialRun(base, clerk.cookie, 'search, school clerk (own + shared)'),
      await sequentialRun(base, coord.cookie, 'search, coordinator (whole district)'),
    ];
    for (const r of sequential)
      say(
        `  ${r.name.padEnd(40)} n ${r.samples}  p50 ${r.p50.toFixed(1)}  p90 ${r.p90.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)} ms; slowest: ${r.slowest.map(([q, ms]) => `${q} ${ms.toFixed(0)}`).join(', ')}`,
      );
    // Paths go on the wire as written: percent-encode the Chinese (fetch does it for the sequential run).
    const targets = QUERIES.flatMap((q) =>
      [clerk, coord].map((s) => ({ path: encodeURI(`/api/teaching-resources?${q}`), cookie: s.cookie })),
    );
    const load: LoadResult[] = [];
    for (const connections of [10, 100]) {
      const r = await runLoad({
        name: `search mix, ${connections} connections`,
        base,
        targets,
        connections,
        durationS: 10,
        warmupS: 2,
        cpuSeconds: server.cpuSeconds,
      });
      say(
        `  ${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)} ms  errors ${r.errors} ${JSON.stringify(r.statusCodes)}  load ${r.loadAvg1m.toFixed(1)}`,
      );
      load.push(r);
    }
    const goals = sequential.map((r) => ({
      goal: `resource search p99 < ${GOAL_P99_MS} ms on PostgreSQL, ${RESOURCES.toLocaleString('en')} resources, one request at a time (${r.name})`,
      measured: `p99 ${r.p99.toFixed(1)} ms over ${r.samples} searches (${QUERIES.length} kinds)`,
      pass: r.p99 < GOAL_P99_MS,
    }));
    return { counts, sequential, load, goals };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dirs: string[] = [];
  const tempDir = (prefix: string) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  try {
    const r = await resourcesSection({ say: console.log, tempDir });
    for (const g of r.goals) console.log(`[${g.pass ? 'PASS' : 'MISS'}] ${g.goal}: ${g.measured}`);
  } finally {
    await dropDatabase(RESOURCES_DB);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
  process.exit(0);
}

import ExcelJS from 'exceljs';
import type { Actor } from '../platform/auth/actor.ts';
import { seededRandom } from '../platform/demo/seeded-random.ts';
import { createJobsService } from '../platform/jobs/index.ts';
import { residentIdCheckChar } from '../platform/validation/identifiers.ts';
import type { Runtime } from '../runtime.ts';
import { demoActor, servicesOn } from './demo-actors.ts';

/** Candidates in the demo season (about half from each junior high). */
const CANDIDATES = 400;
/**
 * Area code of the demo's ID numbers: 14 (山西) with an unassigned 9999, so no demo ID number can be
 * a real person's; the check digit is computed, so every number passes the import's validation.
 */
const AREA = '149999';

const SUBJECTS = [
  { key: 'chinese', name: '语文', max: 120 },
  { key: 'math', name: '数学', max: 120 },
  { key: 'english', name: '英语', max: 120 },
  { key: 'physics', name: '物理', max: 80 },
  { key: 'chemistry', name: '化学', max: 60 },
];

type Track = 'general' | 'vocational';
interface DemoProgram {
  code: string;
  name: string;
  school: 'SD-HS1' | 'SD-VHS' | 'SD-VEC';
  track: Track;
  quota: number;
  minScore?: number;
  requires?: { sex: 'F' };
  reserved?: Array<{ code: string; capacity: number; schoolCodes: string[] }>;
  /** How much boys and girls want it (中职 choices are drawn by these weights). */
  appeal?: { M: number; F: number };
}

/** 普高批: 区一中, with 指标到校 seats for both junior highs and a 最低控制分数线. */
const GENERAL: DemoProgram = {
  code: 'HS1-GEN',
  name: '普通高中',
  school: 'SD-HS1',
  track: 'general',
  quota: 190,
  minScore: 260,
  reserved: [
    { code: 'JHS1', capacity: 12, schoolCodes: ['SD-JHS1'] },
    { code: 'JHS2', capacity: 12, schoolCodes: ['SD-JHS2'] },
  ],
};

/** 中职批: the majors of 区职业高中 and 区职教中心 (the programs demo's majors). */
const VOCATIONAL: DemoProgram[] = [
  {
    code: 'VHS-MECH',
    name: '机电技术应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 40,
    appeal: { M: 5, F: 1 },
  },
  {
    code: 'VHS-WELD',
    name: '焊接技术应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 30,
    appeal: { M: 4, F: 0.3 },
  },
  {
    code: 'VHS-AUTO',
    name: '汽车运用与维修',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 35,
    appeal: { M: 5, F: 0.5 },
  },
  {
    code: 'VHS-ECOM',
    name: '电子商务',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 35,
    appeal: { M: 2, F: 4 },
  },
  {
    code: 'VHS-COMP',
    name: '计算机应用',
    school: 'SD-VHS',
    track: 'vocational',
    quota: 30,
    appeal: { M: 3, F: 2 },
  },
  {
    code: 'VEC-BEAUTY',
    name: '美容美发与造型',
    school: 'SD-VEC',
    track: 'vocational',
    quota: 20,
    requires: { sex: 'F' },
    appeal: { M: 0, F: 4 },
  },
  {
    code: 'VEC-REHAB',
    name: '康复技术',
    school: 'SD-VEC',
    track: 'vocational',
    quota: 30,
    appeal: { M: 1, F: 4 },
  },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁宋谢韩唐冯申牛秦崔';
const GIVEN = {
  M: '浩宇轩子涵俊杰博文建华志强明辉磊鹏伟晨阳睿泽峰宁',
  F: '欣怡雨婷思琪佳悦梦瑶雪丽婧晓萱静雅诗涵艺彤慧敏',
};
const DECLINED = {
  general: ['随父母迁居外地就读', '选择到市区民办高中就读'],
  vocational: ['选择复读，明年再考', '随父母外出务工地就读', '因病暂缓入学', '选择到外地技工学校就读'],
};

interface DemoCandidate {
  exam: string;
  name: string;
  id: string;
  sex: 'M' | 'F';
  school: 'SD-JHS1' | 'SD-JHS2';
  scores: Record<string, number>;
  bonus: number;
  /** 投档分 as the engine computes it: total + bonus. */
  score: number;
}

/** The admission year whose season is over by `today`: this year's once 报到 (late August) is past. */
export function demoAdmissionYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today >= `${year}-09-01` ? year : year - 1;
}

/** A valid resident ID: area, birth date (YYYYMMDD), 3-digit sequence (odd = male), check digit. */
function residentId(birth: string, seq: number): string {
  const body = `${AREA}${birth}${String(seq).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** The exam office's candidates of `year`: deterministic, 15 years old on 1 September. */
function makeCandidates(year: number): DemoCandidate[] {
  const rand = seededRandom(year * 7919);
  const pick = (s: string) => s[Math.floor(rand() * s.length)]!;
  const firstDay = Date.UTC(year - 16, 8, 1);
  const days = (Date.UTC(year - 15, 8, 1) - firstDay) / 86_400_000;
  const out: DemoCandidate[] = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const sex = rand() < 0.5 ? 'M' : 'F';
    const school = rand() < 0.52 ? 'SD-JHS1' : 'SD-JHS2';
    const given = GIVEN[sex];
    const name = pick(SURNAMES) + pick(given) + (rand() < 0.7 ? pick(given) : '');
    const birth = new Date(firstDay + Math.floor(rand() * days) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    // Sequence from the row number: unique in the file, odd for boys and even for girls.
    const id = residentId(birth, i * 2 + (sex === 'M' ? 1 : 0));
    const ability = (rand() + rand() + rand()) / 3 + (school === 'SD-JHS1' ? 0.02 : 0);
    const scores: Record<string, number> = {};
    for (const s of SUBJECTS) {
      const f = Math.min(0.99, Math.max(0.12, ability * 1.1 - 0.05 + (rand() - 0.5) * 0.25));
      scores[s.key] = Math.round(f * s.max * 2) / 2;
    }
    const bonus = rand() < 0.05 ? (rand() < 0.5 ? 5 : 10) : 0;
    const total = Object.values(scores).reduce((a, b) => a + b, 0);
    out.push({
      exam: `${year}${String(i + 1).padStart(4, '0')}`,
      name,
      id,
      sex,
      school,
      scores,
      bonus,
      score: total + bonus,
    });
  }
  return out;
}

/** The candidates as the exam office's .xlsx (the import template's columns), built in memory. */
async function candidateFile(candidates: DemoCandidate[], savedAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = savedAt;
  wb.modified = savedAt;
  const ws = wb.addWorksheet('考生名单');
  ws.addRow([
    '考号',
    '姓名',
    '身份证号',
    '性别',
    '毕业学校代码',
    ...SUBJECTS.map((s) => s.name),
    '政策照顾分',
  ]);
  for (const c of candidates)
    ws.addRow([
      c.exam,
      c.name,
      c.id,
      c.sex === 'M' ? '男' : '女',
      c.school,
      ...SUBJECTS.map((s) => c.scores[s.key]!),
      c.bonus,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Up to `n` vocational programs, drawn without replacement by their appeal to the candidate. */
function vocationalChoices(rand: () => number, sex: 'M' | 'F', n: number): DemoProgram[] {
  const pool = VOCATIONAL.filter((p) => (p.appeal?.[sex] ?? 0) > 0);
  const out: DemoProgram[] = [];
  while (out.length < n && pool.length > 0) {
    const total = pool.reduce((a, p) => a + p.appeal![sex], 0);
    let r = rand() * total;
    const i = pool.findIndex((p) => (r -= p.appeal![sex]) < 0);
    out.push(...pool.splice(i < 0 ? pool.length - 1 : i, 1));
  }
  return out;
}

/**
 * A finished 统一招生 season as a district would have it in the autumn: set up in April, the exam
 * office's file imported in May, 普高批 preferences filled by the junior highs in late June,
 * matched, reviewed and published; the candidates not placed go on to 中职批 in July; 报到
 * recorded by the receiving schools in late August — most enrolled, a few did not, with a reason.
 * Every record goes through the service use cases on the day it happened. The registrations feed
 * the plan's 职普比 indicator (T03) for the admission year's periods.
 */
export async function loadEnrollmentDemo(
  rt: Runtime,
  today: string,
): Promise<{ candidates: number; placed: number; registered: number }> {
  const year = demoAdmissionYear(today);
  const services = new Map<string, ReturnType<typeof servicesOn>>();
  const on = (monthDay: string) => {
    const date = `${year}-${monthDay}`;
    if (!services.has(date)) services.set(date, servicesOn(rt, date));
    return services.get(date)!;
  };
  const at = (monthDay: string) => `${year}-${monthDay}T00:00:00+08:00`;
  const coordinator = await demoActor(rt, 'coordinator');
  const clerks: Record<string, Actor> = {
    'SD-JHS1': await demoActor(rt, 'jhs1'),
    'SD-JHS2': await demoActor(rt, 'jhs2'),
    'SD-HS1': await demoActor(rt, 'hs1'),
    'SD-VHS': await demoActor(rt, 'vhs'),
    'SD-VEC': await demoActor(rt, 'vec'),
  };

  // 1. Set-up in April: subjects, tie-break, two batches, their programs.
  let s = on('04-10');
  const created = await s.enrollment.setup.createSeason(coordinator, {
    admissionYear: year,
    name: `${year}年上党区高中阶段学校统一招生`,
    subjects: SUBJECTS.map(({ key, name }) => ({ key, name })),
    tieBreak: ['math', 'chinese', 'english', 'physics', 'chemistry'],
  });
  const seasonId = created.id;
  await s.enrollment.setup.addBatch(coordinator, seasonId, {
    code: 'GENERAL',
    name: '普高批',
    position: 1,
    opensAt: at('06-20'),
    closesAt: at('06-27'),
    maxChoices: 1,
  });
  let season = await s.enrollment.setup.addBatch(coordinator, seasonId, {
    code: 'VOCATIONAL',
    name: '中职批',
    position: 2,
    opensAt: at('07-05'),
    closesAt: at('07-10'),
    maxChoices: 3,
  });
  const batchId = (code: string) => season.batches.find((b) => b.code === code)!.id;
  for (const p of [GENERAL, ...VOCATIONAL])
    season = await s.enrollment.setup.addProgram(coordinator, seasonId, {
      batchId: batchId(p.track === 'general' ? 'GENERAL' : 'VOCATIONAL'),
      code: p.code,
      name: p.name,
      schoolCode: p.school,
      track: p.track,
      quota: p.quota,
      ...(p.minScore === undefined ? {} : { minScore: p.minScore }),
      ...(p.requires ? { requires: p.requires } : {}),
      ...(p.reserved ? { reserved: p.reserved } : {}),
    });
  const programId = new Map(season.programs.map((p) => [p.code, p.id]));

  // 2. The exam office's file in May (the real upload), then the season opens.
  s = on('05-20');
  const candidates = makeCandidates(year);
  await s.enrollment.candidates.importCandidates(coordinator, seasonId, {
    buffer: await candidateFile(candidates, new Date(`${year}-05-18T09:00:00+08:00`)),
    filename: `${year}年中考成绩-考生名单.xlsx`,
  });
  await on('05-25').enrollment.setup.changeState(coordinator, seasonId, 'open');
  const ids = new Map(
    (
      await rt.database.db
        .selectFrom('enrollmentCandidate')
        .select(['id', 'examNumber'])
        .where('seasonId', '=', seasonId)
        .execute()
    ).map((c) => [c.examNumber, c.id]),
  );
  const rand = seededRandom(year * 104_729);

  // 3. 普高批: most candidates apply to 区一中; a few strong and most weak ones go straight to 中职批.
  const straightToVocational = new Set<string>();
  for (const c of candidates)
    if (c.score >= 220 ? rand() < 0.06 : rand() > 0.2) straightToVocational.add(c.exam);
  s = on('06-22');
  await concurrently(
    candidates.filter((c) => !straightToVocational.has(c.exam)),
    (c) =>
      s.enrollment.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
        batchId: batchId('GENERAL'),
        choices: [programId.get(GENERAL.code)!],
      }),
  );
  // A few change their minds before the window closes (kept in the history).
  s = on('06-25');
  for (const c of candidates.filter((x) => straightToVocational.has(x.exam)).slice(0, 3))
    await s.enrollment.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
      batchId: batchId('GENERAL'),
      choices: [programId.get(GENERAL.code)!],
    });
  await matchBatch(rt, on, coordinator, batchId('GENERAL'), ['07-01', '07-02', '07-03']);

  // 4. 中职批: the candidates not placed; most list up to three majors, some none (复读, 外地).
  const placedGeneral = new Set(
    (
      await rt.database.db
        .selectFrom('enrollmentPlacement')
        .select('candidateId')
        .where('seasonId', '=', seasonId)
        .execute()
    ).map((p) => p.candidateId),
  );
  const vocational = candidates
    .filter((c) => !placedGeneral.has(ids.get(c.exam)!) && rand() >= 0.07)
    .map((c) => ({ c, choices: vocationalChoices(rand, c.sex, 1 + Math.floor(rand() * 3)) }));
  s = on('07-06');
  await concurrently(vocational, ({ c, choices }) =>
    s.enrollment.preferences.setPreferences(clerks[c.school]!, ids.get(c.exam)!, {
      batchId: batchId('VOCATIONAL'),
      choices: choices.map((p) => programId.get(p.code)!),
    }),
  );
  await matchBatch(rt, on, coordinator, batchId('VOCATIONAL'), ['07-11', '07-12', '07-13']);

  // 5. 报到 in late August, recorded by each receiving school.
  const placements = await rt.database.db
    .selectFrom('enrollmentPlacement as pl')
    .innerJoin('enrollmentProgram as p', 'p.id', 'pl.programId')
    .innerJoin('orgUnit as o', 'o.id', 'p.schoolId')
    .innerJoin('enrollmentCandidate as c', 'c.id', 'pl.candidateId')
    .select(['pl.candidateId', 'p.track', 'o.code as school'])
    .where('pl.seasonId', '=', seasonId)
    .orderBy('c.examNumber')
    .execute();
  const outcomes = placements.map((p, i) => {
    const declines = rand() < (p.track === 'general' ? 0.03 : 0.08);
    const reasons = DECLINED[p.track];
    return {
      ...p,
      day: p.track === 'general' ? '08-25' : i % 2 === 0 ? '08-26' : '08-27',
      input: declines
        ? { status: 'declined' as const, reason: reasons[Math.floor(rand() * reasons.length)]! }
        : { status: 'registered' as const },
    };
  });
  await concurrently(outcomes, (p) =>
    on(p.day).enrollment.registration.recordRegistration(clerks[p.school]!, p.candidateId, p.input),
  );
  const registered = outcomes.filter((p) => p.input.status === 'registered').length;
  // The plan's dashboards cache their state: show the new 职普比 at once.
  rt.services.plans.invalidate();
  return { candidates: candidates.length, placed: placements.length, registered };
}

/**
 * Calls `fn` on every item, a few at a time: the demo's records of one day are independent of each
 * other, and overlapping the calls keeps the demo's start short.
 */
async function concurrently<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, width = 6) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/** Runs a batch's match as a job (waiting for it), reviews the run and publishes it, on three days. */
async function matchBatch(
  rt: Runtime,
  on: (monthDay: string) => ReturnType<typeof servicesOn>,
  coordinator: Actor,
  batchId: string,
  [runOn, reviewOn, publishOn]: [string, string, string],
) {
  const s = on(runOn);
  const { jobId } = await s.enrollment.matching.startRun(coordinator, batchId);
  await s.jobs.settled(jobId);
  const job = await createJobsService({ db: rt.database.db }).getJob(coordinator, jobId);
  if (job.state !== 'succeeded')
    throw new Error(`The demo's match of batch ${batchId} failed: ${JSON.stringify(job.error)}`);
  const { runId } = job.result as { runId: string };
  await on(reviewOn).enrollment.matching.reviewRun(coordinator, runId);
  await on(publishOn).enrollment.matching.publishRun(coordinator, runId);
}

import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Role } from '@zhijiao/contracts';
import { createUser, login, multipartFile, type Client, type TestContext } from '../../test/test-context.ts';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';

/**
 * A signed-in client that survives the test clock jumping days ahead: it signs in again when the
 * clock has moved more than a few minutes since its last request (sessions expire when idle).
 */
export async function userClient(ctx: TestContext, role: Role, orgCode: string): Promise<Client> {
  const { username } = await createUser(ctx, role, orgCode);
  let current: Client | null = null;
  let at = 0;
  const ensure = async () => {
    const now = ctx.clock.now().getTime();
    if (!current || Math.abs(now - at) > 5 * 60_000) current = await login(ctx, username);
    at = now;
    return current;
  };
  return {
    request: async (o) => (await ensure()).request(o),
    get: async (u) => (await ensure()).get(u),
    post: async (u, p) => (await ensure()).post(u, p),
    put: async (u, p) => (await ensure()).put(u, p),
    patch: async (u, p) => (await ensure()).patch(u, p),
    cookie: '',
    csrf: '',
  };
}

/** The season's subjects in the tests: 语文, 数学, 英语; ties broken by 数学 then 语文. */
export const SUBJECTS = [
  { key: 'chinese', name: '语文' },
  { key: 'math', name: '数学' },
  { key: 'english', name: '英语' },
];
export const HEADERS = [
  '考号',
  '姓名',
  '身份证号',
  '性别',
  '毕业学校代码',
  '语文',
  '数学',
  '英语',
  '政策照顾分',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid resident ID (Changzhi area code) for a test candidate; odd sequence = male. */
export function residentId(seq: number, sex: 'M' | 'F', birth = '20060315'): string {
  const body = `140421${birth}${String(seq * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** One row of the exam office's file, in HEADERS order. */
export type FileRow = Array<string | number | null>;

/** A small .xlsx built with exceljs, as the exam office would send it (`savedAt`: its document dates). */
export async function candidateXlsx(
  rows: FileRow[],
  headers: string[] = HEADERS,
  savedAt = new Date('2021-05-01T00:00:00Z'),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = savedAt;
  wb.modified = savedAt;
  const ws = wb.addWorksheet('考生');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a candidate file to the season's import route. */
export function importFile(client: Client, seasonId: string, file: Buffer, name = '考生名单.xlsx') {
  return client.request({
    method: 'POST',
    url: `/api/enrollment/seasons/${seasonId}/candidate-imports`,
    ...multipartFile(name, file, XLSX),
  });
}

/** The test candidates: exam number, name, sex, junior high, 语文, 数学, 英语, bonus. */
export const CANDIDATES: Array<[string, string, 'M' | 'F', string, number, number, number, number]> = [
  ['210001', '张一', 'M', 'SD-JHS1', 110, 115, 100, 0],
  ['210002', '李二', 'F', 'SD-JHS2', 100, 100, 100, 0],
  ['210003', '王三', 'F', 'SD-JHS1', 100, 110, 90, 0],
  ['210004', '赵四', 'M', 'SD-JHS2', 80, 85, 80, 5],
  ['210005', '钱五', 'F', 'SD-JHS1', 70, 60, 70, 0],
];

/** CANDIDATES as file rows (IDs from `residentId`). */
export function candidateRows(): FileRow[] {
  return CANDIDATES.map(([exam, name, sex, school, c, m, e, bonus], i) => [
    exam,
    name,
    residentId(i + 1, sex),
    sex === 'M' ? '男' : '女',
    school,
    c,
    m,
    e,
    bonus,
  ]);
}

export type Season = {
  id: string;
  state: string;
  batches: Array<{ id: string; code: string; window: string; published: boolean }>;
  programs: Array<{ id: string; code: string }>;
};

/**
 * The standard test season (2021): 普高批 (window 1–10 June) with HS1-GEN (区一中, 2 seats, 1
 * reserved for SD-JHS2); 中职批 (11–20 June) with VHS-WELD (区职业高中, 2 seats) and VEC-BEAUTY
 * (区职教中心, 1 seat, girls only). Candidates imported, season opened. Needs `seedShangdang`.
 */
export async function setUpSeason(ctx: TestContext) {
  const coordinator = await userClient(ctx, 'coordinator', 'SD-EDU');
  const created = await coordinator.post('/api/enrollment/seasons', {
    admissionYear: 2021,
    name: '2021年上党区高中阶段招生',
    subjects: SUBJECTS,
    tieBreak: ['math', 'chinese'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const seasonId = (created.json() as { season: Season }).season.id;
  const batch = async (code: string, name: string, position: number, opensAt: string, closesAt: string) => {
    const res = await coordinator.post(`/api/enrollment/seasons/${seasonId}/batches`, {
      code,
      name,
      position,
      opensAt,
      closesAt,
      maxChoices: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { season: Season }).season.batches.find((b) => b.code === code)!.id;
  };
  const general = await batch('GENERAL', '普高批', 1, '2021-06-01T00:00:00Z', '2021-06-10T00:00:00Z');
  const vocational = await batch('VOCATIONAL', '中职批', 2, '2021-06-11T00:00:00Z', '2021-06-20T00:00:00Z');
  const program = async (body: Record<string, unknown>) => {
    const res = await coordinator.post(`/api/enrollment/seasons/${seasonId}/programs`, body);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { season: Season }).season.programs.find((p) => p.code === body.code)!.id;
  };
  const programs = {
    hs1: await program({
      batchId: general,
      code: 'HS1-GEN',
      name: '普通高中',
      schoolCode: 'SD-HS1',
      track: 'general',
      quota: 2,
      minScore: 250,
      reserved: [{ code: 'R1', capacity: 1, schoolCodes: ['SD-JHS2'] }],
    }),
    weld: await program({
      batchId: vocational,
      code: 'VHS-WELD',
      name: '焊接技术应用',
      schoolCode: 'SD-VHS',
      track: 'vocational',
      quota: 2,
    }),
    beauty: await program({
      batchId: vocational,
      code: 'VEC-BEAUTY',
      name: '美容美发',
      schoolCode: 'SD-VEC',
      track: 'vocational',
      quota: 1,
      requires: { sex: 'F' },
    }),
  };
  const file = await candidateXlsx(candidateRows());
  const imported = await importFile(coordinator, seasonId, file);
  expect(imported.statusCode, imported.body).toBe(200);
  const opened = await coordinator.post(`/api/enrollment/seasons/${seasonId}/opening`);
  expect(opened.statusCode, opened.body).toBe(200);
  const candidates = new Map(
    (
      await ctx.db
        .selectFrom('enrollmentCandidate')
        .select(['id', 'examNumber'])
        .where('seasonId', '=', seasonId)
        .execute()
    ).map((c) => [c.examNumber, c.id]),
  );
  return { coordinator, seasonId, batches: { general, vocational }, programs, candidates, file };
}

export type SeasonFixture = Awaited<ReturnType<typeof setUpSeason>>;

/** Sets choices for a candidate through the junior high's clerk; returns the response. */
export function choose(
  client: Client,
  f: SeasonFixture,
  exam: string,
  batchId: string,
  programIds: string[],
) {
  return client.put(`/api/enrollment/candidates/${f.candidates.get(exam)}/preferences`, {
    batchId,
    choices: programIds,
  });
}

/** Starts a run of the batch, waits for its job, returns the job (with `result.runId`). */
export async function runBatch(ctx: TestContext, f: SeasonFixture, batchId: string) {
  const res = await f.coordinator.post(`/api/enrollment/batches/${batchId}/runs`);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json() as { jobId: string };
  await ctx.services.jobs.settled(jobId);
  const job = (await f.coordinator.get(`/api/jobs/${jobId}`)).json() as {
    job: { state: string; progress: number; result: { runId: string }; error: unknown };
  };
  return { jobId, ...job.job };
}

/** Reviews and publishes a run as the coordinator. */
export async function reviewAndPublish(f: SeasonFixture, runId: string) {
  const reviewed = await f.coordinator.post(`/api/enrollment/runs/${runId}/review`);
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  const published = await f.coordinator.post(`/api/enrollment/runs/${runId}/publication`);
  expect(published.statusCode, published.body).toBe(200);
}

/**
 * A whole season up to placements: preferences in both batches, 普高批 then 中职批 matched and
 * published. Leaves the clock at 2021-06-21 (after both windows). Returns the fixture and clients.
 */
export async function runWholeSeason(ctx: TestContext) {
  const f = await setUpSeason(ctx);
  const jhs1 = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
  const jhs2 = await userClient(ctx, 'unit_clerk', 'SD-JHS2');
  const clerkOf = (exam: string) => (CANDIDATES.find((c) => c[0] === exam)![3] === 'SD-JHS1' ? jhs1 : jhs2);
  ctx.clock.set('2021-06-02T00:00:00Z');
  for (const exam of f.candidates.keys())
    expect((await choose(clerkOf(exam), f, exam, f.batches.general, [f.programs.hs1])).statusCode).toBe(200);
  ctx.clock.set('2021-06-10T00:00:00Z');
  const general = await runBatch(ctx, f, f.batches.general);
  await reviewAndPublish(f, general.result.runId);
  ctx.clock.set('2021-06-12T00:00:00Z');
  const placed = new Set(
    (await ctx.db.selectFrom('enrollmentPlacement').select('candidateId').execute()).map(
      (p) => p.candidateId,
    ),
  );
  for (const [exam, id] of f.candidates)
    if (!placed.has(id))
      expect(
        (await choose(clerkOf(exam), f, exam, f.batches.vocational, [f.programs.beauty, f.programs.weld]))
          .statusCode,
      ).toBe(200);
  ctx.clock.set('2021-06-21T00:00:00Z');
  const vocational = await runBatch(ctx, f, f.batches.vocational);
  await reviewAndPublish(f, vocational.result.runId);
  return {
    f,
    jhs1,
    jhs2,
    runs: { general: general.result.runId, vocational: vocational.result.runId },
    jobs: { general: general.jobId, vocational: vocational.jobId },
  };
}

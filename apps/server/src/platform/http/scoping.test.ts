import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  taskByNumber,
  type Client,
  type TestContext,
  pdfUpload,
} from '../../test/test-context.ts';
import {
  enrollmentScopingRecords,
  enrollmentWriteProbes,
} from '../../modules/enrollment/enrollment.test-records.ts';
import { teacherScopingRecords, teacherWriteProbes } from '../../modules/teachers/teachers.test-records.ts';
import { consultationScopingRecords } from '../../modules/consultation/consultation.test-records.ts';
import { programScopingRecords, programWriteProbes } from '../../modules/programs/programs.test-records.ts';
import { enterpriseScopingRecords } from '../../modules/enterprises/enterprises.test-records.ts';
import { certificationScopingRecords } from '../../modules/certification/certification.test-records.ts';
import { internshipScopingRecords } from '../../modules/internships/internships.test-records.ts';
import { cooperationScopingRecords } from '../../modules/cooperation/cooperation.test-records.ts';
import { trainingBaseScopingRecords } from '../../modules/training-bases/training-bases.test-records.ts';
import { learnerScopingRecords, learnerWriteProbes } from '../../modules/learners/learners.test-records.ts';
import { answerOf } from '../../test/write-probe.ts';
import { readExport } from '../../test/read-export.ts';
import { multipartFile } from '../../test/test-context.ts';
import ExcelJS from 'exceljs';

/**
 * The access matrix of SECURITY.md ("a user sees only their org units' records"): every GET route
 * that takes a record id × every unit clerk × every record of another unit → 404, never 2xx; and
 * the write routes of what a school keeps (teachers, learners, programs, enrolment's preferences
 * and 报到) × every clerk × each record → 404 unseen, 403 seen but
 * not the clerk's school to keep, the owner past the checks.
 */
const PLAN = 'shangdang-vet-2020';
/**
 * Two bureaus, a school, and 区教育局 — the unit the schools sit under: its clerk's scope (its
 * unit's subtree) takes in every school, so it reads their records but keeps none of them.
 */
const CLERK_UNITS = ['SD-HRSS', 'SD-FIN', 'SD-VHS', 'SD-EDU'] as const;
/** Query keys a scope is made of in the repositories: a list must never honour them from a clerk. */
const SCOPE_KEYS = ['unitIds', 'unitId', 'orgUnitId', 'orgUnitIds', 'schoolId', 'schoolIds', 'districtId'];

/**
 * A record behind an `:id` route, with the org units whose users may see it: a clerk sees it when
 * one of `unitIds` is in its scope (its unit's subtree), or when its own unit is one of
 * `ownUnitIds` — a record seen by a unit's own users and not from above (an offer to the placing
 * schools, an upload attached to nothing yet: its uploader's).
 */
type Owned = { id: string; unitIds: string[]; ownUnitIds?: string[] };

/** Whether a clerk of `unitId`, whose scope is `scope`, sees the record. */
const sees = (rec: Owned, unitId: string, scope: Set<string>) =>
  rec.unitIds.some((u) => scope.has(u)) || (rec.ownUnitIds ?? []).includes(unitId);

/**
 * A walk over every route for every clerk: its work grows with the API (each list, export and
 * workbench route), so it gets a budget of its own rather than the default 30 s.
 */
const ROUTE_WALK_MS = 240_000;

describe('org-unit scoping of every record route', () => {
  let ctx: TestContext;
  let planId: string;
  let coordinator: Client;
  /** 区职业高中's upload, attached to no record. */
  let vhsUpload: string;
  const clerks = new Map<string, { client: Client; unitId: string }>();
  const records = new Map<string, Owned[]>();

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    for (const code of CLERK_UNITS) {
      const user = await createUser(ctx, 'unit_clerk', code);
      const unit = await ctx.db
        .selectFrom('orgUnit')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      clerks.set(code, { client: await login(ctx, user.username), unitId: unit.id });
    }
    const periods = (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
      items: Array<{ id: string; current: boolean }>;
    };
    const periodId = periods.items.find((p) => p.current)!.id;
    const upload = async (client: Client, name: string) => {
      const res = await client.request({ method: 'POST', url: '/api/files', ...pdfUpload(name) });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    // Each unit reports on tasks it is responsible for: 区人社局 leads （十）, 区财政局 leads
    // （二十）, both cooperate on （二）; 区职业高中 is responsible for no task and only uploads.
    const write = async (code: string, taskNumber: number) => {
      const { client } = clerks.get(code)!;
      const fileId = await upload(client, `${code}-${taskNumber}.pdf`);
      const task = await taskByNumber(ctx, planId, taskNumber);
      const res = await client.post('/api/progress-reports', {
        taskId: task.id,
        periodId,
        progress: 'on_track',
        narrative: `${code} 第${taskNumber}项进展`,
        fileIds: [fileId],
        submit: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await write('SD-HRSS', 10);
    await write('SD-HRSS', 2);
    await write('SD-FIN', 20);
    await write('SD-FIN', 2);
    vhsUpload = await upload(clerks.get('SD-VHS')!.client, 'vhs.pdf');
    await upload(coordinator, 'edu.pdf');

    // A unit is involved in a task as a responsible unit or as the unit one of its milestones names.
    const taskUnits = [
      ...(await ctx.db.selectFrom('taskUnit').select(['taskId', 'orgUnitId']).execute()),
      ...(await ctx.db
        .selectFrom('milestone')
        .select(['taskId', 'orgUnitId'])
        .where('orgUnitId', 'is not', null)
        .execute()),
    ] as Array<{ taskId: string; orgUnitId: string }>;
    const unitsOf = (taskId: string) => taskUnits.filter((u) => u.taskId === taskId).map((u) => u.orgUnitId);
    const tasks = await ctx.db.selectFrom('planTask').select('id').where('planId', '=', planId).execute();
    const indicators = await ctx.db.selectFrom('indicator').select(['id', 'taskId']).execute();
    const reports = await ctx.db.selectFrom('progressReport').select(['id', 'orgUnitId']).execute();
    const files = await ctx.db.selectFrom('storedFile').select(['id', 'orgUnitId']).execute();
    records.set(
      '/api/tasks/:id',
      tasks.map((t) => ({ id: t.id, unitIds: unitsOf(t.id) })),
    );
    records.set(
      '/api/indicators/:id',
      indicators.map((i) => ({ id: i.id, unitIds: unitsOf(i.taskId) })),
    );
    records.set(
      '/api/progress-reports/:id',
      reports.map((r) => ({ id: r.id, unitIds: [r.orgUnitId] })),
    );
    // A file is read through a record it is attached to (here the reports, their units'); one
    // attached to nothing by its uploader only (区职业高中's clerk's vhs.pdf; the coordinator's
    // edu.pdf, no clerk's).
    const attached = new Set(
      (await ctx.db.selectFrom('progressReportFile').select('fileId').execute()).map((a) => a.fileId),
    );
    records.set(
      '/api/files/:id',
      files.map((f) =>
        attached.has(f.id)
          ? { id: f.id, unitIds: [f.orgUnitId] }
          : { id: f.id, unitIds: [], ownUnitIds: f.id === vhsUpload ? [f.orgUnitId] : [] },
      ),
    );
    expect(reports).toHaveLength(4);
    expect(files).toHaveLength(6);

    // Joint meetings: one 区人社局 and 区财政局 attend, with minutes issued (to every member) and a
    // decision for each; one only 区财政局 attends.
    const unitId = (code: string) => clerks.get(code)?.unitId;
    const meeting = async (members: string[], decide: boolean) => {
      const created = await coordinator.post('/api/meetings', {
        title: `联席会议 ${members.join('、')}`,
        meetingDate: '2021-05-20',
        location: '',
        chair: '',
        memberUnitIds: members.map(unitId),
        agenda: [],
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { meeting: { id: string } }).meeting.id;
      if (!decide) return id;
      await coordinator.post(`/api/meetings/${id}/preparation`);
      const units = members.map((c) => ({ unitId: unitId(c), present: true, attendees: '参会人' }));
      expect((await coordinator.post(`/api/meetings/${id}/attendance`, { units })).statusCode).toBe(200);
      for (const c of members)
        await coordinator.post(`/api/meetings/${id}/decisions`, {
          decision: `${c} 落实事项`,
          responsibleUnitId: unitId(c),
          deadline: '2021-06-30',
        });
      expect((await coordinator.post(`/api/meetings/${id}/minutes`, { summary: '' })).statusCode).toBe(200);
      return id;
    };
    const held = await meeting(['SD-HRSS', 'SD-FIN'], true);
    const other = await meeting(['SD-FIN'], false);
    const convener = (await ctx.db.selectFrom('meeting').select('conveningUnitId').executeTakeFirstOrThrow())
      .conveningUnitId;
    records.set('/api/meetings/:id', [
      { id: held, unitIds: [unitId('SD-HRSS')!, unitId('SD-FIN')!, convener] },
      { id: other, unitIds: [unitId('SD-FIN')!, convener] },
    ]);
    const items = await ctx.db.selectFrom('actionItem').select(['id', 'responsibleUnitId']).execute();
    records.set(
      '/api/action-items/:id',
      items.map((i) => ({ id: i.id, unitIds: [i.responsibleUnitId] })),
    );
    records.set('/api/meetings/:id/minutes.docx', records.get('/api/meetings/:id')!.slice(0, 1));
    records.set('/api/meetings/:id/minutes.pdf', records.get('/api/meetings/:id')!.slice(0, 1));

    // Supervision: an inspection (run by the coordinator) with a finding and an order for 区人社局
    // (about its task （十）) and for 区财政局; each unit sees its own and the inspection, published.
    const sup = await coordinator.post('/api/supervision/inspections', {
      kind: 'special',
      title: '专项督导',
      startsOn: '2021-05-10',
      endsOn: '2021-05-20',
    });
    expect(sup.statusCode, sup.body).toBe(201);
    const inspectionId = (sup.json() as { inspection: { id: string } }).inspection.id;
    await coordinator.post(`/api/supervision/inspections/${inspectionId}/start`);
    const supFindings: Owned[] = [];
    const supOrders: Owned[] = [];
    for (const [code, body] of [
      ['SD-HRSS', { subjectType: 'task', subjectId: (await taskByNumber(ctx, planId, 10)).id }],
      ['SD-FIN', { subjectType: 'other', subjectLabel: '经费' }],
    ] as const) {
      const f = await coordinator.post(`/api/supervision/inspections/${inspectionId}/findings`, {
        ...body,
        orgUnitId: unitId(code),
        title: `${code} 问题`,
        severity: 'general',
      });
      expect(f.statusCode, f.body).toBe(201);
      const findingId = (f.json() as { finding: { id: string } }).finding.id;
      const o = await coordinator.post(`/api/supervision/findings/${findingId}/order`, {
        requirements: '限期整改',
        dueDate: '2021-06-30',
      });
      expect(o.statusCode, o.body).toBe(201);
      supFindings.push({ id: findingId, unitIds: [unitId(code)!] });
      supOrders.push({ id: (o.json() as { order: { id: string } }).order.id, unitIds: [unitId(code)!] });
    }
    await coordinator.post(`/api/supervision/inspections/${inspectionId}/completion`, { conclusion: '' });
    const published = await coordinator.post(`/api/supervision/inspections/${inspectionId}/publication`);
    expect(published.statusCode, published.body).toBe(200);
    // The units it concerns (findings addressed to them); the convener's coordinator reads it as
    // the district's reader, not as a clerk of 区教育局 (supervision.policy.ts).
    const concerned = [unitId('SD-HRSS')!, unitId('SD-FIN')!];
    records.set('/api/supervision/inspections/:id', [{ id: inspectionId, unitIds: concerned }]);
    records.set('/api/supervision/inspections/:id/interviews', [{ id: inspectionId, unitIds: concerned }]);
    records.set('/api/supervision/inspections/:id/report.docx', [{ id: inspectionId, unitIds: concerned }]);
    records.set('/api/supervision/inspections/:id/report.pdf', [{ id: inspectionId, unitIds: concerned }]);
    records.set('/api/supervision/findings/:id', supFindings);
    records.set('/api/supervision/orders/:id', supOrders);
    const publicReport = [
      { id: (published.json() as { id: string }).id, unitIds: [...clerks.values()].map((c) => c.unitId) },
    ];
    records.set('/api/public/supervision-reports/:id', publicReport);
    records.set('/api/public/supervision-reports/:id/report.pdf', publicReport);
    // A penalty (奖惩) against 区人社局: a list route whose scope once came from a spread query.
    const penalty = await coordinator.post('/api/supervision/sanctions', {
      orgUnitId: unitId('SD-HRSS'),
      kind: 'penalty',
      year: 2021,
      points: 5,
      title: '整改不力',
      ground: 'order_overdue',
      groundsText: '逾期未整改',
      refs: [],
      decidedOn: '2021-05-19',
    });
    expect(penalty.statusCode, penalty.body).toBe(201);
    for (const [url, owned] of await enrollmentScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await teacherScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await consultationScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await programScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await enterpriseScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await internshipScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await cooperationScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await certificationScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await trainingBaseScopingRecords(ctx)) records.set(url, owned);
    for (const [url, owned] of await learnerScopingRecords(ctx)) records.set(url, owned);
  });
  afterAll(() => ctx?.close());

  /** A clerk's unit and everything under it, from the org tree itself. */
  async function subtree(unitId: string): Promise<Set<string>> {
    const units = await ctx.db.selectFrom('orgUnit').select(['id', 'parentId']).execute();
    const out = new Set([unitId]);
    for (let grew = true; grew;) {
      grew = false;
      for (const u of units)
        if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
          out.add(u.id);
          grew = true;
        }
    }
    return out;
  }

  const idRoutes = () => ctx.routes.filter((r) => r.method === 'GET' && r.url.includes(':id'));

  /**
   * A clerk's GET answer to a URL, asked once for the whole file: the walks below read the same
   * records and lists (nothing here writes after `beforeAll`), so a later walk checks the answer an
   * earlier one received instead of asking again.
   */
  const answers = new Map<string, Promise<{ statusCode: number; body: string }>>();
  function read(code: string, client: Client, url: string) {
    const key = `${code} ${url}`;
    if (!answers.has(key))
      answers.set(
        key,
        client.get(url).then((res) => ({ statusCode: res.statusCode, body: res.body })),
      );
    return answers.get(key)!;
  }

  const uuids = (body: string) =>
    new Set(body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
  const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

  /**
   * Whether a list answers the coordinator (who sees every unit) with other records with `query`
   * than without: the ids are what the walk compares (an export's file differs by its timestamp).
   */
  const honouredAnswers = new Map<string, Promise<boolean>>();
  function honoured(url: string, query: string): Promise<boolean> {
    const key = `${url}?${query}`;
    if (!honouredAnswers.has(key))
      honouredAnswers.set(
        key,
        (async () => {
          const [plain, tricked] = [await read('coordinator', coordinator, url), await coordinator.get(key)];
          return plain.statusCode !== tricked.statusCode || !sameSet(uuids(plain.body), uuids(tricked.body));
        })(),
      );
    return honouredAnswers.get(key)!;
  }

  it('knows the records behind every GET route that takes an id', () => {
    const urls = idRoutes().map((r) => r.url);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const url of urls) expect(records.has(url), `no records listed for ${url}`).toBe(true);
  });

  it(
    'answers 404 to every clerk for every other unit’s record, and 200 for their own',
    async () => {
      const unauthorised: string[] = [];
      const refusedOwn: string[] = [];
      let denied = 0;
      let allowed = 0;
      for (const [code, { client, unitId }] of clerks) {
        const scope = await subtree(unitId);
        for (const route of idRoutes()) {
          for (const rec of records.get(route.url)!) {
            const res = await read(code, client, route.url.replace(':id', rec.id));
            const visible = sees(rec, unitId, scope);
            if (!visible) {
              denied++;
              if (res.statusCode !== 404)
                unauthorised.push(`${code} ${route.url} ${rec.id} → ${res.statusCode}`);
            } else {
              allowed++;
              if (res.statusCode !== 200)
                refusedOwn.push(`${code} ${route.url} ${rec.id} → ${res.statusCode}`);
            }
          }
        }
      }
      expect(unauthorised).toEqual([]);
      expect(refusedOwn).toEqual([]);
      expect(denied).toBeGreaterThan(50);
      expect(allowed).toBeGreaterThan(20);
    },
    ROUTE_WALK_MS,
  );

  it(
    'never widens a list when a clerk adds scope-looking query parameters, declared or not',
    async () => {
      const lists = ctx.routes.filter(
        (r) => r.method === 'GET' && !r.url.includes(':') && r.url.startsWith('/api/'),
      );
      expect(lists.length).toBeGreaterThan(30);
      const widened: string[] = [];
      let separately = 0;
      for (const [code, { client }] of clerks) {
        // Another clerk's unit: 区财政局 for 区人社局, 区职业高中 for 区财政局, 区教育局 for 区职业高中
        // (its parent), 区人社局 for 区教育局.
        const codes = [...clerks.keys()];
        const foreign = clerks.get(codes[(codes.indexOf(code) + 1) % codes.length]!)!.unitId;
        for (const route of lists) {
          const plain = await read(code, client, route.url);
          if (plain.statusCode !== 200) continue;
          const allowed = uuids(plain.body);
          const check = (query: string, body: string) => {
            const leaked = [...uuids(body)].filter((u) => !allowed.has(u) && u !== foreign);
            if (leaked.length > 0) widened.push(`${code} ${route.url}?${query}: ${leaked.length} more`);
          };
          // Once as a value, once as a list (a repeated key arrives as an array): every key in one
          // request first. Each key alone only when that request tells nothing: refused, or answered
          // otherwise than without the keys, or a key is a filter the route honours (the
          // coordinator's answer changes), which could narrow away what another key widened.
          for (const form of [
            (key: string) => `${key}=${foreign}`,
            (key: string) => `${key}=${foreign}&${key}=${foreign}`,
          ]) {
            const all = SCOPE_KEYS.map(form).join('&');
            const tricked = await client.get(`${route.url}?${all}`);
            check(all, tricked.body);
            if (
              tricked.statusCode === 200 &&
              sameSet(uuids(tricked.body), allowed) &&
              !(await honoured(route.url, all))
            )
              continue;
            separately++;
            for (const key of SCOPE_KEYS) {
              const one = form(key);
              check(one, (await client.get(`${route.url}?${one}`)).body);
            }
          }
        }
      }
      expect(widened).toEqual([]);
      // The shortcut must not become the rule: lists that honour a key are still tried key by key.
      expect(separately).toBeGreaterThan(0);
    },
    ROUTE_WALK_MS,
  );

  it('exports to a clerk only their own school’s learners, and lets no clerk import into a register not theirs', async () => {
    // The export is a zipped workbook: the walks above see no ids in it, so its rows are read here.
    const vec = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD-VEC').executeTakeFirstOrThrow()
    ).id;
    const names: Record<string, string[]> = {};
    for (const [code, { client }] of clerks)
      for (const query of ['', `?schoolId=${vec}`]) {
        const res = await client.get(`/api/learners/export.xlsx${query}`);
        expect(res.statusCode, code).toBe(200);
        (names[code] ??= []).push(...(await readExport(res)).rows.map((r) => r[1]!));
      }
    // 区教育局's clerk reads the learners of the schools under it (it keeps none of them), in the
    // register's order: by school id, which is random, so either school may come first.
    const vhs = clerks.get('SD-VHS')!.unitId;
    const both = vec < vhs ? ['SD-VEC 学生', 'SD-VHS 学生'] : ['SD-VHS 学生', 'SD-VEC 学生'];
    expect(names).toEqual({
      'SD-HRSS': [],
      'SD-FIN': [],
      'SD-VHS': ['SD-VHS 学生'],
      'SD-EDU': [...both, 'SD-VEC 学生'],
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学籍导入');
    ws.addRow([
      '姓名',
      '身份证号',
      '性别',
      '专业代码',
      '专业名称',
      '班级',
      '入学年份',
      '学籍状态',
      '状态日期',
    ]);
    ws.addRow(['越权', '140421200501010010', '男', '660301', '焊接技术应用', '', '2019', '在籍', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const answers: Record<string, number> = {};
    for (const [code, { client }] of [...clerks, ['coordinator', { client: coordinator }] as const])
      answers[code] = (
        await client.request({
          method: 'POST',
          url: '/api/learners/imports',
          ...multipartFile('学籍.xlsx', file),
        })
      ).statusCode;
    // 区职业高中's own register takes the file but for its bad ID (nothing written); no other unit keeps one.
    // 区教育局's clerk sees the schools but keeps no register.
    expect(answers).toEqual({
      'SD-HRSS': 403,
      'SD-FIN': 403,
      'SD-VHS': 400,
      'SD-EDU': 403,
      coordinator: 403,
    });
    expect(await ctx.db.selectFrom('learner').select('id').where('name', '=', '越权').execute()).toEqual([]);
  });

  it('hides a plan’s final evaluation (a draft, or none yet) and its report from every clerk', async () => {
    const routes = ctx.routes.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/plans/:code/') && /evaluation/.test(r.url),
    );
    expect(routes.map((r) => r.url).sort()).toEqual([
      '/api/plans/:code/evaluation',
      '/api/plans/:code/final-evaluation.docx',
      '/api/plans/:code/final-evaluation.pdf',
    ]);
    const shown: string[] = [];
    for (const [code, { client }] of clerks)
      for (const route of routes) {
        const res = await client.get(route.url.replace(':code', PLAN));
        if (res.statusCode !== 404) shown.push(`${code} ${route.url} → ${res.statusCode}`);
      }
    expect(shown).toEqual([]);
    expect((await coordinator.get(`/api/plans/${PLAN}/evaluation`)).statusCode).toBe(200);
  });

  it(
    'lets the coordinator read every record, but no upload attached to nothing they read',
    async () => {
      const refused: string[] = [];
      for (const route of idRoutes())
        for (const rec of records.get(route.url)!) {
          // A file is read through the record it is attached to (platform/files/attachments.ts).
          if (rec.id === vhsUpload) continue;
          const res = await coordinator.get(route.url.replace(':id', rec.id));
          if (res.statusCode !== 200) refused.push(`${route.url} ${rec.id} → ${res.statusCode}`);
        }
      expect(refused).toEqual([]);
      expect((await coordinator.get(`/api/files/${vhsUpload}`)).statusCode).toBe(404);
    },
    ROUTE_WALK_MS,
  );

  it('shows a clerk’s dashboard only the tasks its unit is involved in (responsible, or named by a milestone)', async () => {
    for (const [code, { client, unitId }] of clerks) {
      const viaUnits = await ctx.db
        .selectFrom('taskUnit')
        .innerJoin('planTask', 'planTask.id', 'taskUnit.taskId')
        .select('planTask.id')
        .where('taskUnit.orgUnitId', '=', unitId)
        .where('planTask.planId', '=', planId)
        .execute();
      const viaMilestones = await ctx.db
        .selectFrom('milestone')
        .select('taskId as id')
        .where('orgUnitId', '=', unitId)
        .where('planId', '=', planId)
        .execute();
      const own = [...new Map([...viaUnits, ...viaMilestones].map((t) => [t.id, t])).values()];
      const res = await client.get(`/api/plans/${PLAN}/dashboard`);
      expect(res.statusCode, code).toBe(200);
      const dash = res.json() as {
        kpis: { tasks: number };
        sections: Array<{ tasks: Array<{ id: string }> }>;
      };
      const shown = dash.sections.flatMap((s) => s.tasks.map((t) => t.id));
      expect(shown.sort(), code).toEqual(own.map((t) => t.id).sort());
      expect(dash.kpis.tasks, code).toBe(own.length);
      // 区职业高中 leads no task, but milestones of tasks （二） and （三） name it.
      if (code === 'SD-VHS') expect(own.length, code).toBe(2);
      expect(own.length, code).toBeGreaterThan(0);
    }
    const all = (await coordinator.get(`/api/plans/${PLAN}/dashboard`)).json() as { kpis: { tasks: number } };
    expect(all.kpis.tasks).toBe(21);
  });

  it('lists to a clerk only their own unit’s reports; the coordinator sees all four', async () => {
    for (const [code, { client, unitId }] of clerks) {
      const res = await client.get('/api/progress-reports');
      const items = (res.json() as { items: Array<{ unit: { id: string; code: string } }> }).items;
      expect(
        items.every((r) => r.unit.id === unitId),
        code,
      ).toBe(true);
      // 区职业高中 and 区教育局 wrote none (the coordinator, also of 区教育局, wrote none either).
      expect(items.length, code).toBe(code === 'SD-HRSS' || code === 'SD-FIN' ? 2 : 0);
    }
    const all = (await coordinator.get('/api/progress-reports')).json() as { items: unknown[] };
    expect(all.items).toHaveLength(4);
  });

  it(
    'never puts another unit’s report, file, task or indicator id in any GET answer to a clerk',
    async () => {
      const leaks: string[] = [];
      const plain = ctx.routes.filter(
        (r) =>
          r.method === 'GET' &&
          r.url.startsWith('/api/') &&
          !r.url.includes(':id') &&
          !r.url.startsWith('/api/docs'),
      );
      for (const [code, { client, unitId }] of clerks) {
        const scope = await subtree(unitId);
        // An id is foreign when no route shows it to this clerk (a consultation is public on the
        // portal routes though its editor routes are closed to clerks: that id is not foreign).
        const all = [...records.values()].flat();
        const visible = new Set(all.filter((r) => sees(r, unitId, scope)).map((r) => r.id));
        const foreign = all.filter((r) => !visible.has(r.id));
        const urls = plain.map((r) => r.url.replace(':code', PLAN));
        for (const route of idRoutes())
          for (const rec of records.get(route.url)!)
            if (sees(rec, unitId, scope)) urls.push(route.url.replace(':id', rec.id));
        for (const url of urls) {
          const res = await read(code, client, url);
          if (res.statusCode >= 400) continue;
          for (const rec of foreign) if (res.body.includes(rec.id)) leaks.push(`${code} ${url} ⊃ ${rec.id}`);
        }
      }
      expect(leaks).toEqual([]);
    },
    ROUTE_WALK_MS,
  );

  /**
   * The write routes of the records a school keeps, with those the walk leaves out and why: every
   * POST/PUT/PATCH route of teachers, 双师型 applications, learners, programs (majors, courses,
   * textbooks, projects, resources) and the clerks' enrolment routes (preferences, 报到) is one or
   * the other; 招生办's enrolment routes need `enrollment.manage`, which no clerk holds (routes.test.ts).
   */
  const WRITE_PREFIXES = [
    '/api/teachers',
    '/api/dq-applications',
    '/api/learners',
    '/api/dq-settings',
    '/api/majors',
    '/api/courses',
    '/api/textbooks',
    '/api/program-projects',
    '/api/teaching-resources',
    '/api/programs',
    '/api/enrollment/candidates',
    '/api/enrollment/registrations',
  ];
  const WRITES_LEFT_OUT: Record<string, string> = {
    'PUT /api/dq-settings': 'the district’s setting, no record (dq-settings.test.ts)',
    'PUT /api/programs/settings': 'the district’s setting, no record (majors.test.ts)',
    'PUT /api/textbooks/:id':
      'no GET route of its own, so no records here: its course’s school decides (programs/bureau-clerk.test.ts)',
    'POST /api/learners/imports':
      'into the clerk’s own school only, whatever the file: the export/import test above',
  };

  // Last in the file: the owner's clear ID views write audit rows (nothing else is written).
  it(
    'answers every clerk on the schools’ write routes (teachers, learners, programs, preferences, 报到) by the record’s school: 404 unseen, 403 seen but not kept',
    async () => {
      const probes = [
        ...(await teacherWriteProbes(ctx)),
        ...learnerWriteProbes(),
        ...(await programWriteProbes(ctx)),
        ...enrollmentWriteProbes(),
      ];
      const writes = ctx.routes
        .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))
        .filter((r) => WRITE_PREFIXES.some((p) => r.url === p || r.url.startsWith(`${p}/`)))
        .map((r) => `${r.method} ${r.url}`);
      const covered = [...probes.map((p) => `${p.method} ${p.url}`), ...Object.keys(WRITES_LEFT_OUT)];
      expect(writes.sort()).toEqual(covered.sort());

      const wrong: string[] = [];
      const cells = { own: 0, seen: 0, unseen: 0 };
      for (const [code, { client, unitId }] of clerks) {
        const scope = await subtree(unitId);
        for (const probe of probes)
          for (const rec of records.get(probe.records)!.filter((r) => probe.only?.(r) ?? true)) {
            const kind = rec.unitIds.includes(unitId) ? 'own' : sees(rec, unitId, scope) ? 'seen' : 'unseen';
            if (kind === 'own' && probe.own === null) continue;
            cells[kind]++;
            const expected =
              kind === 'own'
                ? probe.own
                : kind === 'seen'
                  ? (probe.seen ?? '403 FORBIDDEN')
                  : (probe.unseen ?? '404 NOT_FOUND');
            const { payload, headers } = probe.request(rec);
            const res = await client.request({
              method: probe.method,
              url: probe.url.replace(':id', rec.id),
              payload: payload as string,
              headers,
            });
            const answer = answerOf(res);
            if (answer !== expected)
              wrong.push(`${code} ${probe.method} ${probe.url} ${kind}: ${answer}, not ${expected}`);
          }
      }
      expect(wrong).toEqual([]);
      // 区职业高中's clerk keeps its records, 区教育局's sees both schools' and keeps none.
      expect(cells.own).toBeGreaterThan(0);
      expect(cells.seen).toBeGreaterThanOrEqual(2 * probes.length);
      expect(cells.unseen).toBeGreaterThan(cells.own);
    },
    ROUTE_WALK_MS,
  );
});

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

const PLAN = 'shangdang-vet-2020';
type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string; details?: unknown } }).error;
const details = (res: Res) =>
  (errorOf(res).details ?? []) as Array<{ field: string; code: string; message: string }>;
type Report = {
  id: string;
  state: string;
  files: unknown[];
  values: unknown[];
  events: Array<{ action: string; comment: string | null }>;
};
const reportOf = (res: Res) => (res.json() as { report: Report }).report;
type Dashboard = {
  kpis: { tasksOnTrackShare: number; pendingReviews: number };
  sections: Array<{
    tasks: Array<{ label: string; progress: string | null; lastReportedPeriod: string | null }>;
  }>;
};
type Indicator = {
  id: string;
  code: string;
  latestValue: number | null;
  status: string;
  kind: string;
  periods: Array<{ label: string; status: string }>;
};

describe('progress reports through HTTP', () => {
  let ctx: TestContext;
  let planId: string;
  let coordinator: Client;
  let hrss: Client;
  let fin: Client;
  let periodId: string;
  let futurePeriodId: string;
  let pastPeriodId: string;
  const task = async (n: number) => (await taskByNumber(ctx, planId, n)).id;
  /** People act minutes apart; steps of one request share a timestamp. */
  const later = () => ctx.clock.advance(2 * 60_000);
  const indicatorId = async (code: string) =>
    (await ctx.db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const upload = async (client: Client, name: string) => {
    const res = await client.request({ method: 'POST', url: '/api/files', ...pdfUpload(name) });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const dashboard = async () => (await coordinator.get(`/api/plans/${PLAN}/dashboard`)).json() as Dashboard;
  const taskRow = (d: Dashboard, label: string) =>
    d.sections.flatMap((s) => s.tasks).find((t) => t.label === label)!;
  const indicator = async (id: string) =>
    ((await coordinator.get(`/api/plans/${PLAN}/indicators`)).json() as { items: Indicator[] }).items.find(
      (i) => i.id === id,
    );
  const valuesOf = (id: string) =>
    ctx.db.selectFrom('indicatorValue').selectAll().where('indicatorId', '=', id).execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    fin = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    const periods = (
      (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
        items: Array<{ id: string; label: string; current: boolean; startsOn: string }>;
      }
    ).items;
    const current = periods.find((p) => p.current)!;
    expect(current.label).toBe('2021年第2季度');
    periodId = current.id;
    futurePeriodId = periods.find((p) => p.startsOn > current.startsOn)!.id;
    pastPeriodId = periods.find((p) => p.label === '2021年第1季度')!.id;
  });
  afterAll(() => ctx?.close());

  it('takes a report from draft to approved and moves the dashboard, history and audit trail', async () => {
    const fileId = await upload(hrss, '职业技能培训台账.pdf');
    const created = await hrss.post('/api/progress-reports', {
      taskId: await task(10),
      periodId,
      progress: 'on_track',
      narrative: '本季度开展职业技能提升培训 12 期，培训 860 人次。',
      fileIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = reportOf(created);
    expect(draft).toMatchObject({ state: 'draft', progress: 'on_track' });
    expect(draft.files).toEqual([expect.objectContaining({ id: fileId, name: '职业技能培训台账.pdf' })]);
    expect(taskRow(await dashboard(), '（十）').progress).toBeNull();

    later();
    const submitted = await hrss.post(`/api/progress-reports/${draft.id}/submission`);
    expect(reportOf(submitted).state).toBe('submitted');
    const queue = (await coordinator.get('/api/progress-reports?state=submitted')).json() as {
      items: Array<{ id: string; abilities: { review: boolean } }>;
    };
    expect(queue.items.map((r) => r.id)).toEqual([draft.id]);
    expect(queue.items[0]!.abilities.review).toBe(true);
    expect((await dashboard()).kpis.pendingReviews).toBe(1);

    later();
    const approved = await coordinator.post(`/api/progress-reports/${draft.id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    const report = reportOf(approved);
    expect(report.state).toBe('approved');
    expect(report.events.map((e) => e.action)).toEqual(['created', 'submitted', 'approved']);
    const row = taskRow(await dashboard(), '（十）');
    expect(row).toMatchObject({ progress: 'on_track', lastReportedPeriod: '2021年第2季度' });

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'result'])
      .where('objectId', '=', draft.id)
      .orderBy('seq')
      .execute();
    const actions = audit.map((a) => a.action).join(' ');
    expect(actions).toBe('progress.created progress.submitted progress.approved');
    expect(audit.every((a) => a.result === 'success')).toBe(true);
    expect(audit[2]!.actorName).not.toBe(audit[0]!.actorName);
  });

  it('records an approved indicator value: latest value, status, history and indicator_value row', async () => {
    const ind = await indicatorId('T20-PER-STUDENT');
    // Nothing reported for 2020, a year now over: the yearly target is missed before any report.
    expect(await indicator(ind)).toMatchObject({ latestValue: null, status: 'off_track' });
    const created = await fin.post('/api/progress-reports', {
      taskId: await task(20),
      periodId,
      progress: 'on_track',
      narrative: '2021 年公办中职生均拨款已按 8200 元/生下达。',
      values: [{ indicatorId: ind, value: 8200, note: '预算批复' }],
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = reportOf(created).id;
    expect(reportOf(created).values).toEqual([expect.objectContaining({ indicatorId: ind, value: 8200 })]);
    // Written and submitted in one request, at one instant: the history still reads in order.
    expect(reportOf(created).events.map((e) => e.action)).toEqual(['created', 'submitted']);
    expect(await valuesOf(ind)).toEqual([]);
    expect((await coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(200);
    // 每年达到: 2021 is met, but 2020 has no value, so the yearly target is already missed.
    expect(await indicator(ind)).toMatchObject({ latestValue: 8200, status: 'off_track' });
    expect((await indicator(ind))?.periods.map((p) => `${p.label}:${p.status}`)).toEqual([
      '2020年度:off_track',
      '2021年度:met',
      '2022年度:no_data',
    ]);
    expect(await valuesOf(ind)).toEqual([expect.objectContaining({ periodId, value: 8200, reportId: id })]);
    const detail = (await fin.get(`/api/indicators/${ind}`)).json() as {
      history: Array<{ periodId: string; value: number }>;
    };
    expect(detail.history).toEqual([expect.objectContaining({ periodId, value: 8200 })]);
    expect(taskRow(await dashboard(), '（二十）').progress).toBe('on_track');
  });

  it('refuses reports from units not responsible: 404 when the task is hidden, 403 when visible', async () => {
    const body = { periodId, progress: 'on_track', narrative: '越权填报' };
    const hidden = await fin.post('/api/progress-reports', { ...body, taskId: await task(4) });
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden).code).toBe('NOT_FOUND');
    // A clerk of the district office sees every task (its subtree) but is responsible for none.
    const district = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD')).username);
    expect((await district.get(`/api/tasks/${await task(4)}`)).statusCode).toBe(200);
    const visible = await district.post('/api/progress-reports', { ...body, taskId: await task(4) });
    expect(visible.statusCode).toBe(403);
    expect(errorOf(visible).code).toBe('PROGRESS_NOT_RESPONSIBLE');
    const viewer = await login(ctx, (await createUser(ctx, 'viewer', 'SD-EDU')).username);
    const read = await viewer.post('/api/progress-reports', { ...body, taskId: await task(4) });
    expect([read.statusCode, errorOf(read).code]).toEqual([403, 'FORBIDDEN']);
    expect(
      await ctx.db.selectFrom('progressReport').select('id').where('narrative', '=', '越权填报').execute(),
    ).toEqual([]);
  });

  it('enforces the review state machine: return needs a comment, then edit, resubmit, approve once', async () => {
    const created = await hrss.post('/api/progress-reports', {
      taskId: await task(1),
      periodId,
      progress: 'at_risk',
      narrative: '思政微课建设滞后。',
    });
    const id = reportOf(created).id;
    const early = await coordinator.post(`/api/progress-reports/${id}/approval`);
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'PROGRESS_INVALID_TRANSITION']);
    later();
    await hrss.post(`/api/progress-reports/${id}/submission`);
    later();

    const empty = await coordinator.post(`/api/progress-reports/${id}/return`, { comment: '' });
    expect([empty.statusCode, errorOf(empty).code]).toEqual([400, 'VALIDATION_FAILED']);
    const blank = await coordinator.post(`/api/progress-reports/${id}/return`, { comment: '   ' });
    expect([blank.statusCode, errorOf(blank).code]).toEqual([400, 'PROGRESS_RETURN_COMMENT_REQUIRED']);
    const returned = await coordinator.post(`/api/progress-reports/${id}/return`, {
      comment: '请补充微课清单',
    });
    expect(reportOf(returned)).toMatchObject({ state: 'returned' });
    expect((await coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(409);

    later();
    const edited = await hrss.put(`/api/progress-reports/${id}`, {
      progress: 'on_track',
      narrative: '已补充：本季度建成思政微课 6 门，清单见附件。',
      submit: true,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(reportOf(edited)).toMatchObject({ state: 'submitted', progress: 'on_track' });
    later();
    expect((await coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(200);
    const twice = await coordinator.post(`/api/progress-reports/${id}/approval`);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'PROGRESS_INVALID_TRANSITION']);
    const locked = await hrss.put(`/api/progress-reports/${id}`, { progress: 'behind', narrative: '改' });
    expect(locked.statusCode).toBe(409);

    const final = reportOf(await hrss.get(`/api/progress-reports/${id}`));
    const history = final.events.map((e) => e.action).join(' ');
    expect(history).toBe('created submitted returned updated submitted approved');
    expect(final.events[2]!.comment).toBe('请补充微课清单');
    const row = await ctx.db.selectFrom('progressReport').selectAll().where('id', '=', id).executeTakeFirst();
    expect(row).toMatchObject({ state: 'approved', progress: 'on_track', reviewComment: null });
  });

  it('lets no reviewer approve a report they wrote themselves', async () => {
    const body = {
      taskId: await task(4),
      periodId,
      progress: 'on_track',
      narrative: '推进中。',
      submit: true,
    };
    const own = reportOf(await coordinator.post('/api/progress-reports', body));
    const self = await coordinator.post(`/api/progress-reports/${own.id}/approval`);
    expect([self.statusCode, errorOf(self).code]).toEqual([403, 'SELF_REVIEW']);
  });

  it('lets no reviewer approve or return a report of another account that they edited or submitted', async () => {
    const eduClerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-EDU')).username);
    const secondCoordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const draftOf = async (n: number) => {
      const res = await eduClerk.post('/api/progress-reports', {
        taskId: await task(n),
        periodId: pastPeriodId,
        progress: 'behind',
        narrative: '初稿。',
      });
      expect(res.statusCode, res.body).toBe(201);
      return reportOf(res).id;
    };
    const refused = async (id: string) => {
      const approve = await coordinator.post(`/api/progress-reports/${id}/approval`);
      const giveBack = await coordinator.post(`/api/progress-reports/${id}/return`, { comment: '退回' });
      const detail = (await coordinator.get(`/api/progress-reports/${id}`)).json() as {
        report: { state: string; abilities: { review: boolean } };
      };
      return {
        approve: [approve.statusCode, errorOf(approve).code],
        return: [giveBack.statusCode, errorOf(giveBack).code],
        state: detail.report.state,
        review: detail.report.abilities.review,
      };
    };
    const expected = {
      approve: [403, 'SELF_REVIEW'],
      return: [403, 'SELF_REVIEW'],
      state: 'submitted',
      review: false,
    };

    // The coordinator rewrites the clerk's draft; the clerk submits it.
    const edited = await draftOf(4);
    later();
    const rewrite = await coordinator.put(`/api/progress-reports/${edited}`, {
      progress: 'at_risk',
      narrative: '进度滞后的原因与下一步措施。',
    });
    expect(rewrite.statusCode, rewrite.body).toBe(200);
    later();
    expect((await eduClerk.post(`/api/progress-reports/${edited}/submission`)).statusCode).toBe(200);
    expect(await refused(edited)).toEqual(expected);

    // The coordinator only submits the clerk's draft.
    const submitted = await draftOf(5);
    later();
    expect((await coordinator.post(`/api/progress-reports/${submitted}/submission`)).statusCode).toBe(200);
    expect(await refused(submitted)).toEqual(expected);

    // Another reviewer, who changed nothing, may.
    const queue = (await secondCoordinator.get('/api/progress-reports?state=submitted')).json() as {
      items: Array<{ id: string; abilities: { review: boolean } }>;
    };
    expect(
      queue.items.filter((r) => [edited, submitted].includes(r.id)).map((r) => r.abilities.review),
    ).toEqual([true, true]);
    later();
    const approved = await secondCoordinator.post(`/api/progress-reports/${edited}/approval`);
    expect([approved.statusCode, reportOf(approved).state]).toEqual([200, 'approved']);
  });

  it('serves evidence to those who read the report, an unattached upload to its uploader only', async () => {
    const fileId = await upload(hrss, '培训签到表.pdf');
    const loose = await upload(hrss, '未使用的草稿.pdf');
    const hrss2 = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    const inspector = await login(ctx, (await createUser(ctx, 'inspector', 'SD-EDU')).username);
    const created = await hrss.post('/api/progress-reports', {
      taskId: await task(10),
      periodId: pastPeriodId,
      progress: 'on_track',
      narrative: '一季度开展培训 5 期。',
      fileIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const download = async (client: Client, id: string) => (await client.get(`/api/files/${id}`)).statusCode;
    expect(
      await Promise.all([hrss, hrss2, coordinator, inspector, fin].map((c) => download(c, fileId))),
    ).toEqual([200, 200, 200, 200, 404]);
    expect(
      await Promise.all([hrss, hrss2, coordinator, inspector, fin].map((c) => download(c, loose))),
    ).toEqual([200, 404, 404, 404, 404]);
  });

  it('names the offending field: foreign indicator, another unit’s file, unopened period, duplicate', async () => {
    const t10 = await task(10);
    const base = {
      taskId: await task(13),
      periodId,
      progress: 'on_track',
      narrative: '校企合作实习岗位落实。',
    };
    const foreign = await hrss.post('/api/progress-reports', {
      ...base,
      values: [{ indicatorId: await indicatorId('T20-PER-STUDENT'), value: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(details(foreign)).toEqual([
      expect.objectContaining({ field: 'values.0.indicatorId', code: 'PROGRESS_INDICATOR_NOT_IN_TASK' }),
    ]);
    const finFile = await upload(fin, '财政局附件.pdf');
    const file = await hrss.post('/api/progress-reports', { ...base, fileIds: [finFile] });
    expect(file.statusCode).toBe(400);
    expect(details(file)).toEqual([expect.objectContaining({ field: 'fileIds.0', code: 'FILE_UNKNOWN' })]);
    const future = await hrss.post('/api/progress-reports', { ...base, periodId: futurePeriodId });
    expect([future.statusCode, errorOf(future).code]).toEqual([400, 'PROGRESS_PERIOD_NOT_OPEN']);
    expect(details(future)[0]!.field).toBe('periodId');
    const duplicate = await hrss.post('/api/progress-reports', { ...base, taskId: t10 });
    expect([duplicate.statusCode, errorOf(duplicate).code]).toEqual([409, 'CONFLICT']);
    // Both of task （十三）'s indicators are computed from the internship records: no typed value.
    const typed = await hrss.post('/api/progress-reports', {
      ...base,
      values: [{ indicatorId: await indicatorId('T13-INTERN-POSTS'), value: 3 }],
    });
    expect(details(typed)).toEqual([
      expect.objectContaining({ field: 'values.0.indicatorId', code: 'PROGRESS_INDICATOR_COMPUTED' }),
    ]);
    const ok = await hrss.post('/api/progress-reports', base);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(
      await ctx.db.selectFrom('progressReport').select('id').where('taskId', '=', base.taskId).execute(),
    ).toHaveLength(1);
  });

  it('computes a computed indicator from its metric and refuses reported values for it', async () => {
    const ind = await indicatorId('T20-SURCHARGE-SHARE');
    await ctx.db
      .updateTable('indicator')
      .set({ kind: 'computed', metric: 'plan.tasksOnTrackShare', comparator: 'gte', target: 50 })
      .where('id', '=', ind)
      .execute();
    ctx.services.plans.invalidate();
    const refused = await fin.post(`/api/progress-reports`, {
      taskId: await task(20),
      periodId: pastPeriodId,
      progress: 'on_track',
      narrative: '附加费使用比例 35%。',
      values: [{ indicatorId: ind, value: 35 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(details(refused)).toEqual([
      expect.objectContaining({ field: 'values.0.indicatorId', code: 'PROGRESS_INDICATOR_COMPUTED' }),
    ]);

    // The share of the plan's 21 tasks whose latest approved report says on track or completed.
    const approved = await ctx.db
      .selectFrom('progressReport')
      .select(['taskId', 'progress'])
      .where('planId', '=', planId)
      .where('state', '=', 'approved')
      .execute();
    const onTrack = new Set(
      approved.filter((r) => ['on_track', 'completed'].includes(r.progress)).map((r) => r.taskId),
    );
    expect(onTrack.size).toBe(3);
    const expected = Math.round((onTrack.size / 21) * 1000) / 10;
    expect(await indicator(ind)).toMatchObject({
      kind: 'computed',
      latestValue: expected,
      // Judged per year: 2020 closed with no task reported on track, below the 30 % target.
      status: 'off_track',
    });
    expect((await dashboard()).kpis.tasksOnTrackShare).toBeCloseTo(onTrack.size / 21, 6);
    const detail = (await coordinator.get(`/api/indicators/${ind}`)).json() as {
      drillDown: Array<{ value: number }>;
      metricDescription?: { zh: string; en: string };
    };
    // 计算口径 in words, not the metric's name.
    expect(detail.metricDescription?.zh).toContain('任务数 ÷ 行动计划任务总数');
    expect(detail.metricDescription?.zh).not.toContain('plan.tasksOnTrackShare');
    expect(detail.drillDown).toHaveLength(21);
    expect(detail.drillDown.filter((d) => d.value === 1)).toHaveLength(onTrack.size);
  });

  it('lets a colleague keep the evidence already on a report, never attach another account’s unattached upload', async () => {
    const finB = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    const content = { progress: 'on_track', narrative: '生均拨款文件已印发。' };
    const body = { ...content, taskId: await task(20), periodId: pastPeriodId };
    // fin's upload, attached to nothing yet: finB has only its id, and may not attach it.
    const finFile = await upload(fin, '拨款文件.pdf');
    const taken = await finB.post('/api/progress-reports', { ...body, fileIds: [finFile] });
    expect(taken.statusCode).toBe(400);
    expect(details(taken)).toEqual([expect.objectContaining({ field: 'fileIds.0', code: 'FILE_UNKNOWN' })]);
    const own = await upload(finB, '拨款明细.pdf');
    const created = await finB.post('/api/progress-reports', { ...body, fileIds: [own] });
    expect(created.statusCode, created.body).toBe(201);
    const id = reportOf(created).id;
    // fin edits the draft: finB's file stays (it is on the report), fin adds its own.
    const edited = await fin.put(`/api/progress-reports/${id}`, { ...content, fileIds: [own, finFile] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(reportOf(edited).files).toHaveLength(2);
    // A file dropped from the report is again only its uploader's to attach.
    const dropped = await fin.put(`/api/progress-reports/${id}`, { ...content, fileIds: [finFile] });
    expect(dropped.statusCode).toBe(200);
    const back = await fin.put(`/api/progress-reports/${id}`, { ...content, fileIds: [finFile, own] });
    expect(details(back)).toEqual([expect.objectContaining({ field: 'fileIds.1', code: 'FILE_UNKNOWN' })]);
  });
});

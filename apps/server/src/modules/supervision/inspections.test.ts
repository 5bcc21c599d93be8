import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Client, type TestContext } from '../../test/test-context.ts';
import { listOpenOrdersByUnit } from './index.ts';
import {
  auditActions,
  errorCode,
  PLAN,
  startedInspection,
  supervisionCast,
} from './supervision-test-helpers.ts';

type Finding = {
  id: string;
  unit: { id: string };
  subjectLabel: string;
  evidence: Record<string, unknown>;
  severity: string;
};
type Alert = {
  id: string;
  source: string;
  kind: string;
  tier: string;
  planCode: string | null;
  link: string | null;
  unit: { id: string };
};

describe('inspections, one-click findings, interviews, sanctions, assessment, dashboard, report', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof supervisionCast>>;
  let c: Record<string, Client>;
  let inspectionId: string;
  let offTrack: { id: string; taskId: string; code: string; name: string };
  const findings: Finding[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await supervisionCast(ctx);
    c = cast.clients;
    inspectionId = await startedInspection(c.coordinator!, {
      endsOn: '2021-05-20',
      inspectorIds: [cast.users.inspector.id],
      scope: [
        { type: 'unit', id: cast.hrssId },
        { type: 'unit', id: cast.finId },
      ],
    });
    // An indicator whose deadline has passed with no value reported is off track.
    const ind = await ctx.db
      .selectFrom('indicator')
      .select(['id', 'taskId', 'code', 'name'])
      .where('kind', '=', 'reported')
      .where('recurrence', '=', 'once')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('indicator').set({ deadline: '2021-03-31' }).where('id', '=', ind.id).execute();
    offTrack = ind;
  });
  afterAll(() => ctx?.close());
  /** Sessions expire when the clock jumps; sign everyone in again. */
  const relogin = async () => {
    for (const [k, u] of Object.entries(cast.users)) c[k] = await login(ctx, u.username);
  };

  it('checks the inspection plan and who may run it', async () => {
    const bad = await c.coordinator!.post('/api/supervision/inspections', {
      kind: 'regular',
      title: 'x',
      purpose: '',
      startsOn: '2021-05-10',
      endsOn: '2021-05-01',
      schedule: [],
      inspectorIds: [cast.users.hrss.id],
      scope: [{ type: 'unit', id: crypto.randomUUID() }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (bad.json() as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field),
    ).toEqual(['endsOn', 'inspectorIds.0', 'scope.0.id']);
    expect((await c.inspector!.post('/api/supervision/inspections', {})).statusCode).toBe(403);
    const candidates = (await c.coordinator!.get('/api/supervision/inspector-candidates')).json() as {
      items: Array<{ userId: string }>;
    };
    expect(candidates.items.map((u) => u.userId)).toEqual(
      expect.arrayContaining([cast.users.inspector.id, cast.users.otherInspector.id]),
    );
    expect(candidates.items.map((u) => u.userId)).not.toContain(cast.users.hrss.id);
    // A unit sees the inspections that concern it, without the power to act on them.
    const unitView = (await c.hrss!.get('/api/supervision/inspections')).json() as {
      items: Array<{ id: string; abilities: Record<string, boolean> }>;
    };
    expect(unitView.items.map((i) => i.id)).toEqual([inspectionId]);
    expect(Object.values(unitView.items[0]!.abilities).some(Boolean)).toBe(false);
    const mine = (await c.inspector!.get('/api/supervision/inspections')).json() as {
      items: Array<{ id: string; abilities: Record<string, boolean> }>;
    };
    expect(mine.items.map((i) => i.id)).toEqual([inspectionId]);
    expect(mine.items[0]!.abilities).toMatchObject({ addFinding: true, edit: false, start: false });
    expect((await c.otherInspector!.get('/api/supervision/inspections')).json()).toEqual({ items: [] });
    expect(errorCode(await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/start`))).toBe(
      'SUPERVISION_INVALID_TRANSITION',
    );
    expect(await auditActions(ctx, inspectionId)).toEqual([
      'supervision.inspection.created',
      'supervision.inspection.started',
    ]);
  });

  it('opens a finding in one click from an off-track indicator, with its evidence', async () => {
    const res = await c.inspector!.post(
      `/api/supervision/inspections/${inspectionId}/findings/from-subject`,
      { subjectType: 'indicator', subjectId: offTrack.id },
    );
    expect(res.statusCode, res.body).toBe(201);
    const f = (res.json() as { finding: Finding }).finding;
    expect(f.evidence).toMatchObject({
      kind: 'indicator',
      status: expect.stringMatching(/off_track|at_risk/),
    });
    expect(f.evidence).toHaveProperty('target');
    expect(f.evidence).toHaveProperty('latestValue');
    // The finding (and so the published report) names the indicator, not its code.
    expect(f.subjectLabel).toContain(offTrack.name);
    expect(f.subjectLabel).not.toContain(offTrack.code);
    findings.push(f);
    const other = await c.otherInspector!.post(
      `/api/supervision/inspections/${inspectionId}/findings/from-subject`,
      { subjectType: 'indicator', subjectId: offTrack.id },
    );
    expect(other.statusCode).toBe(404);
    const unknown = await c.inspector!.post(
      `/api/supervision/inspections/${inspectionId}/findings/from-subject`,
      { subjectType: 'task', subjectId: crypto.randomUUID() },
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('opens one from an overdue task with its missed reports, and records one by hand for 区财政局', async () => {
    const alerts = (
      (await c.coordinator!.get(`/api/alerts?planCode=${PLAN}`)).json() as {
        items: Array<Alert & { task: { id: string } | null }>;
      }
    ).items;
    const overdue = alerts.find((a) => a.kind === 'report_overdue' && a.unit.id !== cast.finId)!;
    const res = await c.inspector!.post(
      `/api/supervision/inspections/${inspectionId}/findings/from-subject`,
      { subjectType: 'task', subjectId: overdue.task!.id },
    );
    expect(res.statusCode, res.body).toBe(201);
    const f = (res.json() as { finding: Finding }).finding;
    expect((f.evidence.missedReports as unknown[]).length).toBeGreaterThan(0);
    const manual = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'other',
      orgUnitId: cast.finId,
      subjectLabel: '职教经费',
      title: '生均拨款未落实',
      description: '',
      severity: 'serious',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    findings.push(f, (manual.json() as { finding: Finding }).finding);
  });

  it('raises supervision alerts beside the plan’s and counts orders on the dashboard by tier and unit', async () => {
    const fin = findings[2]!;
    const o1 = await c.inspector!.post(`/api/supervision/findings/${fin.id}/order`, {
      requirements: '落实生均拨款',
      dueDate: '2021-05-24',
    });
    expect(o1.statusCode, o1.body).toBe(201);
    const o2 = await c.inspector!.post(`/api/supervision/findings/${findings[0]!.id}/order`, {
      requirements: '提高指标',
      dueDate: '2021-05-21',
    });
    const order2 = (o2.json() as { order: { id: string; unit: { id: string } } }).order;
    ctx.clock.set('2021-06-22T01:00:00Z');
    await relogin();
    const alerts = ((await c.fin!.get(`/api/alerts?planCode=${PLAN}`)).json() as { items: Alert[] }).items;
    const sup = alerts.filter((a) => a.source === 'supervision');
    expect(sup).toHaveLength(1);
    expect(sup[0]).toMatchObject({
      kind: 'rectification_overdue',
      tier: 'yellow',
      planCode: null,
      unit: { id: cast.finId },
    });
    expect(sup[0]!.link).toMatch(/^\/supervision\/orders\//);
    expect(
      ((await c.hrss!.get('/api/alerts')).json() as { items: Alert[] }).items
        .filter((a) => a.source === 'supervision')
        .every((a) => a.unit.id !== cast.finId),
    ).toBe(true);
    const dash = (await c.coordinator!.get('/api/supervision/dashboard')).json() as {
      orders: { total: number; open: number; overdue: number; byTier: Record<string, number> };
      findings: { total: number };
      units: Array<{ unit: { id: string }; overdue: number }>;
      overdue: Array<{ id: string; tier: string }>;
    };
    expect(dash.orders).toMatchObject({
      total: 2,
      open: 2,
      overdue: 2,
      byTier: { red: 1, yellow: 1, blue: 0 },
    });
    expect(dash.findings.total).toBe(3);
    expect(dash.overdue.map((o) => o.tier)).toEqual(['red', 'yellow']);
    const finDash = (await c.fin!.get('/api/supervision/dashboard')).json() as typeof dash;
    expect(finDash.orders.total).toBe(1);
    expect(finDash.units.map((u) => u.unit.id)).toEqual([cast.finId]);
    const byUnit = await listOpenOrdersByUnit(
      ctx.db,
      [cast.finId, order2.unit.id, cast.hrssId],
      '2021-06-22',
    );
    expect(byUnit.get(cast.finId)).toMatchObject({
      open: 1,
      overdue: 1,
      items: [{ dueDate: '2021-05-24', tier: 'yellow' }],
    });
    ctx.clock.set('2021-05-20T01:00:00Z');
    await relogin();
  });

  it('records an interview with commitments and their follow-up; units never see interviews', async () => {
    const res = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/interviews`, {
      orgUnitId: cast.finId,
      heldOn: '2021-05-20',
      interviewers: '副区长 孙立',
      interviewees: '局长 钱多多 13800138000',
      reason: '生均拨款未落实',
      findingIds: [findings[2]!.id],
      commitments: [{ text: '6月底前拨付到位', dueDate: '2021-06-30' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const iv = (res.json() as { interview: { id: string; commitments: Array<{ id: string }> } }).interview;
    const fu = await c.inspector!.post(
      `/api/supervision/interviews/${iv.id}/commitments/${iv.commitments[0]!.id}/follow-up`,
      { state: 'fulfilled', followUp: '已拨付' },
    );
    expect(fu.statusCode, fu.body).toBe(200);
    // The interviewed unit sees its own interview; another unit sees none.
    const finView = (await c.fin!.get(`/api/supervision/inspections/${inspectionId}/interviews`)).json() as {
      items: unknown[];
    };
    expect(finView.items).toHaveLength(1);
    const hrssView = (
      await c.hrss!.get(`/api/supervision/inspections/${inspectionId}/interviews`)
    ).json() as { items: unknown[] };
    expect(hrssView.items).toHaveLength(0);
    expect(
      (await c.otherInspector!.get(`/api/supervision/inspections/${inspectionId}/interviews`)).statusCode,
    ).toBe(404);
    expect(await auditActions(ctx, iv.id)).toEqual([
      'supervision.interview.recorded',
      'supervision.commitment.followed_up',
    ]);
  });

  it('records rewards and penalties and computes the yearly assessment', async () => {
    const body = {
      orgUnitId: cast.hrssId,
      kind: 'reward',
      year: 2021,
      points: 5,
      title: '整改按期',
      ground: 'findings_closed_on_time',
      groundsText: '问题按期销号',
      refs: [],
      decidedOn: '2021-05-20',
      inspectionId,
    };
    expect((await c.inspector!.post('/api/supervision/sanctions', body)).statusCode).toBe(403);
    const res = await c.coordinator!.post('/api/supervision/sanctions', body);
    expect(res.statusCode, res.body).toBe(201);
    await c.coordinator!.post('/api/supervision/sanctions', {
      ...body,
      orgUnitId: cast.finId,
      kind: 'penalty',
      points: 3,
      ground: 'order_overdue',
    });
    expect(
      ((await c.fin!.get('/api/supervision/sanctions')).json() as { items: unknown[] }).items,
    ).toHaveLength(1);
    const table = (await c.coordinator!.get('/api/supervision/assessment?year=2021')).json() as {
      formula: string;
      rows: Array<{
        unit: { id: string };
        findings: number;
        seriousFindings: number;
        rewardPoints: number;
        penaltyPoints: number;
        score: number;
      }>;
    };
    expect(table.formula).toContain('score = 100');
    const fin = table.rows.find((r) => r.unit.id === cast.finId)!;
    expect(fin).toMatchObject({ findings: 1, seriousFindings: 1, penaltyPoints: 3, score: 100 - 1 - 2 - 3 });
    const own = (await c.fin!.get('/api/supervision/assessment?year=2021')).json() as typeof table;
    expect(own.rows.map((r) => r.unit.id)).toEqual([cast.finId]);
  });

  it('refuses (400) an assessment year or sanction points that are no finite number in range, for every reader', async () => {
    for (const reader of ['coordinator', 'inspector', 'fin'])
      for (const year of ['1e309', 'Infinity', '-Infinity', 'NaN', '2021.5', '1999', '2101', '']) {
        const res = await c[reader]!.get(`/api/supervision/assessment?year=${encodeURIComponent(year)}`);
        expect(
          [res.statusCode, (res.json() as { error?: { code: string } }).error?.code],
          `${reader} ${year}`,
        ).toEqual([400, 'VALIDATION_FAILED']);
      }
    const sanctions = await ctx.db.selectFrom('sanction').select('id').execute();
    for (const points of ['1e309', 'Infinity', '-1e309']) {
      const res = await c.coordinator!.post('/api/supervision/sanctions', {
        orgUnitId: cast.hrssId,
        kind: 'reward',
        year: 2021,
        points,
        title: '整改按期',
        ground: 'findings_closed_on_time',
        groundsText: '问题按期销号',
        refs: [],
        decidedOn: '2021-05-20',
      });
      expect(
        [
          res.statusCode,
          (res.json() as { error?: { details?: Array<{ field: string }> } }).error?.details?.[0]?.field,
        ],
        points,
      ).toEqual([400, 'body.points']);
    }
    expect(await ctx.db.selectFrom('sanction').select('id').execute()).toHaveLength(sanctions.length);
  });

  it('renders the report as DOCX and publishes it to the portal without personal data', async () => {
    const docx = await c.inspector!.get(`/api/supervision/inspections/${inspectionId}/report.docx`);
    expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (await c.otherInspector!.get(`/api/supervision/inspections/${inspectionId}/report.docx`)).statusCode,
    ).toBe(404);
    expect((await c.fin!.get(`/api/supervision/inspections/${inspectionId}/report.docx`)).statusCode).toBe(
      200,
    );
    expect(
      errorCode(await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/publication`)),
    ).toBe('SUPERVISION_REPORT_NOT_READY');
    const done = await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/completion`, {
      conclusion: '总体推进有力。',
    });
    expect(done.statusCode).toBe(200);
    expect(
      errorCode(
        await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
          subjectType: 'other',
          orgUnitId: cast.finId,
          title: 'x',
          severity: 'general',
        }),
      ),
    ).toBe('SUPERVISION_INSPECTION_NOT_ACTIVE');
    const pub = await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/publication`);
    expect(pub.statusCode, pub.body).toBe(200);
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/public/supervision-reports' })).json() as {
      items: Array<{ id: string }>;
    };
    expect(list.items).toHaveLength(1);
    const one = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/supervision-reports/${list.items[0]!.id}`,
    });
    expect(one.statusCode).toBe(200);
    const inspectorName = cast.users.inspector.username;
    for (const secret of [inspectorName, '孙立', '钱多多', '13800138000'])
      expect(one.body).not.toContain(secret);
    expect(one.body).toContain('生均拨款未落实');
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/public/supervision-reports/${crypto.randomUUID()}` }))
        .statusCode,
    ).toBe(404);
  });
});

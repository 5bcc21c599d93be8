import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import { unzip } from '../../platform/documents/test-unzip.ts';
import { createTestContext, login, type Client, type TestContext } from '../../test/test-context.ts';
import { startedInspection, supervisionCast } from './supervision-test-helpers.ts';

const documentXml = (docx: Buffer) => unzip(docx).get('word/document.xml')!.toString('utf8');

describe('supervision report: parts by unit id, concurrent exports, public redaction', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof supervisionCast>>;
  let c: Record<string, Client>;
  let inspectionId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await supervisionCast(ctx);
    c = cast.clients;
    inspectionId = await startedInspection(c.coordinator!, {
      inspectorIds: [cast.users.inspector.id],
      scope: [
        { type: 'unit', id: cast.hrssId },
        { type: 'unit', id: cast.finId },
      ],
    });
    const finding = (orgUnitId: string, title: string, description: string) =>
      c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
        subjectType: 'other',
        orgUnitId,
        subjectLabel: '职教经费',
        title,
        description,
        severity: 'general',
      });
    expect((await finding(cast.hrssId, '人社局的问题', '台账不全')).statusCode).toBe(201);
    const fin = await finding(cast.finId, '财政局的问题', '经约谈王建国 138 0013 8000 核实，拨款滞后');
    expect(fin.statusCode, fin.body).toBe(201);
    const iv = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/interviews`, {
      orgUnitId: cast.finId,
      heldOn: '2021-05-20',
      interviewers: '督学 张伟',
      interviewees: '王建国（局长）、李红',
      reason: '约谈王建国（电话 138 0013 8000）、李红：拨款滞后',
      findingIds: [(fin.json() as { finding: { id: string } }).finding.id],
      commitments: [{ text: '6月底前拨付到位', dueDate: '2021-06-30' }],
    });
    expect(iv.statusCode, iv.body).toBe(201);
    // Two units with the same name: only ids tell them apart.
    await ctx.db
      .updateTable('orgUnit')
      .set({ name: '同名单位' })
      .where('id', 'in', [cast.hrssId, cast.finId])
      .execute();
  });
  afterAll(() => ctx?.close());

  it("gives a unit clerk only their own unit's part, even when another unit has the same name", async () => {
    const res = await c.hrss!.get(`/api/supervision/inspections/${inspectionId}/report.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const xml = documentXml(res.rawPayload);
    expect(xml).toContain('人社局的问题');
    expect(xml).not.toContain('财政局的问题');
  });

  it('exports the report concurrently without colliding in the audit chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        c.inspector!.get(`/api/supervision/inspections/${inspectionId}/report.docx`),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const exported = await ctx.db
      .selectFrom('auditLog')
      .select('seq')
      .where('action', '=', 'supervision.report.exported')
      .execute();
    expect(exported.length).toBeGreaterThanOrEqual(6);
    const chain = await verifyAuditChain(ctx.db);
    expect(chain.problems).toEqual([]);
  });

  it('refuses to sign the report (complete the inspection) before the inspection ends, naming the date', async () => {
    const early = await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/completion`, {
      conclusion: '总体推进有力。',
    });
    const error = (
      early.json() as { error: { code: string; details: Array<{ field: string; message: string }> } }
    ).error;
    expect([early.statusCode, error.code, error.details[0]!.field]).toEqual([
      409,
      'SUPERVISION_INSPECTION_NOT_ENDED',
      'endsOn',
    ]);
    expect(error.details[0]!.message).toContain('2021-06-30');
    const row = await ctx.db
      .selectFrom('inspection')
      .select(['state', 'completedAt'])
      .where('id', '=', inspectionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'in_progress', completedAt: null });
  });

  it('publishes a snapshot without the names or phones of interviewees, in interviews or findings', async () => {
    // The inspection's last day (China time): its report may be signed from then on.
    ctx.clock.set('2021-06-30T01:00:00Z');
    c.coordinator = await login(ctx, cast.users.coordinator.username);
    const done = await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/completion`, {
      conclusion: '总体推进有力。',
    });
    expect(done.statusCode, done.body).toBe(200);
    const pub = await c.coordinator!.post(`/api/supervision/inspections/${inspectionId}/publication`);
    expect(pub.statusCode, pub.body).toBe(200);
    const row = await ctx.db
      .selectFrom('supervisionPublication')
      .select('document')
      .where('inspectionId', '=', inspectionId)
      .executeTakeFirstOrThrow();
    const snapshot = JSON.stringify(row.document);
    for (const secret of ['王建国', '李红', '张伟', '138 0013 8000', '13800138000'])
      expect(snapshot).not.toContain(secret);
    expect(snapshot).toContain('拨款滞后');
    // The text writes its dates the Chinese way (2021年5月20日), never as 2021-05-20.
    const body = JSON.stringify((row.document as { zh: { blocks: unknown } }).zh.blocks);
    expect(body).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('offers the published report as a PDF on the portal, without sign-in (下载 PDF)', async () => {
    const { id } = await ctx.db
      .selectFrom('supervisionPublication')
      .select('id')
      .where('inspectionId', '=', inspectionId)
      .executeTakeFirstOrThrow();
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/supervision-reports/${id}/report.pdf`,
    });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(pdf.headers['content-disposition'])).toContain(encodeURIComponent('督导报告.pdf'));
    const missing = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/supervision-reports/${inspectionId}/report.pdf`,
    });
    expect(missing.statusCode).toBe(404);
    // The first PDF of a test file starts Chromium, which takes long on a busy machine.
  }, 120_000);
});

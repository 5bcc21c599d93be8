import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-context.ts';
import {
  addCourse,
  auditOf,
  createProgramsWorld,
  del,
  detailsOf,
  openMajor,
  refusalOf,
  uploadPdf,
  type ProgramsWorld,
} from './programs.test-helpers.ts';

type Resource = {
  id: string;
  shareState: string;
  major: { id: string | null; name: string } | null;
  course: { id: string | null; name: string } | null;
  refusalReason: string | null;
  file: { name: string; mime: string; previewable: boolean };
  usage: { previews: number; downloads: number };
  abilities: Record<string, boolean>;
};
const resourceOf = (res: { json(): unknown }) => (res.json() as { resource: Resource }).resource;

describe('the teaching resource library', () => {
  let w: ProgramsWorld;
  let weld: string;
  let weldCourse: string;
  const describeResource = async (client: Client, body: Record<string, unknown>) => {
    const fileId = await uploadPdf(client, `${String(body.title)}.pdf`);
    const res = await client.post('/api/teaching-resources', {
      description: '',
      resourceType: 'micro_lecture',
      licence: 'cc_by_nc_4',
      fileId,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return resourceOf(res);
  };

  beforeAll(async () => {
    w = await createProgramsWorld();
    weld = await openMajor(w.vhs, '660107');
    weldCourse = await addCourse(w.vhs, '焊接工艺', weld);
  });
  afterAll(() => w?.ctx.close());

  it('keeps a new resource to its school until the district shares it; then the district sees it', async () => {
    const r = await describeResource(w.vhs, { title: 'CO2气体保护焊平焊', courseId: weldCourse });
    // The major follows from the course.
    expect(r).toMatchObject({ shareState: 'private', major: { id: weld, name: '焊接技术应用' } });
    expect(refusalOf(await w.vec.get(`/api/teaching-resources/${r.id}`))).toEqual([404, 'NOT_FOUND']);
    expect(refusalOf(await w.hrss.get(`/api/teaching-resources/${r.id}/download`))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect((await w.coordinator.get(`/api/teaching-resources/${r.id}`)).statusCode).toBe(200);

    const asked = resourceOf(await w.vhs.post(`/api/teaching-resources/${r.id}/sharing-request`));
    expect(asked).toMatchObject({ shareState: 'pending', abilities: { requestSharing: false } });
    const queue = (await w.coordinator.get('/api/teaching-resources?shareState=pending')).json() as {
      items: Resource[];
    };
    expect(queue.items.map((i) => i.id)).toEqual([r.id]);
    expect(queue.items[0]!.abilities.reviewSharing).toBe(true);
    expect(
      refusalOf(await w.vhs.post(`/api/teaching-resources/${r.id}/sharing-decision`, { share: true })),
    ).toEqual([403, 'FORBIDDEN']);
    const shared = resourceOf(
      await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, { share: true }),
    );
    expect(shared.shareState).toBe('shared');

    // Another school now sees it, with its major named but not linked, and cannot change it.
    const seen = resourceOf(await w.vec.get(`/api/teaching-resources/${r.id}`));
    expect(seen).toMatchObject({
      major: { id: null, name: '焊接技术应用' },
      course: { id: null, name: '焊接工艺' },
    });
    expect(seen.abilities).toEqual({
      edit: false,
      delete: false,
      requestSharing: false,
      reviewSharing: false,
    });
    const edit = await w.vec.put(`/api/teaching-resources/${r.id}`, {
      title: '改名',
      resourceType: 'video',
      licence: 'cc_by_4',
    });
    expect(refusalOf(edit)).toEqual([403, 'FORBIDDEN']);
    expect(refusalOf(await del(w.vec, `/api/teaching-resources/${r.id}`))).toEqual([403, 'FORBIDDEN']);
    expect((await auditOf(w.ctx, r.id)).map((a) => a.action)).toEqual([
      'programs.resource.created',
      'programs.resource.sharing_requested',
      'programs.resource.shared',
    ]);
  });

  it('refuses sharing a 校内使用 resource, and a refusal without a reason', async () => {
    const own = await describeResource(w.vhs, {
      title: '焊接实训室管理制度',
      licence: 'school_only',
      majorId: weld,
    });
    expect(own.abilities.requestSharing).toBe(false);
    expect(refusalOf(await w.vhs.post(`/api/teaching-resources/${own.id}/sharing-request`))).toEqual([
      409,
      'PROGRAM_RESOURCE_NOT_SHAREABLE',
    ]);
    const r = await describeResource(w.vhs, { title: '焊缝外观检验', majorId: weld, requestSharing: true });
    expect(r.shareState).toBe('pending');
    const blank = await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, {
      share: false,
    });
    expect(refusalOf(blank)).toEqual([400, 'PROGRAM_REASON_REQUIRED']);
    const refused = resourceOf(
      await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, {
        share: false,
        reason: '图片不清晰',
      }),
    );
    expect(refused).toMatchObject({ shareState: 'refused', refusalReason: '图片不清晰' });
    expect(
      refusalOf(
        await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, { share: true }),
      ),
    ).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    // The school fixes it and asks again.
    expect(resourceOf(await w.vhs.post(`/api/teaching-resources/${r.id}/sharing-request`))).toMatchObject({
      shareState: 'pending',
      refusalReason: null,
    });
  });

  it('checks the major, course and file belong to the school', async () => {
    const vecMajor = await openMajor(w.vec, '720601');
    const fileId = await uploadPdf(w.vhs, 'x.pdf');
    const base = { title: '康复评定', resourceType: 'courseware', licence: 'cc_by_4', fileId };
    const foreign = await w.vhs.post('/api/teaching-resources', { ...base, majorId: vecMajor });
    expect(refusalOf(foreign)).toEqual([400, 'PROGRAM_OTHER_SCHOOL']);
    const vecFile = await uploadPdf(w.vec, 'vec.pdf');
    const notOurs = await w.vhs.post('/api/teaching-resources', { ...base, fileId: vecFile });
    expect(detailsOf(notOurs)).toEqual([expect.objectContaining({ field: 'fileId', code: 'FILE_UNKNOWN' })]);
    const otherMajor = await openMajor(w.vhs, '700206');
    const mismatch = await w.vhs.post('/api/teaching-resources', {
      ...base,
      majorId: otherMajor,
      courseId: weldCourse,
    });
    expect(detailsOf(mismatch)).toEqual([
      expect.objectContaining({ field: 'courseId', code: 'COURSE_NOT_IN_MAJOR' }),
    ]);
  });

  it('previews a PDF inline with safe headers, downloads as an attachment, and logs both', async () => {
    const r = await describeResource(w.vhs, { title: '手工电弧焊立焊', majorId: weld, requestSharing: true });
    await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, { share: true });
    const preview = await w.vec.get(`/api/teaching-resources/${r.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''/);
    expect(preview.headers['x-content-type-options']).toBe('nosniff');
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(preview.headers['cache-control']).toBe('private, no-store');
    expect(preview.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const download = await w.vec.get(`/api/teaching-resources/${r.id}/download`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('手工电弧焊立焊.pdf')}`,
    );
    await w.coordinator.get(`/api/teaching-resources/${r.id}/download`);
    expect(resourceOf(await w.vhs.get(`/api/teaching-resources/${r.id}`)).usage).toEqual({
      previews: 1,
      downloads: 2,
    });
    const audit = await auditOf(w.ctx, r.id);
    expect(audit.filter((a) => a.action === 'programs.resource.previewed')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'programs.resource.downloaded')).toHaveLength(2);
  });

  it('sends an edited shared resource back to review, and deletes one with its counters', async () => {
    const r = await describeResource(w.vhs, { title: '钨极氩弧焊', majorId: weld, requestSharing: true });
    await w.coordinator.post(`/api/teaching-resources/${r.id}/sharing-decision`, { share: true });
    const edited = await w.vhs.put(`/api/teaching-resources/${r.id}`, {
      title: '钨极氩弧焊（第二版）',
      description: '补充了不锈钢薄板焊接',
      resourceType: 'micro_lecture',
      licence: 'cc_by_nc_4',
      majorId: weld,
    });
    expect(resourceOf(edited).shareState).toBe('pending');
    expect((await w.vec.get(`/api/teaching-resources/${r.id}`)).statusCode).toBe(404);
    expect((await del(w.vhs, `/api/teaching-resources/${r.id}`)).statusCode).toBe(204);
    expect(
      await w.ctx.db.selectFrom('teachingResourceUsage').where('resourceId', '=', r.id).selectAll().execute(),
    ).toEqual([]);
    expect((await auditOf(w.ctx, r.id)).at(-1)!.action).toBe('programs.resource.deleted');
  });

  it('computes coverage: majors with at least N shared resources ÷ all majors, N from the district', async () => {
    const coverage = () =>
      w.ctx.services.metrics.compute('programs.resourceCoverage', {
        db: w.ctx.db,
        orgUnitId: w.units.district,
        period: { startsOn: '2021-01-01', endsOn: '2022-12-31' },
        today: '2021-05-20',
      });
    // Majors: 焊接 (2 shared: 平焊, 立焊), 康复 (VEC), 汽车 — none closed.
    const before = await coverage();
    expect(before).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
    expect(before.drillDown.find((d) => d.label.includes('焊接技术应用'))).toMatchObject({ value: 2 });
    expect(
      (await w.coordinator.put('/api/programs/settings', { resourceCoverageThreshold: 2 })).statusCode,
    ).toBe(200);
    expect(await coverage()).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    // A closed major leaves the denominator.
    const closed = (
      await w.ctx.db
        .selectFrom('major')
        .select('id')
        .where('catalogueCode', '=', '700206')
        .executeTakeFirstOrThrow()
    ).id;
    await w.vhs.patch(`/api/majors/${closed}`, { status: 'closed' });
    expect(await coverage()).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });
});

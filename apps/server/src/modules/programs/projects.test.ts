import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-context.ts';
import {
  addCourse,
  auditOf,
  createProgramsWorld,
  detailsOf,
  openMajor,
  refusalOf,
  uploadPdf,
  type ProgramsWorld,
} from './programs.test-helpers.ts';

type Project = {
  id: string;
  state: string;
  level: string | null;
  averageScore: number | null;
  approvedOn: string | null;
  closedOn: string | null;
  files: Array<{ id: string; stage: string }>;
  events: Array<{ action: string; comment: string | null }>;
  reviews: Array<{ reviewer: string | null; score: number | null; opinion: string; mine: boolean }>;
  abilities: Record<string, boolean>;
};
const projectOf = (res: { json(): unknown }) => (res.json() as { project: Project }).project;

describe('recognised projects: one lifecycle for every kind', () => {
  let w: ProgramsWorld;
  let weld: string;
  let course: string;
  const later = (days = 1) => w.travel(days);
  const apply = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/program-projects', { submit: true, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return projectOf(res).id;
  };
  const metric = (name: string, today: string) =>
    w.ctx.services.metrics.compute(name, {
      db: w.ctx.db,
      orgUnitId: w.units.district,
      period: { startsOn: '2021-01-01', endsOn: '2022-12-31' },
      today,
    });

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
    weld = await openMajor(w.vhs, '660107');
    course = await addCourse(w.vhs, '焊接工艺', weld);
  });
  afterAll(() => w?.ctx.close());

  it('takes a brand major from application to acceptance; rows, history and audit follow', async () => {
    const fileId = await uploadPdf(w.vhs, '焊接品牌专业申报书.pdf');
    const created = await w.vhs.post('/api/program-projects', {
      kind: 'brand_major',
      title: '焊接技术应用品牌专业建设',
      majorId: weld,
      fileIds: [fileId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = projectOf(created);
    expect(draft).toMatchObject({ state: 'draft', files: [{ id: fileId, stage: 'application' }] });
    expect(draft.abilities).toMatchObject({ edit: true, submit: true, score: false });
    expect(projectOf(await w.vhs.post(`/api/program-projects/${draft.id}/submission`)).state).toBe('applied');

    await later();
    const one = await w.coordinator.put(`/api/program-projects/${draft.id}/score`, {
      score: 88,
      opinion: '基础扎实',
    });
    expect(projectOf(one)).toMatchObject({ state: 'reviewing', averageScore: 88 });
    await w.reviewer2.put(`/api/program-projects/${draft.id}/score`, { score: 91.5, opinion: '特色鲜明' });
    // A reviewer may revise their own score while the project is under review.
    const revised = projectOf(
      await w.coordinator.put(`/api/program-projects/${draft.id}/score`, {
        score: 90,
        opinion: '基础扎实，建议立项',
      }),
    );
    expect(revised.averageScore).toBe(90.75);
    expect(revised.reviews).toHaveLength(2);
    // The school sees the opinions, not who gave which score.
    const asSchool = projectOf(await w.vhs.get(`/api/program-projects/${draft.id}`));
    expect(asSchool.reviews.every((r) => r.reviewer === null && r.score === null)).toBe(true);
    expect(asSchool.averageScore).toBe(90.75);

    await later();
    const approved = projectOf(
      await w.coordinator.post(`/api/program-projects/${draft.id}/approval`, {
        level: 'city',
        note: '长教职〔2021〕5号',
      }),
    );
    expect(approved).toMatchObject({ state: 'approved', level: 'city', approvedOn: '2021-03-03' });
    await later(150);
    const mid = await w.coordinator.post(`/api/program-projects/${draft.id}/midterm`, {
      passed: true,
      opinion: '按计划推进',
      fileIds: [await uploadPdf(w.coordinator, '中期检查意见.pdf')],
    });
    expect(projectOf(mid)).toMatchObject({ state: 'midterm_passed' });
    expect(projectOf(mid).files.map((f) => f.stage)).toEqual(['application', 'midterm']);
    await later(100);
    const done = projectOf(
      await w.coordinator.post(`/api/program-projects/${draft.id}/acceptance`, {
        passed: true,
        opinion: '同意验收',
      }),
    );
    expect(done).toMatchObject({ state: 'accepted', closedOn: '2021-11-08' });
    expect(done.events.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'scored',
      'scored',
      'scored',
      'approved',
      'midterm_passed',
      'acceptance_passed',
    ]);
    const audit = await auditOf(w.ctx, draft.id);
    expect(audit.map((a) => a.action)).toEqual(done.events.map((e) => `programs.project.${e.action}`));
    expect(audit.every((a) => a.result === 'success')).toBe(true);
    const row = await w.ctx.db
      .selectFrom('programProject')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'accepted',
      level: 'city',
      averageScore: 90.75,
      closedOn: '2021-11-08',
    });
  });

  it('refuses illegal transitions with 409 and leaves the project as it was', async () => {
    const id = await apply(w.vhs, {
      kind: 'quality_course',
      title: '《焊接工艺》精品课程',
      courseId: course,
    });
    const early = await w.coordinator.post(`/api/program-projects/${id}/approval`, { level: 'provincial' });
    expect(refusalOf(early)).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    expect(
      refusalOf(
        await w.vhs.put(`/api/program-projects/${id}`, {
          kind: 'quality_course',
          title: 'x',
          courseId: course,
        }),
      ),
    ).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    const skip = await w.coordinator.post(`/api/program-projects/${id}/acceptance`, {
      passed: true,
      opinion: '直接验收',
    });
    expect(refusalOf(skip)).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    await w.coordinator.put(`/api/program-projects/${id}/score`, { score: 86, opinion: '可' });
    expect(refusalOf(await w.vhs.post(`/api/program-projects/${id}/withdrawal`))).toEqual([
      409,
      'PROGRAM_INVALID_TRANSITION',
    ]);
    const approved = await w.coordinator.post(`/api/program-projects/${id}/approval`, {
      level: 'provincial',
    });
    expect(projectOf(approved).state).toBe('approved');
    expect(
      refusalOf(await w.coordinator.post(`/api/program-projects/${id}/rejection`, { reason: '晚了' })),
    ).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    await later(30);
    const future = await w.coordinator.post(`/api/program-projects/${id}/midterm`, {
      passed: true,
      opinion: '好',
      on: '2099-01-01',
    });
    expect(refusalOf(future)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(future)[0]).toMatchObject({ field: 'on', code: 'IN_FUTURE' });
    const failed = await w.coordinator.post(`/api/program-projects/${id}/midterm`, {
      passed: false,
      opinion: '建设滞后，撤销立项',
    });
    expect(projectOf(failed)).toMatchObject({ state: 'failed' });
    expect(
      refusalOf(
        await w.coordinator.post(`/api/program-projects/${id}/acceptance`, { passed: true, opinion: '好' }),
      ),
    ).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
  });

  it('answers 403 to the wrong role and 404 to another school, and writes nothing', async () => {
    const id = await apply(w.vhs, { kind: 'culture_brand', title: '“上党工匠”文化育人品牌' });
    expect(
      refusalOf(await w.vhs.put(`/api/program-projects/${id}/score`, { score: 99, opinion: '自评' })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(refusalOf(await w.coordinator.post(`/api/program-projects/${id}/withdrawal`))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(refusalOf(await w.vec.get(`/api/program-projects/${id}`))).toEqual([404, 'NOT_FOUND']);
    expect(refusalOf(await w.hrss.get(`/api/program-projects/${id}`))).toEqual([404, 'NOT_FOUND']);
    expect((await w.viewer.get(`/api/program-projects/${id}`)).statusCode).toBe(200);
    const scores = await w.ctx.db
      .selectFrom('programProjectScore')
      .select('score')
      .where('projectId', '=', id)
      .execute();
    expect(scores).toEqual([]);
    expect((await w.vec.get('/api/program-projects')).json()).toEqual({ items: [] });
  });

  it('checks what each kind must name, files, and that decisions carry reasons', async () => {
    const noMajor = await w.vhs.post('/api/program-projects', { kind: 'brand_major', title: '品牌专业' });
    expect(refusalOf(noMajor)).toEqual([400, 'PROGRAM_PROJECT_SUBJECT_REQUIRED']);
    expect(detailsOf(noMajor)[0]!.field).toBe('majorId');
    const noTeacher = await w.vhs.post('/api/program-projects', {
      kind: 'master_teacher',
      title: '教学名师',
    });
    expect(detailsOf(noTeacher)[0]!.field).toBe('teacherName');
    const vecMajor = await openMajor(w.vec, '720601');
    const foreign = await w.vhs.post('/api/program-projects', {
      kind: 'brand_major',
      title: '康复',
      majorId: vecMajor,
    });
    expect(refusalOf(foreign)).toEqual([400, 'PROGRAM_OTHER_SCHOOL']);
    const vecFile = await uploadPdf(w.vec, 'vec.pdf');
    const notOurs = await w.vhs.post('/api/program-projects', {
      kind: 'ideology_micro_course',
      title: '微课',
      fileIds: [vecFile],
    });
    expect(detailsOf(notOurs)).toEqual([
      expect.objectContaining({ field: 'fileIds.0', code: 'FILE_UNKNOWN' }),
    ]);

    const id = await apply(w.vhs, {
      kind: 'master_teacher',
      title: '区级教学名师：王建军',
      teacherName: '王建军',
    });
    expect(
      refusalOf(await w.coordinator.post(`/api/program-projects/${id}/rejection`, { reason: '   ' })),
    ).toEqual([400, 'PROGRAM_REASON_REQUIRED']);
    const rejected = projectOf(
      await w.coordinator.post(`/api/program-projects/${id}/rejection`, { reason: '课时量不足' }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', level: null });
    expect(rejected.events.at(-1)).toMatchObject({ action: 'rejected', comment: '课时量不足' });
  });

  it('lets the school withdraw an undecided application, and filters the list by kind, level and state', async () => {
    const id = await apply(w.vhs, { kind: 'ideology_studio', title: '思政教育工作室' });
    expect(projectOf(await w.vhs.post(`/api/program-projects/${id}/withdrawal`)).state).toBe('withdrawn');
    const brand = (
      await w.coordinator.get('/api/program-projects?kind=brand_major&level=city&state=accepted')
    ).json() as {
      items: Array<{ title: string }>;
    };
    expect(brand.items.map((p) => p.title)).toEqual(['焊接技术应用品牌专业建设']);
    const withdrawn = (await w.vhs.get('/api/program-projects?state=withdrawn')).json() as {
      items: unknown[];
    };
    expect(withdrawn.items).toHaveLength(1);
  });

  it('counts projects for the plan: accepted or approved, by level, as of a date, with drill-down', async () => {
    // Accepted on 2021-11-08 (first test): not yet accepted at the end of October, approved since March.
    expect((await metric('programs.brandMajorsAccepted', '2021-10-31')).value).toBe(0);
    const accepted = await metric('programs.brandMajorsAccepted', '2022-01-10');
    expect(accepted.value).toBe(1);
    // The plan's five named majors come first, 焊接 with its accepted project.
    expect(accepted.drillDown[0]).toEqual(
      expect.objectContaining({ value: 1, ref: expect.objectContaining({ type: 'program_project' }) }),
    );
    expect(accepted.drillDown[0]!.label).toContain('焊接技术应用品牌专业建设');
    expect((await metric('programs.brandMajorsApproved', '2021-10-31')).value).toBe(1);
    expect((await metric('programs.brandMajorsApproved', '2021-03-02')).value).toBe(0);
    // The provincial quality course failed its mid-term: approved for a while, then no longer.
    const failedOn = (
      await w.ctx.db
        .selectFrom('programProject')
        .select('closedOn')
        .where('kind', '=', 'quality_course')
        .executeTakeFirstOrThrow()
    ).closedOn!;
    const dayBefore = new Date(Date.parse(`${failedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect((await metric('programs.provincialQualityCoursesApproved', dayBefore)).value).toBe(1);
    expect((await metric('programs.provincialQualityCoursesApproved', failedOn)).value).toBe(0);
    // A city-level brand major does not count as provincial; a school counts its own projects.
    const school = await w.ctx.services.metrics.compute('programs.brandMajorsAccepted', {
      db: w.ctx.db,
      orgUnitId: w.units.vec,
      period: { startsOn: '2021-01-01', endsOn: '2022-12-31' },
      today: '2022-01-10',
    });
    expect(school.value).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCourse,
  auditOf,
  createProgramsWorld,
  del,
  detailsOf,
  openMajor,
  refusalOf,
  type ProgramsWorld,
} from './programs.test-helpers.ts';
import { createUser, login } from '../../test/test-context.ts';

type Major = {
  id: string;
  name: string;
  school: { code: string };
  catalogue: { code: string; categoryName: string; verified: boolean };
  standards: Array<{ standard: string }>;
  enrolment: Array<{ year: number; intake: number; enrolled: number }>;
  abilities: { edit: boolean };
};
const majorOf = (res: { json(): unknown }) => (res.json() as { major: Major }).major;

describe('majors, courses and textbooks', () => {
  let w: ProgramsWorld;
  beforeAll(async () => {
    w = await createProgramsWorld();
  });
  afterAll(() => w?.ctx.close());

  it('lists the 2021 catalogue to every reader', async () => {
    const res = await w.hrss.get('/api/programs/catalogue');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { version: string; items: Array<{ code: string; name: string }> };
    expect(body.version).toBe('2021');
    expect(body.items.find((i) => i.code === '660301')?.name).toBe('机电技术应用');
  });

  it('opens a major at the clerk’s school from the catalogue, with a direction, audited', async () => {
    const res = await w.vhs.post('/api/majors', {
      catalogueCode: '660301',
      direction: '机电一体化',
      status: 'active',
      establishedYear: 2006,
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = majorOf(res);
    expect(m).toMatchObject({
      name: '机电技术应用（机电一体化）',
      school: { code: 'SD-VHS' },
      catalogue: { code: '660301', categoryName: '装备制造大类', verified: true },
      abilities: { edit: true },
    });
    const row = await w.ctx.db
      .selectFrom('major')
      .selectAll()
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      schoolId: w.units.vhs,
      districtId: w.units.district,
      direction: '机电一体化',
    });
    expect((await auditOf(w.ctx, m.id)).map((a) => a.action)).toEqual(['programs.major.created']);
  });

  it('refuses a major twice, a code not in the catalogue, and a unit that is not a vocational school', async () => {
    await openMajor(w.vhs, '660107');
    const twice = await w.vhs.post('/api/majors', { catalogueCode: '660107', status: 'active' });
    expect(refusalOf(twice)).toEqual([409, 'PROGRAM_MAJOR_DUPLICATE']);
    const unknown = await w.vhs.post('/api/majors', { catalogueCode: '999999', status: 'active' });
    expect(refusalOf(unknown)).toEqual([400, 'PROGRAM_MAJOR_NOT_IN_CATALOGUE']);
    const bureau = await w.hrss.post('/api/majors', { catalogueCode: '730701', status: 'active' });
    expect(refusalOf(bureau)).toEqual([400, 'PROGRAM_NOT_A_SCHOOL']);
    // A junior high holds the clerk's permissions but runs no vocational majors.
    const jhs = await login(w.ctx, (await createUser(w.ctx, 'unit_clerk', 'SD-JHS1')).username);
    const juniorHigh = await jhs.post('/api/majors', { catalogueCode: '730701', status: 'active' });
    expect(refusalOf(juniorHigh)).toEqual([400, 'PROGRAM_NOT_A_SCHOOL']);
    const otherSchool = await w.vhs.post('/api/majors', {
      schoolId: w.units.vec,
      catalogueCode: '730701',
      status: 'active',
    });
    expect(refusalOf(otherSchool)).toEqual([404, 'NOT_FOUND']);
    const coordinator = await w.coordinator.post('/api/majors', {
      catalogueCode: '730701',
      status: 'active',
    });
    expect(refusalOf(coordinator)).toEqual([403, 'FORBIDDEN']);
    const rows = await w.ctx.db.selectFrom('major').select('catalogueCode').execute();
    expect(rows.map((r) => r.catalogueCode).sort()).toEqual(['660107', '660301']);
  });

  it('shows a school its own majors, the district all; another school gets 404, the district 403 on edits', async () => {
    const vecMajor = await openMajor(w.vec, '720601');
    expect((await w.vhs.get(`/api/majors/${vecMajor}`)).statusCode).toBe(404);
    expect((await w.hrss.get(`/api/majors/${vecMajor}`)).statusCode).toBe(404);
    expect(refusalOf(await w.vhs.patch(`/api/majors/${vecMajor}`, { status: 'suspended' }))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    const seen = majorOf(await w.coordinator.get(`/api/majors/${vecMajor}`));
    expect(seen.abilities.edit).toBe(false);
    expect(refusalOf(await w.coordinator.patch(`/api/majors/${vecMajor}`, { status: 'suspended' }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const vhsList = (await w.vhs.get('/api/majors')).json() as { items: Major[] };
    expect(new Set(vhsList.items.map((m) => m.school.code))).toEqual(new Set(['SD-VHS']));
    const all = (await w.viewer.get('/api/majors')).json() as { items: Major[] };
    expect(new Set(all.items.map((m) => m.school.code))).toEqual(new Set(['SD-VHS', 'SD-VEC']));
    expect((await w.hrss.get('/api/majors')).json()).toEqual({ items: [] });
  });

  it('records enrolment per year (a correction replaces the year) and the standards applied', async () => {
    const id = await openMajor(w.vhs, '730701');
    await w.vhs.post(`/api/majors/${id}/enrolment`, { year: 2020, intake: 76, enrolled: 210 });
    await w.vhs.post(`/api/majors/${id}/enrolment`, { year: 2021, intake: 90, enrolled: 230 });
    const fixed = await w.vhs.post(`/api/majors/${id}/enrolment`, { year: 2021, intake: 92, enrolled: 232 });
    expect(majorOf(fixed).enrolment).toEqual([
      { year: 2020, intake: 76, enrolled: 210 },
      { year: 2021, intake: 92, enrolled: 232 },
    ]);
    const twice = await w.vhs.put(`/api/majors/${id}/standards`, {
      standards: [
        { standard: 'teaching', adoptedOn: '2020-09-01' },
        { standard: 'teaching', adoptedOn: '2021-09-01' },
      ],
    });
    expect(refusalOf(twice)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(twice)[0]).toMatchObject({ field: 'standards.1.standard', code: 'DUPLICATE' });
    const set = await w.vhs.put(`/api/majors/${id}/standards`, {
      standards: [
        { standard: 'teaching', adoptedOn: '2020-09-01', note: '人才培养方案已按标准修订' },
        { standard: 'internship', adoptedOn: '2021-03-01' },
      ],
    });
    expect(majorOf(set).standards.map((s) => s.standard)).toEqual(['internship', 'teaching']);
    expect((await auditOf(w.ctx, id)).map((a) => a.action)).toEqual([
      'programs.major.created',
      'programs.major.enrolment_recorded',
      'programs.major.enrolment_recorded',
      'programs.major.enrolment_recorded',
      'programs.major.standards_set',
    ]);
  });

  it('keeps courses under the school’s own majors, with textbooks of every type', async () => {
    const major = await openMajor(w.vhs, '700206');
    const vecMajor = await openMajor(w.vec, '770101');
    const wrong = await w.vhs.post('/api/courses', {
      name: '幼儿游戏',
      majorId: vecMajor,
      category: 'professional',
    });
    expect(refusalOf(wrong)).toEqual([400, 'PROGRAM_OTHER_SCHOOL']);
    const courseId = await addCourse(w.vhs, '汽车发动机构造与维修', major);
    const dup = await w.vhs.post('/api/courses', {
      name: '汽车发动机构造与维修',
      majorId: major,
      category: 'professional',
    });
    expect(refusalOf(dup)).toEqual([409, 'CONFLICT']);
    const added = await w.vhs.post(`/api/courses/${courseId}/textbooks`, {
      title: '汽车发动机构造与维修（活页式）',
      nationalPlanned: true,
      textbookType: 'loose_leaf',
      hasDigitalResources: true,
      digitalResources: '配套微课 36 个',
    });
    expect(added.statusCode, added.body).toBe(200);
    const course = (
      added.json() as {
        course: { major: { name: string }; textbooks: Array<{ id: string; textbookType: string }> };
      }
    ).course;
    expect(course.major.name).toBe('汽车运用与维修');
    expect(course.textbooks).toEqual([
      expect.objectContaining({ textbookType: 'loose_leaf', nationalPlanned: true }),
    ]);
    const bookId = course.textbooks[0]!.id;
    expect((await del(w.vec, `/api/textbooks/${bookId}`)).statusCode).toBe(404);
    const removed = await del(w.vhs, `/api/textbooks/${bookId}`);
    expect((removed.json() as { course: { textbooks: unknown[] } }).course.textbooks).toEqual([]);
    expect((await auditOf(w.ctx, bookId)).map((a) => a.action)).toEqual([
      'programs.textbook.added',
      'programs.textbook.removed',
    ]);
    expect((await w.vec.get(`/api/courses/${courseId}`)).statusCode).toBe(404);
  });

  it('records the district’s coverage threshold N (reviewers only), audited with the old value', async () => {
    expect((await w.vhs.get('/api/programs/settings')).json()).toMatchObject({
      resourceCoverageThreshold: 10,
      abilities: { edit: false },
    });
    expect(refusalOf(await w.vhs.put('/api/programs/settings', { resourceCoverageThreshold: 5 }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const res = await w.coordinator.put('/api/programs/settings', { resourceCoverageThreshold: 8 });
    expect(res.json()).toMatchObject({ resourceCoverageThreshold: 8, abilities: { edit: true } });
    expect((await w.vhs.get('/api/programs/settings')).json()).toMatchObject({
      resourceCoverageThreshold: 8,
    });
    const audit = await auditOf(w.ctx, w.units.district);
    expect(audit.at(-1)).toMatchObject({
      action: 'programs.settings.updated',
      details: { resourceCoverageThreshold: { from: 10, to: 8 } },
    });
  });
});

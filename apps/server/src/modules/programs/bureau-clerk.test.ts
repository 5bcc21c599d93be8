import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, type Client } from '../../test/test-context.ts';
import {
  addCourse,
  createProgramsWorld,
  del,
  openMajor,
  refusalOf,
  uploadPdf,
  type ProgramsWorld,
} from './programs.test-helpers.ts';

type Abilities = Record<string, boolean>;
const FORBIDDEN = [403, 'FORBIDDEN'];

/*
 * A clerk's scope is its unit's whole subtree, so a clerk of 区教育局 (SD-EDU, the unit the schools
 * sit under) sees every school's majors, courses, projects and resources. Keeping them — opening and
 * changing majors, courses and textbooks, applying for projects, describing resources and asking to
 * share them — is the school's own clerk's; the district reviews and decides through its reviewers
 * (the coordinator, `program.review`), which stays as it was.
 */
describe('a clerk of the bureau above the schools reads programs but keeps no school’s records', () => {
  let w: ProgramsWorld;
  let bureau: Client;
  let major: string;
  let course: string;
  const count = async (table: 'major' | 'course' | 'textbook' | 'programProject' | 'teachingResource') =>
    Number(
      (
        await w.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () =>
    Promise.all((['major', 'course', 'textbook', 'programProject', 'teachingResource'] as const).map(count));

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
    bureau = await login(w.ctx, (await createUser(w.ctx, 'unit_clerk', 'SD-EDU')).username);
    major = await openMajor(w.vhs, '660107');
    course = await addCourse(w.vhs, '焊接工艺', major);
  });
  afterAll(() => w?.ctx.close());

  it('sees a school’s major and course, with no ability to keep them', async () => {
    const m = await bureau.get(`/api/majors/${major}`);
    expect(m.statusCode, m.body).toBe(200);
    expect((m.json() as { major: { abilities: Abilities } }).major.abilities).toEqual({ edit: false });
    const c = await bureau.get(`/api/courses/${course}`);
    expect(c.statusCode, c.body).toBe(200);
    expect((c.json() as { course: { abilities: Abilities } }).course.abilities).toEqual({ edit: false });
  });

  it('is refused (403) opening or changing a school’s majors, courses and textbooks; nothing is written', async () => {
    const before = await counts();
    const body = { schoolId: w.units.vhs, catalogueCode: '660301', direction: '', status: 'active' };
    expect(refusalOf(await bureau.post('/api/majors', body))).toEqual(FORBIDDEN);
    expect(refusalOf(await bureau.patch(`/api/majors/${major}`, { status: 'suspended' }))).toEqual(FORBIDDEN);
    const enrolment = { year: 2020, intake: 76, enrolled: 210 };
    expect(refusalOf(await bureau.post(`/api/majors/${major}/enrolment`, enrolment))).toEqual(FORBIDDEN);
    const standards = { standards: [{ standard: 'teaching', adoptedOn: '2020-09-01' }] };
    expect(refusalOf(await bureau.put(`/api/majors/${major}/standards`, standards))).toEqual(FORBIDDEN);
    const courseBody = { schoolId: w.units.vhs, name: '焊接识图', majorId: major, category: 'professional' };
    expect(refusalOf(await bureau.post('/api/courses', courseBody))).toEqual(FORBIDDEN);
    const { schoolId: _, ...courseChange } = courseBody;
    expect(refusalOf(await bureau.put(`/api/courses/${course}`, courseChange))).toEqual(FORBIDDEN);
    const book = {
      title: '焊接工艺（活页式）',
      nationalPlanned: false,
      textbookType: 'loose_leaf',
      hasDigitalResources: false,
    };
    expect(refusalOf(await bureau.post(`/api/courses/${course}/textbooks`, book))).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);

    // The school's own clerk still keeps them.
    const own = await w.vhs.post(`/api/courses/${course}/textbooks`, book);
    expect(own.statusCode, own.body).toBe(200);
    const bookId = (own.json() as { course: { textbooks: Array<{ id: string }> } }).course.textbooks[0]!.id;
    expect(refusalOf(await bureau.put(`/api/textbooks/${bookId}`, book))).toEqual(FORBIDDEN);
    expect(refusalOf(await del(bureau, `/api/textbooks/${bookId}`))).toEqual(FORBIDDEN);
    expect((await w.vhs.patch(`/api/majors/${major}`, { status: 'active' })).statusCode).toBe(200);
  });

  it('is refused (403) applying for, changing and withdrawing a school’s project; the district still decides', async () => {
    const title = '焊接技术应用品牌专业建设';
    const before = await counts();
    const asBureau = { schoolId: w.units.vhs, kind: 'brand_major', title, majorId: major, fileIds: [] };
    expect(refusalOf(await bureau.post('/api/program-projects', asBureau))).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);

    const created = await w.vhs.post('/api/program-projects', { kind: 'brand_major', title, majorId: major });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { project: { id: string } }).project.id;
    const seen = await bureau.get(`/api/program-projects/${id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as { project: { abilities: Abilities } }).project.abilities).toMatchObject({
      edit: false,
      submit: false,
      withdraw: false,
    });
    const edit = { kind: 'brand_major', title: '改名', majorId: major, fileIds: [] };
    expect(refusalOf(await bureau.put(`/api/program-projects/${id}`, edit))).toEqual(FORBIDDEN);
    expect(refusalOf(await bureau.post(`/api/program-projects/${id}/submission`))).toEqual(FORBIDDEN);
    expect(refusalOf(await bureau.post(`/api/program-projects/${id}/withdrawal`))).toEqual(FORBIDDEN);

    expect((await w.vhs.post(`/api/program-projects/${id}/submission`)).statusCode).toBe(200);
    const scored = await w.coordinator.put(`/api/program-projects/${id}/score`, { score: 90, opinion: '好' });
    expect(scored.statusCode, scored.body).toBe(200);
    const approved = await w.coordinator.post(`/api/program-projects/${id}/approval`, {
      level: 'city',
      note: '长教职〔2021〕5号',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as { project: { state: string } }).project.state).toBe('approved');
  });

  it('is refused (403) describing, changing, deleting and sharing a school’s resource; the district still shares', async () => {
    const fileId = await uploadPdf(w.vhs, '焊接微课.pdf');
    const body = {
      title: '焊接微课',
      description: '',
      resourceType: 'micro_lecture',
      licence: 'cc_by_4',
      majorId: major,
      courseId: course,
    };
    const bureauFile = await uploadPdf(bureau, '局里的微课.pdf');
    const before = await counts();
    const create = { ...body, schoolId: w.units.vhs, fileId: bureauFile };
    expect(refusalOf(await bureau.post('/api/teaching-resources', create))).toEqual(FORBIDDEN);
    expect(await counts()).toEqual(before);

    const created = await w.vhs.post('/api/teaching-resources', { ...body, fileId });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { resource: { id: string } }).resource.id;
    const seen = await bureau.get(`/api/teaching-resources/${id}`);
    expect((seen.json() as { resource: { abilities: Abilities } }).resource.abilities).toEqual({
      edit: false,
      delete: false,
      requestSharing: false,
      reviewSharing: false,
    });
    expect(refusalOf(await bureau.put(`/api/teaching-resources/${id}`, { ...body, title: '改名' }))).toEqual(
      FORBIDDEN,
    );
    expect(refusalOf(await bureau.post(`/api/teaching-resources/${id}/sharing-request`))).toEqual(FORBIDDEN);
    expect(refusalOf(await del(bureau, `/api/teaching-resources/${id}`))).toEqual(FORBIDDEN);
    expect(await count('teachingResource')).toBe(before[4]! + 1);

    expect((await w.vhs.post(`/api/teaching-resources/${id}/sharing-request`)).statusCode).toBe(200);
    const shared = await w.coordinator.post(`/api/teaching-resources/${id}/sharing-decision`, {
      share: true,
    });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((shared.json() as { resource: { shareState: string } }).resource.shareState).toBe('shared');
  });
});

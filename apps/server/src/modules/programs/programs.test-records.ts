import { permissionsOf } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { listUserRefs } from '../../platform/auth/users.repository.ts';
import type { TestContext } from '../../test/test-context.ts';
import type { WriteProbe } from '../../test/write-probe.ts';
import { listOrgUnitInfo } from '../org/index.ts';
import { resourceSearchFields } from './search-terms.ts';
import { tinyPdf } from './tiny-pdf.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang` and at least one
 * account): a major, a course, a project and a private resource of 区职业高中 and of 区职教中心,
 * and a resource 区职教中心 shared district-wide. School records are visible to their school
 * (and the district-wide roles); the shared resource to every unit of the district.
 */
export async function programScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = await listOrgUnitInfo(ctx.db);
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const districtId = unit.get('SD')!;
  const [user] = await listUserRefs(ctx.db, {});
  if (!user) throw new Error('programScopingRecords needs an account');
  const now = ctx.clock.now();
  const out = {
    majors: [] as Owned[],
    courses: [] as Owned[],
    projects: [] as Owned[],
    resources: [] as Owned[],
  };
  for (const code of ['SD-VHS', 'SD-VEC']) {
    const schoolId = unit.get(code)!;
    const major = await ctx.db
      .insertInto('major')
      .values({
        schoolId,
        districtId,
        catalogueVersion: '2021',
        catalogueCode: '660107',
        status: 'active',
        establishedYear: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const course = await ctx.db
      .insertInto('course')
      .values({
        schoolId,
        majorId: major.id,
        name: '焊接工艺',
        category: 'professional',
        hours: 72,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const project = await ctx.db
      .insertInto('programProject')
      .values({
        schoolId,
        districtId,
        kind: 'brand_major',
        title: `${code} 品牌专业`,
        majorId: major.id,
        courseId: null,
        teacherId: null,
        state: 'applied',
        level: null,
        averageScore: null,
        appliedAt: now,
        approvedOn: null,
        midtermOn: null,
        closedOn: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const uploader: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.username,
      role: 'unit_clerk',
      orgUnitId: schoolId,
      sessionId: 'scoping',
      mfa: false,
      restriction: null,
      permissions: new Set(permissionsOf('unit_clerk')),
      scope: { all: false, orgUnitIds: [schoolId] },
      districtId,
      ip: null,
    };
    const file = await ctx.services.files.storeUpload(uploader, {
      buffer: tinyPdf([`${code} resource`]),
      filename: '焊接.pdf',
    });
    for (const shared of code === 'SD-VEC' ? [false, true] : [false]) {
      const title = `${code} 焊接微课${shared ? '（共享）' : ''}`;
      const r = await ctx.db
        .insertInto('teachingResource')
        .values({
          schoolId,
          districtId,
          majorId: major.id,
          courseId: course.id,
          resourceType: 'micro_lecture',
          licence: 'cc_by_4',
          title,
          fileId: file.id,
          shareState: shared ? 'shared' : 'private',
          sharedOn: shared ? '2021-05-01' : null,
          reviewedBy: null,
          reviewedAt: null,
          refusalReason: null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
          ...resourceSearchFields({
            title,
            description: '',
            labels: [],
            filters: { resourceType: 'micro_lecture', majorId: major.id, courseId: course.id },
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      out.resources.push({ id: r.id, unitIds: shared ? units.map((u) => u.id) : [schoolId] });
    }
    out.majors.push({ id: major.id, unitIds: [schoolId] });
    out.courses.push({ id: course.id, unitIds: [schoolId] });
    out.projects.push({ id: project.id, unitIds: [schoolId] });
  }
  return [
    ['/api/majors/:id', out.majors],
    ['/api/courses/:id', out.courses],
    ['/api/program-projects/:id', out.projects],
    ['/api/teaching-resources/:id', out.resources],
    ['/api/teaching-resources/:id/preview', out.resources],
    ['/api/teaching-resources/:id/download', out.resources],
  ];
}

const FORBIDDEN = '403 FORBIDDEN';
const OTHER_SCHOOL = '400 PROGRAM_OTHER_SCHOOL PROGRAM_OTHER_SCHOOL';
/** An id nothing holds. */
const NOBODY = '00000000-0000-4000-8000-000000000000';

/**
 * The programs' write routes for the scoping matrix, over the records of `programScopingRecords`
 * (each school's major, course, applied project and private resource; the resource shared
 * district-wide is every unit's to read, so it is left out of the walk). The school's own clerk is
 * refused for what it asks — a major it already has, another school's major, a step the project's
 * state does not allow — so the walk writes nothing; a clerk of a unit above the schools is 403,
 * the district's decisions (`program.review`) 403 to every clerk.
 */
export async function programWriteProbes(ctx: TestContext): Promise<WriteProbe[]> {
  const majors = await ctx.db.selectFrom('major').select(['id', 'schoolId']).execute();
  /** Another school's major, for a reference the owner is refused. */
  const foreignMajor = (schoolId: string) => majors.find((m) => m.schoolId !== schoolId)!.id;
  const school = (rec: Owned) => rec.unitIds[0]!;
  const privateOnly = (rec: Owned) => rec.unitIds.length === 1;
  const district = { own: FORBIDDEN, seen: FORBIDDEN, unseen: FORBIDDEN };
  const project = (rec: Owned) => ({
    kind: 'brand_major',
    title: '焊接技术应用品牌专业建设',
    majorId: foreignMajor(school(rec)),
    fileIds: [],
  });
  const resource = (rec: Owned) => ({
    title: '焊接微课',
    resourceType: 'micro_lecture',
    licence: 'cc_by_4',
    majorId: foreignMajor(school(rec)),
  });
  return [
    {
      method: 'POST',
      url: '/api/majors',
      records: '/api/majors/:id',
      request: (rec) => ({
        payload: { schoolId: school(rec), catalogueCode: '660107', direction: '', status: 'active' },
      }),
      own: '409 PROGRAM_MAJOR_DUPLICATE',
    },
    {
      method: 'PATCH',
      url: '/api/majors/:id',
      records: '/api/majors/:id',
      request: () => ({ payload: { status: 'suspended' } }),
      own: null,
    },
    {
      method: 'POST',
      url: '/api/majors/:id/enrolment',
      records: '/api/majors/:id',
      request: () => ({ payload: { year: 2021, intake: 40, enrolled: 120 } }),
      own: null,
    },
    {
      method: 'PUT',
      url: '/api/majors/:id/standards',
      records: '/api/majors/:id',
      request: () => ({
        payload: {
          standards: [
            { standard: 'teaching', adoptedOn: '2020-09-01' },
            { standard: 'teaching', adoptedOn: '2021-09-01' },
          ],
        },
      }),
      own: '400 VALIDATION_FAILED DUPLICATE',
    },
    {
      method: 'POST',
      url: '/api/courses',
      records: '/api/courses/:id',
      request: (rec) => ({
        payload: {
          schoolId: school(rec),
          name: '焊接识图',
          majorId: foreignMajor(school(rec)),
          category: 'professional',
        },
      }),
      own: OTHER_SCHOOL,
    },
    {
      method: 'PUT',
      url: '/api/courses/:id',
      records: '/api/courses/:id',
      request: (rec) => ({
        payload: { name: '焊接工艺', majorId: foreignMajor(school(rec)), category: 'professional' },
      }),
      own: OTHER_SCHOOL,
    },
    {
      method: 'POST',
      url: '/api/courses/:id/textbooks',
      records: '/api/courses/:id',
      request: () => ({
        payload: {
          title: '焊接工艺（活页式）',
          nationalPlanned: false,
          textbookType: 'loose_leaf',
          hasDigitalResources: false,
        },
      }),
      own: null,
    },
    {
      method: 'POST',
      url: '/api/program-projects',
      records: '/api/program-projects/:id',
      request: (rec) => ({ payload: { ...project(rec), schoolId: school(rec) } }),
      own: OTHER_SCHOOL,
    },
    {
      method: 'PUT',
      url: '/api/program-projects/:id',
      records: '/api/program-projects/:id',
      request: (rec) => ({ payload: { ...project(rec), majorId: null } }),
      // The record is applied: only a draft is edited.
      own: '409 PROGRAM_INVALID_TRANSITION',
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/submission',
      records: '/api/program-projects/:id',
      request: () => ({ payload: undefined }),
      own: '409 PROGRAM_INVALID_TRANSITION',
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/withdrawal',
      records: '/api/program-projects/:id',
      request: () => ({ payload: undefined }),
      own: null,
    },
    {
      method: 'PUT',
      url: '/api/program-projects/:id/score',
      records: '/api/program-projects/:id',
      request: () => ({ payload: { score: 90, opinion: '好' } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/approval',
      records: '/api/program-projects/:id',
      request: () => ({ payload: { level: 'city' } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/rejection',
      records: '/api/program-projects/:id',
      request: () => ({ payload: { reason: '不符合条件' } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/midterm',
      records: '/api/program-projects/:id',
      request: () => ({ payload: { passed: true, opinion: '合格', fileIds: [] } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/program-projects/:id/acceptance',
      records: '/api/program-projects/:id',
      request: () => ({ payload: { passed: true, opinion: '合格', fileIds: [] } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/teaching-resources',
      records: '/api/teaching-resources/:id',
      only: privateOnly,
      request: (rec) => ({ payload: { ...resource(rec), schoolId: school(rec), fileId: NOBODY } }),
      own: '400 VALIDATION_FAILED FILE_UNKNOWN',
    },
    {
      method: 'PUT',
      url: '/api/teaching-resources/:id',
      records: '/api/teaching-resources/:id',
      only: privateOnly,
      request: (rec) => ({ payload: resource(rec) }),
      own: OTHER_SCHOOL,
    },
    {
      method: 'POST',
      url: '/api/teaching-resources/:id/sharing-request',
      records: '/api/teaching-resources/:id',
      only: privateOnly,
      request: () => ({ payload: undefined }),
      own: null,
    },
    {
      method: 'POST',
      url: '/api/teaching-resources/:id/sharing-decision',
      records: '/api/teaching-resources/:id',
      only: privateOnly,
      request: () => ({ payload: { share: true } }),
      ...district,
    },
  ];
}

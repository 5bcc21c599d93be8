import { permissionsOf } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { listUserRefs } from '../../platform/auth/users.repository.ts';
import type { TestContext } from '../../test/test-context.ts';
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

import type { TestContext } from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { birthColumns } from './teacher-columns.ts';
import { insertTeacher } from './teachers.repository.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): a teacher of
 * 区职业高中 and one of 区职教中心, each with a 双师型 application, and the records behind every
 * teachers GET route that takes an id. A teacher and their applications are visible to their
 * school (and the district-wide roles), nobody else.
 */
export async function teacherScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = new Map(
    [...(await unitsByCodes(ctx.db, ['SD', 'SD-VHS', 'SD-VEC'])).values()].map((u) => [u.code, u.id]),
  );
  const now = ctx.clock.now();
  const teachers: Owned[] = [];
  const applications: Owned[] = [];
  for (const [i, code] of ['SD-VHS', 'SD-VEC'].entries()) {
    const schoolId = units.get(code)!;
    const t = {
      id: await insertTeacher(ctx.db, {
        schoolId,
        districtId: units.get('SD')!,
        name: `${code} 教师`,
        idCipher: 'v1:scoping',
        idIndex: `scoping-${i}`,
        idMasked: '140404********0011',
        sex: 'M',
        ...birthColumns(ctx.crypto, '1980-01-01'),
        phoneCipher: null,
        phoneMasked: null,
        education: 'bachelor',
        professionalTitle: 'intermediate',
        post: '专业课教师',
        series: 'full_time',
        internshipInstructor: false,
        hireDate: '2010-09-01',
        leaveDate: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      }),
    };
    await ctx.db
      .insertInto('teacherSpecialisedPeriod')
      .values({ teacherId: t.id, startsOn: '2010-09-01', endsOn: null })
      .execute();
    const a = await ctx.db
      .insertInto('dqApplication')
      .values({
        teacherId: t.id,
        schoolId,
        districtId: units.get('SD')!,
        level: 'junior',
        state: 'submitted',
        statement: '',
        evidenceFileIds: [],
        criteria: '[]',
        submittedBy: null,
        submittedAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    teachers.push({ id: t.id, unitIds: [schoolId] });
    applications.push({ id: a.id, unitIds: [schoolId] });
  }
  return [
    ['/api/teachers/:id', teachers],
    ['/api/dq-applications/:id', applications],
  ];
}

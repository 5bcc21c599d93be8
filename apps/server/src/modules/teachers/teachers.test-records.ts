import { multipartFile, type TestContext } from '../../test/test-context.ts';
import type { WriteProbe } from '../../test/write-probe.ts';
import { unitsByCodes } from '../org/index.ts';
import { birthColumns, identityColumns } from './teacher-columns.ts';
import { badChecksum, registerFile, teacherBody, validId } from './teachers-test-helpers.ts';
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
        ...identityColumns(ctx.crypto, validId('1980-01-01', i)),
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORBIDDEN = '403 FORBIDDEN';

/**
 * The teachers' write routes for the scoping matrix, over the records of `teacherScopingRecords`
 * (each teacher's application is `submitted`). Only the school's own clerk keeps its register; the
 * district's steps (decision, recognitions, hire exceptions: `teacher.review`) are no clerk's,
 * whatever the record. A request the owner would have written is made to fail after the access
 * checks (an ID number with a wrong check character), so the walk writes nothing but audit rows.
 */
export async function teacherWriteProbes(ctx: TestContext): Promise<WriteProbe[]> {
  const codes = new Map(
    [...(await unitsByCodes(ctx.db, ['SD-VHS', 'SD-VEC'])).values()].map((u) => [u.id, u.code]),
  );
  const badId = badChecksum(validId('1985-06-01', 7));
  const importRow = (schoolId: string) => ({
    学校代码: codes.get(schoolId)!,
    姓名: '王建国',
    身份证号: badId,
    性别: '男',
    学历: '本科',
    职称: '讲师',
    岗位: '专业课教师',
    教师类别: '专任教师',
    实习指导教师: '否',
    入职日期: '2008-09-01',
  });
  const files = new Map<string, Buffer>();
  for (const id of codes.keys()) files.set(id, await registerFile([importRow(id)]));
  const { schoolId: _, ...update } = teacherBody(codes.keys().next().value!, { idNumber: badId });
  const application = { level: 'intermediate', statement: '' };
  const district = { own: FORBIDDEN, seen: FORBIDDEN, unseen: FORBIDDEN };
  return [
    {
      method: 'POST',
      url: '/api/teachers',
      records: '/api/teachers/:id',
      request: (rec) => ({ payload: teacherBody(rec.unitIds[0]!, { idNumber: badId }) }),
      own: '400 VALIDATION_FAILED ID_CHECKSUM',
    },
    {
      method: 'POST',
      url: '/api/teachers/imports',
      records: '/api/teachers/:id',
      request: (rec) => multipartFile('教师名册.xlsx', files.get(rec.unitIds[0]!)!, XLSX),
      // An import answers row by row: a school not the actor's to keep is a row's problem.
      own: '400 TEACHER_IMPORT_INVALID ID_CHECKSUM',
      seen: '400 TEACHER_IMPORT_INVALID SCHOOL_UNKNOWN,ID_CHECKSUM',
      unseen: '400 TEACHER_IMPORT_INVALID SCHOOL_UNKNOWN,ID_CHECKSUM',
    },
    {
      method: 'PUT',
      url: '/api/teachers/:id',
      records: '/api/teachers/:id',
      request: () => ({ payload: update }),
      own: '400 VALIDATION_FAILED ID_CHECKSUM',
    },
    {
      method: 'POST',
      url: '/api/teachers/:id/unmask',
      records: '/api/teachers/:id',
      request: () => ({ payload: undefined }),
      own: '200',
    },
    {
      method: 'POST',
      url: '/api/teachers/:id/dq-applications',
      records: '/api/teachers/:id',
      request: () => ({ payload: application }),
      own: '409 TEACHER_DQ_APPLICATION_OPEN TEACHER_DQ_APPLICATION_OPEN',
    },
    {
      method: 'POST',
      url: '/api/dq-applications/:id/resubmission',
      records: '/api/dq-applications/:id',
      request: () => ({ payload: application }),
      own: '409 TEACHER_DQ_INVALID_TRANSITION',
    },
    // The owner would move the application on: recognition.test.ts and bureau-clerk.test.ts.
    {
      method: 'POST',
      url: '/api/dq-applications/:id/withdrawal',
      records: '/api/dq-applications/:id',
      request: () => ({ payload: undefined }),
      own: null,
    },
    {
      method: 'POST',
      url: '/api/dq-applications/:id/school-review',
      records: '/api/dq-applications/:id',
      request: () => ({ payload: { decision: 'pass', comment: '' } }),
      own: null,
    },
    {
      method: 'POST',
      url: '/api/dq-applications/:id/decision',
      records: '/api/dq-applications/:id',
      request: () => ({ payload: { decision: 'refuse', reason: '不符合条件' } }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/teachers/:id/recognitions',
      records: '/api/teachers/:id',
      request: () => ({
        payload: { level: 'junior', certifyingBody: '区教育局', recognisedOn: '2020-09-01' },
      }),
      ...district,
    },
    {
      method: 'POST',
      url: '/api/teachers/:id/hire-exception',
      records: '/api/teachers/:id',
      request: () => ({ payload: { reason: '特殊高技能人才' } }),
      ...district,
    },
  ];
}

import type { TestContext } from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { insertLearners } from './learners.repository.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): a learner of
 * 区职业高中 and one of 区职教中心, imported, behind the learners GET routes that take an id. A
 * learner is visible to their school (and the district-wide roles), nobody else.
 */
export async function learnerScopingRecords(ctx: TestContext): Promise<Array<[string, Owned[]]>> {
  const units = new Map(
    [...(await unitsByCodes(ctx.db, ['SD', 'SD-VHS', 'SD-VEC'])).values()].map((u) => [u.code, u.id]),
  );
  const now = ctx.clock.now();
  const learners: Owned[] = [];
  for (const [i, code] of ['SD-VHS', 'SD-VEC'].entries()) {
    const schoolId = units.get(code)!;
    const [id] = await insertLearners(ctx.db, [
      {
        schoolId,
        districtId: units.get('SD')!,
        majorCode: '660301',
        majorName: '焊接技术应用',
        className: '1班',
        cohortYear: 2020,
        name: `${code} 学生`,
        ...identityColumns(ctx.crypto, `14042120050101${String(i).padStart(3, '0')}X`, '2005-01-01'),
        sex: 'M',
        status: 'enrolled',
        statusSince: '2020-09-01',
        source: 'import',
        enrollmentRegistrationId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    learners.push({ id: id!, unitIds: [schoolId] });
  }
  return [
    ['/api/learners/:id', learners],
    ['/api/learners/:id/destination', learners],
  ];
}

import type { TestContext } from '../../test/test-context.ts';
import type { WriteProbe } from '../../test/write-probe.ts';
import { listOrgUnitInfo, unitsByCodes } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { insertCatalogue } from './catalogue.repository.ts';
import { insertLearners } from './learners.repository.ts';
import { insertOutcomes } from './outcomes.repository.ts';

/** A record behind an `:id` route, with the org units whose users may see it. */
type Owned = { id: string; unitIds: string[] };

/**
 * For the scoping matrix (platform/http/scoping.test.ts, needs `seedShangdang`): a learner of
 * 区职业高中 and one of 区职教中心, imported, behind the learners GET routes that take an id (the
 * learner, their outcomes and credit account), an outcome of each, and the district's catalogue. A
 * learner and their outcomes are visible to their school (and the district-wide roles), nobody
 * else; the catalogue to every unit of the district.
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
  const outcomes: Owned[] = [];
  for (const [i, learner] of learners.entries()) {
    const [outcomeId] = await insertOutcomes(ctx.db, [
      {
        learnerId: learner.id,
        schoolId: learner.unitIds[0]!,
        districtId: units.get('SD')!,
        type: 'one_plus_x_certificate',
        title: 'Web 前端开发',
        certificateCode: null,
        level: 'intermediate',
        issuer: '工业和信息化部教育与考试中心',
        number: `SCOPE-${i}`,
        numberKey: `SCOPE-${i}`,
        achievedOn: '2021-03-01',
        evidenceFileId: null,
        source: 'school',
        importId: null,
        status: 'pending',
        recordedBy: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    outcomes.push({ id: outcomeId!, unitIds: learner.unitIds });
  }
  // The district's catalogue: every unit of the district reads it.
  const catalogueId = await insertCatalogue(
    ctx.db,
    { districtId: units.get('SD')!, year: 2021, version: 1, note: '', createdBy: null, createdAt: now },
    [
      {
        type: 'one_plus_x_certificate',
        certificateCode: null,
        certificateName: '',
        level: 'intermediate',
        suggestedCredits: 80,
      },
    ],
  );
  const districtUnits = await listOrgUnitInfo(ctx.db, { under: units.get('SD')! });
  return [
    ['/api/learners/:id', learners],
    ['/api/learners/:id/destination', learners],
    ['/api/learners/:id/outcomes', learners],
    ['/api/learners/:id/credit-account', learners],
    ['/api/learners/:id/conversions', learners],
    ['/api/learners/:id/credit-bank-export.xlsx', learners],
    ['/api/learners/:id/transcript', learners],
    ['/api/learners/:id/same-person', learners],
    ['/api/learning-outcomes/:id', outcomes],
    ['/api/learning-outcomes/:id/recognition-check', outcomes],
    ['/api/outcome-catalogues/:id', [{ id: catalogueId, unitIds: districtUnits.map((u) => u.id) }]],
  ];
}

/**
 * The learners' write routes for the scoping matrix, over the records of `learnerScopingRecords`.
 * Only the school's own clerk keeps its register. The owner's request is refused for what it asks
 * (a status change dated in the future, a destination for a learner who has not graduated, a season
 * that does not exist), past the access checks, so the walk writes nothing but the audit rows of
 * the clear ID view.
 */
export function learnerWriteProbes(): WriteProbe[] {
  return [
    {
      method: 'POST',
      url: '/api/learners/:id/status-changes',
      records: '/api/learners/:id',
      request: () => ({ payload: { status: 'suspended', date: '2099-01-01', reason: '因病休学' } }),
      own: '409 LEARNER_STATUS_CHANGE_REFUSED DATE_IN_FUTURE',
    },
    {
      method: 'POST',
      url: '/api/learners/:id/unmask',
      records: '/api/learners/:id',
      request: () => ({ payload: undefined }),
      own: '200',
    },
    {
      method: 'POST',
      url: '/api/learners/:id/transcript/credential',
      records: '/api/learners/:id',
      request: () => ({ payload: undefined }),
      // The scoping context names no public address: the owner gets as far as the issuing.
      own: '409 CREDENTIALS_NOT_CONFIGURED',
    },
    {
      method: 'POST',
      url: '/api/learners/social-learners',
      records: '/api/learners/:id',
      // The school is the record's: the owner gets as far as the ID number's check.
      request: (rec) => ({ payload: { schoolId: rec.unitIds[0], name: '社会学员', idNumber: '1404' } }),
      own: '400 VALIDATION_FAILED ID_FORMAT',
    },
    {
      method: 'POST',
      url: '/api/learners/class-assignments',
      records: '/api/learners/:id',
      // The learner's own class again: nothing changes for the owner.
      request: (rec) => ({ payload: { learnerIds: [rec.id], className: '' } }),
      own: '200',
    },
    {
      method: 'PUT',
      url: '/api/learners/:id/destination',
      records: '/api/learners/:id',
      request: () => ({
        payload: { kind: 'further_study', settledOn: '2021-09-01', institutionName: '长治职业技术学院' },
      }),
      // The records are 在籍, not graduates.
      own: '409 DESTINATION_NOT_GRADUATED',
    },
    {
      method: 'POST',
      url: '/api/learners/enrollment-cohorts',
      records: '/api/learners/:id',
      request: (rec) => ({
        payload: { schoolId: rec.unitIds[0], seasonId: '00000000-0000-4000-8000-000000000000' },
      }),
      own: '400 VALIDATION_FAILED NOT_FOUND',
    },
    {
      method: 'POST',
      url: '/api/learners/:id/outcomes',
      records: '/api/learners/:id',
      request: () => ({
        payload: { type: 'course_credit', title: '焊接工艺', issuer: '区职业高中', achievedOn: '2099-01-01' },
      }),
      own: '400 VALIDATION_FAILED DATE_IN_FUTURE',
    },
    {
      method: 'POST',
      url: '/api/learners/:id/conversions',
      records: '/api/learners/:id',
      request: () => ({ payload: { ruleId: '00000000-0000-4000-8000-000000000000' } }),
      own: '400 VALIDATION_FAILED NOT_FOUND',
    },
  ];
}
